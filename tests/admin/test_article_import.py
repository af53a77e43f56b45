"""The admin's article import pages: what they refuse and say (issue 14: large inputs, each
error once, refusals in words)."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from archive.articles import MAX_SOURCE_BYTES
from archive.articles.importing import build_draft, commit_draft
from archive.articles.source import parse_article
from archive.models import Article, Placement
from tests.factories import jpeg_bytes

pytestmark = pytest.mark.django_db
IMPORT_URL = "/admin/archive/article/import/"
MARCH = "<p>Mr Smith said 1,200 people marched through the town, and police said 40 were held.</p>"


def page(paragraphs: int) -> str:
    return f"<html><body><article><h1>March</h1>{MARCH * paragraphs}</article></body></html>"


def test_an_article_longer_than_any_is_refused_with_a_message(archivist_client, settings):
    settings.ARCHIVE_ARTICLE_MAX_TEXT_CHARS = 2_000
    response = archivist_client.post(IMPORT_URL, {"step": "review", "text": page(40)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "more than any article (at most 2,000)" in html
    assert "Review the imported article" not in html and "claims-TOTAL_FORMS" not in html


def test_the_review_page_says_when_claim_candidates_are_capped(archivist_client, settings):
    settings.ARCHIVE_ARTICLE_MAX_CLAIMS = 5
    response = archivist_client.post(IMPORT_URL, {"step": "review", "text": page(10)})
    html = response.content.decode()
    assert 'name="claims-TOTAL_FORMS" value="5"' in html
    assert "more than 5 claim candidates; only the first 5 are shown for review" in html


def test_a_bad_url_is_said_once(archivist_client):
    response = archivist_client.post(
        IMPORT_URL, {"step": "review", "text": page(1), "url": "ftp://example.com/a"}
    )
    html = response.content.decode()
    assert "Enter a valid URL." not in html
    assert html.count(escape("Enter a web address starting with http:// or https://.")) == 1


def test_a_file_over_the_limit_is_refused_for_its_size_alone(archivist_client):
    upload = SimpleUploadedFile("big.html", b" " * (MAX_SOURCE_BYTES + 1), "text/html")
    response = archivist_client.post(IMPORT_URL, {"step": "review", "file": upload})
    html = response.content.decode()
    assert "an article page is at most 10 MB" in html
    assert escape("Paste the article's text or choose a saved page.") not in html


def test_a_damaged_file_for_a_slot_is_refused_in_words(archivist_client):
    text = "Floods in York\n\nRivers rose.\n\nA flooded street. (Photo: Jane Doe/Reuters)\n"
    placement = commit_draft(build_draft(parse_article(text, filename="a.txt")), []).article
    placement = placement.placements.get()
    url = reverse("admin:archive_article_import_attach", args=[placement.pk])
    upload = SimpleUploadedFile("york.jpg", jpeg_bytes("york")[:200], "image/jpeg")
    html = archivist_client.post(url, {"file": upload}, follow=True).content.decode()
    assert escape("refused: the picture's header is damaged: the file is cut short") in html
    assert not re.search(r"\(\w*(?:Error|Exception)\)", html)
    assert Placement.objects.get(pk=placement.pk).asset is None
    assert Article.objects.count() == 1
