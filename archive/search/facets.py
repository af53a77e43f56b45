"""Facet counts: how many of a search's assets have each credit, kind, licence status, year,
claimant, article and Content Credentials state.

What a search counts is its ``Hits`` (the words' full-text hits among the filtered assets, or
the filtered assets). First a count of the hits that stops one past
``ARCHIVE_SEARCH_EXACT_LIMIT`` (the backend's, which stops reading hits there). Up to the limit,
one ``GROUP BY`` over the matching assets' search documents (credit, kind, year taken and the
licence window are narrow columns there, which one index holds: no probe of another table per
hit; the window's dates are compared with today here, so a status never goes stale), folded
into four facets in Python; and, for searches of at most ``ARCHIVE_SEARCH_FACET_JOIN_LIMIT``
hits, one statement counting claimants and articles through the placements and claims, and the
assets' Content Credentials states. Beyond the limit the same ``GROUP BY`` reads a sample of
the documents (the backend's, which reads only the sampled hits) and every count is an
estimate, rounded to two figures. When the engine expects ``SURELY_BEYOND`` times the limit
or more (``Hits.expected``), the sample is read first, and the capped count only if the
sample's estimate is below that too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone

from archive.models import Article, Asset, AssetSearchDocument, Credit
from archive.models.licences import licence_status_expression
from archive.provenance import C2PA_SEARCH_VALUES, C2PA_STATE_LABELS
from archive.search.backends import get_backend
from archive.search.backends.base import DOCUMENT_TABLE, Sample
from archive.search.query import Term
from config.routers import read_connection

FACET_NAMES = ("credit", "kind", "licence_status", "claimant", "article", "year", "c2pa")
FACET_SIZE = 15
LICENCE_STATUSES = ("valid", "expiring", "expired", "none")
STATUS_CODES = {status: code for code, status in enumerate(LICENCE_STATUSES, start=1)}
STATUS_NAMES = {code: status for status, code in STATUS_CODES.items()}
NO_CREDIT = "0"  # the credit filter's (and facet's) value for assets with no credit
# The Content Credentials facet's values (the ``c2pa`` filter's) and the states they name.
C2PA_FACET_VALUES = {
    name: states[0] for name, states in C2PA_SEARCH_VALUES.items() if len(states) == 1
}
C2PA_FACET_NAMES = {state: name for name, state in C2PA_FACET_VALUES.items()}
# Hits expected (the engine's guess) and then estimated from the sample at this many times
# the exact limit or more are not counted exactly first. A search with no more hits than the
# limit is taken for one beyond it only if its sample holds four times its share of them: for
# hits spread over the archive, more than 20 standard errors above their mean at 1M.
SURELY_BEYOND = 4

GROUPED_SQL = f"""
SELECT {DOCUMENT_TABLE}.credit_id, {DOCUMENT_TABLE}.kind, {DOCUMENT_TABLE}.year_taken,
    {{status}}, COUNT(*)
FROM {DOCUMENT_TABLE}{{sample}}
{{where}}
GROUP BY 1, 2, 3, 4
"""
# The hits counted up to one past the limit: the statement stops there.
CAPPED_SQL = f"SELECT COUNT(*) FROM (SELECT 1 FROM {DOCUMENT_TABLE} {{where}} LIMIT %s) hits"
# Claimants and articles: each facet keeps its FACET_SIZE largest counts. CROSS JOIN makes
# SQLite start from the hits (else it may walk every placement in article order).
JOINED_SQL = """
WITH hits AS MATERIALIZED ({ids})
SELECT * FROM (
    SELECT 'claimant' AS facet, c.claimant AS value, COUNT(DISTINCT i.asset_id) AS n
    FROM hits h CROSS JOIN archive_illustration i CROSS JOIN archive_claim c
    WHERE i.asset_id = h.id AND c.id = i.claim_id AND c.claimant <> ''
    GROUP BY c.claimant
    ORDER BY n DESC, c.claimant
    LIMIT %s
) claimants
UNION ALL
SELECT * FROM (
    SELECT 'article' AS facet, CAST(p.article_id AS TEXT) AS value,
        COUNT(DISTINCT p.asset_id) AS n
    FROM hits h CROSS JOIN archive_placement p
    WHERE p.asset_id = h.id
    GROUP BY p.article_id
    ORDER BY n DESC, p.article_id
    LIMIT %s
) articles
UNION ALL
SELECT 'c2pa' AS facet, a.c2pa_state AS value, COUNT(*) AS n
FROM hits h CROSS JOIN archive_asset a
WHERE a.id = h.id
GROUP BY a.c2pa_state
"""


def status_sql(on: date | None) -> tuple[str, list]:
    """Return SQL giving the licence status code of a search document (its licence window)."""
    day = on or timezone.localdate()
    sql, params = compiled_status(day, settings.ARCHIVE_EXPIRY_WARNING_DAYS, connection.vendor)
    return sql, list(params)


@lru_cache(maxsize=8)
def compiled_status(on: date, warning_days: int, vendor: str) -> tuple[str, tuple]:
    """Compile the status expression once per day (and setting): it is the same SQL."""
    query = AssetSearchDocument.objects.all().query
    expression = licence_status_expression(on, codes=STATUS_CODES, window="", asset="asset_id")
    sql, params = query.get_compiler(connection=connection).compile(
        expression.resolve_expression(query)
    )
    return sql, tuple(params)


def fetch(sql: str, params: list) -> list[tuple]:
    with read_connection().cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@dataclass(frozen=True)
class Hits:
    """What a search's counts read. With positive full-text ``terms``: the documents they
    match whose assets are among ``candidates`` (``None``: any asset), each hit tested;
    without: the ``candidates`` assets themselves (``None``: every document)."""

    terms: tuple[Term, ...] = ()
    candidates: QuerySet | None = None

    @property
    def full_text(self) -> bool:
        return any(not term.negated for term in self.terms)

    def condition(self, sample: Sample | None = None) -> tuple[str, list] | None:
        """Return the hits as a condition on the documents table (``None``: every document);
        with a ``sample``, its documents' hits alone (read with its ``table``)."""
        try:
            if self.full_text:
                return get_backend().match_condition(self.terms, self.candidates, sample=sample)
            tests, params = [sample.condition()] if sample and sample.test else [], []
            if self.candidates is not None and sample is not None:
                # Each sampled document tested: as a list, the engine builds the matching
                # assets over the whole archive before the sample reads it (usable:web, 730 000
                # of 1M assets: 2.4 s a statement).
                test, params = get_backend().among(self.candidates, f"{DOCUMENT_TABLE}.asset_id")
                tests.append(test)
            elif self.candidates is not None:
                inner, params = self.candidates.order_by().values("id").query.sql_with_params()
                tests.append(f"{DOCUMENT_TABLE}.asset_id IN ({inner})")
        except EmptyResultSet:  # a condition that can match nothing
            return "1 = 0", []
        return (" AND ".join(tests), list(params)) if tests else None

    def expected(self) -> int:
        """Return how many full-text hits the engine expects before reading any (0: no
        full-text terms, or an engine that does not guess)."""
        if not self.full_text:
            return 0
        try:
            return get_backend().expected_count(self.terms, self.candidates) or 0
        except EmptyResultSet:
            return 0

    def capped(self, limit: int) -> int:
        """Count the hits exactly, stopping one past ``limit``."""
        if self.full_text:
            try:
                sql, params = get_backend().capped_count(
                    self.terms, self.candidates, limit=limit + 1
                )
            except EmptyResultSet:
                return 0
            return fetch(sql, params)[0][0]
        if self.candidates is not None:
            # The assets themselves (one whose document is not written yet counts too), in no
            # order: sorted, every match would be read first.
            try:
                return self.candidates.order_by()[: limit + 1].count()
            except EmptyResultSet:
                return 0
        return fetch(CAPPED_SQL.format(where=""), [limit + 1])[0][0]


@dataclass
class FacetCounts:
    """A search's total and facets; ``estimated``: both come from a sample (beyond the
    exact limit), rounded to two figures."""

    total: int
    facets: dict[str, list[dict]]
    estimated: bool = False


def about(count: float) -> int:
    """Round an estimated count to two significant figures (12 345 gives 12 000)."""
    count = round(count)
    if count < 100:
        return count
    unit = 10 ** (len(str(count)) - 2)
    return round(count / unit) * unit


def where_clause(where: tuple[str, list] | None) -> tuple[str, list]:
    """Return ``WHERE`` with the condition ``where`` (``None``: empty)."""
    sql, params = where or ("", [])
    return ("WHERE " + sql if sql else ""), list(params)


def estimate_hits(hits: Hits, sample: Sample, *, at_least: int) -> int:
    """Estimate how many ``hits`` there are from the backend's ``sample`` (no fewer than
    ``at_least``, counted exactly before)."""
    clause, params = where_clause(hits.condition(sample))
    (found,) = fetch(f"SELECT COUNT(*) FROM {DOCUMENT_TABLE}{sample.table} {clause}", params)[0]
    return max(about(found / sample.fraction), at_least)


def count_hits(
    hits: Hits,
    *,
    exact: int,
    sample: Sample | None,
    with_facets: bool,
    on: date | None = None,
    join_limit: int,
) -> FacetCounts:
    """Count the ``hits`` (``exact``: counted up to one past the exact limit) and, if
    ``with_facets``, each facet's values; estimated from the ``sample`` when given."""
    if with_facets:
        return facet_counts(hits, exact=exact, on=on, join_limit=join_limit, sample=sample)
    total = exact if sample is None else estimate_hits(hits, sample, at_least=exact)
    return FacetCounts(total, {}, sample is not None)


def facet_counts(
    hits: Hits,
    *,
    exact: int,
    on: date | None = None,
    join_limit: int,
    sample: Sample | None = None,
) -> FacetCounts:
    """Count the ``hits`` and each facet's values, largest counts first (years newest
    first). ``exact``: the hits already counted, up to one past the exact limit. Given a
    ``sample`` (beyond the limit) every count is estimated from it; claimants, articles and
    Content Credentials states are counted only when exact and up to ``join_limit`` hits."""
    where = hits.condition(sample)
    clause, params = where_clause(where)
    status, status_params = status_sql(on)
    rows = fetch(
        GROUPED_SQL.format(status=status, sample=sample.table if sample else "", where=clause),
        [*status_params, *params],
    )
    tallies: dict[str, Counter] = {name: Counter() for name in FACET_NAMES}
    for credit, kind, year, code, count in rows:
        tallies["credit"][str(credit or NO_CREDIT)] += count
        tallies["kind"][kind] += count
        tallies["licence_status"][STATUS_NAMES[code]] += count
        if year:
            tallies["year"][str(year)] += count
    total = sum(tallies["credit"].values())
    if sample is not None:
        for tally in tallies.values():
            for value, count in tally.items():
                tally[value] = about(count / sample.fraction)
        # The sample may miss a few hits; the exact count went past the limit.
        total = max(about(total / sample.fraction), exact)
    elif 0 < total <= join_limit:
        hits_sql = f"SELECT asset_id AS id FROM {DOCUMENT_TABLE} {clause}"
        for facet, value, count in fetch(
            JOINED_SQL.format(ids=hits_sql), [*params, FACET_SIZE, FACET_SIZE]
        ):
            if facet == "c2pa":
                value = C2PA_FACET_NAMES.get(value, value)
            tallies[facet][value] += count
    return FacetCounts(total, labelled(tallies), sample is not None)


def labelled(tallies: dict[str, Counter]) -> dict[str, list[dict]]:
    """Return each facet's rows with their labels (credit names, headlines, kind labels)."""
    credits = sorted(tallies["credit"].items(), key=lambda row: (-row[1], row[0]))[:FACET_SIZE]
    credit_names = dict(
        Credit.objects.filter(pk__in=[int(value) for value, _ in credits]).values_list("pk", "name")
    )
    headlines = dict(
        Article.objects.filter(pk__in=[int(value) for value in tallies["article"]]).values_list(
            "pk", "headline"
        )
    )
    kind_labels = dict(Asset.Kind.choices)
    labels = {
        "credit": lambda value: credit_names.get(int(value), "(no credit)"),
        "article": lambda value: headlines.get(int(value), value),
        "kind": lambda value: kind_labels.get(value, value),
        "c2pa": lambda value: C2PA_STATE_LABELS.get(C2PA_FACET_VALUES.get(value, value), value),
    }
    facets: dict[str, list[dict]] = {}
    for name in FACET_NAMES:
        rows = credits if name == "credit" else tallies[name].items()
        rows = sorted(rows, key=lambda row: (-row[1], row[0]))
        if name == "year":
            rows = sorted(rows, key=lambda row: row[0], reverse=True)
        label = labels.get(name, lambda value: value)
        facets[name] = [
            {"value": value, "label": label(value), "count": count}
            for value, count in rows
            if count > 0
        ]
    return facets
