"""The asset page: a player for videos, a copy button for the credit line, one name everywhere."""

from __future__ import annotations

import pytest
from django.urls import reverse

from archive.models import Asset
from archive.text import display_name
from archive.web.media import media_url

pytestmark = pytest.mark.django_db


def test_display_name_prefers_title_then_file_name_then_kind():
    assert display_name("Shoigu at a briefing", "shoigu.jpg", "Photo") == "Shoigu at a briefing"
    assert display_name("", "kyiv_street.jpg", "Photo") == "kyiv_street.jpg"
    assert display_name("  ", "", "Photo") == "Photo"


def test_video_page_plays_the_video_through_the_media_view(seeded, journalist_client):
    video = Asset.objects.get(kind="video")
    html = journalist_client.get(reverse("archive:asset-detail", args=[video.pk])).content.decode()
    source = media_url(video, "original") + "&amp;inline=1"
    assert '<video controls preload="metadata"' in html
    assert f'src="{source}"' in html
    assert "poster=" in html


def test_auditor_sees_the_thumbnail_not_the_player(seeded, auditor_client):
    video = Asset.objects.get(kind="video")
    html = auditor_client.get(reverse("archive:asset-detail", args=[video.pk])).content.decode()
    assert "<video" not in html
    assert reverse("archive:asset-media", args=[video.pk, "thumbnail"]) in html
    assert reverse("archive:asset-media", args=[video.pk, "preview"]) not in html


def test_photo_page_has_no_player_and_a_copy_button(seeded, journalist_client):
    photo = Asset.objects.filter(kind="photo").exclude(credit=None).first()
    html = journalist_client.get(reverse("archive:asset-detail", args=[photo.pk])).content.decode()
    assert "<video" not in html
    assert '<code class="copy" id="credit-line">' in html
    assert '<button type="button" class="copy-button" data-copy="credit-line">Copy</button>' in html
    # The button's script is our own static file: no inline code under the CSP.
    assert "archive/copy.js" in html
    assert "onclick" not in html


def test_search_results_offer_a_copy_button(seeded, journalist_client):
    html = journalist_client.get(reverse("archive:search"), {"q": "shoigu"}).content.decode()
    assert 'class="copy-button"' in html


def test_an_untitled_asset_has_one_name_everywhere(seeded, admin_client, auditor_client):
    asset = Asset.objects.filter(kind="photo").first()
    Asset.objects.filter(pk=asset.pk).update(title="", original_filename="kyiv_street.jpg")
    asset.refresh_from_db()
    asset.save()  # a change through the model, so history records it with its name
    name = f"#{asset.pk} kyiv_street.jpg"
    assert str(asset) == name

    admin_list = admin_client.get(reverse("admin:archive_asset_changelist")).content.decode()
    assert "kyiv_street.jpg" in admin_list
    history = admin_client.get(
        reverse("admin:archive_asset_history", args=[asset.pk])
    ).content.decode()
    assert name in history
    page = admin_client.get(reverse("archive:asset-detail", args=[asset.pk])).content.decode()
    assert f"<h1>{name}</h1>" in page
    report = auditor_client.get(reverse("archive:licence-report")).content.decode()
    assert f"#{asset.pk}</a> kyiv_street.jpg" in report
    search_all = admin_client.get(reverse("archive:search")).content.decode()
    assert f">{name}</a></h3>" in search_all
