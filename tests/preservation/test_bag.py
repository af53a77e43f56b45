"""Export the archive as a BagIt bag and restore it: nothing may differ."""

from __future__ import annotations

import hashlib

import bagit
import pytest
from django.core import serializers
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError

from archive.ingest import ingest_file
from archive.models import Asset, Claim, Illustration
from archive.preservation.bag import exported_models
from archive.preservation.bag.export import stored_names
from tests.factories import jpeg_bytes, png_bytes

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    records = {
        model._meta.label: serializers.serialize("python", model._default_manager.order_by("pk"))
        for model in exported_models()
    }
    files = {}
    for name in stored_names():
        with default_storage.open(name, "rb") as handle:
            files[name] = hashlib.sha256(handle.read()).hexdigest()
    return {"records": records, "files": files}


def wipe(media_storage) -> None:
    from archive.models import Article, Credit

    Article.objects.all().delete()  # placements and claims go with their articles
    Asset.objects.filter(video__isnull=False).delete()  # stills before their videos
    Asset.objects.all().delete()
    Credit.objects.all().delete()
    for model in reversed(exported_models()):
        model._default_manager.all().delete()
    for path in sorted(media_storage.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


def test_round_trip_restores_everything(seeded, role_users, tmp_path, media_storage):
    archivist = role_users["archivist"]
    extra = ingest_file(
        jpeg_bytes("bag", xmp_fields={"credit": "Reuters", "description": "Kyïv at night"}),
        filename="k.jpg",
        user=archivist,
    )
    ingest_file(png_bytes("bag2"), filename="p.png")
    Illustration.objects.create(asset=extra.asset, claim=Claim.objects.first(), note="added")
    asset = Asset.objects.get(kind="social")
    asset.description = "Edited caption"
    asset.save()
    call_command("fixity", "--json", stdout=open(tmp_path / "fixity.json", "w"))
    before = snapshot()
    assert before["records"]["archive.HistoricalAsset"], "history is part of the bag"

    bag_dir = tmp_path / "bag"
    call_command("export_bag", str(bag_dir))
    assert bagit.Bag(str(bag_dir)).is_valid()

    wipe(media_storage)
    assert Asset.objects.count() == 0 and not list(media_storage.rglob("*.jpg"))

    call_command("import_bag", str(bag_dir))
    after = snapshot()
    assert after["files"] == before["files"]
    for label, rows in before["records"].items():
        assert after["records"][label] == rows, label
    restored = Asset.objects.get(pk=extra.asset.pk)
    assert restored.created_by == archivist


def test_import_refuses_a_non_empty_archive(seeded, tmp_path):
    bag_dir = tmp_path / "bag"
    call_command("export_bag", str(bag_dir))
    with pytest.raises(CommandError, match="not empty"):
        call_command("import_bag", str(bag_dir))


def test_import_refuses_a_tampered_bag(seeded, tmp_path, media_storage):
    bag_dir = tmp_path / "bag"
    call_command("export_bag", str(bag_dir))
    victim = next((bag_dir / "data" / "files" / "originals").rglob("*.jpeg"))
    victim.write_bytes(victim.read_bytes()[:-1] + b"\x00")
    wipe(media_storage)
    with pytest.raises(CommandError, match="not a valid bag"):
        call_command("import_bag", str(bag_dir))
    assert Asset.objects.count() == 0


def test_export_refuses_a_used_folder(seeded, tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "x").write_text("x")
    with pytest.raises(CommandError, match="not empty"):
        call_command("export_bag", str(tmp_path / "used"))


def test_an_upload_during_the_export_leaves_a_bag_that_restores(
    seeded, tmp_path, media_storage, monkeypatch
):
    """The newsroom goes on uploading while the archive is exported."""
    from archive.preservation.bag import export

    real_copy = export.shutil.copyfileobj
    arrived = []

    def copy_while_an_upload_arrives(*args, **kwargs):
        if not arrived:
            arrived.append(ingest_file(jpeg_bytes("during export"), filename="late.jpg").asset)
        return real_copy(*args, **kwargs)

    monkeypatch.setattr(export.shutil, "copyfileobj", copy_while_an_upload_arrives)
    before = snapshot()
    bag_dir = tmp_path / "bag"
    call_command("export_bag", str(bag_dir))
    assert arrived, "an upload arrived while the files were copied"

    wipe(media_storage)
    call_command("import_bag", str(bag_dir))
    after = snapshot()
    assert after["files"] == before["files"]
    assert after["records"] == before["records"]


@pytest.mark.django_db(transaction=True)
def test_the_export_reads_in_one_transaction_on_either_engine():
    """Outside any caller's transaction the snapshot opens its own: a deferred read on SQLite
    (no write lock held), a read-only repeatable read on PostgreSQL."""
    from django.db import connection

    from archive.preservation.bag.export import one_snapshot

    assert not connection.in_atomic_block
    with one_snapshot():
        Asset.objects.count()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SHOW transaction_isolation")
                assert cursor.fetchone()[0] == "repeatable read"
                cursor.execute("SHOW transaction_read_only")
                assert cursor.fetchone()[0] == "on"
        else:
            assert connection.connection.in_transaction
    if connection.vendor == "sqlite":
        assert not connection.connection.in_transaction
