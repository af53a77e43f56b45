"""Figures in Korean: numbers grouped by 만 (10⁴), 억 (10⁸) and 조 (10¹²), with 천 (a
thousand) inside a group ("16만2천명", "1천400억원"); the currency or counter joined to the
figure and a particle after it ("180억원이", "12.6%를", "4만8천건으로"); multiples ("2배")
and fractions ("3분의 1"). A number with any other word after it (a year "2025년", an age
"65살", a bus line "7번") or none ("김 씨(74)") states no figure. Vague amounts ("수십",
"수백만") are written without digits and are no figures. For `figures.read_figures`: pure.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

HANGUL_RE = re.compile(r"[\uac00-\ud7a3]")

_GROUP = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALES = {"천": 1000, "만": 10**4, "억": 10**8, "조": 10**12}
_CURRENCIES = {"원": "KRW", "달러": "USD", "유로": "EUR", "위안": "CNY"}
# What a figure counts, joined to it: people, cases, vehicles, things, places, households,
# houses, ships, tonnes, animals, trees, countries, companies; sheets (briquettes, tickets),
# bottles, volumes, garments, pairs, boxes and plots of land.
_COUNTERS = (
    "켤레",
    "상자",
    "필지",
    "장",
    "병",
    "권",
    "벌",
    "개국",
    "개사",
    "가구",
    "세대",
    "마리",
    "그루",
    "명",
    "건",
    "대",
    "개",
    "곳",
    "채",
    "척",
    "톤",
)
_PERCENT = ("%", "퍼센트", "프로")


class KoreanFigure(NamedTuple):
    start: int
    end: int
    value: Decimal
    unit: str  # the currency's code, "%", or the counter as printed ("명")
    share: bool  # a multiple or a fraction


_PART = rf"(?:{_GROUP})\s?[천만억조]"
KOREAN_FIGURE_RE = re.compile(
    rf"(?<![\d.,])(?P<num>(?:{_PART}\s?)*(?:{_PART}|(?:{_GROUP})))"
    rf"(?:\s?(?P<after>{'|'.join(_CURRENCIES)}|{'|'.join(_COUNTERS)}|{'|'.join(_PERCENT)}|배))?"
)
KOREAN_FRACTION_RE = re.compile(r"(?<![\d.,])(?P<den>\d+)\s?분의\s?(?P<num>\d+)(?![\d.,])")


def grouped_value(number: str, scales: dict[str, int]) -> Decimal:
    """The value of a number grouped by myriads, as Korean, Chinese and Japanese write them:
    a scale below 10⁴ ("천", "千") counts inside its group, a larger one closes the group
    ("1천400억" -> 140000000000, "4億3000万" -> 430000000)."""
    total = group = Decimal(0)
    for digits, scale in re.findall(rf"({_GROUP})\s?([{''.join(scales)}]?)", number):
        value = Decimal(digits.replace(",", ""))
        if scale and scales[scale] < 10**4:
            group += value * scales[scale]
        elif scale:
            total += (group + value) * scales[scale]
            group = Decimal(0)
        else:
            group += value
    return total + group


def korean_value(number: str) -> Decimal:
    """The value of a number written with Korean groups ("1천400억" -> 140000000000)."""
    return grouped_value(number, _SCALES)


def korean_figures(sentence: str) -> tuple[list[KoreanFigure], list]:
    """The figures of a sentence in Korean, and the spans of every number read, figure or
    not (no other reader takes them)."""
    figures: list[KoreanFigure] = []
    spans: list[tuple[int, int]] = []
    for m in KOREAN_FRACTION_RE.finditer(sentence):
        num, den = int(m["num"]), int(m["den"])
        spans.append(m.span())
        if 0 < num < den:
            share = (Decimal(num) / Decimal(den)).quantize(Decimal("0.01"))
            figures.append(KoreanFigure(m.start(), m.end(), share, "", True))
    for m in KOREAN_FIGURE_RE.finditer(sentence):
        if any(a < m.end() and m.start() < b for a, b in spans):
            continue
        spans.append(m.span())
        after = m["after"]
        if not after or (after == "개" and sentence[m.end() : m.end() + 1] in ("월", "년")):
            continue  # a bare number; a year, an age or a line number; "3개월" (months)
        if sentence[max(0, m.start() - 1) : m.start()] == "제":
            continue  # "제3장", "제2공장": an ordinal, no count
        value = korean_value(m["num"])
        if after in _CURRENCIES:
            figures.append(KoreanFigure(m.start(), m.end(), value, _CURRENCIES[after], False))
        elif after in _PERCENT:
            figures.append(KoreanFigure(m.start(), m.end(), value, "%", False))
        elif after == "배":
            figures.append(KoreanFigure(m.start(), m.end(), value, "", True))
        else:
            figures.append(KoreanFigure(m.start(), m.end(), value, after, False))
    figures.sort()
    return figures, spans
