"""The house's name printed again as a credit line of its own in a plain-text copy.

A copy starts with the page's masthead (the house's name: "Radio Okapi", "ලංකාදීප"); a line
that is that name alone, under a caption, is the house's own credit line (a frame of the
house's own video, a picture of its own desk).
"""

from __future__ import annotations

from archive.articles.text_captions import _PARA, _SHORT, _STORY_SENTENCE_RE


def masthead_line(line: str, first_line: str, items: list) -> bool:
    """Is ``line`` the copy's first line again (its masthead: the house's name, "Radio Okapi",
    "ලංකාදීප"), printed on a line of its own under a caption-sized line (thirty words or
    fewer, reporting no speech): the house's own credit line (a frame of its own video)?"""
    name = first_line.strip()
    if not 0 < len(name.split()) <= 4 or line.strip().casefold() != name.casefold():
        return False
    if not items or items[-1][0] not in (_SHORT, _PARA):
        return False
    above = items[-1][1]
    return len(above.split()) <= 30 and not _STORY_SENTENCE_RE.search(above)
