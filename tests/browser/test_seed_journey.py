"""A journalist logs in and finds the seed article's pictures, captions, credits and claims."""

from __future__ import annotations

import pytest

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_journalist_reads_the_seed_article(live_server, page, seeded, role_users, csp_violations):
    log_in(page, live_server, "journalist", "/")
    page.get_by_role("link", name="Putin hammer blow").click()
    placements = page.locator("li.placement")
    assert placements.count() == 8
    first = placements.nth(0)
    assert "Ukraine: Russian vehicle flips over fleeing incoming fire" in first.inner_text()
    text = page.locator("ol.placements").inner_text()
    assert "Russian soldiers moments before the armoured car flips (Image: NC)" in text
    assert "Ministry of Defence tweet (Image: Twitter)" in text
    # Every thumbnail is served through the role-checked media view and actually loads.
    page.wait_for_load_state("networkidle")
    widths = page.eval_on_selector_all("li.placement img", "imgs => imgs.map(i => i.naturalWidth)")
    assert len(widths) == 8 and all(width > 0 for width in widths)
    page.screenshot(path="/tmp/seed-article.png", full_page=True)
    page.get_by_role(
        "link", name="Russia has completed the mobilisation of 300,000 people."
    ).first.click()
    assert "Sergei Shoigu" in page.locator("main").inner_text()
    assert csp_violations == []
