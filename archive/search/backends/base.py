"""The interface every full-text backend implements (as Wagtail's ``search/backends``).

A backend renders parsed terms for its engine and keeps its full-text index of the
``AssetSearchDocument`` rows; everything else (filters, facets, paging) is plain SQL that the
service runs the same way on every database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet

from archive.models import Asset
from archive.search.query import Term

DOCUMENT_TABLE = "archive_assetsearchdocument"
# The folded text columns of a search document, in the order the full-text index holds them.
DOCUMENT_FIELDS = (
    "title",
    "caption",
    "printed_caption",
    "credit",
    "printed_credit",
    "creator",
    "claims",
    "claimant",
    "article",
    "publication",
)
# What each column is called where a result says why it matched.
FIELD_LABELS = {
    "title": "title",
    "caption": "caption",
    "printed_caption": "printed caption",
    "credit": "credit",
    "printed_credit": "printed credit line",
    "creator": "creator",
    "claims": "claim",
    "claimant": "claimant",
    "article": "headline",
    "publication": "publication",
}
# The columns the picture's own text is in (ranked above the articles' headline and
# publication, which every picture in an article shares).
PICTURE_FIELDS = DOCUMENT_FIELDS[:8]
# Around each hit in a snippet: private-use characters, which folding takes out of every
# document, so they can only come from the engine (never from what was catalogued).
HIT_START, HIT_END = "\ue000", "\ue001"
SNIPPET_WORDS = 14


@dataclass(frozen=True)
class Sample:
    """About ``ARCHIVE_SEARCH_SAMPLE_SIZE`` search documents: ``table`` follows the documents
    table in ``FROM``, ``test`` keeps the sample's asset ids (``{id}`` stands for the id
    column; empty: none), ``fraction`` is the share of the documents kept (1: all of them)."""

    table: str = ""
    test: str = ""
    fraction: float = 1.0

    def condition(self, column: str = f"{DOCUMENT_TABLE}.asset_id") -> str:
        """Return the sample's test of the asset ids in ``column`` (empty: none)."""
        return self.test.format(id=column) if self.test else ""


class SearchBackend:
    """One database's full-text search over the search documents."""

    vendor = ""

    def render(self, terms: Sequence[Term]) -> str:
        """Return ``terms`` in the engine's query syntax (positives ANDed, negatives NOTed)."""
        raise NotImplementedError

    def matching(self, terms: Sequence[Term]) -> tuple[str, list]:
        """Return SQL selecting (as ``id``) the ids of the assets whose document matches."""
        raise NotImplementedError

    def match_condition(
        self,
        terms: Sequence[Term],
        candidates: QuerySet | None = None,
        *,
        sample: Sample | None = None,
    ) -> tuple[str, list]:
        """Return a condition on the documents table (by its name) that holds for the rows
        whose document matches ``terms`` (at least one of them positive) and whose asset is
        among ``candidates`` (``None``: any; tested per hit); with a ``sample``, only for the
        rows in it (read with the sample's ``table``), so only its hits are read."""
        raise NotImplementedError

    def capped_count(
        self, terms: Sequence[Term], candidates: QuerySet | None, *, limit: int
    ) -> tuple[str, list]:
        """Return SQL counting the documents that match ``terms`` and whose asset is among
        ``candidates`` (``None``: any), stopping at ``limit``: no hit past it is read."""
        condition, params = self.match_condition(terms, candidates)
        return (
            f"SELECT COUNT(*) FROM (SELECT 1 FROM {DOCUMENT_TABLE} WHERE {condition}"
            " LIMIT %s) hits",
            [*params, limit],
        )

    def expected_count(self, terms: Sequence[Term], candidates: QuerySet | None) -> int | None:
        """Return the engine's guess, from its statistics and before reading any hit, of how
        many documents match ``terms`` among ``candidates`` (``None``: it makes none)."""
        return None

    def sample(self, *, keyed: bool = False) -> Sample:
        """Return a sample of about ``ARCHIVE_SEARCH_SAMPLE_SIZE`` documents. ``keyed``: for
        counts that read the documents themselves (no words), a sample the engine can look
        up by key rather than test on each document (a backend may give the same either way)."""
        raise NotImplementedError

    def per_hit(self, subquery: str) -> str:
        """Return a correlated subquery (an ``EXISTS`` test of each hit) written so the engine
        runs it for each hit rather than over every asset first."""
        return subquery

    def among(self, candidates: QuerySet, column: str) -> tuple[str, list]:
        """Return the test "the asset whose id is in ``column`` is among ``candidates``", run
        for each hit (``per_hit``)."""
        table = connection.ops.quote_name(Asset._meta.db_table)
        own = candidates.order_by().values("id").extra(where=[f"{table}.id = {column}"])
        sql, params = own.query.sql_with_params()
        return f"EXISTS ({self.per_hit(sql)})", list(params)

    def page(
        self,
        terms: Sequence[Term],
        candidates: QuerySet | None,
        *,
        ranked: bool,
        offset: int,
        limit: int,
        hits: int | None = None,
    ) -> tuple[str, list]:
        """Return SQL giving one page of ids of the assets matching ``terms`` (and among
        ``candidates``): best first then newest when ``ranked``, else newest first.
        ``hits``: how many there are, as counted or estimated (``None``: not known), which a
        backend may use to choose how to find the page."""
        raise NotImplementedError

    def snippets(self, terms: Sequence[Term], asset_ids: Sequence[int]) -> dict[int, dict]:
        """Return, by asset, a snippet of each column where one of the positive ``terms``
        occurs (column name to text, each hit between ``HIT_START`` and ``HIT_END``)."""
        raise NotImplementedError

    def forget(self, asset_ids: Sequence[int]) -> None:
        """Take these assets' current documents out of the index (before they are rewritten)."""

    def index(self, asset_ids: Sequence[int]) -> None:
        """Add these assets' (just written) documents to the index."""

    def clear(self) -> bool:
        """Before a rebuild: remove every document if the engine reloads faster from empty
        (inside the rebuild's transaction, so searches see the old documents until it
        commits); return whether it did."""
        return False

    def rebuild(self) -> None:
        """Build the whole index from the documents in one pass, then refresh statistics."""
        raise NotImplementedError
