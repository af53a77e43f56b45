"""The archivist's admin on phones (360 and 390 px) and a desktop (1 280 px): each page of the
journeys (home, asset list and grid, a video's page, upload and its results, import review
and result, bulk edit and its preview, article page, history) is no wider than the window,
with no table or field run past its box (a table inline's inputs in its scrolling box, a
value cut at its row's edge) and no word broken over lines; the grid is centred, the Content
Credentials state a badge, the dashboard's panels side by side on a desktop, the bulk edit's
fields aligned and its preview readable on a phone. Each page's screenshot is saved under
``test-artifacts/admin-<page>-<width>.png`` for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from archive.models import Asset, Placement
from tests.browser.conftest import layout_faults, log_in, save_screenshot
from tests.factories import jpeg_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED_TEXT = (Path(settings.BASE_DIR) / "seeds" / "article.txt").read_text(encoding="utf-8")

# Fields and help text that stick out of their form row, whose overflow is hidden: cut off.
CUT_OFF = """() => [...document.querySelectorAll(
    '.form-row input:not([type=hidden]), .form-row select, .form-row textarea, .form-row .help')]
  .filter(el => el.getClientRects().length)
  .filter(el => el.getBoundingClientRect().right > el.closest('.form-row').getBoundingClientRect().right + 1)
  .map(el => (el.name || el.className) + ' ' + Math.round(el.getBoundingClientRect().right))
  .slice(0, 5)"""


# The changelist's columns scroll sideways inside their box on a phone (the grid is the phone's view).
SCROLLING = ("#changelist .results",)

# Gaps between the asset grid and its box, left and right: equal when the grid is centred.
GRID_GAPS = """() => {
  const grid = document.querySelector('ul.asset-grid').getBoundingClientRect();
  const box = document.querySelector('#changelist-form').getBoundingClientRect();
  return [Math.round(grid.left - box.left), Math.round(box.right - grid.right)];
}"""

# The Content Credentials state: a badge set apart from the sentence after it.
C2PA_BADGE = """() => {
  const style = getComputedStyle(document.querySelector('.c2pa-panel .c2pa-state'));
  return {border: style.borderTopStyle, gap: parseFloat(style.marginRight), display: style.display};
}"""


def measure(page, name: str, width: int, too_wide: dict) -> None:
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.innerWidth") == width
    if faults := layout_faults(page, allowed_scrolling=SCROLLING):
        too_wide[name] = faults
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


@pytest.mark.parametrize("width", [360, 390, 1280])
def test_admin_journeys_fit_the_window(
    live_server, page, seeded, role_users, csp_violations, width
):
    page.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
    # The video: its page has the table inlines (stills cut from it, illustrations).
    asset = Asset.objects.get(kind="video")
    assert asset.placements.exists() and asset.stills.exists()
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
        if name == "asset-grid":
            left, right = page.evaluate(GRID_GAPS)
            assert abs(left - right) <= 2, (
                f"the grid is off-centre: {left} px left, {right} px right"
            )
        elif name == "asset-change":
            badge = page.evaluate(C2PA_BADGE)
            assert badge["border"] != "none" and badge["gap"] > 0, badge
        elif name == "home" and width >= 1280:
            # The dashboard's panels side by side, not one 600 px column.
            columns = page.evaluate(
                "new Set([...document.querySelectorAll('.dashboard-panel')]"
                ".map(p => Math.round(p.getBoundingClientRect().left))).size"
            )
            assert columns >= 2

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
    if width >= 1280:
        # The admin's form layout: every field starts at the same place, after its label.
        starts = page.evaluate(
            "new Set([...document.querySelectorAll('.bulk-edit fieldset .form-row input:not([type=hidden]),"
            " .bulk-edit fieldset .form-row select:not(.select2-hidden-accessible)')].map(f => Math.round(f.getBoundingClientRect().left))).size"
        )
        assert starts == 1
    page.fill("#id_source", "Handout")
    page.fill("#id_reason", "Screenshots of the admin")
    page.get_by_role("button", name="Preview the changes").click()
    expect(page.locator("table.bulk-preview")).to_be_visible()
    measure(page, "bulk-edit-preview", width, too_wide)
    if width < 768:
        # Each old value gets the card's width, not a column a word wide.
        narrow = page.evaluate(
            """() => { const table = document.querySelector('table.bulk-preview').clientWidth;
              return [...document.querySelectorAll('table.bulk-preview td.before')]
                .filter(td => td.clientWidth < table / 2).length; }"""
        )
        assert narrow == 0

    assert too_wide == {}
    assert csp_violations == []
