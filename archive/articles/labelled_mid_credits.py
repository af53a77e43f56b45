"""A credit in brackets, opened by a picture label, printed in the middle of a caption: "Crews
clear the road (photo Reuters) before the convoy passes", "The mill, built in 1911 (Picture:
Jane Moyo) and closed in 1990", Italian "(foto Ansa)", German "(Bild: Keystone)".

The label says the bracket is the picture's credit, wherever it stands; the caption cannot lose
it without reading as it was never printed, so it is kept whole and the bracket is its credit
line (as `mid_credits` keeps a bracket the page prints elsewhere). A bracket with no label
("(left)", "(pictured)", "(Harbour Board)") or a source label ("(Source: the IMF)", whose data
the sentence cites) is the caption's own words. Pure; used by `source.parse_article`.
"""

from __future__ import annotations

import re

from archive.articles.credit_lines import (
    _BY_LABEL_RE,
    _GRAPHIC_LABELS,
    _SOURCE_LABELS,
    _unwrap,
    read_credit_line,
)
from archive.articles.draft import DraftPlacement, norm

_BRACKET_RE = re.compile(r"\(([^()]{2,60})\)")
# the name a labelled bracket gives: a few words, no sentence in it
_NAME_RE = re.compile(r"^[^\W\d_][^,;:!?]*$")


def labelled_bracket(inner: str) -> bool:
    """Is the text inside a bracket a picture's credit under its label ("foto Ansa",
    "Picture: Jane Moyo", "Photo by Ana Ruiz")?"""
    inner = norm(inner)
    name, label = _unwrap(f"({inner})")
    if not label and not _BY_LABEL_RE.match(inner):
        return False
    if label in _SOURCE_LABELS or label in _GRAPHIC_LABELS or label == "source":
        return False
    return bool(_NAME_RE.match(name)) and name[:1].isupper() and 1 <= len(name.split()) <= 6


def labelled_credits_inside_captions(placements: list[DraftPlacement]) -> None:
    """Give an uncredited caption the labelled bracket standing once in its middle as its
    credit line."""
    for p in placements:
        if p.credit_line or not p.caption:
            continue
        found = [m for m in _BRACKET_RE.finditer(p.caption) if labelled_bracket(m.group(1))]
        if len(found) != 1:
            continue
        m = found[0]
        before, after = p.caption[: m.start()], p.caption[m.end() :]
        if not before.strip() or not re.search(r"[^\W\d_]", after):
            continue  # a bracket closing the caption: `caption_credits` reads those
        parts = read_credit_line(m.group())
        if not parts.credit:
            continue
        p.credit_line, p.credit, p.source, p.creator = (
            m.group(),
            parts.credit,
            parts.source,
            parts.creator,
        )
        p.notes = [n for n in p.notes if "no credit" not in n]
        p.needs_review = p.needs_review and bool(p.notes)
