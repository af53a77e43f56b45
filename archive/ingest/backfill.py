"""Catalogue fields added after assets were ingested, filled from what ingest kept of the file.

``backfill_other_locations`` fills ``Asset.other_locations_shown`` (migration 0014) for assets
catalogued before it: from the raw XMP stored at ingest (``Asset.embedded_metadata``, which
keeps every LocationShown item), or, for a row that kept no XMP, from the stored original.
Run by ``manage.py backfill_locations``; idempotent (a filled or edited asset is left alone).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from simple_history.utils import bulk_update_with_history

from archive.derived import refresh_assets
from archive.ingest.metadata import read_metadata
from archive.ingest.metadata.reconcile import other_locations_shown
from archive.models import Asset

FILLED, EDITED, UNREADABLE = "filled", "edited", "unreadable"
FROM_RAW, FROM_ORIGINAL = "the metadata read at ingest", "the stored original"
CHANGE_REASON = "Other locations shown filled from the file's metadata"


@dataclass(frozen=True)
class Backfilled:
    """What the backfill did with one asset: filled it, or why not."""

    asset_id: int
    outcome: str  # FILLED, EDITED (the archivist's list is kept) or UNREADABLE
    places: list[dict[str, str]] = field(default_factory=list)
    source: str = FROM_RAW
    reason: str = ""


def candidates() -> Q:
    """The assets the backfill looks at: no other location shown yet, and a file's XMP that
    lists more than one location shown (or no XMP kept at all: read the original)."""
    kept_xmp = Q(embedded_metadata__has_key="xmp")
    listed = Q(embedded_metadata__xmp__has_key="Iptc4xmpExt:LocationShown")
    return Q(other_locations_shown=[]) & (listed | ~kept_xmp)


def backfill_other_locations(
    *, batch_size: int = 200, dry_run: bool = False
) -> Iterator[Backfilled]:
    """Fill the other locations shown of every candidate asset, ``batch_size`` assets a
    transaction, and yield what was done with each asset that has any to fill."""
    last = 0
    while True:
        ids = list(
            Asset.objects.filter(candidates(), pk__gt=last)
            .order_by("pk")
            .values_list("pk", flat=True)[:batch_size]
        )
        if not ids:
            return
        last = ids[-1]
        yield from fill_batch(ids, dry_run=dry_run)


def fill_batch(ids: list[int], *, dry_run: bool) -> list[Backfilled]:
    """Fill one batch under row locks (an archivist's edit in between is never overwritten)."""
    outcomes, filled = [], []
    with transaction.atomic():
        locked = Asset.objects.select_for_update().filter(candidates(), pk__in=ids).order_by("pk")
        for asset in locked:
            outcome = places_of(asset)
            if outcome is None:
                continue  # the file shows one place or none: nothing to fill
            outcomes.append(outcome)
            if outcome.outcome == FILLED:
                asset.other_locations_shown = outcome.places
                filled.append(asset)
        if filled and not dry_run:
            bulk_update_with_history(
                filled, Asset, ["other_locations_shown"], default_change_reason=CHANGE_REASON
            )
            refresh_assets(asset.pk for asset in filled)  # the search documents name them
    return outcomes


def places_of(asset: Asset) -> Backfilled | None:
    """The other locations shown the asset's file gives, or None if it gives none."""
    raw = asset.embedded_metadata if isinstance(asset.embedded_metadata, dict) else {}
    source = FROM_RAW
    xmp = raw.get("xmp")
    if not isinstance(xmp, dict):
        source = FROM_ORIGINAL
        try:
            xmp = original_xmp(asset)
        except (OSError, ValueError) as error:
            return Backfilled(asset.pk, UNREADABLE, source=source, reason=str(error))
    places = other_locations_shown(xmp)
    if not places:
        return None
    if "other_locations_shown" in (asset.edited_fields or []):
        return Backfilled(asset.pk, EDITED, places, source, "an archivist edited them")
    return Backfilled(asset.pk, FILLED, places, source)


def original_xmp(asset: Asset) -> dict:
    """The XMP of the stored original, read again as ingest reads it."""
    if not asset.file:
        raise ValueError("no original is stored")
    if not (asset.mime_type or "").startswith("image/"):
        return {}  # a video's XMP is not read at ingest either
    with asset.file.open("rb") as handle:
        data = handle.read()
    raw = read_metadata(data).raw
    return raw.get("xmp") or {}
