"""A credit line for a picture made of two halves, each credited under its side's label:
"Left Image: Body, Right Image: Name", "Top: X; bottom: Y", "Links: X, rechts: Y". The
picture is credited to the first-named source (as the first of two credits printed
together elsewhere); the line is kept as printed.
"""

from __future__ import annotations

import re

from archive.articles.credit_lines import CreditParts, read_credit_line

_SIDE = r"(?:left|right|top|bottom|above|below|links|rechts|oben|unten|gauche|droite)"
_KIND = r"(?:\s+(?:image|photo|picture|pic|bild|foto))?"
_SPLIT_RE = re.compile(
    rf"^{_SIDE}{_KIND}\s*:\s*(?P<first>[^,;:]+?)\s*[,;]\s*{_SIDE}{_KIND}\s*:\s*(?P<second>.+)$",
    re.IGNORECASE,
)


def read_split_credit(text: str) -> CreditParts | None:
    """The parts of a two-sided credit line, the first side's source credited; else None."""
    m = _SPLIT_RE.match(text.strip())
    if m is None:
        return None
    first = read_credit_line(m["first"])
    return CreditParts(first.credit, first.source, first.creator, first.printed)
