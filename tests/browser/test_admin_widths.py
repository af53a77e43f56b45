"""The admin fits a 1 280 px window: the asset and article pages (with their placements) and
the asset list are no wider than the window, and break no Content-Security-Policy rule."""

from __future__ import annotations

import pytest
from django.urls import reverse

from archive.models import Asset, Placement
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH = 1280


def page_width(page) -> tuple[int, int]:
    page.wait_for_load_state("networkidle")
    return page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")


def test_admin_pages_fit_a_1280_px_window(live_server, page, seeded, role_users, csp_violations):
    page.set_viewport_size({"width": WIDTH, "height": 900})
    placed = Placement.objects.exclude(asset=None).select_related("asset").first()
    asset = Asset.objects.filter(placements__isnull=False).order_by("id").first()
    pages = {
        "home": reverse("admin:index"),
        "asset list": reverse("admin:archive_asset_changelist"),
        "asset grid": reverse("admin:archive_asset_changelist") + "?view=grid",
        "asset page": reverse("admin:archive_asset_change", args=[asset.pk]),
        "article page": reverse("admin:archive_article_change", args=[placed.article_id]),
        "asset history": reverse("admin:archive_asset_history", args=[asset.pk]),
    }
    log_in(page, live_server, "archivist", pages["home"])
    for name, path in pages.items():
        page.goto(f"{live_server.url}{path}")
        scroll_width, window_width = page_width(page)
        page.screenshot(path=f"/tmp/admin-{name.replace(' ', '-')}-1280.png", full_page=True)
        assert window_width == WIDTH
        assert scroll_width <= window_width, f"{name}: {scroll_width} px in a {WIDTH} px window"
    assert csp_violations == []
