"""A plain-text copy's player and date furniture, for `text`'s two passes. Pure.

- A video's player copied under its caption prints its times: where it starts ("0:00") and
  how long it runs ("01:32"). A caption over those two lines is the video's, whatever its
  credit line's label says (a camera's "Photo:" label on a video's frame).
- A video's title over its player's running time ("01:32") and, under the time, a line that
  only credits a video ("Vídeo: House", "Відео: House"): that credit is the video's.
- A date line in a language whose month names the date reader does not know ("Posted on:
  <month> 04, 2026 05:12"): a line of a few words with a year and a time of day and no
  sentence is the page's date line, furniture like a dateline, no video's title.
"""

from __future__ import annotations

import re

from archive.articles.credit_lines import PrintedCaption
from archive.articles.text_captions import _CREDIT, _PLAYER, _SHORT, Item

_TIME_RE = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
_START_RE = re.compile(r"^0{1,2}:00(?::00)?$")
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_CLOCK_RE = re.compile(r"(?<![\d:])\d{1,2}[:.]\d{2}(?![\d:])")


def player_times_follow(items: list[Item], i: int) -> bool:
    """Do a player's start and running time follow ``items[i]`` ("0:00", then "1:32",
    perhaps with a "/" between)?"""
    times = []
    for item in items[i + 1 : i + 4]:
        if item[0] == _PLAYER and _TIME_RE.match(item[1]):
            times.append(item[1])
        elif not (item[0] == _SHORT and item[1] in ("/", "|")):
            break
    return len(times) >= 2 and bool(_START_RE.match(times[0])) and not _START_RE.match(times[1])


def stamp_line(line: str) -> bool:
    """Is ``line`` a date line printed with its time of day (a label, a month's name, a
    year and a time: "Posted on: <month> 04, 2026 05:12"), no sentence?"""
    if len(line) > 80 or line[-1:] in ".!?" or not _YEAR_RE.search(line):
        return False
    if not _CLOCK_RE.search(_YEAR_RE.sub(" ", line)):
        return False
    words = [w for w in line.split() if not any(c.isdigit() for c in w)]
    return len(words) <= 5 and len(line.split()) <= 10


def video_over_times(items: list[Item], i: int, make) -> tuple:
    """The video whose title is ``items[i]``, over its player's times, made by ``make`` (a
    `PrintedCaption` and its caption to a placement), with the credit line printed alone under
    the times when it credits a video; and the index of the item after what it took."""
    line, j = items[i][1], i + 1
    while j < len(items) and items[j][0] == _PLAYER and _TIME_RE.match(items[j][1]):
        j += 1
    credit = items[j] if i + 1 < j < len(items) else None
    if credit and credit[0] == _CREDIT and credit[2].video and not credit[2].caption:
        return make(credit[2], caption=line), j + 1
    return make(PrintedCaption(line, video=True)), i + 1
