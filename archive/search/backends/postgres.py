"""PostgreSQL: a generated, weighted ``tsvector`` column with a GIN index, ranked by ts_rank.

The database keeps the vector with the row (a generated column), so writing a document is
indexing it; ``rebuild`` only refreshes the planner's statistics.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace

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
from config.routers import read_connection

# The weight of each column's words (set in the migrations' generated column); field
# terms (claimant:, article:) match only their column's weight.
PG_WEIGHTS = {
    "title": "A",
    "credit": "A",
    "printed_credit": "A",
    "caption": "B",
    "printed_caption": "B",
    "claims": "B",
    "creator": "B",
    "article": "C",
    "publication": "C",
    "claimant": "D",
}
# ts_rank's multiplier of each weight, in its order {D, C, B, A}: the articles' headline and
# publication (C) count least.
RANK_WEIGHTS = "{0.1, 0.01, 0.4, 1.0}"
HEADLINE_OPTIONS = (
    f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords={SNIPPET_WORDS}, MinWords=5, "
    'ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "'
)


# The credit column's terms are the service's prefilter: the chosen credit's name, so that
# the index narrows the hits before any row is read; the credit filter itself decides which
# assets are the credit's. They are rendered as their words ANDed, without a weight: a
# weight or a phrase is checked on the row, so PostgreSQL would read back and recheck the
# tsvector of every candidate (`credit:getty shoigu` at 1M: 5 001 rechecks, 426 against
# 252 ms for the capped count at load 9), to narrow what the filter narrows again.
PREFILTER_COLUMNS = frozenset({"credit"})


def tsquery_term(term: Term) -> str:
    """Render one term as a PostgreSQL tsquery (lexemes quoted; weight for field terms)."""
    if term.column in PREFILTER_COLUMNS:
        return "(" + " & ".join(f"'{word}'" for word in term.words) + ")"
    weight = PG_WEIGHTS[term.column] if term.column else ""
    lexemes = []
    for index, word in enumerate(term.words):
        last = index == len(term.words) - 1
        marks = ("*" if term.prefix and last else "") + weight
        lexemes.append(f"'{word}'" + (f":{marks}" if marks else ""))
    return "(" + " <-> ".join(lexemes) + ")"


def tsquery(terms: Sequence[Term]) -> str:
    """Return the tsquery text for ``terms`` (positives ANDed, negatives NOTed)."""
    positive = [tsquery_term(term) for term in terms if not term.negated]
    negative = [tsquery_term(term) for term in terms if term.negated]
    if not positive:
        return " | ".join(negative)
    expression = " & ".join(positive)
    if negative:
        expression += " & !(" + " | ".join(negative) + ")"
    return expression


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def render(self, terms: Sequence[Term]) -> str:
        return tsquery(terms)

    def matching(self, terms: Sequence[Term]) -> tuple[str, list]:
        # OFFSET 0 keeps the planner from folding this into the outer query: the hits come
        # from the GIN index first, rather than each candidate being tested one by one.
        return (
            f"SELECT asset_id AS id FROM {DOCUMENT_TABLE} "
            "WHERE search_vector @@ to_tsquery('simple', %s) OFFSET 0",
            [tsquery(terms)],
        )

    def match_condition(
        self,
        terms: Sequence[Term],
        candidates: QuerySet | None = None,
        *,
        sample: Sample | None = None,
    ) -> tuple[str, list]:
        # Tested on the row itself, so the counts read each hit once (not the table twice);
        # the sample is the table's own (TABLESAMPLE), which the caller reads.
        sql, params = (
            f"{DOCUMENT_TABLE}.search_vector @@ to_tsquery('simple', %s)",
            [tsquery(terms)],
        )
        if candidates is not None:
            test, test_params = self.among(candidates, f"{DOCUMENT_TABLE}.asset_id")
            sql, params = f"{sql} AND {test}", [*params, *test_params]
        return sql, params

    def expected_count(self, terms: Sequence[Term], candidates: QuerySet | None) -> int | None:
        # The planner's row estimates (from the lexemes' frequencies in the column's
        # statistics), planned, not run: the fewest of any one positive word's hits, which
        # bound the hits from above. The planner takes words together as independent, which
        # correlated ones are not ("pontoon crossing" at 1M: 624 expected, 26 149 there); too
        # high a guess costs one read of the sample, too low one the capped count, which
        # grows with the archive.
        words = [
            Term((word,), column=term.column, prefix=term.prefix and index == len(term.words) - 1)
            for term in terms
            if not term.negated
            for index, word in enumerate(term.words)
        ]
        parts, params = [], []
        for word in words:
            condition, condition_params = self.match_condition([word], candidates)
            parts.append(f"SELECT 1 FROM {DOCUMENT_TABLE} WHERE {condition}")
            params += condition_params
        if not parts:
            return None
        with read_connection().cursor() as cursor:
            cursor.execute("EXPLAIN (FORMAT JSON) " + " UNION ALL ".join(parts), params)
            plan = cursor.fetchone()[0]
        plan = (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]
        parts_planned = plan["Plans"] if len(parts) > 1 else [plan]
        return int(min(part["Plan Rows"] for part in parts_planned))

    def per_hit(self, subquery: str) -> str:
        # OFFSET 0 keeps the planner from turning the test into a join over every asset
        # (a hash of the whole filtered archive, e.g. usable:web's, to probe a few hits).
        return f"{subquery} OFFSET 0"

    def sample(self, *, keyed: bool = False) -> Sample:
        # Whole pages picked at random (SYSTEM), the same ones each time (REPEATABLE), so a
        # sample reads its share of the table and no more, keyed or not. The fraction is the
        # rows the sample holds over the planner's row count (pages hold different numbers of
        # rows).
        with read_connection().cursor() as cursor:
            cursor.execute(
                "SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [DOCUMENT_TABLE]
            )
            rows = cursor.fetchone()[0]
            if rows <= settings.ARCHIVE_SEARCH_SAMPLE_SIZE:  # small, or never analysed (-1)
                return Sample()
            sample = (
                f" TABLESAMPLE SYSTEM ({100 * settings.ARCHIVE_SEARCH_SAMPLE_SIZE / rows:.6f})"
                " REPEATABLE (0)"
            )
            cursor.execute(f"SELECT COUNT(*) FROM {DOCUMENT_TABLE}{sample}")
            sampled = cursor.fetchone()[0]
        return Sample(table=sample, fraction=min(1.0, max(sampled, 1) / rows))

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
        where, params = "", []
        if candidates is not None:
            # Each hit tested (as the counts do): the filters are not computed over every
            # asset for a page of a few hits.
            test, params = self.among(candidates, "hits.asset_id")
            where = f" AND {test}"
        text = tsquery(terms)
        rank = (
            f"ts_rank('{RANK_WEIGHTS}', search_vector, to_tsquery('simple', %s)) DESC, "
            if ranked
            else ""
        )
        # Ranked and filtered: the hits first, from the GIN index (OFFSET 0, as in matching).
        fence = " OFFSET 0" if ranked and candidates is not None else ""
        match = "search_vector @@ to_tsquery('simple', %s)"
        if not ranked and self.walk_newest(hits, offset + limit):
            # Newest first by walking the key backwards, testing each document, stops at the
            # page: written so that the GIN index cannot serve the test, else the planner
            # reads every hit through it and sorts them whenever it thinks the hits few (a
            # phrase's words are taken as independent: "pontoon crossing", 26 149 hits at
            # 1M, estimated at 624, read 24 558 pages in 114-250 ms for a 1 ms page).
            match = f"({match}) IS TRUE"
        query = (
            f"SELECT asset_id FROM (SELECT asset_id, search_vector FROM {DOCUMENT_TABLE}"
            f" WHERE {match}{fence}) hits"
            f" WHERE TRUE{where} ORDER BY {rank}asset_id DESC LIMIT %s OFFSET %s"
        )
        return query, [text, *params, *([text] if ranked else []), limit, offset]

    def walk_newest(self, hits: int | None, rows: int) -> bool:
        """Whether walking the documents newest first reads fewer of them than the ``hits``
        themselves: about ``rows`` in ``hits / documents`` hold a hit."""
        if not hits:
            return False
        with read_connection().cursor() as cursor:
            cursor.execute(
                "SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [DOCUMENT_TABLE]
            )
            documents = cursor.fetchone()[0]
        return documents > 0 and rows * documents < hits * hits

    def snippets(self, terms: Sequence[Term], asset_ids: Sequence[int]) -> dict[int, dict]:
        ids = list(asset_ids)
        positive = [term for term in terms if not term.negated]
        if not positive or not ids:
            return {}
        # Each column with the terms that may match there (a field term only in its own), any
        # one of them: a column shows the words of the query it holds (the row matched all).
        # The column's text carries no weights, so the terms are given without theirs.
        columns, params = [], []
        for name in DOCUMENT_FIELDS:
            wanted = [
                tsquery_term(replace(term, column=None))
                for term in positive
                if term.column in (None, name)
            ]
            if not wanted:
                columns.append("NULL")
                continue
            columns.append(
                f"CASE WHEN to_tsvector('simple', {name}) @@ to_tsquery('simple', %s)"
                f" THEN ts_headline('simple', {name}, to_tsquery('simple', %s), %s) END"
            )
            query = " | ".join(wanted)
            params += [query, query, HEADLINE_OPTIONS]
        with read_connection().cursor() as cursor:
            cursor.execute(
                f"SELECT asset_id, {', '.join(columns)} FROM {DOCUMENT_TABLE}"
                " WHERE asset_id = ANY(%s)",
                [*params, ids],
            )
            rows = cursor.fetchall()
        return {
            row[0]: {
                name: text
                for name, text in zip(DOCUMENT_FIELDS, row[1:], strict=True)
                if text and HIT_START in text
            }
            for row in rows
        }

    def clear(self) -> bool:
        # Loading an empty table with COPY beats rewriting each row in place (no dead rows,
        # one pass of the generated tsvector); the GIN index takes the new entries in bulk.
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {DOCUMENT_TABLE}")
        return True

    def rebuild(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {DOCUMENT_TABLE}")
