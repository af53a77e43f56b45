"""The admin's bulk upload (archive/admin/upload.py): the page, its one-file endpoint, ZIPs."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from archive.admin.upload import ZipRefused, unpack_zip, unsafe_member_name
from archive.ingest import ingest_file
from archive.models import Asset, Credit
from tests.factories import jpeg_bytes, png_bytes
from tests.helpers import stored_files

pytestmark = pytest.mark.django_db

UPLOAD_URL = "/admin/archive/asset/upload/"
ENDPOINT = "/admin/archive/asset/upload/file/"


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


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
        "thumbnail_url": reverse("archive:asset-media", args=[asset.pk, "thumbnail"])
        + f"?v={asset.sha256[:16]}",
        "admin_url": reverse("admin:archive_asset_change", args=[asset.pk]),
        "credit": "Reuters",
        "near_duplicate_of": None,
        "processing": "ready",  # the task ran at once (tests/conftest.py)
        "processing_error": "",
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
            "processing": "",
            "processing_error": "",
        }
    ]
    assert Asset.objects.count() == 0


def zip_of_empty_entries(names) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name in names:
            archive.writestr(name, b"")
    return buffer.getvalue()


def test_a_zip_listing_too_many_entries_is_refused_before_zipfile_reads_them(monkeypatch):
    # zipfile makes an object per entry before anything can count them: a 200 MB upload may
    # list 4 million empty entries. Folders count too, though they are not members.
    data = zip_of_empty_entries(f"folder-{index}/" for index in range(2_000))

    def not_opened(*args, **kwargs):
        raise AssertionError("zipfile read the whole table of contents")

    monkeypatch.setattr(zipfile, "ZipFile", not_opened)
    with pytest.raises(ZipRefused) as refused:
        list(
            unpack_zip(
                io.BytesIO(data), max_members=10, max_total_bytes=10**6, max_member_bytes=10**6
            )
        )
    assert refused.value.reason == (
        "the ZIP archive lists more than 100 entries (files, folders and system files); "
        "the limit is 10 files"
    )


def test_a_zip64_listing_too_many_entries_is_refused_unread(monkeypatch):
    # Over 65 535 entries a ZIP's end record is the ZIP64 one, which places the list elsewhere.
    data = zip_of_empty_entries(format(index, "x") for index in range(70_000))
    assert zipfile.ZipFile(io.BytesIO(data)).infolist()[-1].filename == format(69_999, "x")
    monkeypatch.setattr(zipfile, "ZipFile", None)
    with pytest.raises(ZipRefused, match="lists more than 2000 entries"):
        list(
            unpack_zip(
                io.BytesIO(data), max_members=500, max_total_bytes=10**6, max_member_bytes=10**6
            )
        )


def test_a_zip_of_many_entries_is_refused_through_the_upload_keeping_nothing(
    archivist_client, settings, media_storage
):
    settings.ARCHIVE_ZIP_MAX_MEMBERS = 30
    names = [f"{index}.jpg" for index in range(200)]
    body = archivist_client.post(
        ENDPOINT, {"file": upload("many.zip", zip_of_empty_entries(names))}
    ).json()
    assert [(item["status"], item["reason"]) for item in body] == [
        (
            "rejected",
            "the ZIP archive lists more than 120 entries (files, folders and system files); "
            "the limit is 30 files",
        )
    ]
    assert Asset.objects.count() == 0
    assert stored_files(media_storage) == []


def test_folders_and_a_macs_twins_within_the_entry_limit_still_unpack(
    archivist_client, media_storage
):
    members = {"shoot/": b"", "__MACOSX/": b"", "__MACOSX/shoot/": b""}
    for index in range(3):
        members[f"shoot/{index}.jpg"] = jpeg_bytes(f"twin-{index}")
        members[f"__MACOSX/shoot/._{index}.jpg"] = b"resource fork"
    response = archivist_client.post(ENDPOINT, {"file": upload("mac.zip", zip_bytes(members))})
    assert [item["status"] for item in response.json()] == ["created"] * 3


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


def test_a_zip_whose_end_records_zipfile_rejects_is_refused_as_damaged_not_a_500():
    # A ZIP64 locator that says the archive spans 2 disks: zipfile raises BadZipFile while
    # finding the end records, before any entry is counted; that is a damaged archive.
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("a.jpg", b"x")
    data = plain.getvalue()
    end = data.rindex(b"PK\x05\x06")
    spanning = data[:end] + struct.pack("<4sLQL", b"PK\x06\x07", 0, 0, 2) + data[end:]
    with pytest.raises(ZipRefused, match="damaged"):
        list(
            unpack_zip(
                io.BytesIO(spanning),
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


def test_an_empty_file_among_many_is_refused_alone_by_name(archivist_client, media_storage):
    """A 0-byte file in a batch is one file's fate, not a form error that drops the batch."""
    files = [
        upload("first.jpg", jpeg_bytes("first")),
        upload("nothing.jpg", b""),
        upload("last.png", png_bytes("last")),
    ]
    response = archivist_client.post(UPLOAD_URL, {"files": files})
    html = response.content.decode()
    assert "3 files: 2 created, 0 duplicate, 1 refused" in html
    assert "nothing.jpg" in html and "refused: the file is empty" in html
    assert sorted(Asset.objects.values_list("original_filename", flat=True)) == [
        "first.jpg",
        "last.png",
    ]

    body = archivist_client.post(ENDPOINT, {"file": upload("again.jpg", b"")}).json()
    assert body["filename"] == "again.jpg" and body["reason"] == "the file is empty"
    originals = [name for name in stored_files(media_storage) if name.startswith("originals/")]
    assert Asset.objects.count() == 2 and len(originals) == 2


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
        if name
    )
    assert stored_files(media_storage) == expected
