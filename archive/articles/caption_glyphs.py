"""A separator glyph printed in an element of its own between a caption and its credit
(France Culture's `<span class="caption">…</span><span class="bullet">•</span><span
class="copyright">Crédits : X</span>`): it belongs to neither, so it is taken off the end of
the caption when the credit is read apart from it. Pure.
"""

from __future__ import annotations

import re

_TRAILING_GLYPH_RE = re.compile(r"\s*[•·|▪◦‣]+\s*$")


def without_separator(caption: str, credit_line: str) -> str:
    """``caption`` without a separator glyph closing it, when a credit line was read."""
    if not credit_line:
        return caption
    return _TRAILING_GLYPH_RE.sub("", caption)
