"""The admin's bulk upload: many files (and ZIP archives) at once, each through the ingest path.

Three views: the upload page (a multi-file form that works without JavaScript and shows a
result page), the one-file endpoint the page's script calls once per file, answering JSON, and
the processing endpoint the page polls to follow each file's background work to "ready".
Unpacking ZIP archives safely is a pure function here too: limits on members and on bytes
actually inflated, no path games, no archive inside an archive.
"""

from __future__ import annotations

import logging
import posixpath
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from archive.ingest import REJECTED, IngestResult, ingest_file
from archive.ingest.pipeline import credit_conflict
from archive.ingest.validation import IngestRefused
from archive.models import Asset, Credit
from archive.text import MAX_ID
from archive.web.media import media_url

logger = logging.getLogger("archive.ingest")

ZIP_MAGIC = b"PK\x03\x04"
# Files a ZIP made on a Mac or Windows carries besides the pictures.
ZIP_NOISE = ("__MACOSX/", ".DS_Store", "Thumbs.db", "desktop.ini")
FAILED = "the server failed while storing this file; nothing of it was kept"


class ZipRefused(IngestRefused):
    """A ZIP archive the upload will not unpack, with a reason a person understands."""


@dataclass
class ZipMember:
    """One file inside an archive: its bytes, or the reason it was not unpacked."""

    name: str
    data: bytes | None = None
    refusal: str = ""


def is_zip_upload(upload) -> bool:
    """Tell whether an uploaded file is a ZIP archive, by its first bytes (never its name)."""
    upload.seek(0)
    head = upload.read(len(ZIP_MAGIC))
    upload.seek(0)
    return head == ZIP_MAGIC


def unsafe_member_name(name: str) -> bool:
    """Tell whether a member's name tries to leave the archive (absolute, ``..``, a drive)."""
    if not name or "\x00" in name:
        return True
    normal = name.replace("\\", "/")
    if normal.startswith("/") or (len(normal) > 1 and normal[1] == ":"):
        return True
    return ".." in normal.split("/") or posixpath.normpath(normal).startswith("..")


def read_capped(handle: IO[bytes], cap: int) -> bytes | None:
    """Read at most ``cap`` bytes; None if there is more (the declared size is not trusted)."""
    chunks, total = [], 0
    while True:
        chunk = handle.read(min(1024 * 1024, cap + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > cap:
            return None


# The most entries of any kind (files, folders, a Mac's resource-fork twins) an archive may list
# for each file it may hold: more are refused before ``zipfile`` reads its table of contents.
ENTRIES_PER_MEMBER = 4
MIN_ENTRIES = 100


def count_entries(source: IO[bytes], limit: int) -> int:
    """Count the entries a ZIP's central directory lists, reading at most ``limit + 1`` of them.

    ``zipfile`` makes an object for every entry before anything can be counted: a 200 MB
    archive of empty entries lists 4 million (1M took 40 s and 550 MB). Here only each entry's
    fixed header is read, and counting stops past ``limit``. An archive whose directory cannot
    be read this way counts what was read; ``zipfile`` then says it is damaged. The layout is
    ``zipfile``'s own (its end-of-directory reader and struct formats), so both walk the same
    entries.
    """
    source.seek(0)
    try:
        end = zipfile._EndRecData(source)
    except (OSError, zipfile.BadZipFile, struct.error, ValueError):
        end = None  # unreadable: zipfile refuses it as damaged
    if not end:
        source.seek(0)
        return 0
    size = end[zipfile._ECD_SIZE]
    start = end[zipfile._ECD_LOCATION] - size
    if end[zipfile._ECD_SIGNATURE] == zipfile.stringEndArchive64:
        start -= zipfile.sizeEndCentDir64 + zipfile.sizeEndCentDir64Locator
    count = read = 0
    if start >= 0:
        source.seek(start)
        while read < size and count <= limit:
            header = source.read(zipfile.sizeCentralDir)
            if len(header) != zipfile.sizeCentralDir:
                break
            fields = struct.unpack(zipfile.structCentralDir, header)
            if fields[zipfile._CD_SIGNATURE] != zipfile.stringCentralDir:
                break
            rest = (
                fields[zipfile._CD_FILENAME_LENGTH]
                + fields[zipfile._CD_EXTRA_FIELD_LENGTH]
                + fields[zipfile._CD_COMMENT_LENGTH]
            )
            source.seek(rest, 1)
            read += zipfile.sizeCentralDir + rest
            count += 1
    source.seek(0)
    return count


def unpack_zip(
    source: IO[bytes], *, max_members: int, max_total_bytes: int, max_member_bytes: int
) -> Iterator[ZipMember]:
    """Yield the files of a ZIP archive one at a time, refusing what is unsafe.

    Raise ZipRefused for the whole archive when it is unreadable or declares too many files
    or too many bytes; otherwise refuse single members (unsafe path, nested archive,
    encrypted, too big) and go on. Inflated bytes are counted as they are read, so a member
    that lies about its size cannot exhaust memory.
    """
    max_entries = max(ENTRIES_PER_MEMBER * max_members, MIN_ENTRIES)
    if count_entries(source, max_entries) > max_entries:
        raise ZipRefused(
            f"the ZIP archive lists more than {max_entries} entries (files, folders and "
            f"system files); the limit is {max_members} files"
        )
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ZipRefused("the ZIP archive is damaged and cannot be opened") from None
    with archive:
        members = [
            info
            for info in archive.infolist()
            if not info.is_dir() and not any(noise in info.filename for noise in ZIP_NOISE)
        ]
        if len(members) > max_members:
            raise ZipRefused(
                f"the ZIP archive holds {len(members)} files; the limit is {max_members}"
            )
        declared = sum(info.file_size for info in members)
        if declared > max_total_bytes:
            raise ZipRefused(
                f"the ZIP archive unpacks to {declared / 1e6:.0f} MB; the limit is "
                f"{max_total_bytes / 1e6:.0f} MB"
            )
        inflated = 0
        for info in members:
            name = info.filename
            if unsafe_member_name(name):
                yield ZipMember(name, refusal="its path leaves the archive; not unpacked")
                continue
            if info.flag_bits & 0x1:
                yield ZipMember(name, refusal="it is encrypted; not unpacked")
                continue
            if (info.external_attr >> 16) & 0o170000 == 0o120000:
                yield ZipMember(name, refusal="it is a symbolic link; not unpacked")
                continue
            if name.lower().endswith(".zip"):
                yield ZipMember(name, refusal="a ZIP inside a ZIP is not unpacked")
                continue
            cap = min(max_member_bytes, max_total_bytes - inflated)
            try:
                with archive.open(info) as handle:
                    data = read_capped(handle, cap)
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
                yield ZipMember(name, refusal="it is damaged in the archive; not unpacked")
                continue
            if data is None:
                if cap < max_member_bytes:
                    raise ZipRefused(
                        "the ZIP archive unpacks to more than "
                        f"{max_total_bytes / 1e6:.0f} MB; the rest was not unpacked"
                    )
                yield ZipMember(name, refusal="it is larger than the upload limit; not unpacked")
                continue
            inflated += len(data)
            if data.startswith(ZIP_MAGIC):
                yield ZipMember(name, refusal="a ZIP inside a ZIP is not unpacked")
                continue
            yield ZipMember(name, data=data)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files from one ``<input multiple>``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        # An empty file is refused by the pipeline, by name, as one file's fate: a form error
        # would drop the whole batch without saying which file was empty.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class UploadOptionsForm(forms.Form):
    """What the archivist may set for every file of an upload."""

    credit = forms.ModelChoiceField(
        queryset=Credit.objects.all(),
        required=False,
        help_text="Leave empty to use the credit embedded in each file.",
    )
    kind = forms.ChoiceField(
        choices=[("", "Detect (photo or video)")]
        + [(value, label) for value, label in Asset.Kind.choices if value != Asset.Kind.STILL],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        credit = self.fields["credit"]
        credit.widget = AutocompleteSelect(Asset._meta.get_field("credit"), admin.site)
        credit.widget.choices = credit.choices


class BulkUploadForm(UploadOptionsForm):
    files = MultipleFileField(label="Files", help_text="Pictures, videos or ZIP archives of them.")
    field_order = ["files", "credit", "kind"]


class OneFileForm(UploadOptionsForm):
    file = forms.FileField(allow_empty_file=True)  # refused by the pipeline, with its name


def result_json(result: IngestResult) -> dict:
    """Describe one file's fate for the upload page: links, thumbnail and credit included."""
    asset = result.asset
    return {
        "filename": result.filename,
        "status": result.status,
        "asset_id": result.asset_id,
        "reason": result.reason,
        "warnings": list(result.warnings),
        "thumbnail_url": media_url(asset, "thumbnail")
        if asset is not None and asset.thumbnail
        else "",
        "admin_url": reverse("admin:archive_asset_change", args=[asset.pk])
        if asset is not None
        else "",
        "credit": asset.credit.name if asset is not None and asset.credit_id else "",
        "near_duplicate_of": result.near_duplicate_of.pk if result.near_duplicate_of else None,
        "processing": asset.processing_state if asset is not None else "",
        "processing_error": asset.processing_error if asset is not None else "",
    }


# The most assets one poll of the processing endpoint answers for (a batch is up to 500 files).
MAX_POLLED = 500


def processing_json(asset: Asset, *, with_reason: bool) -> dict:
    """One asset's background work for the upload page: its state, and once ready its
    thumbnail, look-alike and any credit conflict with it."""
    ready = asset.processing_state == Asset.Processing.READY
    return {
        "state": asset.processing_state,
        "label": asset.get_processing_state_display(),
        "error": asset.processing_error if with_reason else "",
        "thumbnail_url": media_url(asset, "thumbnail") if ready and asset.thumbnail else "",
        "near_duplicate_of": asset.near_duplicate_of_id,
        "warning": credit_conflict(asset, asset.near_duplicate_of) if ready else "",
    }


def processing_status(request: HttpRequest, model_admin: admin.ModelAdmin) -> JsonResponse:
    """Answer the processing state of the assets asked for (``?ids=3,4,5``), by id."""
    if not request.user.has_perm("archive.view_asset"):
        raise PermissionDenied
    try:
        ids = {int(part) for part in request.GET.get("ids", "").split(",") if part.strip()}
    except ValueError:
        return JsonResponse({"reason": "ids: asset numbers separated by commas"}, status=400)
    if len(ids) > MAX_POLLED:
        return JsonResponse({"reason": f"at most {MAX_POLLED} assets a request"}, status=400)
    # A number past the database's integer range names no asset (the query would overflow).
    ids = {pk for pk in ids if 0 < pk <= MAX_ID}
    with_reason = request.user.has_perm("archive.change_asset")
    assets = Asset.objects.filter(pk__in=ids).select_related("credit", "near_duplicate_of")
    return JsonResponse(
        {
            "assets": {
                str(asset.pk): processing_json(asset, with_reason=with_reason) for asset in assets
            }
        }
    )


def ingest_upload(
    data: bytes, *, filename: str, credit: Credit | None, kind: str | None, user
) -> IngestResult:
    """Ingest one uploaded file so that a crash keeps nothing of it and never stops the batch."""
    try:
        # ingest_file writes one file's rows in one transaction (a new credit included) and
        # deletes the files it wrote if that fails: earlier files stay, the batch goes on.
        return ingest_file(data, filename=filename, credit=credit, kind=kind or None, user=user)
    except Exception:
        logger.exception("ingest of %s failed", filename)
        return IngestResult(REJECTED, filename, reason=FAILED)


def ingest_uploaded_file(
    upload, *, credit: Credit | None, kind: str | None, user
) -> list[IngestResult]:
    """Ingest one uploaded file, or every file of an uploaded ZIP archive, in order."""
    name = upload.name or "upload"
    if not is_zip_upload(upload):
        return [ingest_upload(upload.read(), filename=name, credit=credit, kind=kind, user=user)]
    results = []
    try:
        for member in unpack_zip(
            upload,
            max_members=settings.ARCHIVE_ZIP_MAX_MEMBERS,
            max_total_bytes=settings.ARCHIVE_ZIP_MAX_BYTES,
            max_member_bytes=settings.ARCHIVE_MAX_UPLOAD_BYTES,
        ):
            label = f"{name}/{member.name}"
            if member.data is None:
                results.append(IngestResult(REJECTED, label, reason=member.refusal))
            else:
                results.append(
                    ingest_upload(member.data, filename=label, credit=credit, kind=kind, user=user)
                )
    except ZipRefused as refusal:
        results.append(IngestResult(REJECTED, name, reason=refusal.reason))
    return results


def check_permission(request: HttpRequest) -> None:
    if not request.user.has_perm("archive.add_asset"):
        raise PermissionDenied


def upload_page(request: HttpRequest, model_admin: admin.ModelAdmin) -> HttpResponse:
    """Show the upload form; without JavaScript, take all files in one post and list their fates."""
    check_permission(request)
    results: list[dict] = []
    if request.method == "POST":
        form = BulkUploadForm(request.POST, request.FILES)
        if form.is_valid():
            for upload in form.cleaned_data["files"]:
                results.extend(
                    result_json(result)
                    for result in ingest_uploaded_file(
                        upload,
                        credit=form.cleaned_data["credit"],
                        kind=form.cleaned_data["kind"],
                        user=request.user,
                    )
                )
            form = BulkUploadForm(initial=form.cleaned_data)
    else:
        form = BulkUploadForm()
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Asset._meta,
        "title": "Upload files",
        "form": form,
        "media": model_admin.media + form.media,
        "results": results,
        "counts": {
            status: sum(1 for item in results if item["status"] == status)
            for status in ("created", "duplicate", "rejected")
        },
        "endpoint": reverse("admin:archive_asset_upload_file"),
        "processing_endpoint": reverse("admin:archive_asset_processing"),
        "max_bytes": settings.ARCHIVE_MAX_UPLOAD_BYTES,
        # SQLite takes one writer at a time: upload in turn there, two at once elsewhere.
        "parallel": 1 if connection.vendor == "sqlite" else 2,
    }
    return TemplateResponse(request, "admin/archive/asset/upload.html", context)


def upload_one_file(request: HttpRequest, model_admin: admin.ModelAdmin) -> JsonResponse:
    """Take one file (or one ZIP) per request and answer its fate as JSON (a list for a ZIP)."""
    check_permission(request)
    if request.method != "POST":
        return JsonResponse({"status": REJECTED, "reason": "POST a file."}, status=405)
    form = OneFileForm(request.POST, request.FILES)
    if not form.is_valid():
        reason = "; ".join(str(error) for errors in form.errors.values() for error in errors)
        return JsonResponse({"status": REJECTED, "reason": reason}, status=400)
    upload = form.cleaned_data["file"]
    results = ingest_uploaded_file(
        upload,
        credit=form.cleaned_data["credit"],
        kind=form.cleaned_data["kind"],
        user=request.user,
    )
    payload = [result_json(result) for result in results]
    if not is_zip_upload(upload):
        return JsonResponse(payload[0])
    return JsonResponse(payload, safe=False)
