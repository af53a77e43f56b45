"""Credit lines a plain-text copy prints alone under a caption with no label: a staff
photographer and the house after a bar ("Name | HOUSE", Mexican papers), a supplied picture's
word ("Especial", "Cortesía") or a photo agency's bare name. Pure; used by `text`'s first pass.
"""

from __future__ import annotations

import re

from archive.agencies import agency_named
from archive.articles.credit_lines import PrintedCaption, read_credit_line
from archive.articles.credit_names import _known, _looks_like_person

# What Spanish-language papers print under a picture someone gave them: "Especial" (Mexico:
# a supplied picture), "Cortesía" (courtesy of whoever is named in the caption).
SUPPLIED_WORDS = frozenset(("especial", "cortesía", "cortesia"))


# "Instagram/@account", "TikTok / @handle": a platform and the account that posted it
_PLATFORM_HANDLE_RE = re.compile(r"^(?P<platform>[^\s/@]+)\s*/\s*@[\w.]{2,40}$")
# An entry's time in a live blog ("16:20"), printed between a credit and the next entry
ENTRY_TIME_RE = re.compile(r"^\d{1,2}[:.]\d{2}$")


def story_goes_on_below(lines: list[str], n: int) -> bool:
    """Does the story go on under ``lines[n]`` (the next line closes a sentence), past a live
    blog's entry time?"""
    below = lines[n + 1 : n + 3]
    if below and ENTRY_TIME_RE.match(below[0]):
        below = below[1:]
    # (the full stops of other scripts too: the danda "।", Khmer "។", "。", Burmese "။", the
    # Ethiopic "።", the Urdu "۔", the Arabic question mark "؟")
    return bool(below) and below[0][-1:] in '.!?”"।॥។。။።۔؟'


def lone_credit_word(line: str) -> bool:
    """Is ``line`` only a supplied picture's word or a known photo agency's name, one to three
    words with no punctuation ("Especial", "Cortesía", "Notimex"), or a platform's account
    ("Instagram/@name")? The caller checks that it stands between a caption and the story,
    as a credit line does."""
    m = _PLATFORM_HANDLE_RE.match(line)
    if m:
        found = agency_named(m["platform"])
        return bool(found) and found.kind == "social"
    if not 1 <= len(line.split()) <= 3 or any(c in line for c in ".,;:!?()/|"):
        return False
    return line.casefold() in SUPPLIED_WORDS or bool(_known(line))


def staff_bar_credit(line: str, found: PrintedCaption, masthead: set[str]) -> PrintedCaption | None:
    """The credit line "Name | HOUSE" printed alone under its caption: a photographer's name,
    a bar, then the house the page names itself in its masthead (``masthead``: its first
    lines, casefolded) or a known agency; None for any other line (a caption "... | AGENCY")."""
    if not found.caption or line.strip() != f"{found.caption} | {found.credit_line}":
        return None
    house = found.credit_line.strip()
    if not _looks_like_person(found.caption) or not (house.casefold() in masthead or _known(house)):
        return None
    parts = read_credit_line(line)
    return PrintedCaption("", line, parts.credit, parts.source, parts.creator)
