"""Accessibility: the main pages pass axe-core with no serious or critical violation, and the
search, upload and import review work from the keyboard alone.

axe-core is the engine Deque publishes on npm; axe-playwright-python ships its bundled build
(``axe.min.js``) and injects it through Playwright.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from archive.models import Article, Asset, Claim
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SERIOUS = {"serious", "critical"}


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:3])
        for v in results.response["violations"]
        if v["impact"] in SERIOUS
    ]


def site_pages() -> list[str]:
    photo = Asset.objects.filter(kind="photo").exclude(credit=None).first()
    return [
        reverse("archive:home"),
        reverse("archive:search") + "?q=putin",
        reverse("archive:asset-detail", args=[photo.pk]),
        reverse("archive:asset-detail", args=[Asset.objects.get(kind="video").pk]),
        reverse("archive:article-detail", args=[Article.objects.get().pk]),
        reverse("archive:claim-list"),
        reverse("archive:claim-detail", args=[Claim.objects.first().pk]),
        reverse("archive:licence-report"),
        reverse("archive:takedown-list"),
    ]


def admin_pages() -> list[str]:
    return [
        reverse("admin:index"),
        reverse("admin:archive_asset_changelist"),
        reverse("admin:archive_asset_change", args=[Asset.objects.first().pk]),
        reverse("admin:archive_article_change", args=[Article.objects.get().pk]),
        reverse("admin:archive_asset_upload"),
        reverse("admin:archive_article_import"),
    ]


def check(page, live_server, paths) -> dict[str, list[str]]:
    found = {}
    for path in paths:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        violations = serious_violations(page)
        if violations:
            found[path] = violations
    return found


def test_site_pages_have_no_serious_violations(live_server, page, seeded, role_users):
    # The auditor sees the licence report and takedowns as well as the reading pages.
    log_in(page, live_server, "auditor", "/")
    assert check(page, live_server, site_pages()) == {}


def test_admin_pages_have_no_serious_violations(live_server, page, seeded, role_users):
    log_in(page, live_server, "archivist", "/admin/")
    assert check(page, live_server, admin_pages()) == {}


@pytest.mark.parametrize("width", [390, 1280])
def test_search_by_keyboard_alone(live_server, page, seeded, role_users, width):
    page.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
    log_in(page, live_server, "journalist", reverse("archive:search"))
    # The search box has the focus on arrival: type and press Enter.
    expect(page.locator("#q")).to_be_focused()
    page.keyboard.type("shoigu")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "q=shoigu" in page.url
    # Tab reaches the first result's link; Enter opens it.
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.closest('h3') !== null")
        if focused:
            break
    else:
        pytest.fail("Tab never reached a result")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/assets/" in page.url
