"""What a video player's own box prints about it (HTML). Pure.

A player's box often prints the video's headline in an element named for it
(`<div class="video__headline">`) or carries it in the player's `data-headline`, and prints a
meta line of its running time before its credit ("03:29 - Source: House"). The headline is the
video's title; the running time is not part of the credit line.
"""

from __future__ import annotations

import re

from archive.articles.caption_credits import parse_credit_text
from archive.articles.dom import name_words
from archive.articles.draft import plain, text_of

_RUNNING_TIME_RE = re.compile(r"^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}\s*(?:[-–—|·•]\s*(.*))?$", re.DOTALL)


def player_headline(el, container) -> str:
    """The headline a player's box prints for its video, or "" (`data-headline`, then a short
    element named "headline" inside the box)."""
    named = plain(el.get("data-headline") or "")
    if named:
        return named
    for box in container.iter("div", "span", "p"):
        if "headline" in name_words(box).split():
            text = plain(text_of(box))
            if 0 < len(text) <= 200:
                return text
    return ""


def without_running_time(credit_line: str, credit: str) -> tuple[str, str]:
    """(credit line, credit) with a leading running time taken off ("03:29 - Source: X" is
    the credit line "Source: X"; a running time alone is no credit line)."""
    match = _RUNNING_TIME_RE.match(credit_line or "")
    if match is None:
        return credit_line, credit
    rest = plain(match.group(1) or "")
    if not rest:
        return "", ""
    line, parsed = parse_credit_text(rest)
    return line or rest, parsed or credit
