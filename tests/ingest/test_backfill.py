"""`manage.py backfill_locations`: the other locations shown of assets catalogued before 0014."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from archive.derived import refresh_assets
from archive.ingest.pipeline import ingest_file
from archive.models import Asset
from archive.search.service import admin_search
from tests.factories import AssetFactory, jpeg_bytes

THREE_PLACES = (
    "-XMP-iptcExt:LocationShown={City=Kyiv,CountryName=Ukraine,CountryCode=UA}",
    "-XMP-iptcExt:LocationShown+={Sublocation=Old Town,City=Lviv,GPSLatitude=49.84}",
    "-XMP-iptcExt:LocationShown+={CountryName=Poland,ProvinceState=Podkarpackie}",
)


def exiftool(*args: str) -> str:
    program = shutil.which("exiftool")
    if program is None:  # never skip: the Makefile installs libimage-exiftool-perl
        pytest.fail("exiftool is not installed (apt-get install libimage-exiftool-perl)")
    return subprocess.run([program, *args], check=True, capture_output=True, text=True).stdout


def three_places_jpeg(tmp_path: Path, seed: str) -> bytes:
    path = tmp_path / f"{seed}.jpg"
    path.write_bytes(jpeg_bytes(seed))
    exiftool("-q", "-overwrite_original", *THREE_PLACES, str(path))
    return path.read_bytes()


def catalogued_before_0014(data: bytes, name: str) -> Asset:
    """An asset as an archive ingested it before it kept other locations shown."""
    asset = ingest_file(data, filename=name).asset
    Asset.objects.filter(pk=asset.pk).update(other_locations_shown=[])
    refresh_assets([asset.pk])  # its search document as it was then
    asset.refresh_from_db()
    assert len(asset.embedded_metadata["xmp"]["Iptc4xmpExt:LocationShown"]) == 3
    assert asset.other_locations_shown == []
    return asset


def downloaded(client, asset: Asset, tmp_path: Path) -> dict:
    """exiftool's tags of the asset's original as downloaded."""
    response = client.get(reverse("archive:asset-download", args=[asset.pk, "original"]))
    path = tmp_path / "download.jpg"
    path.write_bytes(response.getvalue())
    return json.loads(exiftool("-a", "-G1", "-j", "-struct", str(path)))[0]


def backfill(*options: str) -> str:
    out = io.StringIO()
    call_command("backfill_locations", *options, stdout=out, stderr=out)
    return out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_the_backfill_fills_them_and_the_download_carries_all_three(journalist_client, tmp_path):
    asset = catalogued_before_0014(three_places_jpeg(tmp_path, "three"), "three.jpg")
    before = downloaded(journalist_client, asset, tmp_path)
    assert len(before["XMP-iptcExt:LocationShown"]) == 1  # the file's later ones dropped
    assert not admin_search(Asset.objects.all(), "Podkarpackie").exists()

    report = backfill("--batch-size", "1")

    asset.refresh_from_db()
    assert asset.other_locations_shown == [
        {"sublocation": "Old Town", "city": "Lviv"},
        {"state": "Podkarpackie", "country": "Poland"},
    ]
    assert f"#{asset.pk}: 2 other location(s) shown from the metadata read at ingest" in report
    assert "Old Town, Lviv | Podkarpackie, Poland" in report
    assert "1 asset(s) filled" in report
    assert asset.history.latest().history_change_reason.startswith("Other locations shown")
    assert list(admin_search(Asset.objects.all(), "Podkarpackie")) == [asset]

    read = downloaded(journalist_client, asset, tmp_path)
    assert read["XMP-iptcExt:LocationShown"] == [
        {"City": "Kyiv", "CountryCode": "UA", "CountryName": "Ukraine"},
        {"City": "Lviv", "GPSLatitude": "49 deg 50' 24.00\" N", "Sublocation": "Old Town"},
        {"CountryName": "Poland", "ProvinceState": "Podkarpackie"},
    ]


@pytest.mark.django_db
def test_the_backfill_is_idempotent_and_keeps_what_archivists_typed(tmp_path):
    filled = catalogued_before_0014(three_places_jpeg(tmp_path, "a"), "a.jpg")
    typed = catalogued_before_0014(three_places_jpeg(tmp_path, "b"), "b.jpg")
    Asset.objects.filter(pk=typed.pk).update(other_locations_shown=[{"city": "Dnipro"}])
    cleared = catalogued_before_0014(three_places_jpeg(tmp_path, "c"), "c.jpg")
    Asset.objects.filter(pk=cleared.pk).update(edited_fields=["other_locations_shown"])
    one_place = ingest_file(jpeg_bytes("one"), filename="one.jpg").asset

    assert "would be filled" in backfill("--dry-run")
    assert Asset.objects.get(pk=filled.pk).other_locations_shown == []

    report = backfill()
    assert "1 asset(s) filled, 1 left as edited, 0 unreadable." in report
    assert f"#{cleared.pk}: left alone (an archivist edited them)" in report
    assert len(Asset.objects.get(pk=filled.pk).other_locations_shown) == 2
    assert Asset.objects.get(pk=typed.pk).other_locations_shown == [{"city": "Dnipro"}]
    assert Asset.objects.get(pk=cleared.pk).other_locations_shown == []
    assert Asset.objects.get(pk=one_place.pk).other_locations_shown == []
    history = Asset.objects.get(pk=filled.pk).history.count()

    again = backfill()
    assert "0 asset(s) filled, 1 left as edited" in again
    assert f"#{filled.pk}" not in again
    assert Asset.objects.get(pk=filled.pk).history.count() == history


@pytest.mark.django_db
def test_a_row_that_kept_no_xmp_is_read_from_its_original(tmp_path):
    """A row whose raw metadata holds no XMP block (made before ingest kept it): the stored
    original is read again; one whose original is gone is reported, nothing written."""
    data = three_places_jpeg(tmp_path, "old")
    asset = AssetFactory(jpeg=data, embedded_metadata={})
    missing = AssetFactory(jpeg=jpeg_bytes("gone"), embedded_metadata={})
    missing.file.storage.delete(missing.file.name)

    report = backfill()

    asset.refresh_from_db()
    assert [place.get("city") for place in asset.other_locations_shown] == ["Lviv", None]
    assert f"#{asset.pk}: 2 other location(s) shown from the stored original" in report
    assert f"#{missing.pk}: the stored original unreadable" in report
    assert Asset.objects.get(pk=missing.pk).other_locations_shown == []
