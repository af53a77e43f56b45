"""Takedown pages: the impact of a takedown before it is recorded, and a request's progress."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from archive import takedowns
from archive.models import Asset, Credit, Licence, Placement, TakedownItem, TakedownRequest
from archive.text import record_id

PAGE_SIZE = 100
# The impact page counts the placements exactly up to this many, then says "more than".
EXACT_COUNT_LIMIT = 5_000


def _csv(lines, name: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}-{timezone.localdate()}.csv"'
    # Who published which picture where, under a takedown: kept by no cache, as the licence
    # report's CSV.
    response["Cache-Control"] = "private, no-store"
    return response


def _subject(request: HttpRequest) -> tuple[dict, str] | None:
    """The credit, licence or asset named in the query string, and how to say it."""
    for name, model in (("asset", Asset), ("licence", Licence), ("credit", Credit)):
        value = request.GET.get(name, "")
        if value.isdigit():
            # An id that cannot exist ("²", or past the integer range) names nothing: 404.
            obj = get_object_or_404(model, pk=record_id(value) or -1)
            label = {
                "asset": f"{obj}",
                "licence": f"licence #{obj.pk} of {getattr(obj, 'asset', '')}",
                "credit": f"every picture credited {obj}",
            }[name]
            return {name: obj}, label
    return None


@require_http_methods(["GET"])
@permission_required("archive.view_takedownrequest", raise_exception=True)
def takedown_impact(request: HttpRequest) -> HttpResponse:
    """What a takedown of an asset, a licence or a credit would touch (``?format=csv``)."""
    subject = _subject(request)
    if subject is None:
        return render(
            request,
            "archive/takedown_impact.html",
            {"error": "Name an asset, a licence or a credit: ?asset=ID, ?licence=ID, ?credit=ID."},
            status=400,
        )
    named, label = subject
    kind, obj = next(iter(named.items()))
    query = f"{kind}={obj.pk}"
    base = takedowns.base_assets(**named)
    ways = takedowns.how_reached(base)
    if request.GET.get("format") == "csv":
        return _csv(
            takedowns.csv_rows(takedowns.impact_by_asset(ways), ways, {}), "takedown-impact"
        )
    if "page" in request.GET:
        # Addresses from before keyset pages: the same rows, now found by key.
        return HttpResponseRedirect(
            f"{request.path}?{query}{_page_as_key(ways, request.GET['page'])}"
        )
    try:
        after, before = _page_keys(request)
    except takedowns.BadCursor as error:
        return render(
            request,
            "archive/takedown_impact.html",
            {"label": label, "error": str(error), "query": query},
            status=400,
        )
    page = takedowns.impact_page(ways, after=after, before=before, per_page=PAGE_SIZE)
    total, exact = takedowns.count_placements(ways, up_to=EXACT_COUNT_LIMIT)
    return render(
        request,
        "archive/takedown_impact.html",
        {
            "label": label,
            "page": page,
            "rows": [
                (p, TakedownItem.Via(ways.get(p.asset_id, takedowns.LOOK_ALIKE)).label)
                for p in page.placements
            ],
            "total": total,
            "exact": exact,
            "ways": ways,
            "counts": _way_counts(ways),
            "query": query,
            "record_url": f"{reverse('admin:archive_takedownrequest_add')}?scope={kind}&{kind}={obj.pk}",
            "can_record": request.user.has_perm("archive.add_takedownrequest"),
        },
    )


def _page_keys(request: HttpRequest) -> tuple[takedowns.ImpactKey | None, ...]:
    """Return the ``after`` and ``before`` keys a page's address carries (raises
    ``takedowns.BadCursor`` for one that does not read as a key)."""
    return tuple(
        takedowns.ImpactKey.decode(request.GET[name]) if request.GET.get(name) else None
        for name in ("after", "before")
    )


def _page_as_key(ways: dict[int, str], number: str) -> str:
    """``&after=KEY`` for an old ``?page=N`` address (N > 1): the key of page N - 1's last row,
    found by offset as the old pages were; nothing (the first page) for any other N."""
    index = record_id(number)
    if not index or not 2 <= index <= 10**9:
        return ""
    offset = (index - 1) * PAGE_SIZE
    placements = takedowns.impact(ways)[offset - 1 : offset]
    last = next(iter(placements), None)
    return "" if last is None else f"&after={takedowns.ImpactKey.of(last).encode()}"


def _item_page_as_key(items, number: str) -> str:
    """``&after=KEY`` for an old ``?page=N`` address of a request's items (N > 1): the key of
    the row before page N in the desk's order, found by offset once; nothing (the first
    page) for any other N."""
    index = record_id(number)
    if not index or not 2 <= index <= 10**9:
        return ""
    offset = (index - 1) * PAGE_SIZE
    ordered = items.select_related("placement__article").order_by(
        *takedowns.desk_order(prefix="placement__")
    )
    last = next(iter(ordered[offset - 1 : offset]), None)
    return "" if last is None else f"&after={takedowns.ImpactKey.of(last.placement).encode()}"


def _way_counts(ways: dict[int, str]) -> list[tuple[str, int]]:
    counts = {way: 0 for way in TakedownItem.Via.values}
    for way in ways.values():
        counts[way] += 1
    return [(TakedownItem.Via(way).label, n) for way, n in counts.items()]


@require_http_methods(["GET", "POST"])
@permission_required("archive.view_takedownrequest", raise_exception=True)
def takedown_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A takedown request: every placement it reaches, their state, and a CSV."""
    takedown = get_object_or_404(
        TakedownRequest.objects.select_related("credit", "licence__asset", "asset"), pk=pk
    )
    if request.method == "POST":
        if not request.user.has_perm("archive.change_takedownitem"):
            return HttpResponse("You may not change takedowns.", status=403)
        ids = [pk for v in request.POST.getlist("item") if (pk := record_id(v)) is not None]
        state = request.POST.get("state", "")
        try:
            if not ids:
                raise ValueError("Tick the placements to mark.")
            if not state:
                raise ValueError("Choose what the ticked placements are marked as.")
            changed = takedowns.deal_with(
                takedown, ids, state=state, note=request.POST.get("note", ""), user=request.user
            )
        except ValueError as error:
            messages.error(request, str(error))
        else:
            label = TakedownItem.State(state).label.lower()
            messages.success(request, f"{changed} placement(s) marked “{label}”.")
        return HttpResponseRedirect(request.get_full_path())
    items = takedown.items.select_related("placement__article", "placement__asset", "dealt_by")
    if request.GET.get("format") == "csv":
        placements = Placement.objects.filter(takedowns__request=takedown).order_by(
            *takedowns.desk_order()
        )
        states = {
            placement: (state, note)
            for placement, state, note in items.values_list("placement_id", "state", "note")
        }
        ways = dict(items.values_list("placement__asset_id", "via"))
        return _csv(takedowns.csv_rows(placements, ways, states), f"takedown-{takedown.pk}")
    state = request.GET.get("state", "")
    state = state if state in TakedownItem.State.values else ""
    shown = takedown.items.filter(state=state) if state else takedown.items.all()
    query = f"state={state}"
    if "page" in request.GET:
        # Addresses from before keyset pages: page N starts after the row before it.
        return HttpResponseRedirect(
            f"{request.path}?{query}{_item_page_as_key(shown, request.GET['page'])}"
        )
    try:
        after, before = _page_keys(request)
    except takedowns.BadCursor as error:
        return HttpResponse(
            f"{error} Start again from the first page.", status=400, content_type="text/plain"
        )
    counts = dict(items.values_list("state").annotate(n=Count("id")).values_list("state", "n"))
    return render(
        request,
        "archive/takedown_detail.html",
        {
            "takedown": takedown,
            "page": takedowns.items_page(shown, after=after, before=before, per_page=PAGE_SIZE),
            "query": query,
            "counts": [(s, label, counts.get(s, 0)) for s, label in TakedownItem.State.choices],
            "total": sum(counts.values()),
            "state": state,
            "states": TakedownItem.State.choices,
            "can_change": request.user.has_perm("archive.change_takedownitem"),
        },
    )


@require_http_methods(["GET"])
@permission_required("archive.view_takedownrequest", raise_exception=True)
def takedown_list(request: HttpRequest) -> HttpResponse:
    """Takedown requests, open first."""
    requests = (
        TakedownRequest.objects.select_related("credit", "licence__asset", "asset")
        .annotate(
            placements=Count("items"),
            pending=Count("items", filter=Q(items__state=TakedownItem.State.PENDING)),
        )
        .order_by("-status", "-received_on", "-id")
    )
    return render(request, "archive/takedown_list.html", {"requests": requests})
