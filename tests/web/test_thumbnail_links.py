"""Every thumbnail that links to an asset names it: a picture uploaded without a title (a
camera's file) still gives its link a name, on the front page and in search results."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from archive.ingest import ingest_file
from tests.factories import jpeg_bytes

pytestmark = pytest.mark.django_db


class AssetLinks(HTMLParser):
    """Collect, for each link to ``href``, the alt texts of the pictures inside it."""

    def __init__(self, href: str) -> None:
        super().__init__()
        self.href = href
        self.inside = False
        self.links: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href") == self.href:
            self.inside = True
            self.links.append({"text": "", "alts": []})
        elif tag == "img" and self.inside:
            self.links[-1]["alts"].append(attrs.get("alt", ""))

    def handle_endtag(self, tag):
        if tag == "a":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.links[-1]["text"] += data


def thumbnail_links(html: str, href: str) -> list[dict]:
    parser = AssetLinks(href)
    parser.feed(html)
    return [link for link in parser.links if link["alts"]]


@pytest.fixture
def untitled(role_users):
    """A picture archived without a title, as most cameras' files are."""
    asset = ingest_file(jpeg_bytes("harbour", size=(400, 300)), filename="DSC_0412.jpg").asset
    asset.refresh_from_db()
    assert asset.title == "" and asset.thumbnail
    return asset


@pytest.mark.parametrize(
    "page", [lambda: reverse("archive:home"), lambda: reverse("archive:search") + "?kind=photo"]
)
def test_an_untitled_pictures_thumbnail_link_has_a_name(journalist_client, untitled, page):
    html = journalist_client.get(page()).content.decode()
    links = thumbnail_links(html, reverse("archive:asset-detail", args=[untitled.pk]))
    assert links, "the page shows the picture's thumbnail as a link"
    for link in links:
        assert link["text"].strip() or all(alt.strip() for alt in link["alts"])
        assert untitled.display_name in link["alts"]


def test_the_thumbnail_says_what_its_alt_text_says(journalist_client, untitled):
    untitled.alt_text = "Fishing boats moored in a harbour at dusk"
    untitled.save(update_fields=["alt_text"])
    html = journalist_client.get(reverse("archive:home")).content.decode()
    (link,) = thumbnail_links(html, reverse("archive:asset-detail", args=[untitled.pk]))
    assert link["alts"] == [untitled.alt_text]
