"""The import review page drops placements: one by one, or all those printing nothing beside
them (on real pages, mostly the page's furniture), before anything is saved."""

from __future__ import annotations

import pytest

from archive.articles import parse_article
from archive.articles.importing import build_draft
from archive.models import Article
from tests.articles.test_importing import IMPORT_URL, review_post

pytestmark = pytest.mark.django_db

FIGURE = '<figure><img src="https://img.example/{name}.jpg" width="800" height="500"></figure>'
PAGE = f"""<html><head><meta property="og:site_name" content="The Paper"></head><body><article>
<h1>Flood defences breached in Hull</h1>
<p>More than 300 homes were flooded in Hull, the council said on Monday.</p>
<figure><img src="https://img.example/flood.jpg" alt="Flooded street">
<figcaption>A flooded street in Hull. Photograph: Jane Smith/Reuters</figcaption></figure>
{FIGURE.format(name="blank-1")}
<p>The Environment Agency said 12 flood warnings were in force on Tuesday.</p>
{FIGURE.format(name="blank-2")}
<aside class="related"><a href="/news/storm-babet"><figure>
<img src="https://img.example/storm.jpg" alt="Storm clouds">
<figcaption>Storm Babet: what we know (Image: PA)</figcaption></figure></a></aside>
<figure><img src="https://img.example/pumps.jpg" alt="Pumps">
<figcaption>Pumps at work on Tuesday. Photograph: John Lee/PA</figcaption></figure>
</article></body></html>"""


def printed(position_and_captions) -> list[str]:
    return [caption for _, caption in position_and_captions]


def saved_captions() -> list[tuple[int, str]]:
    article = Article.objects.get()
    return [(p.position, p.caption) for p in article.placements.order_by("position")]


@pytest.fixture
def draft_positions():
    """The draft's placements as (position, caption), and the positions printing nothing."""
    imported = build_draft(parse_article(PAGE, filename="flood.html"))
    rows = [(m.placement.position, m.placement.caption) for m in imported.placements]
    empty = [position for position, caption in rows if not caption]
    assert len(empty) == 2 and len(rows) == 4  # the page is read as the tests below assume
    return rows, empty


def test_the_review_page_counts_the_pictures_printing_nothing(archivist_client, draft_positions):
    rows, empty = draft_positions
    html = archivist_client.post(IMPORT_URL, {"step": "review", "text": PAGE}).content.decode()
    assert f"Placements ({len(rows)}; {len(empty)} with nothing printed beside them)" in html
    assert html.count('name="drop_placement"') == len(rows)
    assert html.count('name="drop_empty"') == 1
    assert f"Drop the {len(empty)} pictures with no caption" in html


def test_nothing_is_dropped_unless_ticked(archivist_client, draft_positions):
    rows, _ = draft_positions
    response = archivist_client.post(IMPORT_URL, {"step": "review", "text": PAGE})
    response = archivist_client.post(IMPORT_URL, review_post(response))
    assert response.status_code == 302
    assert printed(saved_captions()) == printed(rows)


def test_one_ticked_placement_is_not_saved_and_its_claim_links_go(
    archivist_client, draft_positions
):
    rows, _ = draft_positions
    first = rows[0][0]
    response = archivist_client.post(IMPORT_URL, {"step": "review", "text": PAGE})
    data = review_post(response)
    for key in [k for k in data if k.endswith("-links")]:
        data[key] = [str(first)]
    data["drop_placement"] = [str(first)]
    response = archivist_client.post(IMPORT_URL, data)
    assert response.status_code == 302
    assert printed(saved_captions()) == printed(rows[1:])
    assert [p for p, _ in saved_captions()] == list(range(1, len(rows)))
    article = Article.objects.get()
    assert article.claims.count() > 0
    assert not article.claims.filter(placements__isnull=False).exists()


def test_drop_empty_drops_every_placement_printing_nothing(archivist_client, draft_positions):
    rows, empty = draft_positions
    response = archivist_client.post(IMPORT_URL, {"step": "review", "text": PAGE})
    data = review_post(response)
    data["drop_empty"] = "on"
    response = archivist_client.post(IMPORT_URL, data)
    assert response.status_code == 302
    kept = [(p, c) for p, c in rows if p not in empty]
    assert printed(saved_captions()) == printed(kept)


def test_a_picture_brought_back_after_a_dropped_one_keeps_its_place(archivist_client):
    imported = build_draft(parse_article(PAGE, filename="flood.html"))
    (teaser,) = imported.left_out
    dropped = {m.placement.position for m in imported.placements if not m.placement.caption}
    assert teaser.after in dropped  # printed after an empty figure, before the pumps
    response = archivist_client.post(IMPORT_URL, {"step": "review", "text": PAGE})
    data = review_post(response)
    data["drop_empty"] = "on"
    data["bring_back"] = [str(teaser.index)]
    response = archivist_client.post(IMPORT_URL, data)
    assert response.status_code == 302
    assert printed(saved_captions()) == [
        "A flooded street in Hull.",
        teaser.item.caption,
        "Pumps at work on Tuesday.",
    ]


def test_a_tampered_drop_is_refused_and_nothing_saved(archivist_client):
    response = archivist_client.post(IMPORT_URL, {"step": "review", "text": PAGE})
    data = review_post(response)
    data["drop_placement"] = ["99"]
    response = archivist_client.post(IMPORT_URL, data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert Article.objects.count() == 0
