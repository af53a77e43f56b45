"""Export the whole archive as a BagIt bag, and restore it into an empty instance.

The bag holds every stored file (originals, renditions, licence documents) under
``data/files/`` with its storage name, and every record (credits and aliases, assets,
licences, articles, placements, claims, illustrations, fixity checks, and the change history
of each) as Django-serialised JSON in ``data/records.json``. Users are exported without their
password hashes: a bag may travel, so restored accounts get unusable passwords and need
``changepassword`` (or ``demo_accounts``).
"""

from __future__ import annotations

import datetime
import decimal
import json
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import bagit
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import connection, transaction

from archive.derived import rebuild_all
from archive.models import Asset, Licence

RECORDS = "records.json"
# Parents before children, so a restore can insert in this order.
MODELS = [
    "archive.Credit",
    "archive.CreditAlias",
    "archive.Asset",
    "archive.Licence",
    "archive.Article",
    "archive.Placement",
    "archive.Claim",
    "archive.Illustration",
    "archive.FixityCheck",
]


class BagError(Exception):
    """The bag cannot be written or restored, with the reason."""


@dataclass
class BagSummary:
    records: dict[str, int]
    files: int

    def describe(self) -> str:
        counts = ", ".join(f"{n} {label}" for label, n in self.records.items() if n)
        return f"{self.files} file(s); records: {counts}"


def exported_models() -> list:
    """Return the models to export, each followed by its history model when it has one."""
    result = []
    for label in MODELS:
        model = apps.get_model(label)
        result.append(model)
        history = getattr(model, "history", None)
        if history is not None:
            result.append(history.model)
    return result


def stored_names() -> list[str]:
    names: set[str] = set()
    for original, thumbnail, preview in Asset.objects.values_list("file", "thumbnail", "preview"):
        names.update(name for name in (original, thumbnail, preview) if name)
    names.update(
        name for name in Licence.objects.exclude(document="").values_list("document", flat=True)
    )
    return sorted(names)


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


def serialise_users() -> list[dict]:
    User = get_user_model()
    rows = serialise(User.objects.order_by("pk"))
    for row in rows:
        row["fields"]["password"] = "!"  # unusable: hashes never leave the building
        row["fields"]["user_permissions"] = []
    return rows


def export_bag(directory: Path, *, contact: str = "") -> BagSummary:
    """Write the archive to ``directory`` (which must not exist or be empty) as a BagIt bag."""
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        raise BagError(f"{directory} is not empty; choose a new folder")
    files_dir = directory / "files"
    files_dir.mkdir(parents=True, exist_ok=True)
    names = stored_names()
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
    records: list[dict] = serialise_users()
    counts = {"users": len(records)}
    for model in exported_models():
        rows = serialise(model._default_manager.order_by("pk"))
        counts[model._meta.label] = len(rows)
        records.extend(rows)
    (directory / RECORDS).write_text(
        json.dumps(records, ensure_ascii=False, indent=1, default=exact_json), "utf-8"
    )
    bagit.make_bag(
        str(directory),
        {"Source-Organization": "Caption Archive", "Contact-Name": contact or "archivist"},
        checksums=["sha256"],
    )
    return BagSummary(records=counts, files=len(names))


def instance_is_empty() -> bool:
    return not any(apps.get_model(label).objects.exists() for label in MODELS)


def import_bag(directory: Path) -> BagSummary:
    """Validate a bag and restore it into an empty archive: records, files and history."""
    directory = Path(directory)
    try:
        bag = bagit.Bag(str(directory))
        bag.validate()
    except bagit.BagError as error:
        raise BagError(f"{directory} is not a valid bag: {error}") from None
    if not instance_is_empty():
        raise BagError("this archive is not empty; restore only into a new, migrated instance")
    data = Path(bag.path) / "data"
    records = json.loads((data / RECORDS).read_text("utf-8"))
    written: list[str] = []
    counts: dict[str, int] = {}
    try:
        with transaction.atomic():
            records = restore_users(records, counts)
            for obj in serializers.deserialize("python", records):
                obj.save()
                label = obj.object._meta.label
                counts[label] = counts.get(label, 0) + 1
            reset_sequences()
            rebuild_all()  # the records were saved raw: derived data is computed once
            for path in sorted((data / "files").rglob("*")):
                if path.is_file():
                    name = path.relative_to(data / "files").as_posix()
                    with open(path, "rb") as handle:
                        saved = default_storage.save(name, File(handle))
                    written.append(saved)
                    if saved != name:
                        raise BagError(f"storage already held {name}; restore into empty storage")
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise
    return BagSummary(records=counts, files=len(written))


USER_FIELDS = ("created_by", "verified_by", "history_user")


def restore_users(records: list[dict], counts: dict[str, int]) -> list[dict]:
    """Create the bag's users that this instance lacks; point user links at local accounts.

    Accounts that exist here already (the demo accounts, say) are matched by user name, so
    ids may differ between the bag and this instance: every user link is rewritten.
    """
    User = get_user_model()
    label = User._meta.label.lower()
    mapping: dict[int, int] = {}
    rest = []
    for row in records:
        if row["model"] != label:
            rest.append(row)
            continue
        fields = dict(row["fields"])
        fields.pop("groups", None)
        fields.pop("user_permissions", None)
        user = User.objects.filter(username=fields["username"]).first()
        if user is None:
            user = User(**{k: v for k, v in fields.items() if k not in ("password",)})
            user.set_unusable_password()
            user.save()
            counts["users"] = counts.get("users", 0) + 1
        mapping[row["pk"]] = user.pk
    for row in rest:
        for name in USER_FIELDS:
            if row["fields"].get(name) is not None:
                row["fields"][name] = mapping.get(row["fields"][name])
    return rest


def reset_sequences() -> None:
    """Move PostgreSQL's id sequences past the restored ids (SQLite needs nothing)."""
    models = [get_user_model(), *exported_models()]
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
