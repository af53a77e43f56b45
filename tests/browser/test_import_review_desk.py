"""A photo desk reviews drafts of real-world-shaped pages: a saved page heavy with inline
data is saved after its review, and the review's bulk controls do what they say."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from archive.models import Article
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STORY = """<html><head><meta property="og:site_name" content="The Paper"></head><body><article>
<h1>Flood defences breached in Hull</h1>
<p>More than 300 homes were flooded in Hull, the council said on Monday.</p>
<figure><img src="https://img.example/flood.jpg" alt="Flooded street">
<figcaption>A flooded street in Hull. Photograph: Jane Smith/Reuters</figcaption></figure>
<p>The Environment Agency said 12 flood warnings were in force on Tuesday.</p>
</article>{data}</body></html>"""


def page_with_inline_data(size: int) -> str:
    """The story with an inline JSON blob (as pages built by script frameworks carry): all
    quotes, brackets and colons, each three bytes once URL-encoded."""
    entries, data = 0, ""
    while len(data) < size:
        entries += 50
        data = json.dumps({"items": [{"id": n, "tags": ["a", "b"]} for n in range(entries)]})
    return STORY.format(data=f'<script type="application/json">{data}</script>')


def test_a_saved_page_heavy_with_inline_data_is_saved_after_review(
    live_server, page, role_users, settings, csp_violations
):
    limit = 300_000
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = limit
    html = page_with_inline_data(limit // 2)
    assert len(html.encode()) < limit  # the page itself is within the limit ...
    log_in(page, live_server, "archivist", "/admin/archive/article/import/")
    page.set_input_files(
        "#id_file", {"name": "flood.html", "mimeType": "text/html", "buffer": html.encode()}
    )
    page.get_by_role("button", name="Read the article").click()
    expect(page.locator("h1")).to_contain_text("Review the imported article")
    page.get_by_role("button", name="Save article").click()
    # ... and so is its review, whatever its URL-encoded size would be.
    expect(page.locator(".messagelist")).to_contain_text("Article saved: 1 placement(s)")
    assert Article.objects.get().source_text == html
    assert csp_violations == []
