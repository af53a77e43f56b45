"""A text copy whose captions close with their credits in brackets ("... on Thursday. (CTV
News/Name)"): a caption closed so by a house no rule knows is read by the page's convention.

`read_caption` reads a bracketed credit it knows ("(THE CANADIAN PRESS/Name)", "(X/@handle)",
"(Handout/Company)"); when two or more lines of the page close so, a caption-sized line closed
by a bracketed group of a few capitalised words, after a finished sentence, is a caption and
that group its credit (`caption_credits.bracketed_credit`): the house's own desk, a regional
newsroom.
"""

from __future__ import annotations

from archive.articles.caption_credits import bracketed_credit, read_caption
from archive.articles.credit_lines import PrintedCaption

_MAX_WORDS = 30  # a caption; a story's paragraph is longer


def _bracketed(found: PrintedCaption) -> bool:
    line = found.credit_line
    return line.startswith("(") and line.endswith(")")


def brackets_captions(lines: list[str]) -> bool:
    """Does the page print two or more captions closed by a bracketed credit it reads?"""
    closed = 0
    for line in lines:
        found = read_caption(line)
        closed += bool(found.caption and _bracketed(found))
    return closed >= 2


def bracketed_caption(line: str) -> PrintedCaption | None:
    """The caption and credit of a caption-sized line closed, after a finished sentence, by a
    bracketed group of a few words no rule reads as a credit; or None."""
    if len(line.split()) > _MAX_WORDS:
        return None
    found = bracketed_credit(line)
    if found is None or not found.caption or found.caption[-1] not in ".!?":
        return None
    return found
