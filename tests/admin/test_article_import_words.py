"""The import's words: each left-out picture's link named by its file."""

from __future__ import annotations

import re

import pytest

from archive.articles import parse_article
from archive.articles.importing import build_draft
from tests.admin.test_article_import_left_out import PAGE
from tests.articles.test_importing import IMPORT_URL

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
