"""Media a browser may keep: content-named URLs, ETags, X-Accel-Redirect, no storage calls."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from archive.models import Asset
from archive.web.media import media_url, version

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo(seeded):
    return Asset.objects.filter(kind="photo").first()


def test_urls_name_the_content(photo):
    url = media_url(photo, "thumbnail")
    assert url == reverse("archive:asset-media", args=[photo.pk, "thumbnail"]) + (
        f"?v={photo.sha256[:16]}"
    )


def test_versioned_url_is_kept_a_year_privately(photo, journalist_client):
    response = journalist_client.get(media_url(photo, "thumbnail"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, max-age=31536000, immutable"
    assert response["ETag"] == f'"{version(photo)}-thumbnail"'
    # Without the version (or with a stale one) the answer may change: kept five minutes.
    plain = reverse("archive:asset-media", args=[photo.pk, "thumbnail"])
    assert journalist_client.get(plain)["Cache-Control"] == "private, max-age=300"
    stale = journalist_client.get(plain, {"v": "0" * 16})
    assert stale["Cache-Control"] == "private, max-age=300"


def test_a_kept_copy_is_confirmed_with_304(photo, journalist_client):
    url = media_url(photo, "thumbnail")
    etag = journalist_client.get(url)["ETag"]
    again = journalist_client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    # The role is checked before anything is confirmed.
    journalist_client.logout()
    assert journalist_client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 302


def test_pages_use_the_content_named_urls(photo, journalist_client):
    html = journalist_client.get(reverse("archive:search"), {"q": ""}).content.decode()
    assert media_url(photo, "thumbnail").replace("&", "&amp;") in html
    html = journalist_client.get(reverse("archive:asset-detail", args=[photo.pk])).content.decode()
    assert media_url(photo, "preview") in html


def test_serving_asks_storage_nothing_before_opening(photo, journalist_client, monkeypatch):
    def no_round_trip(storage, name):
        raise AssertionError(f"storage asked whether {name} exists")

    monkeypatch.setattr(type(default_storage._wrapped), "exists", no_round_trip)
    response = journalist_client.get(media_url(photo, "thumbnail"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"


def test_a_lost_thumbnail_is_queued_for_the_worker(photo, journalist_client):
    default_storage.delete(photo.thumbnail)
    response = journalist_client.get(media_url(photo, "thumbnail"))
    # The task it queued ran at once (tests/conftest.py), so the file is there to send; with a
    # worker the answer is a "processing" placeholder (tests/web/test_processing_pages.py).
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"
    assert default_storage.exists(Asset.objects.get(pk=photo.pk).thumbnail)


def test_a_lost_original_is_404(photo, journalist_client):
    default_storage.delete(photo.file.name)
    response = journalist_client.get(media_url(photo, "original"))
    assert response.status_code == 404


def test_nginx_sends_the_file_when_configured(photo, journalist_client, settings):
    settings.ARCHIVE_MEDIA_ACCEL_PREFIX = "/_media/"
    response = journalist_client.get(media_url(photo, "original"))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_media/{photo.file.name}"
    assert response.content == b""
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Cache-Control"].endswith("immutable")


def test_nginx_path_still_checks_the_role(photo, auditor_client, settings):
    settings.ARCHIVE_MEDIA_ACCEL_PREFIX = "/_media/"
    response = auditor_client.get(media_url(photo, "original"))
    assert response.status_code == 403
    assert "X-Accel-Redirect" not in response
