"""Merge the catalogue's metadata into a TIFF without losing what the file already says.

A TIFF's metadata lives in its first directory (IFD0), beside the picture's strip or tile
offsets: XMP in tag 700, IPTC-IIM in tag 33723, Photoshop's resources (with the IPTC digest)
in tag 34377, and the EXIF description, artist and copyright in tags 270, 315 and 33432.
Nothing in the file is moved: the new values and a copy of IFD0 with their entries changed
are appended after the last byte, and the header points at the new IFD0. Every other entry
(strip and tile offsets, EXIF and GPS pointers, sub-directories, the next IFD) keeps the
value it had, so the picture data and every other directory are the original's, byte for
byte; the old IFD0 stays behind, unreferenced. When IFD0 already ends the file, with only
metadata values before it (a download of ours, re-uploaded), those and IFD0 are written
again in their place instead, so merging a download again does not make it grow. A file
with Content Credentials (a C2PA manifest in tag 52545) is never changed. BigTIFF is handed
out untouched with a sidecar.

Before IFD0 and its values are written again in their place, every directory reachable from
IFD0 is walked (the next-IFD chain, SubIFDs, the EXIF, GPS and Interoperability IFDs, at any
depth, a bounded number, each once): if any of them, their values or the picture data they
point at lies in what would be written again, the file is kept whole and IFD0 appended
instead. A file whose directories loop, lie outside it or pass the bound is handed out
untouched with a sidecar: its pointers cannot be vouched for.

Only the header, the directories' entries and the metadata values are read (by seeking); the
rest is copied from the stored file as the download is sent.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO

from archive.preservation.jpeg import (
    IPTC_RESOURCE,
    encode_iim,
    exif_values,
    iim_values,
    merge_iim,
    parse_iim,
    parse_resources,
    update_digest,
)
from archive.preservation.reading import copy_range, read_up_to
from archive.preservation.xmp import UnsafeMetadata, Value, is_empty, merge_xmp_packet

XMP_TAG, IPTC_TAG, PHOTOSHOP_TAG, C2PA_TAG = 700, 33723, 34377, 52545
READ_TAGS = (XMP_TAG, IPTC_TAG, PHOTOSHOP_TAG, C2PA_TAG, 270, 315, 33432)
TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}
BYTE, ASCII, LONG, UNDEFINED = 1, 2, 4, 7
MAX_ENTRIES = 4096
OFFSET_LIMIT = 2**32  # a classic TIFF's offsets are 32 bits
# Tags whose values are offsets of other directories: SubIFDs, EXIF, GPS, Interoperability.
DIRECTORY_TAGS = (330, 34665, 34853, 40965)
# Tags whose values are offsets of data, and the tags of those data's lengths: strips, tiles,
# free space, a JPEG thumbnail.
DATA_TAGS = {273: 279, 324: 325, 288: 289, 513: 514}
SHORT, IFD = 3, 13
MAX_DIRECTORIES = 256  # directories walked beyond IFD0: pages, sub-images, EXIF, GPS...
MAX_OFFSETS = 2**20  # offsets in one entry (a strip or tile offsets' array): 4 MB read at most


class DamagedTIFF(ValueError):
    """The TIFF's header or first directory is damaged: nothing can be written into it."""


@dataclass
class Entry:
    tag: int
    kind: int
    count: int
    field: bytes  # the 4-byte value or offset, as stored
    data: bytes | None = None  # the value, for the tags read

    @property
    def size(self) -> int:
        return TYPE_SIZES.get(self.kind, 1) * self.count


@dataclass
class Directory:
    """IFD0 as stored, with the values of the metadata tags, and the file's size."""

    order: str  # "<" or ">"
    header: bytes
    offset: int
    entries: list[Entry]
    next_ifd: bytes
    file_size: int
    # What every other directory reachable from IFD0 occupies or points at, and what IFD0's
    # own picture data occupies: (start, end) byte ranges.
    elsewhere: list[tuple[int, int]] = field(default_factory=list)
    unfollowed: str = ""  # why those directories could not be walked ("" if they could)


@dataclass
class Merged:
    """What the download writes: the new header, the original from byte 8 to ``file_size``
    (all of it, or up to the metadata and IFD0 at its end, written again), then ``tail``."""

    header: bytes
    tail: bytes
    file_size: int

    @property
    def length(self) -> int:
        return self.file_size + len(self.tail)


def is_tiff(start: bytes) -> bool:
    return start[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")


def _read(handle: IO[bytes], offset: int, size: int, chunk_size: int) -> bytes:
    handle.seek(offset)
    return read_up_to(handle, size, chunk_size)


def read_directory(handle: IO[bytes], limit: int, chunk_size: int) -> Directory:
    """Read the header and IFD0 of the open TIFF ``handle``, and its metadata tags' values.

    Raises ``DamagedTIFF`` for a header or IFD0 that is not there, ``UnsafeMetadata`` for
    BigTIFF or metadata over ``limit`` bytes.
    """
    file_size = handle.seek(0, io.SEEK_END)
    header = _read(handle, 0, 8, chunk_size)
    if header[:4] in (b"II+\x00", b"MM\x00+"):
        raise UnsafeMetadata("It is a BigTIFF, which the archive does not write into.")
    if len(header) < 8 or not is_tiff(header):
        raise DamagedTIFF("Damaged TIFF: it does not start with a TIFF header.")
    order = "<" if header[:2] == b"II" else ">"
    offset = struct.unpack(order + "I", header[4:8])[0]
    if offset < 8 or offset + 2 > file_size:
        raise DamagedTIFF("Damaged TIFF: its first directory is outside the file.")
    count = struct.unpack(order + "H", _read(handle, offset, 2, chunk_size))[0]
    if count == 0 or count > MAX_ENTRIES or offset + 6 + 12 * count > file_size:
        raise DamagedTIFF("Damaged TIFF: its first directory is cut short or has no entries.")
    raw = _read(handle, offset + 2, 12 * count + 4, chunk_size)
    entries = []
    total = 0
    for index in range(count):
        tag, kind, number = struct.unpack(order + "HHI", raw[12 * index : 12 * index + 8])
        entry = Entry(tag, kind, number, raw[12 * index + 8 : 12 * index + 12])
        if tag in READ_TAGS:
            if kind not in TYPE_SIZES:
                raise DamagedTIFF(f"Damaged TIFF: its tag {tag} has an unknown type.")
            total += entry.size
            if total > limit:
                raise UnsafeMetadata("The file's metadata is too large to merge into it.")
            if entry.size <= 4:
                entry.data = entry.field[: entry.size]
            else:
                at = struct.unpack(order + "I", entry.field)[0]
                if at + entry.size > file_size:
                    raise DamagedTIFF(f"Damaged TIFF: its tag {tag} points outside the file.")
                entry.data = _read(handle, at, entry.size, chunk_size)
        entries.append(entry)
    directory = Directory(order, header, offset, entries, raw[12 * count :], file_size)
    try:
        directory.elsewhere = _reachable(handle, directory, chunk_size)
    except UnsafeMetadata as error:  # refused by merge_directory; IFD0 still gives a sidecar
        directory.unfollowed = str(error)
    return directory


def _reachable(handle: IO[bytes], directory: Directory, chunk_size: int) -> list[tuple[int, int]]:
    """The byte ranges the directories reachable from IFD0 occupy or point at (IFD0's own
    entries aside, but its picture data included), each directory walked once.

    Raises ``UnsafeMetadata`` when the directories loop, one lies outside the file or is
    damaged, or there are more than ``MAX_DIRECTORIES``: such a file is not written into.
    """
    order, size = directory.order, directory.file_size
    spans = _data_spans(handle, order, directory.entries, size, chunk_size)
    waiting = [struct.unpack(order + "I", directory.next_ifd)[0]]
    waiting += _children(handle, order, directory.entries, size, chunk_size)
    seen = {directory.offset}
    while waiting:
        at = waiting.pop()
        if at == 0:
            continue
        if at in seen:
            raise UnsafeMetadata("Its directories point back at each other (a loop).")
        seen.add(at)
        if len(seen) > MAX_DIRECTORIES + 1:
            raise UnsafeMetadata(
                f"It has more than {MAX_DIRECTORIES} directories, more than the archive follows."
            )
        entries, next_at = _directory_at(handle, order, at, size, chunk_size)
        spans.append((at, at + 6 + 12 * len(entries)))
        for entry in entries:
            if entry.size > 4:
                value_at = struct.unpack(order + "I", entry.field)[0]
                spans.append((value_at, value_at + entry.size))
        spans += _data_spans(handle, order, entries, size, chunk_size)
        waiting += _children(handle, order, entries, size, chunk_size) + [next_at]
    return spans


def _directory_at(
    handle: IO[bytes], order: str, at: int, file_size: int, chunk_size: int
) -> tuple[list[Entry], int]:
    """The entries of the directory at ``at`` (not IFD0) and the offset of the next one."""
    if at < 8 or at + 2 > file_size:
        raise UnsafeMetadata(f"One of its directories (at byte {at}) lies outside the file.")
    count = struct.unpack(order + "H", _read(handle, at, 2, chunk_size))[0]
    if count == 0 or count > MAX_ENTRIES or at + 6 + 12 * count > file_size:
        raise UnsafeMetadata(f"One of its directories (at byte {at}) is cut short or empty.")
    raw = _read(handle, at + 2, 12 * count + 4, chunk_size)
    entries = [
        Entry(
            *struct.unpack(order + "HHI", raw[12 * i : 12 * i + 8]), raw[12 * i + 8 : 12 * i + 12]
        )
        for i in range(count)
    ]
    return entries, struct.unpack(order + "I", raw[12 * count :])[0]


def _numbers(
    handle: IO[bytes], order: str, entry: Entry, file_size: int, chunk_size: int
) -> list[int]:
    """The unsigned numbers of a SHORT, LONG or IFD entry (offsets, lengths)."""
    if entry.kind not in (SHORT, LONG, IFD) or entry.count > MAX_OFFSETS:
        raise UnsafeMetadata(f"Its tag {entry.tag} does not hold offsets the archive can follow.")
    if entry.size <= 4:
        raw = entry.field[: entry.size]
    else:
        at = struct.unpack(order + "I", entry.field)[0]
        if at + entry.size > file_size:
            raise UnsafeMetadata(f"Its tag {entry.tag} points outside the file.")
        raw = _read(handle, at, entry.size, chunk_size)
    unit = "H" if entry.kind == SHORT else "I"
    return list(struct.unpack(f"{order}{entry.count}{unit}", raw))


def _children(
    handle: IO[bytes], order: str, entries: list[Entry], file_size: int, chunk_size: int
) -> list[int]:
    """The offsets of the directories these entries point at."""
    found = []
    for entry in entries:
        if entry.tag in DIRECTORY_TAGS:
            found += _numbers(handle, order, entry, file_size, chunk_size)
    return found


def _data_spans(
    handle: IO[bytes], order: str, entries: list[Entry], file_size: int, chunk_size: int
) -> list[tuple[int, int]]:
    """Where the picture data (strips, tiles, a thumbnail) these entries point at lies."""
    by_tag = {entry.tag: entry for entry in entries}
    spans = []
    for tag, length_tag in DATA_TAGS.items():
        if tag not in by_tag:
            continue
        offsets = _numbers(handle, order, by_tag[tag], file_size, chunk_size)
        lengths = [1] * len(offsets)
        if length_tag in by_tag:
            given = _numbers(handle, order, by_tag[length_tag], file_size, chunk_size)
            if len(given) == len(offsets):
                lengths = [max(length, 1) for length in given]
        spans += [(at, at + length) for at, length in zip(offsets, lengths, strict=True)]
    return spans


def find(directory: Directory, tag: int) -> Entry | None:
    return next((entry for entry in directory.entries if entry.tag == tag), None)


def content_credentials(directory: Directory) -> str:
    """Say why the file must not be changed (a C2PA manifest), or return ""."""
    if find(directory, C2PA_TAG) is not None:
        return "It carries Content Credentials (a C2PA manifest) in the file."
    xmp = find(directory, XMP_TAG)
    if xmp is not None and xmp.data and b"purl.org/dc/terms/" in xmp.data:
        if b"provenance" in xmp.data:
            return "It points to Content Credentials (a C2PA manifest) kept elsewhere."
    return ""


def packet_of(directory: Directory) -> bytes | None:
    """The file's own XMP packet, for a sidecar (None if it has none)."""
    xmp = find(directory, XMP_TAG)
    return xmp.data if xmp is not None else None


def merge_directory(directory: Directory, values: Mapping[str, Value | None]) -> Merged:
    """Return what the download writes with the catalogue's ``values`` merged in.

    Raises ``UnsafeMetadata`` when the merge cannot be done without loss (the caller then
    hands out the original untouched).
    """
    if reason := content_credentials(directory) or directory.unfollowed:
        raise UnsafeMetadata(reason)
    values = {name: value for name, value in values.items() if not is_empty(value)}
    entries = {entry.tag: entry for entry in directory.entries}
    if len(entries) != len(directory.entries):  # readers differ on which one counts
        raise UnsafeMetadata("The file's first directory has a tag twice.")
    changed: dict[int, tuple[int, bytes]] = {}  # tag: (type, value bytes)
    xmp = entries.get(XMP_TAG)
    had_xmp = xmp is not None
    packet = merge_xmp_packet(xmp.data if xmp else None, values)
    changed[XMP_TAG] = (xmp.kind if xmp and xmp.kind in (BYTE, UNDEFINED) else BYTE, packet)
    iptc = entries.get(IPTC_TAG)
    if iptc is not None and iim_values(values):
        old = iptc.data or b""
        new = encode_iim(merge_iim(parse_iim(old.rstrip(b"\x00")), values))
        new += b"\x00" * (-len(new) % TYPE_SIZES[iptc.kind])  # a LONG-typed block: whole LONGs
        if new != old:
            changed[IPTC_TAG] = (iptc.kind, new)
            photoshop = entries.get(PHOTOSHOP_TAG)
            if photoshop is not None:  # its digest is of the block as stored, padding included
                resources = parse_resources(photoshop.data or b"")
                for resource in resources:
                    if resource.number == IPTC_RESOURCE:
                        resource.data = new
                update_digest(resources, old, new, had_xmp=had_xmp)
                block = b"".join(resource.encode() for resource in resources)
                if block != photoshop.data:
                    changed[PHOTOSHOP_TAG] = (photoshop.kind, block)
    for tag, text in exif_values(values).items():
        entry = entries.get(tag)
        if entry is None or entry.kind != ASCII or entry.data != text:
            changed[tag] = (ASCII, text)
    keep = _rewritable_end(directory, changed)
    return _relink(directory, entries, changed, keep)


def _value_offset(directory: Directory, entry: Entry) -> int | None:
    """Where an entry's value is stored, when it is not in the entry itself."""
    if entry.size <= 4:
        return None
    return struct.unpack(directory.order + "I", entry.field)[0]


def _rewritable_end(directory: Directory, changed: dict[int, tuple[int, bytes]]) -> int:
    """How much of the file the merge keeps: all of it, unless IFD0 ends the file with only
    the values of tags read here before it (end to end, a padding byte apart at most), as
    ``_relink`` writes them. Then the file is kept up to the first of those values, and the
    unchanged ones among them join ``changed`` (written again, as they were), so that a
    download merged again is the same size. Nothing else may point into what is dropped:
    neither IFD0's other entries nor any directory reachable from it (``Directory.elsewhere``)."""
    order, offset = directory.order, directory.offset
    if offset + 2 + 12 * len(directory.entries) + 4 != directory.file_size:
        return directory.file_size
    stored = {}  # value's offset: entry, for the tags whose values were read
    for entry in directory.entries:
        at = _value_offset(directory, entry)
        if at is not None and entry.tag in READ_TAGS and entry.data is not None:
            stored[at] = entry
    start, moved = offset, []
    while True:
        before = next(
            (
                entry
                for at, entry in stored.items()
                if at + entry.size in (start, start - 1) and entry not in moved
            ),
            None,
        )
        if before is None:
            break
        moved.append(before)
        start = _value_offset(directory, before)
    for entry in directory.entries:  # anything else in the dropped part: keep it all
        at = _value_offset(directory, entry)
        if entry in moved:
            continue
        if at is not None and at + entry.size > start:
            return directory.file_size
    if any(end > start and at < directory.file_size for at, end in directory.elsewhere):
        return directory.file_size
    if start < 8 or struct.unpack(order + "I", directory.next_ifd)[0] >= start:
        return directory.file_size
    for entry in moved:
        changed.setdefault(entry.tag, (entry.kind, entry.data))
    return start


def _relink(directory: Directory, entries: dict[int, Entry], changed: dict, keep: int) -> Merged:
    """Append the changed values and a new IFD0 after the first ``keep`` bytes of the file;
    point the header at it."""
    order = directory.order
    tail = bytearray(b"\x00" * (keep % 2))
    for tag, (kind, value) in sorted(changed.items()):
        unit = TYPE_SIZES[kind]
        if unit > 1:  # a LONG-typed IPTC block: whole units, padded with zeros
            value += b"\x00" * (-len(value) % unit)
        count = len(value) // unit
        if len(value) <= 4:
            field = value.ljust(4, b"\x00")
        else:
            field = struct.pack(order + "I", keep + len(tail))
            tail += value + b"\x00" * (len(value) % 2)
        entries[tag] = Entry(tag, kind, count, field)
    new_ifd0 = keep + len(tail)
    tail += struct.pack(order + "H", len(entries))
    for tag in sorted(entries):
        entry = entries[tag]
        tail += struct.pack(order + "HHI", entry.tag, entry.kind, entry.count) + entry.field
    tail += directory.next_ifd
    if keep + len(tail) >= OFFSET_LIMIT:
        raise UnsafeMetadata("The TIFF would pass 4 GB, the most a TIFF can address.")
    header = directory.header[:4] + struct.pack(order + "I", new_ifd0)
    return Merged(header, bytes(tail), keep)


def write_merged(merged: Merged, handle: IO[bytes], chunk_size: int) -> Iterator[bytes]:
    """The merged file: the new header, the stored file from byte 8 as it is, the new tail."""
    yield merged.header
    yield from copy_range(handle, 8, merged.file_size - 8, chunk_size)
    yield merged.tail


def merge_into_tiff(data: bytes, values: Mapping[str, Value | None]) -> bytes:
    """Return the TIFF ``data`` with the catalogue's ``values`` merged in (whole, in memory)."""
    handle = io.BytesIO(data)
    merged = merge_directory(read_directory(handle, len(data), 64 * 1024), values)
    return b"".join(write_merged(merged, handle, 64 * 1024))
