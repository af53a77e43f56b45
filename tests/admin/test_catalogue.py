"""The catalogue's ModelAdmins (archive/admin/: credits, assets, licences, articles, filters):
lists, filters, the change form, stills cut from a video, the credit merge action, query counts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from archive.ingest import CREATED, ingest_file
from archive.models import Asset, Credit, CreditAlias, Licence, Placement
from tests.factories import AssetFactory, LicenceFactory, jpeg_bytes, video_bytes
from tests.helpers import form_data, stored_files

pytestmark = pytest.mark.django_db

UPLOAD_URL = "/admin/archive/asset/upload/"


def test_the_asset_list_shows_thumbnails_and_links_to_the_upload_page(seeded, archivist_client):
    response = archivist_client.get(reverse("admin:archive_asset_changelist"))
    html = response.content.decode()
    assert f'href="{UPLOAD_URL}"' in html and "Upload files" in html
    asset = Asset.objects.exclude(thumbnail="").first()
    assert reverse("archive:asset-media", args=[asset.pk, "thumbnail"]) in html


# Filters, search, metadata and history in the asset admin.


def test_assets_filter_by_licence_status(archivist_client):
    today = timezone.localdate()
    unlicensed, expired, valid = AssetFactory.create_batch(3)
    LicenceFactory(asset=expired, expires_on=today - timedelta(days=1))
    LicenceFactory(asset=valid, expires_on=today + timedelta(days=400))
    url = reverse("admin:archive_asset_changelist")
    for status, expected in (("none", unlicensed), ("expired", expired), ("valid", valid)):
        response = archivist_client.get(url, {"licence_status": status})
        shown = list(response.context["cl"].result_list)
        assert shown == [expected], status


def test_assets_filter_by_kind_credit_and_article_and_search(seeded, archivist_client):
    url = reverse("admin:archive_asset_changelist")
    videos = archivist_client.get(url, {"kind__exact": "video"}).context["cl"].result_list
    assert {asset.kind for asset in videos} == {"video"}
    credit = Asset.objects.exclude(credit=None).first().credit
    by_credit = archivist_client.get(url, {"credit__id__exact": credit.pk}).context["cl"]
    assert set(by_credit.result_list) == set(Asset.objects.filter(credit=credit))
    placement = Placement.objects.exclude(asset=None).first()
    by_article = archivist_client.get(url, {"article": placement.article_id})
    assert placement.asset in by_article.context["cl"].result_list
    alias = CreditAlias.objects.filter(credit=credit).first()
    found = archivist_client.get(url, {"q": alias.alias}).context["cl"].result_list
    assert set(Asset.objects.filter(credit=credit)) <= set(found)


def test_the_change_form_shows_the_thumbnail_and_pretty_metadata(archivist_client):
    data = jpeg_bytes("pretty", xmp_fields={"credit": "Pretty Pics", "description": "Café <b>"})
    asset = ingest_file(data, filename="pretty.jpg").asset
    html = archivist_client.get(reverse("admin:archive_asset_change", args=[asset.pk])).content
    html = html.decode()
    assert reverse("archive:asset-media", args=[asset.pk, "thumbnail"]) in html
    assert '<pre class="embedded-metadata">' in html
    assert "Café &lt;b&gt;" in html and "<b>" not in html.split("embedded-metadata")[1][:2000]
    assert 'name="embedded_metadata"' not in html


# Video stills cut from the change page.


@pytest.fixture
def video(db):
    result = ingest_file(video_bytes(seconds=2.0), filename="clip.mp4", credit="Sky News")
    assert result.status == CREATED
    return result.asset


def test_a_timecode_typed_on_a_video_cuts_a_still_on_the_server(video, archivist_client):
    url = reverse("admin:archive_asset_change", args=[video.pk])
    page = archivist_client.get(url)
    data = form_data(page)
    prefix = "stills"
    assert f"{prefix}-TOTAL_FORMS" in data
    data[f"{prefix}-0-timecode"] = "1.5"
    data[f"{prefix}-0-title"] = "The moment"
    response = archivist_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    still = Asset.objects.get(video=video)
    assert (still.kind, still.timecode, still.title) == ("still", 1.5, "The moment")
    assert still.credit == video.credit  # inherited
    assert still.thumbnail and still.sha256
    page = archivist_client.get(url).content.decode()
    assert reverse("admin:archive_asset_change", args=[still.pk]) in page


def test_a_still_takes_the_credit_typed_for_it(video, archivist_client):
    own = Credit.objects.create(name="Pool", reviewed=True)
    url = reverse("admin:archive_asset_change", args=[video.pk])
    data = form_data(archivist_client.get(url))
    data["stills-0-timecode"] = "0.5"
    data["stills-0-credit"] = str(own.pk)
    assert archivist_client.post(url, data).status_code == 302
    assert Asset.objects.get(video=video).credit == own


def test_a_timecode_beyond_the_video_is_a_form_error(video, archivist_client, media_storage):
    before = stored_files(media_storage)
    url = reverse("admin:archive_asset_change", args=[video.pk])
    data = form_data(archivist_client.get(url))
    data["stills-0-timecode"] = "9"
    response = archivist_client.post(url, data)
    assert response.status_code == 200
    assert "The video is only 2.00 s long." in response.content.decode()
    assert not Asset.objects.filter(video=video).exists()
    assert stored_files(media_storage) == before


def test_pictures_have_no_stills_inline(archivist_client):
    asset = ingest_file(jpeg_bytes("no-stills"), filename="p.jpg").asset
    page = archivist_client.get(reverse("admin:archive_asset_change", args=[asset.pk]))
    assert "stills-TOTAL_FORMS" not in page.content.decode()


# The merge action (the merge itself is tested in tests/test_services.py).


def test_the_merge_action_asks_for_the_target_then_merges(archivist_client):
    target = Credit.objects.create(name="GETTY", reviewed=True)
    stray = Credit.objects.create(name="Getty Imgs", reviewed=False)
    asset = ingest_file(jpeg_bytes("merge"), filename="m.jpg", credit=stray).asset
    url = reverse("admin:archive_credit_changelist")
    chosen = {"action": "merge_selected_credits", "_selected_action": [target.pk, stray.pk]}
    page = archivist_client.post(url, chosen)
    assert page.status_code == 200 and "Merge into" in page.content.decode()
    response = archivist_client.post(url, {**chosen, "apply": "1", "target": target.pk})
    assert response.status_code == 302
    asset.refresh_from_db()
    assert asset.credit == target
    assert not Credit.objects.filter(pk=stray.pk).exists()
    assert Credit.objects.matching("getty imgs").get() == target


def test_the_asset_list_costs_the_same_queries_however_many_rows(
    archivist_client, django_assert_max_num_queries
):
    url = reverse("admin:archive_asset_changelist")
    for seed in range(3):
        ingest_file(jpeg_bytes(f"n1-{seed}"), filename=f"{seed}.jpg", credit=f"Agency {seed}")
    with CaptureQueriesContext(connection) as few:
        archivist_client.get(url)
    for seed in range(3, 15):
        ingest_file(jpeg_bytes(f"n1-{seed}"), filename=f"{seed}.jpg", credit=f"Agency {seed}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = archivist_client.get(url)
    assert len(response.context["cl"].result_list) == 15


def test_archivists_choose_who_verified_a_licence_without_the_user_admin(seeded, role_users):
    from django.test import Client

    client = Client()
    client.force_login(role_users["archivist"])
    licence = Licence.objects.first()
    html = client.get(reverse("admin:archive_licence_change", args=[licence.pk])).content.decode()
    start = html.index('name="verified_by"')
    field = html[html.rindex("<select", 0, start) : html.index("</select>", start)]
    assert "data-ajax--url" not in field  # no autocomplete calling the user admin
    assert role_users["archivist"].username in field
    assert role_users["journalist"].username not in field  # only staff verify
