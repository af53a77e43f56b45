"""A plain-text copy's bylines: a byline printed with its date, the lines printed over a
dateline or byline (headlines), the names a byline prints. Pure; used by `text`.
"""

from __future__ import annotations

import re

from archive.articles.dates import dateline
from archive.articles.text_lines import BYLINE_NAMES_RE, BYLINE_RE, PUBLISHED_WORDS

# "by Name on 3 December 2026", "By Name | March 3, 2026", "Par Name, le 3 décembre 2026":
# a byline and its date on one line.
_BYLINE_DATE_RE = re.compile(
    r"^(?P<byline>.+?)(?:\s+(?:on|le|am|el|em|op|den|il|dnia)|\s*[|•·,]|\s+[—–-])\s+"
    r"(?P<date>\S.*\d.*)$"
)


def byline_date(line: str):
    """The date of a byline printed with it, or None."""
    m = _BYLINE_DATE_RE.match(line)
    if not m:
        return None
    byline = m["byline"].strip(" ,")
    if not BYLINE_RE.match(byline[:1].upper() + byline[1:]):
        return None
    return dateline(m["date"])


def headings_of(lines: list[str]) -> set[str]:
    """Lines printed just above a dateline or byline: headlines, not video titles."""
    return {
        line
        for line, below in zip(lines, lines[1:], strict=False)
        if below.lower() in PUBLISHED_WORDS or dateline(below) or BYLINE_RE.match(below)
    }


def author_names(lines: list[str]) -> set[str]:
    """The names the byline prints ("By Oliver Pemberton, Foreign News Reporter")."""
    names: set[str] = set()
    for line in lines[:60]:
        m = BYLINE_NAMES_RE.match(line)
        if m:
            for name in re.split(r"\s+and\s+|\s*&\s*", m["names"].strip()):
                if 2 <= len(name.split()) <= 4:
                    names.add(name.casefold())
    return names
