"""Records released by their owner, named after a participle: Italian "il bilancio diffuso
dalla X", "i dati pubblicati dall'X"; French "le bilan communiqué par X"; Spanish and
Portuguese "el balance difundido por X", "os dados divulgados pela X". The owner is the
sentence's source, as "figures from X show" in English. Pure; used by `attribution`.
"""

from __future__ import annotations

import re

_RECORDS = (
    r"bilancio|dati|rapporto|stime|numeri|"  # Italian
    r"bilan|chiffres|données|rapport|"  # French
    r"balance|datos|cifras|informe|balanço|dados|números|relatório"  # Spanish, Portuguese
)
_RELEASED = (
    r"diffus[oaie]|pubblicat[oaie]|comunicat[oaie]|fornit[oaie]|res[oi]\s+not[oaie]|"
    r"communiqués?|publiés?|diffusés?|fournis?|"
    r"difundid[oa]s?|publicad[oa]s?|divulgad[oa]s?|facilitad[oa]s?"
)
_BY = (
    r"dall['’]|dall[oa]\s|dagli\s|dalle\s|dai\s|dal\s|da\s|"  # Italian
    r"par\s+(?:l['’]|la\s|le\s|les\s)?|"  # French
    r"por\s+(?:el\s|la\s|los\s|las\s)?|pel[oa]s?\s"  # Spanish, Portuguese
)
# the words ending a body's name: a verb or a preposition after it ("… regionale parla di")
_AFTER_NAME = frozenset(
    """parla parlano conta contano indica indicano riferisce segnala è sono ha hanno di del
    della in a per con su che e fait font fait indique indiquent est sont de du des en pour
    avec et habla hablan indica cifra es son ha han de del en para con y fala falam aponta
    apontam é são da do em com""".split()
)
_RELEASED_BY_RE = re.compile(
    rf"(?i:\b(?:{_RECORDS})\s+(?:{_RELEASED}))(?:\s+[^\s,.;:]+){{0,3}}?\s+(?i:{_BY})\s*"
    r"(?P<who>[^\s,.;:()“”\"«»]+(?:\s+[^\s,.;:()“”\"«»]+){0,5})"
)


def released_by(sentence: str) -> str | None:
    """The owner of records a sentence cites as released by it, as printed; None when it
    cites none so."""
    m = _RELEASED_BY_RE.search(sentence)
    if not m:
        return None
    words: list[str] = []
    for word in m["who"].split():
        if words and (word.lower() in _AFTER_NAME or any(c.isdigit() for c in word)):
            break
        words.append(word)
    return " ".join(words) or None
