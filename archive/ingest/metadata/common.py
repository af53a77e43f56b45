"""Limits, tables, the reader's internal records and small helpers the readers share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, timedelta, timezone
from typing import Any

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
