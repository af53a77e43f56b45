"""Pages never make a thumbnail or preview: they show "processing" and queue what is missing.

Tasks are queued in the database here (``queued_tasks``), as with a worker, and every way a
rendition is made is made to fail the test if a request calls it.
"""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from archive import background
from archive.ingest import ingest_file
from archive.models import Asset
from archive.web.media import media_url
from tests.factories import jpeg_bytes

pytestmark = [pytest.mark.queued_tasks, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def no_cutting_in_requests(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a rendition was made inside a page request")

    for name in ("render", "make_preview", "decode_upright", "make_missing_renditions"):
        monkeypatch.setattr(f"archive.ingest.renditions.{name}", refuse)


def rendition_files() -> set[str]:
    try:
        folders = default_storage.listdir("renditions")[0]
    except FileNotFoundError:
        return set()
    return {
        f"{folder}/{name}"
        for folder in folders
        for name in default_storage.listdir(f"renditions/{folder}")[1]
    }


def test_a_new_upload_shows_processing_on_its_page(journalist_client, no_cutting_in_requests):
    asset = ingest_file(jpeg_bytes("ferry", size=(800, 600)), filename="ferry.jpg").asset
    page = journalist_client.get(reverse("archive:asset-detail", args=[asset.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "processing…" in html and "being made in the background" in html
    for rendition in ("thumbnail", "preview"):
        answer = journalist_client.get(media_url(asset, rendition))
        assert answer.status_code == 202 and answer["Content-Type"] == "image/svg+xml"
    assert rendition_files() == set()
    assert DBTaskResult.objects.count() == 1, "queued once, at the upload; not again per view"


def test_a_missing_preview_is_queued_from_the_page_not_made(
    journalist_client, monkeypatch, request
):
    asset = ingest_file(jpeg_bytes("lock", size=(800, 600)), filename="lock.jpg").asset
    background.process(asset.pk)  # as the worker would
    asset.refresh_from_db()
    default_storage.delete(asset.preview)  # lost, or an old asset's preview never made
    DBTaskResult.objects.all().delete()
    made = rendition_files()
    request.getfixturevalue("no_cutting_in_requests")

    answer = journalist_client.get(media_url(asset, "preview"))
    assert answer.status_code == 202 and b"processing" in answer.content
    assert rendition_files() == made, "nothing written by the request"
    queued = DBTaskResult.objects.get()
    assert queued.status == "READY" and queued.args_kwargs["args"] == [asset.pk]
    assert Asset.objects.get(pk=asset.pk).processing_state == "pending"
    journalist_client.get(media_url(asset, "preview"))
    assert DBTaskResult.objects.count() == 1, "a second view queues nothing more"


def test_a_failed_asset_tells_archivists_why(role_users):
    from django.test import Client

    from tests.conftest import client_for

    archivist_client = client_for(Client, role_users["archivist"])
    journalist_client = client_for(Client, role_users["journalist"])
    asset = ingest_file(jpeg_bytes("reef", size=(400, 300)), filename="reef.jpg").asset
    Asset.objects.filter(pk=asset.pk).update(
        processing_state="failed", processing_error="the stored original cannot be opened"
    )
    url = reverse("archive:asset-detail", args=[asset.pk])
    archivist_page = archivist_client.get(url).content.decode()
    assert "Processing failed: the stored original cannot be opened" in archivist_page
    journalist_page = journalist_client.get(url).content.decode()
    assert "Processing failed" in journalist_page
    assert "cannot be opened" not in journalist_page


def test_a_preview_download_while_processing_says_so(journalist_client, no_cutting_in_requests):
    asset = ingest_file(jpeg_bytes("dam", size=(800, 600)), filename="dam.jpg").asset
    url = reverse("archive:asset-download", args=[asset.pk, "preview"])
    answer = journalist_client.get(url)
    assert answer.status_code == 202 and answer["Content-Type"].startswith("text/plain")
    assert "still being made" in answer.content.decode()
    Asset.objects.filter(pk=asset.pk).update(processing_state=Asset.Processing.FAILED)
    answer = journalist_client.get(url)
    assert answer.status_code == 404
    assert "could not be made" in answer.content.decode()
