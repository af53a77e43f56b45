"""Read the figures a sentence states: numbers in digits or words, money, percentages, ranges.

`read_figures` returns every figure of a sentence with its value, the top of a range and its
unit: the ISO code of a currency for money ("£2.5m" -> 2500000 GBP), "%" for a percentage,
else the noun after it as printed ("12,730 Russian soldiers"). Multipliers go into the value,
never the unit. Not figures: dates, years, times of day, ages ("Smith, 54,"), ordinals,
designations ("F-16", "World War 2", "7.62mm", "flight MH17"), durations ("eight months"),
page furniture ("5 min read") and vague amounts ("hundreds of", "tens of thousands").
Pure rules, no statistics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from archive.articles.amounts import (
    CODES,
    CURRENCY_WORD_RE,
    DIGITS_RE,
    PERCENT_AFTER_RE,
    SUBUNIT_RE,
    SYMBOL_CURRENCY,
    scale_of,
)
from archive.articles.classifiers import blank_classifiers
from archive.articles.dates import is_month_word
from archive.articles.figure_ranges import merge_ranges, score_sides
from archive.articles.figure_units import (
    OF_THE_RE,
    OF_THEM_RE,
    from_to,
    of_a_figure,
    unit_after,
)
from archive.articles.fraction_words import share_words
from archive.articles.hyphen_scales import unhyphen_scales
from archive.articles.minor_units import minor_unit
from archive.articles.money_words import PERCENT_BEFORE, currency_of_word
from archive.articles.not_figures import (
    AGE_STEMS,
    CALIBRE_WORDS,
    DATE_RES,
    DAY_AND_MONTH_WORDS,
    FURNITURE_AFTER,
    IRREGULAR_PLURALS,
    NOT_COUNTED,
    NUMBER_THEN_WORD_RE,
    QUANTITY_CUES,
    STREET_WORDS,
    TIME_RES,
    TIME_UNITS,
    VAGUE_BEFORE_RE,
    YEAR_BEFORE,
    is_designator,
)
from archive.articles.number_words import (
    COUNTS,
    DENOMINATORS,
    EVERY_NTH_RE,
    FINNISH_RATIO_RE,
    FINNISH_WHOLES,
    FRACTION_RE,
    MULTIPLE_RE,
    MULTIPLES,
    NORDIC_NUMBERS,
    NORDIC_RATIO_RE,
    NTH,
    RATIO_RE,
    ROUND_COUNTS,
    SCALE_WORD_RE,
    SMALL,
    TENS,
    TURKISH_NUMBERS,
    TURKISH_RATIO_RE,
    UNITS_OF_TEN,
    WORD_RE,
    WORD_SCALES,
    and_after_hundred,
    portuguese_dos,
)
from archive.articles.spaceless_figures import spaceless_figures
from archive.articles.writing_systems import latin_digits


@dataclass(frozen=True)
class Figure:
    """One figure as stated in a sentence."""

    value: Decimal
    unit: str = ""
    high: Decimal | None = None  # the top of a range ("12-15", "between 300 and 400")
    start: int = 0
    end: int = 0
    share: bool = False  # a share of a whole ("one in four", "a fifth of"): a figure by itself


def _counts_something(unit: str) -> bool:
    """Does a unit name things counted ("people", "Russian soldiers"), not an event?"""
    words = unit.split()
    if not words:
        return False
    if words[0].lower() in NOT_COUNTED:
        return False
    plural = any(
        w.lower() in IRREGULAR_PLURALS
        or (w.lower().endswith("s") and not w.lower().endswith(("ss", "is")) and len(w) > 3)
        for w in words
    )
    return plural


def _spans(patterns, text: str) -> list[tuple[int, int]]:
    return [m.span() for p in patterns for m in p.finditer(text)]


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def _word_before(text: str, pos: int) -> str:
    before = text[:pos].rstrip()
    return before.rsplit(None, 1)[-1] if before else ""


def _to_decimal(raw: str) -> Decimal | None:
    raw = re.sub(r"[ \u00a0\u2009\u202f'’]", "", raw)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw):
        raw = raw.replace(",", "")
    elif re.fullmatch(r"[1-9]\d{0,2}(?:\.\d{3})+", raw):
        raw = raw.replace(".", "")
    else:
        raw = raw.replace(",", ".")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    # A claim's figure is stored with 18 digits before the point: a longer run of digits is no
    # figure anyone states (and would not quantize).
    return value if value.is_finite() and value.adjusted() < 18 else None


def tidy(value: Decimal) -> Decimal:
    """A figure without trailing zeros ("2500000", not "2.5E+6" or "2500000.0")."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


# --------------------------------------------------------------------------------------------
# Reading


@dataclass
class _Found:
    start: int
    end: int
    value: Decimal
    unit: str = ""
    high: Decimal | None = None
    kind: str = "count"  # count money percent measure word fraction ratio multiple
    plain: bool = False  # bare digits: no currency, multiplier or percent sign
    scale: int = 1
    currency: str = ""
    high_part: _Found | None = None
    worth: Decimal = Decimal(1)  # a coin's or a toman's worth in the currency, in the value


def _currency_after(after: str) -> tuple[str, int]:
    """(ISO code, characters used) for a currency named right after a figure."""
    of = re.match(r"\s+(?:de|of|di)(?=\s)|\s+d['’]", after)  # "13,5 milliards d’euros"
    if of and CURRENCY_WORD_RE.match(after[of.end() :]):
        code, used = _currency_after(after[of.end() :])
        return code, used + of.end()
    m = CURRENCY_WORD_RE.match(after)
    if not m:
        return "", 0
    for code in ("usd", "gbp", "eur", "uah", "rub", "xof", "cny", "jpy", "chf", "pln", "sek"):
        if m[code]:
            return code.upper(), m.end()
    for code in ("nok", "dkk", "czk", "try"):
        if m[code]:
            return code.upper(), m.end()
    if m["usd2"] or m["eur2"]:
        return ("USD" if m["usd2"] else "EUR"), m.end()
    if m["sign"]:
        return SYMBOL_CURRENCY[m["sign"]], m.end()
    return (m["code"] or "").upper() or currency_of_word(m["word"]), m.end()


# "450m from the gate", "300m away": metres, a word of place after them.
_METRES_AFTER_RE = re.compile(
    r"\s+(?:from|away|above|below|long|high|wide|deep|tall|inland|offshore|uphill|downhill)\b"
)


def _one_digit_figure(m: re.Match, p: str, sentence: str) -> _Found | None:
    value = _to_decimal(m[p + "num"])
    if value is None:
        return None
    found = _Found(m.start(p + "num"), m.end(), value)
    found.plain = not (
        m[p + "cur"] or m[p + "pre"] or m[p + "mult"] or m[p + "pct"] or m[p + "sub"]
    )
    if m[p + "meas"]:
        found.kind = "measure"
        found.unit = m[p + "meas"]
    if m[p + "sub"] and not (m[p + "cur"] or m[p + "mult"] or m[p + "pct"]):
        value /= 100  # "53p"
        found.value = value
        found.currency = "GBP"
        return found
    if m[p + "mult"] == "m" and not m[p + "cur"] and _METRES_AFTER_RE.match(sentence, m.end()):
        found.kind, found.unit = "measure", "m"  # "300m from the market": metres
    elif m[p + "mult"]:
        found.scale = scale_of(m[p + "mult"])
    elif m[p + "pre"]:
        found.scale = scale_of(m[p + "pre"])  # Swahili "milioni 2": the scale before it
    cur = (m[p + "cur"] or "").strip().lower()
    if cur:  # a currency, or per cent said before the figure ("yüzde 30", "asilimia 40")
        found.currency = SYMBOL_CURRENCY.get(cur, cur.upper() if cur in CODES else "")
    if m[p + "pct"] or cur in PERCENT_BEFORE:
        found.kind, found.currency = "percent", ""
    return found


def _digit_figures(sentence: str) -> list[_Found]:
    out = []
    for m in DIGITS_RE.finditer(sentence):
        low = _one_digit_figure(m, "", sentence)
        if low is None:
            continue
        low.start = m.start()
        if m["hi_num"]:
            high = _one_digit_figure(m, "hi_", sentence)
            low.end = m.end("num") + len(m["mult"] or "") + len(m["pct"] or "")
            if high is not None:
                high.start = m.start("hi_cur") if m["hi_cur"] else m.start("hi_num")
                # A shared multiplier, currency or percent sign: "2-3 million", "$2-3bn".
                if low.scale == 1 and high.scale != 1:
                    low.scale = high.scale
                low.currency = low.currency or high.currency
                high.currency = high.currency or low.currency
                if high.kind == "percent":
                    low.kind = "percent"
                low.plain = low.plain and high.plain
                low.high_part = high
        out.append(low)
    return out


def _apply_money(found: _Found, sentence: str) -> None:
    after = sentence[found.end :]
    if found.kind == "measure":
        return
    if found.kind == "percent":
        found.unit = "%"
        return
    sub = SUBUNIT_RE.match(after) if found.scale == 1 else None
    if sub and not found.currency and found.plain:
        found.value /= 100
        found.worth = Decimal("0.01")
        # German "Cent", Spanish "céntimos", Italian "centesimi": the euro's hundredth
        found.currency = (
            "EUR"
            if sub["euro"]
            else "USD"
            if sub.group().strip().lower().startswith("c")
            else "GBP"
        )
        found.end += sub.end()
        found.plain = False
    coin, worth, used = minor_unit(after) if not found.currency else ("", 1, 0)
    if coin:  # "٤٠٠ فلس", "40 თეთრი", "۲۲ هزار تومان"
        found.value *= worth
        found.currency, found.end, found.plain, found.worth = coin, found.end + used, False, worth
    code, used = _currency_after(after)
    if code:
        found.currency = found.currency or code
        found.end += used
        found.plain = False
    if found.currency:
        found.kind = "money"
        found.unit = found.currency


# A year that is itself the fact: when something was first made, founded or introduced.
_MILESTONE_RE = re.compile(
    r"\b(?:first\s+)?(?P<verb>introduced|founded|established|invented|launched|built|"
    r"commissioned|inaugurated)\s+in\s*$",
    re.IGNORECASE,
)


def _excluded_digits(found: _Found, sentence: str, blocked: list[tuple[int, int]]) -> bool:
    """Is this number a date, year, time, age, designation, duration or furniture?"""
    start = found.start
    if _overlaps((start, found.end), blocked):
        return True
    before = sentence[:start]
    prev = _word_before(sentence, start)
    prev_core = prev.strip("“”\"‘’'(").rstrip(",;:")
    after = sentence[found.end :]
    raw_after = after.lstrip()
    if found.kind == "measure":
        # A calibre is a designation: "7.62mm ammunition", "155mm shells".
        first = (raw_after.split(None, 1) or [""])[0].strip(",.;:").lower()
        return first in CALIBRE_WORDS or (found.unit == "mm" and found.value % 1 != 0)
    span_of_time = NUMBER_THEN_WORD_RE.match(after)
    if found.plain and span_of_time and span_of_time[1].lower() in TIME_UNITS:
        return True  # "from 62 to 64 years"
    if found.plain:
        # Ordinals, compound adjectives ("54-year-old"), and designations ("737-800").
        if found.high_part is None and after.startswith(("-", "–")):
            rest = after[1:]
            if not rest[:1].isalpha() or rest[:1].isupper():
                return True
            word = re.match(r"[^\W\d_]+", rest)
            if word and (
                word.group().lower() in TIME_UNITS or word.group().lower().startswith(AGE_STEMS)
            ):
                return True  # "54-year-old", "12-річний", "57-jähriger"
        # Years: 1800-2100 written bare, unless they plainly count something, or the year is
        # the fact stated ("a weapon first introduced in 1959", "founded in 1998").
        if re.fullmatch(r"\d{4}", sentence[start : found.end].strip()) and (
            1800 <= found.value <= 2100
        ):
            milestone = _MILESTONE_RE.search(before)
            if milestone:
                found.kind, found.unit = "measure", f"year {milestone['verb'].lower()}"
                return False
            if not _counts_something(unit_after(after)) or prev_core.lower() in YEAR_BEFORE:
                return True
        # Ages: "Maureen Walsh, 78, from Bootle", "Smith (54)", "aged 54".
        if found.value < 120 and found.value == found.value.to_integral_value():
            if re.search(r"[^\W\d_][\w’'.-]*,\s*$", before) and re.match(r"\s*[,)]", after):
                name = before.rstrip().rstrip(",").split()
                if name and name[-1][:1].isupper():
                    return True
            if re.search(r"[^\W\d_]\s\($", before) and after.startswith(")"):
                return True
            if prev_core.lower() in ("aged", "age", "ages", "âgé", "âgée", "alter"):
                return True
            if re.match(r"\s*(?:years?|yrs?)[- ]old\b", after, re.IGNORECASE):
                return True
        # Designations: "World War 2", "Boeing 737", "flight MH17", "No 10", "Article 5".
        if is_designator(prev_core, sentence[:start]):
            return True
        unit = unit_after(after)
        if unit and unit.split()[-1].lower() in STREET_WORDS:
            return True  # an address: "11 Downing Street"
        grouped = bool(re.search(r"\d[\s,.\u00a0\u2009\u202f]\d{3}", sentence[start : found.end]))
        if (
            not grouped  # "Tagen 12 000 Unterschriften": thousands grouped, no model number
            and prev_core[:1].isupper()
            and not prev_core.endswith(("’s", "'s"))
            and before.rstrip() == before.rstrip().rstrip(",;:")
            and len(before.strip()) > len(prev)
            and not before.rstrip().endswith((".", "!", "?"))
            and prev_core.lower() not in DAY_AND_MONTH_WORDS
            and prev_core.lower() not in QUANTITY_CUES
            and not of_a_figure(after)  # "in Differdingen 95 von 320"
        ):
            if not _counts_something(unit_after(after)):
                return True
        # A numbered list item or heading: "1. The first point", "2 Police appeal after crash".
        if not before.strip() and (
            re.match(r"[.)]\s", after)
            or (after.strip()[:1].isupper() and not _counts_something(unit_after(after)))
        ):
            return True
        # Furniture: "5 min read", "12 comments", "1 of 12".
        first = (raw_after.split(None, 1) or [""])[0].strip(",.;:").lower()
        if first in FURNITURE_AFTER:
            return True
        if re.match(r"\s*(?:of|/)\s*\d+\s*$", after) or re.search(r"\b\d+\s*(?:of|/)\s*$", before):
            return True
    if found.kind == "count":
        unit = unit_after(after) or (raw_after.split(None, 1) or [""])[0].strip("“”\"«»’',.;:")
        if unit and (unit.split()[0].lower() in TIME_UNITS or is_month_word(unit.split()[0])):
            return True  # "40 years", "40 metų“" (a quotation closing), "৪ ডিসেম্বর" (a date)
        if re.match(r"\s*ago\b", after):
            return True
    return False


def _a_score(found: _Found, sentence: str, blocked: list[tuple[int, int]]) -> bool:
    """Is this "X-Y" a score after a team's name ("beat Weibo Gaming 3-0", "lost to DRX
    3-2"), which no designation rule excludes?"""
    high = found.high_part
    if high is None or high.value > found.value or _overlaps((found.start, high.end), blocked):
        return False
    return bool(score_sides(found, high, sentence))


def _fraction_figures(sentence: str, taken: list[tuple[int, int]]) -> list[_Found]:
    """ "two-thirds", "half of", "a quarter of", "one in five", "sevenfold", "doubled"."""
    out: list[_Found] = []

    def add(start: int, end: int, value: Decimal, kind: str = "fraction") -> None:
        if not _overlaps((start, end), taken + [(f.start, f.end) for f in out]):
            out.append(_Found(start, end, value.quantize(Decimal("0.01")), kind=kind))

    for start, end, value, kind in share_words(sentence):  # more languages ("o treime")
        add(start, end, value, kind)
    for m in RATIO_RE.finditer(sentence):
        num, den = (
            Decimal(int(w) if w.isdigit() else DENOMINATORS[w])
            for w in (m["num"].lower(), m["den"].lower())
        )
        if not 0 < num < den <= 100 or re.match(
            r"\s*(?:years?|months?|days?|%)", m.string[m.end() :]
        ):
            continue  # "5 in 2024", "two in three years" is no share
        if _word_before(sentence, m.start()).lower() in ("z", "ze", "zo", "od"):
            continue  # "z 5 na 6,50 eura" (Slovak, Czech, Polish): from 5 to 6.50
        if re.fullmatch(r"\d+\s+[^\W\d_][\w’'-]*\s+out of\s+\d+", m.group()):
            continue  # "19 cranes out of 26": a count and its whole
        add(m.start(), m.end(), num / den, "ratio")
    for m in EVERY_NTH_RE.finditer(sentence):
        if re.match(
            r"\s+(?:day|week|month|year|time|Tag|Woche|Monat|Jahr|dag|uke|uge|vecka|"
            r"måned|månad|år)",
            sentence[m.end() :],
            re.IGNORECASE,
        ):
            continue  # "every third day", "jedes dritte Jahr": how often, no share
        add(m.start(), m.end(), Decimal(1) / (NTH[m["nth"].lower()] if m["nth"] else 2), "ratio")
    for m in NORDIC_RATIO_RE.finditer(sentence):
        num, den = (
            Decimal(int(w) if w.isdigit() else NORDIC_NUMBERS[w])
            for w in (m["num"].lower(), m["den"].lower())
        )
        if 0 < num < den:
            add(m.start(), m.end(), num / den, "ratio")
    for m in FINNISH_RATIO_RE.finditer(sentence):
        num = m["num"].lower()
        value = Decimal(int(num) if num.isdigit() else SMALL.get(num, 1))
        den = Decimal(FINNISH_WHOLES[m["den"].lower()])
        if 0 < value < den:
            add(m.start(), m.end(), value / den, "ratio")
    for m in TURKISH_RATIO_RE.finditer(sentence):
        num, den = (TURKISH_NUMBERS[w.lower()] for w in (m["num"], m["den"]))
        if 0 < num < den:
            add(m.start(), m.end(), Decimal(num) / den, "ratio")
    for m in MULTIPLE_RE.finditer(sentence):
        if m["n"] or m["fois"] or m["times"]:
            n = (m["n"] or m["fois"] or m["times"]).lower()
            value = Decimal(int(n) if n.isdigit() else DENOMINATORS[n])
        else:
            word = m["word"].lower()
            value = Decimal(MULTIPLES.get(word) or MULTIPLES[word.split()[-1]])
        add(m.start(), m.end(), value, "multiple")
    for m in FRACTION_RE.finditer(sentence):
        frac = m["frac"].lower()
        count_word = (m["count"] or "").lower()
        before = _word_before(sentence, m.start()).lower()
        after = sentence[m.end() :]
        english_half = frac == "half"
        if frac.startswith(
            ("half", "moitié", "hälfte", "mitad", "половин", "metà", "połow", "helft", "hälften")
        ) or frac.startswith(
            ("metade", "puolet", "halvdelen", "halvparten", "polovin", "yarı", "polovic", "fele")
        ):
            denominator = 2
        elif frac.startswith(
            ("quarter", "quart", "kwart", "fjärdedel", "fjerdedel", "viertel", "чверт", "neljäs")
            + ("čtvrtin",)
            + ("τέταρτ", "cuarta", "štvrtin", "negyed", "četvrtin")
        ):
            denominator = 4
        elif frac.startswith(("fifth", "fünftel", "quint", "viides", "ötöd")):
            denominator = 5
        elif frac.startswith(("tenth", "zehntel", "kymmenes", "tized")):
            denominator = 10
        else:
            denominator = 3
        count = COUNTS.get(count_word, 1)
        if frac in ("third", "quarter", "fifth", "tenth", "terzo", "derde", "quart", "kwart") or (
            frac.startswith(("viertel", "fünftel", "zehntel", "quint", "quart"))
        ):
            if not count_word or count_word == "de":
                continue  # "the third", "de derde", ordinals; "quart d'heure" needs "un"
        if frac.startswith("trzeci") and count_word not in ("jedną", "jedna", "dwie"):
            continue  # "trzecia" alone is the ordinal
        if frac.startswith(("τρίτ", "τέταρτ")) and count_word not in ("ένα", "δύο", "τρία"):
            continue  # "το τρίτο σχολείο": the ordinal
        if before in ("first", "second", "the", "other") and not count_word:
            continue  # "the second half of the year"
        if frac.endswith("s") and frac not in ("tiers",) and count == 1:
            continue  # "thirds" needs its count
        if frac == "quart" and re.match(r"\s+d['’]heure", after):
            continue  # "un quart d'heure" is a time
        if frac in ("tredjedelar", "fjärdedelar") and count == 1:
            continue
        if english_half:
            if re.match(r"\s+(?:an?|the)\s+(?:hour|day|year|century|dozen|time)s?\b", after):
                continue
            if not re.match(r"\s+(?:of\b|an?\s+(?:million|billion)|the\b)", after):
                continue
        add(m.start(), m.end(), Decimal(count) / denominator)
    return out


def _word_figures(sentence: str, taken: list[tuple[int, int]]) -> list[_Found]:
    """Numbers written as words: "three", "twenty-five", "a dozen", "a million"."""
    out: list[_Found] = []
    for m in WORD_RE.finditer(sentence):
        if _overlaps(m.span(), taken) or portuguese_dos(m, sentence):
            continue
        if m["tens"]:
            value = TENS[m["tens"].lower()] + (
                UNITS_OF_TEN[m["tens_unit"].lower()] if m["tens_unit"] else 0
            )
        elif m["small"]:
            value = SMALL[m["small"].lower().replace("’", "'")]
        else:
            word = m["dozen"].lower()
            if not m["article"] and word not in ("десяток", "kymmenkunta", "parikymmentä"):
                continue  # "dozens", "a dozen" only
            value = ROUND_COUNTS.get(word, 10)
        article = m["article"]
        if article and not (m["dozen"] or m["hundred"] or m["scale"]):
            if article == "a":
                article = None  # "equivale a tres veces": the Romance preposition, no article
            elif article.lower() != "one":
                continue
        # (a German scale word is a capitalised noun: "zwei Millionen")
        number = sentence[m.start() : m.start("scale")] if m["scale"] else m.group()
        word = number.split()[-1] if not article else m.group()
        start = (
            m.start("article") if article else max(m.start(g) for g in ("tens", "small", "dozen"))
        )
        # A capitalised number word inside a name: "Group of Seven", "League Two".
        # (a dialogue dash opens a sentence as a quotation mark does: "– Kolme yhtiötä ...")
        if word[:1].isupper() and not re.search(
            r"(?:^|[.!?:;]\s)[\s“\"‘'(«–—]*$", sentence[:start]
        ):
            continue
        if m["hundred"]:
            value = value * 100 + and_after_hundred(m)  # "two hundred and thirty"
        if m["scale"]:
            value *= WORD_SCALES.get(m["scale"].lower()) or scale_of(m["scale"])
        out.append(_Found(start, m.end(), Decimal(value), kind="word"))
    for m in SCALE_WORD_RE.finditer(sentence):
        if _overlaps(m.span(), taken) or _overlaps(m.span(), [(f.start, f.end) for f in out]):
            continue
        scale = WORD_SCALES[m["scale"].lower()]
        value = Decimal(scale) / 2 if m["article"].lower().startswith("half") else Decimal(scale)
        if VAGUE_BEFORE_RE.search(sentence[: m.start()]):
            continue
        out.append(_Found(m.start(), m.end(), value, kind="word"))
    return out


_THOUSAND_BEFORE_RE = re.compile(r"(?<![\w’'-])mil\s+$", re.IGNORECASE)


def _under_a_thousand(value) -> bool:
    return 0 < value < 1000 and value == int(value)


# Between two groups of one figure: a space, or Persian and Arabic "and" ("۲۷ هزار و ۵۰۰")
_GROUP_GAP_RE = re.compile(r"\s*|\s+و\s*")


def _join_groups(found: list[_Found], sentence: str) -> list[_Found]:
    """ "1 milyon 250 bin", "12 bin 400", "2 mil 500 pesos": a figure printed as groups, each
    with its scale word (Turkish, Mexican Spanish), is one; so is "mil 200 millones" (a
    thousand and two hundred million)."""
    joined: list[_Found] = []
    for f in found:
        prev = joined[-1] if joined else None
        raw = f.value / f.worth  # "۵۰۰ تومان": 500, not its worth in rials
        if (
            prev is not None
            and prev.scale > 1
            and prev.high_part is None
            and f.high_part is None
            and (
                (prev.kind == "count" and f.kind in ("count", "money") and not prev.currency)
                or (prev.kind in ("count", "money") and f.kind == "count" and not f.currency)
            )
            and _GROUP_GAP_RE.fullmatch(sentence[prev.end : f.start])
            and raw * f.scale < prev.scale
        ):
            # "১ হাজার ১০০ টাকা", "۲۷ هزار و ۵۰۰ تومان": the last group names the currency
            prev.value = (prev.value + raw * f.scale / prev.scale) * f.worth
            prev.end, prev.currency, prev.plain = f.end, prev.currency or f.currency, False
            if f.kind == "money":
                prev.kind, prev.unit = "money", f.unit
            continue
        thousand = _THOUSAND_BEFORE_RE.search(sentence[: f.start])
        if thousand and f.scale == 10**6 and f.kind == "count" and f.value < 1000:
            f.value, f.start = f.value + 1000, thousand.start()
        elif thousand and f.scale == 1 and f.kind == "count" and _under_a_thousand(f.value):
            # "mil 300 trabajadores": Mexican papers print 1,300 as "mil" and the hundreds
            f.value, f.start = f.value + 1000, thousand.start()
        joined.append(f)
    return joined


_TIMES = frozenset("times fois mal veces vezes раз разів разы गुना kali".split())


def _unit_of(f: _Found, sentence: str, end: int) -> str:
    """The unit of a figure: its currency, "%", or the noun printed after it."""
    if f.currency:
        return f.currency
    if f.kind == "percent":
        return "%"
    if f.kind == "measure":
        return f.unit
    if f.kind in ("ratio", "multiple", "fraction"):
        return ""
    if f.kind == "word" and f.scale == 1 and PERCENT_AFTER_RE.match(sentence, end):
        return "%"  # "sieben Prozent", "five per cent": a percentage in words
    tail = sentence[end:].replace("،", ",")  # the Arabic comma ends a unit as a comma does
    if re.match(r"-[^\W\d_]", tail):
        tail = " " + tail[1:]  # "a 40-mile convoy", "a 300-strong force"
    if f.kind == "fraction" or f.scale != 1 or f.value == 12:
        # "two-thirds of the people", "3,5 millions de manifestants", "une douzaine de"
        tail = re.sub(
            r"^\s+(?:of|von|de|des|du|der|del|van|av)(?:\s+(?:the|de|het))?(?=\s)|^\s+d['’]",
            "",
            tail,
        )
    unit = unit_after(tail)
    if not unit and f.kind in ("word", "count") and OF_THE_RE.match(tail):
        unit = unit_after(tail[OF_THE_RE.match(tail).end() :])  # "three of the deaths"
    if unit.split(" ")[0].lower() in _TIMES:
        return ""  # "four or five times": a multiple, not a count of "times"
    return unit


def read_figures(sentence: str) -> list[Figure]:
    """Every figure a sentence states, in order (see the module docstring for the rules)."""
    sentence = blank_classifiers(latin_digits(sentence))  # "٤٥٪", "४५", "৬টি": same positions
    sentence = unhyphen_scales(sentence)  # "1.2-billion-yuan": "1.2 billion yuan"
    blocked = _spans(DATE_RES, sentence) + _spans(TIME_RES, sentence)
    script = spaceless_figures(sentence) or ([], [])  # Korean, Chinese, Japanese, Thai
    blocked += script[1]
    korean = [Figure(k.value, k.unit, k.high, k.start, k.end, k.share) for k in script[0]]
    found = _fraction_figures(sentence, blocked)
    taken = [(f.start, f.end) for f in found] + blocked
    for f in _digit_figures(sentence):
        if _overlaps((f.start, f.end), taken):
            continue
        _apply_money(f, sentence)
        if _excluded_digits(f, sentence, blocked) and not _a_score(f, sentence, blocked):
            continue
        found.append(f)
    taken = [(f.start, f.end) for f in found] + blocked
    found += _word_figures(sentence, taken)
    found.sort(key=lambda f: f.start)
    found = merge_ranges(_join_groups(found, sentence), sentence)

    read: list[tuple[_Found, Decimal, Decimal | None, int, str]] = []
    scores: list[tuple[Decimal, int, int]] = []
    for f in found:
        value = f.value * f.scale
        high = None
        end = f.end
        if f.high_part is not None:
            high_part = f.high_part
            _apply_money(high_part, sentence)
            high = high_part.value * (high_part.scale if high_part.scale != 1 else f.scale)
            f.currency = f.currency or high_part.currency
            if high_part.kind == "percent":
                f.kind = "percent"
            if high_part.kind == "measure":
                f.kind, f.unit = "measure", high_part.unit
            end = high_part.end
            if high <= value:  # a season ("2022-23"): no figure; a score ("3-1"): two
                scores += score_sides(f, high_part, sentence)
                continue
        read.append((f, value, high, end, _unit_of(f, sentence, end)))

    # "four of the six biggest suppliers", "Nine of the squad's 24 senior players": the first
    # counts what the second does; "sept raffineries sur huit": the second what the first does.
    for k in range(len(read) - 1):
        f, value, high, end, unit = read[k]
        nxt = read[k + 1]
        gap = sentence[end : nxt[0].start]
        if OF_THE_RE.fullmatch(gap) and not f.currency and f.kind in ("count", "word"):
            read[k] = (f, value, high, end, nxt[4])
        elif nxt[4] and from_to(sentence[: f.start], gap, unit):
            if f.scale == 1 and f.plain and nxt[0].scale != 1 and high is None:
                value *= nxt[0].scale  # "von 228,4 auf 197,9 Millionen": the scale too
            read[k] = (f, value, high, end, nxt[4])  # "z 10 na 15 evrov": the unit said once
        elif (
            not nxt[4]
            and unit
            and re.fullmatch(rf"\s*{re.escape(unit)}\s+(?:out of|of|sur|von|из|з)\s+", gap)
        ):
            read[k + 1] = (*nxt[:4], unit)

    figures: list[Figure] = []
    for f, value, high, end, unit in read:
        part = bool(OF_THEM_RE.match(sentence, end))
        if f.kind == "word":
            after_word = (sentence[end:].split(None, 1) or [""])[0].strip("”\"’',.;:»)").lower()
            if not unit and after_word not in _TIMES and not part:
                continue  # "one or two", "the two": a word number must count something
            if unit and unit.split()[0].lower() in TIME_UNITS:
                continue
        figures.append(
            Figure(
                value=tidy(value),
                unit=unit,
                high=tidy(high) if high is not None else None,
                start=f.start,
                end=end,
                share=f.kind in ("ratio", "fraction", "multiple") or (part and not unit),
            )
        )
    # a side of a score is a figure by itself ("won 3-0"): it counts no noun
    figures += [Figure(tidy(v), "", None, a, b, share=True) for v, a, b in scores]
    return sorted(figures + korean, key=lambda f: f.start) if korean or scores else figures
