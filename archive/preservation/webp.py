"""Merge the catalogue's metadata into a WebP without losing what the file already says.

A WebP is a RIFF container: a 12-byte header (``RIFF``, the size, ``WEBP``) and chunks (a
four-letter type, a little-endian size, the data, a pad byte when the size is odd). XMP is the
``XMP `` chunk and EXIF the ``EXIF`` chunk; a file that has either must be "extended": its
first chunk is ``VP8X``, whose flags say which are present and whose canvas size the simple
formats (a lone ``VP8 `` or ``VP8L`` chunk) carry only in their bitstream.

The packet is merged with the same ``xmp.merge_xmp_packet`` the JPEG and PNG paths use and
written back where it was (or after the picture and its EXIF); IFD0's description, artist and
copyright in an existing EXIF chunk get the same values. ``VP8X`` is rewritten (made, for a
simple file) with the EXIF and XMP flags right, the RIFF size is fixed, and every other chunk
is copied byte for byte, pad byte included. A file with Content Credentials (a ``C2PA``
chunk) is never changed.

Only chunk headers and the metadata chunks are read (by seeking); the picture data is copied
from the stored file as the download is sent. No library did this: Pillow re-encodes, exiv2
was rejected for the JPEG path (see ``jpeg``).
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import IO

from archive.preservation.jpeg import EXIF_HEADER, SEGMENT_MAX, Segment, merge_exif_segment
from archive.preservation.reading import copy_range, read_up_to
from archive.preservation.xmp import UnsafeMetadata, Value, is_empty, merge_xmp_packet

METADATA_KINDS = (b"VP8X", b"EXIF", b"XMP ")  # chunks whose data is read and may be rewritten
IMAGE_KINDS = (b"VP8 ", b"VP8L", b"ALPH", b"ANIM", b"ANMF", b"ICCP", b"VP8X")
BITSTREAM_HEAD = 10  # bytes of a VP8 or VP8L chunk that hold the picture's size
ICC_FLAG, ALPHA_FLAG, EXIF_FLAG, XMP_FLAG = 0x20, 0x10, 0x08, 0x04
MAX_CANVAS = 1 << 24
MAX_CHUNKS = 100_000  # an animation's frames are chunks; more is a crafted file, not a picture


class DamagedWebP(ValueError):
    """The WebP's container is damaged: nothing can be written into it."""


@dataclass
class Chunk:
    """One chunk of the file: where it is, and its data when it is metadata (or new)."""

    kind: bytes
    size: int  # of its data, without the header and the pad byte
    offset: int | None = None  # of its header in the stored file; None for a new chunk
    data: bytes | None = None  # read for VP8X, EXIF and XMP; the first bytes of a bitstream
    padded: bool = True  # the stored file has the pad byte (a last chunk may lack it)

    def encode(self) -> bytes:
        pad = b"\x00" if len(self.data) % 2 else b""
        return self.kind + struct.pack("<I", len(self.data or b"")) + (self.data or b"") + pad

    @property
    def stored_length(self) -> int:
        """Its length in the file: header, data, and the pad byte if the file has it."""
        return 8 + self.size + (self.size % 2 if self.padded else 0)


@dataclass
class Layout:
    """A WebP's chunks, as found in the stored file, and any bytes after the RIFF."""

    chunks: list[Chunk]
    trailer: tuple[int, int] | None = None  # (offset, length) of bytes after the RIFF


def is_webp(start: bytes) -> bool:
    return start[:4] == b"RIFF" and start[8:12] == b"WEBP"


def read_layout(handle: IO[bytes], limit: int, chunk_size: int) -> Layout:
    """Find the chunks of the open WebP ``handle`` by their headers, seeking over the picture.

    The data of VP8X, EXIF and XMP chunks is read (up to ``limit`` bytes in all, else
    ``UnsafeMetadata``), and the first bytes of a VP8 or VP8L bitstream. Raises
    ``DamagedWebP`` when the chunks do not tile the file.
    """
    file_end = handle.seek(0, io.SEEK_END)
    handle.seek(0)
    header = read_up_to(handle, 12, chunk_size)
    if not is_webp(header):
        raise DamagedWebP("Damaged WebP: it does not start with a RIFF WEBP header.")
    riff_end = 8 + int.from_bytes(header[4:8], "little")
    # The RIFF size is sometimes wrong: the chunks decide where the RIFF ends.
    ends = [riff_end, file_end] if riff_end < file_end else [file_end]
    for end in ends:
        try:
            chunks = _walk(handle, end, file_end, chunk_size)
        except DamagedWebP:
            if end == file_end:
                raise
            continue
        trailer = (end, file_end - end) if end < file_end else None
        _read_metadata(handle, chunks, limit, chunk_size)
        _check_order(chunks)
        return Layout(chunks, trailer)
    raise AssertionError("unreachable")  # pragma: no cover


def _walk(handle: IO[bytes], end: int, file_end: int, chunk_size: int) -> list[Chunk]:
    chunks: list[Chunk] = []
    position = 12
    while position < end:
        handle.seek(position)
        head = read_up_to(handle, 8, chunk_size)
        if len(head) < 8 or position + 8 > end:
            raise DamagedWebP("Damaged WebP: it is cut short inside a chunk's header.")
        kind = head[:4]
        if not all(0x20 <= byte <= 0x7E for byte in kind):
            raise DamagedWebP("Damaged WebP: a chunk has no valid type.")
        size = int.from_bytes(head[4:8], "little")
        name = kind.decode("ascii").strip()
        if position + 8 + size > end:
            raise DamagedWebP(f"Damaged WebP: it is cut short inside its {name} chunk.")
        padded = position + 8 + size + size % 2 <= end
        if not padded and end != file_end:
            raise DamagedWebP(f"Damaged WebP: its {name} chunk has no pad byte.")
        chunks.append(Chunk(kind, size, position, padded=padded))
        position += 8 + size + size % 2
        if len(chunks) > MAX_CHUNKS:
            raise UnsafeMetadata("The file has too many chunks to merge into it.")
    if not chunks:
        raise DamagedWebP("Damaged WebP: it has no chunks.")
    return chunks


def _read_metadata(handle: IO[bytes], chunks: list[Chunk], limit: int, chunk_size: int) -> None:
    total = 0
    for chunk in chunks:
        if chunk.kind in METADATA_KINDS:
            total += chunk.size
            if total > limit:
                raise UnsafeMetadata("The file's metadata is too large to merge into it.")
            wanted = chunk.size
        elif chunk.kind in (b"VP8 ", b"VP8L"):
            wanted = min(chunk.size, BITSTREAM_HEAD)
        else:
            continue
        handle.seek(chunk.offset + 8)
        chunk.data = read_up_to(handle, wanted, chunk_size)


def _check_order(chunks: list[Chunk]) -> None:
    first = chunks[0]
    if first.kind == b"VP8X":
        if first.size < 10:
            raise DamagedWebP("Damaged WebP: its VP8X chunk is too short.")
        if not any(c.kind in (b"VP8 ", b"VP8L", b"ANMF") for c in chunks):
            raise DamagedWebP("Damaged WebP: it has no picture data.")
    elif first.kind not in (b"VP8 ", b"VP8L"):
        raise DamagedWebP("Damaged WebP: its first chunk is not VP8, VP8L or VP8X.")


def content_credentials(layout: Layout) -> str:
    """Say why the file must not be changed (a C2PA manifest), or return ""."""
    for chunk in layout.chunks:
        if chunk.kind == b"C2PA":
            return "It carries Content Credentials (a C2PA manifest) in the file."
        if chunk.kind == b"XMP " and chunk.data is not None:
            if b"purl.org/dc/terms/" in chunk.data and b"provenance" in chunk.data:
                return "It points to Content Credentials (a C2PA manifest) kept elsewhere."
    return ""


def packet_of(layout: Layout) -> bytes | None:
    """The file's own XMP packet, for a sidecar (None if it has none, or several)."""
    found = [chunk for chunk in layout.chunks if chunk.kind == b"XMP "]
    return found[0].data if len(found) == 1 else None


def canvas(chunk: Chunk) -> tuple[int, int, bool]:
    """The width, height and alpha hint of a simple file's bitstream (VP8 or VP8L)."""
    data = chunk.data or b""
    if chunk.kind == b"VP8 " and len(data) >= 10 and data[3:6] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", data[6:10])
        return width & 0x3FFF, height & 0x3FFF, False
    if chunk.kind == b"VP8L" and len(data) >= 5 and data[0] == 0x2F:
        bits = int.from_bytes(data[1:5], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, bool(bits >> 28 & 1)
    name = chunk.kind.decode("ascii").strip()
    raise DamagedWebP(f"Damaged WebP: its {name} bitstream has no valid header.")


def vp8x_chunk(flags: int, width: int, height: int) -> Chunk:
    if not (0 < width <= MAX_CANVAS and 0 < height <= MAX_CANVAS):
        raise DamagedWebP("Damaged WebP: its picture has no valid size.")
    data = bytes((flags, 0, 0, 0)) + (width - 1).to_bytes(3, "little")
    data += (height - 1).to_bytes(3, "little")
    return Chunk(b"VP8X", len(data), data=data)


def merge_layout(layout: Layout, values: Mapping[str, Value | None]) -> Layout:
    """Return the layout with the catalogue's ``values`` merged into its XMP (and EXIF).

    Raises ``UnsafeMetadata`` when the merge cannot be done without loss (the caller then
    hands out the original untouched), ``DamagedWebP`` for a bitstream with no valid header.
    """
    if reason := content_credentials(layout):
        raise UnsafeMetadata(reason)
    values = {name: value for name, value in values.items() if not is_empty(value)}
    chunks = list(layout.chunks)  # a chunk rewritten is a new one: offset None
    xmps = [index for index, chunk in enumerate(chunks) if chunk.kind == b"XMP "]
    exifs = [index for index, chunk in enumerate(chunks) if chunk.kind == b"EXIF"]
    if len(xmps) > 1 or len(exifs) > 1:  # readers differ on which one counts
        raise UnsafeMetadata("The file has more than one XMP packet or EXIF block.")
    old_packet = chunks[xmps[0]].data if xmps else None
    packet = merge_xmp_packet(old_packet, values)
    xmp = Chunk(b"XMP ", len(packet), data=packet)
    if exifs and (exif := merge_exif_chunk(chunks[exifs[0]], values)) is not None:
        chunks[exifs[0]] = exif
    if xmps:
        chunks[xmps[0]] = xmp
    else:  # after the picture and its EXIF, before any chunk WebP does not know
        last = max(i for i, c in enumerate(chunks) if c.kind in IMAGE_KINDS + (b"EXIF",))
        chunks.insert(last + 1, xmp)
    if chunks[0].kind == b"VP8X":
        flags = chunks[0].data[0]
        rest = chunks[0].data[1:]
    else:  # a simple file: it gains a VP8X chunk, with the canvas its bitstream gives
        width, height, alpha = canvas(chunks[0])
        made = vp8x_chunk(ALPHA_FLAG if alpha else 0, width, height)
        flags, rest = made.data[0], made.data[1:]
        if any(c.kind == b"ICCP" for c in chunks):
            flags |= ICC_FLAG
        chunks.insert(0, made)
    flags &= ~(EXIF_FLAG | XMP_FLAG)
    flags |= EXIF_FLAG if any(c.kind == b"EXIF" for c in chunks) else 0
    flags |= XMP_FLAG  # it has one now
    chunks[0] = Chunk(b"VP8X", len(rest) + 1, data=bytes((flags,)) + rest)
    return Layout(chunks, layout.trailer)


def merge_exif_chunk(chunk: Chunk, values: Mapping[str, Value]) -> Chunk | None:
    """The EXIF chunk with IFD0's description, artist and copyright set, or None if unchanged.

    WebP's EXIF chunk holds the TIFF data itself; some writers put JPEG's ``Exif\\0\\0``
    before it, which is kept.
    """
    data = chunk.data or b""
    prefix = EXIF_HEADER if data.startswith(EXIF_HEADER) else b""
    segments = [Segment(0xE1, EXIF_HEADER + data[len(prefix) :])]
    try:
        merge_exif_segment(segments, values)
    except UnsafeMetadata:
        if len(segments[0].payload) <= SEGMENT_MAX:
            raise  # damaged: not merely larger than a JPEG segment, a limit WebP does not have
    merged = prefix + segments[0].payload[len(EXIF_HEADER) :]
    return None if merged == data else Chunk(b"EXIF", len(merged), data=merged)


def riff_size(layout: Layout) -> int:
    """The RIFF size field: ``WEBP`` and every chunk with its pad byte."""
    return 4 + sum(8 + c.size + c.size % 2 for c in layout.chunks)


def merged_length(layout: Layout) -> int:
    trailer = layout.trailer[1] if layout.trailer else 0
    return 8 + riff_size(layout) + trailer


def write_merged(layout: Layout, handle: IO[bytes], chunk_size: int) -> Iterator[bytes]:
    """The merged file: new chunks from memory, the others copied from ``handle`` as stored."""
    yield b"RIFF" + struct.pack("<I", riff_size(layout)) + b"WEBP"
    for chunk in layout.chunks:
        if chunk.offset is None:
            yield chunk.encode()
            continue
        yield from copy_range(handle, chunk.offset, chunk.stored_length, chunk_size)
        if not chunk.padded and chunk.size % 2:
            yield b"\x00"  # the file's last chunk lacked its pad byte
    if layout.trailer:
        yield from copy_range(handle, *layout.trailer, chunk_size)


def merge_into_webp(data: bytes, values: Mapping[str, Value | None]) -> bytes:
    """Return the WebP ``data`` with the catalogue's ``values`` merged in (whole, in memory)."""
    handle = io.BytesIO(data)
    layout = merge_layout(read_layout(handle, len(data), 64 * 1024), values)
    return b"".join(write_merged(layout, handle, 64 * 1024))
