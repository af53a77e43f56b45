"""The noun phrase a figure counts, read after it ("12,730 Russian soldiers", "personnel a
day"): for `figures.read_figures`, pure.
"""

from __future__ import annotations

import re

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
        clean = core.rstrip(",.;:!?։՝،؛؟।–—")  # and the Armenian, Arabic and Devanagari stops
        # (a dash glued to the noun closes an aside: "el auto – 227 folios– de Castro")
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


# "from 20 to 25 per cent", "z 10 na 15 evrov", "z 2 100 na 900 divákov", "từ 350 đến 500
# mm": a change or range from one figure to another, the unit printed once, after the second
# (and its scale: "from 228.4 to 197.9 million dollars").
_FROM_BEFORE_RE = re.compile(
    r"(?:^|\s)(?:from|z|zo|ze|od|iz|nuo|din|de la|từ|von)\s*$", re.IGNORECASE
)  # German "von 19 auf 7 Prozent"
_TO_GAP_RE = re.compile(r"\s+(?:to|na|do|až|iki|la|đến|auf)\s+", re.IGNORECASE)


def from_to(before: str, gap: str, unit: str) -> bool:
    """Is a figure without a unit of its own (none, or the "to" word read as one) the first
    of "from X to Y", its unit printed once, after Y?"""
    own = bool(unit) and unit.split()[0].lower() != gap.strip().lower()
    return bool(not own and _TO_GAP_RE.fullmatch(gap) and _FROM_BEFORE_RE.search(before))


# "between" before a pair of figures: "between 3 and 4", "tra i 4 e i 6 mesi", "mellem 25 og 30"
BETWEEN_BEFORE = (
    r"(?:between|entre|zwischen|между|між|tra|fra|między|tussen|mellan|mellem|mellom|mezi|"
    r"tarp|starp|între|بين|בין)(?:\s+(?:i|gli|le))?$"
)
# Hungarian puts "between" after the pair: "820 millió és 1,1 milliárd forint között".
_BETWEEN_AFTER_RE = re.compile(r"\s*(?:között|közé|közötti)(?![\w’'-])")


def between_after(gap: str, after: str) -> bool:
    """Is "X és Y" a range closed by Hungarian "között" ("between")?"""
    return bool(re.fullmatch(r"\s+és\s+", gap) and _BETWEEN_AFTER_RE.match(after))


# "Nine of them were killed", "tre av dem": a count of those named before, a figure itself.
OF_THEM_RE = re.compile(
    r"\s+(?:of them|of those|of these|av dem|af dem|von ihnen|de ellos|de ellas|d'entre eux|"
    r"z nich)\b",
    re.IGNORECASE,
)
OF_THE_RE = re.compile(
    r"\s+(?:of|out of|sur|von|de|из|з|van|av|af|z|ze|zo|dos|das|no|od(?:\s+ukupno)?|dintre|"
    r"में से|मध्ये)\s+"  # Hindi "22 में से 14", Nepali "९०० मध्ये ३२०": the whole first
    r"(?:(?:the|its|their|les|des|der|de|het|los|las|sine|sina|sin|sit|haar|zijn|sus|seus|"
    r"suas|nossos|nossas|cei|cele|"
    # possessives: "Two of our three drums", "dos de nuestras tres", "tri od četiri naša"
    r"our|my|his|her|nuestros|nuestras|mis|nos|unserer|unseren|naših|naša|naše|"
    r"njihovih|svojih)\s+)?"
    r"(?:[\w’'-]+['’]s\s+)?"
)


def of_a_figure(after: str) -> bool:
    """Is the figure the part of a whole the next figure gives ("95 von 320", "210 of its
    480")?"""
    m = OF_THE_RE.match(after)
    return bool(m) and after[m.end() : m.end() + 1].isdigit()
