"""Restore a bag into an archive (``manage.py import_bag``), empty or, merging, not.

A bag may come from anywhere, so a restore trusts nothing in it: only the models and fields
on the allow-list (``allowed_fields``) are loaded, every record is validated (``full_clean``,
foreign keys inside the bag or, when merging, at existing rows), ids may not repeat or clash,
and every file path must be a plain relative name of a file the bag holds. Any refusal rolls
back every row and removes every file copied. Files are staged and published after the rows
commit (``archive.preservation.staging``), so a killed restore is finished by the next run.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import bagit
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction

from archive.derived import rebuild_all
from archive.ingest.credentials import Recheck, recheck_content_credentials
from archive.models import Asset, BagRestore, Licence
from archive.preservation.bag.layout import (
    FILE_FIELDS,
    MODELS,
    RECORDS,
    BagError,
    BagSummary,
    exported_models,
)
from archive.preservation.fixity import check_fixity, file_sha256, path_problem
from archive.preservation.staging import Staging, recover
from archive.provenance import C2PA_UNCHECKED
from archive.text import credit_key

# A records file larger than this is refused before it is read (it is parsed in memory).
MAX_RECORDS_BYTES = 1024**3

# Lists the migrations seed (the desk's usage categories): a new instance has them, so they
# do not make it "not empty"; a restore saves the bag's rows over them, id for id.
SEEDED_BY_MIGRATIONS = {"archive.UsageCategory"}


def without_seeded_here(rows: list[Row]) -> list[Row]:
    """The rows, less those of a seeded list whose id this archive already has."""
    pks: dict[type[models.Model], set[int]] = {}
    for row in rows:
        if row.model._meta.label in SEEDED_BY_MIGRATIONS:
            pks.setdefault(row.model, set()).add(row.pk)
    here = {model: existing_ids(model, model_pks) for model, model_pks in pks.items()}
    return [row for row in rows if row.pk not in here.get(row.model, ())]


ID_BATCH = 900  # ids per query: under SQLite's oldest limit on query parameters (999)


def existing_ids(model: type[models.Model], pks: Iterable[object]) -> set[object]:
    """Which of ``pks`` this archive has for ``model``: one query per ``ID_BATCH`` ids."""
    wanted = sorted({pk for pk in pks if valid_id(model, pk)})
    found: set[object] = set()
    for start in range(0, len(wanted), ID_BATCH):
        batch = wanted[start : start + ID_BATCH]
        found.update(model._default_manager.filter(pk__in=batch).values_list("pk", flat=True))
    return found


def replace_seeded(rows: list[Row]) -> None:
    """Before a restore: drop the seeded lists the bag brings its own version of."""
    for label in SEEDED_BY_MIGRATIONS:
        model = apps.get_model(label)
        if any(row.model is model for row in rows):
            model._default_manager.all().delete()


def instance_is_empty() -> bool:
    return not any(
        apps.get_model(label).objects.exists()
        for label in MODELS
        if label not in SEEDED_BY_MIGRATIONS
    )


def allowed_fields() -> dict[type[models.Model], frozenset[str]]:
    """Return the allow-list: each model a bag may carry and the fields it may set.

    The user model is there only to name people: a user row may carry its user name and
    nothing else, and is matched to an existing account, never created or changed.
    Generated columns are accepted and ignored (the database computes them).
    """
    allowed: dict[type[models.Model], frozenset[str]] = {get_user_model(): frozenset({"username"})}
    for model in exported_models():
        names = {f.name for f in model._meta.local_fields if f.serialize}
        names |= {f.name for f in model._meta.local_many_to_many if f.serialize}
        allowed[model] = frozenset(names)
    return allowed


def resolve_model(label: object) -> type[models.Model] | None:
    """Return the model a label names, whatever its spelling, or None."""
    if not isinstance(label, str) or label.count(".") != 1:
        return None
    app_label, model_name = label.split(".")
    for config in apps.get_app_configs():
        if config.label.lower() == app_label.lower():
            try:
                return config.get_model(model_name.lower())
            except LookupError:
                return None
    return None


@dataclass
class Row:
    model: type[models.Model]
    pk: int
    fields: dict


@dataclass
class Plan:
    """A bag's records after every check that needs no writing, in the order to insert."""

    rows: list[Row]
    people: dict[int, str]  # the bag's user id -> user name
    files: dict[str, Path]  # storage name -> the file in the bag
    hashes: dict[str, str]  # storage name -> its SHA-256 in the bag's manifest
    unnamed: list[str]


def refuse_links(directory: Path) -> None:
    """Refuse a bag that holds a symbolic link (it could name any file on the host) or
    anything else that is not a plain file or folder (a pipe would hang the hashing)."""
    for root, dirs, files in os.walk(directory):
        for name in (*dirs, *files):
            path = Path(root) / name
            if path.is_symlink():
                raise BagError(
                    f"the bag holds a symbolic link, {path.relative_to(directory)}; "
                    "a bag must hold plain files only"
                )
            if not (path.is_file() or path.is_dir()):
                raise BagError(
                    f"the bag holds {path.relative_to(directory)}, which is not a plain file"
                )


def read_bag(directory: Path) -> tuple[bagit.Bag, list]:
    """Check the bag's shape and manifests; return it and its parsed records."""
    if not directory.is_dir():
        raise BagError(f"{directory} is not a folder")
    refuse_links(directory)
    records_path = directory / "data" / RECORDS
    if not records_path.is_file():
        raise BagError(f"{directory} holds no data/{RECORDS}")
    size = records_path.stat().st_size
    if size > MAX_RECORDS_BYTES:
        raise BagError(
            f"data/{RECORDS} is {size:,} bytes, more than the {MAX_RECORDS_BYTES:,} a restore "
            "reads; refused"
        )
    try:
        bag = bagit.Bag(str(directory))
        bag.validate()
    except bagit.BagError as error:
        raise BagError(f"{directory} is not a valid bag: {error}") from None
    try:
        records = json.loads(records_path.read_text("utf-8"))
    except (ValueError, RecursionError) as error:
        raise BagError(f"data/{RECORDS} is not valid JSON: {error}") from None
    if not isinstance(records, list):
        raise BagError(f"data/{RECORDS} must hold a list of records")
    return bag, records


def parse_rows(records: list) -> tuple[list[Row], dict[int, str]]:
    """Keep only allow-listed models and fields; refuse anything else, and repeated ids."""
    allowed = allowed_fields()
    User = get_user_model()
    rows: list[Row] = []
    people: dict[int, str] = {}
    seen: set[tuple[type, int]] = set()
    for index, record in enumerate(records, start=1):
        where = f"record {index}"
        if not isinstance(record, dict) or not isinstance(record.get("fields"), dict):
            raise BagError(f"{where} is not a record (model, pk, fields)")
        model = resolve_model(record.get("model"))
        if model is None or model not in allowed:
            raise BagError(
                f"{where} is a {record.get('model')!r}, which a bag may not carry: a restore "
                "loads only the archive's own records (never accounts, groups, permissions, "
                "sessions or log-in records)"
            )
        pk = record.get("pk")
        if not valid_id(model, pk):
            raise BagError(f"{where} ({model._meta.label}) has no valid id: {pk!r}")
        where = f"{model._meta.label} #{pk}"
        if (model, pk) in seen:
            raise BagError(f"{where} appears twice in the bag; ids must be unique")
        seen.add((model, pk))
        extra = sorted(set(record["fields"]) - allowed[model])
        if extra:
            raise BagError(f"{where} sets fields a bag may not set: {', '.join(extra)}")
        if model is User:
            username = record["fields"].get("username")
            if not isinstance(username, str) or not username:
                raise BagError(f"{where} names no user name")
            people[pk] = username
        else:
            rows.append(Row(model, pk, record["fields"]))
    return rows, people


def valid_id(model: type[models.Model], value: object) -> bool:
    """Return whether ``value`` can be an id of ``model`` in this database."""
    if type(value) is not int:
        return False
    return 1 <= value <= connection.ops.integer_field_range(model._meta.pk.get_internal_type())[1]


def in_order(rows: list[Row]) -> list[Row]:
    """Order rows parents first: by model, and within a model a referenced row first."""
    order = {model: index for index, model in enumerate(exported_models())}
    by_model: dict[type, list[Row]] = {}
    for row in rows:
        by_model.setdefault(row.model, []).append(row)
    result: list[Row] = []
    for model in sorted(by_model, key=order.__getitem__):
        model_rows = sorted(by_model[model], key=lambda row: row.pk)
        own = [f.name for f in foreign_keys(model) if f.related_model is model]
        if not own:
            result.extend(model_rows)
            continue
        by_pk = {row.pk: row for row in model_rows}
        graph = TopologicalSorter()
        for row in model_rows:
            graph.add(
                row.pk, *(row.fields.get(name) for name in own if row.fields.get(name) in by_pk)
            )
        try:
            result.extend(by_pk[pk] for pk in graph.static_order())
        except CycleError as error:
            raise BagError(
                f"{model._meta.label} records point at each other in a circle: {error.args[1]}"
            ) from None
    return result


def foreign_keys(model: type[models.Model]) -> list[models.ForeignKey]:
    return [f for f in model._meta.local_fields if f.many_to_one or f.one_to_one]


def is_history(model: type[models.Model]) -> bool:
    return hasattr(model, "instance_type")


def check_links(rows: list[Row], *, merge: bool) -> None:
    """Refuse ids that exist here already and links that point at nothing.

    A link must point at a record in the bag or, when merging, at an existing row. History
    rows keep their links as recorded: they may name records deleted since.
    """
    User = get_user_model()
    ids: dict[type, set[int]] = {}
    for row in rows:
        ids.setdefault(row.model, set()).add(row.pk)
    for model, pks in ids.items():
        if model._meta.label in SEEDED_BY_MIGRATIONS:
            continue  # the bag's list replaces the one the migrations seeded (replace_seeded)
        clash = sorted(model._default_manager.filter(pk__in=pks).values_list("pk", flat=True))
        if clash:
            raise BagError(
                f"{model._meta.label} #{', #'.join(map(str, clash[:10]))} already exist here; "
                "a restore adds records, it never overwrites them"
            )
    existing: dict[type, set[object]] = {}
    if merge:
        # The ids linked to outside the bag, read once per model (not one query per link).
        outside: dict[type, set[object]] = {}
        for row in rows:
            links = [] if is_history(row.model) else foreign_keys(row.model)
            for fk in links:
                value = row.fields.get(fk.name)
                if fk.related_model is not User and valid_id(fk.related_model, value):
                    outside.setdefault(fk.related_model, set()).add(value)
            for m2m in row.model._meta.local_many_to_many:
                values = row.fields.get(m2m.name) or []
                if isinstance(values, list):
                    model = m2m.related_model
                    outside.setdefault(model, set()).update(v for v in values if valid_id(model, v))
        for model, pks in outside.items():
            existing[model] = existing_ids(model, pks - ids.get(model, set()))

    def exists(model: type, pk: object) -> bool:
        if pk in ids.get(model, ()):
            return True
        return merge and valid_id(model, pk) and pk in existing.get(model, ())

    for row in rows:
        where = f"{row.model._meta.label} #{row.pk}"
        for fk in foreign_keys(row.model):
            value = row.fields.get(fk.name)
            if value is None or fk.related_model is User:
                continue
            if is_history(row.model):
                if type(value) is not int:
                    raise BagError(f"{where}: {fk.name} is not an id: {value!r}")
                continue
            if not exists(fk.related_model, value):
                raise BagError(
                    f"{where}: {fk.name} points at {fk.related_model._meta.label} #{value}, "
                    "which is neither in the bag nor in this archive"
                )
        for m2m in row.model._meta.local_many_to_many:
            values = row.fields.get(m2m.name) or []
            if not isinstance(values, list):
                raise BagError(f"{where}: {m2m.name} is not a list of ids")
            for value in values:
                if not exists(m2m.related_model, value):
                    raise BagError(
                        f"{where}: {m2m.name} names {m2m.related_model._meta.label} #{value}, "
                        "which is neither in the bag nor in this archive"
                    )


def check_files(
    bag: bagit.Bag, rows: list[Row]
) -> tuple[dict[str, Path], dict[str, str], list[str]]:
    """Refuse unsafe or absent file names; return the files to copy, their hashes, the rest."""
    files_dir = Path(bag.path) / "data" / "files"
    root = files_dir.resolve()
    wanted: dict[str, Path] = {}
    for row in rows:
        label = row.model._meta.label
        history = is_history(row.model)
        if history:
            label = row.model.instance_type._meta.label
        for name in FILE_FIELDS.get(label, ()):
            value = row.fields.get(name)
            if value in (None, ""):
                continue
            where = f"{row.model._meta.label} #{row.pk}"
            if not isinstance(value, str):
                raise BagError(f"{where}: {name} is not a file name: {value!r}")
            problem = path_problem(value)
            if problem:
                raise BagError(f"{where}: {name} {value!r} is refused: {problem}")
            if history:
                continue  # earlier versions may name files replaced since; only the name is checked
            path = files_dir / value
            if not path.is_file() or not path.resolve().is_relative_to(root):
                raise BagError(f"{where}: {name} names {value!r}, which the bag does not hold")
            wanted[value] = path
    held = (
        {path.relative_to(files_dir).as_posix() for path in files_dir.rglob("*") if path.is_file()}
        if files_dir.is_dir()
        else set()
    )
    hashes = {}
    for name, path in wanted.items():
        entry = bag.entries.get(f"data/files/{name}", {})
        hashes[name] = entry.get("sha256") or sha256_of(path)  # a bag with other manifests
    return wanted, hashes, sorted(held - set(wanted))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def check_hashes(rows: list[Row], hashes: dict[str, str]) -> None:
    """Refuse an asset whose original does not have the hash its record states."""
    for row in rows:
        if row.model is Asset and row.fields.get("file"):
            if hashes.get(row.fields["file"]) != row.fields.get("sha256"):
                raise BagError(
                    f"archive.Asset #{row.pk}: its file {row.fields['file']!r} does not have the "
                    "SHA-256 its record states"
                )


def plan_restore(directory: Path, *, merge: bool) -> Plan:
    """Read and check a bag without writing anything."""
    bag, records = read_bag(directory)
    rows, people = parse_rows(records)
    rows = in_order(rows)
    if merge:
        # Merging keeps this archive's own lists (the seeded usage categories) as they are.
        rows = without_seeded_here(rows)
    check_links(rows, merge=merge)
    files, hashes, unnamed = check_files(bag, rows)
    check_hashes(rows, hashes)
    return Plan(rows=rows, people=people, files=files, hashes=hashes, unnamed=unnamed)


def bag_identity(directory: Path) -> str:
    """Return the SHA-256 of the bag's payload manifests (every file and its hash), or ""."""
    manifests = sorted(directory.glob("manifest-*.txt"))
    if not manifests:
        return ""
    digest = hashlib.sha256()
    for path in manifests:
        if path.is_symlink() or not path.is_file():
            return ""  # read_bag refuses it with its reason
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def import_bag(directory: Path, *, merge: bool = False) -> BagSummary:
    """Validate a bag and restore it: records, files and history; then rebuild and check.

    Into an empty archive, or with ``merge`` into one that has records (adding new records
    only). Anything refused leaves no row and no file behind. The files are staged, the rows
    saved with their journal in one transaction, then the files published: killed at any
    instant, the restore either left nothing or is finished by the next run (which then says
    the bag is restored already).
    """
    directory = Path(directory).resolve()
    recovery = recover()
    identity = bag_identity(directory) if directory.is_dir() else ""
    done = BagRestore.objects.filter(bag_sha256=identity).first() if identity else None
    if done is not None and not merge and instance_is_empty():
        done.delete()  # its records were removed since: restore it again
        done = None
    if done is not None:
        return BagSummary(records={}, files=done.files, already=done, recovery=recovery)
    if not merge and not instance_is_empty():
        raise BagError(
            "this archive is not empty; restore into a new, migrated instance, or pass --merge "
            "to add the bag's records to this one (nothing here is overwritten)"
        )
    plan = plan_restore(directory, merge=merge)
    summary = BagSummary(records={}, files=0, unnamed_files=plan.unnamed, recovery=recovery)
    people = match_people(plan, summary)
    staging = Staging()
    try:
        stage_files(plan, staging)
        with transaction.atomic():
            if not merge:
                replace_seeded(plan.rows)
            restored_assets = save_rows(plan.rows, people, summary.records)
            reset_sequences()
            staging.journal()
            BagRestore.objects.create(
                bag_sha256=identity or sha256_of(directory / "data" / RECORDS),
                directory=str(directory)[:1000],
                records=sum(summary.records.values()),
                files=len(plan.files),
            )
            summary.files = len(plan.files)
            # Content Credentials are derived from the files, like the licensor key: never
            # taken from a bag. Until the published files are read again (below), the restored
            # assets say "not checked", so a restore killed in between claims nothing.
            restored = Asset.objects.filter(pk__in=restored_assets)
            claimed = dict(restored.values_list("pk", "c2pa_state"))
            restored.update(c2pa_state=C2PA_UNCHECKED)
            summary.derived = rebuild_all()  # the rows were saved raw: derived data once
    except BaseException:
        staging.discard()
        raise
    staging.publish()
    checked, read_again = recheck_content_credentials(Asset.objects.filter(pk__in=restored_assets))
    summary.credentials_checked = checked
    summary.credentials_changed = [
        Recheck(change.asset_id, claimed.get(change.asset_id, ""), change.after)
        for change in read_again
        if change.after != claimed.get(change.asset_id)
    ]
    # Check what was restored without recording it, so the restored records stay as exported.
    summary.fixity = check_fixity(
        queryset=Asset.objects.filter(pk__in=restored_assets), record_checks=False
    )
    return summary


def match_people(plan: Plan, summary: BagSummary) -> dict[int, int | None]:
    """Map the bag's user ids to accounts here with the same user name, else to nobody."""
    named: set[int] = set()
    User = get_user_model()
    for row in plan.rows:
        for fk in foreign_keys(row.model):
            if fk.related_model is User and row.fields.get(fk.name) is not None:
                named.add(row.fields[fk.name])
    usernames = {plan.people[pk] for pk in named if pk in plan.people}
    local = dict(User.objects.filter(username__in=usernames).values_list("username", "pk"))
    mapping = {pk: local.get(plan.people.get(pk)) for pk in named}
    summary.people_matched = sorted(u for u in usernames if u in local)
    summary.people_unmatched = sorted(
        {
            plan.people.get(pk, f"unnamed person #{pk}")
            for pk, here in mapping.items()
            if here is None
        }
    )
    return mapping


def build(row: Row, people: dict[int, int | None]) -> tuple[models.Model, dict[str, list]]:
    """Return an unsaved instance of the row, and its many-to-many ids."""
    User = get_user_model()
    instance = row.model(pk=row.pk)
    many: dict[str, list] = {}
    for name, value in row.fields.items():
        model_field = row.model._meta.get_field(name)
        if getattr(model_field, "generated", False):
            continue
        if model_field.many_to_many:
            many[name] = value or []
        elif model_field.is_relation and model_field.related_model is User:
            setattr(instance, model_field.attname, None if value is None else people.get(value))
        elif model_field.is_relation:
            setattr(instance, model_field.attname, value)
        else:
            try:
                setattr(instance, model_field.attname, model_field.to_python(value))
            except ValidationError as error:
                raise BagError(
                    f"{row.model._meta.label} #{row.pk}: {name}: {' '.join(error.messages)}"
                ) from None
            except (TypeError, ValueError):
                raise BagError(
                    f"{row.model._meta.label} #{row.pk}: {name}: {value!r} is not a "
                    f"{model_field.get_internal_type()} value"
                ) from None
    if isinstance(instance, Licence):
        instance.licensor_key = credit_key(instance.licensor)  # derived: never trusted
    return instance, many


def save_rows(rows: list[Row], people: dict[int, int | None], counts: dict[str, int]) -> list[int]:
    """Validate and save every row (raw, exactly as exported); return the restored asset ids."""
    assets: list[int] = []
    pending_many: list[tuple[models.Model, dict[str, list]]] = []
    for row in rows:
        where = f"{row.model._meta.label} #{row.pk}"
        # History rows may name records deleted since: their links are not checked; a change
        # reason is optional (simple_history leaves it null).
        exclude = None
        if is_history(row.model):
            exclude = [f.name for f in foreign_keys(row.model)] + ["history_change_reason"]
        try:
            instance, many = build(row, people)
            instance.full_clean(exclude=exclude)
            models.Model.save_base(instance, raw=True)
        except ValidationError as error:
            raise BagError(f"{where} is not valid: {messages_of(error)}") from None
        except (TypeError, ValueError, OverflowError, DatabaseError) as error:
            # Values of the wrong type or out of the database's range.
            raise BagError(f"{where} cannot be stored: {error}") from None
        if many:
            pending_many.append((instance, many))
        counts[row.model._meta.label] = counts.get(row.model._meta.label, 0) + 1
        if row.model is Asset:
            assets.append(row.pk)
    for instance, many in pending_many:
        for name, ids in many.items():
            getattr(instance, name).set(ids)
    return assets


def messages_of(error: ValidationError) -> str:
    """Return a validation error's messages as one line, field by field."""
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def stage_files(plan: Plan, staging: Staging) -> None:
    """Copy the files the records name into staging; one already in place is kept as it is."""
    for name, path in sorted(plan.files.items()):
        if default_storage.exists(name):
            # The same bytes already there (merging into an archive that holds the file): keep.
            if file_sha256(name) == plan.hashes[name]:
                continue
            raise BagError(
                f"storage already holds a different file named {name}, which no restore wrote; "
                "refused (`manage.py fixity --orphans` lists files no record names)"
            )
        with open(path, "rb") as handle:
            staging.put(name, File(handle))


def reset_sequences() -> None:
    """Move PostgreSQL's id sequences past the restored ids (SQLite needs nothing)."""
    statements = connection.ops.sequence_reset_sql(no_style(), exported_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
