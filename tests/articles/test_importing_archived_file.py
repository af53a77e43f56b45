"""A slot filled with a file already archived: the print fills the asset's empty fields (as it
does a new file's), never what an archivist catalogued, and the derived data follows."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from archive.articles import parse_article
from archive.articles.importing import accept_all, attach_file, build_draft, commit_draft
from archive.ingest import ingest_file
from archive.models import Asset, AssetSearchDocument, Credit, Placement
from tests.factories import jpeg_bytes

pytestmark = pytest.mark.django_db

TEXT = (
    "Floods in York\n\nRivers rose overnight in the city centre.\n\n"
    "A flooded street in York. (Photo: Jane Doe/Reuters)\n\n"
    "Residents were moved to safety on Tuesday.\n"
)


def awaiting() -> Placement:
    imported = build_draft(parse_article(TEXT, filename="york.txt"))
    placement = commit_draft(imported, accept_all(imported)).article.placements.get()
    assert placement.asset is None and placement.credit is not None
    return placement


def test_an_archived_file_takes_the_printed_credit_creator_and_caption_it_lacks():
    archived = ingest_file(jpeg_bytes("york"), filename="york.jpg").asset
    assert archived.credit is None and archived.creator == ""
    placement = awaiting()
    result = attach_file(placement, jpeg_bytes("york"), filename="again.jpg")
    assert result.status == "duplicate"
    asset = Asset.objects.get(pk=archived.pk)
    assert (asset.credit.name, asset.creator) == ("Reuters", "Jane Doe")
    assert asset.description == "A flooded street in York."
    document = AssetSearchDocument.objects.get(asset=asset)
    assert document.credit_id == asset.credit_id and "reuters" in document.credit


def test_what_an_archivist_catalogued_is_kept_and_the_difference_said(archivist_client):
    ap = Credit.objects.create(name="AP", reviewed=True)
    archived = ingest_file(
        jpeg_bytes("york"),
        filename="york.jpg",
        credit=ap,
        fields={"creator": "John Roe", "description": "High water in York."},
    ).asset
    placement = awaiting()
    url = reverse("admin:archive_article_import_attach", args=[placement.pk])
    upload = SimpleUploadedFile("york.jpg", jpeg_bytes("york"), content_type="image/jpeg")
    html = archivist_client.post(url, {"file": upload}, follow=True).content.decode()
    assert f"now shows asset #{archived.pk}" in html
    assert "catalogued credit “AP” differs from the printed credit “Reuters”" in html
    asset = Asset.objects.get(pk=archived.pk)
    assert (asset.credit, asset.creator, asset.description) == (
        ap,
        "John Roe",
        "High water in York.",
    )
    assert Placement.objects.get(pk=placement.pk).asset == asset


def test_the_admin_fills_an_archived_files_empty_credit(archivist_client):
    archived = ingest_file(jpeg_bytes("york"), filename="york.jpg").asset
    placement = awaiting()
    url = reverse("admin:archive_article_import_attach", args=[placement.pk])
    upload = SimpleUploadedFile("york.jpg", jpeg_bytes("york"), content_type="image/jpeg")
    html = archivist_client.post(url, {"file": upload}, follow=True).content.decode()
    assert f"now shows asset #{archived.pk}" in html and "differs" not in html
    asset = Asset.objects.get(pk=archived.pk)
    assert (asset.credit.name, asset.creator) == ("Reuters", "Jane Doe")
