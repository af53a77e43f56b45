"""A plain-text copy whose every credit line stands over its caption (N1's "Foto: X" line
above each caption, a video's "Video: X" above the player's label and its title), for
`text`'s second pass; and a page's masthead printed with its initials under it, which is no
picture. Pure.
"""

from __future__ import annotations

import re

from archive.articles.credit_forms import initials
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
from archive.articles.text_credit_words import ENTRY_TIME_RE
from archive.articles.text_lines import BYLINE_RE
from archive.articles.text_sizes import words_in
from archive.articles.writing_systems import is_spaceless

# (and the full stops of other scripts: "。", the danda "।", Khmer "។", Burmese "။", the Urdu
# "۔", the Ethiopic "።", the Arabic question mark "؟")
_CLOSING = ".!?:;”\"'»。।។။։۔።؟"
_SPACELESS_STORY_WORDS = 25


def _caption_like(item: Item | None, closing: str = _CLOSING) -> bool:
    """A line that reads as a caption with no full stop: thirty words or fewer; one to three
    only as a short line ("Illustration", "The mayor Ana Ruiz")."""
    if item is None or item[0] not in (_SHORT, _PARA) or BYLINE_RE.match(item[1]):
        return False
    words = words_in(item[1])
    if words > 30 or item[1][-1:] in closing:
        return False
    return words >= 4 or item[0] == _SHORT


def _player_title(items: list[Item], j: int) -> bool:
    """A video's credit line over its player's label ("VIDEO") and a title line."""
    found = items[j][2]
    nxt = items[j + 1] if j + 1 < len(items) else None
    after = items[j + 2] if j + 2 < len(items) else None
    # (A title may close with a quote: "Workers: “Nobody told us”".)
    title = _caption_like(after, closing=".!?:;")
    return bool(found and found.video and nxt and nxt[0] == _PLAYER and title)


_SENTENCE_END_RE = re.compile(r"[^\W\d_]{2}[.!?](?=\s+[^\W\d_])")
# Lines no caption is: an advert's label, a teaser, a player's furniture, a byline
_NOT_TEXT = (_ADVERT, _TEASER, _PLAYER, _BYLINE)


def _caption_sized(item: Item | None) -> bool:
    """A line of one sentence at most, twenty words or fewer: a caption's size."""
    if item is None or item[0] not in (_SHORT, _PARA) or BYLINE_RE.match(item[1]):
        return False
    line = item[1]
    return words_in(line) <= 20 and not _SENTENCE_END_RE.search(line) and line[-1:] != ":"


def _story(item: Item | None) -> bool:
    """A paragraph of the story: a finished sentence of twelve words or more, or two
    sentences."""
    if item is None or item[0] != _PARA:
        return False
    if item[1][-1:] not in _CLOSING + "“":
        # (Thai prints no full stops: a long line in a script without spaces is the story's)
        return is_spaceless(item[1]) and words_in(item[1]) >= _SPACELESS_STORY_WORDS
    return words_in(item[1]) >= 12 or bool(_SENTENCE_END_RE.search(item[1]))


def _votes(items: list[Item], credits: list[int]) -> tuple[int, int]:
    """(down, up): the credit lines whose place says they belong to the line below (the
    story's paragraph or the page's furniture above, a shorter caption-sized line below) and
    those that belong to the line above (a line of three words or more above, the story
    below)."""
    down = up = 0
    for j in credits:
        above = items[j - 1] if j else None
        below = items[j + 1] if j + 1 < len(items) else None
        if above is None or below is None:
            continue
        if above[0] in _NOT_TEXT and _caption_sized(below):
            down += 1
        elif _story(above) and _caption_sized(below):
            down += words_in(below[1]) < words_in(above[1])
        elif above[0] in (_SHORT, _PARA) and words_in(above[1]) >= 3:
            up += _story(below)
    return down, up


def credits_over_captions(items: list[Item]) -> set[int]:
    """The credit lines that go with the caption below them, where the page prints its
    credit lines that way (a video's over its player's label and title): every one of two
    or more stands over a line that reads as a caption with no full stop; or, full stops
    allowed, two or more stand between the story (or furniture) above and a caption-sized
    line below and none under a caption with the story below it (Postimees). Then each
    credit line over a caption-sized line goes down."""
    credits = [j for j, item in enumerate(items) if item[0] == _CREDIT]
    pictures = [
        j
        for j in credits
        if not _player_title(items, j) and not (items[j][2] and items[j][2].video)
    ]
    if len(pictures) < 2:
        return set()
    if all(_caption_like(items[j + 1] if j + 1 < len(items) else None) for j in pictures):
        return set(credits)
    down, up = _votes(items, pictures)
    if down < 2 or up:
        return set()
    return {j for j in pictures if _caption_sized(items[j + 1] if j + 1 < len(items) else None)}


def caption_below(items: list[Item], j: int, over: set[int]) -> tuple[str, int] | None:
    """(caption, lines taken) for the credit line ``items[j]`` that stands over its caption
    by the page's convention (``over``), else None."""
    if j not in over:
        return None
    if _player_title(items, j):
        return items[j + 2][1], 3
    nxt = items[j + 1] if j + 1 < len(items) else None
    return (nxt[1], 2) if _caption_like(nxt) or _caption_sized(nxt) else None


def masthead_with_initials(caption: str, credit_line: str) -> bool:
    """A page's masthead printed with its initials on the line below ("Radio Free
    Europe/Radio Liberty" over "RFE/RL"): the house's name spelled out, not a caption."""
    letters = credit_line.replace("/", "").replace(" ", "")
    if not caption or not letters.isupper() or len(caption.split()) < 2:
        return False
    return initials(caption) == letters


def live_blog_times(items: list[Item]) -> list[Item]:
    """A live blog's entry times ("16:20" over each entry): where three lines or more that
    read like a player's running time each open a paragraph of the story, they are the
    entries' times (furniture, as a dateline is), not players."""
    times = [
        j for j, item in enumerate(items) if item[0] == _PLAYER and ENTRY_TIME_RE.match(item[1])
    ]
    opening = [j for j in times if j + 1 < len(items) and items[j + 1][0] in (_PARA, _SHORT)]
    if len(opening) < 3 or len(opening) < len(times) - 1:
        return items
    return [(_BYLINE, item[1], None) if j in opening else item for j, item in enumerate(items)]


# "Jagode (ilustracija)", "Harbour (file photo)": a caption closed by the picture's kind in
# brackets, however short, is a caption.
_PICTURE_KIND_RE = re.compile(
    r"\S\s*\((?:ilustracija|ilustrace|ilustrácia|ilustracja|ilustrativna fotografija|"
    r"illustration|illustrative (?:photo|image)|symbolbild|symbolfoto|file photo|file|"
    r"archive|archive photo|arhiva|archiv|archivbild|foto de archivo|photo d'archive)\)$",
    re.IGNORECASE,
)


def marks_picture_kind(line: str) -> bool:
    """Does a short line close with the picture's kind in brackets ("(illustration)")?"""
    return len(line.split()) <= 6 and bool(_PICTURE_KIND_RE.search(line))
