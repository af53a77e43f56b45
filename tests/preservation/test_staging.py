"""Crash-safe writes: what a killed command leaves is swept or finished, never doubled.

Each test builds, in storage and database, exactly what a command killed at one instant
leaves (a staging folder of a process that is gone, with or without its committed journal
rows), then checks what the next run does. tests/preservation/test_crash.py kills real
commands.
"""

from __future__ import annotations

import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from archive.ingest import CREATED, DUPLICATE, ingest_file
from archive.ingest.renditions import storage_names
from archive.models import Asset, BagRestore, StagedFile
from archive.preservation import staging
from archive.preservation.staging import Staging, move, recover
from tests.factories import jpeg_bytes

pytestmark = pytest.mark.django_db


def files_in(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def dead_operation(host: str | None = None) -> str:
    """Return an operation name whose process has exited."""
    child = subprocess.Popen(["true"])
    child.wait()
    return f"staging/{host or staging.this_host()}-{child.pid}-1-0123456789ab"


def stage(root: Path, operation: str, name: str, data: bytes) -> None:
    path = root / operation / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def test_an_ingest_leaves_no_staging_and_no_journal(media_storage):
    result = ingest_file(jpeg_bytes("clean"), filename="clean.jpg")
    assert result.status == CREATED
    asset = result.asset
    assert files_in(media_storage) == sorted([asset.file.name, asset.thumbnail, asset.preview])
    assert not StagedFile.objects.exists()


def test_a_refused_row_leaves_no_file(media_storage, monkeypatch):
    def refuse(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(Asset, "save", refuse)
    with pytest.raises(RuntimeError):
        ingest_file(jpeg_bytes("refused"), filename="refused.jpg")
    assert files_in(media_storage) == []


def test_staged_files_of_a_dead_uncommitted_write_are_swept(media_storage):
    operation = dead_operation()
    stage(media_storage, operation, "originals/ab/" + "ab" * 32 + ".jpeg", b"half a pict")
    result = recover()
    assert (result.swept, result.published) == (1, 0)
    assert files_in(media_storage) == []
    assert not (media_storage / operation).exists()


def test_a_committed_write_of_a_dead_process_is_published(media_storage):
    data = jpeg_bytes("committed")
    asset = ingest_file(data, filename="c.jpg").asset
    # As if killed right after the commit: the files still staged, the journal still there.
    operation = dead_operation()
    for name in (asset.file.name, asset.thumbnail):
        stage(media_storage, operation, name, (media_storage / name).read_bytes())
        (media_storage / name).unlink()
        StagedFile.objects.create(operation=operation, name=name)

    result = recover()
    assert (result.published, result.swept, result.lost) == (2, 0, [])
    assert files_in(media_storage) == sorted([asset.file.name, asset.thumbnail, asset.preview])
    assert (media_storage / asset.file.name).read_bytes() == data
    assert not StagedFile.objects.exists()


def test_a_publication_moved_before_the_kill_is_not_lost(media_storage):
    asset = ingest_file(jpeg_bytes("moved"), filename="m.jpg").asset
    operation = dead_operation()
    StagedFile.objects.create(operation=operation, name=asset.file.name)  # moved, row left
    result = recover()
    assert (result.published, result.lost) == (1, [])
    assert not StagedFile.objects.exists()


def test_a_live_writer_is_left_alone(media_storage):
    mine = Staging()
    mine.put("originals/cd/" + "cd" * 32 + ".jpeg", b"being written")
    other_host = dead_operation(host="elsewhere")
    stage(media_storage, other_host, "originals/ef/x.jpeg", b"another machine")
    result = recover()
    assert (result.swept, result.waiting) == (0, 2)
    assert len(files_in(media_storage)) == 2


def test_another_hosts_staging_is_swept_after_the_grace_period(media_storage, settings):
    stage(media_storage, dead_operation(host="elsewhere"), "originals/ef/x.jpeg", b"old")
    settings.ARCHIVE_STAGING_GRACE_HOURS = 0
    assert recover().swept == 1
    assert files_in(media_storage) == []


def test_publishing_replaces_a_partial_file_instead_of_a_suffixed_copy(media_storage):
    data = jpeg_bytes("partial")
    import hashlib

    original, _, _ = storage_names(hashlib.sha256(data).hexdigest(), "jpeg")
    partial = media_storage / original
    partial.parent.mkdir(parents=True)
    partial.write_bytes(data[:100])  # what the old pipeline left when killed mid-write

    asset = ingest_file(data, filename="p.jpg").asset
    assert asset.file.name == original
    assert partial.read_bytes() == data
    assert files_in(media_storage) == sorted([original, asset.thumbnail, asset.preview])


def test_a_second_run_after_a_kill_stores_no_second_copy(media_storage):
    data = jpeg_bytes("twice")
    staged = Staging()
    import hashlib

    names = storage_names(hashlib.sha256(data).hexdigest(), "jpeg")
    staged.put(names[0], data)  # killed while staging: no row
    staged.operation, old = dead_operation(), staged.operation
    (media_storage / old).rename(media_storage / staged.operation)

    out = StringIO()
    folder = media_storage.parent / "in"
    folder.mkdir()
    (folder / "twice.jpg").write_bytes(data)
    call_command("ingest", str(folder), stdout=out, stderr=StringIO())
    asset = Asset.objects.get()
    assert files_in(media_storage) == sorted([asset.file.name, asset.thumbnail, asset.preview])
    assert ingest_file(data, filename="again.jpg").status == DUPLICATE


def test_move_is_repeatable(media_storage):
    stage(media_storage, "staging/x", "a/b.txt", b"content")
    move("staging/x/a/b.txt", "a/b.txt")
    move("staging/x/a/b.txt", "a/b.txt")  # a replay after the move: nothing to do
    assert (media_storage / "a/b.txt").read_bytes() == b"content"
    with pytest.raises(staging.PublishError):
        move("staging/x/a/c.txt", "a/c.txt")


def test_import_bag_killed_after_its_commit_is_finished_by_the_next_run(
    seeded, tmp_path, media_storage
):
    from tests.preservation.test_bag import snapshot, wipe

    before = snapshot()
    bag = tmp_path / "bag"
    call_command("export_bag", str(bag), stdout=StringIO())
    wipe(media_storage)
    call_command("import_bag", str(bag), stdout=StringIO())
    # As if killed after the commit: every file back in staging, the journal rows there.
    operation = dead_operation()
    for name in before["files"]:
        stage(media_storage, operation, name, (media_storage / name).read_bytes())
        (media_storage / name).unlink()
        StagedFile.objects.create(operation=operation, name=name)

    out = StringIO()
    call_command("import_bag", str(bag), stdout=out)
    text = out.getvalue()
    assert f"recovery: {len(before['files'])} file(s) of interrupted writes published" in text
    assert "this bag was restored here on" in text
    assert snapshot() == before
    assert BagRestore.objects.count() == 1
    assert not StagedFile.objects.exists()
    assert not (media_storage / "staging").exists() or not files_in(media_storage / "staging")


def test_a_bag_restored_then_emptied_out_is_restored_again(seeded, tmp_path, media_storage):
    from tests.preservation.test_bag import snapshot, wipe

    before = snapshot()
    bag = tmp_path / "bag"
    call_command("export_bag", str(bag), stdout=StringIO())
    wipe(media_storage)
    call_command("import_bag", str(bag), stdout=StringIO())
    wipe(media_storage)
    out = StringIO()
    call_command("import_bag", str(bag), stdout=out)
    assert "restored from" in out.getvalue()
    assert snapshot() == before
    assert BagRestore.objects.count() == 1


def test_a_zombie_process_counts_as_gone(media_storage):
    child = subprocess.Popen(["sleep", "30"])
    operation = f"staging/{staging.this_host()}-{child.pid}-{staging.process_start(child.pid)}-ab"
    assert not staging.owner_dead(operation)
    child.kill()
    import time

    for _ in range(200):  # killed, not yet reaped: a zombie
        if Path(f"/proc/{child.pid}/stat").read_text().rpartition(")")[2].split()[0] == "Z":
            break
        time.sleep(0.01)
    assert staging.owner_dead(operation)
    child.wait()
