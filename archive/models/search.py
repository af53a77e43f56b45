"""The search document of each asset: the text it is found by, and what its facets group by.

One row per asset, written only by ``archive.search.documents``; each search backend indexes
it (SQLite FTS5, PostgreSQL tsvector).
"""

from __future__ import annotations

from django.db import models


class AssetSearchDocument(models.Model):
    """The text one asset is found by, denormalised from the asset, its credit, placements,
    claims and articles; folded (lower case, no accents, words only) by ``archive.text``.

    Also the asset's credit, kind and UTC year taken, and its licence window (copied from its
    ``AssetFacts``, the dates themselves: the status is compared with today when counted),
    narrow columns the facets group by.
    Written by ``archive.search.documents`` (and ``manage.py rebuild_search_index``).
    """

    asset = models.OneToOneField(
        "archive.Asset", primary_key=True, on_delete=models.CASCADE, related_name="search_document"
    )
    credit_id = models.BigIntegerField(null=True, blank=True, help_text="The asset's credit.")
    kind = models.CharField(max_length=10, blank=True, help_text="The asset's kind.")
    year_taken = models.SmallIntegerField(
        null=True, blank=True, help_text="The year (UTC) the picture was taken."
    )
    # The licence window, as in the asset's facts (``licence_status_expression`` reads it here
    # with ``window=""``). Nullable, with no default, so that SQLite adds the columns in place
    # (remaking the table would drop the full-text trigger); no licence: 0 or empty.
    licence_count = models.PositiveIntegerField(null=True, blank=True)
    licence_starts_on = models.DateField(null=True, blank=True)
    licence_expires_on = models.DateField(null=True, blank=True)
    licence_window_single = models.BooleanField(null=True, blank=True)
    # The catalogued description's ``text_key``: the pre-publication check and the article
    # import find an asset catalogued with a printed caption through it. With no description,
    # "#<asset id>", which no key equals: the values stay distinct, so that SQLite's planner,
    # which knows only the average rows a value, keeps using the index. Nullable only so that
    # SQLite adds the column in place: remaking the table would drop the full-text trigger.
    description_key = models.CharField(  # noqa: DJ001
        max_length=32, null=True, blank=True, db_index=True
    )
    title = models.TextField(blank=True)
    caption = models.TextField(blank=True, help_text="Catalogued caption, alt text, people, place.")
    printed_caption = models.TextField(
        blank=True, help_text="Headings and captions as printed where it ran."
    )
    credit = models.TextField(blank=True, help_text="Credit name and all its aliases.")
    printed_credit = models.TextField(
        blank=True, help_text="Credit lines as printed where it ran: “(Image: GETTY)”."
    )
    creator = models.TextField(blank=True)
    claims = models.TextField(blank=True, help_text="Text of the claims it illustrates.")
    claimant = models.TextField(blank=True, help_text="Who makes those claims.")
    article = models.TextField(blank=True, help_text="Headlines of the articles it runs in.")
    publication = models.TextField(blank=True, help_text="Publications of those articles.")

    class Meta:
        indexes = [
            # The facets read these narrow columns of each hit from this index alone, never
            # the document's text (SQLite: the primary key is not the rowid here), nor the
            # asset's facts: one GROUP BY, no probe per hit.
            models.Index(
                fields=[
                    "asset",
                    "credit_id",
                    "kind",
                    "year_taken",
                    "licence_count",
                    "licence_starts_on",
                    "licence_expires_on",
                    "licence_window_single",
                ],
                name="search_document_facet_rows",
            ),
        ]

    def __str__(self) -> str:
        return f"search document of asset #{self.asset_id}"
