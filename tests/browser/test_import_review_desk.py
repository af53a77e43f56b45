"""A photo desk reviews drafts of real-world-shaped pages: a saved page heavy with inline
data is saved after its review, and the review's bulk controls do what they say."""

from __future__ import annotations

import json
from decimal import Decimal

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


QUOTED = STORY.replace(
    "</article>",
    '<p>"It was the worst night of my life," one resident said.</p>'
    '<p>"We will rebuild," the mayor said.</p></article>',
).format(data="")


@pytest.mark.parametrize("width", [390, 1280])
def test_the_desk_drops_the_candidates_without_a_figure_at_once(
    live_server, page, role_users, csp_violations, width
):
    page.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
    log_in(page, live_server, "archivist", "/admin/archive/article/import/")
    page.fill("#id_text", QUOTED)
    page.get_by_role("button", name="Read the article").click()
    candidates = page.locator("fieldset.import-claim")
    figures = [
        candidates.nth(n).locator("input[name$='-figure']").input_value()
        for n in range(candidates.count())
    ]
    figureless = figures.count("")
    assert figureless and figureless < len(figures)

    bulk = page.get_by_role("button", name=f"Drop the {figureless} without a figure")
    expect(bulk).to_be_visible()
    bulk.click()
    noun = "candidate" if figureless == 1 else "candidates"
    expect(page.get_by_role("status")).to_have_text(f"{figureless} {noun} set to Drop.")
    decided = page.eval_on_selector_all(
        "fieldset.import-claim",
        """sets => sets.map(set => [set.querySelector("[name$='-figure']").value,
             set.querySelector("[name$='-decision']:checked").value])""",
    )
    assert decided == [[figure, "accept" if figure else "drop"] for figure in figures]
    # Any one can still be changed by hand: keep the first one dropped.
    first_dropped = figures.index("")
    candidates.nth(first_dropped).get_by_label("Accept").check()

    page.get_by_role("button", name="Save article").click()
    expect(page.locator(".messagelist")).to_contain_text("Article saved")
    claims = Article.objects.get().claims.all()
    assert sorted(c.figure for c in claims if c.figure is not None) == sorted(
        Decimal(f) for f in figures if f
    )
    assert len(claims) == len(figures) - figureless + 1
    assert csp_violations == []
