"""Write the whole archive as a BagIt bag (``manage.py export_bag``)."""

from __future__ import annotations

import datetime
import decimal
import json
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import bagit
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.files.storage import default_storage
from django.db import connection, transaction

from archive.models import Asset, DatasetExport, DatasetExportItem, Licence
from archive.preservation.bag.layout import RECORDS, BagError, BagSummary, exported_models
from archive.provenance import NO_AI_TRAINING


def stored_names() -> list[str]:
    names: set[str] = set()
    for original, thumbnail, preview in Asset.objects.values_list("file", "thumbnail", "preview"):
        names.update(name for name in (original, thumbnail, preview) if name)
    names.update(
        name for name in Licence.objects.exclude(document="").values_list("document", flat=True)
    )
    return sorted(names)


@contextmanager
def one_snapshot() -> Iterator[None]:
    """Read every table as of one moment, holding no writer back.

    Uploads go on during an export: read apart, the records could name an asset whose file
    list was read before it came, or a placement whose asset came after the assets were read,
    and the bag would not restore.
    """
    if connection.in_atomic_block:
        yield  # already one transaction (a caller's, or a test's)
        return
    if connection.vendor == "sqlite":
        # atomic() would BEGIN IMMEDIATE (settings) and hold the write lock throughout; a
        # deferred transaction reads one WAL snapshot and blocks no writer.
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("COMMIT")
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def exact_json(value):
    """Encode what json cannot: full-precision times (Django's encoder drops microseconds)."""
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    raise TypeError(f"cannot encode {type(value).__name__}")


def serialise(queryset) -> list[dict]:
    """Return the rows as plain dicts, exactly (no precision lost on the way to JSON)."""
    return serializers.serialize("python", queryset)


def serialise_people() -> list[dict]:
    """Return every user as its user name alone: records name people, accounts never travel."""
    User = get_user_model()
    return [
        {"model": User._meta.label_lower, "pk": pk, "fields": {"username": username}}
        for pk, username in User.objects.order_by("pk").values_list("pk", "username")
    ]


def export_bag(directory: Path, *, contact: str = "", training_set: str = "") -> BagSummary:
    """Write the archive to ``directory`` (which must not exist or be empty) as a BagIt bag.

    ``training_set``: the bag is a set for training AI, for this purpose. It is recorded
    (``DatasetExport``, one item per asset, once the bag is written) so the licence audit
    finds the pictures whose data mining terms forbid it (``ai_training_export``).
    """
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        raise BagError(f"{directory} is not empty; choose a new folder")
    with one_snapshot():
        names = stored_names()
        records: list[dict] = serialise_people()
        counts = {"users": len(records)}
        for model in exported_models():
            rows = serialise(model._default_manager.order_by("pk"))
            counts[model._meta.label] = len(rows)
            records.extend(rows)
    # Stored files are named by their content and never rewritten: copied after the snapshot,
    # they are the ones its records name.
    files_dir = directory / "files"
    files_dir.mkdir(parents=True, exist_ok=True)
    for name in names:
        target = files_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with default_storage.open(name, "rb") as source, open(target, "wb") as output:
                shutil.copyfileobj(source, output, 1024 * 1024)
        except FileNotFoundError:
            shutil.rmtree(directory)
            raise BagError(
                f"{name} is missing from storage; run `manage.py fixity` first"
            ) from None
    (directory / RECORDS).write_text(
        json.dumps(records, ensure_ascii=False, indent=1, default=exact_json), "utf-8"
    )
    info = {"Source-Organization": "Caption Archive", "Contact-Name": contact or "archivist"}
    if training_set:
        info["Training-Set-Purpose"] = training_set
    bagit.make_bag(str(directory), info, checksums=["sha256"])
    summary = BagSummary(records=counts, files=len(names))
    if training_set:
        summary.training_export = record_training_export(
            purpose=training_set, destination=str(directory), contact=contact
        )
        summary.training_forbidden = list(
            Asset.objects.filter(data_mining__in=NO_AI_TRAINING)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    return summary


@transaction.atomic
def record_training_export(*, purpose: str, destination: str, contact: str = "") -> int:
    """Record that every asset left the archive in a set for training AI; return its id."""
    export = DatasetExport.objects.create(
        purpose=purpose[:500], destination=destination[:1000], contact=contact[:300]
    )
    ids = Asset.objects.order_by("pk").values_list("pk", flat=True)
    DatasetExportItem.objects.bulk_create(
        (DatasetExportItem(export=export, asset_id=pk) for pk in ids.iterator(chunk_size=5000)),
        batch_size=2000,
    )
    return export.pk
