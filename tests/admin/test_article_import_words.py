"""The import's words: each left-out picture's link named by its file, and the saved
message counting the claim links that wait for their slot's file."""

from __future__ import annotations

import re

import pytest

from archive.articles import parse_article
from archive.articles.importing import build_draft
from tests.admin.test_article_import_left_out import PAGE
from tests.articles.test_importing import IMPORT_URL, review_post

pytestmark = pytest.mark.django_db


def test_each_left_out_picture_link_is_named_by_its_file(archivist_client):
    imported = build_draft(parse_article(PAGE, filename="flood.html"))
    linked = [r for r in imported.left_out if r.link]
    assert len(linked) >= 2
    html = archivist_client.post(IMPORT_URL, {"step": "review", "text": PAGE}).content.decode()
    names = re.findall(r'<a href="[^"]+" rel="noreferrer noopener" target="_blank">(.*?)</a>', html)
    texts = [re.sub(r"<[^>]+>", "", name) for name in names]
    files = [r.link.split("?")[0].rsplit("/", 1)[1] for r in linked]
    assert texts == [f"open picture {name}" for name in files]
    assert len(set(texts)) == len(texts)


def test_the_saved_message_counts_links_waiting_for_their_files(archivist_client):
    response = archivist_client.post(IMPORT_URL, {"step": "review", "text": PAGE})
    data = review_post(response)
    positions = [str(m.placement.position) for m in response.context["imported"].placements]
    links = [key for key in data if key.endswith("-links")]
    for key in links:
        data[key] = positions
    response = archivist_client.post(IMPORT_URL, data, follow=True)
    html = response.content.decode()
    waiting = len(links) * len(positions)
    assert f"0 picture link(s), {waiting} more once their files arrive." in html
