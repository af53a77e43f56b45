"""Takedown impact: every placement of an asset, of its look-alikes and of stills cut from it.

``how_reached`` says which assets a takedown reaches and how (the asset itself, a still cut
from it or from its video, a look-alike recorded at ingest); ``impact`` lists their
placements in publication order, ``impact_by_asset`` picture by picture (for the CSV), ``impact_page`` one page of them after or
before a key (``ImpactKey``: keyset pages, nothing counted or sorted but the page) and
``count_placements`` counts them up to a limit; ``record_items`` writes them onto a request,
and ``refresh_status`` closes the request once every placement is dealt with.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date

from django.db import connection, connections, transaction
from django.db.models import BooleanField, CharField, F, Func, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils import timezone

from archive.audit.export import spreadsheet_safe
from archive.models import Article, Asset, Placement
from archive.models.takedowns import TakedownItem, TakedownRequest
from archive.text import display_name, record_id

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
    "note",
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


def how_reached(base: QuerySet) -> dict[int, str]:
    """Each reached asset's id and how the takedown reaches it (the closest way wins): those
    named, stills of a named video or of a named still's video, and look-alikes either way.

    The named ids read first, then one query a way, each an index search by those ids
    (``_among``), read into one dict: no UNION (which read the named assets once a way, then
    every reached asset again by id).
    """

    def ids(queryset: QuerySet, field: str = "id") -> list[int]:
        # No ordering: the assets' default (newest first) would sort every row read.
        return list(queryset.order_by().values_list(field, flat=True))

    ways = dict.fromkeys(ids(base), DIRECT)
    if not ways:
        return ways
    # The named assets' own links (a still's video, the original a look-alike copies) are
    # in their rows: read once for both, by the ids just read (at 1M the two reads were 40 %
    # of this function; by ``base`` again, PostgreSQL read every linked asset of the archive
    # and then tested its credit).
    videos, originals = [], []
    linked = Q(video__isnull=False) | Q(near_duplicate_of__isnull=False)
    for video, original in (
        Asset.objects.filter(linked, _among("id", ways))
        .order_by()
        .values_list("video_id", "near_duplicate_of_id")
    ):
        if video is not None:
            videos.append(video)
        if original is not None:
            originals.append(original)
    # The stills and look-alikes of the named, by the same ids (by ``base`` again PostgreSQL
    # merge-joined the whole stills and look-alikes indexes with the credit's assets).
    stills = ids(Asset.objects.filter(_among("video_id", ways)))
    if videos:
        stills += ids(Asset.objects.filter(video_id__in=_ids_set(videos)))
    look_alikes = ids(Asset.objects.filter(_among("near_duplicate_of_id", ways))) + originals
    for way, reached in ((STILL, stills), (LOOK_ALIKE, look_alikes)):
        for pk in reached:
            ways.setdefault(pk, way)
    return ways


class BadCursor(ValueError):
    """A ``before``/``after`` key in an address that is not one this module wrote."""


@dataclass(frozen=True, slots=True)
class ImpactKey:
    """Where a placement stands in the desk's order: its article's publication date (undated
    articles last), the article, its position there (unique within the article)."""

    published_on: date | None
    article_id: int
    position: int

    _FORM = re.compile(
        r"(?P<day>\d{4}-\d{2}-\d{2}|-)\.(?P<article>\d{1,19})\.(?P<position>\d{1,10})"
    )

    @classmethod
    def of(cls, placement: Placement) -> ImpactKey:
        return cls(placement.article.published_on, placement.article_id, placement.position)

    def sort_key(self) -> tuple:
        return (
            self.published_on is None,
            self.published_on or date.min,
            self.article_id,
            self.position,
        )

    def encode(self) -> str:
        """The key as an address writes it: ``2026-03-01.812.2`` (``-`` for no date)."""
        day = self.published_on.isoformat() if self.published_on else "-"
        return f"{day}.{self.article_id}.{self.position}"

    @classmethod
    def decode(cls, text: str) -> ImpactKey:
        """Read a key written by ``encode``; raise ``BadCursor`` for anything else."""
        match = cls._FORM.fullmatch(text or "")
        article = record_id(match["article"]) if match else None
        position = record_id(match["position"]) if match else None
        if match is None or article is None or position is None:
            raise BadCursor(f"{text[:40]!r} is not a place in this list.")
        day = None
        if match["day"] != "-":
            try:
                day = date.fromisoformat(match["day"])
            except ValueError:
                raise BadCursor(f"{match['day']!r} is not a date.") from None
        return cls(day, article, position)


@dataclass
class ImpactPage:
    """One page of a takedown's placements in the desk's order, and the keys to the next and
    previous pages (the last and first rows' keys)."""

    placements: list[Placement]
    has_next: bool
    has_previous: bool

    @property
    def next_key(self) -> str:
        return ImpactKey.of(self.placements[-1]).encode() if self.placements else ""

    @property
    def previous_key(self) -> str:
        return ImpactKey.of(self.placements[0]).encode() if self.placements else ""


def _ids_set(ids: Collection[int]) -> RawSQL:
    """The reached assets' ids as one parameter, a set the engine sees the size of (an
    array on PostgreSQL, JSON on SQLite: no limit on the number of SQL variables)."""
    ids = sorted(ids)
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (ids,))
    return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))


def _among(field: str, ids: Collection[int]) -> Q | Func:
    """A filter: ``field`` is one of ``ids``. On PostgreSQL ``field = ANY(array)``, which the
    planner sizes by the array and answers by an index scan in the index's order (at 1M,
    ``IN (SELECT unnest(…))``, estimated at 200 rows, gave the takedown CSV's query a merge
    join over every entry of the placements' index: 3.5 s against 0.8 s); elsewhere
    ``_ids_set``'s JSON set, searched id by id in the index."""
    if connection.vendor == "postgresql":
        array = RawSQL("%s::bigint[]", (sorted(ids),))
        return Func(
            F(field),
            array,
            arg_joiner=" = ANY(",
            template="%(expressions)s)",
            output_field=BooleanField(),
        )
    return Q(**{f"{field}__in": _ids_set(ids)})


def desk_order(forward: bool = True, prefix: str = "") -> list:
    """The desk's order of placements (``prefix``: the path to them): the article's
    publication date (undated last), the article, the position; reversed going back."""
    day, article, position = (
        f"{prefix}article__published_on",
        f"{prefix}article_id",
        f"{prefix}position",
    )
    if forward:
        return [F(day).asc(nulls_last=True), article, position]
    return [F(day).desc(nulls_first=True), f"-{article}", f"-{position}"]


def impact(asset_ids: Collection[int]) -> QuerySet:
    """The placements of the reached assets (``how_reached``'s keys), in the desk's order:
    by the article's publication date (undated last), article, position."""
    return (
        Placement.objects.filter(asset_id__in=_ids_set(asset_ids))
        .select_related("article", "asset")
        .order_by(*desk_order())
    )


def impact_by_asset(asset_ids: Collection[int]) -> QuerySet:
    """The same placements picture by picture (by asset id, then placement id), the order
    the placements' index on the asset already gives: the takedown CSV's, whose first lines
    are then read before the last placement is (``impact``'s order sorts every one first)."""
    return Placement.objects.filter(_among("asset_id", asset_ids)).order_by("asset_id", "id")


def count_placements(asset_ids: Collection[int], *, up_to: int) -> tuple[int, bool]:
    """How many placements the assets have, counted no further than ``up_to``: the count and
    whether it is exact (else there are more than ``up_to``)."""
    placements = Placement.objects.filter(asset_id__in=_ids_set(asset_ids)).order_by()
    found = placements[: up_to + 1].count()
    return min(found, up_to), found <= up_to


def impact_page(
    asset_ids: Collection[int],
    *,
    after: ImpactKey | None = None,
    before: ImpactKey | None = None,
    per_page: int = 100,
) -> ImpactPage:
    """The page of the assets' placements after ``after`` (or just before ``before``; else the
    first), read without counting or sorting every placement reached."""
    forward = before is None
    start = before if before is not None else after
    reached = set(asset_ids)
    if len(reached) <= DIRECT_LIMIT:
        found = _by_asset(reached, start, forward, per_page + 1)
    else:
        found = _by_article(reached, start, forward, per_page + 1)
    more = len(found) > per_page
    found = found[:per_page]
    if not forward:
        found.reverse()
    if not forward and not more:
        # Back at the start of the list: the first page, full.
        return impact_page(asset_ids, per_page=per_page)
    # By id alone: the reached set's condition again for 100 rows would cost more.
    rows = Placement.objects.select_related("article", "asset").in_bulk(found)
    placements = [rows[pk] for pk in found if pk in rows]
    if forward:
        return ImpactPage(placements, has_next=more, has_previous=after is not None)
    return ImpactPage(placements, has_next=True, has_previous=True)


# Up to this many reached assets a page reads their placements by asset and lets the engine
# sort them (a cost that grows with the placements reached); beyond, it walks the articles in
# order and keeps the reached placements (a cost that shrinks as they grow denser).
DIRECT_LIMIT = 2000
# The articles a page walks at most (in batches) before it reads the rest by asset: past
# this the reached placements are rare, so few, and sorting them is cheap.
WALK_BATCH = 500
WALK_LIMIT = 4000


def _after_q(key: ImpactKey, forward: bool, prefix: str = "") -> Q:
    """Placements strictly after ``key`` in the desk's order (before it when going back);
    ``prefix``: the path to the placement (``placement__`` from a takedown's items)."""
    day, article, position = key.published_on, key.article_id, key.position
    published, article_id = f"{prefix}article__published_on", f"{prefix}article_id"
    later = "gt" if forward else "lt"
    same_article = Q(**{article_id: article, f"{prefix}position__{later}": position})
    if day is None:
        undated = Q(**{f"{published}__isnull": True})
        within = undated & (Q(**{f"{article_id}__{later}": article}) | same_article)
        return within if forward else within | Q(**{f"{published}__isnull": False})
    on_day = Q(**{published: day}) & (Q(**{f"{article_id}__{later}": article}) | same_article)
    beyond = Q(**{f"{published}__{later}": day})
    if forward:
        beyond |= Q(**{f"{published}__isnull": True})
    return beyond | on_day


@dataclass
class ItemsPage:
    """One page of a takedown request's items in the desk's order (as its impact page and
    CSV), and the keys to the next and previous pages."""

    items: list[TakedownItem]
    has_next: bool
    has_previous: bool

    @property
    def next_key(self) -> str:
        return ImpactKey.of(self.items[-1].placement).encode() if self.items else ""

    @property
    def previous_key(self) -> str:
        return ImpactKey.of(self.items[0].placement).encode() if self.items else ""


def items_page(
    items: QuerySet,
    *,
    after: ImpactKey | None = None,
    before: ImpactKey | None = None,
    per_page: int = 100,
) -> ItemsPage:
    """The page of a request's ``items`` after ``after`` (or just before ``before``; else the
    first), by key: one placement per item, so its place in the desk's order is unique."""
    forward = before is None
    start = before if before is not None else after
    listed = items
    if start is not None:
        listed = items.filter(_after_q(start, forward, prefix="placement__"))
    found = list(
        listed.select_related("placement__article", "placement__asset", "dealt_by").order_by(
            *desk_order(forward, prefix="placement__")
        )[: per_page + 1]
    )
    more = len(found) > per_page
    found = found[:per_page]
    if forward:
        return ItemsPage(found, has_next=more, has_previous=after is not None)
    if not more:  # back at the start of the list: the first page, full
        return items_page(items, per_page=per_page)
    found.reverse()
    return ItemsPage(found, has_next=True, has_previous=True)


def _by_asset(
    reached: Collection[int], start: ImpactKey | None, forward: bool, limit: int
) -> list[int]:
    """Ids of the next ``limit`` placements after ``start``, read by asset, sorted by the
    engine."""
    placements = Placement.objects.filter(asset_id__in=_ids_set(reached))
    if start is not None:
        placements = placements.filter(_after_q(start, forward))
    return list(placements.order_by(*desk_order(forward)).values_list("id", flat=True)[:limit])


def _articles(start: ImpactKey | None, forward: bool, limit: int) -> list[tuple[int, date | None]]:
    """Up to ``limit`` articles from ``start``'s article on (it included), in the desk's
    order: dated by day and id, then undated by id (reversed when going back)."""
    dated = Article.objects.filter(published_on__isnull=False)
    undated = Article.objects.filter(published_on__isnull=True)
    fields = ("id", "published_on")
    if forward:
        if start is not None and start.published_on is None:
            dated = dated.none()
            undated = undated.filter(id__gte=start.article_id)
        elif start is not None:
            day = start.published_on
            dated = dated.filter(
                Q(published_on__gt=day) | Q(published_on=day, id__gte=start.article_id)
            )
        parts = [dated.order_by("published_on", "id"), undated.order_by("id")]
    else:
        if start is not None and start.published_on is None:
            undated = undated.filter(id__lte=start.article_id)
        elif start is not None:
            day = start.published_on
            undated = undated.none()
            dated = dated.filter(
                Q(published_on__lt=day) | Q(published_on=day, id__lte=start.article_id)
            )
        parts = [undated.order_by("-id"), dated.order_by("-published_on", "-id")]
    found: list[tuple[int, date | None]] = []
    for part in parts:
        if len(found) < limit:
            found.extend(part.values_list(*fields)[: limit - len(found)])
    return found


def _by_article(reached: set[int], start: ImpactKey | None, forward: bool, limit: int) -> list[int]:
    """Ids of the next ``limit`` placements after ``start``: the articles walked in order and
    their reached placements kept, then, if they are rare, the rest read by asset."""
    found: list[int] = []
    walked = 0
    while walked < WALK_LIMIT:
        articles = _articles(start, forward, WALK_BATCH)
        walked += len(articles)
        days = dict(articles)
        rows = (
            Placement.objects.filter(article_id__in=_ids_set(days))
            .order_by()
            .values_list("id", "article_id", "position", "asset_id")
        )
        keyed = sorted(
            ((ImpactKey(days[a], a, pos).sort_key(), pk, asset) for pk, a, pos, asset in rows),
            reverse=not forward,
        )
        edge = start.sort_key() if start is not None else None
        for sort_key, pk, asset in keyed:
            if asset not in reached:
                continue
            if edge is not None and (sort_key <= edge if forward else sort_key >= edge):
                continue
            found.append(pk)
            if len(found) == limit:
                return found
        if len(articles) < WALK_BATCH:
            return found  # the end of the list
        last_id, last_day = articles[-1]
        # Past every placement of the last article walked.
        start = ImpactKey(last_day, last_id, MAX_POSITION if forward else 0)
    return found + _by_asset(reached, start, forward, limit - len(found))


MAX_POSITION = 2**31 - 1


def request_base(request: TakedownRequest) -> QuerySet:
    return base_assets(credit=request.credit, licence=request.licence, asset=request.asset)


@transaction.atomic
def record_items(request: TakedownRequest) -> int:
    """Add every placement the request reaches that it does not list yet; return how many."""
    base = request_base(request)
    ways = how_reached(base)
    listed = set(request.items.values_list("placement_id", flat=True))
    placements = impact(ways).values_list("id", "asset_id")
    new = [
        TakedownItem(request=request, placement_id=pk, via=ways.get(asset_id, LOOK_ALIKE))
        for pk, asset_id in placements.iterator(chunk_size=5000)
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


def _streamed(rows: QuerySet, chunk_size: int) -> Iterator[tuple]:
    """The rows, fetched ``chunk_size`` at a time as the caller reads them.

    On PostgreSQL ``iterator()`` reads through a server-side cursor, which Django declares
    ``WITH HOLD`` outside a transaction; PostgreSQL then computes every row of a held cursor
    when the statement's own transaction commits, before the first is sent (at 1M, 163 011
    rows: the takedown CSV's first line came 1–2 s after the reached assets). Read in a
    transaction, the cursor is an ordinary one and the first rows come as soon as the plan
    gives them; ``_fetched_ahead`` asks for each chunk before the caller writes the one
    before it. Not on SQLite, where a transaction here (``IMMEDIATE``) would hold the
    database's write lock for the whole download, and the reads stream already.
    """
    alias = rows.db  # read once: the router may choose a replica at random
    if connections[alias].vendor != "postgresql":
        yield from rows.iterator(chunk_size=chunk_size)
        return
    # Within a transaction already: no savepoint. On the rows' own database (a replica's
    # connection in autocommit would declare the cursor WITH HOLD again).
    with transaction.atomic(using=alias, savepoint=False):
        yield from _fetched_ahead(rows.using(alias), chunk_size)


def _fetched_ahead(rows: QuerySet, chunk_size: int) -> Iterator[tuple]:
    """PostgreSQL, in a transaction: the rows through a cursor declared for them, each chunk's
    ``FETCH`` sent before the chunk before it is handed over, in psycopg's pipeline mode, so
    that the server computes the next chunk while the caller writes this one (fetched one
    after another, the client waited for the server at each chunk: at 1M about 0.6 s of the
    CSV's 1.2 s). A cursor, not one streamed statement: a cursor's plan is chosen for its
    first rows (no sort of every row reached before the first line), and ``FETCH ALL``
    computes all its rows before sending one. Other statements on the connection meanwhile
    are queued behind the chunk asked for ahead; the cursor closes with the transaction.
    """
    connection_ = connections[rows.db]
    compiler = rows.query.get_compiler(using=rows.db)
    sql, params = compiler.as_sql()
    name = f"_takedown_rows_{next(_cursor_numbers)}"
    with connection_.cursor() as cursor:  # through Django: logged, seen by query captures
        cursor.execute(f'DECLARE "{name}" NO SCROLL CURSOR WITHOUT HOLD FOR {sql}', params)
    pg = connection_.connection
    fetch = f'FETCH FORWARD {int(chunk_size)} FROM "{name}"'

    def chunks() -> Iterator[list[tuple]]:
        with pg.pipeline():
            ahead = pg.cursor()
            ahead.execute(fetch)
            while True:
                chunk = ahead.fetchall()
                if not chunk:
                    return
                # Sent now, computed by the server while this chunk is written.
                ahead = pg.cursor()
                ahead.execute(fetch)
                yield chunk

    batches = chunks()
    try:
        yield from compiler.results_iter(batches, tuple_expected=True)
    finally:
        batches.close()  # the pipeline ends before the transaction does


_cursor_numbers = itertools.count(1)


def csv_names(ways: dict[int, str]) -> dict[int, str]:
    """Each reached asset's name for the CSV, read once, in one statement before the lines (a
    picture has several placements: joined, its title, file name and kind came again on each
    of its rows, and on PostgreSQL the join read every asset of the archive)."""
    kinds = dict(Asset.Kind.choices)
    return {
        pk: f"#{pk} {display_name(title, filename, kinds.get(kind, kind))}"  # "#": no formula
        for pk, title, filename, kind in Asset.objects.filter(
            _among("id", [pk for pk in ways if pk is not None])
        )
        .order_by()
        .values_list("id", "title", "original_filename", "kind")
    }


def csv_placement_rows(placements: QuerySet) -> QuerySet:
    """The CSV's values of each placement, the day as the database writes it (ISO), not
    parsed into a date and written back."""
    return placements.values_list(
        "id",
        Cast("article__published_on", CharField()),
        "article__publication",
        "article__headline",
        "article__url",
        "position",
        "print_page",
        "asset_id",
        "caption",
        "credit_line",
    )


def csv_rows(
    placements: QuerySet,
    ways: dict[int, str],
    states: dict[int, tuple[str, str]],
    *,
    chunk_size: int = 2000,
) -> Iterator[str]:
    """CSV lines for placements of the assets ``ways`` holds, streamed a chunk of lines at a
    time (formula-like cells made inert); ``states`` gives a recorded takedown's state and
    note (why a placement was kept) by placement."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    names = csv_names(ways)
    rows = csv_placement_rows(placements)
    safe = spreadsheet_safe
    undealt = ("", "")
    lines = []
    for row in _streamed(rows, chunk_size):
        pk, published, publication, headline, url, position, print_page, asset_id = row[:8]
        state, note = states.get(pk, undealt)
        lines.append(
            (
                pk,
                published or "",
                safe(publication),
                safe(headline),
                safe(url),
                position,
                safe(print_page),
                asset_id,
                names.get(asset_id, ""),  # none: a placement awaiting its file
                ways.get(asset_id, ""),
                safe(row[8]),
                safe(row[9]),
                state,
                safe(note),
            )
        )
        if len(lines) >= chunk_size:
            writer.writerows(lines)
            lines.clear()
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    writer.writerows(lines)
    yield buffer.getvalue()
