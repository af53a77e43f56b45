"""The archivists' admin: the upload page and its endpoint, filters, stills, credit merges."""

from __future__ import annotations

import io
import os
import zipfile
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from archive.admin.upload import ZipRefused, unpack_zip, unsafe_member_name
from archive.ingest import CREATED, ingest_file
from archive.models import Asset, Credit, CreditAlias, Licence, Placement
from archive.services import merge_credits
from tests.factories import jpeg_bytes, png_bytes
from tests.test_ingest import video_bytes

pytestmark = pytest.mark.django_db

UPLOAD_URL = "/admin/archive/asset/upload/"
ENDPOINT = "/admin/archive/asset/upload/file/"


def stored_files(root) -> list[str]:
    return sorted(
        os.path.relpath(os.path.join(folder, name), root)
        for folder, _, names in os.walk(root)
        for name in names
    )


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def form_data(response) -> dict:
    """Collect what the browser would post back from the admin's change form."""
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find("form", id=lambda value: value and value.endswith("_form"))
    data: dict[str, object] = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("disabled") is not None:
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            chosen = [option.get("value", "") for option in field.find_all("option", selected=True)]
            if field.get("multiple") is not None:
                data[name] = chosen
            elif chosen:
                data[name] = chosen[0]
        elif field.get("type") in ("checkbox", "radio"):
            if field.get("checked") is not None:
                data[name] = field.get("value", "on")
        elif field.get("type") not in ("submit", "button", "file"):
            data[name] = field.get("value", "")
    return data


# The smoke test the house style asks for.


def test_every_admin_changelist_and_add_page_opens_for_archivists(seeded, archivist_client):
    archive_models = [model for model in admin.site._registry if model._meta.app_label == "archive"]
    assert len(archive_models) >= 7
    for model in archive_models:
        info = (model._meta.app_label, model._meta.model_name)
        response = archivist_client.get(reverse("admin:{}_{}_changelist".format(*info)))
        assert response.status_code == 200, info
        response = archivist_client.get(reverse("admin:{}_{}_changelist".format(*info)) + "?q=a")
        assert response.status_code == 200, info
        add = archivist_client.get(reverse("admin:{}_{}_add".format(*info)))
        # Assets come in only through the upload page, which runs the ingest pipeline.
        assert add.status_code == (403 if model is Asset else 200), info
    assert archivist_client.get(UPLOAD_URL).status_code == 200
    for asset in Asset.objects.all():
        url = reverse("admin:archive_asset_change", args=[asset.pk])
        assert archivist_client.get(url).status_code == 200, asset
        history = reverse("admin:archive_asset_history", args=[asset.pk])
        assert archivist_client.get(history).status_code == 200, asset


def test_the_asset_list_shows_thumbnails_and_links_to_the_upload_page(seeded, archivist_client):
    response = archivist_client.get(reverse("admin:archive_asset_changelist"))
    html = response.content.decode()
    assert f'href="{UPLOAD_URL}"' in html and "Upload files" in html
    asset = Asset.objects.exclude(thumbnail="").first()
    assert reverse("archive:asset-media", args=[asset.pk, "thumbnail"]) in html


def test_the_upload_is_for_archivists_only(seeded, role_users, client):
    client.force_login(role_users["journalist"])
    assert client.get(UPLOAD_URL).status_code == 302  # not staff: the admin's login
    staff = get_user_model().objects.create_user("intern", password="x", is_staff=True)
    client.force_login(staff)
    assert client.get(UPLOAD_URL).status_code == 403
    response = client.post(ENDPOINT, {"file": upload("a.jpg", jpeg_bytes("intern"))})
    assert response.status_code == 403
    changelist = client.get(reverse("admin:archive_asset_changelist"))
    assert changelist.status_code == 403


# The one-file endpoint the page's script calls.


def test_one_file_is_archived_and_answered_as_json(archivist_client, media_storage):
    data = jpeg_bytes("endpoint", xmp_fields={"credit": "Reuters", "headline": "Harbour"})
    response = archivist_client.post(ENDPOINT, {"file": upload("harbour.jpg", data)})
    assert response.status_code == 200
    body = response.json()
    asset = Asset.objects.get()
    assert body == {
        "filename": "harbour.jpg",
        "status": "created",
        "asset_id": asset.pk,
        "reason": "",
        "warnings": [],
        "thumbnail_url": reverse("archive:asset-media", args=[asset.pk, "thumbnail"]),
        "admin_url": reverse("admin:archive_asset_change", args=[asset.pk]),
        "credit": "Reuters",
        "near_duplicate_of": None,
    }
    assert asset.title == "Harbour" and asset.created_by.username == "archivist"
    thumbnail = archivist_client.get(body["thumbnail_url"])
    assert thumbnail.status_code == 200


def test_the_same_bytes_again_are_a_duplicate_with_a_link(archivist_client):
    data = jpeg_bytes("twice")
    first = archivist_client.post(ENDPOINT, {"file": upload("a.jpg", data)}).json()
    second = archivist_client.post(ENDPOINT, {"file": upload("b.jpg", data)}).json()
    assert second["status"] == "duplicate"
    assert second["asset_id"] == first["asset_id"]
    assert second["admin_url"] == reverse("admin:archive_asset_change", args=[first["asset_id"]])
    assert Asset.objects.count() == 1


def test_a_refused_file_says_why_and_leaves_nothing(archivist_client, media_storage):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    body = archivist_client.post(ENDPOINT, {"file": upload("photo.jpg", svg)}).json()
    assert body["status"] == "rejected"
    assert body["reason"] == "this file is an SVG drawing, not a photo"
    assert body["asset_id"] is None and body["thumbnail_url"] == ""
    assert Asset.objects.count() == 0
    assert stored_files(media_storage) == []


def test_a_post_without_a_file_is_a_400(archivist_client):
    response = archivist_client.post(ENDPOINT, {})
    assert response.status_code == 400
    assert response.json()["status"] == "rejected"
    assert archivist_client.get(ENDPOINT).status_code == 405


def test_credit_and_kind_typed_once_apply_and_win(archivist_client):
    agency = Credit.objects.create(name="AFP", reviewed=True)
    data = jpeg_bytes("typed", xmp_fields={"credit": "Someone Else"})
    body = archivist_client.post(
        ENDPOINT, {"file": upload("map.jpg", data), "credit": agency.pk, "kind": "graphic"}
    ).json()
    asset = Asset.objects.get(pk=body["asset_id"])
    assert (asset.credit, asset.kind, body["credit"]) == (agency, "graphic", "AFP")
    assert not Credit.objects.filter(name="Someone Else").exists()


def test_the_credit_field_autocompletes(archivist_client):
    Credit.objects.create(name="GETTY", reviewed=True)
    page = archivist_client.get(UPLOAD_URL).content.decode()
    assert "admin-autocomplete" in page and 'data-field-name="credit"' in page
    response = archivist_client.get(
        reverse("admin:autocomplete"),
        {"term": "get", "app_label": "archive", "model_name": "asset", "field_name": "credit"},
    )
    assert [item["text"] for item in response.json()["results"]] == ["GETTY"]


# ZIP archives.


def test_a_zip_is_unpacked_and_each_member_answered(archivist_client, media_storage):
    data = zip_bytes(
        {
            "shoot/one.jpg": jpeg_bytes("zip-1"),
            "shoot/two.png": png_bytes("zip-2"),
            "notes.txt": b"just some words about the shoot",
            "inner.zip": zip_bytes({"x.jpg": jpeg_bytes("zip-x")}),
            "../escape.jpg": jpeg_bytes("zip-escape"),
            "__MACOSX/._one.jpg": b"mac resource fork",
        }
    )
    response = archivist_client.post(ENDPOINT, {"file": upload("shoot.zip", data)})
    body = response.json()
    fates = {item["filename"]: (item["status"], item["reason"]) for item in body}
    assert fates == {
        "shoot.zip/shoot/one.jpg": ("created", ""),
        "shoot.zip/shoot/two.png": ("created", ""),
        "shoot.zip/notes.txt": ("rejected", "this file is plain text, not a picture or a video"),
        "shoot.zip/inner.zip": ("rejected", "a ZIP inside a ZIP is not unpacked"),
        "shoot.zip/../escape.jpg": ("rejected", "its path leaves the archive; not unpacked"),
    }
    assert Asset.objects.count() == 2
    assert sorted(Asset.objects.values_list("original_filename", flat=True)) == [
        "one.jpg",
        "two.png",
    ]


def test_a_nested_zip_is_refused_by_content_not_name(archivist_client):
    data = zip_bytes({"renamed.jpg": zip_bytes({"x.jpg": jpeg_bytes("nested")})})
    body = archivist_client.post(ENDPOINT, {"file": upload("a.zip", data)}).json()
    assert [item["reason"] for item in body] == ["a ZIP inside a ZIP is not unpacked"]
    assert Asset.objects.count() == 0


def test_zip_limits_are_settings(archivist_client, settings):
    settings.ARCHIVE_ZIP_MAX_MEMBERS = 2
    data = zip_bytes({f"{index}.jpg": jpeg_bytes(index) for index in range(3)})
    body = archivist_client.post(ENDPOINT, {"file": upload("many.zip", data)}).json()
    assert body == [
        {
            "filename": "many.zip",
            "status": "rejected",
            "asset_id": None,
            "reason": "the ZIP archive holds 3 files; the limit is 2",
            "warnings": [],
            "thumbnail_url": "",
            "admin_url": "",
            "credit": "",
            "near_duplicate_of": None,
        }
    ]
    assert Asset.objects.count() == 0


@pytest.mark.parametrize(
    "name", ["/etc/passwd", "../x.jpg", "a/../../x.jpg", "C:\\x.jpg", "a\\..\\..\\x.jpg", ""]
)
def test_member_names_that_leave_the_archive_are_unsafe(name):
    assert unsafe_member_name(name)


def test_ordinary_member_names_are_safe():
    assert not unsafe_member_name("shoot/2024/one..two.jpg")


def test_a_zip_bomb_is_stopped_by_bytes_actually_inflated():
    data = zip_bytes({"a.jpg": b"\0" * 5_000_000, "b.jpg": b"\0" * 5_000_000})
    assert len(data) < 50_000
    with pytest.raises(ZipRefused, match="unpacks to 10 MB"):
        list(
            unpack_zip(
                io.BytesIO(data),
                max_members=10,
                max_total_bytes=6_000_000,
                max_member_bytes=8_000_000,
            )
        )


def test_a_member_that_lies_about_its_size_is_not_read_past_the_limit():
    buffer = io.BytesIO(zip_bytes({"big.jpg": b"\0" * 3_000_000}))
    members = list(
        unpack_zip(buffer, max_members=10, max_total_bytes=10_000_000, max_member_bytes=1_000_000)
    )
    assert [(member.name, member.data, member.refusal) for member in members] == [
        ("big.jpg", None, "it is larger than the upload limit; not unpacked")
    ]


def test_a_damaged_zip_is_refused():
    with pytest.raises(ZipRefused, match="damaged"):
        list(
            unpack_zip(
                io.BytesIO(b"PK\x03\x04" + b"\0" * 100),
                max_members=10,
                max_total_bytes=10**6,
                max_member_bytes=10**6,
            )
        )


# The page without JavaScript: one post, a result page.


def test_without_javascript_many_files_post_at_once_and_a_result_page_lists_them(
    archivist_client,
):
    existing = ingest_file(jpeg_bytes("known"), filename="known.jpg")
    files = [
        upload("new.jpg", jpeg_bytes("new", xmp_fields={"credit": "Express"})),
        upload("known-again.jpg", jpeg_bytes("known")),
        upload("page.html", b"<!doctype html><html><body>hi</body></html>"),
    ]
    response = archivist_client.post(UPLOAD_URL, {"files": files})
    assert response.status_code == 200
    html = response.content.decode()
    assert "3 files: 1 created, 1 duplicate, 1 refused" in html
    created = Asset.objects.get(original_filename="new.jpg")
    assert f'created <a href="/admin/archive/asset/{created.pk}/change/">#{created.pk}</a>' in html
    assert f'duplicate of <a href="/admin/archive/asset/{existing.asset_id}/change/">' in html
    assert "refused: this file is a web page (HTML), not a picture or a video" in html
    assert "Express" in html
    assert reverse("archive:asset-media", args=[created.pk, "thumbnail"]) in html


def test_a_failure_in_the_middle_keeps_earlier_files_and_nothing_of_the_failed_one(
    archivist_client, media_storage, monkeypatch
):
    original_save = Asset.save
    calls = {"count": 0}

    def save_failing_on_the_second_file(self, *args, **kwargs):
        calls["count"] += 1
        if calls["count"] == 2:
            raise RuntimeError("the database went away")
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(Asset, "save", save_failing_on_the_second_file)
    files = [
        upload("first.jpg", jpeg_bytes("bulk-1", xmp_fields={"credit": "Kept Agency"})),
        upload("second.jpg", jpeg_bytes("bulk-2", xmp_fields={"credit": "Doomed Agency"})),
        upload("third.jpg", jpeg_bytes("bulk-3")),
    ]
    response = archivist_client.post(UPLOAD_URL, {"files": files})
    monkeypatch.undo()
    assert response.status_code == 200
    assert "refused: the server failed while storing this file" in response.content.decode()
    kept = sorted(Asset.objects.values_list("original_filename", flat=True))
    assert kept == ["first.jpg", "third.jpg"]
    # Nothing of the failed file: no row, no credit it created, no stored file.
    assert not Credit.objects.filter(name="Doomed Agency").exists()
    assert Credit.objects.filter(name="Kept Agency").exists()
    expected = sorted(
        name
        for asset in Asset.objects.all()
        for name in (asset.file.name, asset.thumbnail, asset.preview)
        if name  # a picture's preview is made on first view
    )
    assert stored_files(media_storage) == expected


# Filters, search, metadata and history in the asset admin.


def test_assets_filter_by_licence_status(archivist_client):
    today = timezone.localdate()
    unlicensed = ingest_file(jpeg_bytes("no-licence"), filename="none.jpg").asset
    expired = ingest_file(jpeg_bytes("expired"), filename="expired.jpg").asset
    valid = ingest_file(jpeg_bytes("valid"), filename="valid.jpg").asset
    Licence.objects.create(asset=expired, expires_on=today - timedelta(days=1))
    Licence.objects.create(asset=valid, expires_on=today + timedelta(days=400))
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


# Merging credits.


def test_merging_credits_moves_assets_and_placements_and_keeps_names_as_aliases(seeded):
    target = Credit.objects.create(name="GETTY IMAGES GROUP", reviewed=True)
    sources = list(Credit.objects.exclude(pk=target.pk).filter(assets__isnull=False).distinct()[:2])
    moved_assets = set(Asset.objects.filter(credit__in=sources))
    moved_placements = set(Placement.objects.filter(credit__in=sources))
    names = [credit.name for credit in sources]
    assert moved_assets
    assert merge_credits(sources, target) == 2
    assert set(Asset.objects.filter(credit=target)) == moved_assets
    assert set(Placement.objects.filter(credit=target)) >= moved_placements
    assert not Credit.objects.filter(name__in=names).exists()
    for name in names:
        assert Credit.objects.matching(name).get() == target
    asset = next(iter(moved_assets))
    assert asset.history.first().credit_id == target.pk  # the move is in the history


def test_a_merge_is_all_or_nothing(seeded, monkeypatch):
    target = Credit.objects.create(name="Target", reviewed=True)
    sources = list(Credit.objects.exclude(pk=target.pk).filter(assets__isnull=False).distinct())
    before = {asset.pk: asset.credit_id for asset in Asset.objects.all()}

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(CreditAlias.objects, "filter", fail)
    with pytest.raises(RuntimeError):
        merge_credits(sources, target)
    monkeypatch.undo()
    assert {asset.pk: asset.credit_id for asset in Asset.objects.all()} == before
    assert Credit.objects.filter(pk__in=[credit.pk for credit in sources]).count() == len(sources)


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
