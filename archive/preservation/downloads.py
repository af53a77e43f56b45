"""Downloads "with credit and caption": the catalogue's values merged into the file's own.

``catalogue_values`` is the one table of what a download writes, by XMP property; a new
catalogue field is one line there (its IIM and EXIF twins, if any, are in ``xmp.PROPERTIES``).
A file that cannot be changed without harm (Content Credentials, metadata we cannot parse
safely, a packet too large) is handed out untouched, zipped with an XMP sidecar.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import IO

from django.core.cache import caches
from django.core.files.storage import default_storage

from archive.models import Asset
from archive.preservation.jpeg import (
    XMP_HEADER,
    content_credentials,
    merge_into_jpeg,
    split_jpeg,
)
from archive.preservation.xmp import UnsafeMetadata, Value, merge_xmp_packet
from archive.provenance import DATA_MINING_BASE, DIGITAL_SOURCE_TYPE_BASE

JPEG_FORMATS = ("jpeg", "jpg")


def catalogue_values(asset: Asset) -> dict[str, Value]:
    """The catalogue's values, by the XMP property each is written to (empty ones are skipped)."""
    return {
        "dc:title": asset.title,
        "dc:description": asset.printed_caption,
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


def location_shown(asset: Asset) -> list[dict[str, str]]:
    """The (first) location shown; the file's other locations and fields are kept."""
    fields = {
        "Iptc4xmpExt:Sublocation": asset.location_sublocation,
        "Iptc4xmpExt:City": asset.location_city,
        "Iptc4xmpExt:ProvinceState": asset.location_state,
        "Iptc4xmpExt:CountryName": asset.location_country,
        "Iptc4xmpExt:CountryCode": asset.location_country_code,
    }
    return [fields] if any(value.strip() for value in fields.values()) else []


def split_names(creator: str) -> list[str]:
    """The catalogue joins several creators with "; " (as MWG does in EXIF Artist)."""
    return [name.strip() for name in re.split(r";\s+", creator) if name.strip()]


@dataclass(frozen=True)
class Download:
    content: bytes
    content_type: str
    filename: str
    sidecar_reason: str = ""  # why the file was left untouched, when it was


def download_with_metadata(asset: Asset, rendition: str, data: bytes) -> Download:
    """Merge the catalogue into the JPEG ``data``, or zip it untouched with an XMP sidecar."""
    values = catalogue_values(asset)
    name = f"asset-{asset.pk}-{rendition}"
    try:
        return Download(merge_into_jpeg(data, values), "image/jpeg", f"{name}.jpg")
    except ValueError as error:  # UnsafeMetadata, or a JPEG too damaged to splice into
        reason = str(error)
    buffer = io.BytesIO()
    # Stored, not deflated: the original's bytes are in the archive exactly as kept.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(f"{name}.jpg", data)
        archive.writestr(f"{name}.xmp", sidecar(data, values))
    return Download(buffer.getvalue(), "application/zip", f"{name}-with-xmp.zip", reason)


def sidecar(data: bytes, values: dict[str, Value]) -> bytes:
    """An XMP sidecar: the file's own packet (when it can be read) with the catalogue's values."""
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
    if asset.format.lower() not in JPEG_FORMATS or not asset.file:
        return ""
    key = f"archive:content-credentials:{asset.sha256}"
    # Per process: a fact about immutable bytes needs no shared cache (nor its round trip).
    reason = caches["local"].get(key)
    if reason is None:
        try:
            with default_storage.open(asset.file.name, "rb") as handle:
                reason = content_credentials(jpeg_head(handle))
        except OSError:
            reason = ""
        caches["local"].set(key, reason, None)  # the file's bytes never change: its hash names them
    return reason


def jpeg_head(handle: IO[bytes], limit: int = 16 * 2**20) -> bytes:
    """Read a JPEG's segments up to the start of scan (where any metadata is), not the picture."""
    head = bytearray(handle.read(2))
    while len(head) < limit:
        marker = handle.read(4)
        head += marker
        if len(marker) < 4 or marker[0] != 0xFF or marker[1] == 0xDA:
            break
        head += handle.read(int.from_bytes(marker[2:4], "big") - 2)
    return bytes(head)
