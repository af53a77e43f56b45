"""Read EXIF IFD0, the EXIF IFD and GPS: strings as UTF-8, the date taken."""

from __future__ import annotations

import math
import re
import warnings as pywarnings
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from archive.ingest.metadata.common import (
    _EXIF_APP1_HEADER,
    _MAX_BINARY_IN_RAW,
    _TAG_DATETIME_ORIGINAL,
    _TAG_EXIF_IFD,
    _TAG_GPS_IFD,
    _TAG_INTEROP_IFD,
    _TAG_MAKER_NOTE,
    _TAG_OFFSET_TIME_ORIGINAL,
    _TAG_SUBSEC_TIME_ORIGINAL,
    _Found,
    _microseconds,
    _Warnings,
    _zone,
)


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
