"""The storage journal: files staged by a command and waiting to be published, and the bags
restored here. Written only by ``archive.preservation.staging`` and ``archive.preservation.bag.restore``.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class StagedFile(models.Model):
    """A file written under a staging name whose rows have committed: move it to its name.

    Saved in the same transaction as the rows that name the file, deleted once the file is
    in place; a row left behind by a killed command is finished by the next run.
    """

    operation = models.CharField(
        max_length=200, db_index=True, help_text="The staging folder of the write (its owner)."
    )
    name = models.CharField(max_length=255, help_text="The file's name in storage.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["operation", "name"], name="staged_file_once")
        ]

    def __str__(self) -> str:
        return f"{self.staged} -> {self.name}"

    @property
    def staged(self) -> str:
        return f"{self.operation}/{self.name}"


class BagRestore(models.Model):
    """A bag restored into this archive, so that running the restore again finishes it."""

    bag_sha256 = models.CharField(
        max_length=64, unique=True, help_text="SHA-256 of the bag's payload manifests."
    )
    directory = models.CharField(max_length=1000, help_text="Where the bag was read from.")
    restored_at = models.DateTimeField(default=timezone.now)
    records = models.PositiveIntegerField(default=0)
    files = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-restored_at"]

    def __str__(self) -> str:
        return f"bag {self.bag_sha256[:12]} restored {self.restored_at:%Y-%m-%d %H:%M}"
