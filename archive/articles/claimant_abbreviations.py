"""Abbreviation stops inside a claimant's name: a rank or title ("said Col. Ann Reyes", "Dr.
Kim") and dotted initials ("according to U.S. Army Europe", "the U.N. agency") end no name.

`masked(sentence)` turns those stops into a stand-in that no attribution pattern reads as a
sentence's or a name's end, every position kept; `unmasked(name)` gives the printed stops back
and takes a leading rank or title off the person's name it precedes.
"""

from __future__ import annotations

import re

# A stand-in for a stop inside a name: not a word character, no punctuation the attribution
# patterns stop at.
_STAND_IN = "\u2024"  # one-dot leader

# Ranks and titles printed abbreviated before a name (English, and the same in German, Dutch,
# the Nordic languages: "Dr.", "Prof.").
_TITLES = (
    "Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Capt|Maj|Sgt|Adm|Cmdr|Cpl|Pvt|Brig|Gov|Sen|Rep|Rev|Supt|"
    "Insp|Det|Amb|Pres|Sec"
)
_TITLE_STOP_RE = re.compile(rf"(?<![\w.])(?:{_TITLES})\.(?=\s+[A-Z])")
# Dotted initials of two letters or more ("U.S.", "U.N.", "E.U."); the last stop only when a
# word follows, so a sentence's own closing stop stays.
_INITIALS_RE = re.compile(r"(?<![\w.])(?:[A-Z]\.){1,3}[A-Z]\.(?=\s+\w|[’']s\b)")
_INITIALS_END_RE = re.compile(r"(?<![\w.])(?:[A-Z]\.){1,3}[A-Z](?=\.)")
_LEADING_TITLE_RE = re.compile(rf"^(?:{_TITLES})\.\s+(?=[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+$)")


def masked(sentence: str) -> str:
    """``sentence`` with the stops of titles and dotted initials replaced by a stand-in."""
    if "." not in sentence:
        return sentence

    def stand_in(m: re.Match) -> str:
        return m.group().replace(".", _STAND_IN)

    sentence = _TITLE_STOP_RE.sub(stand_in, sentence)
    sentence = _INITIALS_RE.sub(stand_in, sentence)
    return _INITIALS_END_RE.sub(stand_in, sentence)


def unmasked(name: str) -> str:
    """``name`` with its stops printed again, a leading title before a full name taken off
    ("Col. Ann Reyes" -> "Ann Reyes")."""
    if _STAND_IN not in name:
        return name
    name = name.replace(_STAND_IN, ".")
    return _LEADING_TITLE_RE.sub("", name)
