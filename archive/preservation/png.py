"""Merge the catalogue's metadata into a PNG without losing what the file already says.

PNG keeps XMP in an ``iTXt`` chunk with the keyword ``XML:com.adobe.xmp``. Only the chunks
before the first ``IDAT`` (the picture data) are read: the packet is merged there with the
same ``xmp.merge_xmp_packet`` the JPEG path uses, written back uncompressed in place (or a new
chunk goes just before the first ``IDAT``), and the rest of the file follows untouched. Where
the file has EXIF (an ``eXIf`` chunk before the picture data), IFD0's description, artist and
copyright get the same values, as in a JPEG. Every other chunk is kept byte for byte. A file
with Content Credentials (a C2PA ``caBX`` chunk) is never changed.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import IO

from archive.preservation.jpeg import EXIF_HEADER, Segment, merge_exif_segment
from archive.preservation.xmp import UnsafeMetadata, Value, is_empty, merge_xmp_packet

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
XMP_KEYWORD = b"XML:com.adobe.xmp"
PACKET_LIMIT = 16 * 2**20  # a compressed packet is inflated up to this, no further


class DamagedPNG(ValueError):
    """The PNG is damaged before its picture data: nothing can be written into it."""


@dataclass
class Chunk:
    kind: bytes
    data: bytes

    def encode(self) -> bytes:
        body = self.kind + self.data
        return struct.pack(">I", len(self.data)) + body + struct.pack(">I", zlib.crc32(body))


def is_png(data: bytes) -> bool:
    return data.startswith(PNG_SIGNATURE)


def split_png(data: bytes) -> tuple[list[Chunk], bytes]:
    """Return the chunks before the first ``IDAT`` (CRCs checked), and the rest as it is."""
    if not is_png(data):
        raise DamagedPNG("Not a PNG file.")
    chunks: list[Chunk] = []
    position = len(PNG_SIGNATURE)
    while True:
        if position + 8 > len(data):
            raise DamagedPNG("Damaged PNG: it ends before its picture data.")
        length = int.from_bytes(data[position : position + 4], "big")
        kind = data[position + 4 : position + 8]
        if not kind.isalpha():
            raise DamagedPNG("Damaged PNG: a chunk has no valid type.")
        if kind == b"IDAT":
            return chunks, data[position:]
        if kind == b"IEND":
            raise DamagedPNG("Damaged PNG: it ends before its picture data.")
        end = position + 12 + length
        if end > len(data):
            raise DamagedPNG("Damaged PNG: it ends before its picture data.")
        body = data[position + 4 : end - 4]
        if zlib.crc32(body) != int.from_bytes(data[end - 4 : end], "big"):
            name = kind.decode("ascii")
            raise DamagedPNG(f"Damaged PNG: the checksum (CRC) of its {name} chunk is wrong.")
        chunks.append(Chunk(kind, body[4:]))
        position = end


def join_png(chunks: list[Chunk], rest: bytes) -> bytes:
    return PNG_SIGNATURE + b"".join(chunk.encode() for chunk in chunks) + rest


def read_png_head(handle: IO[bytes], limit: int, chunk_size: int, *, start: bytes = b"") -> bytes:
    """Read a PNG's chunks up to the first ``IDAT`` (with its 8-byte header), not the picture.

    Every read is bounded; ``split_png`` finds the same chunks (or the same damage) in the
    head as in the whole file. Raises ``UnsafeMetadata`` past ``limit`` bytes. ``start``: the
    file's first bytes, when the caller has read them already.
    """
    head = bytearray(start)

    def fill(size: int) -> bool:
        while len(head) < size:
            chunk = handle.read(min(size - len(head), chunk_size))
            if not chunk:
                return False
            head.extend(chunk)
        return True

    if not fill(len(PNG_SIGNATURE)) or not is_png(bytes(head)):
        return bytes(head)
    position = len(PNG_SIGNATURE)
    while fill(position + 8):
        kind = bytes(head[position + 4 : position + 8])
        if kind in (b"IDAT", b"IEND"):
            break
        end = position + 12 + int.from_bytes(head[position : position + 4], "big")
        if end > limit:
            raise UnsafeMetadata("The file's metadata is too large to merge into it.")
        if not fill(end):
            break
        position = end
    return bytes(head)


def content_credentials(data: bytes) -> str:
    """Say why the file must not be changed (a C2PA manifest), or return ""."""
    try:
        chunks, _ = split_png(data)
    except ValueError:
        return ""
    for chunk in chunks:
        if chunk.kind == b"caBX":
            return "It carries Content Credentials (a C2PA manifest) in the file."
        if chunk.kind == b"iTXt" and chunk.data.startswith(XMP_KEYWORD + b"\x00"):
            if b"purl.org/dc/terms/" in chunk.data and b"provenance" in chunk.data:
                return "It points to Content Credentials (a C2PA manifest) kept elsewhere."
    return ""


def xmp_packet(chunk: Chunk) -> bytes:
    """The packet of an XMP ``iTXt`` chunk (inflated if it was compressed, against the spec)."""
    data = chunk.data
    keyword_end = data.find(b"\x00")  # keyword, NUL, flag, method, language, NUL, translated, NUL
    language_end = data.find(b"\x00", keyword_end + 3)
    translated_end = data.find(b"\x00", language_end + 1) if language_end >= 0 else -1
    if keyword_end < 0 or translated_end < 0:
        raise UnsafeMetadata("The PNG's XMP chunk is damaged.")
    compressed, method = data[keyword_end + 1], data[keyword_end + 2]
    text = data[translated_end + 1 :]
    if not compressed:
        return text
    if method != 0:
        raise UnsafeMetadata("The PNG's XMP chunk uses an unknown compression.")
    inflater = zlib.decompressobj()
    try:
        packet = inflater.decompress(text, PACKET_LIMIT)
    except zlib.error as error:
        raise UnsafeMetadata("The PNG's compressed XMP chunk is damaged.") from error
    if inflater.unconsumed_tail:
        raise UnsafeMetadata("The PNG's XMP packet is too large to merge into it.")
    return packet


def xmp_chunk(packet: bytes) -> Chunk:
    """An uncompressed XMP ``iTXt`` chunk, as the XMP specification asks."""
    return Chunk(b"iTXt", XMP_KEYWORD + b"\x00\x00\x00\x00\x00" + packet)


def xmp_chunks(chunks: list[Chunk]) -> list[Chunk]:
    return [c for c in chunks if c.kind == b"iTXt" and c.data.startswith(XMP_KEYWORD + b"\x00")]


def packet_of(data: bytes) -> bytes | None:
    """The file's own XMP packet, for a sidecar (None if it has none or cannot be read)."""
    try:
        found = xmp_chunks(split_png(data)[0])
        return xmp_packet(found[0]) if len(found) == 1 else None
    except ValueError:
        return None


def merge_into_png(data: bytes, values: Mapping[str, Value | None]) -> bytes:
    """Return the PNG ``data`` with the catalogue's ``values`` merged into its XMP (and EXIF).

    Raises ``DamagedPNG`` for a file damaged before its picture data, ``UnsafeMetadata`` when
    the merge cannot be done without loss (the caller then hands out the original untouched).
    """
    chunks, rest = split_png(data)
    if reason := content_credentials(data):
        raise UnsafeMetadata(reason)
    values = {name: value for name, value in values.items() if not is_empty(value)}
    found = xmp_chunks(chunks)
    if len(found) > 1:  # against the specification, and readers differ on which counts
        raise UnsafeMetadata("The file has more than one XMP packet.")
    packet = merge_xmp_packet(xmp_packet(found[0]) if found else None, values)
    if found:
        chunks[chunks.index(found[0])] = xmp_chunk(packet)
    else:
        chunks.append(xmp_chunk(packet))  # just before the first IDAT
    merge_exif_chunk(chunks, values)
    return join_png(chunks, rest)


def merge_exif_chunk(chunks: list[Chunk], values: Mapping[str, Value]) -> None:
    """Give IFD0 the catalogue's description, artist and copyright, as in a JPEG's EXIF."""
    exif = next((c for c in chunks if c.kind == b"eXIf"), None)
    if exif is None:
        return
    segments = [Segment(0xE1, EXIF_HEADER + exif.data)]
    merge_exif_segment(segments, values)
    exif.data = segments[0].payload[len(EXIF_HEADER) :]
