"""Two figures side by side: a range ("between 300 and 400 troops", "12 to 15 drones") read
as one figure with its top, and a score or a tally ("won 3-0", "a vote of 53-36", "a 6-3
court") read as two figures, one per side. Pure rules for `figures.read_figures`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from archive.articles.figure_units import BETWEEN_BEFORE, between_after

# "raised it by $1 to $8.25", "rose by 5% to 40%": the change, then the level reached, each
# with its own sign and far apart: two figures; "by 12 to 15 percent", "rise by US$40 to
# US$60" (ends near each other) stay a range.
_BY_BEFORE_RE = re.compile(r"\bby$")


def merge_ranges(found: list, sentence: str) -> list:
    """ "between 300 and 400 troops", "12 to 15 drones": one figure with its top."""
    merged: list = []
    i = 0
    while i < len(found):
        cur = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and cur.high_part is None and cur.kind != "fraction":
            gap = sentence[cur.end : nxt.start]
            before = sentence[: cur.start].rstrip().lower()
            # "between 3 and 4", "tra i 4 e i 6 mesi", "między 5 a 7"
            between = re.fullmatch(
                r"\s+(?:(?:and|et|und|y|и|і|e(?:\s+(?:i|gli|le))?|a|en|och|og|ir|un|și)\s+|و)", gap
            ) and re.search(BETWEEN_BEFORE, before)
            between = between or between_after(gap, sentence[nxt.end :])  # "X és Y között"
            # "12 to 15 drones" is a range; "from 12 to 15" a change (two figures); Polish
            # "od 8 do 10 tys." is a range.
            to = re.fullmatch(r"\s+(?:to|à|bis|a|до|do)\s+", gap) and not re.search(
                r"\b(?:from|de|von|от|від|з)$", before
            )
            if to and _BY_BEFORE_RE.search(before) and not (cur.plain or nxt.plain):
                to = nxt.value * nxt.scale < 4 * cur.value * cur.scale  # ends near: a range
            # "four or five times", "two or three drones".
            either = re.fullmatch(r"\s+(?:or|ou|oder|o|или|або)\s+", gap) and cur.kind in (
                "word",
                "count",
            )
            to = to or either
            # "between 300 and 400 dollars": the currency after the top is shared.
            compatible = cur.kind == nxt.kind or {cur.kind, nxt.kind} <= {"count", "word", "money"}
            # "between 20 and 25 per cent": the percent sign printed once, after the top.
            compatible = compatible or (cur.kind == "count" and cur.plain and nxt.kind == "percent")
            if cur.currency and nxt.currency and cur.currency != nxt.currency:
                compatible = False
            if (between or to) and compatible:
                if cur.scale == 1 and nxt.scale != 1:
                    cur.scale = nxt.scale
                if cur.plain and not cur.currency and nxt.worth != 1:
                    cur.value *= nxt.worth  # "between 25 and 75 cents": the coin said once
                cur.currency = cur.currency or nxt.currency
                if nxt.kind == "percent":
                    cur.kind = "percent"
                cur.high_part = nxt
                cur.end = nxt.start
                merged.append(cur)
                i += 2
                continue
        merged.append(cur)
        i += 1
    return merged


_SCORE_GAP_RE = re.compile(r"[-–]")
_SCORE_SIDE_RE = re.compile(r"0|[1-9]\d{0,2}")


def score_sides(low, high, sentence: str) -> list[tuple[Decimal, int, int]]:
    """The two sides of a score, a vote or a court's split printed "X-Y" with the larger
    first ("won 3-0", "by a vote of 53-36", "6-3 conservative-liberal", a draw "1-1"), as
    (value, start, end) each; none for a season ("2022-23", "99-00"), a phone number
    ("518-395-3000"), money or percentages. A side of three digits only after a lowercase
    word ("a vote of 218-212"): after a name it is a model ("Boeing 737-300")."""
    if not (low.plain and high.plain and low.kind == high.kind == "count"):
        return []
    if low.scale != 1 or high.scale != 1 or low.currency or high.currency:
        return []
    first, second = sentence[low.start : low.end], sentence[high.start : high.end]
    if not (_SCORE_SIDE_RE.fullmatch(first) and _SCORE_SIDE_RE.fullmatch(second)):
        return []
    if not _SCORE_GAP_RE.fullmatch(sentence[low.end : high.start]):
        return []
    if re.match(r"[-–]\d", sentence[high.end :]):
        return []  # "518-395-3000"
    if max(len(first), len(second)) == 3:
        word = (sentence[: low.start].split() or [""])[-1]
        if not word[:1].islower():
            return []
    return [(low.value, low.start, low.end), (high.value, high.start, high.end)]
