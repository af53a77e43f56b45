"""A scale word joined to its figure by hyphens in a compound adjective of money: "the
1.2-billion-yuan telescope", "a $40-million-dollar deal", "a 2.5-million budget".
`unhyphen_scales` turns those hyphens into spaces (the same length, so every position stays),
and the figure reads as "1.2 billion yuan" does. A compound of no currency stays as printed
("a 12-million-strong militia"). Pure; used by `figures.read_figures`.
"""

from __future__ import annotations

import re

from archive.articles.amounts import CURRENCY_WORD_RE

_HYPHENED_SCALE_RE = re.compile(
    r"(?<=\d)-(?P<scale>thousand|million|billion|trillion)"
    r"(?:(?P<joined>-)(?=[^\W\d_])|(?![\w’'-]))",
    re.IGNORECASE,
)


def _spaced(m: re.Match) -> str:
    if m["joined"] and not CURRENCY_WORD_RE.match(m.string[m.end() :]):
        return m.group()  # "12-million-strong": no money
    return " " + m["scale"] + (" " if m["joined"] else "")


def unhyphen_scales(sentence: str) -> str:
    """The sentence with "1.2-billion-yuan" printed "1.2 billion yuan" (same length)."""
    if "-" not in sentence:
        return sentence
    return _HYPHENED_SCALE_RE.sub(_spaced, sentence)
