"""Takedown impact: every placement of an asset, of its look-alikes and of stills cut from it.

``affected_assets`` says which assets a takedown reaches and how (the asset itself, a
still cut from it or from its video, a look-alike recorded at ingest); ``impact`` lists
their placements in publication order; ``record_items`` writes them onto a request, and
``refresh_status`` closes the request once every placement is dealt with.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from archive.audit.export import spreadsheet_safe
from archive.models import Asset, Placement
from archive.models.takedowns import TakedownItem, TakedownRequest
from archive.text import display_name

DIRECT, STILL, LOOK_ALIKE = (
    TakedownItem.Via.DIRECT,
    TakedownItem.Via.STILL,
    TakedownItem.Via.LOOK_ALIKE,
)

CSV_COLUMNS = [
    "placement",
    "published_on",
    "publication",
    "headline",
    "article_url",
    "position",
    "print_page",
    "asset",
    "asset_name",
    "via",
    "caption",
    "credit_line",
    "state",
]


def base_assets(*, credit=None, licence=None, asset=None) -> QuerySet:
    """The assets a takedown names directly, as a subquery of ids."""
    if credit is not None:
        return Asset.objects.filter(credit=credit).values("id")
    if licence is not None:
        return Asset.objects.filter(licences=licence).values("id")
    if asset is not None:
        return Asset.objects.filter(pk=asset.pk).values("id")
    raise ValueError("a takedown names a credit, a licence or an asset")


def reached_assets(base: QuerySet) -> QuerySet:
    """The ids of the assets a takedown reaches: those named, stills of a named video or of a
    named still's video, and look-alikes either way.

    One indexed query per way, joined by UNION: an OR of them would read the whole table.
    """
    named_stills = Asset.objects.filter(id__in=base, video__isnull=False)
    named_look_alikes = Asset.objects.filter(id__in=base, near_duplicate_of__isnull=False)
    return base.order_by().union(
        Asset.objects.filter(video__in=base).order_by().values("id"),
        Asset.objects.filter(video__in=named_stills.order_by().values("video"))
        .order_by()
        .values("id"),
        Asset.objects.filter(near_duplicate_of__in=base).order_by().values("id"),
        named_look_alikes.order_by().values("near_duplicate_of"),
    )


def how_reached(base: QuerySet) -> dict[int, str]:
    """Each reached asset's id and how the takedown reaches it (the closest way wins)."""
    # No ordering: the assets' default (newest first) would sort every reached row.
    named = set(base.order_by().values_list("id", flat=True))
    videos = set(
        Asset.objects.filter(id__in=base, video__isnull=False)
        .order_by()
        .values_list("video_id", flat=True)
    )
    reached = (
        Asset.objects.filter(id__in=reached_assets(base)).order_by().values_list("id", "video_id")
    )
    ways: dict[int, str] = {}
    for pk, video_id in reached.iterator(chunk_size=5000):
        if pk in named:
            ways[pk] = DIRECT
        elif video_id is not None and (video_id in named or video_id in videos):
            ways[pk] = STILL
        else:
            ways[pk] = LOOK_ALIKE
    return ways


def impact(base: QuerySet) -> QuerySet:
    """The placements of every reached asset, in publication order, with their article."""
    return (
        Placement.objects.filter(asset__in=reached_assets(base))
        .select_related("article", "asset")
        .order_by("article__published_on", "article_id", "position", "id")
    )


def impact_page(placements: QuerySet, number, per_page: int) -> Page:
    """Return one page of ``impact``'s placements: their ids sorted and cut (narrow rows, not
    every reached placement's caption and asset), then that page's rows."""
    page = Paginator(placements.values_list("id", flat=True), per_page).get_page(number)
    # By id alone: the impact's own condition would run its UNION again for 100 rows.
    rows = Placement.objects.select_related("article", "asset").in_bulk(list(page.object_list))
    page.object_list = [rows[pk] for pk in page.object_list]
    return page


def request_base(request: TakedownRequest) -> QuerySet:
    return base_assets(credit=request.credit, licence=request.licence, asset=request.asset)


@transaction.atomic
def record_items(request: TakedownRequest) -> int:
    """Add every placement the request reaches that it does not list yet; return how many."""
    base = request_base(request)
    ways = how_reached(base)
    listed = set(request.items.values_list("placement_id", flat=True))
    new = [
        TakedownItem(request=request, placement_id=pk, via=ways.get(asset_id, LOOK_ALIKE))
        for pk, asset_id in impact(base).values_list("id", "asset_id").iterator(chunk_size=5000)
        if pk not in listed
    ]
    TakedownItem.objects.bulk_create(new, batch_size=2000)
    refresh_status(request)
    return len(new)


def refresh_status(request: TakedownRequest) -> str:
    """Open while a placement is still to deal with; done once none is."""
    pending = request.items.filter(state=TakedownItem.State.PENDING).exists()
    status = TakedownRequest.Status.OPEN if pending else TakedownRequest.Status.DONE
    if request.status != status:
        request.status = status
        request.save(update_fields=["status"])
    return status


@transaction.atomic
def deal_with(request: TakedownRequest, item_ids: list[int], *, state: str, note: str, user) -> int:
    """Mark some of a request's placements as dealt with (or back to pending)."""
    if state not in TakedownItem.State.values:
        raise ValueError(f"unknown state {state!r}")
    if state == TakedownItem.State.KEPT and not note.strip():
        raise ValueError("Say why the placements are kept.")
    pending = state == TakedownItem.State.PENDING
    changed = request.items.filter(pk__in=item_ids).update(
        state=state,
        note=note[:500],
        dealt_by=None if pending else user,
        dealt_at=None if pending else timezone.now(),
    )
    refresh_status(request)
    return changed


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_rows(placements: QuerySet, ways: dict[int, str], states: dict[int, str]) -> Iterator[str]:
    """CSV lines for placements, streamed (formula-like cells made inert)."""
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_COLUMNS)
    rows = placements.values_list(
        "id",
        "article__published_on",
        "article__publication",
        "article__headline",
        "article__url",
        "position",
        "print_page",
        "asset_id",
        "asset__title",
        "asset__original_filename",
        "asset__kind",
        "caption",
        "credit_line",
    )
    for row in rows.iterator(chunk_size=2000):
        pk, published, publication, headline, url, position, print_page, asset_id = row[:8]
        title, name, kind, caption, credit_line = row[8:]
        label = Asset.Kind(kind).label
        yield writer.writerow(
            [
                pk,
                published.isoformat() if published else "",
                spreadsheet_safe(publication),
                spreadsheet_safe(headline),
                spreadsheet_safe(url),
                position,
                spreadsheet_safe(print_page),
                asset_id,
                spreadsheet_safe(f"#{asset_id} {display_name(title, name, label)}"),
                ways.get(asset_id, ""),
                spreadsheet_safe(caption),
                spreadsheet_safe(credit_line),
                states.get(pk, ""),
            ]
        )
