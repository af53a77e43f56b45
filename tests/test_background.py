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


def found_by_search(text: str) -> set[int]:
    from archive.search.service import search_assets

    return {asset.pk for asset in search_assets(text, with_facets=False).assets}


@pytest.mark.queued_tasks
@pytest.mark.django_db(transaction=True)
def test_an_upload_is_searchable_once_processed_and_its_pages_work_meanwhile(
    archivist_client,
):
    from archive.models import AssetFacts, AssetSearchDocument

    asset = ingest_file(
        jpeg_bytes("lamp", size=(800, 600)),
        filename="lamp.jpg",
        fields={"title": "Lighthouse keeper at dawn"},
    ).asset
    assert not AssetSearchDocument.objects.filter(asset=asset).exists(), "not in the request"
    assert AssetFacts.objects.filter(asset=asset).exists(), "its facts row: one cheap row, now"
    assert found_by_search("lighthouse") == set()
    page = archivist_client.get(f"/assets/{asset.pk}/")
    assert page.status_code == 200 and b"Processing:" in page.content
    admin_page = archivist_client.get(f"/admin/archive/asset/{asset.pk}/change/")
    assert admin_page.status_code == 200
    listed = archivist_client.get(f"/admin/archive/asset/?q={asset.pk}")
    assert listed.status_code == 200 and f"/admin/archive/asset/{asset.pk}/change/" in (
        listed.content.decode()
    ), "the admin finds a pending asset by its number"

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    assert found_by_search("lighthouse") == {asset.pk}

    # An archivist's edit of one asset stays synchronous: found by its new words at once,
    # no worker needed (one row; the task is for the upload's heavy path).
    asset.refresh_from_db()
    asset.title = "Harbour master at dusk"
    asset.save()
    assert found_by_search("harbour master") == {asset.pk}
    assert found_by_search("lighthouse") == set()
    assert not DBTaskResult.objects.filter(status="READY").exists()


@pytest.mark.queued_tasks
@pytest.mark.django_db(transaction=True)
def test_a_failed_upload_is_searchable_for_archivists_to_find():
    data = jpeg_bytes("reef", size=(800, 600))
    asset = ingest_file(data, filename="reef.jpg", fields={"title": "Coral reef survey"}).asset
    with default_storage.open(asset.file.name, "wb") as handle:
        handle.write(data[:200])
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    asset.refresh_from_db()
    assert asset.processing_state == "failed"
    assert found_by_search("coral reef") == {asset.pk}


@pytest.mark.queued_tasks
@pytest.mark.django_db(transaction=True)
def test_content_credentials_are_read_by_the_task_not_the_request(monkeypatch):
    from tests.c2pa_signing import TRAINED_ALGORITHMIC_MEDIA, sign_jpeg

    signed = sign_jpeg(
        jpeg_bytes("signed", size=(800, 600)),
        actions=[{"action": "c2pa.created", "digitalSourceType": TRAINED_ALGORITHMIC_MEDIA}],
    )
    typed = sign_jpeg(
        jpeg_bytes("typed", size=(800, 600)),
        actions=[{"action": "c2pa.created", "digitalSourceType": TRAINED_ALGORITHMIC_MEDIA}],
    )

    def not_in_the_request(*args, **kwargs):
        raise AssertionError("Content Credentials read in the upload request")

    with monkeypatch.context() as patched:
        patched.setattr("archive.ingest.credentials.read_content_credentials", not_in_the_request)
        result = ingest_file(signed, filename="signed.jpg")
        edited = ingest_file(
            typed, filename="typed.jpg", fields={"digital_source_type": "digitalCapture"}
        ).asset
    assert result.status == CREATED
    asset = Asset.objects.get(pk=result.asset_id)
    assert (asset.c2pa_state, asset.digital_source_type) == ("", ""), "not checked yet"

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    asset.refresh_from_db()
    assert asset.processing_state == "ready"
    assert asset.c2pa_state == "untrusted" and asset.c2pa_summary["actions"]
    assert asset.digital_source_type == "trainedAlgorithmicMedia", "taken from the credentials"
    assert asset.made_with_ai
    edited.refresh_from_db()
    assert edited.c2pa_state == "untrusted"
    assert edited.digital_source_type == "digitalCapture", "what the archivist typed wins"

    before = (asset.c2pa_state, asset.metadata_warnings, asset.c2pa_summary)
    assert background.process(asset.pk) == "ready"
    asset.refresh_from_db()
    assert (asset.c2pa_state, asset.metadata_warnings, asset.c2pa_summary) == before


def near_identical_pair(name: str):
    """Upload two near-identical pictures in one go; their tasks queued, none run."""
    first = ingest_file(jpeg_bytes(name, size=(1000, 700)), filename=f"{name}.jpg").asset
    copy = jpeg_bytes(name, size=(1000, 700), quality=50)  # the same picture saved again
    second = ingest_file(copy, filename=f"{name}-copy.jpg").asset
    other = ingest_file(jpeg_bytes(f"{name}-other", size=(800, 600)), filename="other.jpg").asset
    return first, second, other


def look_alike_links() -> set[tuple[int, int]]:
    return set(
        Asset.objects.filter(near_duplicate_of__isnull=False).values_list("pk", "near_duplicate_of")
    )


@pytest.mark.queued_tasks
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("later_first", [True, False])
def test_a_pair_uploaded_together_is_found_whichever_task_runs_first(later_first):
    first, second, other = near_identical_pair("jetty")
    order = [second, other, first] if later_first else [first, other, second]
    for asset in order:
        assert background.process(asset.pk) == "ready"
    assert look_alike_links() == {(second.pk, first.pk)}
    for asset in order:  # running the tasks again changes nothing
        background.process(asset.pk)
    assert look_alike_links() == {(second.pk, first.pk)}


@pytest.mark.queued_tasks
@pytest.mark.django_db(transaction=True)
def test_two_tasks_that_see_each_other_record_the_pair_once():
    """Two workers at once: both write their pHash, then both look and find each other."""
    from archive.ingest.renditions import make_missing_renditions

    first, second, _ = near_identical_pair("slip")
    for asset in (first, second):
        make_missing_renditions(asset)
    assert background.link_look_alikes(second) == []
    assert background.link_look_alikes(first) == [], "pointed already by the other task"
    assert look_alike_links() == {(second.pk, first.pk)}
    first.refresh_from_db()
    assert first.near_duplicate_of_id is None


@pytest.mark.queued_tasks
def test_two_worker_processes_record_each_pair_once(tmp_path):
    """A batch of near-identical pairs, taken by two `db_worker` processes at once."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "ARCHIVE_MEDIA_ROOT": str(tmp_path / "media"),
        "ARCHIVE_TASKS_BACKEND": "database",
    }
    env.pop("DATABASE_REPLICA_URLS", None)
    batch = tmp_path / "batch"
    batch.mkdir()
    names = ["quay", "mast", "buoy", "crane"]
    for name in names:
        (batch / f"{name}-a.jpg").write_bytes(jpeg_bytes(name, size=(1000, 700)))
        (batch / f"{name}-b.jpg").write_bytes(jpeg_bytes(name, size=(1000, 700), quality=50))

    def manage(*args: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def finished(process: subprocess.Popen) -> str:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err[-3000:]
        return out

    finished(manage("migrate", "--noinput"))
    finished(manage("ingest", str(batch)))
    workers = [
        manage("db_worker", "--batch", "--no-startup-delay", "--interval", "0") for _ in "ab"
    ]
    for worker in workers:
        finished(worker)
    report = (
        "from archive.models import Asset; "
        "print(sorted(Asset.objects.values_list('processing_state', flat=True))); "
        "print(sorted((a.original_filename, a.near_duplicate_of.original_filename) "
        "for a in Asset.objects.filter(near_duplicate_of__isnull=False)))"
    )
    lines = finished(manage("shell", "-c", report)).strip().splitlines()[-2:]
    assert lines[0] == str(["ready"] * 8)
    links = eval(lines[1])  # noqa: S307  our own repr of a list of pairs of names
    assert len(links) == len(names), links
    for name in names:
        pair = [link for link in links if link[0].startswith(name)]
        assert len(pair) == 1 and {pair[0][0], pair[0][1]} == {f"{name}-a.jpg", f"{name}-b.jpg"}


def dead_worker_id() -> str:
    """The id a worker of this host had, whose process has ended since."""
    from archive.preservation.staging import this_host

    child = subprocess.Popen(["true"])
    child.wait()
    return f"{this_host()}-{child.pid}-0-w"


def left_running(asset: Asset, worker_id: str, *, started_at=None) -> None:
    """Make the asset's queued task look taken by ``worker_id`` and never finished."""
    DBTaskResult.objects.filter(args_kwargs__args=[asset.pk]).update(
        status="RUNNING", started_at=started_at or timezone.now(), worker_ids=[worker_id]
    )


@pytest.mark.queued_tasks
@pytest.mark.django_db(transaction=True)
def test_a_task_a_killed_worker_left_running_is_queued_again():
    asset = ingest_file(jpeg_bytes("killed", size=(800, 600)), filename="killed.jpg").asset
    left_running(asset, dead_worker_id())

    assert background.requeue_stranded() == 1
    lost = DBTaskResult.objects.get(status="FAILED")
    assert lost.exception_class_path.endswith("WorkerLost")
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    asset.refresh_from_db()
    assert asset.processing_state == "ready" and asset.thumbnail


@pytest.mark.queued_tasks
@pytest.mark.django_db(transaction=True)
def test_a_restarted_worker_takes_up_what_the_killed_one_was_doing():
    asset = ingest_file(jpeg_bytes("restart", size=(800, 600)), filename="restart.jpg").asset
    left_running(asset, dead_worker_id())

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    asset.refresh_from_db()
    assert asset.processing_state == "ready"


@pytest.mark.queued_tasks
@pytest.mark.django_db(transaction=True)
def test_a_task_of_a_live_or_distant_worker_is_left_running(settings):
    here = ingest_file(jpeg_bytes("here", size=(800, 600)), filename="here.jpg").asset
    away = ingest_file(jpeg_bytes("away", size=(800, 600)), filename="away.jpg").asset
    left_running(here, background.worker_name())  # this process: alive
    left_running(away, "otherhost-4242-99-w")

    assert background.requeue_stranded() == 0
    assert DBTaskResult.objects.filter(status="RUNNING").count() == 2

    # A worker elsewhere cannot be checked: its task is given up after the grace period.
    left_running(
        away,
        "otherhost-4242-99-w",
        started_at=timezone.now() - timedelta(hours=settings.ARCHIVE_STAGING_GRACE_HOURS + 1),
    )
    assert background.requeue_stranded() == 1
    assert DBTaskResult.objects.get(status="FAILED").args_kwargs["args"] == [away.pk]


def test_the_worker_is_named_by_its_host_and_process():
    name = background.worker_name()
    assert str(os.getpid()) in name.split("-")
    assert len(name) <= 64  # django-tasks-db's limit on worker ids
    assert not background.worker_gone(name, started_at=None)
