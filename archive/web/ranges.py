"""HTTP byte ranges (RFC 9110, section 14) for the role-checked media view.

A video player asks for parts of the file (``Range: bytes=0-``, then wherever the viewer
seeks); Django's ``FileResponse`` always sends the whole file. Only a single range is
served: a multi-range request gets the whole file, which the RFC allows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO

_SINGLE = re.compile(r"^bytes=([0-9]*)-([0-9]*)$")
CHUNK = 64 * 1024
# Past any file's size: a position written with more digits is read as this. Python refuses
# to read a number of over 4 300 digits (ValueError), which a header may carry.
FAR = 10**18


def _position(digits: str) -> int:
    digits = digits.lstrip("0") or "0"
    return int(digits) if len(digits) < len(str(FAR)) else FAR


class Unsatisfiable(ValueError):
    """The range lies wholly beyond the end of the file (answer 416)."""


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """The first and last byte (inclusive) a ``Range`` header asks for, or None for all.

    None also when the header is absent, malformed or asks for several ranges: the
    client then gets the whole file with 200. Raises ``Unsatisfiable`` when the range
    starts at or after the end of the file.
    """
    if not header:
        return None
    match = _SINGLE.match(header.strip().replace(" ", ""))
    if match is None:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # "bytes=-500": the last 500 bytes
        length = _position(last)
        if length == 0:
            raise Unsatisfiable(header)
        return max(size - length, 0), size - 1
    start = _position(first)
    if last and _position(last) < start:
        return None
    if start >= size:
        raise Unsatisfiable(header)
    end = _position(last) if last else size - 1
    return start, min(end, size - 1)


def read_span(handle: IO[bytes], start: int, end: int) -> Iterator[bytes]:
    """Yield bytes ``start``..``end`` (inclusive) of an open file, a chunk at a time."""
    try:
        handle.seek(start)
        remaining = end - start + 1
        while remaining > 0:
            chunk = handle.read(min(CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        handle.close()
