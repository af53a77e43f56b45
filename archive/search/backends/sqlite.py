"""SQLite: an external-content FTS5 table over the search documents, ranked by bm25.

The index is written explicitly by ``archive.search.documents`` (no insert or update
triggers, so a bulk load is indexed once, by ``rebuild``); a delete trigger (made by the
migrations) drops a deleted document's entries, whatever deleted it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from django.conf import settings
from django.db import connection
from django.db.models import QuerySet

from archive.search.backends.base import (
    DOCUMENT_FIELDS,
    DOCUMENT_TABLE,
    HIT_END,
    HIT_START,
    SNIPPET_WORDS,
    Sample,
    SearchBackend,
)
from archive.search.query import Term

FTS_TABLE = "archive_asset_fts"
# bm25 column weights, in DOCUMENT_FIELDS order: a word in the title counts most, one in the
# articles' headline or publication (shared by every picture in the article) least.
BM25_WEIGHTS = {
    "title": 10.0,
    "caption": 5.0,
    "printed_caption": 5.0,
    "credit": 5.0,
    "printed_credit": 4.0,
    "creator": 2.0,
    "claims": 3.0,
    "claimant": 2.0,
    "article": 0.2,
    "publication": 0.2,
}
COLUMNS = ", ".join(DOCUMENT_FIELDS)
HASH_RANGE = 2**32
FIBONACCI_HASH = 2654435769  # 2^32 / the golden ratio, odd: consecutive ids spread evenly


def fts5_term(term: Term) -> str:
    """Render one term as an FTS5 phrase (each word quoted, so no user text is syntax)."""
    phrase = '"' + " ".join(term.words) + '"' + (" *" if term.prefix else "")
    return f"{term.column} : {phrase}" if term.column else phrase


def fts5_match(terms: Sequence[Term]) -> str:
    """Return the FTS5 MATCH expression for ``terms`` (positives ANDed, negatives NOTed)."""
    positive = [fts5_term(term) for term in terms if not term.negated]
    negative = [fts5_term(term) for term in terms if term.negated]
    if not positive:
        return " OR ".join(negative)
    expression = " AND ".join(positive)
    if negative:
        expression = f"({expression}) NOT ({' OR '.join(negative)})"
    return expression


class SQLiteBackend(SearchBackend):
    vendor = "sqlite"

    def render(self, terms: Sequence[Term]) -> str:
        return fts5_match(terms)

    def matching(self, terms: Sequence[Term]) -> tuple[str, list]:
        return f"SELECT rowid AS id FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [
            fts5_match(terms)
        ]

    def hits(
        self, terms: Sequence[Term], candidates: QuerySet | None, *also: str
    ) -> tuple[str, list]:
        """Return SQL selecting the rowids of the index's hits among ``candidates`` that meet
        the ``also`` conditions (on the index's rowid): every test is made on the index's own
        rows as they come, so a cap or a sample put on them stops the engine early."""
        conditions, params = [f"{FTS_TABLE} MATCH %s", *also], [fts5_match(terms)]
        if candidates is not None:
            test, test_params = self.among(candidates, f"{FTS_TABLE}.rowid")
            conditions.append(test)
            params += test_params
        return f"SELECT {FTS_TABLE}.rowid FROM {FTS_TABLE} WHERE {' AND '.join(conditions)}", params

    def match_condition(
        self,
        terms: Sequence[Term],
        candidates: QuerySet | None = None,
        *,
        sample: Sample | None = None,
    ) -> tuple[str, list]:
        # The sample's test inside the full-text subquery: the list SQLite builds for IN holds
        # the sampled hits alone (a word in a third of a million documents: 2.1 s otherwise).
        also = [sample.condition(f"{FTS_TABLE}.rowid")] if sample and sample.test else []
        sql, params = self.hits(terms, candidates, *also)
        return f"{DOCUMENT_TABLE}.asset_id IN ({sql})", params

    def capped_count(
        self, terms: Sequence[Term], candidates: QuerySet | None, *, limit: int
    ) -> tuple[str, list]:
        # Counted from the index alone (every hit is a document: the rowid is its asset id),
        # the filters tested per hit before the cap, which stops the scan of the hits.
        sql, params = self.hits(terms, candidates)
        return f"SELECT COUNT(*) FROM ({sql} LIMIT %s) hits", [*params, limit]

    def sample(self) -> Sample:
        # About one asset id in k, spread by Fibonacci hashing (the id times 2^32 over the
        # golden ratio, modulo 2^32) so that no regular pattern in the ids (a batch of uploads
        # every k-th id) is sampled; the id is the document's rowid, so the test reads no row.
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT MAX(asset_id) FROM {DOCUMENT_TABLE}")
            highest = cursor.fetchone()[0] or 0
        step = max(1, math.ceil(highest / settings.ARCHIVE_SEARCH_SAMPLE_SIZE))
        if step == 1:
            return Sample()
        below = HASH_RANGE // step
        # The remainder written without "%": statements are run and logged with parameters
        # formatted into them, where a bare "%" breaks the logging (DJANGO_DEBUG=1).
        hashed = f"({{id}} * {FIBONACCI_HASH})"
        spread = f"({hashed} - {hashed} / {HASH_RANGE} * {HASH_RANGE})"
        return Sample(test=f"{spread} < {below}", fraction=below / HASH_RANGE)

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
        # The page comes from the index alone: ids grow with created_at, so newest first is
        # the rowid descending; the filters are checked per hit by primary key.
        sql, params = self.hits(terms, candidates)
        order = "rowid DESC"
        if ranked:
            weights = ", ".join(str(BM25_WEIGHTS[name]) for name in DOCUMENT_FIELDS)
            order = f"bm25({FTS_TABLE}, {weights}), rowid DESC"
        return f"{sql} ORDER BY {order} LIMIT %s OFFSET %s", [*params, limit, offset]

    def snippets(self, terms: Sequence[Term], asset_ids: Sequence[int]) -> dict[int, dict]:
        positive = [fts5_term(term) for term in terms if not term.negated]
        ids = list(asset_ids)
        if not positive or not ids:
            return {}
        # Any one term: a column shows the words of the query it holds (the row matched all).
        columns = ", ".join(
            f"snippet({FTS_TABLE}, {index}, %s, %s, %s, {SNIPPET_WORDS})"
            for index in range(len(DOCUMENT_FIELDS))
        )
        marks = [HIT_START, HIT_END, "…"] * len(DOCUMENT_FIELDS)
        rows = self._rows(
            f"SELECT rowid, {columns} FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
            f" AND rowid IN ({', '.join(['%s'] * len(ids))})",
            [*marks, " OR ".join(positive), *ids],
        )
        return {
            row[0]: {
                name: text
                for name, text in zip(DOCUMENT_FIELDS, row[1:], strict=True)
                if text and HIT_START in text
            }
            for row in rows
        }

    def forget(self, asset_ids: Sequence[int]) -> None:
        # External content: FTS5 removes a row's entries given the text it indexed.
        self._each(
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {COLUMNS}) "
            f"SELECT 'delete', asset_id, {COLUMNS} FROM {DOCUMENT_TABLE} WHERE asset_id IN ",
            asset_ids,
        )

    def index(self, asset_ids: Sequence[int]) -> None:
        self._each(
            f"INSERT INTO {FTS_TABLE}(rowid, {COLUMNS}) "
            f"SELECT asset_id, {COLUMNS} FROM {DOCUMENT_TABLE} WHERE asset_id IN ",
            asset_ids,
        )

    def rebuild(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
            cursor.execute(f"ANALYZE {DOCUMENT_TABLE}")

    def integrity_check(self) -> None:
        """Raise if the index differs from the documents (FTS5 'integrity-check', rank 1)."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)"
            )

    @staticmethod
    def _rows(statement: str, params: Sequence) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            return cursor.fetchall()

    @staticmethod
    def _each(statement: str, asset_ids: Sequence[int], size: int = 500) -> None:
        """Run ``statement`` followed by an id list, for ``size`` ids at a time."""
        ids = list(asset_ids)
        with connection.cursor() as cursor:
            for start in range(0, len(ids), size):
                chunk = ids[start : start + size]
                cursor.execute(statement + f"({', '.join(['%s'] * len(chunk))})", chunk)
