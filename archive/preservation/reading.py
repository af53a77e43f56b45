"""Bounded reads from an open stored file, shared by the container readers (WebP, TIFF)."""

from __future__ import annotations

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
