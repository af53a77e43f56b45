"""Units of languages that print the counted noun before the number: pure; used by `source`.

Swahili says "tani 6,420" (tonnes 6,420), "wakulima zaidi ya 38,000" (farmers more than
38,000), "maghala 12" (warehouses 12): the unit of such a figure is the noun before it, past
the words for "more than", "between", "up to", "about". `read_figures` reads the noun after a
number, as most languages print it; on a page in such a language (its ``lang``) the unit of a
counted figure is taken from before it instead. Money and per cent keep theirs.
"""

from __future__ import annotations

import re

from archive.articles.figures import read_figures

# Languages (ISO 639-1) that print the counted noun before the number, and the words between
# the noun and the number that are no noun ("zaidi ya", more than; "kati ya", between).
_NOUN_FIRST = {
    "sw": frozenset("zaidi ya kati kufikia kutoka hadi takriban karibu jumla ni".split()),
}
_WORD_RE = re.compile(r"[^\W\d_]+")


def _noun_before(before: str, skip: frozenset[str]) -> str:
    for token in reversed(before.split()):
        word = token.strip("“”\"‘’'(),.;:")
        if not _WORD_RE.fullmatch(word):
            return ""
        if word.lower() not in skip:
            return word
    return ""


def noun_first_units(candidates: list, language: str) -> None:
    """On a page in a language of `_NOUN_FIRST`, a counted figure's unit is the noun printed
    before it (in place)."""
    skip = _NOUN_FIRST.get(language.split("-")[0].split("_")[0].lower())
    if skip is None:
        return
    for candidate in candidates:
        if candidate.figure is None or candidate.unit == "%" or candidate.unit.isupper():
            continue
        for figure in read_figures(candidate.sentence):
            if figure.value == candidate.figure and figure.unit == candidate.unit:
                noun = _noun_before(candidate.sentence[: figure.start], skip)
                if noun and not figure.share:  # "nusu" (a half) counts no noun
                    candidate.unit = noun
                break
