"""The whole page's order of credit line and caption, for `text`'s second pass: a page that
prints every credit line above its caption (Kazakh and Russian papers' "Фото: X" over the
caption, a video's "Видео: X" over its title). Pure.

Each credit line is read against both its neighbours: the line below must be a caption's
size (twenty words or fewer, two short sentences at most, "Illustrative picture." after the
first), and the line above must be none of its captions: the page's furniture or masthead
above the story's first paragraph, an advert's or a teaser's line, or a line longer than the
one below (the story's paragraph, a headline sold under "Also read:"). Only when every
credit line of the page (three or more) reads that way do they all go with the line below:
a page printing its credits under its captions has its caption above and the story below
some credit line, which the rule then refuses (Postimees's video credit under its title).
"""

from __future__ import annotations

import re

from archive.articles.text_captions import (
    _ADVERT,
    _BYLINE,
    _CREDIT,
    _PARA,
    _PLAYER,
    _SHORT,
    _TEASER,
    Item,
)
from archive.articles.text_lines import BYLINE_RE

_NOT_TEXT = (_ADVERT, _TEASER, _PLAYER, _BYLINE)
_SENTENCE_END_RE = re.compile(r"[^\W\d_]{2}[.!?](?=\s+\S)")


def _caption_below(item: Item | None) -> bool:
    if item is None or item[0] not in (_SHORT, _PARA) or BYLINE_RE.match(item[1]):
        return False
    line = item[1]
    if len(line.split()) > 20 or line[-1:] == ":":
        return False
    ends = _SENTENCE_END_RE.findall(line)
    if len(ends) > 1:
        return False
    # a second sentence, if any, is a short note ("Illustrative picture.")
    return not ends or len(re.split(r"[.!?]\s+", line, maxsplit=1)[-1].split()) <= 4


def _not_its_caption(items: list[Item], j: int, story_started: bool) -> bool:
    above = items[j - 1] if j else None
    below = items[j + 1]
    if above is None or above[0] in _NOT_TEXT or not story_started:
        return True
    if above[0] not in (_SHORT, _PARA):
        return False
    return len(above[1].split()) > len(below[1].split())


def every_credit_over(items: list[Item]) -> set[int]:
    """The credit lines of a page that prints every one of them over its caption, else
    none."""
    credits = [j for j, item in enumerate(items) if item[0] == _CREDIT]
    if len(credits) < 3:
        return set()
    for j in credits:
        below = items[j + 1] if j + 1 < len(items) else None
        started = any(item[0] == _PARA for item in items[:j])
        if not _caption_below(below) or not _not_its_caption(items, j, started):
            return set()
    return set(credits)


def caption_under(items: list[Item], j: int, over: set[int]) -> tuple[str, int] | None:
    """(caption, lines taken) for the credit line ``items[j]`` of such a page."""
    if j not in over or j + 1 >= len(items):
        return None
    return items[j + 1][1], 2
