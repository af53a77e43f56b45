"""A caption's bracketed credit that a plain-text copy wraps over two lines, joined back.

A narrow caption box breaks "… on Thursday. (Express Photo by Name)" inside its brackets:
"… on Thursday. (Express Photo" / "by Name)". The first line opens a bracket it does not close,
a few words before its end; the second is short, closes it and opens none. The two are one
line, whitespace collapsed, and the credit is read as printed. Pure.
"""

from __future__ import annotations

_MAX_OPEN_WORDS = 6  # the words of the credit on the first line, from its bracket on
_MAX_REST_WORDS = 6  # the credit's rest on the second line


def _opens_bracket(line: str) -> bool:
    start = line.rfind("(")
    if start < 0 or ")" in line[start:]:
        return False
    return 1 <= len(line[start:].split()) <= _MAX_OPEN_WORDS


def _closes_bracket(line: str) -> bool:
    end = line.find(")")
    return (
        line.endswith(")")
        and end == len(line) - 1
        and "(" not in line
        and 1 <= len(line.split()) <= _MAX_REST_WORDS
    )


def join_wrapped_brackets(lines: list[str]) -> list[str]:
    """``lines`` with each bracketed group broken over two lines joined into one line."""
    joined: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if i + 1 < len(lines) and _opens_bracket(line) and _closes_bracket(lines[i + 1]):
            joined.append(f"{line} {lines[i + 1]}")
            i += 2
            continue
        joined.append(line)
        i += 1
    return joined
