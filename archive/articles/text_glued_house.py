"""The house's own name glued to the end of a caption with no punctuation (plain text), as a
Spanish broadcaster's copy prints its frames: "Fotograma del vídeo anterior: el agua entra en
la fábrica RTVE". The last word is the credit when it is written in capitals, is the page's
masthead (one of its first lines, a web address's ending dropped: "RTVE.es") and credits
another picture or video of the page on a line of its own ("Vídeo: RTVE"). Pure; used by
`text_video_titles.video_title_over_credit`.
"""

from __future__ import annotations

import re

from archive.articles.credit_lines import PrintedCaption, read_credit_line

_GLUED_HOUSE_RE = re.compile(r"(?<=[^\W\d_])\s+(?P<house>(?-i:[A-ZÀ-ÝА-ЯІЇЄҐ]{2,12}))$")
_WEB_ENDING_RE = re.compile(r"\.(?:[a-z]{2,3}|com|net|org)$", re.IGNORECASE)
_MASTHEAD_LINES = 15


def glued_house_caption(lines: list[str], n: int, found: PrintedCaption) -> PrintedCaption:
    """``found``, or the caption of ``lines[n]`` with the house's name glued to its end."""
    from archive.articles.caption_credits import read_caption  # it imports this module's users

    line = lines[n].strip()
    if found.credit_line or n < _MASTHEAD_LINES or line[-1:] in '.!?:;,"”»':
        return found
    m = _GLUED_HOUSE_RE.search(line)
    caption = line[: m.start()].rstrip() if m else ""
    if not m or len(caption.split()) < 4 or not caption[:1].isupper():
        return found
    house = m["house"]
    mastheads = {_WEB_ENDING_RE.sub("", top.strip()).casefold() for top in lines[:_MASTHEAD_LINES]}
    if house.casefold() not in mastheads:
        return found
    credited = any(
        (other := read_caption(text)).credit_line and not other.caption and other.credit == house
        for k, text in enumerate(lines)
        if k != n
    )
    if not credited:
        return found
    parts = read_credit_line(house)
    return PrintedCaption(caption, house, parts.credit, parts.source, parts.creator)
