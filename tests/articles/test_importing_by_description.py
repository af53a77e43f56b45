"""The import review matches a printed picture to an asset catalogued with its caption and
credit, and attaching a file whose embedded credit or caption differs from the print warns."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from archive.articles import parse_article
from archive.articles.importing import (
    MATCH_DESCRIPTION,
    accept_all,
    build_draft,
    commit_draft,
    printed_disagreements,
)
from archive.ingest import ingest_file
from archive.models import Credit, Placement
from tests.factories import jpeg_bytes

pytestmark = pytest.mark.django_db

PAGE = """<html><head><title>Front</title></head><body><article><h1>Front line</h1>
<p>Troops advanced on Tuesday, officials said.</p>
<figure><img src="https://cdn.example.com/a1.jpg" alt="Tanks">
<figcaption>{caption} (Image: {credit})</figcaption></figure>
<p>More fighting was reported later.</p>
</article></body></html>"""


@pytest.fixture
def getty(db):
    credit = Credit.objects.create(name="GETTY", reviewed=True)
    credit.aliases.create(alias="Getty Images")
    return credit


def archived(caption: str, credit, seed="tanks"):
    result = ingest_file(
        jpeg_bytes(seed), filename="upload.jpg", credit=credit, fields={"description": caption}
    )
    return result.asset


def review(caption: str, credit: str):
    page = PAGE.format(caption=caption, credit=credit)
    return build_draft(parse_article(page, filename="a.html", url="https://news.example/front"))


def test_a_placement_matches_the_asset_catalogued_with_its_caption_and_credit(getty):
    asset = archived("Tanks  move towards\nthe front near Kharkiv ", getty)
    # Whitespace in either, the credit's case and its alias do not matter.
    for printed_credit in ("GETTY", "Getty", "Getty Images"):
        (match,) = review("Tanks move towards the front near Kharkiv", printed_credit).placements
        assert (match.asset, match.match) == (asset, MATCH_DESCRIPTION), printed_credit
        assert not match.awaiting_file


def test_a_caption_or_credit_that_differs_is_awaiting_its_file(getty):
    archived("Tanks move towards the front near Kharkiv", getty)
    Credit.objects.create(name="REUTERS", reviewed=True)
    for caption, credit in (
        ("Tanks move towards the front near Kherson", "GETTY"),  # another word
        ("Tanks move towards the front near Kharkiv", "REUTERS"),  # another credit
        ("Tanks move towards the front near Kharkiv", "AP"),  # an unknown credit
    ):
        (match,) = review(caption, credit).placements
        assert match.awaiting_file, (caption, credit)


def test_the_review_page_shows_the_match(archivist_client, getty):
    asset = archived("Tanks move towards the front near Kharkiv", getty)
    page = PAGE.format(caption="Tanks move towards the front near Kharkiv", credit="Getty")
    response = archivist_client.post(
        "/admin/archive/article/import/", {"step": "review", "text": page, "url": ""}
    )
    html = response.content.decode()
    assert MATCH_DESCRIPTION in html
    assert reverse("admin:archive_asset_change", args=[asset.pk]) in html
    assert "awaiting file" not in html


def awaiting_placement(caption="Tanks move towards the front near Kharkiv", credit="GETTY"):
    imported = review(caption, credit)
    article = commit_draft(imported, accept_all(imported)).article
    placement = article.placements.get()
    assert placement.asset is None
    return placement


def test_attaching_a_file_with_another_embedded_credit_warns_at_once(archivist_client, getty):
    placement = awaiting_placement()
    url = reverse("admin:archive_article_import_attach", args=[placement.pk])
    data = jpeg_bytes(
        "other",
        xmp_fields={"credit": "Reuters", "description": "Soldiers rest in a village"},
    )
    upload = SimpleUploadedFile("tanks.jpg", data, content_type="image/jpeg")
    response = archivist_client.post(url, {"file": upload}, follow=True)
    html = response.content.decode()
    assert "now shows asset #" in html
    assert "embedded credit “Reuters” differs from the printed credit “GETTY”" in html
    assert "embedded caption “Soldiers rest in a village” differs" in html
    assert Placement.objects.get(pk=placement.pk).asset is not None


def test_a_file_that_agrees_with_the_print_attaches_without_warning(archivist_client, getty):
    placement = awaiting_placement()
    url = reverse("admin:archive_article_import_attach", args=[placement.pk])
    data = jpeg_bytes(
        "same",
        xmp_fields={
            "credit": "Getty Images",  # an alias of the printed GETTY
            "description": "Tanks move towards the front near Kharkiv.",
        },
    )
    upload = SimpleUploadedFile("tanks.jpg", data, content_type="image/jpeg")
    html = archivist_client.post(url, {"file": upload}, follow=True).content.decode()
    assert "now shows asset #" in html and "differs" not in html


def test_no_embedded_metadata_is_no_disagreement(getty):
    placement = awaiting_placement()
    asset = ingest_file(jpeg_bytes("bare"), filename="bare.jpg").asset
    assert printed_disagreements(placement, asset) == []
