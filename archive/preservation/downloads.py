"""Downloads "with credit and caption": the catalogue's values merged into the file's own.

``catalogue_values`` is the one table of what a download writes, by XMP property; a new
catalogue field is one line there (its IIM and EXIF twins, if any, are in ``xmp.PROPERTIES``).
A file that cannot be changed without harm (Content Credentials, metadata we cannot parse
safely, a packet too large) is handed out untouched, zipped with an XMP sidecar.

A download is streamed: only the segments before the picture data are read and rewritten;
the picture data (or the whole original, in a ZIP) follows from storage a chunk at a time.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO

from django.core.cache import caches
from django.core.files.storage import default_storage

from archive.models import Asset
from archive.models.assets import is_locations
from archive.preservation import gif, png, tiff, webp
from archive.preservation.jpeg import (
    XMP_HEADER,
    content_credentials,
    merge_into_jpeg,
    split_jpeg,
)
from archive.preservation.xmp import UnsafeMetadata, Value, merge_xmp_packet
from archive.provenance import DATA_MINING_BASE, DIGITAL_SOURCE_TYPE_BASE

JPEG_FORMATS = ("jpeg", "jpg")
PNG_FORMATS = ("png",)
WEBP_FORMATS = ("webp",)
TIFF_FORMATS = ("tiff", "tif")
GIF_FORMATS = ("gif",)
# The originals that can carry the catalogue's XMP.
MERGED_FORMATS = JPEG_FORMATS + PNG_FORMATS + WEBP_FORMATS + TIFF_FORMATS + GIF_FORMATS


def catalogue_values(asset: Asset) -> dict[str, Value]:
    """The catalogue's values, by the XMP property each is written to (empty ones are skipped)."""
    return {
        "dc:title": asset.title,
        "dc:description": asset.current_caption,
        "dc:creator": split_names(asset.creator),
        "dc:rights": asset.copyright_notice,
        "photoshop:Credit": asset.credit.name if asset.credit_id else "",
        "photoshop:Source": asset.source,
        "dc:subject": [str(keyword) for keyword in asset.keywords or []],
        "xmpRights:WebStatement": asset.web_statement,
        "xmpRights:UsageTerms": asset.usage_terms,
        # IPTC Photo Metadata 2025.1 and PLUS, as archive.ingest.metadata reads them back.
        "Iptc4xmpExt:DigitalSourceType": vocabulary_uri(
            DIGITAL_SOURCE_TYPE_BASE, asset.digital_source_type
        ),
        "Iptc4xmpExt:AISystemUsed": asset.ai_system,
        "Iptc4xmpExt:AISystemVersionUsed": asset.ai_system_version,
        "Iptc4xmpExt:AIPromptInformation": asset.ai_prompt,
        "Iptc4xmpExt:AIPromptWriterName": asset.ai_prompt_writer,
        "plus:DataMining": vocabulary_uri(DATA_MINING_BASE, asset.data_mining),
        "plus:Licensor": [
            {"plus:LicensorName": name, "plus:LicensorURL": url}
            for name, url in firsts(split_names(asset.licensor_name), asset.licensor_url)
        ],
        "plus:CopyrightOwner": [
            {"plus:CopyrightOwnerName": name} for name in split_names(asset.copyright_owner)
        ],
        "plus:ImageSupplier": [
            {"plus:ImageSupplierName": name} for name in split_names(asset.image_supplier)
        ],
        "Iptc4xmpCore:AltTextAccessibility": asset.alt_text,
        "Iptc4xmpCore:ExtDescrAccessibility": asset.extended_description,
        "Iptc4xmpExt:PersonInImage": [str(name) for name in asset.persons_shown or []],
        "Iptc4xmpExt:LocationShown": location_shown(asset),
        # Its legacy XMP and IIM twins (MWG's City, State, Country and Location).
        "Iptc4xmpCore:Location": asset.location_sublocation,
        "photoshop:City": asset.location_city,
        "photoshop:State": asset.location_state,
        "Iptc4xmpCore:CountryCode": asset.location_country_code,
        "photoshop:Country": asset.location_country,
    }


def vocabulary_uri(base: str, code: str) -> str:
    """A controlled-vocabulary code as the URI IPTC and PLUS write (exiftool writes the same)."""
    return f"{base}{code}" if code else ""


def firsts(names: list[str], url: str) -> list[tuple[str, str]]:
    """Licensors and their URL: the catalogue keeps one URL, the first licensor's."""
    if not names:
        return [("", url)] if url else []
    return [(name, url if index == 0 else "") for index, name in enumerate(names)]


# A location's parts as the catalogue keeps them (Asset.other_locations_shown's keys) and the
# fields of IPTC's Location structure they are written to.
LOCATION_FIELDS = {
    "sublocation": "Iptc4xmpExt:Sublocation",
    "city": "Iptc4xmpExt:City",
    "state": "Iptc4xmpExt:ProvinceState",
    "country": "Iptc4xmpExt:CountryName",
    "country_code": "Iptc4xmpExt:CountryCode",
}


def location_shown(asset: Asset) -> list[dict[str, str | None]]:
    """Every location shown, in the catalogue's order: the first (the ``location_*`` fields,
    which have legacy twins: an empty one leaves the file's value alone, as theirs do), then
    the others, whole (a part they lack is removed from the file's item). The file's items
    past the catalogue's are removed; the fields the catalogue does not hold (a GPS position,
    a location id) are kept."""
    first = {
        "Iptc4xmpExt:Sublocation": asset.location_sublocation,
        "Iptc4xmpExt:City": asset.location_city,
        "Iptc4xmpExt:ProvinceState": asset.location_state,
        "Iptc4xmpExt:CountryName": asset.location_country,
        "Iptc4xmpExt:CountryCode": asset.location_country_code,
    }
    others = asset.other_locations_shown if is_locations(asset.other_locations_shown) else []
    others = [place for place in others if any(text.strip() for text in place.values())]
    if not others:
        return [first] if any(value.strip() for value in first.values()) else []
    return [first] + [
        {field: place.get(part, "").strip() or None for part, field in LOCATION_FIELDS.items()}
        for place in others
    ]


def split_names(creator: str) -> list[str]:
    """The catalogue joins several creators with "; " (as MWG does in EXIF Artist)."""
    return [name.strip() for name in re.split(r";\s+", creator) if name.strip()]


CHUNK = 64 * 1024  # what one read of the stored file asks for
DAMAGED = (
    png.DamagedPNG,
    webp.DamagedWebP,
    tiff.DamagedTIFF,
    gif.DamagedGIF,
)  # refused: nothing handed out
HEAD_LIMIT = 16 * 2**20  # segments before the picture data beyond this: handed out untouched


class Chunks:
    """The bytes of a download, a chunk at a time; closing it closes the stored file.

    Django's ``StreamingHttpResponse`` calls ``close()`` when the response ends, sent or not.
    """

    def __init__(self, chunks: Iterable[bytes], handle: IO[bytes]) -> None:
        self._chunks = chunks
        self._handle = handle

    def __iter__(self) -> Iterator[bytes]:
        return iter(self._chunks)

    def close(self) -> None:
        close = getattr(self._chunks, "close", None)
        if close is not None:
            close()
        self._handle.close()


@dataclass(frozen=True)
class Download:
    chunks: Chunks
    content_type: str
    filename: str
    length: int | None = None  # None when unknown before it is sent (a ZIP)
    sidecar_reason: str = ""  # why the file was left untouched, when it was


def download_with_metadata(
    asset: Asset, rendition: str, handle: IO[bytes], *, size: int | None = None
) -> Download:
    """Merge the catalogue into the stored JPEG, PNG, WebP, TIFF or GIF ``handle``, or zip it
    with a sidecar.

    Only the segments (chunks) before the picture data are read here (in a WebP, the chunk
    headers and its metadata chunks; in a TIFF, its header, IFD0 and metadata tags); the rest
    is read as the download is sent. ``size`` (the stored file's, when known) gives the
    download's length. The returned ``chunks`` own ``handle`` and close it. Raises
    ``DAMAGED`` for a file whose container is damaged (nothing is handed out).
    """
    values = catalogue_values(asset)
    name = f"asset-{asset.pk}-{rendition}"
    start = handle.read(12)  # what the file is, by its first bytes
    kind = file_kind(start)
    if rendition == "original" and kind == "jpeg":
        if asset.format.lower() in WEBP_FORMATS:
            raise webp.DamagedWebP("Damaged WebP: it does not start with a RIFF WEBP header.")
        if asset.format.lower() in TIFF_FORMATS:
            raise tiff.DamagedTIFF("Damaged TIFF: it does not start with a TIFF header.")
        if asset.format.lower() in GIF_FORMATS:
            raise gif.DamagedGIF("Damaged GIF: it does not start with a GIF header.")
    extension, content_type = {
        "png": (".png", "image/png"),
        "webp": (".webp", "image/webp"),
        "tiff": (".tif", "image/tiff"),
        "gif": (".gif", "image/gif"),
        "jpeg": (".jpg", "image/jpeg"),
    }[kind]
    head = b""
    layout = directory = gif_layout = None
    try:
        if kind == "gif":
            gif_layout = gif.read_layout(handle, HEAD_LIMIT, CHUNK)
            merged_gif = gif.merge_layout(gif_layout, values)
            chunks = gif.write_merged(merged_gif, handle, CHUNK)
            return Download(
                Chunks(chunks, handle), content_type, f"{name}{extension}", merged_gif.length
            )
        if kind == "tiff":
            directory = tiff.read_directory(handle, HEAD_LIMIT, CHUNK)
            merged_tiff = tiff.merge_directory(directory, values)
            chunks = tiff.write_merged(merged_tiff, handle, CHUNK)
            return Download(
                Chunks(chunks, handle), content_type, f"{name}{extension}", merged_tiff.length
            )
        if kind == "webp":
            layout = webp.read_layout(handle, HEAD_LIMIT, CHUNK)
            merged_layout = webp.merge_layout(layout, values)
            chunks = webp.write_merged(merged_layout, handle, CHUNK)
            length = webp.merged_length(merged_layout)
            return Download(Chunks(chunks, handle), content_type, f"{name}{extension}", length)
        if kind == "png":
            head = png.read_png_head(handle, HEAD_LIMIT, CHUNK, start=start)
            merged = png.merge_into_png(head, values)
        else:
            head = read_jpeg_head(handle, start=start)
            merged = merge_into_jpeg(head, values)
    except DAMAGED:
        raise
    except ValueError as error:  # UnsafeMetadata, or a JPEG too damaged to splice into
        reason = str(error)
    else:
        length = size - len(head) + len(merged) if size is not None else None
        chunks = _merged_chunks(merged, handle)
        return Download(Chunks(chunks, handle), content_type, f"{name}{extension}", length)
    handle.seek(0)
    if directory is not None:
        packet = sidecar_packet(tiff.packet_of(directory), values)
    elif gif_layout is not None:
        packet = sidecar_packet(gif.packet_of(gif_layout), values)
    elif layout is not None:
        packet = sidecar_packet(webp.packet_of(layout), values)
    else:
        packet = sidecar(head, values, kind)
    chunks = _zipped_chunks(handle, size, f"{name}{extension}", name, packet)
    return Download(
        Chunks(chunks, handle), "application/zip", f"{name}-with-xmp.zip", sidecar_reason=reason
    )


def file_kind(start: bytes) -> str:
    """What a stored file is, by its first 12 bytes: png, webp, tiff, gif, else jpeg."""
    kinds = (
        ("png", png.is_png),
        ("webp", webp.is_webp),
        ("tiff", tiff.is_tiff),
        ("gif", gif.is_gif),
    )
    for kind, is_kind in kinds:
        if is_kind(start):
            return kind
    return "jpeg"


def read_chunks(handle: IO[bytes]) -> Iterator[bytes]:
    """The rest of an open file, ``CHUNK`` bytes at most at a time."""
    while chunk := handle.read(CHUNK):
        yield chunk


def _merged_chunks(merged_head: bytes, handle: IO[bytes]) -> Iterator[bytes]:
    yield merged_head
    yield from read_chunks(handle)


class _Sink(io.RawIOBase):
    """A write-only, unseekable stream: ``zipfile`` writes into it, the download takes it."""

    def __init__(self) -> None:
        super().__init__()
        self._parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._parts.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data = b"".join(self._parts)
        self._parts.clear()
        return data


def _zipped_chunks(
    handle: IO[bytes], size: int | None, filename: str, name: str, sidecar_packet: bytes
) -> Iterator[bytes]:
    """The original untouched and its XMP sidecar, zipped as they are read.

    Stored, not deflated: the original's bytes are in the archive exactly as kept. On an
    unseekable stream ``zipfile`` writes each member's CRC and sizes after its data.
    """
    sink = _Sink()
    now = time.localtime(time.time())[:6]
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_STORED) as archive:
        original = zipfile.ZipInfo(filename, date_time=now)
        original.external_attr = 0o600 << 16
        original.file_size = size or 0  # only decides whether ZIP64 sizes are needed
        with archive.open(original, "w", force_zip64=size is None) as member:
            for chunk in read_chunks(handle):
                member.write(chunk)
                yield sink.take()
        archive.writestr(f"{name}.xmp", sidecar_packet)
    yield sink.take()


def sidecar_packet(packet: bytes | None, values: dict[str, Value]) -> bytes:
    """The file's own ``packet`` with the catalogue's values, or theirs alone if it is unsafe."""
    try:
        return merge_xmp_packet(packet, values, padding=0)
    except UnsafeMetadata:
        return merge_xmp_packet(None, values, padding=0)


def sidecar(data: bytes, values: dict[str, Value], kind: str = "jpeg") -> bytes:
    """An XMP sidecar: the file's own packet (when it can be read) with the catalogue's values."""
    if kind == "png":
        return sidecar_packet(png.packet_of(data), values)
    try:
        segments, _ = split_jpeg(data)
        packet = next(
            (
                s.payload[len(XMP_HEADER) :]
                for s in segments
                if s.marker == 0xE1 and s.payload.startswith(XMP_HEADER)
            ),
            None,
        )
        return merge_xmp_packet(packet, values, padding=0)
    except (ValueError, UnsafeMetadata):
        return merge_xmp_packet(None, values, padding=0)


def original_is_protected(asset: Asset) -> str:
    """Why the original must never be changed (Content Credentials), or ""; cached by hash."""
    if asset.format.lower() not in MERGED_FORMATS or not asset.file:
        return ""
    key = f"archive:content-credentials:{asset.sha256}"
    # Per process: a fact about immutable bytes needs no shared cache (nor its round trip).
    reason = caches["local"].get(key)
    if reason is None:
        try:
            with default_storage.open(asset.file.name, "rb") as handle:
                if asset.format.lower() in PNG_FORMATS:
                    reason = png.content_credentials(png.read_png_head(handle, HEAD_LIMIT, CHUNK))
                elif asset.format.lower() in WEBP_FORMATS:
                    layout = webp.read_layout(handle, HEAD_LIMIT, CHUNK)
                    reason = webp.content_credentials(layout)
                elif asset.format.lower() in TIFF_FORMATS:
                    directory = tiff.read_directory(handle, HEAD_LIMIT, CHUNK)
                    reason = tiff.content_credentials(directory)
                elif asset.format.lower() in GIF_FORMATS:
                    reason = gif.content_credentials(gif.read_layout(handle, HEAD_LIMIT, CHUNK))
                else:
                    reason = content_credentials(read_jpeg_head(handle))
        except (OSError, ValueError):  # UnsafeMetadata, a damaged container: not protected
            reason = ""
        caches["local"].set(key, reason, None)  # the file's bytes never change: its hash names them
    return reason


def read_jpeg_head(handle: IO[bytes], limit: int = HEAD_LIMIT, *, start: bytes = b"") -> bytes:
    """Read a JPEG's segments up to the start of scan (where any metadata is), not the picture.

    Stops where ``split_jpeg`` stops, with the bytes it looked at, so ``split_jpeg`` finds the
    same segments (or the same damage) in the head as in the whole file. Every read is
    bounded. Raises ``UnsafeMetadata`` when the segments run past ``limit`` bytes. ``start``:
    the file's first bytes, when the caller has read them already.
    """
    head = bytearray(start)

    def fill(size: int) -> bool:
        while len(head) < size:
            chunk = handle.read(min(size - len(head), CHUNK))
            if not chunk:
                return False
            head.extend(chunk)
        return True

    if not fill(2) or head[:2] != b"\xff\xd8":
        return bytes(head)
    position = 2
    while fill(position + 4) and head[position] == 0xFF:
        marker = head[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker == 0xDA or not (0xE0 <= marker <= 0xFE or 0xC0 <= marker <= 0xDF):
            break
        length = int.from_bytes(head[position + 2 : position + 4], "big")
        if length < 2:
            break
        if position + 2 + length > limit:
            raise UnsafeMetadata("The file's metadata is too large to merge into it.")
        if not fill(position + 2 + length):
            break
        position += 2 + length
    return bytes(head)
