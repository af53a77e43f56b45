"""Pages for journalists and auditors, and the role-checked media view.

Views are thin: they check the role, call a QuerySet method or a workflow, and render.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Prefetch
from django.db.models.functions import Coalesce
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from archive import audit
from archive.articles import claimreview
from archive.ingest.renditions import stored_rendition
from archive.models import (
    Article,
    Asset,
    Claim,
    Credit,
    DatasetExport,
    Illustration,
    Placement,
)
from archive.models.licences import own_aggregate
from archive.preservation.downloads import (
    DAMAGED,
    MERGED_FORMATS,
    download_with_metadata,
    original_is_protected,
)
from archive.rights import facts as rights
from archive.rights.forms import UsabilityForm
from archive.text import record_id
from archive.web.media import (
    ROLE_REFUSAL,
    download_refused,
    large_rendition_refusal,
    refusal_response,
)
from archive.web.throttling import throttled


@require_GET
# The front page shows articles, counts and recent credit lines: a signed-in user with no
# role gets the same 403 page as everywhere else.
@permission_required(("archive.view_article", "archive.view_asset"), raise_exception=True)
def home(request: HttpRequest) -> HttpResponse:
    """The front page: the archive's articles and what it holds."""
    articles = Article.objects.annotate(
        placement_count=Count("placements", distinct=True),
        claim_count=Count("claims", distinct=True),
    )
    counts = {
        "assets": Asset.objects.count(),
        "articles": Article.objects.count(),
        "claims": Claim.objects.count(),
    }
    recent = Asset.objects.with_listing_data()[:12]
    return render(
        request,
        "archive/home.html",
        {"articles": articles[:50], "counts": counts, "recent": recent},
    )


@require_GET
@permission_required("archive.view_article", raise_exception=True)
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An article with its placements in order, their captions as printed, and its claims."""
    article = get_object_or_404(Article, pk=pk)
    placements = article.placements.select_related(
        "asset", "asset__credit", "credit"
    ).prefetch_related(
        Prefetch("asset__illustrations", queryset=Illustration.objects.select_related("claim")),
        # A slot awaiting its file keeps its claims on the placement until the file arrives.
        "claims",
    )
    claims = article.claims.prefetch_related(
        Prefetch("illustrations", queryset=Illustration.objects.select_related("asset")),
        Prefetch(
            "placements",
            queryset=Placement.objects.filter(article=article, asset__isnull=True),
            to_attr="awaiting_placements",
        ),
    )
    return render(
        request,
        "archive/article_detail.html",
        {"article": article, "placements": placements, "claims": claims},
    )


def _in_date_until(licences, status: str) -> date | str | None:
    """The last day of the licences in force today, ``"open"`` if one never ends; ``None``
    when no licence is in date or the licences are not to be shown."""
    if licences is None or status not in ("valid", "expiring"):
        return None
    today = timezone.localdate()
    ends = [
        licence.expires_on
        for licence in licences
        if audit.within(today, licence.starts_on, licence.expires_on)
    ]
    if not ends:
        return None
    return "open" if None in ends else max(ends)


@require_GET
@permission_required("archive.view_asset", raise_exception=True)
def asset_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One asset: preview, captions as printed, credit, rights and the claims it illustrates."""
    asset = get_object_or_404(
        Asset.objects.with_licence_status().select_related(
            "credit", "video", "video__credit", "near_duplicate_of"
        ),
        pk=pk,
    )
    placements = asset.placements.select_related("article", "credit").order_by(
        "article__published_on"
    )
    illustrations = asset.illustrations.select_related("claim")
    licences = asset.licences.all() if request.user.has_perm("archive.view_licence") else None
    # The licence audit's findings, from the same rules as the licence report.
    findings = audit.findings_for_asset(asset.pk) if licences is not None else None
    refused = large_rendition_refusal(request, asset.pk)
    can_download = not refused
    rights_form = UsabilityForm(request.GET or None)
    day, territory = rights_form.request_day(), rights_form.asked_territory()
    rights_facts = rights.rights_facts([asset.pk], on=day).get(asset.pk)
    return render(
        request,
        "archive/asset_detail.html",
        {
            "asset": asset,
            "placements": placements,
            "illustrations": illustrations,
            "licences": licences,
            "stills": asset.stills.select_related("credit") if asset.is_video else None,
            "look_alikes": asset.look_alikes.select_related("credit"),
            # Those who may not download it see the thumbnail, not the preview.
            "can_download": can_download,
            "download_refused": "" if refused == ROLE_REFUSAL else refused,
            # "Can I use it?" on each medium, for the day and territory asked (today: any).
            "usability": rights.usability_by_medium(
                asset.pk, on=day, territory=territory, facts=rights_facts
            ),
            # What "copy" copies: the line an agreement requires, else the credit as recorded.
            "credit_to_copy": rights.credit_line_to_copy(rights_facts, asset.credit_line, on=day),
            "rights_form": rights_form,
            "rights_day": day,
            # Why the original is handed out untouched with a sidecar, said on the page.
            "original_protected": original_is_protected(asset) if can_download else "",
            "licence_findings": findings,
            "licence_status": asset.licence_status,
            "licensed_otherwise": _licensed_otherwise(asset.licence_status, findings),
            "in_date_until": _in_date_until(licences, asset.licence_status),
            "training_exports": DatasetExport.objects.filter(items__asset=asset).order_by("id")
            if licences is not None
            else None,
        },
    )


def _licensed_otherwise(status: str, findings: list | None) -> bool:
    """No licence of its own in force, yet the audit (as the licence report) finds it licensed:
    through a supplier agreement covering it, or a usage category that needs no licence."""
    if findings is None or status not in ("none", "expired"):  # the licence facet's statuses
        return False
    return not any(finding.kind in (audit.MISSING, audit.EXPIRED) for finding in findings)


@require_GET
@permission_required("archive.view_claim", raise_exception=True)
def claim_list(request: HttpRequest) -> HttpResponse:
    """Claims with claimant, figure and status; filter by claimant and status."""
    # Counted per claim shown (a subquery), not by grouping every claim before paging:
    # 1.4 s -> a few ms for the first page of 100 000 claims.
    illustrating = Illustration.objects.filter(claim=OuterRef("pk")).order_by()
    claims = Claim.objects.select_related("article").annotate(
        asset_count=Coalesce(own_aggregate(illustrating, Count, "id", by="claim"), 0)
    )
    claimant = request.GET.get("claimant", "").strip()
    status = request.GET.get("status", "").strip()
    if claimant:
        claims = claims.by_claimant(claimant)
    if status in Claim.Status.values:
        claims = claims.filter(status=status)
    page = Paginator(claims.order_by("article", "id"), 50).get_page(request.GET.get("page"))
    claimants = Claim.objects.order_by("claimant").values_list("claimant", flat=True).distinct()
    claimants = [name for name in claimants if name]
    # The filter ignores case: show the claimant chosen as it is written.
    claimant = next((name for name in claimants if name.lower() == claimant.lower()), claimant)
    return render(
        request,
        "archive/claim_list.html",
        {
            "page": page,
            "claimants": claimants,
            "statuses": Claim.Status.choices,
            "claimant": claimant,
            "status": status,
        },
    )


@require_GET
@permission_required("archive.view_claim", raise_exception=True)
def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One claim and the pictures that illustrate it."""
    claim = get_object_or_404(Claim.objects.select_related("article"), pk=pk)
    illustrations = list(claim.illustrations.select_related("asset", "asset__credit"))
    return render(
        request,
        "archive/claim_detail.html",
        {
            "claim": claim,
            "illustrations": illustrations,
            "structured_data": claim_structured_data(request, claim, illustrations),
        },
    )


def rated_on(claim: Claim):
    """The day the claim's status became what it is now (from its history), or None."""
    became = None
    for status, when in claim.history.order_by("-history_date", "-history_id").values_list(
        "status", "history_date"
    ):
        if status != claim.status:
            break
        became = when
    return timezone.localdate(became) if became else None


def claim_structured_data(request: HttpRequest, claim: Claim, illustrations) -> list[dict]:
    """ClaimReview for the claim (rated once the desk has rated it), MediaReview per picture."""
    publisher = settings.ARCHIVE_PUBLISHER
    rated = claim.status != Claim.Status.UNVERIFIED
    data = [
        claimreview.claim_review(
            url=request.build_absolute_uri(claim.get_absolute_url()),
            text=claim.text,
            claimant=claim.claimant,
            claimed_on=claim.claimed_on,
            appearance_url=claim.article.url if claim.article else "",
            status=claim.status,
            status_label=claim.get_status_display(),
            publisher=publisher,
            reviewed_on=rated_on(claim) if rated else None,
        )
    ]
    for link in illustrations:
        asset = link.asset
        data.append(
            claimreview.media_review(
                url=request.build_absolute_uri(asset.get_absolute_url()),
                kind=asset.kind,
                caption=asset.description,
                credit_line=asset.credit_line,
                creator=asset.creator,
                digital_source_type=asset.digital_source_type,
                publisher=publisher,
            )
        )
    return data


def facet_links(request: HttpRequest, facets: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Add to each facet value the URL that applies it (or removes it when already applied)."""
    linked: dict[str, list[dict]] = {}
    for name, rows in facets.items():
        linked[name] = []
        for row in rows:
            params = request.GET.copy()
            params.pop("page", None)
            if name == "year":
                keys = {"date_from": f"{row['value']}-01-01", "date_to": f"{row['value']}-12-31"}
            else:
                keys = {name: row["value"]}
            selected = all(params.get(key) == value for key, value in keys.items())
            for key, value in keys.items():
                if selected:
                    params.pop(key, None)
                else:
                    params[key] = value
            if name == "licence_status":
                row = {**row, "label": audit.LICENCE_STATUS_LABELS.get(row["value"], row["label"])}
            linked[name].append({**row, "selected": selected, "url": "?" + params.urlencode()})
    return linked


@require_GET
@permission_required("archive.view_asset", raise_exception=True)
@throttled("ARCHIVE_SEARCH_THROTTLE_RATE", scope="search")
def search(request: HttpRequest) -> HttpResponse:
    """Search assets by words, phrases, prefixes and field terms, with facets and filters."""
    from archive.search import page_number, read_filter_params, search_assets

    text = request.GET.get("q", "")
    filters, ignored = read_filter_params(request.GET)
    results = search_assets(text, filters, page=page_number(request.GET), with_matches=True)
    results.messages[:0] = ignored
    if request.user.has_perm("archive.view_licence"):
        # The licence findings shown on each result come from the audit's own rules.
        findings = audit.findings_for_assets(asset.pk for asset in results.assets)
        for asset in results.assets:
            asset.licence_findings = findings.get(asset.pk, [])
    active = filters.active()
    return render(
        request,
        "archive/search.html",
        {
            "q": text,
            "filters": active,
            "active_filters": filter_labels(active, results.facets),
            "results": results,
            "facets": facet_links(request, results.facets),
        },
    )


FILTER_NAMES = {
    "credit": "credit",
    "kind": "kind",
    "licence_status": "licence",
    "claimant": "claimant",
    "claim": "claim",
    "article": "article",
    "date_from": "taken from",
    "date_to": "taken to",
    "c2pa": "Content Credentials",
}


def filter_labels(active: dict, facets: dict[str, list[dict]]) -> list[tuple[str, str]]:
    """Name each active filter as a person reads it: the credit's name, not its id."""
    labels = []
    for name, value in active.items():
        text = value.isoformat() if hasattr(value, "isoformat") else str(value)
        if name == "licence_status":
            labels.append((FILTER_NAMES[name], audit.LICENCE_STATUS_LABELS.get(text, text)))
            continue
        row = next((r for r in facets.get(name, []) if r["value"] == text), None)
        if row is not None:
            text = str(row["label"])
        elif name == "credit" and text == "0":
            text = "(no credit)"
        elif name == "credit" and (credit := record_id(text)) is not None:
            # No result to take the name from: look it up.
            names = Credit.objects.filter(pk=credit).values_list("name", flat=True)
            text = names.first() or text
        elif name == "article":
            headline = Article.objects.filter(pk=value).values_list("headline", flat=True).first()
            text = headline or f"#{value}"
        elif name == "claim":
            text = f"#{value}"
        labels.append((FILTER_NAMES.get(name, name), text))
    return labels


@require_GET
@permission_required("archive.download_original", raise_exception=True)
def asset_download(request: HttpRequest, pk: int, rendition: str) -> HttpResponse:
    """Hand out the preview or the original (JPEG, PNG, WebP, TIFF, GIF) with credit and caption.

    They are merged into the file's own XMP, IPTC and EXIF, never re-encoding the pixels; an
    original with Content Credentials comes untouched, zipped with an XMP sidecar.
    """
    if rendition not in ("preview", "original"):
        raise Http404("No such rendition.")
    asset = get_object_or_404(Asset.objects.select_related("credit"), pk=pk)
    refused = download_refused(request, pk)
    if refused:
        return refusal_response(refused, asset.kind)
    if rendition == "original" and asset.format.lower() not in MERGED_FORMATS:
        raise Http404(
            "Only JPEG, PNG, WebP, TIFF and GIF originals can carry the catalogue's XMP; download it "
            "as is."
        )
    name = stored_rendition(asset, rendition)
    if name is None:
        return rendition_unavailable(pk, rendition)
    handle = default_storage.open(name, "rb")
    try:
        download = download_with_metadata(asset, rendition, handle, size=stored_size(handle))
    except DAMAGED as error:
        handle.close()
        return HttpResponse(
            f"This file cannot carry the catalogue's metadata: {error} "
            "Run `manage.py fixity` and restore it from a backup.",
            status=422,
            content_type="text/plain",
        )
    except BaseException:
        handle.close()
        raise
    # Only the segments before the picture data were read; the rest streams as it is sent.
    response = StreamingHttpResponse(download.chunks, content_type=download.content_type)
    if download.length is not None:
        response["Content-Length"] = str(download.length)
    response["Content-Disposition"] = f'attachment; filename="{download.filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def stored_size(handle) -> int | None:
    """The stored file's size, when its storage knows it without reading the file."""
    try:
        return handle.size
    except (AttributeError, OSError):
        return None


def rendition_unavailable(pk: int, rendition: str) -> HttpResponse:
    """Say why a download has no file, in plain text: a preview still being made (202, as the
    processing placeholder: try again shortly), one that could not be made (an archivist
    retries it), or a file gone from storage."""
    state = Asset.objects.filter(pk=pk).values_list("processing_state", flat=True).first()
    if rendition != "original" and state == Asset.Processing.PENDING:
        status = 202
        message = "The preview is still being made in the background; try again in a minute."
    elif rendition != "original" and state == Asset.Processing.FAILED:
        status = 404
        message = "The preview could not be made; an archivist can retry it in the admin."
    else:
        status = 404
        message = "The file is missing from storage; an archivist can run `manage.py fixity`."
    response = HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@permission_required("archive.view_licence_report", raise_exception=True)
def licence_report(request: HttpRequest) -> HttpResponse:
    """The licence audit: counts by credit and finding, a chart, and the lines to fix.

    ``?format=csv`` streams the same lines, one per finding, with ``audit.CSV_COLUMNS``.
    """

    form = audit.ReportFilterForm(request.GET)
    filters = form.filters()
    today = timezone.localdate()
    warning_days = settings.ARCHIVE_EXPIRY_WARNING_DAYS
    csv_wanted = request.GET.get("format") == "csv"
    if not form.is_valid():
        # A filter that means nothing must not quietly widen the report to everything.
        problems = "; ".join(
            f"{form.fields[name].label or name}: {' '.join(errors)}"
            for name, errors in form.errors.items()
        )
        if csv_wanted:
            return HttpResponse(
                f"Invalid filter, nothing exported. {problems}\n",
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        return render(
            request,
            "archive/licence_report.html",
            {
                "form": form,
                "filters": filters,
                "invalid": True,
                "today": today,
                "warning_days": warning_days,
            },
            status=400,
        )
    if csv_wanted:
        response = StreamingHttpResponse(
            audit.csv_lines(
                filters,
                today=today,
                warning_days=warning_days,
                # Links a spreadsheet can follow: the configured address, else this request's.
                base_url=settings.ARCHIVE_BASE_URL or request.build_absolute_uri("/").rstrip("/"),
            ),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = (
            f'attachment; filename="licence-report-{today.isoformat()}.csv"'
        )
        response["Cache-Control"] = "private, no-store"
        return response
    context = audit.report_page(
        filters, page_number=request.GET.get("page"), today=today, warning_days=warning_days
    )
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    return render(
        request,
        "archive/licence_report.html",
        {
            **context,
            "form": form,
            "filters": filters,
            "findings": [(kind, audit.LABELS[kind]) for kind in audit.FINDINGS],
            "warning_days": warning_days,
            "query": query.urlencode(),
            # Fixing happens in the admin, which only staff (archivists) may open.
            "can_fix": request.user.is_staff,
            "finding_label": audit.LABELS.get(filters.finding, ""),
            "no_credit": audit.NO_CREDIT,
        },
    )
