"""A plain-text copy's credits to its own house, named as its masthead prints it.

The copy opens with the site's masthead ("The Indian Express", "النهار") among its first lines.
A credit naming the house by the masthead's last word, its desk's form around it ("(Express
Photo by Name)", "(Express Video)", "(Express Photo/File)"), credits the house by its full
name; so does "(Name - House)", a photographer and the masthead side by side (Arabic papers),
the photographer its creator; and "House archive" (Amharic "ሪፖርተር ማኅደር"). And a frame of a
video printed under it, credited to a video desk ("Screengrab from the video above … (House
Video)"), is a picture that `mark_stills` can take for the video's still, not a second video.
Pure.
"""

from __future__ import annotations

import re

from archive.articles.credit_names import _known, _looks_like_person
from archive.articles.draft import (
    KIND_PICTURE,
    KIND_VIDEO,
    DraftPlacement,
    calls_itself_a_video,
    speaks_of_a_video,
)

_MASTHEAD_LINES = 15  # the masthead is printed among the copy's first lines
_MAX_MASTHEAD_WORDS = 5
_DASH_RE = re.compile(r"\s+[-–]\s+")
_SMALL = frozenset("the of and".split())
_DESK_KIND_RE = re.compile(r"\s+(?:Photo|Pic|Video)$", re.IGNORECASE)


def _mastheads(lines: list[str]) -> list[str]:
    """The copy's first lines shaped like a house's name (a few words, no sentence)."""
    return [
        line
        for line in lines[:_MASTHEAD_LINES]
        if 1 <= len(line.split()) <= _MAX_MASTHEAD_WORDS and line[-1] not in ".!?:;,"
    ]


def _house_by_last_word(credit: str, credit_line: str, mastheads: list[str]) -> str:
    """The masthead whose last word the desk's credit names ("Express" in "(Express Photo)"
    under "The Indian Express"), or ""."""
    credit = _DESK_KIND_RE.sub("", credit)  # "Express Video": the desk's own name
    if " " in credit or _known(credit) or not credit[:1].isupper():
        return ""
    desk = re.compile(rf"\b{re.escape(credit)}\s+(?:Photo|Pic|Video)", re.IGNORECASE)
    if not desk.search(credit_line):
        return ""
    for line in mastheads:
        words = line.split()
        named = all(w[:1].isupper() or w.lower() in _SMALL for w in words)
        if len(words) >= 2 and named and words[-1].casefold() == credit.casefold():
            return line
    return ""


# The archive's word after the house's name: "Reporter archive" (Amharic "ማኅደር"), "Arkiv".
_ARCHIVE_WORDS = frozenset(("ማኅደር", "ማህደር", "archive", "archives", "arkiv", "archiv", "آرکائیو"))


def _masthead_archive(credit: str, mastheads: list[str]) -> str:
    """The masthead, when ``credit`` is its name then the archive's word; else ""."""
    name, _, word = credit.rpartition(" ")
    if word.casefold() not in _ARCHIVE_WORDS:
        return ""
    return next((line for line in mastheads if line.casefold() == name.casefold()), "")


def _name_beside_masthead(credit: str, mastheads: list[str]) -> tuple[str, str] | None:
    """(house, photographer) of a credit "Name - House" whose house is the masthead."""
    pieces = _DASH_RE.split(credit)
    if len(pieces) != 2 or not 1 <= len(pieces[0].split()) <= 4:
        return None
    who, house = pieces[0].strip(), pieces[1].strip()
    if house.casefold() not in {line.casefold() for line in mastheads} or _known(who):
        return None
    if who[:1].isupper() and not _looks_like_person(who):
        return None  # a cased script: only a person's name is a photographer's
    return house, who


def _frame_of_a_video(caption: str) -> bool:
    return speaks_of_a_video(caption) and not calls_itself_a_video(caption)


def credit_own_house(placements: list[DraftPlacement], lines: list[str]) -> None:
    """Name the house as its masthead does in the credits of its own desk (see above); make
    a frame of a video, credited to a video desk, a picture for `mark_stills`."""
    mastheads = _mastheads(lines)
    video: DraftPlacement | None = None
    for p in placements:
        if p.credit:
            house = _house_by_last_word(p.credit, p.credit_line, mastheads)
            beside = None if house else _name_beside_masthead(p.credit, mastheads)
            house = house or _masthead_archive(p.credit, mastheads)
            if house:
                p.credit = house
            elif beside:
                p.credit, p.creator = beside
        if p.kind != KIND_VIDEO:
            continue
        if video is not None and _frame_of_a_video(p.caption):
            p.kind, p.title = KIND_PICTURE, ""
            continue
        video = p
