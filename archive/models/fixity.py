"""Fixity: the record of each re-hash of an asset's stored files."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from archive.models.assets import Asset


class FixityCheck(models.Model):
    """One re-hash of an asset's stored files by `manage.py fixity`."""

    class Result(models.TextChoices):
        OK = "ok", "OK"
        MISSING = "missing", "Missing"
        ALTERED = "altered", "Altered"

    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="fixity_checks")
    checked_at = models.DateTimeField(default=timezone.now, db_index=True)
    result = models.CharField(max_length=10, choices=Result.choices)
    detail = models.TextField(blank=True, help_text="Which file, and the hash found.")

    class Meta:
        ordering = ["-checked_at"]
        get_latest_by = "checked_at"

    def __str__(self) -> str:
        return f"{self.asset} {self.result} at {self.checked_at:%Y-%m-%d %H:%M}"
