"""Fixity: re-hash every stored original and record what was found.

An archive's first promise is that nothing is lost or altered unnoticed. Each asset's original
is read back from storage (filesystem or S3) in chunks and its SHA-256 compared with the one
recorded at ingest; the result is recorded on the asset and as a FixityCheck row.
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
    checks: list[FixityCheck] = []
    now = timezone.now()
    for asset in queryset.order_by("id").iterator(chunk_size=batch_size):
        result, detail = check_asset(asset)
        report.checked += 1
        if result != FixityCheck.Result.OK:
            report.problems.append(FixityProblem(asset.pk, asset.file.name, result, detail))
        elif not renditions_present(asset):
            # Renditions are derived and are remade on demand; worth saying, not an error.
            report.renditions_missing.append(asset.pk)
        checks.append(FixityCheck(asset_id=asset.pk, checked_at=now, result=result, detail=detail))
        if len(checks) >= batch_size:
            if record_checks:
                record(checks)
            checks = []
    if record_checks:
        record(checks)
    return report


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
