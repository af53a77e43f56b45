"""A credit glued to the end of a caption with no label, in ordinary case, after the caption's
last full stop ("Farmers unload the harvest in Sylhet. Name Surname", "... Collected", "...
House Name"), as South Asian papers print them. Pure; used by `caption_credits.read_caption`.
"""

from __future__ import annotations

import re

from archive.articles.credit_names import _SUPPLIED, _known, _looks_like_person
from archive.articles.glued_slash_credits import glued_slash_credit

_AFTER_STOP_RE = re.compile(
    r"(?<=[^\W\d_]{3}[.!?])\s+(?P<line>[^\W\d_][\w’'-]*(?:\s+[^\W\d_][\w’'-]*){0,2})\s*$"
)
# Words that name no supplier but say the picture was given to the paper ("Collected", a
# Bangladeshi paper's word for a supplied picture), kept as printed.
_GIVEN_WORDS = frozenset(("collected", "courtesy"))
# Words that close a line of the page without being a credit.
_NOT_CREDITS = frozenset(("read more", "see more", "show more", "advertisement", "comment"))


def glued_credit(text: str) -> tuple[str, str] | None:
    """(caption, credit line) of a caption closed by a credit after its last full stop with no
    label: a photographer's or a house's name (two or three capitalised words), a known agency,
    or a word for a supplied picture; None for anything else."""
    if slashed := glued_slash_credit(text):  # "… este jueves EFE/ Name": `glued_slash_credits`
        return slashed
    m = _AFTER_STOP_RE.search(text)
    if not m or len(text[: m.start("line")].split()) < 4:
        return None
    line = m["line"]
    words = line.split()
    if line.lower() in _NOT_CREDITS or not all(w[0].isupper() for w in words):
        return None
    if line.lower() in _SUPPLIED or line.lower() in _GIVEN_WORDS or _known(line):
        return text[: m.start("line")].rstrip(), line
    if len(words) >= 2 and _looks_like_person(line):
        return text[: m.start("line")].rstrip(), line
    return None
