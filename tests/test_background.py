"""Background work after an upload (archive/background.py): idempotent, retried, recorded.

Most tests here run tasks at once (tests/conftest.py); those marked ``queued_tasks`` queue
them in the database at commit and run them with the real worker (`manage.py db_worker`),
in this process and in a separate one, as `make run` and the systemd unit do.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from archive import background
from archive.ingest import CREATED, ingest_file
from archive.models import Asset
from tests.factories import jpeg_bytes

PROJECT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.django_db


def stored_state(asset_id: int) -> tuple[str, str, str, str, int | None]:
    asset = Asset.objects.get(pk=asset_id)
    return (
        asset.processing_state,
        asset.thumbnail,
        asset.preview,
        asset.phash,
        asset.near_duplicate_of_id,
    )


def test_an_upload_is_processed_and_running_it_again_changes_nothing():
    first = ingest_file(jpeg_bytes("harbour", size=(1200, 800)), filename="harbour.jpg")
    copy = ingest_file(jpeg_bytes("harbour", size=(600, 400)), filename="smaller.jpg")
    assert first.status == copy.status == CREATED
    before = stored_state(copy.asset_id)
    assert before[0] == "ready" and before[1] and before[2] and len(before[3]) == 16
    assert before[4] == first.asset_id, "the look-alike is named by the task"
    written = {name: default_storage.get_modified_time(name) for name in (before[1], before[2])}
    assert background.process(copy.asset_id) == "ready"
    assert stored_state(copy.asset_id) == before
    assert {name: default_storage.get_modified_time(name) for name in written} == written
    assert background.process(first.asset_id) == "ready"
    assert stored_state(first.asset_id)[4] is None, "an earlier asset never points at a later one"


def test_a_deleted_asset_is_nothing_to_do():
    assert background.process(987654) == "gone"


def test_a_damaged_original_fails_at_once_with_its_reason_and_is_retried_after_repair():
    data = jpeg_bytes("pier", size=(800, 600))
    asset = ingest_file(data, filename="pier.jpg").asset
    for name in (asset.thumbnail, asset.preview):
        default_storage.delete(name)
    with default_storage.open(asset.file.name, "wb") as handle:
        handle.write(data[: len(data) // 3])  # truncated on disk since it was archived
    assert background.retry_processing([asset.pk]) == 1
    asset.refresh_from_db()
    assert asset.processing_state == "failed"
    assert "damaged or truncated" in asset.processing_error
    assert asset.processing_attempts == 1, "a picture that cannot be decoded is tried once"

    default_storage.delete(asset.file.name)
    default_storage.save(asset.file.name, ContentFile(data))
    assert background.retry_processing([asset.pk]) == 1
    asset.refresh_from_db()
    assert (asset.processing_state, asset.processing_error) == ("ready", "")
    assert default_storage.exists(asset.thumbnail) and default_storage.exists(asset.preview)


def test_a_lost_original_fails_with_a_reason():
    asset = ingest_file(jpeg_bytes("gone", size=(400, 300)), filename="gone.jpg").asset
    default_storage.delete(asset.file.name)
    default_storage.delete(asset.thumbnail)
    background.retry_processing([asset.pk])
    asset.refresh_from_db()
    assert asset.processing_state == "failed"
    assert "missing from storage" in asset.processing_error


def test_a_page_asks_only_for_ready_assets():
    asset = ingest_file(jpeg_bytes("asked", size=(400, 300)), filename="asked.jpg").asset
    Asset.objects.filter(pk=asset.pk).update(processing_state="failed", processing_error="x")
    assert not background.request_processing(asset.pk), "a failed one waits for a retry"
    Asset.objects.filter(pk=asset.pk).update(processing_state="pending")
    assert not background.request_processing(asset.pk), "a pending one is queued already"


@pytest.mark.queued_tasks
@pytest.mark.django_db(transaction=True)
def test_an_unexpected_failure_is_retried_later_then_recorded(monkeypatch, settings):
    settings.ARCHIVE_TASK_ATTEMPTS = 2
    asset = ingest_file(jpeg_bytes("storm", size=(400, 300)), filename="storm.jpg").asset
    assert DBTaskResult.objects.filter(status="READY").count() == 1, "queued at the commit"

    def storage_away(asset):
        raise OSError("storage unreachable")

    monkeypatch.setattr("archive.ingest.renditions.make_missing_renditions", storage_away)
    with pytest.raises(OSError):
        background.process(asset.pk)
    asset.refresh_from_db()
    assert asset.processing_state == "pending"
    assert "attempt 1 failed (OSError: storage unreachable)" in asset.processing_error
    queued = list(DBTaskResult.objects.filter(status="READY").order_by("enqueued_at"))
    assert len(queued) == 2 and queued[1].args_kwargs["args"] == [asset.pk], "queued again"
    assert timezone.now() < queued[1].run_after < timezone.now() + timedelta(minutes=5)

    with pytest.raises(OSError):
        background.process(asset.pk)
    asset.refresh_from_db()
    assert asset.processing_state == "failed" and asset.processing_attempts == 2
    assert asset.processing_error == "OSError: storage unreachable"


@pytest.mark.queued_tasks
@pytest.mark.django_db(transaction=True)
def test_the_worker_command_takes_the_queue_to_ready():
    first = ingest_file(jpeg_bytes("dock", size=(1200, 800)), filename="dock.jpg").asset
    copy = ingest_file(jpeg_bytes("dock", size=(600, 400)), filename="dock-small.jpg").asset
    assert stored_state(copy.pk) == ("pending", "", "", "", None), "nothing made in the request"
    assert DBTaskResult.objects.filter(status="READY").count() == 2

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")

    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    state, thumbnail, preview, phash, look_alike = stored_state(copy.pk)
    assert state == "ready" and look_alike == first.pk and len(phash) == 16
    assert default_storage.exists(thumbnail) and default_storage.exists(preview)


@pytest.mark.queued_tasks
@pytest.mark.django_db(transaction=True)
def test_a_failed_task_is_recorded_by_the_worker_with_its_reason():
    data = jpeg_bytes("cliff", size=(800, 600))
    asset = ingest_file(data, filename="cliff.jpg").asset
    with default_storage.open(asset.file.name, "wb") as handle:
        handle.write(data[:200])
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    result = DBTaskResult.objects.get()
    assert result.status == "FAILED"
    assert result.exception_class_path.endswith("IngestRefused")
    asset.refresh_from_db()
    assert asset.processing_state == "failed" and asset.processing_error


@pytest.mark.queued_tasks
def test_a_worker_in_its_own_process_processes_an_upload(tmp_path):
    """`manage.py ingest` queues, a separate `manage.py db_worker` makes the renditions."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "ARCHIVE_MEDIA_ROOT": str(tmp_path / "media"),
        "ARCHIVE_TASKS_BACKEND": "database",
    }
    env.pop("DATABASE_REPLICA_URLS", None)
    picture = tmp_path / "quay.jpg"
    picture.write_bytes(jpeg_bytes("quay", size=(1000, 700)))

    def manage(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""

    state = (
        "from archive.models import Asset; a = Asset.objects.get(); "
        "print(a.processing_state, bool(a.thumbnail), bool(a.preview))"
    )
    manage("migrate", "--noinput")
    manage("ingest", str(picture))
    assert manage("shell", "-c", state).split() == ["pending", "False", "False"]
    manage("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    assert manage("shell", "-c", state).split() == ["ready", "True", "True"]
    assert list((tmp_path / "media" / "renditions").rglob("*-thumb.jpg"))


@pytest.mark.queued_tasks
@pytest.mark.django_db(transaction=True)
def test_a_pending_asset_with_nothing_queued_is_queued_again_once():
    """A process killed between an upload's commit and its enqueue leaves the asset pending
    with no task; the commands that finish a killed run's work queue it again, once."""
    stranded = ingest_file(jpeg_bytes("pier", size=(800, 600)), filename="pier.jpg").asset
    waiting = ingest_file(jpeg_bytes("mole", size=(800, 600)), filename="mole.jpg").asset
    DBTaskResult.objects.filter(args_kwargs__args=[stranded.pk]).delete()
    assert background.requeue_stranded() == 1
    assert background.requeue_stranded() == 0, "queued already: not twice"
    queued = sorted(DBTaskResult.objects.values_list("args_kwargs", flat=True), key=str)
    assert [call["args"] for call in queued] == [[stranded.pk], [waiting.pk]]

    DBTaskResult.objects.filter(args_kwargs__args=[stranded.pk]).delete()
    call_command("fixity")
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    assert set(Asset.objects.values_list("processing_state", flat=True)) == {"ready"}
