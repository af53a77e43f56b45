"""Who gets the large renditions: whoever may not download an asset (a deny lease in force,
or a role without downloads) is shown it at thumbnail size only, on its page and by the media
view; everyone allowed keeps the preview (issue 19)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from archive.models import Asset, MediaLease
from archive.web.media import media_url
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def media(asset: Asset, rendition: str) -> str:
    return reverse("archive:asset-media", args=[asset.pk, rendition])


def page(client: Client, asset: Asset) -> str:
    response = client.get(reverse("archive:asset-detail", args=[asset.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_journalist_under_a_deny_lease_gets_the_thumbnail_not_the_preview(
    seeded, journalist_client
):
    shoigu = Asset.objects.get(title="Sergei Shoigu")
    assert shoigu.preview and shoigu.thumbnail
    refused = journalist_client.get(media(shoigu, "preview"))
    assert refused.status_code == 403
    assert refused.content.decode().startswith("This picture may not be downloaded: ")
    assert "the subject's lawyers asked us to hold it" in refused.content.decode()
    assert journalist_client.get(media(shoigu, "thumbnail")).status_code == 200
    html = page(journalist_client, shoigu)
    assert media(shoigu, "preview") not in html
    assert f'<img src="{media_url(shoigu, "thumbnail")}"'.replace("&", "&amp;") in html


def test_an_archivist_and_an_unleased_picture_keep_the_preview(
    seeded, role_users, journalist_client
):
    shoigu = Asset.objects.get(title="Sergei Shoigu")
    archivist = client_for(Client, role_users["archivist"])
    assert archivist.get(media(shoigu, "preview")).status_code == 200
    assert media(shoigu, "preview") in page(archivist, shoigu)
    zelensky = Asset.objects.get(title="Volodymyr Zelensky")
    assert journalist_client.get(media(zelensky, "preview")).status_code == 200
    assert media(zelensky, "preview") in page(journalist_client, zelensky)


def test_a_still_under_its_videos_deny_lease_gets_the_thumbnail(seeded, journalist_client):
    video = Asset.objects.get(kind="video")
    still = video.stills.first()
    assert still is not None and still.preview
    assert journalist_client.get(media(still, "preview")).status_code == 200
    MediaLease.objects.create(asset=video, access="deny", scope="use", note="subject withdrew")
    refused = journalist_client.get(media(still, "preview"))
    assert refused.status_code == 403
    assert "subject withdrew" in refused.content.decode()
    assert "on the video it was cut from" in refused.content.decode()
    html = page(journalist_client, still)
    assert media(still, "preview") not in html and media(still, "thumbnail") in html


def test_the_auditor_who_may_download_nothing_gets_thumbnails_only(seeded, auditor_client):
    photo = Asset.objects.get(title="Volodymyr Zelensky")
    refused = auditor_client.get(media(photo, "preview"))
    assert refused.status_code == 403
    assert "your role may not download" in refused.content.decode()
    assert auditor_client.get(media(photo, "thumbnail")).status_code == 200
    html = page(auditor_client, photo)
    assert media(photo, "preview") not in html and media(photo, "thumbnail") in html
    # The page says nothing of a lease: the role is why.
    assert "Downloads are refused" not in html


def test_a_deny_lease_on_a_video_is_refused_as_a_video(seeded, journalist_client):
    video = Asset.objects.get(kind="video")
    MediaLease.objects.create(asset=video, access="deny", scope="use", note="subject withdrew")
    for url in (
        media(video, "original"),
        media(video, "preview"),
        reverse("archive:asset-download", args=[video.pk, "preview"]),
    ):
        refused = journalist_client.get(url)
        assert refused.status_code == 403, url
        assert refused.content.decode().startswith("This video may not be downloaded: "), url
    still = video.stills.first()
    refused = journalist_client.get(media(still, "original"))
    assert refused.content.decode().startswith("This picture may not be downloaded: ")
