"""The audit's derived data: one ``AssetFacts`` row per asset, written only here.

``refresh_facts`` recomputes the rows of some assets (``archive.derived`` calls it for every
write that touches them); ``rebuild_facts`` recomputes every row after a bulk load. The rules
that turn licence and placement rows into facts are pure functions, tested on their own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q

from archive.audit.rules import SOCIAL_EMBED, embedded_credit
from archive.models import Asset, AssetFacts, Licence, Placement
from archive.text import credit_key

CHUNK = 1000
LICENCE_COLUMNS = (
    "asset_id",
    "starts_on",
    "expires_on",
    "verified_at",
    "licence_type",
    "licensor_key",
)
PLACEMENT_COLUMNS = ("asset_id", "credit_id", "credit_line")


def licence_facts(licences: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Return the licence window and facts of one asset's licences (rows as dicts).

    A missing start or expiry on any licence makes the window open on that side; the window
    is "single" when one licence starts first and ends last, so its status is the asset's.
    """
    if not licences:
        return {
            "licence_count": 0,
            "licence_starts_on": None,
            "licence_expires_on": None,
            "licence_window_single": True,
            "licence_verified": False,
            "licence_kinds": 0,
            "licence_licensors": 0,
            "licence_licensor_key": "",
        }
    starts: list[date | None] = [row["starts_on"] for row in licences]
    expires: list[date | None] = [row["expires_on"] for row in licences]
    window_start = None if None in starts else min(starts)
    window_end = None if None in expires else max(expires)
    spanning = any(
        (row["starts_on"] is None or row["starts_on"] == window_start)
        and (row["expires_on"] is None or row["expires_on"] == window_end)
        for row in licences
    )
    embed = any(row["licence_type"] == SOCIAL_EMBED for row in licences)
    other = any(row["licence_type"] != SOCIAL_EMBED for row in licences)
    licensors = sorted({row["licensor_key"] for row in licences if row["licensor_key"]})
    return {
        "licence_count": len(licences),
        "licence_starts_on": window_start,
        "licence_expires_on": window_end,
        "licence_window_single": len(licences) <= 1 or spanning,
        "licence_verified": any(row["verified_at"] is not None for row in licences),
        "licence_kinds": int(embed) + 2 * int(other),
        "licence_licensors": len(licensors),
        "licence_licensor_key": licensors[0] if licensors else "",
    }


def placement_facts(placements: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Return how often an asset is printed, under which credit records, and whether a
    placement prints a credit line that matched no credit record."""
    credits = sorted({row["credit_id"] for row in placements if row["credit_id"] is not None})
    return {
        "placement_count": len(placements),
        "printed_credits": len(credits),
        "printed_credit_id": credits[0] if credits else None,
        "printed_line_only": any(
            row["credit_id"] is None and row["credit_line"] for row in placements
        ),
    }


def _grouped(rows: Iterable[Mapping[str, Any]]) -> dict[int, list[Mapping[str, Any]]]:
    grouped: dict[int, list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[row["asset_id"]].append(row)
    return grouped


def _among(field: str, ids: list[int]) -> Q:
    """Return a filter on ``field`` for a chunk of sorted ids: a range when they are dense (far
    cheaper to run than 1,000 parameters; rows of other assets in the range are ignored)."""
    if ids[-1] - ids[0] < 2 * len(ids):
        return Q(**{f"{field}__gte": ids[0], f"{field}__lte": ids[-1]})
    return Q(**{f"{field}__in": ids})


def _facts_of(ids: list[int]) -> list[AssetFacts]:
    wanted = set(ids)
    licences = _grouped(
        Licence.objects.filter(_among("asset_id", ids)).order_by().values(*LICENCE_COLUMNS)
    )
    placements = _grouped(
        Placement.objects.filter(_among("asset_id", ids)).order_by().values(*PLACEMENT_COLUMNS)
    )
    rows = []
    for asset_id, metadata in (
        Asset.objects.filter(_among("pk", ids)).order_by().values_list("pk", "embedded_metadata")
    ):
        if asset_id not in wanted:
            continue
        credit = embedded_credit(metadata)
        rows.append(
            AssetFacts(
                asset_id=asset_id,
                embedded_credit=credit,
                embedded_credit_key=credit_key(credit),
                **licence_facts(licences.get(asset_id, [])),
                **placement_facts(placements.get(asset_id, [])),
            )
        )
    return rows


FACT_FIELDS = [field.name for field in AssetFacts._meta.concrete_fields if not field.primary_key]


def refresh_facts(asset_ids: Iterable[int | None]) -> int:
    """Recompute the facts of these assets; return how many rows were written."""
    ids = sorted({pk for pk in asset_ids if pk})
    written = 0
    with transaction.atomic():
        for start in range(0, len(ids), CHUNK):
            rows = _facts_of(ids[start : start + CHUNK])
            AssetFacts.objects.bulk_create(
                rows, update_conflicts=True, unique_fields=["asset"], update_fields=FACT_FIELDS
            )
            written += len(rows)
    return written


def rebuild_facts() -> int:
    """Recompute every asset's facts (after a bulk load); return how many were written."""
    return refresh_facts(Asset.objects.order_by("pk").values_list("pk", flat=True).iterator())
