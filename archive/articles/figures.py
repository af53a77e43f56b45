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


@dataclass(frozen=True)
class Figure:
    """One figure as stated in a sentence."""

    value: Decimal
    unit: str = ""
    high: Decimal | None = None  # the top of a range ("12-15", "between 300 and 400")
    start: int = 0
    end: int = 0
    share: bool = False  # a share of a whole ("one in four", "a fifth of"): a figure by itself


# --------------------------------------------------------------------------------------------
# Words

_SMALL = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    # French, German, Spanish, Russian, Ukrainian (words that are not also English words)
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "douze": 12,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "zwölf": 12,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "doce": 12,
    "два": 2,
    "две": 2,
    "дві": 2,
    "три": 3,
    "четыре": 4,
    "чотири": 4,
    "пять": 5,
    "п'ять": 5,
    "п’ять": 5,
    "шесть": 6,
    "шість": 6,
    "семь": 7,
    "сім": 7,
    "восемь": 8,
    "вісім": 8,
    "девять": 9,
    "дев'ять": 9,
    "десять": 10,
    # Italian ("due", "sei" and "otto" are English words or names) and Polish
    "tre": 3,
    "quattro": 4,
    "cinque": 5,
    "sette": 7,
    "nove": 9,
    "dieci": 10,
    "decina": 10,
    "dodici": 12,
    "dwa": 2,
    "dwie": 2,
    "dwóch": 2,
    "trzy": 3,
    "trzech": 3,
    "cztery": 4,
    "czterech": 4,
    "pięć": 5,
    "pięciu": 5,
    "sześć": 6,
    "sześciu": 6,
    "siedem": 7,
    "osiem": 8,
    "dziewięć": 9,
    "dziesięć": 10,
    "dziesięciu": 10,
    "двенадцать": 12,
    "дванадцять": 12,
    # Dutch and Swedish ("sex" and "en" are left out: English words)
    "twee": 2,
    "drie": 3,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "negen": 9,
    "tien": 10,
    "twaalf": 12,
    "två": 2,
    "fyra": 4,
    "fem": 5,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "tolv": 12,
}
# Collective numerals, "about ten" and so on: a clear amount when one is counted ("une
# dizaine de", "una treintena", "ett tiotal"); their plurals ("des dizaines") are vague.
_ROUND_COUNTS = {
    "dozen": 12, "douzaine": 12, "dutzend": 12, "docena": 12, "дюжина": 12, "дюжины": 12,
    "дюжину": 12, "dizaine": 10, "decina": 10, "decena": 10, "tiotal": 10, "tiental": 10,
    "vingtaine": 20, "veintena": 20, "ventina": 20, "trentaine": 30, "treintena": 30,
    "trentina": 30,
}  # fmt: skip
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_UNITS_OF_TEN = {
    k: v
    for k, v in _SMALL.items()
    if v < 10 and k.isascii() and k in ("two three four five six seven eight nine".split())
} | {"one": 1}
_WORD_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_WORD_RE = re.compile(
    r"(?<![\w’'-])(?:(?P<article>an?|one|une?|eine?|una?|een|ett)\s+)?"
    r"(?:(?P<tens>"
    + "|".join(_TENS)
    + r")(?:[-\s](?P<tens_unit>"
    + "|".join(_UNITS_OF_TEN)
    + r"))?|(?P<small>"
    + "|".join(sorted(_SMALL, key=len, reverse=True)).replace("'", "['’]")
    + r")|(?P<dozen>"
    + "|".join(_ROUND_COUNTS)
    + r"|десяток))"
    r"(?:\s+(?P<hundred>hundred))?(?:\s+(?P<scale>thousand|million|billion|trillion))?"
    r"(?![\w’'-])",
    re.IGNORECASE,
)
_SCALE_WORD_RE = re.compile(
    r"(?<![\w’'-])(?P<article>an?|one|half an?)\s+(?P<scale>hundred|thousand|million|billion)"
    r"(?![\w’'-])",
    re.IGNORECASE,
)
_FRACTION_RE = re.compile(
    r"(?<![\w’'-])(?:(?P<count>an?|one|two|three|une?|deux|trois|eine?|zwei|drei|una?|dos|tres|"
    r"два|две|дві|три|la|die|jedną|jedna|due|dwie|twee|een|de|två|en|ett)[-\s])?"
    r"(?P<frac>half|thirds?|quarters?|"
    r"fifths?|tenths?|moitié|tiers|quarts?|hälfte|drittel|mitad|tercios?|половин[аиуы]|треть|"
    r"трети|третин[аиу]|metà|terz[oi]|połow[aęy]|trzeci[aąe]|helft|derde|kwart|hälften|"
    r"tredjedel(?:ar)?|fjärdedel(?:ar)?)(?![\w’'-])",
    re.IGNORECASE,
)
_COUNTS = {
    "two": 2, "deux": 2, "zwei": 2, "dos": 2, "два": 2, "две": 2, "дві": 2, "due": 2, "dwie": 2,
    "three": 3, "trois": 3, "drei": 3, "tres": 3, "три": 3, "twee": 2, "två": 2,
}  # fmt: skip
_RATIO_WORDS = (
    r"\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|deux|trois|quatre|cinq|six|dix|"
    r"vingt|zwei|drei|vier|fünf|zehn|dos|tres|cuatro|cinco|diez|uno|una|due|tre|quattro|"
    r"cinque|dieci|jeden|jedna|jednego|dwóch|dwie|dwa|trzech|trzy|czterech|cztery|pięciu|"
    r"pięć|dziesięciu|dziesięć|een|twee|drie|vier|vijf|tien|ett|två|tre|fyra|fem|tio"
)
# "one in four", "nine in 10", "three out of four", "trzech na czterech", "uno su tre"
_RATIO_RE = re.compile(
    rf"(?<![\w’'-])(?P<num>one|une?|{_RATIO_WORDS})\s+(?:[^\W\d_][\w’'-]*\s+)?"
    r"(?:in|out of|sur|von|de cada|из|з|na|su|op de|op|av)\s+"
    rf"(?P<den>{_RATIO_WORDS})(?![\w’'-])",
    re.IGNORECASE,
)
_DENOMINATORS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "twenty": 20, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "dix": 10,
    "vingt": 20, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "zehn": 10, "dos": 2, "tres": 3,
    "cuatro": 4, "cinco": 5, "diez": 10, "one": 1, "un": 1, "une": 1, "uno": 1, "una": 1,
    "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "dieci": 10, "jeden": 1, "jedna": 1,
    "jednego": 1, "dwóch": 2, "dwie": 2, "dwa": 2, "trzech": 3, "trzy": 3, "czterech": 4,
    "cztery": 4, "pięciu": 5, "pięć": 5, "dziesięciu": 10, "dziesięć": 10, "een": 1,
    "twee": 2, "drie": 3, "vijf": 5, "tien": 10, "ett": 1, "två": 2, "fyra": 4,
    "fem": 5, "tio": 10,
}  # fmt: skip
_MULTIPLE_RE = re.compile(
    r"(?<![\w’'-])(?:(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)[- ]?fold"
    r"|(?P<word>doubled|tripled|trebled|quadrupled|double the|triple the|double that|"
    r"triple that|halved))(?![\w’'-])",
    re.IGNORECASE,
)
_MULTIPLES = {"doubled": 2, "double the": 2, "tripled": 3, "trebled": 3, "triple the": 3,
              "double that": 2, "triple that": 3, "quadrupled": 4, "halved": Decimal("0.5")}  # fmt: skip

# --------------------------------------------------------------------------------------------
# Digits

_NUM = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)"  # 12,730 / 1,234.5
    r"|[1-9]\d{0,2}(?:\.\d{3})+(?![\d,]|\.\d)"  # 12.730 (continental thousands)
    r"|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,.]\d)"  # 71 200 (thin or no-break spaces)
    r"|\d+(?:\.\d+|,\d{1,2}(?!\d))?"  # 12 / 1.2 / 1,5
)
_CURRENCY_PREFIX = r"US\$|A\$|C\$|HK\$|NZ\$|[£$€₴₽¥₹]|(?:USD|GBP|EUR|UAH|RUB|CHF|JPY|CNY)\s?"
_MULTIPLIER = (
    r"(?:\s?(?:trillion|billion|million|mln|mn|bn|tn|trn)(?![\w’'-])|(?:m|b|k|K|M)(?![\w’'-])"
    r"|\s?(?:Mds?|Mrd)(?=\s?[€$£])"  # "300M€", "1,2 Md€" (French)
    r"|\s(?:thousand|hundred|millions?|milliards?|Millionen|Million|Milliarden|Milliarde|"
    r"Mrd\.?|Mio\.?|mil millones|millones|millón|млн\.?|млрд\.?|трлн\.?|тыс\.?|тис\.?|"
    r"тысяч[аи]?|тисяч[аі]?|миллион(?:а|ов)?|мільйон(?:а|ів)?|миллиард(?:а|ов)?|"
    r"мільярд(?:а|ів)?|триллион(?:а|ов)?|трильйон(?:а|ів)?|milion(?:i|e)|miliard(?:i|o)|mila|"
    r"mld\.?|tys\.?|tysięcy|tysiące|milion(?:y|ów)?|miliard(?:y|ów)?|"
    r"miljoen|miljard|miljoner|miljon|miljarder|mdkr|mnkr|mln\.?|mld\.?)(?![\w’'-]))"
)
_PERCENT = (
    r"(?:\s?%|\s?(?:per\s?cent|percent|pc|pct|процент(?:а|ов)?|відсот(?:ок|ки|ків)|"
    r"pour\s?cent|Prozent|por\s?ciento)(?![\w’'-]))"
)
_ONE = (
    rf"(?P<@cur>{_CURRENCY_PREFIX})?(?P<@num>{_NUM})(?P<@mult>{_MULTIPLIER})?(?P<@pct>{_PERCENT})?"
    r"(?P<@sub>p(?![\w’'-]))?(?P<@meas>(?:km/h|kmh|kph|mph|km|mm|cm|kg|kWh|MWh|GWh|TWh|kW|MW|GW|"
    r"bcm|°C|°F)(?![\w’'-]))?"
)
_DIGITS_RE = re.compile(
    r"(?<![\w.,/:#№-])(?<![\w.,/:#№-][£$€₴₽¥₹])"
    + _ONE.replace("@", "")
    + r"(?:\s?[-–—]\s?"
    + _ONE.replace("@", "hi_")
    + r")?(?![\w/]|[.,]\d|:\d)"
)

_SYMBOL_CURRENCY = {
    "£": "GBP",
    "$": "USD",
    "us$": "USD",
    "a$": "AUD",
    "c$": "CAD",
    "hk$": "HKD",
    "nz$": "NZD",
    "€": "EUR",
    "₴": "UAH",
    "₽": "RUB",
    "¥": "JPY",
    "₹": "INR",
}
_CODES = {"usd", "gbp", "eur", "uah", "rub", "chf", "jpy", "cny"}
_CURRENCY_WORD_RE = re.compile(
    r"^\s*(?:(?P<usd>(?:US\s)?dollars?|bucks|долларов|доллара?|доларів|долара?|Dollar|dólares)"
    r"|(?P<gbp>pounds?(?: sterling)?|sterling|фунт(?:ов|а|ів)?(?: стерлингов)?)"
    r"|(?P<eur>euros?|Euro|евро|євро)"
    r"|(?P<uah>hryvnias?|hryvnas?|hryvnyas?|hryvni|гривен|гривень|гривн[ыя]|гривні|гривня|грн\.?)"
    r"|(?P<rub>roubles?|rubles?|рубл(?:ей|я|ь|ів)|руб\.?)"
    r"|(?P<xof>francs? CFA|FCFA|CFA francs?)|(?P<cny>yuan)|(?P<jpy>yen)|(?P<chf>(?:Swiss\s)?francs)"
    r"|(?P<pln>zł|złotych|złote|złoty|PLN)"
    r"|(?P<sek>kronor|SEK)|(?P<nok>norske kroner|NOK)|(?P<dkk>danske kroner|DKK)"
    r"|(?P<code>USD|GBP|EUR|UAH|RUB|CHF|JPY|CNY))(?![\w’'-])"
    # "300M€", "50 €", "12 $": the sign printed after the figure (French, Nordic, Dutch)
    r"|^\s?(?P<sign>[€£₴₽])"
)
_SUBUNIT_RE = re.compile(r"^(?:p|\s?pence|\s?cents?|c)(?![\w’'-])")
_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "k": 1000,
    "mil": 1000,
    "тыс": 1000,
    "тис": 1000,
    "тысяч": 1000,
    "тысяча": 1000,
    "тысячи": 1000,
    "тисяч": 1000,
    "тисяча": 1000,
    "тисячі": 1000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "millionen": 1_000_000,
    "mio": 1_000_000,
    "millones": 1_000_000,
    "millón": 1_000_000,
    "mln": 1_000_000,
    "mn": 1_000_000,
    "m": 1_000_000,
    "млн": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "milliard": 1_000_000_000,
    "milliards": 1_000_000_000,
    "milliarde": 1_000_000_000,
    "milliarden": 1_000_000_000,
    "mrd": 1_000_000_000,
    "mil millones": 1_000_000_000,
    "млрд": 1_000_000_000,
    "milioni": 1_000_000,
    "milione": 1_000_000,
    "milion": 1_000_000,
    "miliony": 1_000_000,
    "milionów": 1_000_000,
    "miliardi": 1_000_000_000,
    "miliardo": 1_000_000_000,
    "miliard": 1_000_000_000,
    "miliardy": 1_000_000_000,
    "miliardów": 1_000_000_000,
    "mld": 1_000_000_000,
    "mila": 1000,
    "tys": 1000,
    "tysięcy": 1000,
    "tysiące": 1000,
    "miljoen": 1_000_000,
    "miljon": 1_000_000,
    "miljoner": 1_000_000,
    "mnkr": 1_000_000,
    "miljard": 1_000_000_000,
    "miljarder": 1_000_000_000,
    "mdkr": 1_000_000_000,
    "md": 1_000_000_000,
    "mds": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "tn": 1_000_000_000_000,
    "trn": 1_000_000_000_000,
    "трлн": 1_000_000_000_000,
}


def _scale_of(word: str) -> int:
    word = word.strip().rstrip(".").lower()
    if word in _SCALES:
        return _SCALES[word]
    for stem, scale in (
        ("миллиард", 10**9),
        ("мільярд", 10**9),
        ("миллион", 10**6),
        ("мільйон", 10**6),
        ("триллион", 10**12),
        ("трильйон", 10**12),
    ):
        if word.startswith(stem):
            return scale
    return 1


# --------------------------------------------------------------------------------------------
# What is not a figure

_MONTHS = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"Januar|Februar|März|Juni|Juli|Oktober|Dezember|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    r"январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|"
    r"октябр[ья]|ноябр[ья]|декабр[ья]|січня|лютого|березня|квітня|травня|червня|липня|"
    r"серпня|вересня|жовтня|листопада|грудня"
)
_DATE_RES = (
    re.compile(r"\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b"),
    re.compile(r"\b\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})\b"),
    re.compile(
        rf"\b\d{{1,2}}(?:st|nd|rd|th|er|\.)?(?:\s+of)?(?:\s+de)?\s+(?:{_MONTHS})\b\.?"
        rf"(?:,?\s+(?:de\s+)?\d{{4}}(?:\s*(?:г\.|року|года))?)?",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?", re.IGNORECASE
    ),
    re.compile(rf"\b(?:{_MONTHS})\.?,?\s+\d{{4}}\b", re.IGNORECASE),
)
_TIME_RES = (
    re.compile(
        r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?=\s*(?:[ap]\.?m\b\.?|GMT|BST|UTC|CET|CEST|EET|EEST|"
        r"MSK|EST|EDT|PST|PDT|ET|PT|local time|h\b|Uhr|hrs\b|hours\b))",
        re.IGNORECASE,
    ),
    re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b"),
    re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:[ap]\.m\.|[ap]m\b)", re.IGNORECASE),
    re.compile(r"\b\d{1,2}h\d{2}\b"),
    re.compile(r"\b\d{4}\s?(?:GMT|BST|UTC|ET|EST|EDT|CET|CEST|MSK)\b"),
    re.compile(r"\b(?:at|à|um|a las|в|о)\s+\d{1,2}[.:]\d{2}\b", re.IGNORECASE),
    re.compile(r"\b\d{1,2} o[’']clock\b", re.IGNORECASE),
)
_TIME_UNITS = frozenset(
    """second seconds minute minutes min mins hour hours hrs day days night nights week weeks
    month months year years decade decades century centuries weekend weekends jours jour mois
    ans années heures semaines tage tagen monate monaten jahre jahren stunden wochen días dias
    meses años horas semanas дней дня день суток месяцев месяца лет года годы часов часа недель
    недели днів дні діб місяців місяці років роки годин тижнів mesi mese anni anno giorni
    giorno settimane ore minuti miesięcy miesiące miesiąc lat lata dni tygodni godzin
    minut jaar jaren maanden maand weken week dagen dag uur uren år månader månad veckor
    vecka dagar dygn timmar""".split()
)
_NUMBER_THEN_WORD_RE = re.compile(
    r"\s*(?:-|–|to|and|or|à|et|bis|a|до|do|e(?:\s+(?:i|gli|le))?)\s*\d+\s+([^\W\d_]+)"
)
_AGE_STEMS = ("year", "old", "річн", "летн", "літн", "jährig", "ans", "años")
_STREET_WORDS = frozenset(
    "street road avenue square lane place way drive terrace boulevard".split()
)
_CALIBRE_WORDS = frozenset(
    """ammunition ammo rounds round rifle rifles gun guns shell shells howitzer howitzers cannon
    calibre caliber artillery mortar mortars cartridge cartridges weapons""".split()
)
_FURNITURE_AFTER = frozenset(
    """comments comment shares share views likes replies min mins minutes read""".split()
)
_DESIGNATORS = frozenset(
    """flight article section chapter page number no nos resolution route room gate terminal
    platform line level category phase stage tier round episode season series vol volume part
    act unit block building reactor zone ward district highway motorway channel radio formula
    windows iphone covid covid-19 war apollo boeing airbus leopard challenger patriot abrams
    bradley stryker marder iskander kalibr kinzhal tochka himars type model mark mk version
    generation gen class group paragraph clause item bus train tram cat sars grade calibre
    caliber kaliber kalibers provinciale statale strada regionale autostrada droga drogi
    trasa autobahn bundesstraße carretera nationale départementale interstate""".split()
)
_YEAR_BEFORE = frozenset(
    """in since by until till of from year years early late mid before after during through
    throughout the this that last next spring summer autumn fall winter january february march
    april may june july august september october november december jan feb mar apr jun jul
    aug sep sept oct nov dec for en depuis seit im von desde año года році году с з до""".split()
)
_QUANTITY_CUES = frozenset(
    """than least about around almost nearly some over under roughly approximately up just
    only another further total additional extra estimated exactly precisely killed wounded
    lost had has have were was are is be to by of and or""".split()
)
_DAY_AND_MONTH_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur
    thurs fri sat sun january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
_UNIT_STOP = frozenset(
    """a an the and or but as is are was were be been being has have had will would can could
    may might should must since in on at to for from by with who which that this these those
    than then so over under into onto across after before during last next already also more
    less per each every while when where whether if it its their his her our they he she we
    not no up down out off about around nearly almost just only some all any both either
    neither including according said says told added claimed here there being them us those
    these se s’ ont est sont ist sind hat haben es son ha han été de des du la le
    les et à en der die das den dem und von im zu mit del y los las el que и в во на по с со
    из за от до что як та що у із з для""".split()
)
_ADJECTIVE_DROP = frozenset(
    "biggest largest smallest main other more new further additional extra separate".split()
)
_RATE_RE = re.compile(r"^\s*(?:a|per|each|every)\s+(day|week|month|year|hour)\b", re.IGNORECASE)
_WORD_TOKEN_RE = re.compile(r"[^\W\d_][\w'’-]*|\w+(?:-\w+)+")
_VAGUE_BEFORE_RE = re.compile(
    r"(?:\b(?:several|many|tens of|hundreds of|thousands of|dozens of|scores of)\s*)$",
    re.IGNORECASE,
)


_IRREGULAR_PLURALS = frozenset(
    """people personnel police children men women staff troops aircraft livestock cattle sheep
    fish military infantry crew""".split()
)
_NOT_COUNTED = frozenset(
    """levels elections prices figures rates games olympics accounts results standards
    accords""".split()
)


def _counts_something(unit: str) -> bool:
    """Does a unit name things counted ("people", "Russian soldiers"), not an event?"""
    words = unit.split()
    if not words:
        return False
    if words[0].lower() in _NOT_COUNTED:
        return False
    plural = any(
        w.lower() in _IRREGULAR_PLURALS
        or (w.lower().endswith("s") and not w.lower().endswith("ss") and len(w) > 3)
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
    raw = re.sub(r"[ \u00a0\u2009\u202f]", "", raw)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw):
        raw = raw.replace(",", "")
    elif re.fullmatch(r"[1-9]\d{0,2}(?:\.\d{3})+", raw):
        raw = raw.replace(".", "")
    else:
        raw = raw.replace(",", ".")
    try:
        return Decimal(raw)
    except InvalidOperation:
        return None


def tidy(value: Decimal) -> Decimal:
    """A figure without trailing zeros ("2500000", not "2.5E+6" or "2500000.0")."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _is_plural(word: str) -> bool:
    low = word.lower()
    return low in _IRREGULAR_PLURALS or (
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
        if not clean or not _WORD_TOKEN_RE.fullmatch(clean):
            break
        if low == "of" and words and len(words) < 4:
            words.append(low)
            rest = rest.split(token, 1)[1] if token in rest else ""
            continue
        if low in _UNIT_STOP or low in _DAY_AND_MONTH_WORDS:
            break
        if words and words[-1] != "of" and low.endswith("ed") and clean[:1].islower():
            break  # a participle after the noun: "14 buildings damaged"
        if not words and low in _ADJECTIVE_DROP:
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
        rate = _RATE_RE.match(rest)
        if rate:
            unit = f"{unit} {rate.group(0).strip()}"
    return unit


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


def _currency_after(after: str) -> tuple[str, int]:
    """(ISO code, characters used) for a currency named right after a figure."""
    of = re.match(r"\s+(?:de|of|di)(?=\s)|\s+d['’]", after)  # "13,5 milliards d’euros"
    if of and _CURRENCY_WORD_RE.match(after[of.end() :]):
        code, used = _currency_after(after[of.end() :])
        return code, used + of.end()
    m = _CURRENCY_WORD_RE.match(after)
    if not m:
        return "", 0
    for code in ("usd", "gbp", "eur", "uah", "rub", "xof", "cny", "jpy", "chf", "pln", "sek"):
        if m[code]:
            return code.upper(), m.end()
    for code in ("nok", "dkk"):
        if m[code]:
            return code.upper(), m.end()
    if m["sign"]:
        return _SYMBOL_CURRENCY[m["sign"]], m.end()
    return m["code"].upper(), m.end()


def _one_digit_figure(m: re.Match, p: str, sentence: str) -> _Found | None:
    value = _to_decimal(m[p + "num"])
    if value is None:
        return None
    found = _Found(m.start(p + "num"), m.end(), value)
    found.plain = not (m[p + "cur"] or m[p + "mult"] or m[p + "pct"] or m[p + "sub"])
    if m[p + "meas"]:
        found.kind = "measure"
        found.unit = m[p + "meas"]
    if m[p + "sub"] and not (m[p + "cur"] or m[p + "mult"] or m[p + "pct"]):
        value /= 100  # "53p"
        found.value = value
        found.currency = "GBP"
        return found
    if m[p + "mult"]:
        found.scale = _scale_of(m[p + "mult"])
    if m[p + "cur"]:
        cur = m[p + "cur"].strip().lower()
        found.currency = _SYMBOL_CURRENCY.get(cur, cur.upper() if cur in _CODES else "")
    if m[p + "pct"]:
        found.kind = "percent"
    return found


def _digit_figures(sentence: str) -> list[_Found]:
    out = []
    for m in _DIGITS_RE.finditer(sentence):
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
    sub = _SUBUNIT_RE.match(after) if found.scale == 1 else None
    if sub and not found.currency and found.plain:
        found.value /= 100
        found.currency = "USD" if sub.group().strip().lower().startswith("c") else "GBP"
        found.end += sub.end()
        found.plain = False
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
        return first in _CALIBRE_WORDS or (found.unit == "mm" and found.value % 1 != 0)
    span_of_time = _NUMBER_THEN_WORD_RE.match(after)
    if found.plain and span_of_time and span_of_time[1].lower() in _TIME_UNITS:
        return True  # "from 62 to 64 years"
    if found.plain:
        # Ordinals, compound adjectives ("54-year-old"), and designations ("737-800").
        if found.high_part is None and after.startswith(("-", "–")):
            rest = after[1:]
            if not rest[:1].isalpha() or rest[:1].isupper():
                return True
            word = re.match(r"[^\W\d_]+", rest)
            if word and (
                word.group().lower() in _TIME_UNITS or word.group().lower().startswith(_AGE_STEMS)
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
            if not _counts_something(unit_after(after)) or prev_core.lower() in _YEAR_BEFORE:
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
        if prev_core.lower().rstrip(".") in _DESIGNATORS:
            return True
        unit = unit_after(after)
        if unit and unit.split()[-1].lower() in _STREET_WORDS:
            return True  # an address: "11 Downing Street"
        if (
            prev_core[:1].isupper()
            and not prev_core.endswith(("’s", "'s"))
            and before.rstrip() == before.rstrip().rstrip(",;:")
            and len(before.strip()) > len(prev)
            and not before.rstrip().endswith((".", "!", "?"))
            and prev_core.lower() not in _DAY_AND_MONTH_WORDS
            and prev_core.lower() not in _QUANTITY_CUES
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
        if first in _FURNITURE_AFTER:
            return True
        if re.match(r"\s*(?:of|/)\s*\d+\s*$", after) or re.search(r"\b\d+\s*(?:of|/)\s*$", before):
            return True
    if found.kind == "count":
        unit = unit_after(after)
        if unit and unit.split()[0].lower() in _TIME_UNITS:
            return True
        if re.match(r"\s*ago\b", after):
            return True
    return False


def _fraction_figures(sentence: str, taken: list[tuple[int, int]]) -> list[_Found]:
    """ "two-thirds", "half of", "a quarter of", "one in five", "sevenfold", "doubled"."""
    out: list[_Found] = []

    def add(start: int, end: int, value: Decimal, kind: str = "fraction") -> None:
        if not _overlaps((start, end), taken + [(f.start, f.end) for f in out]):
            out.append(_Found(start, end, value.quantize(Decimal("0.01")), kind=kind))

    for m in _RATIO_RE.finditer(sentence):
        num, den = (
            Decimal(int(w) if w.isdigit() else _DENOMINATORS[w])
            for w in (m["num"].lower(), m["den"].lower())
        )
        if not 0 < num < den <= 100 or re.match(
            r"\s*(?:years?|months?|days?|%)", m.string[m.end() :]
        ):
            continue  # "5 in 2024", "two in three years" is no share
        add(m.start(), m.end(), num / den, "ratio")
    for m in _MULTIPLE_RE.finditer(sentence):
        if m["n"]:
            n = m["n"].lower()
            value = Decimal(int(n) if n.isdigit() else _DENOMINATORS[n])
        else:
            value = Decimal(_MULTIPLES[m["word"].lower()])
        add(m.start(), m.end(), value, "multiple")
    for m in _FRACTION_RE.finditer(sentence):
        frac = m["frac"].lower()
        count_word = (m["count"] or "").lower()
        before = _word_before(sentence, m.start()).lower()
        after = sentence[m.end() :]
        english_half = frac == "half"
        if frac.startswith(
            ("half", "moitié", "hälfte", "mitad", "половин", "metà", "połow", "helft", "hälften")
        ):
            denominator = 2
        elif frac.startswith(("quarter", "quart", "kwart", "fjärdedel")):
            denominator = 4
        elif frac.startswith("fifth"):
            denominator = 5
        elif frac.startswith("tenth"):
            denominator = 10
        else:
            denominator = 3
        count = _COUNTS.get(count_word, 1)
        if frac in ("third", "quarter", "fifth", "tenth", "terzo", "derde", "quart", "kwart"):
            if not count_word or count_word == "de":
                continue  # "the third", "de derde", ordinals; "quart d'heure" needs "un"
        if frac.startswith("trzeci") and count_word not in ("jedną", "jedna", "dwie"):
            continue  # "trzecia" alone is the ordinal
        if before in ("first", "second", "the", "other") and not count_word:
            continue  # "the second half of the year"
        if frac.endswith("s") and frac not in ("tiers",) and count == 1:
            continue  # "thirds" needs its count
        if frac == "quart" and re.match(r"\s+d['’]heure", after):
            continue  # "un quart d'heure" is a time
        if frac in ("tredjedelar", "fjärdedelar") and count == 1:
            continue
        if english_half:
            if re.match(r"\s+(?:an?|the)\s+(?:hour|day|year|century|dozen)", after):
                continue
            if not re.match(r"\s+(?:of\b|an?\s+(?:million|billion))", after):
                continue
        add(m.start(), m.end(), Decimal(count) / denominator)
    return out


def _word_figures(sentence: str, taken: list[tuple[int, int]]) -> list[_Found]:
    """Numbers written as words: "three", "twenty-five", "a dozen", "a million"."""
    out: list[_Found] = []
    for m in _WORD_RE.finditer(sentence):
        if _overlaps(m.span(), taken):
            continue
        if m["tens"]:
            value = _TENS[m["tens"].lower()] + (
                _UNITS_OF_TEN[m["tens_unit"].lower()] if m["tens_unit"] else 0
            )
        elif m["small"]:
            value = _SMALL[m["small"].lower().replace("’", "'")]
        else:
            word = m["dozen"].lower()
            if not m["article"] and word != "десяток":
                continue  # "dozens", "a dozen" only
            value = _ROUND_COUNTS.get(word, 10)
        if m["article"] and not (m["dozen"] or m["hundred"] or m["scale"]):
            if m["article"].lower() != "one":
                continue
        word = m.group().split()[-1] if not m["article"] else m.group()
        start = m.start("article") if m["article"] else m.start()
        # A capitalised number word inside a name: "Group of Seven", "League Two".
        if word[:1].isupper() and not re.search(r"(?:^|[.!?:;]\s)[\s“\"‘'(«]*$", sentence[:start]):
            continue
        if m["hundred"]:
            value *= 100
        if m["scale"]:
            value *= _WORD_SCALES[m["scale"].lower()]
        out.append(_Found(start, m.end(), Decimal(value), kind="word"))
    for m in _SCALE_WORD_RE.finditer(sentence):
        if _overlaps(m.span(), taken) or _overlaps(m.span(), [(f.start, f.end) for f in out]):
            continue
        scale = _WORD_SCALES[m["scale"].lower()]
        value = Decimal(scale) / 2 if m["article"].lower().startswith("half") else Decimal(scale)
        if _VAGUE_BEFORE_RE.search(sentence[: m.start()]):
            continue
        out.append(_Found(m.start(), m.end(), value, kind="word"))
    return out


def _merge_ranges(found: list[_Found], sentence: str) -> list[_Found]:
    """ "between 300 and 400 troops", "12 to 15 drones": one figure with its top."""
    merged: list[_Found] = []
    i = 0
    while i < len(found):
        cur = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and cur.high_part is None and cur.kind != "fraction":
            gap = sentence[cur.end : nxt.start]
            before = sentence[: cur.start].rstrip().lower()
            # "between 3 and 4", "tra i 4 e i 6 mesi", "między 5 a 7"
            between = re.fullmatch(
                r"\s+(?:and|et|und|y|и|і|e(?:\s+(?:i|gli|le))?|a|en|och)\s+", gap
            ) and re.search(
                r"(?:between|entre|zwischen|между|між|tra|fra|między|tussen|mellan)"
                r"(?:\s+(?:i|gli|le))?$",
                before,
            )
            # "12 to 15 drones" is a range; "from 12 to 15" a change (two figures); Polish
            # "od 8 do 10 tys." is a range.
            to = re.fullmatch(r"\s+(?:to|à|bis|a|до|do)\s+", gap) and not re.search(
                r"\b(?:from|de|von|от|від|з)$", before
            )
            # "four or five times", "two or three drones".
            either = re.fullmatch(r"\s+(?:or|ou|oder|o|или|або)\s+", gap) and cur.kind in (
                "word",
                "count",
            )
            to = to or either
            # "between 300 and 400 dollars": the currency after the top is shared.
            compatible = cur.kind == nxt.kind or {cur.kind, nxt.kind} <= {"count", "word", "money"}
            if cur.currency and nxt.currency and cur.currency != nxt.currency:
                compatible = False
            if (between or to) and compatible:
                if cur.scale == 1 and nxt.scale != 1:
                    cur.scale = nxt.scale
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


_OF_THE_RE = re.compile(
    r"\s+(?:of|out of|sur|von|de|из|з|van|av)\s+(?:(?:the|its|their|les|des|der|de|het)\s+)?"
    r"(?:[\w’'-]+['’]s\s+)?"
)
_TIMES = frozenset("times fois mal veces раз разів разы".split())


def _unit_of(f: _Found, sentence: str, end: int) -> str:
    """The unit of a figure: its currency, "%", or the noun printed after it."""
    if f.currency:
        return f.currency
    if f.kind == "percent":
        return "%"
    if f.kind == "measure":
        return f.unit
    if f.kind in ("ratio", "multiple"):
        return ""
    tail = sentence[end:]
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
    if not unit and f.kind in ("word", "count") and _OF_THE_RE.match(tail):
        unit = unit_after(tail[_OF_THE_RE.match(tail).end() :])  # "three of the deaths"
    if unit.split(" ")[0].lower() in _TIMES:
        return ""  # "four or five times": a multiple, not a count of "times"
    return unit


def read_figures(sentence: str) -> list[Figure]:
    """Every figure a sentence states, in order (see the module docstring for the rules)."""
    blocked = _spans(_DATE_RES, sentence) + _spans(_TIME_RES, sentence)
    found = _fraction_figures(sentence, blocked)
    taken = [(f.start, f.end) for f in found] + blocked
    for f in _digit_figures(sentence):
        if _overlaps((f.start, f.end), taken):
            continue
        _apply_money(f, sentence)
        if _excluded_digits(f, sentence, blocked):
            continue
        found.append(f)
    taken = [(f.start, f.end) for f in found] + blocked
    found += _word_figures(sentence, taken)
    found.sort(key=lambda f: f.start)
    found = _merge_ranges(found, sentence)

    read: list[tuple[_Found, Decimal, Decimal | None, int, str]] = []
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
            if high <= value:  # a score ("3-1") or a season ("2022-23"): no figure
                continue
        read.append((f, value, high, end, _unit_of(f, sentence, end)))

    # "four of the six biggest suppliers", "Nine of the squad's 24 senior players": the first
    # counts what the second does; "sept raffineries sur huit": the second what the first does.
    for k in range(len(read) - 1):
        f, value, high, end, unit = read[k]
        nxt = read[k + 1]
        gap = sentence[end : nxt[0].start]
        if _OF_THE_RE.fullmatch(gap) and not f.currency and f.kind not in ("percent",):
            read[k] = (f, value, high, end, nxt[4])
        elif (
            not nxt[4]
            and unit
            and re.fullmatch(rf"\s*{re.escape(unit)}\s+(?:out of|of|sur|von|из|з)\s+", gap)
        ):
            read[k + 1] = (*nxt[:4], unit)

    figures: list[Figure] = []
    for f, value, high, end, unit in read:
        if f.kind == "word":
            after_word = (sentence[end:].split(None, 1) or [""])[0].strip("”\"’',.;:»)").lower()
            if not unit and after_word not in _TIMES:
                continue  # "one or two", "the two": a word number must count something
            if unit and unit.split()[0].lower() in _TIME_UNITS:
                continue
        figures.append(
            Figure(
                value=tidy(value),
                unit=unit,
                high=tidy(high) if high is not None else None,
                start=f.start,
                end=end,
                share=f.kind in ("ratio", "fraction"),
            )
        )
    return figures
