"""A text copy whose captions close with their credits in brackets ("... on Thursday. (CTV
News/Name)"): a caption closed so by a house no rule knows is read by the page's convention.

`read_caption` reads a bracketed credit it knows ("(THE CANADIAN PRESS/Name)", "(X/@handle)",
"(Handout/Company)"); when two or more lines of the page close so, a caption-sized line closed
by a bracketed group of a few capitalised words, after a finished sentence, is a caption and
that group its credit (`caption_credits.bracketed_credit`): the house's own desk, a regional
newsroom. On such a page a line that is only a bracketed group of a few names, printed under
its caption (An-Nahar's "(الدفاع المدني)" under a long caption), is that caption's credit line
(`bracketed_credit_line`).
"""

from __future__ import annotations

import re

from archive.articles.caption_credits import bracketed_credit, read_caption
from archive.articles.credit_lines import PrintedCaption, read_credit_line
from archive.articles.draft import norm

_MAX_WORDS = 30  # a caption; a story's paragraph is longer
_MAX_CREDIT_WORDS = 6
# One bracketed group, with no sentence's punctuation inside ("(Reporting by X; editing by
# Y)" signs off the story) and no second group.
_LONE_GROUP_RE = re.compile(r"^\((?P<inner>[^()\[\].!?;:]+)\)$")
# Latin words in lower case that may sit in a name ("of", "de", "via"); any other one makes
# the group a remark ("(pictured)", "(editing by X)"), not a credit.
_NAME_WORDS = frozenset("of the de du des la le van von der da di al el via and".split())


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


def bracketed_credit_line(line: str) -> PrintedCaption | None:
    """A line that is only a bracketed group of one to six words naming someone, read as a
    credit line (no caption); or None."""
    m = _LONE_GROUP_RE.match(norm(line).strip())
    if not m or not 1 <= len(m["inner"].split()) <= _MAX_CREDIT_WORDS:
        return None
    words = [w for w in re.split(r"[\s/-]+", m["inner"]) if w]
    if any(w[0].islower() and w.lower() not in _NAME_WORDS for w in words):
        return None
    if any(c.isdigit() for c in m["inner"]):
        return None  # "(2019)", "(1 of 3)": a year, a counter
    parts = read_credit_line(line)
    return PrintedCaption("", line, parts.credit, parts.source, parts.creator)


def bracketed_caption(line: str) -> PrintedCaption | None:
    """The caption and credit of a caption-sized line closed, after a finished sentence, by a
    bracketed group of a few words no rule reads as a credit; or a line that is only such a
    group, its credit line alone (`bracketed_credit_line`); or None."""
    alone = bracketed_credit_line(line)
    if alone:
        return alone
    if len(line.split()) > _MAX_WORDS:
        return None
    found = bracketed_credit(line)
    if found is None or not found.caption or found.caption[-1] not in ".!?":
        return None
    return found
