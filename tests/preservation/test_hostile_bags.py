"""Hostile bags: every crafted bag is refused with its reason and leaves no row and no file.

Each bag is a real export of a small archive, tampered with afterwards: its records.json or
files changed and its manifests regenerated (so only our own checks stand in the way), or
left stale (so the manifest lies).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import bagit
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import CommandError

from archive.ingest import ingest_file
from archive.models import Asset, AssetSearchDocument, Credit
from archive.preservation.bag import exported_models
from archive.preservation.bag import restore as bag_module
from tests.factories import jpeg_bytes
from tests.preservation.test_bag import snapshot, wipe

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported(seeded, role_users, tmp_path, media_storage) -> dict:
    """Export the seeded archive (one picture made by the archivist) and empty the archive."""
    ingest_file(jpeg_bytes("hostile"), filename="h.jpg", user=role_users["archivist"])
    before = snapshot()
    bag_dir = tmp_path / "bag"
    call_command("export_bag", str(bag_dir))
    wipe(media_storage)
    return {"bag": bag_dir, "before": before}


@pytest.fixture
def bag_dir(exported) -> Path:
    return exported["bag"]


def records_of(bag_dir: Path) -> list[dict]:
    return json.loads((bag_dir / "data" / "records.json").read_text("utf-8"))


def tamper(bag_dir: Path, change: Callable[[list[dict]], list[dict] | None]) -> None:
    """Change the bag's records and regenerate its manifests, as a careful attacker would."""
    records = records_of(bag_dir)
    records = change(records) or records
    (bag_dir / "data" / "records.json").write_text(json.dumps(records), "utf-8")
    bagit.Bag(str(bag_dir)).save(manifests=True)


def first(records: list[dict], model: str, **fields) -> dict:
    return next(
        r
        for r in records
        if r["model"] == model and all(r["fields"].get(k) == v for k, v in fields.items())
    )


def refused(bag_dir: Path, match: str, *args: str) -> None:
    with pytest.raises(CommandError, match=match):
        call_command("import_bag", str(bag_dir), *args, stdout=StringIO())


def assert_nothing_left(media_storage: Path) -> None:
    for model in exported_models():
        assert not model._default_manager.exists(), model._meta.label
    assert not [p for p in media_storage.rglob("*") if p.is_file()]


def assert_accounts_untouched() -> None:
    User = get_user_model()
    assert not User.objects.filter(is_superuser=True).exists()
    assert not User.objects.filter(username="mallory").exists()
    assert not Group.objects.filter(name="pwned").exists()
    assert (
        not Group.objects.filter(permissions__isnull=False)
        .exclude(name__in=["archivist", "journalist", "auditor"])
        .exists()
    )


SUPERUSER = {
    "username": "mallory",
    "password": "pbkdf2_sha256$870000$salt$chosen-by-the-bag",
    "is_superuser": True,
    "is_staff": True,
    "is_active": True,
}


@pytest.mark.parametrize("label", ["auth.User", "AUTH.user", "auth.user", "Auth.USER"])
def test_a_bag_cannot_create_a_superuser(bag_dir, media_storage, label):
    tamper(bag_dir, lambda r: [{"model": label, "pk": 990, "fields": SUPERUSER}, *r])
    refused(bag_dir, "may not set: is_active, is_staff, is_superuser, password")
    assert_nothing_left(media_storage)
    assert_accounts_untouched()


def test_a_bag_cannot_make_an_existing_account_superuser(bag_dir, media_storage, role_users):
    archivist = role_users["archivist"]

    def change(records):
        person = first(records, "auth.user", username="archivist")
        person["fields"].update(is_superuser=True, is_staff=True)

    tamper(bag_dir, change)
    refused(bag_dir, "may not set: is_staff, is_superuser")
    archivist.refresh_from_db()
    assert not archivist.is_superuser
    assert_nothing_left(media_storage)


def test_a_repeated_account_row_is_refused(bag_dir, media_storage, role_users):
    archivist = role_users["archivist"]
    row = {"model": "auth.user", "pk": archivist.pk, "fields": {"username": "archivist"}}
    tamper(bag_dir, lambda records: [*records, row])
    refused(bag_dir, "appears twice")
    assert_nothing_left(media_storage)


@pytest.mark.parametrize(
    "label, fields",
    [
        ("auth.group", {"name": "pwned", "permissions": "ALL"}),
        ("AUTH.Group", {"name": "pwned"}),
        ("auth.permission", {"name": "x", "codename": "x", "content_type": 1}),
        ("axes.accessattempt", {"username": "archivist", "failures_since_start": 0}),
        ("axes.AccessAttempt", {"username": "archivist"}),
        ("sessions.session", {"session_data": "x", "expire_date": "2099-01-01T00:00:00Z"}),
        ("admin.logentry", {"action_flag": 1, "user": 1}),
        ("contenttypes.contenttype", {"app_label": "archive", "model": "x"}),
        ("archive.assetsearchdocument", {"asset": 1, "text": "planted"}),
        ("archive.assetfacts", {"asset": 1}),
        ("archive.Nonsense", {}),
        ("archive.asset.extra", {}),
    ],
)
def test_only_the_archives_own_models_are_loaded(bag_dir, media_storage, label, fields):
    if fields.get("permissions") == "ALL":
        fields = {**fields, "permissions": list(Permission.objects.values_list("pk", flat=True))}
    tamper(bag_dir, lambda r: [*r, {"model": label, "pk": 77, "fields": fields}])
    refused(bag_dir, "may not carry")
    assert_nothing_left(media_storage)
    assert_accounts_untouched()


def test_a_field_off_the_allow_list_is_refused(bag_dir, media_storage):
    def change(records):
        first(records, "archive.credit")["fields"]["is_superuser"] = True

    tamper(bag_dir, change)
    refused(bag_dir, "may not set: is_superuser")
    assert_nothing_left(media_storage)


def test_duplicate_ids_are_refused(bag_dir, media_storage):
    def change(records):
        asset = first(records, "archive.asset", kind="photo")
        twin = json.loads(json.dumps(asset))
        twin["fields"]["sha256"] = "0" * 64
        return [*records, twin]

    tamper(bag_dir, change)
    refused(bag_dir, "appears twice")
    assert_nothing_left(media_storage)


def test_ids_that_exist_here_are_refused_even_when_merging(seeded, tmp_path, media_storage):
    bag_dir = tmp_path / "bag"
    call_command("export_bag", str(bag_dir))
    files_before = sorted(p for p in media_storage.rglob("*") if p.is_file())
    refused(bag_dir, "not empty.*--merge")
    refused(bag_dir, "already exist here", "--merge")
    assert sorted(p for p in media_storage.rglob("*") if p.is_file()) == files_before


def test_merge_adds_new_records_and_overwrites_nothing(exported, media_storage):
    local = Credit.objects.create(name="LOCAL DESK", reviewed=True, notes="mine")
    out = StringIO()
    call_command("import_bag", str(exported["bag"]), "--merge", stdout=out)
    local.refresh_from_db()
    assert (local.name, local.notes) == ("LOCAL DESK", "mine")
    assert Asset.objects.count() == len(exported["before"]["records"]["archive.Asset"])


@pytest.mark.parametrize(
    "path, reason",
    [
        ("../../secret.txt", r"climbs out"),
        ("originals/../../secret.txt", r"climbs out"),
        ("/etc/passwd", r"absolute"),
        ("C:/Windows/win.ini", r"absolute"),
        ("originals\\..\\..\\x.jpg", r"backslash"),
        ("originals/not-in-the-bag.jpg", r"does not hold"),
    ],
)
def test_unsafe_or_absent_paths_are_refused(bag_dir, media_storage, tmp_path, path, reason):
    (tmp_path / "secret.txt").write_text("secret")

    def change(records):
        first(records, "archive.asset", kind="photo")["fields"]["file"] = path

    tamper(bag_dir, change)
    refused(bag_dir, reason)
    assert_nothing_left(media_storage)
    assert (
        not (media_storage.parent / "secret.txt").exists()
        or (media_storage.parent / "secret.txt").read_text() == "secret"
    )


def test_an_unsafe_path_in_history_is_refused_too(bag_dir, media_storage):
    # Reverting to that version in the admin would bring the path back.
    def change(records):
        first(records, "archive.historicalasset")["fields"]["file"] = "/etc/passwd"

    tamper(bag_dir, change)
    refused(bag_dir, "absolute")
    assert_nothing_left(media_storage)


def test_a_licence_document_outside_the_bag_is_refused(bag_dir, media_storage):
    def change(records):
        first(records, "archive.licence")["fields"]["document"] = "../../../etc/shadow"

    tamper(bag_dir, change)
    refused(bag_dir, "climbs out")
    assert_nothing_left(media_storage)


def test_a_symlink_in_the_bag_is_refused(bag_dir, media_storage, tmp_path):
    # The link points at a copy of the real file, so every hash in the manifest still holds.
    original = next((bag_dir / "data" / "files" / "originals").rglob("*.jpeg"))
    outside = tmp_path / "outside.jpeg"
    shutil.copy(original, outside)
    original.unlink()
    original.symlink_to(outside)
    refused(bag_dir, "symbolic link")
    assert_nothing_left(media_storage)


def test_a_symlinked_folder_is_refused(bag_dir, media_storage, tmp_path):
    (bag_dir / "data" / "files" / "etc").symlink_to("/etc")
    refused(bag_dir, "symbolic link")
    assert_nothing_left(media_storage)


def test_a_pipe_in_the_bag_is_refused(bag_dir, media_storage):
    os.mkfifo(bag_dir / "data" / "files" / "pipe")
    refused(bag_dir, "not a plain file")
    assert_nothing_left(media_storage)


def test_a_lying_manifest_is_refused(bag_dir, media_storage):
    records = records_of(bag_dir)
    first(records, "archive.credit")["fields"]["notes"] = "changed after the manifest"
    (bag_dir / "data" / "records.json").write_text(json.dumps(records), "utf-8")
    refused(bag_dir, "not a valid bag")
    assert_nothing_left(media_storage)


def test_a_record_whose_file_has_another_hash_is_refused(bag_dir, media_storage):
    def change(records):
        first(records, "archive.asset", kind="photo")["fields"]["sha256"] = "0" * 64

    tamper(bag_dir, change)
    refused(bag_dir, "does not have the SHA-256")
    assert_nothing_left(media_storage)


def test_files_no_record_names_are_reported_not_copied(bag_dir, media_storage):
    planted = bag_dir / "data" / "files" / "planted" / "payload.html"
    planted.parent.mkdir()
    planted.write_text("<script>alert(1)</script>")
    bagit.Bag(str(bag_dir)).save(manifests=True)
    out = StringIO()
    call_command("import_bag", str(bag_dir), stdout=out)
    assert not (media_storage / "planted").exists()
    assert "named by no record, not copied: planted/payload.html" in out.getvalue()


def test_records_in_the_wrong_order_restore_exactly(exported, media_storage):
    tamper(exported["bag"], lambda records: list(reversed(records)))
    call_command("import_bag", str(exported["bag"]), stdout=StringIO())
    after = snapshot()
    assert after["files"] == exported["before"]["files"]
    for label, rows in exported["before"]["records"].items():
        assert after["records"][label] == rows, label


@pytest.mark.parametrize(
    "model, field, value",
    [
        ("archive.placement", "article", 99999),
        ("archive.placement", "claims", [99999]),
        ("archive.asset", "credit", 99999),
        ("archive.illustration", "claim", "1; DROP TABLE archive_asset"),
        ("archive.licence", "asset", 99999),
    ],
)
def test_a_foreign_key_to_nothing_is_refused(bag_dir, media_storage, model, field, value):
    def change(records):
        rows = [r for r in records if r["model"] == model]
        if not rows:
            pytest.skip(f"the seed has no {model}")
        rows[0]["fields"][field] = value

    tamper(bag_dir, change)
    refused(bag_dir, "neither in the bag nor in this archive")
    assert_nothing_left(media_storage)


def test_each_record_is_validated(bag_dir, media_storage):
    def change(records):
        first(records, "archive.article")["fields"]["url"] = "javascript:alert(document.cookie)"

    tamper(bag_dir, change)
    refused(bag_dir, r"archive.Article #\d+ is not valid: url")
    assert_nothing_left(media_storage)


@pytest.mark.parametrize(
    "field, value",
    [("created_at", [1, 2]), ("width", {"x": 1}), ("pk", 2**70), ("duration", "long")],
)
def test_values_of_the_wrong_type_are_refused(bag_dir, media_storage, field, value):
    def change(records):
        asset = first(records, "archive.asset", kind="photo")
        if field == "pk":  # past the database's integer range
            asset["pk"] = value
        else:
            asset["fields"][field] = value

    tamper(bag_dir, change)
    refused(
        bag_dir,
        r"archive.Asset #\d+: (created_at|width|duration)|\(archive.Asset\) has no valid id",
    )
    assert_nothing_left(media_storage)


def test_records_pointing_at_each_other_in_a_circle_are_refused(bag_dir, media_storage):
    def change(records):
        a, b = [r for r in records if r["model"] == "archive.asset"][:2]
        a["fields"]["near_duplicate_of"], b["fields"]["near_duplicate_of"] = b["pk"], a["pk"]

    tamper(bag_dir, change)
    refused(bag_dir, "circle")
    assert_nothing_left(media_storage)


def test_an_oversized_records_file_is_refused_before_it_is_read(
    bag_dir, media_storage, monkeypatch
):
    monkeypatch.setattr(bag_module, "MAX_RECORDS_BYTES", 1000)
    refused(bag_dir, "more than the 1,000 a restore reads")
    assert_nothing_left(media_storage)


@pytest.mark.parametrize("content", ["{}", "[1, 2]", "[" * 100000, "not json"])
def test_malformed_records_are_refused(bag_dir, media_storage, content):
    (bag_dir / "data" / "records.json").write_text(content, "utf-8")
    bagit.Bag(str(bag_dir)).save(manifests=True)
    refused(bag_dir, "records|record 1")
    assert_nothing_left(media_storage)


def test_a_refusal_while_copying_removes_every_copied_file(bag_dir, media_storage):
    # Storage already holds a different file under the last name to copy: the files copied
    # before it must go, and the file that was there must stay.
    names = sorted(
        p.relative_to(bag_dir / "data" / "files").as_posix()
        for p in (bag_dir / "data" / "files").rglob("*")
        if p.is_file()
    )
    squatter = media_storage / names[-1]
    squatter.parent.mkdir(parents=True, exist_ok=True)
    squatter.write_bytes(b"someone else's file")
    refused(bag_dir, "already holds a different file")
    for model in exported_models():
        assert not model._default_manager.exists(), model._meta.label
    assert [p for p in media_storage.rglob("*") if p.is_file()] == [squatter]
    assert squatter.read_bytes() == b"someone else's file"


def test_people_are_matched_by_user_name_or_left_empty(exported, role_users, media_storage):
    archivist = role_users["archivist"]
    archivist.username = "renamed"
    archivist.save()
    out = StringIO()
    call_command("import_bag", str(exported["bag"]), stdout=out)
    assert not Asset.objects.filter(created_by__isnull=False).exists()
    assert "people with no account here, left empty on their records: archivist" in (out.getvalue())
    assert get_user_model().objects.count() == 3  # no account was created


def test_a_restore_rebuilds_search_and_runs_fixity(exported, media_storage):
    out = StringIO()
    call_command("import_bag", str(exported["bag"]), stdout=out)
    text = out.getvalue()
    assets = Asset.objects.count()
    assert AssetSearchDocument.objects.count() == assets > 0
    assert f"{assets} search document(s)" in text
    assert f"fixity over the restored files: {assets} checked, {assets} ok" in text
    assert "made or verified by people matched to accounts here: archivist" in text
