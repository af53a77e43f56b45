"""The page an import lands on tells its rows apart: two claims drawn from one sentence show
their figures, and a picture brought back with no caption shows its alt text."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from archive.articles import parse_article
from archive.articles.importing import accept_all, build_draft, commit_draft
from archive.templatetags.archive_format import figure

pytestmark = pytest.mark.django_db

PAGE = """<html><head><meta property="og:site_name" content="The Paper"></head><body><article>
<h1>Drones downed over the port</h1>
<p>The air force said it destroyed 31 of the 35 drones launched at the port overnight.</p>
<figure><img src="https://img.example/port.jpg" alt="The port">
<figcaption>The port at dawn. Photograph: Jane Smith/Reuters</figcaption></figure>
<aside class="related"><a href="/news/other"><figure>
<img src="https://img.example/minister.jpg?w=300" alt="The foreign minister"></figure></a></aside>
</article></body></html>"""


class Texts(HTMLParser):
    """The text of each element with ``tag`` inside the element with class ``inside``."""

    def __init__(self, inside: str, tag: str) -> None:
        super().__init__()
        self.inside_class, self.tag = inside, tag
        self.depth = 0
        self.texts: list[str] = []
        self.open = False

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self.inside_class in classes:
            self.depth = 1
        elif self.depth:
            self.depth += 1
            if tag == self.tag:
                self.texts.append("")
                self.open = True

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            if tag == self.tag:
                self.open = False

    def handle_data(self, data):
        if self.depth and self.open:
            self.texts[-1] += data


def texts(html: str, inside: str, tag: str) -> list[str]:
    parser = Texts(inside, tag)
    parser.feed(html)
    return [" ".join(text.split()) for text in parser.texts]


@pytest.fixture
def imported():
    draft = build_draft(parse_article(PAGE, filename="drones.html"))
    brought = [row.index for row in draft.left_out if not row.item.caption]
    assert brought, "the page's uncaptioned teaser is left out"
    return commit_draft(draft, accept_all(draft), bring_back=brought[:1]).article


def test_claims_from_one_sentence_are_told_apart(archivist_client, imported):
    claims = list(imported.claims.all())
    assert len({claim.text for claim in claims}) < len(claims), "two claims, one sentence"
    url = reverse("admin:archive_article_import_result", args=[imported.pk])
    shown = texts(archivist_client.get(url).content.decode(), "import-claims", "li")
    assert len(shown) == len(claims) == len(set(shown))
    for claim, line in zip(claims, shown, strict=True):
        assert figure(claim) in line


def test_a_picture_brought_back_without_a_caption_shows_its_alt_text(archivist_client, imported):
    brought = imported.placements.get(caption="")
    assert brought.alt_text
    url = reverse("admin:archive_article_import_result", args=[imported.pk])
    html = archivist_client.get(url).content.decode()
    row = html[html.index(f'id="placement-{brought.position}"') :]
    row = row[: row.index("</tr>")]
    assert brought.alt_text in row


def test_the_claim_autocomplete_tells_claims_from_one_sentence_apart(archivist_client, imported):
    # Linking a picture to a claim (the asset's Illustrations): two claims drawn from one
    # long sentence were offered under the same words, cut before their figures.
    claims = [claim for claim in imported.claims.all() if claim.figure is not None]
    response = archivist_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "destroyed",
            "app_label": "archive",
            "model_name": "illustration",
            "field_name": "claim",
        },
    )
    offered = {int(row["id"]): row["text"] for row in response.json()["results"]}
    assert set(offered) == {claim.pk for claim in claims}
    assert len(set(offered.values())) == len(claims)
    for claim in claims:
        assert figure(claim) in offered[claim.pk]
        assert len(offered[claim.pk]) <= 100
