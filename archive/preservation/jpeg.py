"""Merge the catalogue's metadata into a JPEG without losing what the file already says.

The XMP packet is merged (``xmp.merge_xmp_packet``); the same values go into the IPTC-IIM
block (APP13, Photoshop resource 0x0404) and EXIF IFD0 where the file has them, so a reader
following the Metadata Working Group's precedence finds one truth. The Photoshop IPTC digest
(resource 0x0425) is kept as exiftool keeps it. Extended XMP (several APP1 segments) is kept,
or rewritten with a new GUID when it held a catalogue property. The pixels are never
re-encoded: segments are spliced. A file with Content Credentials (C2PA) is never changed.

No library here did this without loss: exiv2 (python-exiv2 0.19) rewrote dates it could not
parse, dropped IFD0 tags and rdf:about, and left the IPTC digest stale.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

from archive.preservation.xmp import (
    PROPERTIES,
    Property,
    UnsafeMetadata,
    Value,
    descriptions,
    is_empty,
    merge_into_root,
    parse_packet,
    qualified,
    serialize_packet,
    xmpmeta_root,
)

XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
EXTENDED_XMP_HEADER = b"http://ns.adobe.com/xmp/extension/\x00"
EXIF_HEADER = b"Exif\x00\x00"
PHOTOSHOP_HEADER = b"Photoshop 3.0\x00"
SEGMENT_MAX = 0xFFFF - 2  # a segment's payload, after its length field
EXTENDED_CHUNK = 65400  # Adobe's chunk size for extended XMP
IPTC_RESOURCE, DIGEST_RESOURCE = 0x0404, 0x0425
UTF8_DECLARATION = b"\x1b%G"  # IIM 1:90 CodedCharacterSet


@dataclass
class Segment:
    marker: int
    payload: bytes

    def encode(self) -> bytes:
        if len(self.payload) > SEGMENT_MAX:
            raise UnsafeMetadata("The metadata is too large for one JPEG segment.")
        return bytes((0xFF, self.marker)) + struct.pack(">H", len(self.payload) + 2) + self.payload


def split_jpeg(data: bytes) -> tuple[list[Segment], bytes]:
    """Return the segments before the picture data, and the rest (from start of scan) as is."""
    if data[:2] != b"\xff\xd8":
        raise ValueError("Not a JPEG file.")
    segments: list[Segment] = []
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            raise ValueError("Damaged JPEG: expected a marker.")
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker == 0xDA or not (0xE0 <= marker <= 0xFE or 0xC0 <= marker <= 0xDF):
            break  # start of scan (or anything unexpected): the rest is copied as is
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        if length < 2 or position + 2 + length > len(data):
            raise ValueError("Damaged JPEG: a segment runs past the end of the file.")
        segments.append(Segment(marker, data[position + 4 : position + 2 + length]))
        position += 2 + length
    return segments, data[position:]


def join_jpeg(segments: list[Segment], rest: bytes) -> bytes:
    return b"\xff\xd8" + b"".join(segment.encode() for segment in segments) + rest


def content_credentials(data: bytes) -> str:
    """Say why the file must not be changed (a C2PA manifest), or return ""."""
    try:
        segments, _ = split_jpeg(data)
    except ValueError:
        return ""
    for segment in segments:
        # JUMBF in APP11: the "JP" common identifier. Any such box counts: a false alarm only
        # costs a sidecar, a missed manifest costs the file its credentials.
        if segment.marker == 0xEB and segment.payload[:2] == b"JP":
            return "It carries Content Credentials (a C2PA manifest) in the file."
        if segment.marker == 0xE1 and segment.payload.startswith(XMP_HEADER):
            if b"purl.org/dc/terms/" in segment.payload and b"provenance" in segment.payload:
                return "It points to Content Credentials (a C2PA manifest) kept elsewhere."
    return ""


def merge_into_jpeg(data: bytes, values: Mapping[str, Value | None]) -> bytes:
    """Return the JPEG ``data`` with the catalogue's ``values`` merged into XMP, IIM and EXIF.

    ``values`` maps XMP property names to the catalogue's values (see ``xmp.PROPERTIES`` for
    the IIM and EXIF twins). Raises ``UnsafeMetadata`` when that cannot be done without loss
    or without breaking the file: the caller then hands out the original with a sidecar.
    """
    if reason := content_credentials(data):
        raise UnsafeMetadata(reason)
    values = {name: value for name, value in values.items() if not is_empty(value)}
    segments, rest = split_jpeg(data)
    had_xmp = any(s.marker == 0xE1 and s.payload.startswith(XMP_HEADER) for s in segments)
    merge_xmp_segments(segments, values)
    merge_iim_segments(segments, values, had_xmp=had_xmp)
    merge_exif_segment(segments, values)
    return join_jpeg(segments, rest)


# --- XMP ---------------------------------------------------------------------------------------


def merge_xmp_segments(segments: list[Segment], values: Mapping[str, Value]) -> None:
    """Merge into the main XMP packet; rewrite the extended packet only if it holds a value."""
    packets = [s for s in segments if s.marker == 0xE1 and s.payload.startswith(XMP_HEADER)]
    if len(packets) > 1:  # against the specification, and readers differ on which counts
        raise UnsafeMetadata("The file has more than one XMP packet.")
    main = packets[0] if packets else None
    root = xmpmeta_root(main.payload[len(XMP_HEADER) :] if main else None)
    merge_into_root(root, values)
    guid = extended_guid(root)
    if guid:
        merge_extended_xmp(segments, root, guid, values)
    for padding in (2048, 0):
        payload = XMP_HEADER + serialize_packet(root, padding=padding)
        if len(payload) <= SEGMENT_MAX:
            break
    else:
        raise UnsafeMetadata("The merged XMP packet is too large for one JPEG segment.")
    if main:
        main.payload = payload
        return
    # A new packet goes after the JFIF and EXIF segments, as the XMP specification asks.
    after = [
        i
        for i, s in enumerate(segments)
        if s.marker == 0xE0 or (s.marker == 0xE1 and s.payload.startswith(EXIF_HEADER))
    ]
    segments.insert(after[-1] + 1 if after else 0, Segment(0xE1, payload))


def extended_guid(root) -> str:
    tag = qualified("xmpNote:HasExtendedXMP")
    for description in descriptions(root):
        if tag in description.attrib:
            return description.get(tag)
        element = description.find(tag)
        if element is not None and element.text:
            return element.text.strip()
    return ""


def merge_extended_xmp(
    segments: list[Segment], root, guid: str, values: Mapping[str, Value]
) -> None:
    """Remove catalogue properties from the extended packet (the main packet now has them)."""
    chunks = [
        s
        for s in segments
        if s.marker == 0xE1
        and s.payload.startswith(EXTENDED_XMP_HEADER)
        and s.payload[len(EXTENDED_XMP_HEADER) :][:32] == guid.encode()
    ]
    if not chunks:
        return
    start = len(EXTENDED_XMP_HEADER) + 32
    full_length = int.from_bytes(chunks[0].payload[start : start + 4], "big")
    extended = bytearray(full_length)
    for chunk in chunks:
        offset = int.from_bytes(chunk.payload[start + 4 : start + 8], "big")
        body = chunk.payload[start + 8 :]
        extended[offset : offset + len(body)] = body
    extension = parse_packet(bytes(extended))
    tags = {qualified(name) for name in values}
    changed = False
    for description in descriptions(extension):
        for tag in tags:
            if tag in description.attrib:
                del description.attrib[tag]
                changed = True
            for element in description.findall(tag):
                description.remove(element)
                changed = True
    if not changed:
        return  # the chunks stay byte for byte as they were
    packet = etree.tostring(extension, encoding="utf-8")
    new_guid = hashlib.md5(packet).hexdigest().upper()  # noqa: S324 - the spec's GUID
    for description in descriptions(root):
        tag = qualified("xmpNote:HasExtendedXMP")
        if tag in description.attrib:
            description.set(tag, new_guid)
        for element in description.findall(tag):
            element.text = new_guid
    position = segments.index(chunks[0])
    for chunk in chunks:
        segments.remove(chunk)
    for number, offset in enumerate(range(0, len(packet), EXTENDED_CHUNK)):
        header = EXTENDED_XMP_HEADER + new_guid.encode() + struct.pack(">II", len(packet), offset)
        body = packet[offset : offset + EXTENDED_CHUNK]
        segments.insert(position + number, Segment(0xE1, header + body))


# --- IPTC-IIM in the Photoshop resources ---------------------------------------------------------


@dataclass
class Resource:
    signature: bytes
    number: int
    name: bytes  # the Pascal string as stored, with its padding
    data: bytes

    def encode(self) -> bytes:
        padding = b"\x00" if len(self.data) % 2 else b""
        return (
            self.signature
            + struct.pack(">H", self.number)
            + self.name
            + struct.pack(">I", len(self.data))
            + self.data
            + padding
        )


def parse_resources(block: bytes) -> list[Resource]:
    resources = []
    position = 0
    while position + 4 <= len(block):
        signature = block[position : position + 4]
        if signature not in (b"8BIM", b"PHUT", b"AgHg", b"DCSR", b"MeSa"):
            if block[position:].strip(b"\x00"):
                raise UnsafeMetadata("The Photoshop resources are damaged.")
            break
        number = int.from_bytes(block[position + 4 : position + 6], "big")
        name_length = block[position + 6] if position + 6 < len(block) else 0
        name_end = position + 6 + name_length + 1 + (name_length + 1) % 2
        size = int.from_bytes(block[name_end : name_end + 4], "big")
        end = name_end + 4 + size
        if name_end + 4 > len(block) or end > len(block):
            raise UnsafeMetadata("The Photoshop resources are damaged.")
        resources.append(
            Resource(signature, number, block[position + 6 : name_end], block[name_end + 4 : end])
        )
        position = end + size % 2
    return resources


def parse_iim(block: bytes) -> list[tuple[int, int, bytes]]:
    """Return the IIM datasets as (record, dataset, value), in file order."""
    datasets = []
    position = 0
    while position < len(block):
        if block[position] != 0x1C:
            if block[position:].strip(b"\x00"):
                raise UnsafeMetadata("The IPTC-IIM block is damaged.")
            break
        if position + 5 > len(block):
            raise UnsafeMetadata("The IPTC-IIM block is damaged.")
        record, number = block[position + 1], block[position + 2]
        length = int.from_bytes(block[position + 3 : position + 5], "big")
        position += 5
        if length & 0x8000:  # extended dataset: the length's length, then the length
            size = length & 0x7FFF
            length = int.from_bytes(block[position : position + size], "big")
            position += size
        if position + length > len(block):
            raise UnsafeMetadata("The IPTC-IIM block is damaged.")
        datasets.append((record, number, block[position : position + length]))
        position += length
    return datasets


def encode_iim(datasets: list[tuple[int, int, bytes]]) -> bytes:
    out = bytearray()
    for record, number, value in datasets:
        out += bytes((0x1C, record, number))
        if len(value) < 0x8000:
            out += struct.pack(">H", len(value))
        else:
            out += struct.pack(">HI", 0x8004, len(value))
        out += value
    return bytes(out)


def iim_values(values: Mapping[str, Value]) -> dict[int, tuple[Property, list[str]]]:
    """The catalogue's values that have an IIM dataset, as lists of text."""
    found = {}
    for name, value in values.items():
        twin = PROPERTIES.get(name)
        if twin and twin.iim is not None:
            items = [value] if isinstance(value, str) else [str(v) for v in value]
            found[twin.iim] = (twin, [item for item in items if item.strip()])
    return found


def truncate(text: str, limit: int, codec: str) -> bytes:
    """Encode ``text``, cut to the IIM limit on a character boundary (as exiftool does)."""
    encoded = text.encode(codec)
    if limit and len(encoded) > limit:
        encoded = encoded[:limit].decode(codec, errors="ignore").encode(codec)
    return encoded


def merge_iim(datasets: list[tuple[int, int, bytes]], values: Mapping[str, Value]) -> list:
    """Replace the catalogue's record-2 datasets; declare UTF-8 when non-ASCII text needs it."""
    wanted = iim_values(values)
    if not wanted:
        return datasets
    declared = [value for record, number, value in datasets if (record, number) == (1, 90)]
    text = " ".join(item for _, items in wanted.values() for item in items)
    if declared and declared[0] != UTF8_DECLARATION and not text.isascii():
        raise UnsafeMetadata("The IPTC-IIM block uses a character set other than UTF-8.")
    if not declared and not text.isascii():
        datasets = declare_utf8(datasets)
    codec = "utf-8" if not text.isascii() or declared == [UTF8_DECLARATION] else "ascii"
    kept = [d for d in datasets if not (d[0] == 2 and d[1] in wanted)]
    for number, (twin, items) in sorted(wanted.items()):
        new = [(2, number, truncate(item, twin.iim_limit, codec)) for item in items]
        at = next((i for i, d in enumerate(kept) if (d[0], d[1]) > (2, number)), len(kept))
        kept[at:at] = new
    return kept


def declare_utf8(datasets: list[tuple[int, int, bytes]]) -> list[tuple[int, int, bytes]]:
    """Add the UTF-8 declaration; re-encode any legacy 8-bit text as exiftool read it (cp1252)."""
    recoded = []
    for record, number, value in datasets:
        if record == 2 and number not in (0, 200, 201, 202):
            try:
                value.decode("utf-8")
            except UnicodeDecodeError:
                value = value.decode("cp1252", errors="replace").encode("utf-8")
        recoded.append((record, number, value))
    envelope = [(1, 0, b"\x00\x04")] if not any(d[:2] == (1, 0) for d in recoded) else []
    envelope.append((1, 90, UTF8_DECLARATION))
    at = next((i for i, d in enumerate(recoded) if (d[0], d[1]) > (1, 90)), len(recoded))
    if envelope[0][:2] == (1, 0):
        recoded[0:0] = envelope[:1]
        at += 1
        envelope = envelope[1:]
    recoded[at:at] = envelope
    return recoded


def merge_iim_segments(
    segments: list[Segment], values: Mapping[str, Value], *, had_xmp: bool
) -> None:
    """Update the IIM block where the file has one (none is created, as exiftool's MWG does)."""
    photoshop = [s for s in segments if s.marker == 0xED and s.payload.startswith(PHOTOSHOP_HEADER)]
    if not photoshop or not iim_values(values):
        return
    block = b"".join(s.payload[len(PHOTOSHOP_HEADER) :] for s in photoshop)
    resources = parse_resources(block)
    iptc = next((r for r in resources if r.number == IPTC_RESOURCE), None)
    if iptc is None:
        return
    old = iptc.data
    iptc.data = encode_iim(merge_iim(parse_iim(old), values))
    if iptc.data == old:
        return
    update_digest(resources, old, iptc.data, had_xmp=had_xmp)
    block = b"".join(resource.encode() for resource in resources)
    room = SEGMENT_MAX - len(PHOTOSHOP_HEADER)
    new = [
        Segment(0xED, PHOTOSHOP_HEADER + block[offset : offset + room])
        for offset in range(0, len(block), room)
    ]
    position = segments.index(photoshop[0])
    for segment in photoshop:
        segments.remove(segment)
    segments[position:position] = new


def update_digest(resources: list[Resource], old: bytes, new: bytes, *, had_xmp: bool) -> None:
    """Keep the IPTC digest as exiftool's MWG module does.

    Updated when it matched the old block (XMP and IIM were in step and still are) or was
    missing, or stale in a file that had no XMP for it to be out of step with. Otherwise a stale
    digest is left: it tells MWG readers that the IIM was edited after the XMP and is the newer
    for the fields the catalogue does not set.
    """
    digest = next((r for r in resources if r.number == DIGEST_RESOURCE), None)
    if digest is None:
        resources.append(Resource(b"8BIM", DIGEST_RESOURCE, b"\x00\x00", md5(new)))
    elif digest.data == md5(old) or not had_xmp:
        digest.data = md5(new)


def md5(data: bytes) -> bytes:
    return hashlib.md5(data).digest()  # noqa: S324 - the Photoshop IPTC digest is MD5


# --- EXIF IFD0 -----------------------------------------------------------------------------------


def exif_values(values: Mapping[str, Value]) -> dict[int, bytes]:
    found = {}
    for name, value in values.items():
        twin = PROPERTIES.get(name)
        if twin and twin.exif is not None:
            # MWG: several creators go in one string, separated by "; ".
            text = value if isinstance(value, str) else "; ".join(str(v) for v in value)
            found[twin.exif] = text.encode("utf-8") + b"\x00"  # MWG: EXIF text as UTF-8
    return found


def merge_exif_segment(segments: list[Segment], values: Mapping[str, Value]) -> None:
    """Set ImageDescription, Artist and Copyright in IFD0 where the file has EXIF.

    Nothing is moved: the new strings and a new IFD0 are appended to the TIFF data and the
    header points at the new IFD0, so every other offset (EXIF, GPS, IFD1, maker notes) holds.
    """
    exif = next(
        (s for s in segments if s.marker == 0xE1 and s.payload.startswith(EXIF_HEADER)), None
    )
    wanted = exif_values(values)
    if exif is None or not wanted:
        return
    tiff = exif.payload[len(EXIF_HEADER) :]
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None or len(tiff) < 8:
        raise UnsafeMetadata("The EXIF block is damaged.")
    ifd0 = struct.unpack(order + "I", tiff[4:8])[0]
    if ifd0 + 2 > len(tiff):
        raise UnsafeMetadata("The EXIF block is damaged.")
    count = struct.unpack(order + "H", tiff[ifd0 : ifd0 + 2])[0]
    end = ifd0 + 2 + 12 * count
    if end + 4 > len(tiff):
        raise UnsafeMetadata("The EXIF block is damaged.")
    entries = {}
    for index in range(count):
        raw = tiff[ifd0 + 2 + 12 * index : ifd0 + 14 + 12 * index]
        entries[struct.unpack(order + "H", raw[:2])[0]] = raw
    next_ifd = tiff[end : end + 4]
    if all(current_ascii(tiff, entries.get(tag), order) == value for tag, value in wanted.items()):
        return
    out = bytearray(tiff)
    for tag, value in sorted(wanted.items()):
        if len(value) <= 4:
            field = value.ljust(4, b"\x00")
        else:
            out += b"\x00" * (len(out) % 2)
            field = struct.pack(order + "I", len(out))
            out += value
        entries[tag] = struct.pack(order + "HHI", tag, 2, len(value)) + field
    out += b"\x00" * (len(out) % 2)
    new_ifd0 = len(out)
    out += struct.pack(order + "H", len(entries))
    out += b"".join(entries[tag] for tag in sorted(entries)) + next_ifd
    out[4:8] = struct.pack(order + "I", new_ifd0)
    exif.payload = EXIF_HEADER + bytes(out)
    if len(exif.payload) > SEGMENT_MAX:
        raise UnsafeMetadata("The EXIF block would be too large for its JPEG segment.")


def current_ascii(tiff: bytes, entry: bytes | None, order: str) -> bytes | None:
    if entry is None:
        return None
    kind, count = struct.unpack(order + "HI", entry[2:8])
    if kind != 2:
        return None
    if count <= 4:
        return entry[8 : 8 + count]
    offset = struct.unpack(order + "I", entry[8:12])[0]
    return tiff[offset : offset + count]
