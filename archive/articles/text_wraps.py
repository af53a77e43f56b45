"""Captions that a plain-text copy wraps over two lines, joined back into one.

A browser copy of a page keeps the line breaks of a narrow caption box: "Workers at the
harbour, where the cranes" / "stood idle" / "Foto: Name/Agency". The second line continues
the first (it opens in lower case and is short), the first does not end a sentence, and a
line that is only a credit follows: the two are one caption, whitespace collapsed.
"""

from __future__ import annotations

from archive.articles.caption_credits import read_caption

_MAX_TAIL_WORDS = 8  # the wrapped rest of a caption is a few words
_MAX_CAPTION_WORDS = 40


def _credit_only(line: str) -> bool:
    found = read_caption(line)
    return bool(found.credit_line) and not found.caption


def _continues(head: str, tail: str) -> bool:
    """Is ``tail`` the wrapped rest of the caption line ``head``?"""
    if not head or not tail or head[-1] in '.!?:;»”"' or not tail[0].islower():
        return False
    if len(tail.split()) > _MAX_TAIL_WORDS or tail[-1] in ":;":
        return False
    return len(head.split()) + len(tail.split()) <= _MAX_CAPTION_WORDS


def join_wrapped_captions(lines: list[str]) -> list[str]:
    """``lines`` with each caption wrapped over two lines, above a credit line, joined."""
    joined: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if (
            i + 2 < len(lines)
            and _continues(line, lines[i + 1])
            and _credit_only(lines[i + 2])
            and not _credit_only(line)
        ):
            joined.append(f"{line} {lines[i + 1]}")
            i += 2
            continue
        joined.append(line)
        i += 1
    return joined
