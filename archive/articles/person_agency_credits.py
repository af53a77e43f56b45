"""A credit element printing a person's name and, in brackets, the agency they shot for
("Khin Mg Win (Shwe Inn Thar)", the BBC's convention): the credit is the agency. Pure.

The element's role says it is a credit, so a text in no known convention is taken whole; a
name of two to four words, each capitalised, then a bracketed name of one to five words,
capitalised and holding no sentence's punctuation, is read as photographer and agency.
"""

from __future__ import annotations

import re

_PERSON_AGENCY_RE = re.compile(
    r"^(?P<person>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){1,3})\s*"
    r"\((?P<agency>[^()\d.,;:!?]{2,60})\)$"
)


def _capitalised(words: list[str]) -> bool:
    return all(w[:1].isupper() for w in words)


def person_agency(line: str, credit: str) -> str:
    """The agency of a credit "Person Name (Agency)" that the other rules took whole
    (``credit`` is what they read); else ``credit``."""
    m = _PERSON_AGENCY_RE.match(line.strip()) if credit == line else None
    if m is None:
        return credit
    person, agency = m["person"].split(), m["agency"].split()
    if not 1 <= len(agency) <= 5 or not _capitalised(person) or not _capitalised(agency):
        return credit
    return " ".join(agency)
