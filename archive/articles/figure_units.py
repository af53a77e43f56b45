"""The noun phrase a figure counts, read after it ("12,730 Russian soldiers", "personnel a
day"): for `figures.read_figures`, pure.
"""

from __future__ import annotations

from archive.articles.not_figures import (
    ADJECTIVE_DROP,
    DAY_AND_MONTH_WORDS,
    IRREGULAR_PLURALS,
    RATE_RE,
    UNIT_STOP,
    WORD_TOKEN_RE,
)


def _is_plural(word: str) -> bool:
    low = word.lower()
    return low in IRREGULAR_PLURALS or (
        word[:1].islower() and low.endswith("s") and not low.endswith("ss") and len(low) > 3
    )


def unit_after(after: str) -> str:
    """The noun phrase naming what a figure counts: "Russian soldiers", "personnel a day"."""
    words: list[str] = []
    rest = after
    for token in after.split():
        core = token.strip("“”\"‘’'()«»")
        clean = core.rstrip(",.;:!?")
        low = clean.lower()
        if not clean or not WORD_TOKEN_RE.fullmatch(clean):
            break
        if low == "of" and words and len(words) < 4:
            words.append(low)
            rest = rest.split(token, 1)[1] if token in rest else ""
            continue
        if low in UNIT_STOP or low in DAY_AND_MONTH_WORDS:
            break
        if words and words[-1] != "of" and low.endswith("ed") and clean[:1].islower():
            break  # a participle after the noun: "14 buildings damaged"
        if not words and low in ADJECTIVE_DROP:
            rest = rest.split(token, 1)[1] if token in rest else ""
            continue
        words.append(clean)
        rest = rest.split(token, 1)[1] if token in rest else ""
        if clean != core or len(words) >= 5 or token != core:
            break
        following = (rest.split(None, 1) or [""])[0]
        if _is_plural(clean) and following[:1].islower() and following.lower() != "of":
            break  # "3 million homes receive ...": the verb is not part of the noun
    while words and words[-1] == "of":
        words.pop()
    unit = " ".join(words)
    if unit and not after.strip().startswith((",", ".")):
        rate = RATE_RE.match(rest)
        if rate:
            unit = f"{unit} {rate.group(0).strip()}"
    return unit
