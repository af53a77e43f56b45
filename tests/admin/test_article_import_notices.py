"""The import review page says what a draft lacks before the archivist reviews it: a date
the page did not give, placements that print nothing (page furniture), no picture found."""

from __future__ import annotations

import pytest

from archive.articles import parse_article
from archive.articles.importing import build_draft
from tests.admin.test_article_import_drop import PAGE as FURNISHED
from tests.articles.test_importing import IMPORT_URL

pytestmark = pytest.mark.django_db

DATED = '<meta property="article:published_time" content="2026-11-30T09:00:00Z">'
STORY = """<html><head>{head}<meta property="og:site_name" content="The Paper"></head><body>
<article><h1>Flood defences breached in Hull</h1>
<p>More than 300 homes were flooded in Hull, the council said on Monday.</p>
<p>"It was the worst night of my life," one resident said.</p>
{body}</article>{aside}</body></html>"""
FIGURE = """<figure><img src="https://img.example/flood.jpg" alt="Flooded street">
<figcaption>A flooded street in Hull. Photograph: Jane Smith/Reuters</figcaption></figure>"""
TEASER = """<aside class="related"><a href="/news/storm"><figure>
<img src="https://img.example/storm.jpg" alt="Storm clouds">
<figcaption>Storm Babet: what we know (Image: PA)</figcaption></figure></a></aside>"""


def review(client, html: str) -> str:
    response = client.post(IMPORT_URL, {"step": "review", "text": html})
    assert response.status_code == 200
    return response.content.decode()


def notices(html: str) -> list[str]:
    return [
        line.split(">", 1)[1].split("</li>", 1)[0]
        for line in html.split('<li class="warning import-notice"')[1:]
    ]


def test_a_page_without_a_date_is_said_and_a_dated_one_is_not(archivist_client):
    undated = STORY.format(head="", body=FIGURE, aside="")
    dated = STORY.format(head=DATED, body=FIGURE, aside="")
    assert build_draft(parse_article(undated, filename="a.html")).draft.date is None
    assert build_draft(parse_article(dated, filename="a.html")).draft.date is not None
    assert [n for n in notices(review(archivist_client, undated)) if "No date found" in n]
    assert notices(review(archivist_client, dated)) == []


def test_a_draft_mostly_of_pictures_printing_nothing_is_said(archivist_client):
    imported = build_draft(parse_article(FURNISHED, filename="a.html"))
    empty = [m for m in imported.placements if not m.placement.caption]
    said = [n for n in notices(review(archivist_client, FURNISHED)) if "print nothing" in n]
    assert said == [
        f"{len(empty)} of {len(imported.placements)} placements print nothing beside them "
        "(no caption, credit line or alt text): on most pages those are the page&#x27;s "
        "furniture (gallery thumbnails, icons, spacers). Drop those not in the story."
    ]


def test_no_picture_in_the_story_but_some_left_out_is_said(archivist_client):
    html = STORY.format(head=DATED, body="", aside=TEASER)
    imported = build_draft(parse_article(html, filename="a.html"))
    assert imported.placements == [] and len(imported.left_out) == 1
    said = notices(review(archivist_client, html))
    assert said == [
        "No picture was found in the story, and 1 picture was left out as the page&#x27;s "
        "furniture: bring back any the story printed."
    ]


def test_claim_candidates_without_a_figure_are_counted(archivist_client):
    html = STORY.format(head=DATED, body=FIGURE, aside="")
    candidates = build_draft(parse_article(html, filename="a.html")).candidates
    figureless = [c for c in candidates if c.candidate.figure is None]
    assert figureless and len(figureless) < len(candidates)
    page = review(archivist_client, html)
    assert f"Claim candidates ({len(candidates)}; {len(figureless)} without a figure)" in page
