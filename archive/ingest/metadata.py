"""Read the captions, credits and rights embedded in an image file.

Three blocks can carry the same facts: IPTC IIM (in a JPEG's Photoshop APP13 segment or a
TIFF tag), XMP (an RDF/XML packet) and EXIF. They often disagree, so the values are reconciled
the way the Metadata Working Group recommends and exiftool's MWG module implements it
(``exiftool -use MWG``, ``lib/Image/ExifTool/MWG.pm``):

* EXIF (read as UTF-8) first where the field exists in EXIF and is not blank;
* otherwise XMP, unless there is no XMP or the IPTC was changed after the XMP was written
  (a stored Photoshop IPTCDigest no longer matches the IPTC block);
* then IPTC, recovering the full XMP value where the IPTC one is a copy cut at the IIM
  length limit.

Beyond exiftool: when the chosen IPTC text declares no character set and is not valid
UTF-8, and the XMP holds the same text read under a legacy code page (Latin-1, cp1252, Mac
Roman), the XMP text is taken. Line endings are normalised to LF and trailing whitespace is
stripped in the reconciled values.

The reader is pure Python, never raises and never decodes pixel data: damaged blocks are
skipped with a human-readable warning.
"""

from __future__ import annotations

import hashlib
import io
import math
import re
import struct
import warnings as pywarnings
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from archive.provenance import data_mining_code, digital_source_type_code

if TYPE_CHECKING:  # pragma: no cover
    from PIL import Image as PILImage

__all__ = ["EmbeddedMetadata", "read_metadata"]


@dataclass
class EmbeddedMetadata:
    description: str = ""  # caption
    headline: str = ""
    creator: str = ""  # several creators joined with "; "
    credit: str = ""
    source: str = ""
    copyright_notice: str = ""
    date_taken: datetime | None = None  # aware if the file gives a zone, else naive
    keywords: list[str] = field(default_factory=list)
    web_statement: str = ""
    usage_terms: str = ""
    licensor: str = ""  # IPTC Extension plus:Licensor name(s)
    licensor_url: str = ""  # the first licensor's plus:LicensorURL
    copyright_owner: str = ""  # IPTC Extension plus:CopyrightOwner name(s)
    image_supplier: str = ""  # plus:ImageSupplier name(s)
    # How it was made: the IPTC code of Iptc4xmpExt:DigitalSourceType ("" if none or unknown)
    digital_source_type: str = ""
    ai_system: str = ""  # IPTC 2025.1 AI System Used
    ai_system_version: str = ""  # AI System Version Used
    ai_prompt: str = ""  # AI Prompt Information
    ai_prompt_writer: str = ""  # AI Prompt Writer Name
    data_mining: str = ""  # the PLUS code of plus:DataMining ("" if none or unknown)
    other_constraints: str = ""  # plus:OtherConstraints
    alt_text: str = ""  # Iptc4xmpCore:AltTextAccessibility
    extended_description: str = ""  # Iptc4xmpCore:ExtDescrAccessibility
    persons_shown: list[str] = field(default_factory=list)  # Iptc4xmpExt:PersonInImage
    # The (first) location shown: IPTC Extension LocationShown, else the legacy Core fields
    location_sublocation: str = ""
    location_city: str = ""
    location_state: str = ""
    location_country: str = ""
    location_country_code: str = ""
    camera: str = ""  # "Make Model"
    orientation: int | None = None
    # JSON-serialisable: {"iptc": {...}, "xmp": {...}, "exif": {...}} with readable keys
    raw: dict = field(default_factory=dict)
    # human sentences, e.g. "The EXIF block is damaged and was skipped."
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Limits and tables

_MAX_XMP_BYTES = 16 * 1024 * 1024  # larger packets (or inflated iTXt) are refused
_MAX_BINARY_IN_RAW = 256  # binary values longer than this are summarised in ``raw``

# IIM dataset lengths (bytes) used by MWG to recognise a truncated copy of an XMP value.
_LIMIT_DESCRIPTION = 2000
_LIMIT_CREATOR = 32
_LIMIT_COPYRIGHT = 128
_LIMIT_KEYWORD = 64
_LIMIT_HEADLINE = 256
_LIMIT_CREDIT = 32
_LIMIT_SOURCE = 32
_LIMIT_CITY = 32
_LIMIT_SUBLOCATION = 32
_LIMIT_STATE = 32
_LIMIT_COUNTRY_CODE = 3
_LIMIT_COUNTRY = 64

_LEGACY_ENCODINGS = ("latin-1", "cp1252", "mac_roman")

_IIM_NAMES: dict[tuple[int, int], str] = {
    (1, 0): "EnvelopeRecordVersion",
    (1, 5): "Destination",
    (1, 20): "FileFormat",
    (1, 22): "FileVersion",
    (1, 30): "ServiceIdentifier",
    (1, 40): "EnvelopeNumber",
    (1, 50): "ProductID",
    (1, 60): "EnvelopePriority",
    (1, 70): "DateSent",
    (1, 80): "TimeSent",
    (1, 90): "CodedCharacterSet",
    (1, 100): "UniqueObjectName",
    (2, 0): "ApplicationRecordVersion",
    (2, 3): "ObjectTypeReference",
    (2, 4): "ObjectAttributeReference",
    (2, 5): "ObjectName",
    (2, 7): "EditStatus",
    (2, 8): "EditorialUpdate",
    (2, 10): "Urgency",
    (2, 12): "SubjectReference",
    (2, 15): "Category",
    (2, 20): "SupplementalCategories",
    (2, 22): "FixtureIdentifier",
    (2, 25): "Keywords",
    (2, 26): "ContentLocationCode",
    (2, 27): "ContentLocationName",
    (2, 30): "ReleaseDate",
    (2, 35): "ReleaseTime",
    (2, 37): "ExpirationDate",
    (2, 38): "ExpirationTime",
    (2, 40): "SpecialInstructions",
    (2, 42): "ActionAdvised",
    (2, 45): "ReferenceService",
    (2, 47): "ReferenceDate",
    (2, 50): "ReferenceNumber",
    (2, 55): "DateCreated",
    (2, 60): "TimeCreated",
    (2, 62): "DigitalCreationDate",
    (2, 63): "DigitalCreationTime",
    (2, 65): "OriginatingProgram",
    (2, 70): "ProgramVersion",
    (2, 75): "ObjectCycle",
    (2, 80): "By-line",
    (2, 85): "By-lineTitle",
    (2, 90): "City",
    (2, 92): "Sub-location",
    (2, 95): "Province-State",
    (2, 100): "Country-PrimaryLocationCode",
    (2, 101): "Country-PrimaryLocationName",
    (2, 103): "OriginalTransmissionReference",
    (2, 105): "Headline",
    (2, 110): "Credit",
    (2, 115): "Source",
    (2, 116): "CopyrightNotice",
    (2, 118): "Contact",
    (2, 120): "Caption-Abstract",
    (2, 121): "LocalCaption",
    (2, 122): "Writer-Editor",
    (2, 125): "RasterizedCaption",
    (2, 130): "ImageType",
    (2, 131): "ImageOrientation",
    (2, 135): "LanguageIdentifier",
    (2, 150): "AudioType",
    (2, 200): "ObjectPreviewFileFormat",
    (2, 201): "ObjectPreviewFileVersion",
    (2, 202): "ObjectPreviewData",
}
_IIM_INTEGERS = {(1, 0), (1, 20), (1, 22), (2, 0), (2, 200), (2, 201)}
_IIM_BINARY = {(2, 125), (2, 202)}
_IIM_REPEATABLE = {
    (1, 5), (1, 50), (2, 4), (2, 12), (2, 20), (2, 25), (2, 26), (2, 27), (2, 42), (2, 80),
    (2, 85), (2, 118), (2, 122),
}  # fmt: skip

_IIM_CHARSETS = {
    b"\x1b%G": "utf-8",
    b"\x1b%/G": "utf-8",
    b"\x1b%/I": "utf-8",
    b"\x1b-A": "latin-1",
    b"\x1b.A": "latin-1",
}

_PHOTOSHOP_SIGNATURES = (b"8BIM", b"PHUT", b"DCSR", b"AgHg", b"MeSa")
_PS_IPTC = 0x0404
_PS_IPTC_DIGEST = 0x0425

# XMP namespaces
_NS_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_NS_XML = "http://www.w3.org/XML/1998/namespace"
_NS_DC = "http://purl.org/dc/elements/1.1/"
_NS_PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/"
_NS_XMP_RIGHTS = "http://ns.adobe.com/xap/1.0/rights/"
_NS_PLUS = "http://ns.useplus.org/ldf/xmp/1.0/"
_NS_IPTC_EXT = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
_KNOWN_PREFIXES = {
    _NS_RDF: "rdf",
    _NS_XML: "xml",
    _NS_DC: "dc",
    _NS_PHOTOSHOP: "photoshop",
    _NS_XMP_RIGHTS: "xmpRights",
    _NS_PLUS: "plus",
    _NS_IPTC_EXT: "Iptc4xmpExt",
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": "Iptc4xmpCore",
    "http://ns.adobe.com/xap/1.0/": "xmp",
    "http://ns.adobe.com/xap/1.0/mm/": "xmpMM",
    "http://ns.adobe.com/exif/1.0/": "exif",
    "http://ns.adobe.com/tiff/1.0/": "tiff",
    "http://ns.adobe.com/xmp/note/": "xmpNote",
    "adobe:ns:meta/": "x",
}
_XMP_APP1_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
_XMP_EXT_APP1_HEADER = b"http://ns.adobe.com/xmp/extension/\x00"
_EXIF_APP1_HEADER = b"Exif\x00\x00"
_PHOTOSHOP_APP13_HEADER = b"Photoshop 3.0\x00"

# EXIF tags
_TAG_IMAGE_DESCRIPTION = 0x010E
_TAG_MAKE = 0x010F
_TAG_MODEL = 0x0110
_TAG_ORIENTATION = 0x0112
_TAG_ARTIST = 0x013B
_TAG_COPYRIGHT = 0x8298
_TAG_EXIF_IFD = 0x8769
_TAG_GPS_IFD = 0x8825
_TAG_INTEROP_IFD = 0xA005
_TAG_MAKER_NOTE = 0x927C
_TAG_DATETIME_ORIGINAL = 0x9003
_TAG_OFFSET_TIME_ORIGINAL = 0x9011
_TAG_SUBSEC_TIME_ORIGINAL = 0x9291
_TIFF_TAG_XMP = 700
_TIFF_TAG_IPTC = 33723
_TIFF_TAG_PHOTOSHOP = 34377


# --------------------------------------------------------------------------------------------
# Internal records


@dataclass
class _IptcText:
    """One IIM text value: the decoded text, its bytes and how it was decoded."""

    text: str
    raw: bytes
    legacy: bool  # undeclared and not valid UTF-8: read as Latin-1


@dataclass
class _Found:
    """Everything the container walk found, before interpretation."""

    iptc_block: bytes | None = None
    iptc_digest: bytes | None = None
    xmp_packet: bytes | str | None = None
    exif_block: bytes | None = None
    fmt: str = ""


class _Warnings:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, sentence: str) -> None:
        if sentence not in self.items:
            self.items.append(sentence)


# --------------------------------------------------------------------------------------------
# Public entry point


def read_metadata(data: bytes, image: PILImage.Image | None = None) -> EmbeddedMetadata:
    """Read the IPTC, XMP and EXIF in ``data`` (the whole file) and reconcile them.

    ``image`` is an already-opened Pillow image of the same bytes, if the caller has one; its
    pixels are never loaded. Never raises: damaged blocks are skipped with a warning.
    """
    result = EmbeddedMetadata()
    warnings = _Warnings()
    try:
        _read_into(result, data, image, warnings)
    except Exception as exc:  # noqa: BLE001 - the reader must never raise
        warnings.add(
            f"The metadata could not be read completely ({type(exc).__name__}); "
            "what was read before the problem is kept."
        )
    result.warnings = warnings.items
    return result


def _read_into(result: EmbeddedMetadata, data: Any, image: Any, warnings: _Warnings) -> None:
    if data is None:
        data = b""
    if not isinstance(data, bytes):
        try:
            data = bytes(data)
        except Exception:  # noqa: BLE001
            warnings.add("The file's contents could not be read as bytes.")
            data = b""
    if not data:
        warnings.add("The file is empty: there is no metadata to read.")
        result.raw = {"iptc": {}, "xmp": {}, "exif": {}}
        return

    own_image = False
    if image is None:
        image, own_image = _open_image(data, warnings), True
    try:
        found = _find_blocks(data, image, warnings)
        iptc = _read_iptc(found, warnings)
        xmp = _read_xmp(found.xmp_packet, warnings)
        exif = _read_exif(found, image, warnings)
        result.raw = {"iptc": iptc.raw, "xmp": xmp, "exif": exif.raw}
        _reconcile(result, iptc, xmp, exif, warnings)
    finally:
        if own_image and image is not None:
            try:
                image.close()
            except Exception:  # noqa: BLE001
                pass


def _open_image(data: bytes, warnings: _Warnings) -> Any:
    try:
        from PIL import Image
    except Exception:  # noqa: BLE001  # pragma: no cover
        return None
    try:
        with pywarnings.catch_warnings():
            # Pillow parses the EXIF on open and complains about damage; the EXIF reader
            # parses it again and reports it in words.
            pywarnings.simplefilter("ignore")
            return Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:
        warnings.add(
            "The image declares dimensions too large to be safe (a possible decompression "
            "bomb); only the metadata blocks were read."
        )
    except Exception:  # noqa: BLE001
        if not _sniff_format(data):
            warnings.add("The file is not a recognised image format; no metadata was found.")
        else:
            warnings.add("The image could not be opened; its metadata blocks were read directly.")
    return None


# --------------------------------------------------------------------------------------------
# Containers


def _sniff_format(data: bytes) -> str:
    if data[:2] == b"\xff\xd8":
        return "JPEG"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "PNG"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "TIFF"
    return ""


def _find_blocks(data: bytes, image: Any, warnings: _Warnings) -> _Found:
    fmt = _sniff_format(data)
    found = _Found(fmt=fmt)
    if fmt == "JPEG":
        _walk_jpeg(data, found, warnings)
    elif fmt == "PNG":
        _walk_png(data, found, warnings)
    elif fmt == "WEBP":
        _walk_webp(data, found, warnings)
    elif fmt == "GIF":
        _walk_gif(data, found, warnings)
    elif fmt == "TIFF":
        _walk_tiff(image, found, warnings)
    if found.xmp_packet is None and image is not None:
        # Anything Pillow found that the walk above did not (other formats, odd layouts).
        info = getattr(image, "info", None) or {}
        packet = info.get("xmp") or info.get("XML:com.adobe.xmp")
        if isinstance(packet, (bytes, str)) and packet:
            found.xmp_packet = packet
    return found


def _walk_jpeg(data: bytes, found: _Found, warnings: _Warnings) -> None:
    photoshop = bytearray()
    saw_photoshop = saw_scan = False
    pos, end = 2, len(data)
    while pos < end:
        if data[pos] != 0xFF:
            nxt = data.find(b"\xff", pos)
            if nxt < 0:
                warnings.add("The JPEG ends in bytes that are not a segment; they were skipped.")
                break
            warnings.add("Unexpected bytes between JPEG segments were skipped.")
            pos = nxt
            continue
        if pos + 1 >= end:
            break
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0x00, 0x01, 0xD8) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image, start of scan: no metadata after this
            saw_scan = marker == 0xDA
            break
        if pos + 4 > end:
            warnings.add("The JPEG is truncated inside a segment header.")
            break
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        if length < 2:
            warnings.add("A JPEG segment has an impossible length; the rest was skipped.")
            break
        seg_end = pos + 2 + length
        if seg_end > end:
            warnings.add("The JPEG is truncated inside a metadata segment.")
        segment = data[pos + 4 : min(seg_end, end)]
        if marker == 0xE1:
            if segment.startswith(_EXIF_APP1_HEADER):
                if found.exif_block is None:
                    found.exif_block = segment[len(_EXIF_APP1_HEADER) :]
            elif segment.startswith(_XMP_APP1_HEADER):
                if found.xmp_packet is None:
                    found.xmp_packet = segment[len(_XMP_APP1_HEADER) :]
                else:
                    warnings.add("A second XMP packet was found and ignored.")
            elif segment.startswith(_XMP_EXT_APP1_HEADER):
                warnings.add("Extended XMP (over 64 KB) is not read; only the main packet is.")
        elif marker == 0xED and segment.startswith(_PHOTOSHOP_APP13_HEADER):
            # Photoshop splits a large resource block over consecutive APP13 segments.
            photoshop += segment[len(_PHOTOSHOP_APP13_HEADER) :]
            saw_photoshop = True
        pos = seg_end
    if not saw_scan:
        warnings.add("The JPEG has no image data (no start-of-scan segment).")
    elif not data.rstrip(b"\x00").endswith(b"\xff\xd9"):
        warnings.add("The JPEG has no end-of-image marker: the file may be truncated.")
    if saw_photoshop:
        _read_photoshop_irb(bytes(photoshop), found, warnings)


def _read_photoshop_irb(irb: bytes, found: _Found, warnings: _Warnings) -> None:
    """Parse Photoshop image resource blocks, resynchronising on junk."""
    pos, end = 0, len(irb)
    while pos + 12 <= end:
        if irb[pos : pos + 4] not in _PHOTOSHOP_SIGNATURES:
            nxt = irb.find(b"8BIM", pos + 1)
            if nxt < 0:
                if irb[pos:].strip(b"\x00"):
                    warnings.add("The Photoshop resource block contains junk that was skipped.")
                break
            warnings.add("The Photoshop resource block contains junk that was skipped.")
            pos = nxt
            continue
        resource_id = int.from_bytes(irb[pos + 4 : pos + 6], "big")
        name_len = irb[pos + 6]
        p = pos + 7 + name_len
        if (name_len + 1) % 2:
            p += 1  # the Pascal name is padded to an even length
        if p + 4 > end:
            warnings.add("The Photoshop resource block is truncated.")
            break
        size = int.from_bytes(irb[p : p + 4], "big")
        p += 4
        if p + size > end:
            warnings.add("A Photoshop resource runs past the end of its block and was cut.")
            size = end - p
        value = irb[p : p + size]
        if resource_id == _PS_IPTC:
            if found.iptc_block is None:
                found.iptc_block = value
            elif value != found.iptc_block:
                warnings.add("A second IPTC block was found and ignored.")
        elif resource_id == _PS_IPTC_DIGEST and found.iptc_digest is None and size >= 16:
            found.iptc_digest = value[:16]
        pos = p + size + (size & 1)


def _walk_png(data: bytes, found: _Found, warnings: _Warnings) -> None:
    pos, end = 8, len(data)
    while pos + 8 <= end:
        length = int.from_bytes(data[pos : pos + 4], "big")
        ctype = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if pos + 12 + length > end:
            warnings.add("The PNG is truncated inside a chunk.")
        pos += 12 + length
        if ctype == b"IEND":
            break
        if ctype == b"eXIf" and found.exif_block is None:
            found.exif_block = body
        elif ctype in (b"iTXt", b"zTXt", b"tEXt"):
            keyword, text = _png_text(ctype, body, warnings)
            if keyword == b"XML:com.adobe.xmp" and found.xmp_packet is None:
                found.xmp_packet = text
            elif keyword.startswith(b"Raw profile type "):
                _png_raw_profile(keyword[17:], text, found, warnings)


def _png_text(ctype: bytes, body: bytes, warnings: _Warnings) -> tuple[bytes, bytes]:
    keyword, _, rest = body.partition(b"\x00")
    try:
        if ctype == b"tEXt":
            return keyword, rest
        if ctype == b"zTXt":
            return keyword, _inflate(rest[1:])
        compressed, rest = rest[:1] == b"\x01", rest[2:]
        _lang, _, rest = rest.partition(b"\x00")
        _translated, _, text = rest.partition(b"\x00")
        return keyword, _inflate(text) if compressed else text
    except (zlib.error, ValueError):
        warnings.add("A compressed PNG text chunk is damaged or too large and was skipped.")
        return keyword, b""


def _inflate(blob: bytes) -> bytes:
    inflater = zlib.decompressobj()
    out = inflater.decompress(blob, _MAX_XMP_BYTES)
    if inflater.unconsumed_tail:
        raise ValueError("inflated text too large")
    return out


def _png_raw_profile(kind: bytes, text: bytes, found: _Found, warnings: _Warnings) -> None:
    """ImageMagick's "Raw profile type X" text: a name, a length and hex digits."""
    parts = text.split(b"\n", 3)
    try:
        blob = bytes.fromhex(parts[3].decode("ascii")) if len(parts) == 4 else b""
    except ValueError:
        warnings.add("A PNG raw metadata profile is damaged and was skipped.")
        return
    if kind in (b"iptc", b"8bim") and found.iptc_block is None:
        if blob.startswith(b"8BIM"):
            _read_photoshop_irb(blob, found, warnings)
        else:
            found.iptc_block = blob
    elif kind in (b"exif", b"APP1") and found.exif_block is None:
        found.exif_block = blob[6:] if blob.startswith(_EXIF_APP1_HEADER) else blob
    elif kind == b"xmp" and found.xmp_packet is None:
        found.xmp_packet = blob


def _walk_webp(data: bytes, found: _Found, warnings: _Warnings) -> None:
    pos, end = 12, len(data)  # the RIFF size is often wrong: trust the chunks instead
    while pos + 8 <= end:
        ctype = data[pos : pos + 4]
        length = int.from_bytes(data[pos + 4 : pos + 8], "little")
        body = data[pos + 8 : pos + 8 + length]
        if pos + 8 + length > end:
            warnings.add("The WebP file is truncated inside a chunk.")
        pos += 8 + length + (length & 1)
        if ctype == b"EXIF" and found.exif_block is None:
            found.exif_block = body[6:] if body.startswith(_EXIF_APP1_HEADER) else body
        elif ctype == b"XMP " and found.xmp_packet is None:
            found.xmp_packet = body


def _walk_gif(data: bytes, found: _Found, warnings: _Warnings) -> None:
    header = b"\x21\xff\x0bXMP DataXMP"
    start = data.find(header)
    if start < 0:
        return
    body = data[start + len(header) :]
    # The packet is stored as raw bytes followed by a 258-byte "magic trailer".
    end = body.find(b"<?xpacket end=")
    if end >= 0:
        close = body.find(b">", end)
        body = body[: close + 1] if close >= 0 else body
    else:
        close = body.find(b"</x:xmpmeta>")
        if close < 0:
            warnings.add("The GIF's XMP packet has no end and was skipped.")
            return
        body = body[: close + len(b"</x:xmpmeta>")]
    found.xmp_packet = body


def _walk_tiff(image: Any, found: _Found, warnings: _Warnings) -> None:
    if image is None or not hasattr(image, "tag_v2"):
        warnings.add("The TIFF directory could not be read.")
        return
    try:
        tagdata = getattr(getattr(image, "tag", None), "tagdata", None) or {}
        iptc = tagdata.get(_TIFF_TAG_IPTC)
        if iptc is None and _TIFF_TAG_IPTC in image.tag_v2:
            iptc = _tiff_value_bytes(image.tag_v2[_TIFF_TAG_IPTC])
        if iptc:
            found.iptc_block = bytes(iptc)
        photoshop = tagdata.get(_TIFF_TAG_PHOTOSHOP)
        if photoshop is None and _TIFF_TAG_PHOTOSHOP in image.tag_v2:
            photoshop = _tiff_value_bytes(image.tag_v2[_TIFF_TAG_PHOTOSHOP])
        if photoshop:
            _read_photoshop_irb(bytes(photoshop), found, warnings)
        xmp = tagdata.get(_TIFF_TAG_XMP)
        if xmp is None and _TIFF_TAG_XMP in image.tag_v2:
            xmp = _tiff_value_bytes(image.tag_v2[_TIFF_TAG_XMP])
        if xmp:
            found.xmp_packet = bytes(xmp)
    except Exception:  # noqa: BLE001
        warnings.add("The TIFF metadata tags are damaged and were skipped.")


def _tiff_value_bytes(value: Any) -> bytes:
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, str):
        return value.encode("latin-1", "replace")
    if isinstance(value, tuple) and all(isinstance(v, int) for v in value):
        if all(0 <= v < 256 for v in value):
            return bytes(value)
        return b"".join(struct.pack(">I", v & 0xFFFFFFFF) for v in value)
    if isinstance(value, tuple) and len(value) == 1:
        return _tiff_value_bytes(value[0])
    return b""


# --------------------------------------------------------------------------------------------
# IPTC IIM


@dataclass
class _Iptc:
    present: bool = False
    fields: dict[tuple[int, int], list[_IptcText]] = field(default_factory=dict)
    current_digest: bytes | None = None
    stored_digest: bytes | None = None
    raw: dict = field(default_factory=dict)

    def first(self, key: tuple[int, int]) -> _IptcText | None:
        values = self.fields.get(key)
        return values[0] if values else None

    @property
    def digest_stale(self) -> bool:
        return (
            self.current_digest is not None
            and self.stored_digest is not None
            and self.current_digest != self.stored_digest
        )


def _read_iptc(found: _Found, warnings: _Warnings) -> _Iptc:
    iptc = _Iptc()
    if found.iptc_digest is not None:
        iptc.stored_digest = found.iptc_digest
        iptc.raw["IPTCDigest"] = found.iptc_digest.hex()
    block = found.iptc_block
    if block is None:
        return iptc
    iptc.present = True
    iptc.current_digest = hashlib.md5(block).digest()  # noqa: S324 - Photoshop's own digest
    iptc.raw["CurrentIPTCDigest"] = iptc.current_digest.hex()
    if iptc.digest_stale:
        warnings.add(
            "The IPTC was changed after its digest was stored, so any XMP may be out of "
            "date; IPTC values were preferred over XMP."
        )

    datasets = _parse_iim(block, warnings)
    charset = None
    for record, number, value in datasets:
        if (record, number) == (1, 90):
            charset = value
            break
    encoding = None
    if charset is not None:
        encoding = _IIM_CHARSETS.get(charset.rstrip(b"\x00"))
        iptc.raw["CodedCharacterSet"] = "UTF8" if encoding == "utf-8" else _printable(charset)
        if encoding is None:
            warnings.add(
                "The IPTC declares a character set this reader does not know; its text was "
                "read as UTF-8 where valid, otherwise as Latin-1."
            )

    legacy_seen = False
    for record, number, value in datasets:
        key = (record, number)
        name = _IIM_NAMES.get(key, f"{record}:{number}")
        if key == (1, 90):
            continue
        if key in _IIM_INTEGERS and len(value) <= 4:
            raw_value: Any = int.from_bytes(value, "big") if value else None
        elif key in _IIM_BINARY:
            raw_value = _binary_summary(value)
        else:
            decoded = _decode_iim_text(value, encoding, warnings)
            legacy_seen = legacy_seen or decoded.legacy
            iptc.fields.setdefault(key, []).append(decoded)
            raw_value = decoded.text
        if key in _IIM_REPEATABLE:
            iptc.raw.setdefault(name, []).append(raw_value)
        elif name in iptc.raw:
            existing = iptc.raw[name]
            iptc.raw[name] = (existing if isinstance(existing, list) else [existing]) + [raw_value]
        else:
            iptc.raw[name] = raw_value
    if legacy_seen:
        warnings.add(
            "Some IPTC text declares no character set and is not valid UTF-8; it was read as "
            "Latin-1."
        )
    return iptc


def _parse_iim(block: bytes, warnings: _Warnings) -> list[tuple[int, int, bytes]]:
    out: list[tuple[int, int, bytes]] = []
    pos, end = 0, len(block)
    while pos < end:
        if block[pos] != 0x1C:
            if block[pos:].strip(b"\x00"):
                warnings.add("The IPTC block has a bad data tag; it was read only up to it.")
            break
        if pos + 5 > end:
            warnings.add("The IPTC block is truncated.")
            break
        record, number = block[pos + 1], block[pos + 2]
        length = int.from_bytes(block[pos + 3 : pos + 5], "big")
        pos += 5
        if length & 0x8000:  # extended dataset: the length's length follows
            count = length & 0x7FFF
            if count > 4 or pos + count > end:
                warnings.add(
                    "The IPTC block has an impossible dataset length; the rest was skipped."
                )
                break
            length = int.from_bytes(block[pos : pos + count], "big")
            pos += count
        if pos + length > end:
            warnings.add("An IPTC value runs past the end of its block and was cut.")
            length = end - pos
        out.append((record, number, block[pos : pos + length]))
        pos += length
    return out


def _decode_iim_text(value: bytes, encoding: str | None, warnings: _Warnings) -> _IptcText:
    value = value.rstrip(b"\x00")
    if encoding == "utf-8":
        try:
            return _IptcText(value.decode("utf-8"), value, False)
        except UnicodeDecodeError:
            warnings.add("IPTC text declared as UTF-8 is not valid UTF-8; it was read as Latin-1.")
            return _IptcText(value.decode("latin-1"), value, False)
    if encoding == "latin-1":
        return _IptcText(value.decode("latin-1"), value, False)
    try:
        return _IptcText(value.decode("utf-8"), value, False)
    except UnicodeDecodeError:
        return _IptcText(value.decode("latin-1"), value, True)


def _iptc_date(date: _IptcText | None, time: _IptcText | None) -> datetime | None:
    if date is None:
        return None
    digits = re.sub(r"[^0-9]", "", date.text)
    if len(digits) < 4:
        return None
    year = int(digits[0:4])
    month = int(digits[4:6] or 1) or 1
    day = int(digits[6:8] or 1) or 1
    hour = minute = second = 0
    tz = None
    if time is not None:
        match = re.match(
            r"^\s*(\d\d):?(\d\d):?(\d\d)?(?:\.\d+)?\s*(?:([+-])(\d\d):?(\d\d)|(Z))?",
            time.text,
        )
        if match:
            hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
            tz = _zone(match[4], match[5], match[6], match[7])
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------
# XMP


def _decode_xmp_packet(packet: bytes | str, warnings: _Warnings) -> str | None:
    if isinstance(packet, str):
        return packet
    if len(packet) > _MAX_XMP_BYTES:
        warnings.add("The XMP packet is too large to read and was skipped.")
        return None
    head = packet[:4]
    encoding = None
    if head.startswith(b"\xef\xbb\xbf"):
        encoding, packet = "utf-8", packet[3:]
    elif head in (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00"):
        encoding = "utf-32"
    elif head[:2] in (b"\xfe\xff", b"\xff\xfe"):
        encoding = "utf-16"
    elif head == b"\x00\x00\x00<":
        encoding = "utf-32-be"
    elif head == b"<\x00\x00\x00":
        encoding = "utf-32-le"
    elif head[:2] == b"\x00<":
        encoding = "utf-16-be"
    elif head[:2] == b"<\x00":
        encoding = "utf-16-le"
    elif b"\x00<\x00x\x00:" in packet or b"\x00<\x00?\x00x\x00p" in packet:
        encoding = "utf-16-be"
        packet = packet[packet.find(b"\x00<") :]
    elif b"<\x00x\x00:\x00" in packet or b"<\x00?\x00x\x00p\x00" in packet:
        encoding = "utf-16-le"
        packet = packet[packet.find(b"<\x00") :]
    else:
        encoding = "utf-8"
    if encoding.startswith("utf-16") and len(packet) % 2:
        packet = packet[:-1]
    try:
        return packet.decode(encoding)
    except UnicodeDecodeError:
        warnings.add("The XMP packet is not valid Unicode; unreadable characters were replaced.")
        return packet.decode(encoding, "replace")


def _read_xmp(packet: bytes | str | None, warnings: _Warnings) -> dict:
    if packet is None:
        return {}
    text = _decode_xmp_packet(packet, warnings)
    if text is None:
        return {}
    text = text.lstrip("\ufeff\x00 \t\r\n")
    text = re.sub(r"^<\?xml[^>]*\?>", "", text)  # the declaration may name a different charset
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        warnings.add(
            "The XMP packet declares a DTD or entities (a possible entity-expansion or "
            "external-entity attack) and was ignored."
        )
        return {}
    first, last = text.find("<"), text.rfind(">")
    if first < 0 or last < first:
        warnings.add("The XMP packet is not well-formed XML and was ignored.")
        return {}
    text = text[first : last + 1]

    prefixes: dict[str, str] = {}
    try:
        parser = SafeET.iterparse(
            io.BytesIO(text.encode("utf-8")),
            events=("start-ns",),
            forbid_dtd=True,
            forbid_entities=True,
            forbid_external=True,
        )
        for _event, (prefix, uri) in parser:
            prefixes.setdefault(uri, prefix)
        root = parser.root
    except DefusedXmlException:
        warnings.add(
            "The XMP packet declares a DTD or entities (a possible entity-expansion or "
            "external-entity attack) and was ignored."
        )
        return {}
    except SafeET.ParseError:
        warnings.add("The XMP packet is not well-formed XML and was ignored.")
        return {}
    if root is None:
        warnings.add("The XMP packet is empty and was ignored.")
        return {}

    names = _QNames(prefixes)
    props: dict[str, Any] = {}
    rdf_roots = [root] if root.tag == f"{{{_NS_RDF}}}RDF" else root.iter(f"{{{_NS_RDF}}}RDF")
    for rdf in rdf_roots:
        for description in rdf:
            if description.tag != f"{{{_NS_RDF}}}Description":
                continue
            for key, value in _struct_fields(description, names, depth=0).items():
                props.setdefault(key, value)
    return props


class _QNames:
    def __init__(self, prefixes: dict[str, str]) -> None:
        self.prefixes = prefixes

    def __call__(self, tag: str) -> str:
        if not tag.startswith("{"):
            return tag
        uri, _, local = tag[1:].partition("}")
        prefix = _KNOWN_PREFIXES.get(uri) or self.prefixes.get(uri) or uri
        return f"{prefix}:{local}"


_RDF_ABOUT = f"{{{_NS_RDF}}}about"
_RDF_RESOURCE = f"{{{_NS_RDF}}}resource"
_RDF_PARSETYPE = f"{{{_NS_RDF}}}parseType"
_RDF_VALUE = f"{{{_NS_RDF}}}value"
_RDF_LI = f"{{{_NS_RDF}}}li"
_XML_LANG = f"{{{_NS_XML}}}lang"
_MAX_DEPTH = 32


def _struct_fields(element: Any, names: _QNames, depth: int) -> dict[str, Any]:
    """The properties of a node: its non-RDF attributes and its child elements."""
    out: dict[str, Any] = {}
    for key, value in element.attrib.items():
        if key.startswith((f"{{{_NS_RDF}}}", f"{{{_NS_XML}}}")) or key == "about":
            continue  # RDF syntax, not properties (bare "about" is pre-2004 XMP)
        out.setdefault(names(key), value)
    for child in element:
        if child.tag == f"{{{_NS_RDF}}}Description":  # nested node description
            for key, value in _struct_fields(child, names, depth + 1).items():
                out.setdefault(key, value)
            continue
        out.setdefault(names(child.tag), _rdf_value(child, names, depth + 1))
    return out


def _rdf_value(element: Any, names: _QNames, depth: int) -> Any:
    """A property element's value: text, list, language alternative or structure."""
    if depth > _MAX_DEPTH:
        return ""
    if _RDF_RESOURCE in element.attrib:
        return element.attrib[_RDF_RESOURCE]
    children = list(element)
    if element.attrib.get(_RDF_PARSETYPE) == "Resource":
        return _struct_fields(element, names, depth)
    if not children:
        attrs = {k: v for k, v in element.attrib.items() if not k.startswith(f"{{{_NS_XML}}}")}
        if attrs:
            return _struct_fields(element, names, depth)
        return element.text or ""
    for child in children:
        if child.tag == _RDF_VALUE:  # a value with qualifiers
            return child.text or ""
    container = children[0]
    if container.tag in (f"{{{_NS_RDF}}}Alt", f"{{{_NS_RDF}}}Seq", f"{{{_NS_RDF}}}Bag"):
        items = [li for li in container if li.tag == _RDF_LI]
        if container.tag.endswith("Alt") and items and all(_XML_LANG in li.attrib for li in items):
            alternatives: dict[str, Any] = {}
            for li in items:
                alternatives.setdefault(li.attrib[_XML_LANG], _rdf_value(li, names, depth + 1))
            return alternatives
        return [_rdf_value(li, names, depth + 1) for li in items]
    return _struct_fields(element, names, depth)


def _xmp_text(value: Any) -> str | None:
    """A simple or language-alternative XMP value as text (x-default preferred)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        if "x-default" in value and isinstance(value["x-default"], str):
            return value["x-default"]
        for item in value.values():
            if isinstance(item, str):
                return item
        return None
    if isinstance(value, list):
        for item in value:
            text = _xmp_text(item)
            if text is not None:
                return text
    return None


def _xmp_list(value: Any) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, list):
        return [t for t in (_xmp_text(v) for v in value) if t is not None]
    text = _xmp_text(value)
    return [text] if text is not None else None


def _xmp_struct_names(value: Any, key: str) -> list[str] | None:
    if value is None:
        return None
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict):
            name = _xmp_text(item.get(key))
            if name:
                names.append(name)
    return names


def _xmp_date(text: str | None) -> datetime | None:
    if not text:
        return None
    match = re.match(
        r"^\s*(\d{4})(?:[-:](\d\d)(?:[-:](\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?"
        r"\s*(?:([+-])(\d\d):?(\d\d)|(Z))?)?)?)?",
        text,
    )
    if not match:
        return None
    try:
        return datetime(
            int(match[1]),
            int(match[2] or 1) or 1,
            int(match[3] or 1) or 1,
            int(match[4] or 0),
            int(match[5] or 0),
            int(match[6] or 0),
            _microseconds(match[7]),
            tzinfo=_zone(match[8], match[9], match[10], match[11]),
        )
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------
# EXIF


@dataclass
class _Exif:
    tags: dict[int, Any] = field(default_factory=dict)
    exif_ifd: dict[int, Any] = field(default_factory=dict)
    raw: dict = field(default_factory=dict)

    def text(self, tag: int, ifd: str = "ifd0") -> str | None:
        source = self.tags if ifd == "ifd0" else self.exif_ifd
        if tag not in source:
            return None
        return _exif_string(source[tag])


def _read_exif(found: _Found, image: Any, warnings: _Warnings) -> _Exif:
    # Pillow reports damaged tags with Python warnings: turn them into sentences.
    with pywarnings.catch_warnings(record=True) as caught:
        pywarnings.simplefilter("always")
        exif = _read_exif_block(found, image, warnings)
    if caught:
        warnings.add("Part of the EXIF block is damaged and was skipped.")
    return exif


def _read_exif_block(found: _Found, image: Any, warnings: _Warnings) -> _Exif:
    exif = _Exif()
    block = found.exif_block
    if block is not None:
        if block.startswith(_EXIF_APP1_HEADER):
            block = block[len(_EXIF_APP1_HEADER) :]
        if block[:4] not in (b"II*\x00", b"MM\x00*"):
            warnings.add("The EXIF block is damaged and was skipped.")
            return exif
    loaded = None
    try:
        if block is not None:
            # The same parser as Image.getexif(), run afresh on the block we found: it does not
            # depend on what the caller's image has cached, and its complaints reach us.
            from PIL import Image

            loaded = Image.Exif()
            loaded.load(_EXIF_APP1_HEADER + block)
        elif image is not None and found.fmt in ("TIFF", "") and image.format != "PNG":
            # TIFF: the EXIF is the file's own first directory. (PngImageFile.getexif() would
            # decode the pixels, so PNG is only ever read from its eXIf chunk above.)
            loaded = image.getexif()
    except Exception:  # noqa: BLE001
        warnings.add("The EXIF block is damaged and was skipped.")
        return exif
    if loaded is None:
        return exif
    try:
        exif.tags = dict(loaded)
    except Exception:  # noqa: BLE001
        warnings.add("The EXIF block is damaged and was skipped.")
        return exif
    if block is not None and len(block) > 8 and not exif.tags:
        warnings.add("The EXIF block is damaged and was skipped.")
        return exif
    for pointer, key in ((_TAG_EXIF_IFD, "exif_ifd"), (_TAG_GPS_IFD, None)):
        if pointer not in exif.tags:
            continue
        try:
            sub = dict(loaded.get_ifd(pointer))
        except Exception:  # noqa: BLE001
            warnings.add("Part of the EXIF block is damaged and was skipped.")
            continue
        if key == "exif_ifd":
            exif.exif_ifd = sub
        else:
            exif.raw["GPSInfo"] = _exif_raw_dict(sub, gps=True)
    exif.raw.update(_exif_raw_dict(exif.tags))
    exif.raw.update(_exif_raw_dict(exif.exif_ifd))
    return exif


def _exif_raw_dict(tags: dict[int, Any], gps: bool = False) -> dict[str, Any]:
    from PIL import ExifTags

    table = ExifTags.GPSTAGS if gps else ExifTags.TAGS
    out: dict[str, Any] = {}
    for tag, value in tags.items():
        if not gps and tag in (_TAG_EXIF_IFD, _TAG_GPS_IFD, _TAG_INTEROP_IFD, _TAG_MAKER_NOTE):
            continue
        name = table.get(int(tag), f"0x{int(tag):04x}")
        out[name] = _jsonable(value)
    return out


def _exif_string(value: Any) -> str | None:
    """An EXIF "ASCII" value read as UTF-8 (as MWG asks), else Latin-1."""
    if isinstance(value, tuple) and len(value) == 1:
        value = value[0]
    if isinstance(value, str):
        try:
            raw = value.encode("latin-1")  # Pillow decodes EXIF ASCII as Latin-1
        except UnicodeEncodeError:
            return value.rstrip("\x00")
    elif isinstance(value, (bytes, bytearray)):
        raw = bytes(value)
    else:
        return None
    raw = raw.split(b"\x00", 1)[0] if raw.count(b"\x00") else raw
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _exif_datetime(exif: _Exif, warnings: _Warnings) -> datetime | None:
    text = exif.text(_TAG_DATETIME_ORIGINAL, "exif")
    if text is None or not text.strip(": \x00"):
        return None
    match = re.match(r"^\s*(\d{4}):(\d\d):(\d\d)[ T](\d\d):(\d\d):(\d\d)", text)
    if not match:
        warnings.add("The EXIF date the picture was taken is not a valid date and was ignored.")
        return None
    subsec = exif.text(_TAG_SUBSEC_TIME_ORIGINAL, "exif") or ""
    subsec = subsec.strip() if subsec.strip().isdigit() else ""
    offset = exif.text(_TAG_OFFSET_TIME_ORIGINAL, "exif") or ""
    zone = re.match(r"^\s*([+-])(\d\d):?(\d\d)", offset)
    try:
        return datetime(
            *(int(match[i]) for i in range(1, 7)),
            _microseconds(subsec),
            tzinfo=_zone(zone[1], zone[2], zone[3], None) if zone else None,
        )
    except ValueError:
        warnings.add("The EXIF date the picture was taken is not a valid date and was ignored.")
        return None


def _mwg_string_to_list(text: str) -> list[str]:
    """MWG's list-in-a-string for EXIF Artist: "a; b", values quoted when needed."""
    values: list[str] = []
    in_quotes = False
    for part in text.split("; "):
        was_quoted = in_quotes
        if not in_quotes and part.startswith('"'):
            in_quotes, part = True, part[1:]
        if in_quotes:
            stripped = re.sub(r'((?:^|[^"])(?:"")*)"$', r"\1", part)
            if stripped != part:
                in_quotes, part = False, stripped
            part = part.replace('""', '"')
        if was_quoted and values:
            values[-1] += "; " + part
        else:
            values.append(part)
    return values


# --------------------------------------------------------------------------------------------
# Reconciliation


def _reconcile(
    result: EmbeddedMetadata, iptc: _Iptc, xmp: dict, exif: _Exif, warnings: _Warnings
) -> None:
    # Description, Copyright, Creator: MWG with EXIF first.
    result.description = _clean(
        _mwg(
            exif.text(_TAG_IMAGE_DESCRIPTION),
            iptc,
            iptc.fields.get((2, 120)),
            _xmp_text(xmp.get("dc:description")),
            _LIMIT_DESCRIPTION,
        )
    )
    result.copyright_notice = _clean(
        _mwg(
            exif.text(_TAG_COPYRIGHT),
            iptc,
            iptc.fields.get((2, 116)),
            _xmp_text(xmp.get("dc:rights")),
            _LIMIT_COPYRIGHT,
        )
    )
    artist = exif.text(_TAG_ARTIST)
    creators = _mwg(
        _mwg_string_to_list(artist) if artist is not None and artist.strip(" ") else None,
        iptc,
        iptc.fields.get((2, 80)),
        _xmp_list(xmp.get("dc:creator")),
        _LIMIT_CREATOR,
    )
    result.creator = "; ".join(c for c in (_clean(v) for v in _as_list(creators)) if c)

    # Keywords: MWG without EXIF.
    keywords = _mwg(None, iptc, iptc.fields.get((2, 25)), _xmp_list(xmp.get("dc:subject")),
                    _LIMIT_KEYWORD)  # fmt: skip
    result.keywords = [k for k in (_clean(v) for v in _as_list(keywords)) if k]

    # Not defined by MWG: XMP over IPTC, except that a stale digest makes the IPTC win.
    result.headline = _clean(
        _xmp_over_iptc(iptc, (2, 105), _xmp_text(xmp.get("photoshop:Headline")), _LIMIT_HEADLINE)
    )
    result.credit = _clean(
        _xmp_over_iptc(iptc, (2, 110), _xmp_text(xmp.get("photoshop:Credit")), _LIMIT_CREDIT)
    )
    result.source = _clean(
        _xmp_over_iptc(iptc, (2, 115), _xmp_text(xmp.get("photoshop:Source")), _LIMIT_SOURCE)
    )

    # XMP only.
    result.web_statement = _clean(_xmp_text(xmp.get("xmpRights:WebStatement")))
    result.usage_terms = _clean(_xmp_text(xmp.get("xmpRights:UsageTerms")))
    licensors = _xmp_struct_names(xmp.get("plus:Licensor"), "plus:LicensorName") or []
    result.licensor = "; ".join(n for n in (_clean(v) for v in licensors) if n)
    urls = _xmp_struct_names(xmp.get("plus:Licensor"), "plus:LicensorURL") or []
    result.licensor_url = next((u for u in (_clean(v) for v in urls) if u), "")
    owners = _xmp_struct_names(xmp.get("plus:CopyrightOwner"), "plus:CopyrightOwnerName") or []
    result.copyright_owner = "; ".join(n for n in (_clean(v) for v in owners) if n)
    suppliers = _xmp_struct_names(xmp.get("plus:ImageSupplier"), "plus:ImageSupplierName") or []
    result.image_supplier = "; ".join(n for n in (_clean(v) for v in suppliers) if n)
    _reconcile_provenance(result, xmp, warnings)
    _reconcile_location(result, iptc, xmp)

    # Date taken: MWG DateTimeOriginal.
    result.date_taken = _exif_datetime(exif, warnings)
    if result.date_taken is None:
        xmp_date = _xmp_text(xmp.get("photoshop:DateCreated"))
        if not iptc.present or (xmp_date is not None and not iptc.digest_stale):
            result.date_taken = _xmp_date(xmp_date)
            if xmp_date and result.date_taken is None:
                warnings.add("The XMP creation date is not a valid date and was ignored.")
        else:
            result.date_taken = _iptc_date(iptc.first((2, 55)), iptc.first((2, 60)))

    # Camera and orientation: EXIF only.
    make = _clean(exif.text(_TAG_MAKE))
    model = _clean(exif.text(_TAG_MODEL))
    if make and model.lower().startswith(make.lower()):
        make = ""
    result.camera = " ".join(p for p in (make, model) if p)
    orientation = exif.tags.get(_TAG_ORIENTATION)
    if isinstance(orientation, tuple) and len(orientation) == 1:
        orientation = orientation[0]
    if isinstance(orientation, int) and 1 <= orientation <= 8:
        result.orientation = orientation
    elif orientation is not None:
        warnings.add("The EXIF orientation is not a valid value and was ignored.")


def _vocabulary_code(raw, code_of, what: str, vocabulary: str, warnings: _Warnings) -> str:
    """The controlled-vocabulary code an XMP value names; "" (and a warning) if it names none."""
    value = _clean(_xmp_text(raw))
    if not value:
        return ""
    code = code_of(value)
    if code is None:
        warnings.add(
            f"The {what} “{value[:200]}” is not in the {vocabulary} vocabulary; it is kept in "
            "the raw metadata only."
        )
    return code or ""


def _reconcile_provenance(result: EmbeddedMetadata, xmp: dict, warnings: _Warnings) -> None:
    """XMP only: how the picture was made (IPTC Extension, 2025.1 AI fields), the PLUS data
    mining terms, the accessibility texts and the people shown."""
    result.digital_source_type = _vocabulary_code(
        xmp.get("Iptc4xmpExt:DigitalSourceType"),
        digital_source_type_code,
        "digital source type",
        "IPTC",
        warnings,
    )
    result.ai_system = _clean(_xmp_text(xmp.get("Iptc4xmpExt:AISystemUsed")))
    result.ai_system_version = _clean(_xmp_text(xmp.get("Iptc4xmpExt:AISystemVersionUsed")))
    result.ai_prompt = _clean(_xmp_text(xmp.get("Iptc4xmpExt:AIPromptInformation")))
    result.ai_prompt_writer = _clean(_xmp_text(xmp.get("Iptc4xmpExt:AIPromptWriterName")))
    result.data_mining = _vocabulary_code(
        xmp.get("plus:DataMining"), data_mining_code, "data mining value", "PLUS", warnings
    )
    result.other_constraints = _clean(_xmp_text(xmp.get("plus:OtherConstraints")))
    result.alt_text = _clean(_xmp_text(xmp.get("Iptc4xmpCore:AltTextAccessibility")))
    result.extended_description = _clean(_xmp_text(xmp.get("Iptc4xmpCore:ExtDescrAccessibility")))
    persons = _xmp_list(xmp.get("Iptc4xmpExt:PersonInImage"))
    if not persons:  # only the detailed form: its names
        persons = _xmp_struct_names(
            xmp.get("Iptc4xmpExt:PersonInImageWDetails"), "Iptc4xmpExt:PersonName"
        )
    result.persons_shown = list(dict.fromkeys(p for p in (_clean(v) for v in persons or []) if p))


def _reconcile_location(result: EmbeddedMetadata, iptc: _Iptc, xmp: dict) -> None:
    """The location shown as MWG reconciles City, State, Country and Location: the XMP value
    (the first IPTC Extension LocationShown, else the legacy Core field) over the IIM one,
    unless the IIM changed after the XMP was written."""
    shown = xmp.get("Iptc4xmpExt:LocationShown")
    first = (shown[0] if shown else None) if isinstance(shown, list) else shown
    first = first if isinstance(first, dict) else {}
    for attribute, struct_key, core_key, iim_key, limit in (
        ("location_sublocation", "Sublocation", "Iptc4xmpCore:Location", (2, 92), _LIMIT_SUBLOCATION),
        ("location_city", "City", "photoshop:City", (2, 90), _LIMIT_CITY),
        ("location_state", "ProvinceState", "photoshop:State", (2, 95), _LIMIT_STATE),
        ("location_country", "CountryName", "photoshop:Country", (2, 101), _LIMIT_COUNTRY),
        ("location_country_code", "CountryCode", "Iptc4xmpCore:CountryCode", (2, 100), _LIMIT_COUNTRY_CODE),
    ):  # fmt: skip
        # Perl's ``$shown || $legacy``: an empty LocationShown value falls through.
        xmp_value = _xmp_text(first.get(f"Iptc4xmpExt:{struct_key}")) or _xmp_text(
            xmp.get(core_key)
        )
        value = _mwg(None, iptc, iptc.fields.get(iim_key), xmp_value, limit)
        setattr(result, attribute, _clean(_as_list(value)[0] if isinstance(value, list) else value))


def _mwg(
    exif_value: Any,
    iptc: _Iptc,
    iptc_values: list[_IptcText] | None,
    xmp_value: Any,
    limit: int,
) -> Any:
    """exiftool MWG.pm's RawConv for Description, Copyright, Creator and Keywords."""
    if exif_value is not None:
        if isinstance(exif_value, list) or exif_value.strip(" ") != "":
            return exif_value
    if not iptc.present:
        return xmp_value
    if xmp_value is not None and not iptc.digest_stale:
        return xmp_value
    return _recover_truncated_iptc(iptc_values, xmp_value, limit)


def _xmp_over_iptc(iptc: _Iptc, key: tuple[int, int], xmp_value: str | None, limit: int) -> Any:
    values = iptc.fields.get(key)
    if values and (xmp_value is None or iptc.digest_stale):
        return _recover_truncated_iptc(values[:1], xmp_value, limit)
    return xmp_value


def _recover_truncated_iptc(iptc_values: list[_IptcText] | None, xmp: Any, limit: int) -> Any:
    """MWG.pm's RecoverTruncatedIPTC, plus the recovery of mis-decoded legacy text."""
    if not iptc_values:
        return None
    xmp_list = xmp if isinstance(xmp, list) else ([xmp] if xmp is not None else [])
    out = []
    for index, value in enumerate(iptc_values):
        candidate = xmp_list[index] if index < len(xmp_list) else None
        out.append(_recover_one(value, candidate, limit))
    return out if len(iptc_values) > 1 or isinstance(xmp, list) else out[0]


def _recover_one(iptc: _IptcText, xmp: str | None, limit: int) -> str:
    if not isinstance(xmp, str):
        return iptc.text
    encodings = _LEGACY_ENCODINGS if iptc.legacy else ("utf-8", "latin-1")
    # A copy cut at the IIM length limit: the XMP value starts with the same bytes.
    if len(iptc.raw) == limit:
        for encoding in encodings:
            try:
                encoded = xmp.encode(encoding)
            except UnicodeEncodeError:
                continue
            if len(encoded) > limit and encoded[:limit] == iptc.raw:
                return xmp
    # Beyond exiftool: undeclared non-UTF-8 IPTC holding the XMP text in a legacy code page.
    if iptc.legacy:
        for encoding in _LEGACY_ENCODINGS:
            try:
                encoded = xmp.encode(encoding)
            except UnicodeEncodeError:
                continue
            if encoded == iptc.raw:
                return xmp
    return iptc.text


# --------------------------------------------------------------------------------------------
# Small helpers


_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(value: Any) -> str:
    """Normalise line endings to LF, drop C0 control characters (never meaningful in a
    caption; fuzzed blocks are full of them) and strip trailing whitespace per line."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL_CHARACTERS.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).rstrip()


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _zone(sign: str | None, hours: str | None, minutes: str | None, z: str | None):
    if z:
        return UTC
    if not sign or hours is None:
        return None
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if delta >= timedelta(hours=24):
        return None
    return timezone(-delta if sign == "-" else delta)


def _microseconds(fraction: str | None) -> int:
    if not fraction:
        return 0
    return int((fraction + "000000")[:6])


def _printable(value: bytes) -> str:
    return value.decode("latin-1").encode("unicode_escape").decode("ascii")


def _binary_summary(value: bytes) -> str:
    if len(value) <= _MAX_BINARY_IN_RAW:
        return value.hex()
    return f"(binary data, {len(value)} bytes)"


def _jsonable(value: Any, depth: int = 0) -> Any:
    """Turn a Pillow EXIF value into plain JSON: text, numbers, lists."""
    if depth > 8:
        return None
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, str):
        return _exif_string(value)
    if isinstance(value, (bytes, bytearray)):
        raw = bytes(value)
        if len(raw) > _MAX_BINARY_IN_RAW:
            return f"(binary data, {len(raw)} bytes)"
        try:
            text = raw.rstrip(b"\x00").decode("utf-8")
        except UnicodeDecodeError:
            return raw.hex()
        return text if text.isprintable() else raw.hex()
    if isinstance(value, (tuple, list)):
        return [_jsonable(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v, depth + 1) for k, v in value.items()}
    try:
        number = float(value)  # IFDRational and other numbers
    except (TypeError, ValueError, ZeroDivisionError):
        return str(value)
    if math.isnan(number) or math.isinf(number):
        return None
    return int(number) if number.is_integer() and abs(number) < 2**53 else number
