"""The archivist's admin on a phone (390 px) and a desktop (1 280 px): each page of the
journeys (home, asset list and grid, asset page, upload and its results, import review and
result, bulk edit and its preview, article page, history) is no wider than the window, with
no field cut off at its box's edge, and its screenshot is saved under
``test-artifacts/admin-<page>-<width>.png`` for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from archive.models import Asset, Placement
from tests.browser.conftest import log_in, save_screenshot
from tests.factories import jpeg_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED_TEXT = (Path(settings.BASE_DIR) / "seeds" / "article.txt").read_text(encoding="utf-8")

# What sticks out past the window's right edge (the first few), to say what to fix.
TOO_WIDE = """() => {
  const width = window.innerWidth;
  const page = document.scrollingElement.scrollWidth;
  const out = [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > width + 1 && el.getClientRects().length)
    .filter(el => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 1)
    .slice(0, 5)
    .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
      + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '')
      + ' ' + Math.round(el.getBoundingClientRect().right));
  return {page, width, out};
}"""

# Fields and help text that stick out of their form row, whose overflow is hidden: cut off.
CUT_OFF = """() => [...document.querySelectorAll(
    '.form-row input:not([type=hidden]), .form-row select, .form-row textarea, .form-row .help')]
  .filter(el => el.getClientRects().length)
  .filter(el => el.getBoundingClientRect().right > el.closest('.form-row').getBoundingClientRect().right + 1)
  .map(el => (el.name || el.className) + ' ' + Math.round(el.getBoundingClientRect().right))
  .slice(0, 5)"""


def measure(page, name: str, width: int, too_wide: dict) -> None:
    page.wait_for_load_state("networkidle")
    layout = page.evaluate(TOO_WIDE)
    assert layout["width"] == width
    if layout["page"] > width:
        too_wide[name] = layout
    cut_off = page.evaluate(CUT_OFF)
    if cut_off:
        too_wide[name] = {"cut off": cut_off}
    # A history's date on one line: a column too narrow broke it (and every word) apart.
    broken = page.evaluate(
        "[...document.querySelectorAll('#change-history time')]"
        ".filter(t => t.getClientRects().length > 1).map(t => t.textContent)"
    )
    if broken:
        too_wide[name] = {"dates broken over lines": broken}
    save_screenshot(page, f"admin-{name}-{width}")


@pytest.mark.parametrize("width", [390, 1280])
def test_admin_journeys_fit_the_window(
    live_server, page, seeded, role_users, csp_violations, width
):
    page.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
    asset = Asset.objects.filter(placements__isnull=False).order_by("id").first()
    placed = Placement.objects.exclude(asset=None).first()
    pages = {
        "home": reverse("admin:index"),
        "asset-list": reverse("admin:archive_asset_changelist"),
        "asset-grid": reverse("admin:archive_asset_changelist") + "?view=grid",
        "asset-change": reverse("admin:archive_asset_change", args=[asset.pk]),
        "asset-history": reverse("admin:archive_asset_history", args=[asset.pk]),
        "article-change": reverse("admin:archive_article_change", args=[placed.article_id]),
        "upload": reverse("admin:archive_asset_upload"),
        "article-import": reverse("admin:archive_article_import"),
    }
    log_in(page, live_server, "archivist", pages["home"])
    too_wide: dict[str, dict] = {}
    for name, path in pages.items():
        page.goto(f"{live_server.url}{path}")
        measure(page, name, width, too_wide)

    # The import review and its result, from the seed article pasted again.
    page.goto(f"{live_server.url}{pages['article-import']}")
    page.fill("#id_text", SEED_TEXT)
    page.get_by_role("button", name="Read the article").click()
    expect(page.locator("h1")).to_contain_text("Review the imported article")
    measure(page, "article-import-review", width, too_wide)
    page.get_by_role("button", name="Save article").click()
    expect(page.locator("table.import-placements")).to_be_visible()
    measure(page, "article-import-result", width, too_wide)

    # The upload page with a file's result on it.
    page.goto(f"{live_server.url}{pages['upload']}")
    page.set_input_files(
        "input[type=file]",
        [{"name": "quay.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes("quay", (1200, 800))}],
    )
    page.click("#upload-submit")
    expect(page.locator("li.upload-item .processing-ready")).to_have_count(1, timeout=30_000)
    measure(page, "upload-done", width, too_wide)

    # Bulk edit over the whole list, then its preview.
    page.goto(f"{live_server.url}{pages['asset-list']}?view=list")
    page.check("#action-toggle")
    page.select_option("select[name=action]", "bulk_edit_assets")
    page.locator("button[name=index]").click()
    expect(page.locator("h1")).to_contain_text("Edit assets together")
    measure(page, "bulk-edit", width, too_wide)
    page.fill("#id_source", "Handout")
    page.fill("#id_reason", "Screenshots of the admin")
    page.get_by_role("button", name="Preview the changes").click()
    expect(page.locator("table.bulk-preview")).to_be_visible()
    measure(page, "bulk-edit-preview", width, too_wide)

    assert too_wide == {}
    assert csp_violations == []
