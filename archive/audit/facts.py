"""The audit's derived data: one ``AssetFacts`` row per asset, written only here.

``refresh_facts`` recomputes the rows of some assets (``archive.derived`` calls it for every
write that touches them); ``rebuild_facts`` recomputes every row after a bulk load. Both run
the same set-based statement (``FACTS_SQL``): the licence and placement facts are grouped in
SQL, which is their one definition. The embedded credit is read from the file's JSON metadata
by ``rules.embedded_credit`` and keyed by ``archive.text.credit_key``, in a second pass over
the assets whose metadata names a credit; the placements of AI-made pictures whose captions
do not say so are counted by ``rules.undisclosed_placements`` in a third, over those pictures.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Exists, Max, Min, OuterRef, Q, QuerySet

from archive.audit.rules import (
    SOCIAL_EMBED,
    PlacementFacts,
    embedded_credit,
    undisclosed_placements,
)
from archive.models import Asset, AssetFacts, Licence, Placement, UsageRights
from archive.provenance import AI_SOURCE_TYPES, C2PA_VALID_STATES, ai_source_type
from archive.text import credit_key

REFRESH_CHUNK = 500  # ids per statement when refreshing some assets
REBUILD_CHUNK = 20_000  # ids per range when rebuilding every asset
FACT_COLUMNS = tuple(field.column for field in AssetFacts._meta.concrete_fields)
EMBEDDED_COLUMNS = ("embedded_credit", "embedded_credit_key")


def _facts_sql(selected: str) -> str:
    """Return the upsert of the facts of the assets whose id meets ``selected`` (a condition
    on ``{id}``, formatted once per table it filters: asset, licences, placements).

    Licences: the window is open on a side when any licence is; it is "single" when one
    licence starts first and ends last. Placements: how many, under how many credit records
    (and the smallest), and whether one prints a credit line that matched no record. The
    usage category and the asset's credit, video and data-mining terms are copied as they
    are. The embedded credit is left blank here (see ``_write_embedded_credits``).
    """
    q = connection.ops.quote_name
    asset, licence = q(Asset._meta.db_table), q(Licence._meta.db_table)
    placement, facts = q(Placement._meta.db_table), q(AssetFacts._meta.db_table)
    rights = q(UsageRights._meta.db_table)
    # Keys are compared code point by code point on both engines, as Python's min() does.
    binary = ' COLLATE "C"' if connection.vendor == "postgresql" else ""
    columns = ", ".join(q(column) for column in FACT_COLUMNS)
    updates = ", ".join(
        f"{q(column)} = excluded.{q(column)}" for column in FACT_COLUMNS if column != "asset_id"
    )
    return f"""
        INSERT INTO {facts} ({columns})
        SELECT a.id,
          COALESCE(l.n, 0), l.starts_on, l.expires_on,
          CASE WHEN COALESCE(l.n, 0) <= 1 THEN TRUE ELSE EXISTS (
            SELECT 1 FROM {licence} s WHERE s.asset_id = a.id
              AND (s.starts_on IS NULL OR s.starts_on = l.starts_on)
              AND (s.expires_on IS NULL OR s.expires_on = l.expires_on)) END,
          COALESCE(l.verified, FALSE), COALESCE(l.kinds, 0), COALESCE(l.licensors, 0),
          COALESCE(l.licensor_key, ''),
          COALESCE(p.n, 0), COALESCE(p.credits, 0), p.credit_id, COALESCE(p.line_only, FALSE),
          '', '', 0,
          (SELECT u.category_id FROM {rights} u WHERE u.asset_id = a.id),
          a.credit_id, a.video_id, a.data_mining
        FROM {asset} a
        LEFT JOIN (
          SELECT asset_id, COUNT(*) AS n,
            CASE WHEN COUNT(starts_on) = COUNT(*) THEN MIN(starts_on) END AS starts_on,
            CASE WHEN COUNT(expires_on) = COUNT(*) THEN MAX(expires_on) END AS expires_on,
            MAX(CASE WHEN verified_at IS NOT NULL THEN 1 ELSE 0 END) = 1 AS verified,
            MAX(CASE WHEN licence_type = '{SOCIAL_EMBED}' THEN 1 ELSE 0 END)
              + 2 * MAX(CASE WHEN licence_type <> '{SOCIAL_EMBED}' THEN 1 ELSE 0 END) AS kinds,
            COUNT(DISTINCT NULLIF(licensor_key, '')) AS licensors,
            MIN(NULLIF(licensor_key, ''){binary}) AS licensor_key
          FROM {licence} WHERE {selected.format(id="asset_id")} GROUP BY asset_id
        ) l ON l.asset_id = a.id
        LEFT JOIN (
          SELECT asset_id, COUNT(*) AS n, COUNT(DISTINCT credit_id) AS credits,
            MIN(credit_id) AS credit_id,
            MAX(CASE WHEN credit_id IS NULL AND credit_line <> '' THEN 1 ELSE 0 END) = 1
              AS line_only
          FROM {placement} WHERE {selected.format(id="asset_id")} GROUP BY asset_id
        ) p ON p.asset_id = a.id
        WHERE {selected.format(id="a.id")}
        ON CONFLICT (asset_id) DO UPDATE SET {updates}
    """


def _write_embedded_credits(assets: QuerySet) -> None:
    """Fill in the embedded credit and its key of those of ``assets`` whose metadata names one
    (the facts upsert left them blank)."""
    named = Q(embedded_metadata__xmp__has_key="photoshop:Credit") | Q(
        embedded_metadata__iptc__has_key="Credit"
    )
    rows = []
    for pk, metadata in assets.filter(named).order_by().values_list("pk", "embedded_metadata"):
        credit = embedded_credit(metadata)
        if credit:
            rows.append((credit, credit_key(credit), pk))
    if rows:
        q = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {q(AssetFacts._meta.db_table)} SET {q('embedded_credit')} = %s, "
                f"{q('embedded_credit_key')} = %s WHERE {q('asset_id')} = %s",
                rows,
            )


def _write_ai_disclosure(assets: QuerySet) -> None:
    """Count, for those of ``assets`` an AI model made or edited (their IPTC field or valid
    Content Credentials say so, ``provenance.ai_source_type``), the placements whose caption
    and credit line do not say so (``rules.undisclosed_placements``; the upsert left 0)."""
    candidates = assets.filter(
        Q(digital_source_type__in=AI_SOURCE_TYPES) | Q(c2pa_state__in=C2PA_VALID_STATES),
        Exists(Placement.objects.filter(asset=OuterRef("pk"))),
    )
    source_types = {
        pk: code
        for pk, *declared in candidates.order_by().values_list(
            "pk", "digital_source_type", "c2pa_state", "c2pa_summary"
        )
        if (code := ai_source_type(*declared))
    }
    if not source_types:
        return
    placements: dict[int, list[PlacementFacts]] = {pk: [] for pk in source_types}
    for asset_id, article_id, caption, credit_line in Placement.objects.filter(
        asset_id__in=list(source_types)
    ).values_list("asset_id", "article_id", "caption", "credit_line"):
        placements[asset_id].append(
            PlacementFacts(article_id, credit_line=credit_line, caption=caption)
        )
    rows = [
        (len(silent), pk)
        for pk, kind in source_types.items()
        if (silent := undisclosed_placements(kind, placements[pk]))
    ]
    if rows:
        q = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {q(AssetFacts._meta.db_table)} SET {q('ai_undisclosed_placements')} = %s"
                f" WHERE {q('asset_id')} = %s",
                rows,
            )


def refresh_facts(asset_ids: Iterable[int | None]) -> int:
    """Recompute the facts of these assets; return how many rows were written.

    An id whose asset no longer exists (deleted without signals) gets no row, and loses the
    one it had.
    """
    ids = sorted({pk for pk in asset_ids if pk})
    facts = connection.ops.quote_name(AssetFacts._meta.db_table)
    asset = connection.ops.quote_name(Asset._meta.db_table)
    written = 0
    with transaction.atomic(), connection.cursor() as cursor:
        for start in range(0, len(ids), REFRESH_CHUNK):
            chunk = ids[start : start + REFRESH_CHUNK]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(_facts_sql(f"{{id}} IN ({marks})"), chunk * 3)
            written += cursor.rowcount
            _write_embedded_credits(Asset.objects.filter(pk__in=chunk))
            _write_ai_disclosure(Asset.objects.filter(pk__in=chunk))
            cursor.execute(
                f"DELETE FROM {facts} WHERE asset_id IN ({marks})"
                f" AND NOT EXISTS (SELECT 1 FROM {asset} a WHERE a.id = {facts}.asset_id)",
                chunk,
            )
    return written


def rebuild_facts() -> int:
    """Recompute every asset's facts (after a bulk load), range by range of ids; return how
    many rows were written."""
    bounds = Asset.objects.aggregate(first=Min("id"), last=Max("id"))
    written = 0
    if bounds["first"] is None:
        return written
    with transaction.atomic(), connection.cursor() as cursor:
        for first in range(bounds["first"], bounds["last"] + 1, REBUILD_CHUNK):
            last = first + REBUILD_CHUNK
            cursor.execute(_facts_sql("{id} >= %s AND {id} < %s"), [first, last] * 3)
            written += cursor.rowcount
            _write_embedded_credits(Asset.objects.filter(pk__gte=first, pk__lt=last))
            _write_ai_disclosure(Asset.objects.filter(pk__gte=first, pk__lt=last))
    return written
