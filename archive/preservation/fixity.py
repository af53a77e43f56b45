"""Fixity: re-hash every stored original and record what was found; find orphans.

An archive's first promise is that nothing is lost or altered unnoticed. Each asset's original
is read back from storage (filesystem or S3) in chunks and its SHA-256 compared with the one
recorded at ingest; the result is recorded on the asset and as a FixityCheck row.
``find_orphans`` looks the other way: stored files that no record names (moved to a quarantine
folder on request, never deleted), and licence documents that are gone.
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass, field

from django.core.exceptions import SuspiciousOperation
from django.core.files.storage import default_storage
from django.utils import timezone

from archive.models import Asset, FixityCheck

CHUNK = 1024 * 1024


@dataclass
class FixityProblem:
    asset_id: int
    name: str
    result: str  # missing | altered
    detail: str

    def as_json(self) -> dict:
        return {
            "asset_id": self.asset_id,
            "file": self.name,
            "result": self.result,
            "detail": self.detail,
        }


@dataclass
class FixityReport:
    checked: int = 0
    problems: list[FixityProblem] = field(default_factory=list)
    renditions_missing: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict:
        return {
            "checked": self.checked,
            "ok": self.checked - len(self.problems),
            "missing": [p.as_json() for p in self.problems if p.result == "missing"],
            "altered": [p.as_json() for p in self.problems if p.result == "altered"],
            "renditions_missing": self.renditions_missing,
        }


def path_problem(name: str) -> str:
    """Return why a stored file name is unsafe (absolute, climbing out with ``..``), or ""."""
    if "\x00" in name:
        return "it holds a NUL character"
    if "\\" in name:
        return "it holds a backslash"
    if name.startswith("/") or posixpath.isabs(name) or (len(name) > 1 and name[1] == ":"):
        return "it is an absolute path"
    if ".." in name.split("/"):
        return "it climbs out of storage (..)"
    if any(part in ("", ".") for part in name.split("/")):
        return "it is not a plain relative name"
    return ""


def file_sha256(name: str) -> str | None:
    """Return the SHA-256 of a stored file, or None if it is not there."""
    try:
        handle = default_storage.open(name, "rb")
    except (FileNotFoundError, OSError):
        return None
    digest = hashlib.sha256()
    with handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def check_asset(asset: Asset) -> tuple[str, str]:
    """Return (result, detail) for one asset's original."""
    if not asset.file.name:
        return FixityCheck.Result.MISSING, "no file recorded"
    problem = path_problem(asset.file.name)
    if problem:
        return FixityCheck.Result.MISSING, f"{asset.file.name!r} is refused: {problem}"
    try:
        found = file_sha256(asset.file.name) if default_storage.exists(asset.file.name) else None
    except (SuspiciousOperation, OSError, ValueError) as error:
        # One bad row must not end the check of the whole archive.
        return FixityCheck.Result.MISSING, f"{asset.file.name!r} cannot be read: {error}"
    if found is None:
        return FixityCheck.Result.MISSING, f"{asset.file.name} is not in storage"
    if found != asset.sha256:
        return (
            FixityCheck.Result.ALTERED,
            f"{asset.file.name}: expected {asset.sha256}, found {found}",
        )
    return FixityCheck.Result.OK, ""


def renditions_present(asset: Asset) -> bool:
    """Return whether the asset's thumbnail and preview are in storage (a bad name is not)."""
    for name in (asset.thumbnail, asset.preview):
        if not name:
            continue
        try:
            if path_problem(name) or not default_storage.exists(name):
                return False
        except (SuspiciousOperation, OSError, ValueError):
            return False
    return True


def check_fixity(
    *, queryset=None, batch_size: int = 500, record_checks: bool = True
) -> FixityReport:
    """Re-hash every stored original; record each check (unless told not to); return what is
    wrong."""
    report = FixityReport()
    queryset = (queryset if queryset is not None else Asset.objects.all()).only(
        "id", "file", "sha256", "thumbnail", "preview"
    )
    now = timezone.now()
    last_id = 0
    while True:
        # A page read whole, by id, rather than one cursor left open across the writes below:
        # on SQLite an open read cannot turn into a write once an upload or a worker has
        # committed since it began ("database is locked" at once, whatever the timeout).
        page = list(queryset.filter(pk__gt=last_id).order_by("id")[:batch_size])
        if not page:
            return report
        last_id = page[-1].pk
        checks: list[FixityCheck] = []
        for asset in page:
            result, detail = check_asset(asset)
            report.checked += 1
            if result != FixityCheck.Result.OK:
                report.problems.append(FixityProblem(asset.pk, asset.file.name, result, detail))
            elif not renditions_present(asset):
                # Renditions are derived: a view queues their remaking; worth saying, not an error.
                report.renditions_missing.append(asset.pk)
            checks.append(
                FixityCheck(asset_id=asset.pk, checked_at=now, result=result, detail=detail)
            )
        if record_checks:
            record(checks)


def record(checks: list[FixityCheck]) -> None:
    if not checks:
        return
    FixityCheck.objects.bulk_create(checks)
    by_result: dict[str, list[int]] = {}
    for check in checks:
        by_result.setdefault(check.result, []).append(check.asset_id)
    for result, ids in by_result.items():
        Asset.objects.filter(pk__in=ids).update(
            fixity_checked_at=checks[0].checked_at, fixity_status=result
        )


# --- Orphans: files no record names, and records whose file is gone ------------------------

ORPHAN_BATCH = 500
# The placeholder the repository commits so that a checkout has its media/ folder (git keeps
# no empty folder): at the storage's top it belongs to the checkout, not to the archive.
CHECKOUT_PLACEHOLDER = ".gitkeep"
HEX = frozenset("0123456789abcdef")


@dataclass
class Orphan:
    name: str
    bytes: int | None
    sha256: str | None = None
    moved_to: str = ""

    def as_json(self) -> dict:
        return {
            "file": self.name,
            "bytes": self.bytes,
            "sha256": self.sha256,
            "moved_to": self.moved_to,
        }


@dataclass
class OrphanReport:
    stored: int = 0  # files looked at (staging and quarantine left out)
    orphans: list[Orphan] = field(default_factory=list)  # files no record names
    documents_missing: list[tuple[int, str]] = field(default_factory=list)  # licence id, name
    quarantine: str = ""  # where the orphans were moved, with report.json
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # name, why

    @property
    def ok(self) -> bool:
        return all(orphan.moved_to for orphan in self.orphans) and not self.documents_missing

    def as_json(self) -> dict:
        return {
            "stored": self.stored,
            "orphans": [orphan.as_json() for orphan in self.orphans],
            "documents_missing": [
                {"licence_id": pk, "file": name} for pk, name in self.documents_missing
            ],
            "quarantine": self.quarantine,
            "unreadable": [{"file": name, "reason": why} for name, why in self.unreadable],
        }


def content_hash_in(name: str) -> str:
    """Return the SHA-256 a stored name starts with (originals and renditions), or ""."""
    stem = posixpath.basename(name)[:64]
    return stem if len(stem) == 64 and set(stem) <= HEX else ""


def named_by_records(names: list[str]) -> set[str]:
    """Return which of ``names`` a record, or an earlier version of one, names."""
    from archive.models import Licence

    wanted = set(names)
    found: set[str] = set()
    hashes = {content_hash_in(name) for name in names} - {""}
    if hashes:
        # The quick way: names made from content hashes, through the sha256 index.
        for row in Asset.objects.filter(sha256__in=hashes).values_list(
            "file", "thumbnail", "preview"
        ):
            found.update(wanted.intersection(row))
    rest = list(wanted - found)
    if not rest:
        return found
    columns = [
        (Asset, ("file", "thumbnail", "preview")),
        (Asset.history.model, ("file", "thumbnail", "preview")),
        (Licence, ("document",)),
        (Licence.history.model, ("document",)),
    ]
    for model, fields in columns:
        for name in fields:
            found.update(
                model._default_manager.filter(**{f"{name}__in": rest})
                .values_list(name, flat=True)
                .distinct()
            )
    return found & wanted


def find_orphans(*, quarantine: bool = False) -> OrphanReport:
    """Find stored files no record names and licence documents that are gone.

    With ``quarantine``, move each orphan under ``quarantine/<time>/`` with a report.json that
    lists what was moved (name, size, SHA-256): nothing is ever deleted.
    """
    from archive.models import Licence
    from archive.preservation.staging import RESERVED, walk

    report = OrphanReport()
    batch: list[str] = []

    def check(batch: list[str]) -> None:
        named = named_by_records(batch)
        for name in batch:
            if name not in named:
                try:
                    size = default_storage.size(name)
                except (OSError, NotImplementedError):
                    size = None
                report.orphans.append(Orphan(name, size))

    try:
        top_folders, top_files = default_storage.listdir("")
    except FileNotFoundError:
        top_folders, top_files = [], []
    names = iter(sorted(name for name in top_files if name != CHECKOUT_PLACEHOLDER))
    folders = (walk(folder) for folder in sorted(top_folders) if folder not in RESERVED)
    for name in (n for source in (names, *folders) for n in source):
        report.stored += 1
        batch.append(name)
        if len(batch) >= ORPHAN_BATCH:
            check(batch)
            batch = []
    check(batch)
    for pk, document in (
        Licence.objects.exclude(document="").order_by("pk").values_list("pk", "document")
    ):
        try:
            present = not path_problem(document) and default_storage.exists(document)
        except (SuspiciousOperation, OSError, ValueError):
            present = False
        if not present:
            report.documents_missing.append((pk, document))
    if quarantine and report.orphans:
        quarantine_orphans(report)
    return report


def quarantine_orphans(report: OrphanReport) -> None:
    """Move the report's orphans under a new quarantine folder and write its report.json."""
    import json

    from django.core.files.base import ContentFile

    from archive.preservation.staging import QUARANTINE, move

    folder = f"{QUARANTINE}/{timezone.now():%Y%m%dT%H%M%S%fZ}"
    for orphan in report.orphans:
        orphan.sha256 = file_sha256(orphan.name)
        target = f"{folder}/{orphan.name}"
        try:
            move(orphan.name, target)
        except Exception as error:  # one file that cannot move must not stop the others
            report.unreadable.append((orphan.name, f"not moved: {error}"))
            continue
        orphan.moved_to = target
    body = {
        "quarantined_at": timezone.now().isoformat(),
        "why": "stored files that no record names (found by `manage.py fixity --orphans`)",
        "put_back": "move a file from moved_to back to file",
        "files": [orphan.as_json() for orphan in report.orphans],
    }
    default_storage.save(
        f"{folder}/report.json",
        ContentFile(json.dumps(body, ensure_ascii=False, indent=1).encode()),
    )
    report.quarantine = folder
