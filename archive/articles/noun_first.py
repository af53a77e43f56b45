"""Units of languages that print the counted noun before the number: pure; used by `source`.

Swahili says "tani 6,420" (tonnes 6,420), "wakulima zaidi ya 38,000" (farmers more than
38,000), "maghala 12" (warehouses 12): the unit of such a figure is the noun before it, past
the words for "more than", "between", "up to", "about". `read_figures` reads the noun after a
number, as most languages print it; on a page in such a language (its ``lang``) the unit of a
counted figure is taken from before it instead, and a time noun there ("miaka 15", fifteen
years) makes it a duration, which is no figure. Money and per cent keep theirs.
"""

from __future__ import annotations

import re

from archive.articles.figures import read_figures

# Languages (ISO 639-1) that print the counted noun before the number, and the words between
# the noun and the number that are no noun ("zaidi ya", more than; "kati ya", between).
_NOUN_FIRST = {
    "sw": frozenset(
        """zaidi ya kati kufikia kutoka hadi takriban karibu jumla ni chini wapatao kama
        wastani wa""".split()
    ),
}
# The time nouns of those languages (a closed class): printed before the number they make a
# duration or a date ("miaka 15", fifteen years; "saa 24"; "wiki 6"), which states no figure,
# as "15 years" does not in English (`not_figures.TIME_UNITS`).
_TIME_NOUNS = {
    "sw": frozenset(
        """sekunde dakika saa masaa siku wiki juma majuma mwezi miezi mwaka miaka muongo miongo
        karne""".split()
    ),
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
    code = language.split("-")[0].split("_")[0].lower()
    skip = _NOUN_FIRST.get(code)
    if skip is None:
        return
    durations = []
    for candidate in candidates:
        if candidate.figure is None or candidate.unit == "%" or candidate.unit.isupper():
            continue
        for figure in read_figures(candidate.sentence):
            if figure.value == candidate.figure and figure.unit == candidate.unit:
                noun = _noun_before(candidate.sentence[: figure.start], skip)
                if noun.lower() in _TIME_NOUNS[code]:
                    durations.append(candidate)  # "kwa miaka 15": a duration, no figure
                elif noun and not figure.share:  # "nusu" (a half) counts no noun
                    candidate.unit = noun
                break
    candidates[:] = [c for c in candidates if not any(c is d for d in durations)]
