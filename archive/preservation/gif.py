"""Merge the catalogue's metadata into a GIF without losing what the file already says.

A GIF carries XMP in an application extension named "XMP DataXMP" (XMP specification, part
3): the packet's bytes as they are, then a 258-byte "magic trailer" that lets a reader which
walks the packet as sub-blocks land on the extension's end. A GIF has no IPTC-IIM or EXIF.

The file's blocks are walked once (bounded reads, nothing held but their places). The
download is the file as it is, block for block, with its XMP extension replaced by one that
holds the merged packet, or one added before the first picture (where exiftool puts it; a
GIF87a becomes GIF89a, the version that has extensions). Every other block (pictures,
comments, loop counts, other applications' extensions) is copied byte for byte. A file
with Content Credentials (a C2PA application extension) is never changed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO

from archive.preservation.reading import copy_range, read_up_to
from archive.preservation.xmp import UnsafeMetadata, Value, merge_xmp_packet

XMP_APPLICATION = b"XMP DataXMP"
# 0x01, 0xFF, 0xFE ... 0x01, 0x00, then the block terminator.
MAGIC_TRAILER = bytes([1, *range(255, -1, -1), 0])
EXTENSION, IMAGE, END = 0x21, 0x2C, 0x3B
APPLICATION, GRAPHIC_CONTROL, PLAIN_TEXT = 0xFF, 0xF9, 0x01


class DamagedGIF(ValueError):
    """The GIF's header is damaged: nothing can be written into it."""


def is_gif(start: bytes) -> bool:
    return start[:6] in (b"GIF87a", b"GIF89a")


@dataclass
class Layout:
    """Where a GIF's blocks are: its XMP extensions, where a new one goes, its size."""

    version: bytes
    size: int
    insert_at: int = 0  # before the first picture (or its graphic control)
    xmp: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each
    packet: bytes | None = None  # the first XMP extension's packet
    credentials: bool = False  # a C2PA extension


class _Reader:
    """Positions in an open file, read forward a chunk at a time."""

    def __init__(self, handle: IO[bytes], chunk_size: int) -> None:
        self.handle, self.chunk_size = handle, chunk_size
        self.buffer, self.start = b"", 0  # the buffer holds the file from ``start``

    def read(self, at: int, size: int) -> bytes:
        """``size`` bytes from ``at`` (fewer at the file's end)."""
        end, held = at + size, self.start + len(self.buffer)
        if not (self.start <= at and end <= held):
            if self.start <= at < held:  # keep what is held from ``at`` on
                self.buffer, self.start = self.buffer[at - self.start :], at
            else:
                self.handle.seek(at)
                self.buffer, self.start = b"", at
            wanted = max(end - (self.start + len(self.buffer)), self.chunk_size)
            self.buffer += read_up_to(self.handle, wanted, self.chunk_size)
        return self.buffer[at - self.start : end - self.start]


def read_layout(handle: IO[bytes], limit: int, chunk_size: int) -> Layout:
    """Walk the open GIF ``handle``'s blocks.

    Raises ``DamagedGIF`` for a header that is not a GIF's, ``UnsafeMetadata`` for blocks
    this cannot follow (a truncated file, an unknown block, an XMP packet over ``limit``
    bytes or without its trailer): the caller hands it out untouched.
    """
    size = handle.seek(0, 2)
    reader = _Reader(handle, chunk_size)
    head = reader.read(0, 13)
    if len(head) < 13 or not is_gif(head):
        raise DamagedGIF("Damaged GIF: it does not start with a GIF header.")
    layout = Layout(version=head[3:6], size=size)
    position = 13
    if head[10] & 0x80:  # a global colour table
        position += 3 * 2 ** ((head[10] & 7) + 1)
    while True:
        introducer = reader.read(position, 1)
        if not introducer:
            raise UnsafeMetadata("The GIF ends before its trailer.")
        kind = introducer[0]
        if kind == END:
            break
        if kind == IMAGE:
            descriptor = reader.read(position, 10)
            if len(descriptor) < 10:
                raise UnsafeMetadata("The GIF ends inside a picture.")
            layout.insert_at = layout.insert_at or position
            after = position + 10
            if descriptor[9] & 0x80:  # a local colour table
                after += 3 * 2 ** ((descriptor[9] & 7) + 1)
            position = _skip_sub_blocks(reader, after + 1, size)  # after the LZW code size
            continue
        if kind != EXTENSION:
            raise UnsafeMetadata(f"The GIF has a block the archive does not know (0x{kind:02x}).")
        label = reader.read(position + 1, 1)
        if label and label[0] in (GRAPHIC_CONTROL, PLAIN_TEXT):
            layout.insert_at = layout.insert_at or position
        application = b""
        if label and label[0] == APPLICATION:
            block = reader.read(position + 2, 12)
            application = block[1:12] if block[:1] == b"\x0b" else b""
        end = _skip_sub_blocks(reader, position + 2, size)
        if application == XMP_APPLICATION:
            _read_xmp(reader, layout, position, end, limit)
        elif application.startswith(b"C2PA"):
            layout.credentials = True
        position = end
    layout.insert_at = layout.insert_at or position
    return layout


def _skip_sub_blocks(reader: _Reader, position: int, size: int) -> int:
    """Where the sub-blocks starting at ``position`` end (after their terminator)."""
    while True:
        length = reader.read(position, 1)
        if not length:
            raise UnsafeMetadata("The GIF ends inside a block.")
        position += 1 + length[0]
        if length[0] == 0:
            return position
        if position > size:
            raise UnsafeMetadata("The GIF ends inside a block.")


def _read_xmp(reader: _Reader, layout: Layout, start: int, end: int, limit: int) -> None:
    """Keep an XMP extension's place, and its packet if it is the first."""
    layout.xmp.append((start, end))
    if layout.packet is not None:
        return
    body_start = start + 14  # introducer, label, length 11, "XMP DataXMP"
    if end - body_start > limit:
        raise UnsafeMetadata("The file's metadata is too large to merge into it.")
    body = reader.read(body_start, end - body_start)
    if not body.endswith(MAGIC_TRAILER):
        raise UnsafeMetadata("The GIF's XMP extension has no magic trailer.")
    layout.packet = body[: -len(MAGIC_TRAILER)]


def content_credentials(layout: Layout) -> str:
    """Say why the file must not be changed (a C2PA manifest), or return ""."""
    if layout.credentials:
        return "It carries Content Credentials (a C2PA manifest) in the file."
    if layout.packet and b"purl.org/dc/terms/" in layout.packet:
        if b"provenance" in layout.packet:
            return "It points to Content Credentials (a C2PA manifest) kept elsewhere."
    return ""


def xmp_extension(packet: bytes) -> bytes:
    """The application extension that carries ``packet`` (which holds no NUL byte)."""
    if b"\x00" in packet:
        raise UnsafeMetadata("The XMP packet holds a NUL byte, which a GIF cannot carry.")
    return b"\x21\xff\x0b" + XMP_APPLICATION + packet + MAGIC_TRAILER


@dataclass(frozen=True)
class Merged:
    layout: Layout
    extension: bytes

    @property
    def length(self) -> int:
        removed = sum(end - start for start, end in self.layout.xmp)
        return self.layout.size - removed + len(self.extension)


def merge_layout(layout: Layout, values: Mapping[str, Value | None]) -> Merged:
    """The merged packet's extension for ``layout``; raises ``UnsafeMetadata`` when the file
    must be handed out untouched (Content Credentials, a packet that cannot be parsed)."""
    if reason := content_credentials(layout):
        raise UnsafeMetadata(reason)
    return Merged(layout, xmp_extension(merge_xmp_packet(layout.packet, values)))


def write_merged(merged: Merged, handle: IO[bytes], chunk_size: int) -> Iterator[bytes]:
    """The file as stored, its XMP extensions left out and the merged one where the first was
    (or before the first picture)."""
    layout = merged.layout
    where = layout.xmp[0][0] if layout.xmp else layout.insert_at
    header = read_up_to(_at(handle, 0), 6, chunk_size)
    yield b"GIF89a" if header == b"GIF87a" else header
    position = 6
    for start, end in [(where, where), *sorted(layout.xmp)]:
        yield from copy_range(handle, position, start - position, chunk_size)
        if (start, end) == (where, where):
            yield merged.extension
        position = max(position, end)
    yield from copy_range(handle, position, layout.size - position, chunk_size)


def _at(handle: IO[bytes], position: int) -> IO[bytes]:
    handle.seek(position)
    return handle


def packet_of(layout: Layout) -> bytes | None:
    return layout.packet


def merge_into_gif(data: bytes, values: Mapping[str, Value | None]) -> bytes:
    """Return the GIF ``data`` with the catalogue's ``values`` merged in (whole, in memory)."""
    import io

    handle = io.BytesIO(data)
    merged = merge_layout(read_layout(handle, len(data), 64 * 1024), values)
    return b"".join(write_merged(merged, handle, 64 * 1024))
