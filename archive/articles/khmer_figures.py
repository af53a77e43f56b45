"""Figures in Khmer, a script written without spaces between words: the figure is read with
the words joined after it. For `spaceless_figures`: pure.

Khmer papers print a space between the figure and the words around it, a space (or a full
stop) between groups of thousands ("១ ២០០", "៣២០ ០០០") and a comma before decimals
("១,២ លាន"); the digits are made ASCII before (`writing_systems.latin_digits`). Scales follow
the figure and join one another and the currency or classifier ("៣២ លានដុល្លារ",
"៥០ ពាន់លានរៀល"); "ភាគរយ" is per cent; "ពាក់កណ្ដាល" a half. The currencies are the CLDR's
names of the riel and the dollar in Khmer (through Babel); scales, classifiers and the per-cent
word are small tables. A number with nothing of these after it (a year, "១០ ខែ" months, an age
"អាយុ ៤៥ ឆ្នាំ") states no figure.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from babel import Locale

KHMER_RE = re.compile(r"[\u1780-\u17ff]")

_SCALES = {"ពាន់": 1000, "ម៉ឺន": 10**4, "សែន": 10**5, "លាន": 10**6, "ប៊ីលាន": 10**9}
# Classifiers and units of what is counted: people, families, households, houses, villages,
# communes, districts, provinces, companies, factories, mills, schools, places, machines and
# vehicles, animals, trees, cases, times; tonnes, kilograms, hectares, metres, kilometres,
# litres. Time words (ឆ្នាំ, ខែ, ថ្ងៃ, ម៉ោង) are left out: a duration or a date is no figure.
_COUNTERS = """នាក់ គ្រួសារ ខ្នងផ្ទះ ខ្នង ភូមិ ឃុំ ស្រុក ខេត្ត ក្រុមហ៊ុន រោងចក្រ រោងម៉ាស៊ីន សាលារៀន
    កន្លែង គ្រឿង ក្បាល ដើម ករណី លើក តោន គីឡូក្រាម ហិកតា ម៉ែត្រ គីឡូម៉ែត្រ លីត្រ""".split()
_PERCENT = ("%", "ភាគរយ")
_HALF_RE = re.compile(r"ពាក់កណ្[ដត]ាល")
_GROUPED = r"\d{1,3}(?:[ .]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"


@cache
def _currencies() -> dict[str, str]:
    """The word Khmer papers print for the riel and the dollar: the first word of the CLDR's
    name ("រៀល​កម្ពុជា" -> "រៀល", "ដុល្លារ​អាមេរិក" -> "ដុល្លារ")."""
    names = Locale.parse("km").currencies
    return {re.split(r"[\s\u200b]", names[code])[0]: code for code in ("KHR", "USD")}


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _figure_re() -> re.Pattern:
    return re.compile(
        rf"(?<![\d.,])(?P<num>{_GROUPED})(?![\d])\s?"
        rf"(?P<scales>(?:{_alternatives(_SCALES)})*)"
        rf"(?P<after>{_alternatives(_currencies())}|{_alternatives(_PERCENT)}|"
        rf"{_alternatives(_COUNTERS)})?"
    )


def _value(number: str) -> Decimal:
    return Decimal(re.sub(r"[ .]", "", number).replace(",", "."))


def khmer_figures(sentence: str) -> tuple[list[tuple], list[tuple[int, int]]]:
    """(start, end, value, unit, share) of each figure of a Khmer sentence, and the spans of
    every number read, figure or not."""
    figures: list[tuple] = []
    spans: list[tuple[int, int]] = []
    for m in _HALF_RE.finditer(sentence):
        figures.append((m.start(), m.end(), Decimal("0.50"), "", True))
    for m in _figure_re().finditer(sentence):
        spans.append(m.span())
        after = m["after"]
        if not after:
            continue
        scale = 1
        for word in re.findall(_alternatives(_SCALES), m["scales"]):
            scale *= _SCALES[word]
        unit = _currencies().get(after) or ("%" if after in _PERCENT else after)
        figures.append((m.start(), m.end(), _value(m["num"]) * scale, unit, False))
    return figures, spans
