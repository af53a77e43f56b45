"""Derived facts about each asset that the licence audit and the licence-status filters read.

One row per asset, written only by ``archive.audit.facts`` (never edited, never in history):
the licences' window and facts, the placements' facts and the credit embedded in the file,
and the asset's own fields the usable filter tests (its credit, the video a still was cut
from, its data-mining terms), copied so that a search's test of a hit reads one index entry.
Nothing here depends on credits' names or aliases: those are compared when the report runs,
so editing aliases leaves these rows true (a credit merge moves assets: it refreshes them).
"""

from __future__ import annotations

from django.db import models


class AssetFacts(models.Model):
    """What the audit reads of an asset's licences, placements and embedded metadata."""

    asset = models.OneToOneField(
        "archive.Asset", primary_key=True, on_delete=models.CASCADE, related_name="facts"
    )
    licence_count = models.PositiveIntegerField(default=0)
    licence_starts_on = models.DateField(
        null=True, blank=True, help_text="Earliest start; empty: open."
    )
    licence_expires_on = models.DateField(
        null=True, blank=True, help_text="Latest expiry; empty: never."
    )
    licence_window_single = models.BooleanField(
        default=True, help_text="One licence spans the whole window."
    )
    licence_verified = models.BooleanField(
        default=False, help_text="At least one licence was verified."
    )
    licence_kinds = models.PositiveSmallIntegerField(
        default=0, help_text="1: a social-embed licence; 2: another type; 3: both."
    )
    licence_licensors = models.PositiveSmallIntegerField(
        default=0, help_text="How many different licensors (by matching key)."
    )
    licence_licensor_key = models.TextField(
        blank=True, help_text="The licensors' matching key, when there is one."
    )
    placement_count = models.PositiveIntegerField(default=0)
    printed_credits = models.PositiveSmallIntegerField(
        default=0, help_text="How many different credit records it is printed under."
    )
    printed_credit_id = models.BigIntegerField(
        null=True, blank=True, help_text="The credit record it is printed under, when one."
    )
    printed_line_only = models.BooleanField(
        default=False, help_text="A placement prints a credit line with no credit record."
    )
    embedded_credit = models.TextField(
        blank=True, help_text="The credit embedded in the file (XMP photoshop:Credit, else IPTC)."
    )
    embedded_credit_key = models.TextField(blank=True, help_text="Its matching key.")
    ai_undisclosed_placements = models.PositiveIntegerField(
        default=0,
        help_text="Placements whose caption and credit line do not say the picture was made "
        "with AI (counted for AI-made pictures only).",
    )
    usage_category_id = models.BigIntegerField(
        null=True,
        blank=True,
        help_text="Its usage category (the id), read by the usable filter; empty: none recorded.",
    )
    # The asset's own fields the usable filter (archive.rights.sql) tests, copied from its row.
    credit_id = models.BigIntegerField(
        null=True, blank=True, help_text="The asset's credit (the id); empty: uncredited."
    )
    video_id = models.BigIntegerField(
        null=True, blank=True, help_text="For a still: the video it was cut from (the id)."
    )
    data_mining = models.CharField(
        max_length=45, blank=True, help_text="The asset's data-mining terms (the PLUS code)."
    )

    class Meta:
        verbose_name = "asset facts"
        verbose_name_plural = "asset facts"
        indexes = [
            # The search's licence-status filter and the usable filter (archive.rights.sql)
            # read these columns for each hit (the facet reads the search documents' copy of
            # the window): one entry of this index instead of the facts' and the asset's rows.
            models.Index(
                fields=[
                    "asset",
                    "licence_count",
                    "licence_window_single",
                    "licence_starts_on",
                    "licence_expires_on",
                    "licence_kinds",
                    "usage_category_id",
                    "credit_id",
                    "video_id",
                    "data_mining",
                ],
                name="asset_facts_licence_window",
            ),
            # The few assets whose licence rows the usable filter reads (a gap in the window,
            # or both kinds of licence). The condition's columns are in it too, so SQLite's
            # planner counts it covering: with the asset alone it scanned the whole covering
            # index above instead (1M entries, 50-90 ms a statement).
            models.Index(
                fields=["asset", "licence_window_single", "licence_kinds"],
                condition=models.Q(licence_window_single=False) | models.Q(licence_kinds=3),
                name="asset_facts_rows_decide",
            ),
        ]

    def __str__(self) -> str:
        return f"facts of asset #{self.asset_id}"
