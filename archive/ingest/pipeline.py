"""The one path every new file takes: validate, read IPTC/XMP/EXIF, hash, find duplicates,
store, record. The admin upload, the ``ingest`` command, article import and the seed loader all call
:func:`ingest_file`.

The renditions (thumbnail, preview), the pHash, the look-alike check, the Content Credentials
(C2PA) and the search document are background work: queued when the row commits, done by a worker (archive/background.py). A picture is still
decoded here, at thumbnail scale, so that a damaged one is refused at once and leaves nothing.

Nothing is half-saved: files are staged, the row is saved with a journal of them in one
transaction, then the files are published (``archive.preservation.staging``), so a refusal
or a crash, even ``kill -9``, leaves no file and no row behind, or one the next run finishes.
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.db import IntegrityError, transaction

from archive.background import PENDING, enqueue_processing
from archive.ingest.metadata import EmbeddedMetadata, read_metadata
from archive.ingest.renditions import decode_upright, storage_names
from archive.ingest.validation import IngestRefused, Probe, probe
from archive.ingest.video import frame_at
from archive.models import Asset, Credit
from archive.phash import phash_distance
from archive.preservation.staging import Staging
from archive.services import resolve_credit
from archive.text import credit_key

logger = logging.getLogger("archive.ingest")

CREATED, DUPLICATE, REJECTED = "created", "duplicate", "rejected"

# Asset fields filled from embedded metadata unless the archivist typed them.
METADATA_FIELDS = (
    "title",
    "description",
    "creator",
    "copyright_notice",
    "source",
    "date_taken",
    "keywords",
    "web_statement",
    "usage_terms",
    "digital_source_type",
    "ai_system",
    "ai_system_version",
    "ai_prompt",
    "ai_prompt_writer",
    "data_mining",
    "other_constraints",
    "licensor_name",
    "licensor_url",
    "copyright_owner",
    "image_supplier",
    "alt_text",
    "extended_description",
    "persons_shown",
    "location_sublocation",
    "location_city",
    "location_state",
    "location_country",
    "location_country_code",
    "other_locations_shown",
)


@dataclass
class IngestResult:
    """One file's fate."""

    status: str  # created | duplicate | rejected
    filename: str = ""
    asset: Asset | None = None
    reason: str = ""
    warnings: list[str] = field(default_factory=list)
    near_duplicate_of: Asset | None = None

    @property
    def asset_id(self) -> int | None:
        return self.asset.pk if self.asset else None

    def describe(self) -> str:
        """One line for people: ``created #12``, ``duplicate of #12``, ``rejected: reason``."""
        if self.status == CREATED:
            text = f"created #{self.asset_id}"
            if self.near_duplicate_of:
                text += f" (looks like #{self.near_duplicate_of.pk})"
            return text
        if self.status == DUPLICATE:
            return f"duplicate: already archived as #{self.asset_id}"
        return f"rejected: {self.reason}"

    def as_json(self) -> dict:
        return {
            "path": self.filename,
            "status": self.status,
            "asset_id": self.asset_id,
            "reason": self.reason,
            "warnings": self.warnings,
            "near_duplicate_of": self.near_duplicate_of.pk if self.near_duplicate_of else None,
        }


def read_source(source: BinaryIO | bytes | str | Path) -> bytes:
    if isinstance(source, bytes):
        return source
    if isinstance(source, (str, Path)):
        return Path(source).read_bytes()
    if hasattr(source, "seek"):
        source.seek(0)
    return source.read()


def find_look_alike(phash: str, *, max_distance: int) -> Asset | None:
    """Return the closest earlier asset within ``max_distance`` bits of ``phash``; among
    equally close ones the first archived, so that copies of copies point at the original
    (and a copy credited like another copy, but not like the original, is caught)."""
    found = look_alikes(phash, max_distance=max_distance)
    return found[0][1] if found else None


def look_alikes(phash: str, *, max_distance: int) -> list[tuple[int, Asset]]:
    """Every asset within ``max_distance`` bits of ``phash``, as (distance, asset), closest
    first (then the first archived). The band index gives candidates; each is measured."""
    candidates = Asset.objects.look_alikes_of(phash, max_distance).order_by()
    near = {}
    for pk, other in candidates.values_list("id", "phash"):
        distance = phash_distance(phash, other)
        if distance <= max_distance:
            near[pk] = distance
    assets = Asset.objects.only("id", "phash", "credit_id").in_bulk(near)
    return sorted(
        ((near[pk], asset) for pk, asset in assets.items()), key=lambda p: (p[0], p[1].pk)
    )


def check_decodable(probed: Probe) -> None:
    """Refuse a picture whose data cannot be decoded (damaged, truncated, over the budget).

    A decode at thumbnail scale (1/8 of a JPEG's DCT) is the cheapest full check; its result is
    dropped, the background task makes the renditions. A video's container and stream were
    checked by the probe; its poster frame is cut in the background.
    """
    if probed.media == "image":
        decode_upright(probed.image, settings.ARCHIVE_THUMBNAIL_SIZE).close()


def ingest_file(
    source: BinaryIO | bytes | str | Path,
    *,
    filename: str = "",
    credit: Credit | str | None = None,
    kind: str | None = None,
    user=None,
    fields: dict | None = None,
    video: Asset | None = None,
    timecode: float | None = None,
) -> IngestResult:
    """Take one file into the archive and return its fate; never raise for a bad file.

    ``fields`` are values the archivist typed (title, description, creator …): they win over
    embedded metadata and are remembered as edited. ``credit`` wins over the embedded credit.
    """
    filename = filename or (str(source) if isinstance(source, (str, Path)) else "")
    try:
        data = read_source(source)
    except OSError as error:
        return IngestResult(
            REJECTED, filename, reason=f"the file cannot be read ({error.strerror})"
        )
    sha256 = hashlib.sha256(data).hexdigest()
    existing = Asset.objects.filter(sha256=sha256).first()
    if existing:
        return IngestResult(DUPLICATE, filename, asset=existing)
    try:
        probed = probe(data)
        if kind == Asset.Kind.VIDEO and probed.media != "video":
            raise IngestRefused("a video was expected, but this file is a picture")
        if kind and kind != Asset.Kind.VIDEO and probed.media == "video":
            raise IngestRefused("a picture was expected, but this file is a video")
        check_decodable(probed)
    except IngestRefused as refusal:
        return IngestResult(REJECTED, filename, reason=refusal.reason)

    # IPTC/XMP/EXIF fill the catalogue's fields (a millisecond or two). Content Credentials
    # (C2PA) are read by the background task: they decide no refusal and fill no typed field.
    metadata = read_metadata(data, probed.image) if probed.media == "image" else EmbeddedMetadata()
    asset = build_asset(
        probed=probed,
        data=data,
        sha256=sha256,
        filename=filename,
        metadata=metadata,
        kind=kind,
        credit=credit,
        fields=fields or {},
        video=video,
        timecode=timecode,
        user=user,
    )
    try:
        asset.full_clean(exclude=["file"], validate_unique=False)
    except Exception as error:  # ValidationError: say which rule, keep nothing
        messages = getattr(error, "messages", [str(error)])
        return IngestResult(REJECTED, filename, reason="; ".join(messages))
    result = store(asset, data=data, filename=filename, metadata=metadata)
    if result.status == CREATED:
        # What the background task has done by now: nothing with a worker, everything when
        # tasks run immediately (ARCHIVE_TASKS_BACKEND=immediate, the test suite).
        result.asset.refresh_from_db(fields=PROCESSED_FIELDS)
        result.warnings = list(result.asset.metadata_warnings)
        result.near_duplicate_of = result.asset.near_duplicate_of
        conflict = credit_conflict(result.asset, result.near_duplicate_of)
        if conflict:
            result.warnings.append(conflict)
    return result


# The fields the background task fills (archive/background.py).
PROCESSED_FIELDS = (
    "thumbnail",
    "preview",
    "phash",
    "near_duplicate_of",
    "processing_state",
    "processing_error",
    "processing_attempts",
    "c2pa_state",
    "c2pa_summary",
    "c2pa_manifest_store",
    "digital_source_type",
    "metadata_warnings",
)


def credit_conflict(asset: Asset, look_alike: Asset | None) -> str:
    """Say when a new picture looks like an archived one credited to someone else."""
    if look_alike is None or asset.credit_id == look_alike.credit_id:
        return ""
    theirs = Credit.objects.filter(pk=look_alike.credit_id).first()
    ours = asset.credit.name if asset.credit_id else "no one"
    return (
        f"looks like #{look_alike.pk}, which is credited to {theirs.name if theirs else 'no one'}, "
        f"while this file is credited to {ours}: check the credit"
    )


def web_address(text: str) -> str:
    """Keep an embedded URL only when it is a web address (others stay in the raw metadata)."""
    return text if text.startswith(("http://", "https://")) and len(text) <= 500 else ""


def fitted(name: str, value):
    """Cut embedded text to its field's length: a file's metadata is not the catalogue's."""
    limit = Asset._meta.get_field(name).max_length
    if isinstance(value, str) and limit and len(value) > limit:
        return value[:limit].rstrip()
    return value


def build_asset(
    *,
    probed: Probe,
    data: bytes,
    sha256: str,
    filename: str,
    metadata: EmbeddedMetadata,
    kind: str | None,
    credit: Credit | str | None,
    fields: dict,
    video: Asset | None,
    timecode: float | None,
    user,
) -> Asset:
    """Make the unsaved Asset: typed fields over embedded metadata over inherited values."""
    if kind is None:
        kind = Asset.Kind.VIDEO if probed.media == "video" else Asset.Kind.PHOTO
        if video is not None:
            kind = Asset.Kind.STILL
    embedded = {
        "title": metadata.headline,
        "description": metadata.description,
        "creator": metadata.creator,
        "copyright_notice": metadata.copyright_notice,
        "source": metadata.source,
        "date_taken": metadata.date_taken,
        "keywords": metadata.keywords,
        "web_statement": web_address(metadata.web_statement),
        "usage_terms": metadata.usage_terms,
        # Else what valid Content Credentials' actions declare, read by the background task.
        "digital_source_type": metadata.digital_source_type,
        "ai_system": metadata.ai_system,
        "ai_system_version": metadata.ai_system_version,
        "ai_prompt": metadata.ai_prompt,
        "ai_prompt_writer": metadata.ai_prompt_writer,
        "data_mining": metadata.data_mining,
        "other_constraints": metadata.other_constraints,
        "licensor_name": metadata.licensor,
        "licensor_url": web_address(metadata.licensor_url),
        "copyright_owner": metadata.copyright_owner,
        "image_supplier": metadata.image_supplier,
        "alt_text": metadata.alt_text,
        "extended_description": metadata.extended_description,
        "persons_shown": metadata.persons_shown,
        "location_sublocation": metadata.location_sublocation,
        "location_city": metadata.location_city,
        "location_state": metadata.location_state,
        "location_country": metadata.location_country,
        "location_country_code": metadata.location_country_code
        if len(metadata.location_country_code) <= 3
        else "",
        "other_locations_shown": metadata.other_locations_shown,
    }
    embedded = {name: fitted(name, value) for name, value in embedded.items()}
    values = {name: embedded[name] for name in METADATA_FIELDS if embedded[name]}
    if video is not None:
        # A still inherits its video's descriptive fields unless it carries its own.
        for name in ("creator", "copyright_notice", "source"):
            values.setdefault(name, getattr(video, name))
    typed = {name: value for name, value in fields.items() if value not in (None, "", [])}
    values.update(typed)
    explicit_credit = bool(credit)
    # A credit never seen before is only named here; store() creates it in the same
    # transaction as the asset, so a failed ingest leaves no orphan credit behind.
    new_credit_name = ""
    if isinstance(credit, str):
        new_credit_name = credit if credit_key(credit) else ""
        credit = resolve_credit(credit, create=False)
    if credit is None and not new_credit_name and metadata.credit:
        new_credit_name = metadata.credit if credit_key(metadata.credit) else ""
        credit = resolve_credit(metadata.credit, create=False)
    if credit is None and not new_credit_name and video is not None:
        credit = video.credit
    if values.get("date_taken") is not None and values["date_taken"].tzinfo is None:
        from django.utils import timezone

        values["date_taken"] = timezone.make_aware(values["date_taken"])
    asset = Asset(
        kind=kind,
        sha256=sha256,
        processing_state=PENDING,
        format=probed.format,
        mime_type=probed.mime_type,
        width=probed.width,
        height=probed.height,
        bytes=len(data),
        duration=probed.duration,
        original_filename=Path(filename).name[:255] if filename else "",
        credit=credit,
        video=video,
        timecode=timecode,
        embedded_metadata=metadata.raw,
        metadata_warnings=metadata.warnings,
        edited_fields=sorted(typed) + (["credit"] if explicit_credit else []),
        created_by=user if getattr(user, "is_authenticated", False) else None,
        **values,
    )
    asset.new_credit_name = new_credit_name if credit is None else ""
    # The reason its history shows for the row's creation (history_change_reason: 100 chars).
    if video is not None:
        reason = f"Still cut from video #{video.pk} at {timecode:.2f} s"
    else:
        reason = f"Uploaded as {Path(filename).name}" if filename else "Uploaded"
    asset._change_reason = reason[:100]
    return asset


def store(asset: Asset, *, data: bytes, filename: str, metadata: EmbeddedMetadata) -> IngestResult:
    """Stage the original, save the row with its journal, publish it, queue the processing.

    Killed before the row commits, nothing in the archive changed (the staged copies are swept
    by the next run); after, the journal lets the next run finish (``archive.preservation.staging``).
    """
    original_name, _, _ = storage_names(asset.sha256, asset.format)
    staging = Staging()
    try:
        staging.put(original_name, data)
        asset.file.name = original_name
        with transaction.atomic():
            if getattr(asset, "new_credit_name", ""):
                asset.credit = resolve_credit(asset.new_credit_name)
            asset.save()
            staging.journal()
    except IntegrityError:
        # The same bytes were archived by another upload between our check and our insert.
        staging.discard()
        existing = Asset.objects.filter(sha256=asset.sha256).first()
        if existing:
            return IngestResult(DUPLICATE, filename, asset=existing)
        raise
    except BaseException:
        staging.discard()
        raise
    # Called inside a caller's transaction (the admin's cut-still form), the files are
    # published now, not at the caller's commit: a rollback there would leave them unnamed,
    # which `fixity --orphans` finds.
    staging.publish()
    # After the publish: the task reads the original. Inside a caller's transaction it is
    # queued at that transaction's commit, so a rollback queues nothing.
    enqueue_processing([asset.pk])
    logger.info("ingested %s as asset #%s", filename or asset.sha256[:12], asset.pk)
    return IngestResult(
        CREATED,
        filename,
        asset=asset,
        warnings=list(metadata.warnings),
        near_duplicate_of=asset.near_duplicate_of,
    )


def cut_still(
    video: Asset,
    timecode: float,
    *,
    user=None,
    credit: Credit | str | None = None,
    fields: dict | None = None,
) -> IngestResult:
    """Cut the frame at ``timecode`` from a video asset and ingest it as a still."""
    label = f"{video.original_filename or f'video #{video.pk}'} at {timecode:.2f} s"
    if video.kind != Asset.Kind.VIDEO:
        return IngestResult(REJECTED, label, reason="stills can only be cut from a video")
    if timecode < 0 or (video.duration is not None and timecode > video.duration):
        length = f"{video.duration:.2f} s" if video.duration is not None else "unknown"
        return IngestResult(
            REJECTED, label, reason=f"the timecode {timecode:.2f} s is outside the video ({length})"
        )
    existing = Asset.objects.filter(video=video, timecode=timecode).first()
    if existing:
        return IngestResult(DUPLICATE, label, asset=existing)
    try:
        with video.file.open("rb") as handle:
            frame = frame_at(io.BytesIO(handle.read()), timecode)
    except IngestRefused as refusal:
        return IngestResult(REJECTED, label, reason=refusal.reason)
    buffer = io.BytesIO()
    frame.save(buffer, "JPEG", quality=92)
    return ingest_file(
        buffer.getvalue(),
        filename=label,
        credit=credit,
        kind=Asset.Kind.STILL,
        user=user,
        fields=fields,
        video=video,
        timecode=timecode,
    )
