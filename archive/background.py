"""Background work after an upload: renditions, pHash, look-alikes, Content Credentials, the
search document.

The upload request validates the file, hashes it, reads its IPTC/XMP/EXIF, stores the original
and saves the row with ``processing_state`` "pending"; when its transaction commits it enqueues
:func:`process_asset` through Django's tasks API (the ``django_tasks`` backport;
``django.tasks`` from Django 6 on). A worker (``manage.py db_worker``; ``make run`` starts one)
makes the thumbnail, the preview and the pHash from the stored original, links the asset with
its look-alikes, reads and validates its Content Credentials (C2PA), writes its search document
(and facts row) and marks it "ready"; a failure marks it "failed" with its reason, after
``ARCHIVE_TASK_ATTEMPTS`` tries when the cause may pass (storage or database away).

Running the task again does no harm: renditions are named by the original's hash and kept when
stored, the pHash, look-alike and credentials are kept once set. Pages never make renditions: a
missing one is asked for here (:func:`request_processing`) and a placeholder shown meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import router, transaction
from django.utils import timezone
from django_tasks import task

from archive.ingest.validation import IngestRefused
from archive.models import Asset
from archive.preservation.staging import grace, owner, owner_dead, this_host

logger = logging.getLogger("archive.background")

PENDING, READY, FAILED = (
    Asset.Processing.PENDING,
    Asset.Processing.READY,
    Asset.Processing.FAILED,
)


def on_commit(callback) -> None:
    """Run ``callback`` once the current transaction commits (at once outside one).

    The test suite replaces this (tests/conftest.py) so that work enqueued inside a test's
    never-committed transaction still runs.
    """
    transaction.on_commit(callback)


def enqueue_processing(asset_ids: Iterable[int]) -> None:
    """Queue the processing of each asset once the current transaction commits."""
    for asset_id in asset_ids:
        on_commit(partial(process_asset.enqueue, asset_id))


def request_processing(asset_id: int) -> bool:
    """Ask for a ready asset's missing renditions (from a page); True if newly queued.

    Only a "ready" asset is queued: a pending one is queued already, and a failed one waits
    for an archivist's retry rather than failing again on every view.
    """
    marked = Asset.objects.filter(pk=asset_id, processing_state=READY).update(
        processing_state=PENDING, processing_error="", processing_attempts=0
    )
    if marked:
        enqueue_processing([asset_id])
    return bool(marked)


def retry_processing(asset_ids: Iterable[int]) -> int:
    """Queue the assets' processing again, whatever their state; return how many."""
    ids = list(asset_ids)
    count = Asset.objects.filter(pk__in=ids).update(
        processing_state=PENDING, processing_error="", processing_attempts=0
    )
    enqueue_processing(Asset.objects.filter(pk__in=ids).values_list("pk", flat=True))
    return count


@task()
def process_asset(asset_id: int) -> str:
    """The task a worker runs for one uploaded asset (see :func:`process`)."""
    return process(asset_id)


def process(asset_id: int) -> str:
    """Make what an asset lacks, name its look-alike, mark it ready; return its state.

    Raises on failure (after recording it on the asset), so the task's result records the
    error and its traceback too.
    """
    from archive.derived import refresh_assets
    from archive.ingest.renditions import make_missing_renditions

    # The primary: a replica may not have the row the upload has just committed.
    assets = Asset.objects.using(router.db_for_write(Asset))
    asset = assets.filter(pk=asset_id).first()
    if asset is None:
        return "gone"  # deleted since it was queued: nothing to do
    attempt = asset.processing_attempts + 1
    assets.filter(pk=asset_id).update(processing_attempts=attempt)
    try:
        make_missing_renditions(asset)
        linked = link_look_alikes(asset)
        read_credentials(asset)
    except IngestRefused as refusal:
        # The stored original cannot be decoded: trying again would fail the same way.
        record_failure(asset_id, refusal.reason)
        raise
    except Exception as error:
        reason = f"{type(error).__name__}: {error}"
        if attempt < settings.ARCHIVE_TASK_ATTEMPTS and process_asset.get_backend().supports_defer:
            assets.filter(pk=asset_id).update(
                processing_state=PENDING,
                processing_error=f"attempt {attempt} failed ({reason}); trying again",
            )
            delay = timedelta(seconds=settings.ARCHIVE_TASK_RETRY_SECONDS * attempt)
            on_commit(
                partial(process_asset.using(run_after=timezone.now() + delay).enqueue, asset_id)
            )
        else:
            record_failure(asset_id, reason)
        raise
    assets.filter(pk=asset_id).update(
        processing_state=READY, processing_error="", processing_attempts=0
    )
    # The search document is written here, not in the upload request (archive/derived.py):
    # the asset is found by search once processed. The look-alikes linked to it change too.
    refresh_assets([asset_id, *linked])
    logger.info("processed asset #%s", asset_id)
    return READY


def record_failure(asset_id: int, reason: str) -> None:
    """Mark the asset failed with its reason; it is searchable all the same (archivists look
    failed uploads up to retry or delete them)."""
    from archive.derived import refresh_assets

    logger.warning("processing asset #%s failed: %s", asset_id, reason)
    Asset.objects.using(router.db_for_write(Asset)).filter(pk=asset_id).update(
        processing_state=FAILED, processing_error=reason[:2000]
    )
    refresh_assets([asset_id])


def name_look_alike(asset: Asset) -> bool:
    """Point the asset at its closest earlier look-alike (not its own video), once; return
    whether it was pointed now."""
    from archive.ingest.pipeline import look_alikes

    if asset.near_duplicate_of_id is not None or not asset.phash:
        return False
    found = [
        other
        for _, other in look_alikes(
            asset.phash, max_distance=settings.ARCHIVE_NEAR_DUPLICATE_DISTANCE
        )
        if other.pk < asset.pk and other.pk != asset.video_id
    ]
    if not found:
        return False
    # Only while still unset: the task of the earlier asset may be pointing it at the same
    # one at this moment (link_look_alikes), and an archivist's choice is never overwritten.
    pointed = Asset.objects.filter(pk=asset.pk, near_duplicate_of__isnull=True).update(
        near_duplicate_of=found[0]
    )
    if pointed:
        asset.near_duplicate_of = found[0]
    return bool(pointed)


def link_look_alikes(asset: Asset) -> list[int]:
    """Link the asset with its look-alikes, whichever of them was processed first; return the
    later assets pointed at it now.

    The asset points at its closest earlier look-alike. Later uploads processed before it (two
    near-identical pictures in one batch, tasks taken in any order or at once by two workers)
    could not see it, as it had no pHash yet: each later look-alike still pointing at nothing
    is pointed now, at its own closest earlier one, which may be this asset. Each task writes
    its pHash before it looks, so of two tasks running at once at least one sees the other's;
    both may, and then both write the same link (a conditional update: no error, no second
    link).
    """
    from archive.ingest.pipeline import look_alikes

    name_look_alike(asset)
    if not asset.phash:
        return []
    later = [
        other.pk
        for _, other in look_alikes(
            asset.phash, max_distance=settings.ARCHIVE_NEAR_DUPLICATE_DISTANCE
        )
        if other.pk > asset.pk
    ]
    waiting = Asset.objects.filter(pk__in=later, near_duplicate_of__isnull=True).only(
        "id", "phash", "video_id", "near_duplicate_of_id"
    )
    return [other.pk for other in waiting.order_by("pk") if name_look_alike(other)]


def read_credentials(asset: Asset) -> None:
    """Read and validate the original's Content Credentials (C2PA) once, out of the upload
    request (tens of milliseconds for a signed 24-megapixel JPEG: its bytes are hashed).

    A file without an IPTC digital source type, typed or embedded, takes the one its valid
    credentials declare (an AI one first), so the AI-disclosure finding sees it.
    """
    from django.core.files.storage import default_storage

    from archive.ingest.credentials import read_content_credentials
    from archive.provenance import C2PA_UNCHECKED, SOURCE_TYPE_BY_CODE

    current = Asset.objects.filter(pk=asset.pk).values("c2pa_state", "metadata_warnings").first()
    if current is None or current["c2pa_state"] != C2PA_UNCHECKED:
        return  # read already (this task ran before, or a restore or the command read it)
    try:
        with default_storage.open(asset.file.name, "rb") as handle:
            data = handle.read()
    except FileNotFoundError as error:
        raise IngestRefused(
            "the original is missing from storage; run `manage.py fixity`"
        ) from error
    found = read_content_credentials(data, mime_type=asset.mime_type)
    warnings = list(current["metadata_warnings"] or [])
    warnings += [warning for warning in found.warnings if warning not in warnings]
    Asset.objects.filter(pk=asset.pk).update(
        c2pa_state=found.state,
        c2pa_summary=found.summary,
        c2pa_manifest_store=found.store,
        metadata_warnings=warnings,
    )
    code = found.digital_source_type
    if code in SOURCE_TYPE_BY_CODE and "digital_source_type" not in asset.edited_fields:
        # Only while still empty: an archivist may have typed one since the upload.
        Asset.objects.filter(pk=asset.pk, digital_source_type="").update(digital_source_type=code)


class WorkerLost(Exception):
    """The worker running a task was killed: the task is recorded failed and queued again."""


def worker_name() -> str:
    """Name a worker process as staging names a command: host, process id, start time.

    `manage.py db_worker` takes it as its worker id, so a task left running by a killed
    worker is known to be abandoned as soon as that process is gone.
    """
    return f"{owner()}-w"


def worker_gone(worker_id: str, *, started_at) -> bool:
    """Return whether the worker that took a task will never finish it.

    A worker of this host is checked by its process; one elsewhere, or one whose id we did
    not make, after ``ARCHIVE_STAGING_GRACE_HOURS`` (no asset takes that long).
    """
    parts = worker_id.rsplit("-", 3)
    if len(parts) == 4 and parts[1].isdigit() and parts[0] == this_host():
        return owner_dead(worker_id)
    return started_at is None or started_at < timezone.now() - grace()


def fail_abandoned_tasks() -> int:
    """Record as failed the processing tasks whose worker was killed; return how many."""
    from django_tasks_db.models import DBTaskResult

    running = DBTaskResult.objects.filter(
        task_path=process_asset.module_path, status="RUNNING"
    ).values_list("pk", "worker_ids", "started_at")
    abandoned = [
        pk
        for pk, worker_ids, started_at in running
        if worker_gone((worker_ids or [""])[-1], started_at=started_at)
    ]
    if not abandoned:
        return 0
    # Only while still running: a worker that finished meanwhile keeps its result.
    failed = DBTaskResult.objects.filter(pk__in=abandoned, status="RUNNING").update(
        status="FAILED",
        finished_at=timezone.now(),
        exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
        traceback="The worker running this task was killed; the asset was queued again.",
    )
    logger.warning("%s task(s) left running by a killed worker recorded as failed", failed)
    return failed


def requeue_stranded() -> int:
    """Queue the pending assets that no waiting or running task will process; return how many.

    An upload's task is queued after its row commits, so a process killed between the two
    leaves the asset pending with nothing queued; a worker killed in the middle of a task
    leaves it "running" for ever; a restored bag brings pending assets too. The commands that
    finish a killed run's work (`ingest`, `import_bag`, `fixity`, and `db_worker` as it
    starts) call this. Only the database backend keeps a queue to look in.
    """
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(process_asset.get_backend(), DatabaseBackend):
        return 0
    fail_abandoned_tasks()
    pending = set(Asset.objects.filter(processing_state=PENDING).values_list("pk", flat=True))
    if not pending:
        return 0
    queued = DBTaskResult.objects.filter(
        task_path=process_asset.module_path, status__in=("READY", "RUNNING")
    ).values_list("args_kwargs", flat=True)
    for call in queued:
        pending.difference_update((call or {}).get("args") or [])
    enqueue_processing(sorted(pending))
    if pending:
        logger.info("queued the processing of %s stranded assets again", len(pending))
    return len(pending)


def backlog() -> dict[str, int | None]:
    """The tasks waiting to run, the oldest one's age in seconds, and the failed assets."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(status="READY")
    oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    return {
        "waiting": waiting.count(),
        "oldest_seconds": int((timezone.now() - oldest).total_seconds()) if oldest else None,
        "pending_assets": Asset.objects.filter(processing_state=PENDING).count(),
        "failed_assets": Asset.objects.filter(processing_state=FAILED).count(),
    }
