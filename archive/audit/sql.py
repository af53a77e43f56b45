"""The SQL mirror of the audit's rules, for counting and filtering at scale.

``flag_table`` gives one row per selected asset with a 0/1 column per finding, in one pass
over the assets joined to their ``AssetFacts`` row (what the audit needs of the licences,
placements and embedded credit, written by ``archive.audit.facts``). Only what those facts
leave open is read from the licence rows (a gap between licences, an embed licence beside
another type, several licensors), a minority of assets. The supplier agreements (a handful)
are decided in Python by the rules themselves (``rules.agreement_coverage``) for each supplier
and usage category on the day, and passed in as a ``CASE`` over the facts' credit and category. Nothing stored names a credit:
licensors and embedded credits are compared by their keys through the alias table when the
query runs, so merged credits and edited aliases count at once. ``credit_mismatch`` is exact
but for assets printed with only a credit line (no credit record): those are flagged
``mismatch_undecided`` and the rules decide them. ``tests/audit/test_report.py`` and
``test_facts.py`` check that this mirror and the rules agree.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from archive.audit.rules import (
    AGREEMENT_ENDED,
    AGREEMENT_NOT_COVERING,
    AI_TRAINING_EXPORT,
    AI_UNDISCLOSED,
    CREDIT_MISMATCH,
    DUPLICATE_CONFLICT,
    EMBED_ONLY,
    EXPIRED,
    EXPIRING,
    MISSING,
    OK,
    SOCIAL_EMBED,
    UNKNOWN_CREDIT,
    UNKNOWN_KIND,
    UNVERIFIED,
    agreement_coverage,
)
from archive.models import (
    Asset,
    AssetFacts,
    Credit,
    CreditAlias,
    DatasetExportItem,
    Licence,
    Placement,
)
from archive.provenance import NO_AI_TRAINING
from archive.rights.report import RightsContext, agreement_facts

FLAG = {
    MISSING: "missing",
    EXPIRED: "expired",
    AGREEMENT_ENDED: "agreement_ended",
    AGREEMENT_NOT_COVERING: "agreement_not_covering",
    EXPIRING: "expiring",
    UNVERIFIED: "unverified",
    EMBED_ONLY: "embed_only",
    DUPLICATE_CONFLICT: "duplicate_conflict",
    UNKNOWN_CREDIT: "unknown_credit",
    AI_UNDISCLOSED: "ai_undisclosed",
    AI_TRAINING_EXPORT: "ai_training_export",
}
MISMATCH = "credit_mismatch"  # 1: certain (more names cannot make the names agree again)
UNDECIDED = "mismatch_undecided"  # 1: a printed line without a credit record; the rules decide
# Conditions over the flag table's columns.
MISMATCH_CERTAIN = f"{MISMATCH} = 1"
MISMATCH_TO_DECIDE = f"{UNDECIDED} = 1 AND {MISMATCH} = 0"  # the cheap test first
# An asset's licences folded into one integer (NULL when it has none), from its stored facts.
# The two low bits: the best licence's state today, in this order: 0 none in force nor
# expired (one starts later), 1 expired, 2 in force but ending within the warning horizon,
# 3 in force beyond it. Then: one was verified; a social embed is held (``embed``) unless
# another type is in force (``other_in_force``, which wins); a licensor does not name the
# asset's credit.
LICENCE_STATE = {"none": 0, "expired": 1, "expiring": 2, "lasting": 3}
LICENCE_BITS = {"state": 3, "verified": 4, "embed": 8, "other_in_force": 16, "odd_licensor": 32}


# What an asset's supplier agreements say on the day, one integer: the covering agreement's
# state in the two low bits (0 none covers it, 2 it ends within the warning horizon, 3
# beyond), then none covers it and one that did has ended, or one in force does not cover it.
AGREEMENT_BITS = {"state": 3, "ended": 4, "other": 8}


def agreement_classes(
    rights: RightsContext, *, today: date, warning_days: int
) -> dict[int, dict[int, list[int]]]:
    """Return, for each supplier with agreements, its assets' agreement bits (nonzero only)
    and the usage categories (their ids, 0 for none recorded) of the assets that have them:
    the rules' ``agreement_coverage`` for each supplier and category."""
    horizon = today + timedelta(days=warning_days)
    categories: list[tuple[int, str | None]] = [(0, None), *rights.categories.items()]
    classes: dict[int, dict[int, list[int]]] = {}
    for supplier, agreements in rights.agreements.items():
        by_bits: dict[int, list[int]] = {}
        for category_id, code in categories:
            coverage = agreement_coverage(agreement_facts(agreements, code), today)
            bits = 0
            if coverage.covering is not None:
                ends = coverage.covering.ends_on
                bits = LICENCE_STATE["lasting" if ends is None or ends > horizon else "expiring"]
            if coverage.ended is not None:
                bits |= AGREEMENT_BITS["ended"]
            if coverage.other is not None:
                bits |= AGREEMENT_BITS["other"]
            if bits:
                by_bits.setdefault(bits, []).append(category_id)
        if by_bits:
            classes[supplier] = by_bits
    return classes


def agreement_bits_sql(
    classes: dict[int, dict[int, list[int]]],
    credit: str,
    category: str,
    waivers: frozenset[int] = frozenset(),
) -> str:
    """Return the SQL of an asset's agreement bits from its credit and category columns (ids
    only, written in: integers); a category that needs no licence counts as an agreement
    covering it that never ends."""
    branches = (
        [
            f"WHEN {category} IN ({', '.join(str(int(pk)) for pk in sorted(waivers))}) "
            f"THEN {LICENCE_STATE['lasting']}"
        ]
        if waivers
        else []
    )
    branches += [
        f"WHEN {credit} = {int(supplier)} AND COALESCE({category}, 0) IN "
        f"({', '.join(str(int(pk)) for pk in category_ids)}) THEN {int(bits)}"
        for supplier, by_bits in sorted(classes.items())
        for bits, category_ids in sorted(by_bits.items())
    ]
    return f"CASE {' '.join(branches)} ELSE 0 END" if branches else "0"


def _compiled(queryset: QuerySet) -> tuple[str, tuple]:
    sql, params = queryset.query.sql_with_params()
    return sql, tuple(params)


def codes(values) -> str:
    """Vocabulary codes (letters and hyphens: archive.provenance) as SQL string literals."""
    assert all(value.replace("-", "").isalnum() for value in values)
    return ", ".join(f"'{value}'" for value in sorted(values))


def flag_table(
    assets: QuerySet,
    *,
    today: date,
    warning_days: int,
    rights: RightsContext | None = None,
) -> tuple[str, tuple]:
    """Return the common table expressions (and params) ending in ``flags``: for each
    selected asset its id, credit_id, a 0/1 column per SQL finding (see ``FLAG``) and the two
    credit-mismatch columns (``MISMATCH``, ``UNDECIDED``). ``rights``: the report's
    agreements, when it has read them.

    One pass over the assets (their covering index ``asset_audit_summary``) joined to their
    narrow facts row; an asset with no facts row yet counts as having no licence and no
    placement. Look-alike conflicts and bare printed lines are short lists read once.
    """
    q = connection.ops.quote_name
    day = connection.ops.adapt_datefield_value
    asset, licence = q(Asset._meta.db_table), q(Licence._meta.db_table)
    alias, credit = q(CreditAlias._meta.db_table), q(Credit._meta.db_table)
    placement, facts = q(Placement._meta.db_table), q(AssetFacts._meta.db_table)
    pk, asset_id, credit_id, key = q("id"), q("asset_id"), q("credit_id"), q("key")
    licensor_key, embedded_key = q("licensor_key"), q("embedded_credit_key")
    starts, expires, copy_of = q("starts_on"), q("expires_on"), q("near_duplicate_of_id")
    kind = q("licence_type")
    exported = q(DatasetExportItem._meta.db_table)
    current = (
        f"(l.{starts} IS NULL OR l.{starts} <= %s) AND (l.{expires} IS NULL OR l.{expires} >= %s)"
    )
    b, state = LICENCE_BITS, LICENCE_STATE

    def state_of(start: str, expiry: str) -> str:
        return f"""CASE WHEN ({start} IS NULL OR {start} <= %s) AND ({expiry} IS NULL OR {expiry} >= %s)
                 THEN CASE WHEN {expiry} IS NULL OR {expiry} > %s
                           THEN {state["lasting"]} ELSE {state["expiring"]} END
               WHEN {expiry} < %s THEN {state["expired"]}
               ELSE {state["none"]} END"""

    today_, horizon = day(today), day(today + timedelta(days=warning_days))
    state_params = (today_, today_, horizon, today_)
    # Read from the asset's facts: the licences are read only for the few assets the facts
    # leave open (licences with a gap or staggered ends; a social embed beside another type;
    # several licensors).
    window = state_of(f"f.{q('licence_starts_on')}", f"f.{q('licence_expires_on')}")
    licence_bits = f"""CASE WHEN COALESCE(f.{q("licence_count")}, 0) = 0 THEN NULL ELSE
          CASE WHEN f.{q("licence_window_single")} THEN {window}
               ELSE (SELECT MAX({state_of(f"l.{starts}", f"l.{expires}")}) FROM {licence} l
                     WHERE l.{asset_id} = a.{pk}) END
          + CASE WHEN f.{q("licence_verified")} THEN {b["verified"]} ELSE 0 END
          + CASE f.{q("licence_kinds")} WHEN 1 THEN {b["embed"]}
                 WHEN 3 THEN CASE WHEN EXISTS (
                        SELECT 1 FROM {licence} l WHERE l.{asset_id} = a.{pk}
                        AND l.{kind} <> '{SOCIAL_EMBED}' AND {current})
                   THEN {b["other_in_force"]} ELSE {b["embed"]} END
                 ELSE 0 END
          + CASE WHEN f.{q("licence_licensors")} = 0 THEN 0
                 WHEN f.{q("licence_licensors")} = 1 THEN
                   CASE WHEN lk.{credit_id} IS NULL OR lk.{credit_id} <> a.{credit_id}
                        THEN {b["odd_licensor"]} ELSE 0 END
                 WHEN EXISTS (
                        SELECT 1 FROM {licence} l LEFT JOIN {alias} k ON k.{key} = l.{licensor_key}
                        WHERE l.{asset_id} = a.{pk} AND l.{licensor_key} <> ''
                        AND (k.{credit_id} IS NULL OR k.{credit_id} <> a.{credit_id}))
                   THEN {b["odd_licensor"]} ELSE 0 END
        END"""
    licence_params = (*state_params, *state_params, today_, today_)
    # 1 when placed, 3 when printed under another credit record, else NULL.
    printed = q("printed_credits")
    placement_bits = f"""CASE WHEN COALESCE(f.{q("placement_count")}, 0) = 0 THEN NULL
          WHEN f.{printed} > 1 OR (f.{printed} = 1 AND f.{q("printed_credit_id")} <> a.{credit_id})
          THEN 3 ELSE 1 END"""
    # Look-alike pairs credited to two different credits (2% of assets have a look-alike).
    conflicting = f"""FROM {asset} dup JOIN {asset} original ON original.{pk} = dup.{copy_of}
          WHERE dup.{copy_of} > 0 AND original.{credit_id} <> dup.{credit_id}"""
    selected_sql, selected_params = _compiled(assets.order_by().values("id"))
    # Else the whole archive: no need to list every id.
    where = f"WHERE a.{pk} IN ({selected_sql})" if assets.query.where else ""
    where_params = selected_params if assets.query.where else ()

    def bits(mask: int, equal: int) -> str:
        return f"(COALESCE(licence_bits, 0) & {mask}) = {equal}"

    def in_state(name: str) -> str:
        return bits(b["state"], state[name])

    embed = b["embed"] | b["other_in_force"]
    rights = rights or RightsContext.agreements_only()
    classes = agreement_classes(rights, today=today, warning_days=warning_days)
    agreement_bits = agreement_bits_sql(
        classes, f"a.{credit_id}", f"f.{q('usage_category_id')}", rights.waivers
    )
    agreed = f"(agreement_bits & {AGREEMENT_BITS['state']})"
    licence_state = f"(COALESCE(licence_bits, 0) & {b['state']})"
    # Licensed today: by a licence, or through an agreement covering it (the better state).
    covered_state = f"CASE WHEN {agreed} > {licence_state} THEN {agreed} ELSE {licence_state} END"
    sql = f"""
        uncredited_names AS MATERIALIZED (
          SELECT p.{asset_id} AS id, p.{credit_id} AS resolved, NULL AS unresolved
          FROM {placement} p JOIN {asset} a ON a.{pk} = p.{asset_id}
          WHERE a.{credit_id} IS NULL AND p.{credit_id} IS NOT NULL
          UNION ALL
          SELECT l.{asset_id}, k.{credit_id},
                 CASE WHEN k.{credit_id} IS NULL THEN l.{licensor_key} END
          FROM {licence} l JOIN {asset} a ON a.{pk} = l.{asset_id}
          LEFT JOIN {alias} k ON k.{key} = l.{licensor_key}
          WHERE a.{credit_id} IS NULL AND l.{licensor_key} <> ''
          UNION ALL
          SELECT a.{pk}, k.{credit_id}, CASE WHEN k.{credit_id} IS NULL THEN f.{embedded_key} END
          FROM {asset} a JOIN {facts} f ON f.{asset_id} = a.{pk}
          LEFT JOIN {alias} k ON k.{key} = f.{embedded_key}
          WHERE a.{credit_id} IS NULL AND f.{embedded_key} <> ''
        ),
        uncredited_mismatched AS MATERIALIZED (
          SELECT id FROM uncredited_names GROUP BY id
          HAVING COUNT(DISTINCT resolved) + COUNT(DISTINCT unresolved) > 1
        ),
        facts AS MATERIALIZED (
          SELECT a.{pk} AS id, a.{credit_id} AS credit_id,
            CASE WHEN a.{q("file")} <> '' THEN 1 ELSE 0 END AS stored,
            {licence_bits} AS licence_bits,
            {placement_bits} AS placement_bits,
            {agreement_bits} AS agreement_bits,
            CASE WHEN a.{pk} IN (SELECT dup.{pk} {conflicting})
                      OR a.{pk} IN (SELECT dup.{copy_of} {conflicting})
                 THEN 1 ELSE 0 END AS look_alike_conflict,
            CASE WHEN a.{credit_id} IS NULL OR a.{credit_id} IN (
                        SELECT c.{pk} FROM {credit} c
                        WHERE NOT c.{q("reviewed")} OR c.{q("kind")} = '{UNKNOWN_KIND}')
                 THEN 1 ELSE 0 END AS unknown_credit,
            CASE WHEN a.{credit_id} IS NOT NULL AND f.{embedded_key} <> ''
                      AND (e.{credit_id} IS NULL OR e.{credit_id} <> a.{credit_id})
                 THEN 1 ELSE 0 END AS odd_embedded,
            CASE WHEN a.{credit_id} IS NULL
                      AND a.{pk} IN (SELECT id FROM uncredited_mismatched)
                 THEN 1 ELSE 0 END AS uncredited_mismatch,
            -- Printed with only a credit line: the rule parses it (``printed_credit_name``).
            CASE WHEN f.{q("printed_line_only")} THEN 1 ELSE 0 END AS printed_only,
            -- Made with AI (IPTC or valid credentials) and printed without saying so: the
            -- facts count those captions for AI-made pictures only.
            CASE WHEN COALESCE(f.{q("ai_undisclosed_placements")}, 0) > 0
                 THEN 1 ELSE 0 END AS ai_undisclosed,
            CASE WHEN a.{q("data_mining")} IN ({codes(NO_AI_TRAINING)}) AND EXISTS (
                        SELECT 1 FROM {exported} x WHERE x.{asset_id} = a.{pk})
                 THEN 1 ELSE 0 END AS ai_training_export
          FROM {asset} a
          LEFT JOIN {facts} f ON f.{asset_id} = a.{pk}
          LEFT JOIN {alias} e ON e.{key} = f.{embedded_key}
          LEFT JOIN {alias} lk ON lk.{key} = f.{q("licence_licensor_key")}
          {where}
        ),
        flags AS (
        SELECT id, credit_id,
          CASE WHEN {in_state("none")} AND agreement_bits = 0
               THEN 1 ELSE 0 END AS {FLAG[MISSING]},
          CASE WHEN {in_state("expired")} AND {agreed} = 0 THEN 1 ELSE 0 END AS {FLAG[EXPIRED]},
          CASE WHEN {licence_state} < {state["expiring"]}
                    AND (agreement_bits & {AGREEMENT_BITS["ended"]}) > 0
               THEN 1 ELSE 0 END AS {FLAG[AGREEMENT_ENDED]},
          CASE WHEN {licence_state} < {state["expiring"]}
                    AND (agreement_bits & {AGREEMENT_BITS["other"]}) > 0
               THEN 1 ELSE 0 END AS {FLAG[AGREEMENT_NOT_COVERING]},
          CASE WHEN {covered_state} = {state["expiring"]} THEN 1 ELSE 0 END AS {FLAG[EXPIRING]},
          CASE WHEN licence_bits IS NOT NULL AND {bits(b["verified"], 0)}
               THEN 1 ELSE 0 END AS {FLAG[UNVERIFIED]},
          CASE WHEN stored = 1 AND placement_bits IS NOT NULL
                    AND {bits(embed, b["embed"])}
               THEN 1 ELSE 0 END AS {FLAG[EMBED_ONLY]},
          look_alike_conflict AS {FLAG[DUPLICATE_CONFLICT]},
          unknown_credit AS {FLAG[UNKNOWN_CREDIT]},
          CASE WHEN credit_id IS NOT NULL AND (
                      placement_bits = 3 OR odd_embedded = 1
                      OR {bits(b["odd_licensor"], b["odd_licensor"])})
                 OR uncredited_mismatch = 1
               THEN 1 ELSE 0 END AS {MISMATCH},
          printed_only AS {UNDECIDED},
          ai_undisclosed AS {FLAG[AI_UNDISCLOSED]},
          ai_training_export AS {FLAG[AI_TRAINING_EXPORT]}
        FROM facts
        )
    """
    return sql, (*licence_params, *where_params)


def clean_condition() -> str:
    """Return the condition of an asset with no SQL finding (its credit mismatch aside)."""
    return " AND ".join(f"{column} = 0" for column in FLAG.values())


def assets_flagged(
    assets: QuerySet,
    condition: str,
    *,
    today: date,
    warning_days: int,
    rights: RightsContext | None = None,
) -> QuerySet:
    """Return the assets whose flag-table row meets ``condition`` (SQL over the flag columns)."""
    table, params = flag_table(assets, today=today, warning_days=warning_days, rights=rights)
    ids = RawSQL(f"SELECT id FROM (WITH {table} SELECT id FROM flags WHERE {condition}) f", params)
    return Asset.objects.filter(id__in=ids).order_by("id")


def assets_with_finding(
    assets: QuerySet,
    finding: str,
    *,
    today: date,
    warning_days: int,
    rights: RightsContext | None = None,
) -> QuerySet:
    """Narrow assets to those that may have ``finding`` (exact but for undecided mismatches)."""
    if finding in FLAG:
        condition = f"{FLAG[finding]} = 1"
    elif finding == CREDIT_MISMATCH:
        condition = f"({MISMATCH_CERTAIN}) OR ({MISMATCH_TO_DECIDE})"
    elif finding == OK:
        condition = f"{clean_condition()} AND {MISMATCH} = 0"
    else:
        return assets
    return assets_flagged(assets, condition, today=today, warning_days=warning_days, rights=rights)
