"""Find the metadata blocks in a JPEG, PNG, WebP, GIF or TIFF without decoding pixels."""

from __future__ import annotations

import struct
import zlib
from typing import Any

from archive.ingest.metadata.common import (
    _EXIF_APP1_HEADER,
    _MAX_XMP_BYTES,
    _PHOTOSHOP_APP13_HEADER,
    _PHOTOSHOP_SIGNATURES,
    _PS_IPTC,
    _PS_IPTC_DIGEST,
    _TIFF_TAG_IPTC,
    _TIFF_TAG_PHOTOSHOP,
    _TIFF_TAG_XMP,
    _XMP_APP1_HEADER,
    _XMP_EXT_APP1_HEADER,
    _Found,
    _Warnings,
)


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
