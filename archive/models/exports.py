"""Training-set exports: which pictures left the archive to train AI, and when.

Recorded by ``export_bag --training-set`` (``archive.preservation.bag``); the licence audit
reads them to find pictures whose Data Mining value forbids AI training that were included.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class DatasetExport(models.Model):
    """One export declared as a set for training AI models."""

    created_at = models.DateTimeField(auto_now_add=True)
    purpose = models.CharField(
        max_length=500, help_text="What the set is for, as declared when it was exported."
    )
    destination = models.CharField(
        max_length=1000, blank=True, help_text="Where it was written (a folder)."
    )
    contact = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "training-set export"

    def __str__(self) -> str:
        return f"training-set export #{self.pk} ({self.purpose})"


class DatasetExportItem(models.Model):
    """A picture included in a training-set export."""

    export = models.ForeignKey(DatasetExport, on_delete=models.CASCADE, related_name="items")
    asset = models.ForeignKey(
        "archive.Asset", on_delete=models.CASCADE, related_name="dataset_exports"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["export", "asset"], name="dataset_export_item_once")
        ]

    def __str__(self) -> str:
        return f"asset #{self.asset_id} in training-set export #{self.export_id}"
