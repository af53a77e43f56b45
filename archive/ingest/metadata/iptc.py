"""Read IPTC IIM: datasets, character sets, dates."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from archive.ingest.metadata.common import (
    _IIM_BINARY,
    _IIM_CHARSETS,
    _IIM_INTEGERS,
    _IIM_NAMES,
    _IIM_REPEATABLE,
    _binary_summary,
    _Found,
    _IptcText,
    _printable,
    _Warnings,
    _zone,
)


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
