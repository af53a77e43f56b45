"""The import review matches a printed picture to an asset catalogued with its caption and
credit, and attaching a file whose embedded credit or caption differs from the print warns."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.articles import parse_article
from archive.articles.importing import (
    accept_all,
    build_draft,
    commit_draft,
    printed_disagreements,
)
from archive.articles.matching import MATCH_DESCRIPTION, match_assets_by_description
from archive.derived import refresh_assets
from archive.ingest import ingest_file
from archive.models import Asset, Credit, Placement
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


def test_the_caption_with_its_credit_line_and_the_earliest_asset_of_its_kind(getty):
    later = archived("Smoke over the port (Image: GETTY)", getty, seed="later")
    video = Asset.objects.create(
        sha256="f" * 64, kind=Asset.Kind.VIDEO, credit=getty, description="Smoke over the port"
    )
    (match,) = review("Smoke over the port", "GETTY").placements
    # The description is the caption followed by its printed credit line; the video, though
    # catalogued with the caption alone, is not a picture.
    assert (match.asset, match.match) == (later, MATCH_DESCRIPTION)
    assert video.pk > later.pk
    again = archived("Smoke over the port (Image: GETTY)", getty, seed="again")
    (match,) = review("Smoke over the port", "GETTY").placements
    assert match.asset == later != again


def test_the_match_is_one_indexed_lookup_whatever_the_credits_assets(getty):
    """Many of the credit's assets share the caption's words, many have no description: the
    key's index finds the one catalogued with the caption, in one query (before, up to 200 of
    them were read and compared)."""
    Asset.objects.bulk_create(
        Asset(sha256=f"{n:064x}", credit=getty, description=f"Tanks move towards the front {n}")
        for n in range(300)
    )
    Asset.objects.bulk_create(
        Asset(sha256=f"{n + 1000:064x}", credit=getty, description="") for n in range(300)
    )
    asset = archived("Tanks move towards the front", getty)
    refresh_assets(Asset.objects.values_list("pk", flat=True))
    (printed,) = review("Tanks move towards the front", "GETTY").placements
    wanted = [(printed.placement, getty.pk)]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    with CaptureQueriesContext(connection) as queries:
        assert match_assets_by_description(wanted) == {printed.placement.position: asset}
    assert len(queries) == 1
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + queries[0]["sql"])
            plan = " ".join(str(row) for row in cursor.fetchall())
        assert "USING INDEX archive_assetsearchdocument_description_key" in plan, plan
        assert "SCAN" not in plan, plan
