"""Pre-publication checks: who checked which draft, for what medium, day and territory, and
the verdicts each picture got (``archive.rights.check`` writes them; nothing edits them)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from archive.rights.media import MEDIA, MEDIUM_LABELS


class PrepublicationCheck(models.Model):
    """One run of the pre-publication check on a draft article: a record, never edited."""

    class Verdict(models.TextChoices):
        YES = "yes", "Yes"
        CONDITIONS = "conditions", "Yes, with conditions"
        NO = "no", "No"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="prepublication_checks",
        help_text="Who ran the check (by the desk page or with an API token).",
    )
    checked_at = models.DateTimeField(auto_now_add=True, db_index=True)
    via = models.CharField(
        max_length=10,
        choices=[("page", "Desk page"), ("api", "API")],
        default="page",
        help_text="Where the check was run from.",
    )
    medium = models.CharField(
        max_length=12, choices=[(medium, MEDIUM_LABELS[medium]) for medium in MEDIA]
    )
    publication_date = models.DateField(help_text="The day the article is to be published.")
    territory = models.CharField(max_length=3, blank=True, help_text="Empty: not asked.")
    title = models.CharField(max_length=500, blank=True, help_text="The draft's headline.")
    draft_sha256 = models.CharField(
        max_length=64, db_index=True, help_text="SHA-256 of the draft's text as checked."
    )
    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    pictures = models.JSONField(
        default=list, help_text="The verdict on each picture, as the check's JSON answer gives it."
    )

    class Meta:
        ordering = ["-checked_at", "-id"]
        permissions = [("run_prepublication_check", "Can run the pre-publication check")]

    def __str__(self) -> str:
        return f"{self.title or '(untitled)'} · {self.medium} · {self.publication_date}"
