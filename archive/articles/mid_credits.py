"""A bracketed credit printed in the middle of a caption ("Engineers at the plant (KNA)
inspect the pipe"), when the page prints the same bracketed credit closing another caption.

The credit cannot be cut out without leaving a caption that was never printed: the caption is
kept whole, as printed, and the bracket is its credit line. A bracket inside a caption is
taken so only when it is, word for word, a credit line the page gives elsewhere; any other
bracket is the caption's own words. Pure; used by `source.import_article`.
"""

from __future__ import annotations

import re

from archive.articles.draft import DraftPlacement

_BRACKET_RE = re.compile(r"\([^()]{1,40}\)")


def credits_inside_captions(placements: list[DraftPlacement]) -> None:
    """Give an uncredited caption the bracketed credit the page prints elsewhere, when that
    bracket stands once in its middle."""
    printed = {
        p.credit_line: p
        for p in placements
        if p.credit_line.startswith("(") and p.credit_line.endswith(")") and p.credit
    }
    for p in placements:
        if p.credit_line or not p.caption:
            continue
        found = [m for m in _BRACKET_RE.finditer(p.caption) if m.group() in printed]
        if len(found) != 1 or not p.caption[: found[0].start()].strip():
            continue
        other = printed[found[0].group()]
        p.credit_line, p.credit, p.source = found[0].group(), other.credit, other.source
        p.creator = other.creator
        p.notes = [n for n in p.notes if "no credit" not in n]
        p.needs_review = p.needs_review and bool(p.notes)
