"""The archivists' dashboard, the admin's home: what waits for an archivist, each with a link
to the list that shows all of it.

Five panels: recent uploads and their processing state, placements awaiting their file,
unreviewed credits, failing fixity and licences expiring. Each panel is a few rows and one
count, and each count stops at ``COUNT_LIMIT`` (shown as "1000+"): the home page reads at
most that many ids per panel, however large the archive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from archive.models import Asset, Credit, FixityCheck, Licence, Placement

ROWS = 6
COUNT_LIMIT = 1000
FAILING_FIXITY = (FixityCheck.Result.MISSING, FixityCheck.Result.ALTERED)


@dataclass
class Panel:
    """One panel: its title, how many (bounded), the rows shown, the list's address."""

    key: str
    title: str
    count: str
    rows: list
    link: str
    empty: str
    extra: dict = field(default_factory=dict)


def bounded_count(queryset: QuerySet, limit: int = COUNT_LIMIT) -> str:
    """Count up to ``limit`` rows: ``"12"``, or ``"1000+"`` when there are more."""
    found = len(queryset.order_by().values_list("pk", flat=True)[: limit + 1])
    return f"{limit}+" if found > limit else str(found)


def changelist(model, **params) -> str:
    url = reverse(f"admin:archive_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def upload_state(asset: Asset) -> tuple[str, str]:
    """Return an upload's processing state as (css class, words)."""
    if asset.fixity_status in FAILING_FIXITY:
        return "bad", f"fixity {asset.fixity_status}"
    if asset.processing_state == Asset.Processing.FAILED:
        return "bad", "processing failed"
    if asset.processing_state == Asset.Processing.PENDING:
        return "warn", "processing"
    if not asset.thumbnail:
        return "warn", "no renditions"
    if asset.metadata_warnings:
        count = len(asset.metadata_warnings)
        return "warn", f"{count} metadata warning{'s' if count != 1 else ''}"
    if not asset.credit_id:
        return "warn", "no credit"
    return "ok", "ready"


def recent_uploads(today: date) -> Panel:
    assets = list(
        Asset.objects.select_related("credit")
        .only(
            "id",
            "kind",
            "title",
            "original_filename",
            "thumbnail",
            "metadata_warnings",
            "fixity_status",
            "processing_state",
            "credit__name",
            "created_at",
        )
        .order_by("-id")[:ROWS]
    )
    since = timezone.make_aware(timezone.datetime.combine(today, timezone.datetime.min.time()))
    today_count = bounded_count(Asset.objects.filter(created_at__gte=since))
    return Panel(
        "uploads",
        "Recent uploads",
        today_count,
        [(asset, *upload_state(asset)) for asset in assets],
        changelist(Asset, created_at__gte=since.isoformat()),
        "Nothing uploaded yet.",
        {"count_label": "today", "all_link": changelist(Asset)},
    )


def awaiting_files() -> Panel:
    waiting = Placement.objects.filter(asset__isnull=True)
    rows = list(
        waiting.select_related("article")
        .only("id", "position", "caption", "credit_line", "article__headline")
        .order_by("-id")[:ROWS]
    )
    return Panel(
        "awaiting",
        "Placements awaiting their file",
        bounded_count(waiting),
        rows,
        changelist(Placement, awaiting_file="yes"),
        "Every placement has its file.",
    )


def unreviewed_credits() -> Panel:
    unreviewed = Credit.objects.unreviewed()
    return Panel(
        "credits",
        "Unreviewed credits",
        bounded_count(unreviewed),
        list(unreviewed.only("id", "name", "created_at").order_by("-id")[:ROWS]),
        changelist(Credit, reviewed__exact="0"),
        "Every credit is reviewed.",
    )


def failing_fixity() -> Panel:
    failing = Asset.objects.filter(fixity_status__in=FAILING_FIXITY)
    return Panel(
        "fixity",
        "Failing fixity",
        bounded_count(failing),
        list(
            failing.only("id", "kind", "title", "original_filename", "fixity_status").order_by(
                "-id"
            )[:ROWS]
        ),
        changelist(Asset, fixity="failing"),
        "No stored file is missing or altered.",
    )


def licences_expiring(today: date) -> Panel:
    window = today + timedelta(days=settings.ARCHIVE_EXPIRY_WARNING_DAYS)
    expiring = Licence.objects.filter(expires_on__gte=today, expires_on__lte=window)
    return Panel(
        "licences",
        f"Licences expiring within {settings.ARCHIVE_EXPIRY_WARNING_DAYS} days",
        bounded_count(expiring),
        list(
            expiring.select_related("asset")
            .only(
                "id",
                "licensor",
                "licence_type",
                "expires_on",
                "asset__id",
                "asset__title",
                "asset__original_filename",
                "asset__kind",
            )
            .order_by("expires_on", "id")[:ROWS]
        ),
        changelist(Asset, licence_status="expiring"),
        "No licence ends in the coming weeks.",
    )


def dashboard_panels(user, *, today: date | None = None) -> list[Panel]:
    """Return the panels this user may see (each needs its model's view permission)."""
    today = today or timezone.localdate()
    panels = []
    if user.has_perm("archive.view_asset"):
        panels += [recent_uploads(today), failing_fixity()]
    if user.has_perm("archive.view_placement"):
        panels.append(awaiting_files())
    if user.has_perm("archive.view_credit"):
        panels.append(unreviewed_credits())
    if user.has_perm("archive.view_licence"):
        panels.append(licences_expiring(today))
    order = ["uploads", "awaiting", "credits", "fixity", "licences"]
    return sorted(panels, key=lambda panel: order.index(panel.key))
