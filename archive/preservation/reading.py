"""Bounded reads from an open stored file, shared by the container readers and writers (WebP,
TIFF, GIF)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO


def read_up_to(handle: IO[bytes], size: int, chunk_size: int) -> bytes:
    """Read ``size`` bytes from where ``handle`` stands, ``chunk_size`` at a time; fewer at its end.

    A storage's file may answer a read with less than asked (S3 streams), so it is read in
    a loop; never more than ``size`` is held.
    """
    parts = bytearray()
    while len(parts) < size:
        part = handle.read(min(size - len(parts), chunk_size))
        if not part:
            break
        parts.extend(part)
    return bytes(parts)


def copy_range(handle: IO[bytes], offset: int, length: int, chunk_size: int) -> Iterator[bytes]:
    """Yield ``length`` bytes of the stored file from ``offset``, ``chunk_size`` at a time.

    A file that ends early changed after it was read (a download is streamed from the layout
    read at its start): that is an error, never a short download.
    """
    handle.seek(offset)
    while length > 0:
        part = handle.read(min(length, chunk_size))
        if not part:
            raise OSError("The stored file changed while it was being sent.")
        length -= len(part)
        yield part
