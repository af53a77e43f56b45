"""An archivist pastes the seed article, accepts the draft and sees the placements awaiting files."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from archive.models import Article
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED_TEXT = (Path(settings.BASE_DIR) / "seeds" / "article.txt").read_text(encoding="utf-8")


def test_archivist_imports_the_seed_article(live_server, page, role_users, csp_violations):
    log_in(page, live_server, "archivist", "/admin/archive/article/")
    page.get_by_role("link", name="Import article").click()
    assert page.url.endswith("/admin/archive/article/import/")

    page.fill("#id_text", SEED_TEXT)
    page.get_by_role("button", name="Read the article").click()
    expect(page.locator("h1")).to_contain_text("Review the imported article")
    rows = page.locator("tr.import-placement")
    expect(rows).to_have_count(8)
    expect(rows.nth(2)).to_contain_text("Russian soldiers moments before the armoured car flips")
    expect(rows.nth(2)).to_contain_text("(Image: NC)")
    expect(page.locator("fieldset.import-claim")).to_have_count(17)
    page.screenshot(path="/tmp/import-review.png", full_page=True)

    page.get_by_role("button", name="Save article").click()
    expect(page.locator(".messagelist")).to_contain_text("Article saved: 8 placement(s)")
    awaiting = page.locator("tr.import-placement.awaiting")
    expect(awaiting).to_have_count(8)
    expect(page.locator(".import-awaiting")).to_have_count(8)
    expect(awaiting.first.locator("input[type=file]")).to_be_visible()
    page.screenshot(path="/tmp/import-result.png", full_page=True)

    article = Article.objects.get()
    assert article.placements.filter(asset__isnull=True).count() == 8
    assert article.claims.count() == 17
    assert csp_violations == []
