"""Facet counts: how many of a search's assets have each credit, kind, licence status, year,
claimant, article and Content Credentials state.

First a count of the hits that stops one past ``ARCHIVE_SEARCH_EXACT_LIMIT``. Up to the limit,
one ``GROUP BY`` over the matching assets' search documents (credit, kind, year taken and the
licence window are narrow columns there, which one index holds: no probe of another table per
hit; the window's dates are compared with today here, so a status never goes stale), folded
into four facets in Python; and, for searches of at most ``ARCHIVE_SEARCH_FACET_JOIN_LIMIT``
hits, one statement counting claimants and articles through the placements and claims, and the
assets' Content Credentials states. Beyond the limit the same ``GROUP BY`` reads a sample of
the documents (the backend's) and every count is an estimate, rounded to two figures.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from django.conf import settings
from django.db import connection
from django.utils import timezone

from archive.models import Article, Asset, AssetSearchDocument, Credit
from archive.models.licences import licence_status_expression
from archive.provenance import C2PA_SEARCH_VALUES, C2PA_STATE_LABELS
from archive.search.backends import get_backend
from archive.search.backends.base import DOCUMENT_TABLE
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


def where_clause(where: tuple[str, list] | None, *also: str) -> tuple[str, list]:
    """Return ``WHERE`` with the condition ``where`` and the ``also`` ones (none: empty)."""
    sql, params = where or ("", [])
    conditions = [condition for condition in (sql, *also) if condition]
    return ("WHERE " + " AND ".join(conditions) if conditions else ""), list(params)


def capped_count(where: tuple[str, list] | None, limit: int) -> int:
    """Count the documents that meet ``where``, stopping at ``limit + 1``."""
    clause, params = where_clause(where)
    return fetch(CAPPED_SQL.format(where=clause), [*params, limit + 1])[0][0]


def count_hits(where: tuple[str, list] | None, *, exact_limit: int) -> tuple[int, bool]:
    """Count the documents that meet ``where`` (a condition on the documents table; ``None``:
    all of them): exactly up to ``exact_limit``, else an estimate from the backend's sample;
    return the count and whether it is an estimate."""
    exact = capped_count(where, exact_limit)
    if exact <= exact_limit:
        return exact, False
    return estimate_hits(where, at_least=exact), True


def estimate_hits(where: tuple[str, list] | None, *, at_least: int) -> int:
    """Estimate how many documents meet ``where`` from the backend's sample (no fewer than
    ``at_least``, counted exactly before)."""
    sample, condition, fraction = get_backend().sample()
    clause, params = where_clause(where, condition)
    (found,) = fetch(f"SELECT COUNT(*) FROM {DOCUMENT_TABLE}{sample} {clause}", params)[0]
    return max(about(found / fraction), at_least)


def facet_counts(
    where: tuple[str, list] | None,
    *,
    on: date | None = None,
    join_limit: int,
    exact_limit: int,
    exact: int | None = None,
    sampled: tuple[str, list] | None = None,
) -> FacetCounts:
    """Count the assets whose documents meet ``where`` (a condition on the documents table;
    ``None``: every asset) and each facet's values, largest counts first (years newest
    first). Beyond ``exact_limit`` hits every count is estimated from a sample; claimants,
    articles and Content Credentials states are counted only when exact and up to
    ``join_limit`` hits. ``exact``: the hits already counted up to one past the limit;
    ``sampled``: the same condition as ``where`` written to be tested per sampled document."""
    if exact is None:
        exact = capped_count(where, exact_limit)
    estimated = exact > exact_limit
    sample, condition, fraction = get_backend().sample() if estimated else ("", "", 1.0)
    clause, params = where_clause(sampled or where if estimated else where, condition)
    status, status_params = status_sql(on)
    rows = fetch(
        GROUPED_SQL.format(status=status, sample=sample, where=clause),
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
    if estimated:
        for tally in tallies.values():
            for value, count in tally.items():
                tally[value] = about(count / fraction)
        # The sample may miss a few hits; the exact count went past the limit.
        total = max(about(total / fraction), exact)
    elif 0 < total <= join_limit:
        hits = f"SELECT asset_id AS id FROM {DOCUMENT_TABLE} {where_clause(where)[0]}"
        for facet, value, count in fetch(
            JOINED_SQL.format(ids=hits),
            [*where_clause(where)[1], FACET_SIZE, FACET_SIZE],
        ):
            if facet == "c2pa":
                value = C2PA_FACET_NAMES.get(value, value)
            tallies[facet][value] += count
    return FacetCounts(total, labelled(tallies), estimated)


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
