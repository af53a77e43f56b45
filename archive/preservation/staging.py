"""Crash-safe writes to storage: stage the files, commit the rows, then publish the files.

A command may be killed at any instant (``kill -9``, a power cut). So that a file and the rows
naming it appear together or not at all, every file ``ingest`` and ``import_bag`` write goes
first under a staging name, ``staging/<operation>/<name>``, where the operation names its
owner (host, process id and start time) and is unique. The rows are then saved in one
transaction together with a journal row (``StagedFile``) per staged file. Once that transaction
has committed, each file is moved to its name and its journal row deleted.

- Killed before the commit: no row was written and no name in the archive was touched; the
  staged files are swept by the next run (``recover``), as soon as their owner is known dead
  (same host: its process is gone) or after ``ARCHIVE_STAGING_GRACE_HOURS`` (another host).
- Killed after it: the journal names the files still to move; the next run moves them.

A move overwrites whatever has the name (names are content hashes, so it holds the same bytes
or a partial copy), so a second copy under a suffixed name is never stored. On the filesystem a
move is ``os.replace`` (atomic) and staged files are flushed to disk before the commit; on S3 it
is a server-side copy then a delete of the staged object, which a replay can repeat safely.
"""

from __future__ import annotations

import logging
import os
import re
import socket
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.utils import timezone

from archive.models import StagedFile

logger = logging.getLogger(__name__)

STAGING = "staging"
QUARANTINE = "quarantine"
# Prefixes that hold no archive file: never orphans, never named by a record.
RESERVED = (STAGING, QUARANTINE)


class PublishError(Exception):
    """A committed file is neither staged nor in place: it was lost."""


def process_start(pid: int) -> str:
    """Return when a process started (clock ticks since boot, from /proc), or "" if unknown."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    # The command name (field 2) may hold spaces and brackets: count fields after its ")".
    fields = text.rpartition(")")[2].split()
    if len(fields) <= 19 or fields[0] in ("Z", "X"):
        return ""  # a killed process its parent has not yet reaped is gone too
    return fields[19]


def this_host() -> str:
    return re.sub(r"[^A-Za-z0-9]", "", socket.gethostname())[:40] or "host"


def owner() -> str:
    """Name this process: host, process id and start time (a reused id starts later)."""
    pid = os.getpid()
    return f"{this_host()}-{pid}-{process_start(pid) or '0'}"


def owner_dead(operation: str) -> bool:
    """Return whether the process that made ``operation`` is known to be gone.

    Only a process on this host can be checked; elsewhere the grace period decides.
    """
    folder = operation.removeprefix(f"{STAGING}/")
    parts = folder.rsplit("-", 3)
    if len(parts) != 4 or not parts[1].isdigit():
        return True  # not a name we make: nothing is writing there
    host, pid_text, start, _ = parts
    if host != this_host():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    if Path("/proc/self/stat").exists():
        found = process_start(pid)
        return found == "" or (start != "0" and found != start)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def grace() -> timedelta:
    return timedelta(hours=settings.ARCHIVE_STAGING_GRACE_HOURS)


def flush_to_disk(name: str) -> None:
    """On the filesystem, make a staged file durable before the rows that name it commit."""
    try:
        path = default_storage.path(name)
    except NotImplementedError:
        return  # S3: an object exists once its upload returns
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
    fsync_folder(os.path.dirname(path))


def fsync_folder(path: str) -> None:
    """Make a folder's entries (a file created or moved there) durable."""
    folder = os.open(path, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def move(source: str, target: str) -> None:
    """Move a stored file to ``target``, replacing what is there; repeatable after a crash."""
    storage = default_storage
    try:
        source_path, target_path = storage.path(source), storage.path(target)
    except NotImplementedError:
        source_path = target_path = None
    if source_path is not None:
        os.makedirs(os.path.dirname(target_path), exist_ok=True)
        try:
            os.replace(source_path, target_path)
        except FileNotFoundError:
            if not os.path.exists(target_path):
                raise PublishError(f"{source} is gone and {target} is not in place") from None
            return  # moved already, by an earlier run
        fsync_folder(os.path.dirname(target_path))
        return
    if hasattr(storage, "bucket"):
        move_object(storage, source, target)
        return
    # Any other storage: copy through this process, then delete.
    if not storage.exists(source):
        if not storage.exists(target):
            raise PublishError(f"{source} is gone and {target} is not in place")
        return
    with storage.open(source, "rb") as handle:
        if storage.exists(target):
            storage.delete(target)
        saved = storage.save(target, File(handle))
    if saved != target:
        raise PublishError(f"{target} was taken while it was being published (saved as {saved})")
    storage.delete(source)


def move_object(storage, source: str, target: str) -> None:
    """S3: copy the object server-side (overwriting), then delete the staged one."""
    from botocore.exceptions import ClientError

    source_key = storage._normalize_name(source)
    target_key = storage._normalize_name(target)
    try:
        storage.bucket.Object(target_key).copy(
            {"Bucket": storage.bucket.name, "Key": source_key},
            ExtraArgs=storage.get_object_parameters(target) or None,
        )
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") not in ("404", "NoSuchKey"):
            raise
        if not storage.exists(target):
            raise PublishError(f"{source} is gone and {target} is not in place") from None
        return
    storage.delete(source)


class Staging:
    """The staged files of one write (an ingested file, a restored bag)."""

    def __init__(self) -> None:
        self.operation = f"{STAGING}/{owner()}-{uuid.uuid4().hex[:12]}"
        self.names: list[str] = []
        self.journalled = False

    def staged_name(self, name: str) -> str:
        return f"{self.operation}/{name}"

    def put(self, name: str, content: bytes | File) -> None:
        """Write ``content`` under the staging name of ``name``."""
        staged = self.staged_name(name)
        if isinstance(content, bytes):
            content = ContentFile(content)
        saved = default_storage.save(staged, content)
        self.names.append(name)
        if saved != staged:  # the operation folder is new: a clash means a bug
            default_storage.delete(saved)
            raise PublishError(f"{staged} was taken; nothing was kept")
        flush_to_disk(staged)

    def journal(self) -> None:
        """Record the staged files; call inside the transaction that saves their rows."""
        StagedFile.objects.bulk_create(
            (StagedFile(operation=self.operation, name=name) for name in self.names),
            batch_size=500,
        )
        self.journalled = True

    def publish(self) -> None:
        """Move every staged file to its name; call once the rows have committed."""
        for name in self.names:
            move(self.staged_name(name), name)
        StagedFile.objects.filter(operation=self.operation).delete()
        remove_folder(self.operation)

    def discard(self) -> None:
        """Delete the staged files of a write that did not commit (best effort)."""
        for name in self.names:
            try:
                default_storage.delete(self.staged_name(name))
            except Exception:  # a clean-up failure must not hide the original error
                logger.exception("could not delete %s", self.staged_name(name))
        remove_folder(self.operation)


def remove_folder(prefix: str) -> None:
    """Remove a staging folder left empty (the filesystem keeps folders; S3 has none)."""
    try:
        path = Path(default_storage.path(prefix))
    except NotImplementedError:
        return
    for folder in sorted((p for p in path.rglob("*") if p.is_dir()), reverse=True):
        try:
            folder.rmdir()
        except OSError:
            pass
    try:
        path.rmdir()
    except OSError:
        pass


def walk(prefix: str = ""):
    """Yield every stored file name under ``prefix`` ("" for all), folder by folder."""
    try:
        folders, files = default_storage.listdir(prefix)
    except (FileNotFoundError, NotADirectoryError):
        return
    base = f"{prefix}/" if prefix else ""
    yield from (base + name for name in sorted(files))
    for folder in sorted(folders):
        yield from walk(base + folder)


@dataclass
class Recovery:
    """What ``recover`` finished or removed."""

    published: int = 0  # files of committed writes moved to their names
    swept: int = 0  # staged files of writes that never committed, deleted
    lost: list[str] = field(default_factory=list)  # committed files found nowhere
    waiting: int = 0  # staged files of writes still running (left alone)

    def describe(self) -> str:
        text = (
            f"recovery: {self.published} file(s) of interrupted writes published, "
            f"{self.swept} staged file(s) of writes that never committed removed"
        )
        if self.waiting:
            text += f", {self.waiting} staged file(s) of running writes left alone"
        if self.lost:
            text += f"; LOST (committed, but neither staged nor in place): {', '.join(self.lost)}"
        return text

    def as_json(self) -> dict:
        return {
            "published": self.published,
            "swept": self.swept,
            "waiting": self.waiting,
            "lost": self.lost,
        }


def abandoned(operation: str, *, since: datetime) -> bool:
    """Return whether no live process will finish ``operation``."""
    if owner_dead(operation):
        return True
    newest = None
    for name in walk(operation):
        try:
            modified = default_storage.get_modified_time(name)
        except (OSError, NotImplementedError):
            continue
        newest = modified if newest is None else max(newest, modified)
    return newest is not None and newest < since


def recover() -> Recovery:
    """Finish what killed commands left: publish committed files, sweep uncommitted ones."""
    result = Recovery()
    cutoff = timezone.now() - grace()
    # 1. Committed writes whose owner is gone (or silent too long): move their files.
    operations = StagedFile.objects.values_list("operation", flat=True).distinct()
    for operation in list(operations):
        rows = list(StagedFile.objects.filter(operation=operation))
        if not owner_dead(operation) and min(row.created_at for row in rows) >= cutoff:
            continue
        for row in rows:
            try:
                move(row.staged, row.name)
                result.published += 1
            except PublishError:
                result.lost.append(row.name)
        StagedFile.objects.filter(operation=operation).delete()
    # 2. Staging folders no journal row names: writes that never committed.
    try:
        folders, loose = default_storage.listdir(STAGING)
    except (FileNotFoundError, NotADirectoryError):
        return result
    journalled = set(StagedFile.objects.values_list("operation", flat=True).distinct())
    for folder in sorted(folders):
        operation = f"{STAGING}/{folder}"
        names = list(walk(operation))
        if operation in journalled or not abandoned(operation, since=cutoff):
            result.waiting += len(names)
            continue
        for name in names:
            default_storage.delete(name)
            result.swept += 1
        remove_folder(operation)
    for name in loose:  # nothing we write lies loose in staging/
        default_storage.delete(f"{STAGING}/{name}")
        result.swept += 1
    return result
