"""The article page shows the claims an imported placement was linked to while it still
awaits its file, as the import's result page counts them."""

from __future__ import annotations

import re

import pytest

from archive.articles import parse_article
from archive.articles.importing import ClaimDecision, build_draft, commit_draft

pytestmark = pytest.mark.django_db

PAGE = """<html><head><meta property="og:site_name" content="The Paper"></head><body><article>
<h1>Flood defences breached in Hull</h1>
<p>More than 300 homes were flooded in Hull, the council said on Monday.</p>
<figure><img src="https://img.example/flood.jpg" alt="Flooded street">
<figcaption>A flooded street in Hull. Photograph: Jane Smith/Reuters</figcaption></figure>
<figure><img src="https://img.example/pumps.jpg" alt="Pumps">
<figcaption>Pumps at work on Tuesday. Photograph: John Lee/PA</figcaption></figure>
</article></body></html>"""


@pytest.fixture
def article():
    imported = build_draft(parse_article(PAGE, filename="hull.html"))
    linked, unlinked = (m.placement.position for m in imported.placements)
    decisions = [
        ClaimDecision(accept=True, sentence="300 homes flooded", linked_positions=[linked]),
        ClaimDecision(accept=True, sentence="12 flood warnings"),
    ]
    return commit_draft(imported, decisions).article


def section(html: str, start: str, end: str) -> str:
    return html.split(start, 1)[1].split(end, 1)[0]


def test_a_placement_awaiting_its_file_shows_the_claims_it_will_illustrate(
    journalist_client, article, django_assert_max_num_queries
):
    linked = article.claims.get(text="300 homes flooded").placements.get()
    with django_assert_max_num_queries(12):
        html = journalist_client.get(article.get_absolute_url()).content.decode()
    placement = section(html, f'id="placement-{linked.position}"', "</li>\n")
    assert "awaiting file" in placement
    assert "Will illustrate, once its file is archived:" in placement
    assert "300 homes flooded" in placement
    others = [p for p in article.placements.all() if p.pk != linked.pk]
    for other in others:
        assert "Will illustrate" not in section(html, f'id="placement-{other.position}"', "</li>")


def test_the_claims_table_names_the_placements_awaiting_their_file(journalist_client, article):
    linked = article.claims.get(text="300 homes flooded").placements.get()
    html = journalist_client.get(article.get_absolute_url()).content.decode()
    rows = {
        re.sub(r"<[^>]+>", "", row.split("</td>", 1)[0]).strip(): row
        for row in section(html, "<tbody>", "</tbody>").split("<tr>")[1:]
    }
    assert f'href="#placement-{linked.position}"' in rows["300 homes flooded"]
    assert "(awaiting file)" in rows["300 homes flooded"]
    assert 'data-label="Pictures">—</td>' in rows["12 flood warnings"]
