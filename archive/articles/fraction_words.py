"""Shares said in words in more languages, for `figures.read_figures`: pure.

- fractions with their count and case endings: Lithuanian ("trečdaliu", "du trečdaliai",
  "pusę"), Estonian ("kolmandiku", "kaks kolmandikku", "pool" before a noun in the elative),
  Slovene ("tri četrtine", "polovico"), Romanian ("o treime", "jumătate din"), Vietnamese
  ("một nửa", "hai phần ba"), Greek ("οι μισές", after its article), Serbian ("dve trećine"),
  Hungarian ("a felére", to its half);
- shares said as "X in Y" in Greek ("τρεις στους τέσσερις") and "out of every" in English
  ("two out of every five");
- Hungarian multiples ("háromszorosára", "kétszeresébe": threefold, twofold);
- a third, a quarter or a half as one word in Arabic, Hebrew, Hindi, Indonesian, Malay,
  Swahili, Persian, Nepali, Bengali and Korean ("ثلث", "כשליש", "आधे", "separuh", "nusu",
  "یک‌سوم", "আধাভন্দা", "এক-তৃতীয়াংশে", "절반"), and with case endings in Icelandic and Georgian
  ("helmingur", "ნახევრით").
"""

from __future__ import annotations

import re
from decimal import Decimal

_COUNT = {
    # Lithuanian, Estonian, Slovene, Serbian, Romanian, Vietnamese
    "vienas": 1, "du": 2, "dvi": 2, "trys": 3, "keturi": 4,
    "üks": 1, "kaks": 2, "kolm": 3, "neli": 4,
    "ena": 1, "dve": 2, "tri": 3, "štiri": 4, "jedna": 1, "dvije": 2,
    "o": 1, "un": 1, "două": 2, "trei": 3, "patru": 4,
    "một": 1, "hai": 2, "ba": 3, "bốn": 4,
    "viena": 1, "divas": 2, "trīs": 3, "četras": 4, "една": 1, "две": 2, "три": 3,
}  # fmt: skip
_COUNT_RE = "|".join(sorted(_COUNT, key=len, reverse=True))
# A stem of each fraction word and its denominator.
_WHOLES = (
    (r"trečdal(?:is|į|io|iu|iai|ių|ius|iais)", 3),
    (r"ketvirtadal(?:is|į|io|iu|iai|ių|ius|iais)", 4),
    (r"penktadal(?:is|į|io|iu|iai|ių|ius|iais)", 5),
    (r"kolmandik(?:u|ku|ud|uks)?", 3),
    (r"neljandik(?:u|ku|ud|uks)?", 4),
    (r"viiendik(?:u|ku|ud|uks)?", 5),
    (r"kümnendik(?:u|ku|ud|uks)?", 10),
    (r"tretjin[aeio]", 3),
    (r"četrtin[aeio]", 4),
    (r"petin[aeio]", 5),
    (r"treim(?:e|i|ea)", 3),
    (r"cincim(?:e|i|ea)", 5),
    (r"trećin[aeu]", 3),
    (r"trešdaļ(?:a|u|as|ai|ām)", 3),  # Latvian
    (r"ceturtdaļ(?:a|u|as|ai|ām)", 4),
    (r"piektdaļ(?:a|u|as|ai|ām)", 5),
    (r"трет(?:а|и)", 3),  # Bulgarian, read after its count only ("една трета")
    (r"четвърт(?:и)?", 4),
)
_WHOLE_RE = "|".join(f"(?:{p})" for p, _d in _WHOLES)
FRACTION_WORD_RE = re.compile(
    rf"(?<![\w’'-])(?:(?P<count>{_COUNT_RE})\s+)?(?P<frac>{_WHOLE_RE})(?![\w’'-])",
    re.IGNORECASE,
)
# Halves: a word that means half only in this place.
HALF_RE = re.compile(
    r"(?<![\w’'-])(?:"
    # Lithuanian "pusę" (half, as an object), not "kitą pusę" (the other side)
    r"(?<!kitą )(?<!vieną )(?<!savo )pusę"
    # Estonian "pool" with a noun in the elative after it ("pool tema brigaadist")
    r"|pool(?=\s+(?:[^\W\d_]+\s+)?[^\W\d_]+st(?![\w’'-]))"
    # Slovene and Croatian "polovico", "polovicom"
    r"|polovic(?:o|om)"
    # Romanian "jumătate din", "jumătate dintre"; not "jumătate de oră" (half an hour)
    r"|jumătate(?=\s+(?:din|dintre)\s)"
    # Vietnamese "một nửa"
    r"|một nửa"
    # Greek "οι μισές", "τα μισά", "το μισό", after its article
    r"|(?:(?<=οι )|(?<=τα )|(?<=το )|(?<=τη )|(?<=η ))μισ(?:ές|οί|ά|ό|ή)"
    # Hungarian "felére" (to its half), "felével"
    r"|felére|felével"
    # Latvian "pusi" (half, as an object) before its noun; Bulgarian "половината от"
    r"|pusi(?=\s+[^\W\d_]{3,})|половината(?=\s+от\s))(?![\w’'-])",
    re.IGNORECASE,
)
# "hai phần ba" (Vietnamese two parts of three): a share of a whole in words.
_VIETNAMESE_PARTS_RE = re.compile(
    r"(?<![\w’'-])(?P<num>một|hai|ba|bốn)\s+phần\s+(?P<den>hai|ba|bốn|năm|mười)(?![\w’'-])",
    re.IGNORECASE,
)
_VIETNAMESE = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "mười": 10}
# "τρεις στους τέσσερις", "ένας στους πέντε": Greek says a share as X in Y.
_GREEK = {
    "ένας": 1, "μία": 1, "μια": 1, "ένα": 1, "δύο": 2, "τρεις": 3, "τρία": 3, "τέσσερις": 4,
    "τέσσερα": 4, "πέντε": 5, "έξι": 6, "επτά": 7, "εφτά": 7, "οκτώ": 8, "οχτώ": 8,
    "εννέα": 9, "εννιά": 9, "δέκα": 10,
}  # fmt: skip
_GREEK_RE = "|".join(sorted(_GREEK, key=len, reverse=True))
_GREEK_RATIO_RE = re.compile(
    rf"(?<![\w’'-])(?P<num>{_GREEK_RE}|\d{1, 3})\s+(?:στους|στις|στα)\s+(?P<den>{_GREEK_RE}|\d{1, 3})"
    r"(?![\w’'-])",
    re.IGNORECASE,
)
_ENGLISH = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
# "two out of every five", "one in every four": the whole said with "every".
_EVERY_RATIO_RE = re.compile(
    r"(?<![\w’'-])(?P<num>one|two|three|four|five|six|seven|eight|nine|\d{1,3})\s+"
    r"(?:[^\W\d_][\w’'-]*\s+)?(?:in|out of)\s+every\s+"
    r"(?P<den>two|three|four|five|six|seven|eight|nine|ten|\d{1,3})(?![\w’'-])",
    re.IGNORECASE,
)
# Hungarian multiples in their cases: "háromszorosára nőtt" (grew threefold).
_HUNGARIAN_MULTIPLE_RE = re.compile(
    r"(?<![\w’'-])(?:(?P<n>két|négy|tíz)szeres|(?P<n2>három)szoros|(?P<n3>öt)szörös)\w*",
    re.IGNORECASE,
)
_HUNGARIAN = {"két": 2, "három": 3, "négy": 4, "öt": 5, "tíz": 10}


# A third, a quarter, a half said as one word before the whole, in Arabic ("ثلث الشحنات",
# "نصف محصوله", with a joined "and" or "with"), Hebrew ("כשליש", about a third, "מחצית"),
# Hindi ("एक तिहाई", "आधे"), Indonesian and Malay ("sepertiga", "separuh") and Swahili
# ("theluthi", "nusu"); not a half or quarter of an hour, a day, a year or a century.
_ONE_WORD_SHARES = {
    "ثلث": 3, "ربع": 4, "نصف": 2,
    "שליש": 3, "רבע": 4, "מחצית": 2,
    "एक तिहाई": 3, "एक चौथाई": 4, "आधे": 2, "आधा": 2, "आधी": 2,
    "sepertiga": 3, "seperempat": 4, "separuh": 2, "setengah": 2,
    "theluthi": 3, "nusu": 2,
    # Hebrew "חצי" (half); Persian "نیمی" (a half), "یک‌سوم" (with or without the zero-width
    # non-joiner); Nepali "एक तिहाइ"; Bengali "অর্ধেক", "এক-তৃতীয়াংশ"; Korean "절반"
    "חצי": 2,
    "نیمی": 2, "یک‌سوم": 3, "یکسوم": 3, "یک سوم": 3, "یک‌چهارم": 4, "یک چهارم": 4,
    "एक तिहाइ": 3, "एक चौथाइ": 4,
    "অর্ধেক": 2, "এক-তৃতীয়াংশ": 3, "এক তৃতীয়াংশ": 3, "এক-চতুর্থাংশ": 4, "এক চতুর্থাংশ": 4,
    "절반": 2,
}  # fmt: skip
_TIME_AFTER = (
    r"ساعة|قرن|يوم|شهر|عام|سنة|שעה|שנה|יום|חודש|घंटे|घंटा|दिन|साल|जाम|jam|hari|bulan|"
    r"tahun|abad|saa|siku|mwezi|mwaka|karne|ساعت|سال|روز|ماه|घण्टा|वर्ष|ঘণ্টা|দিন|বছর|"
    r"시간|년|האי|גמר"  # and Hebrew "חצי האי" (a peninsula), "חצי גמר" (a semi-final)
)
# Endings a share word takes glued to it: Bengali cases ("এক-তৃতীয়াংশে"), Nepali
# postpositions ("आधाभन्दा", more than half), Korean particles ("절반이").
_SHARE_ENDING = r"(?:ের|ে|ই|কে|भन्दा|को|मा|ले|이|을|은|의|에|가|는|으로|로)?"
_ONE_WORD_SHARE_RE = re.compile(
    r"(?<![\w\u0600-\u06ff\u0590-\u05ff\u0900-\u097f\u0980-\u09ff])"
    r"(?:[وبلف]|[וכבהלמש]{1,2})?"  # a joined Arabic or Hebrew word: "and", "about", "the"
    rf"(?P<share>{'|'.join(sorted(_ONE_WORD_SHARES, key=len, reverse=True))}){_SHARE_ENDING}"
    r"(?![\w\u0600-\u06ff\u0590-\u05ff\u0900-\u097f\u0980-\u09ff])"
    rf"(?!\s+(?:ال)?(?:{_TIME_AFTER})(?![\w]))",
    re.IGNORECASE,
)
# Share words with case endings: Icelandic "helmingur", "þriðjungi", "fjórðung"; Georgian
# "ნახევარი", "ნახევრით"; not half an hour, a year, a day or a month.
_SHARE_STEMS = {"helming": 2, "þriðjung": 3, "fjórðung": 4, "ნახევარ": 2, "ნახევრ": 2}
_SHARE_STEM_RE = re.compile(
    rf"(?<![\w’'-])(?P<stem>{'|'.join(_SHARE_STEMS)})\w*(?!\w)"
    r"(?!\s+(?:klukku|ár|dag|mánuð|საათ|წლ|დღ|თვ)\w*)",
    re.IGNORECASE,
)


def _number(word: str, table: dict[str, int]) -> int:
    return int(word) if word.isdigit() else table[word.lower()]


def share_words(sentence: str) -> list[tuple[int, int, Decimal, str]]:
    """Shares and multiples said in words: (start, end, value, kind), kind "fraction",
    "ratio" or "multiple"."""
    out: list[tuple[int, int, Decimal, str]] = []
    for m in FRACTION_WORD_RE.finditer(sentence):
        frac = m["frac"].lower()
        whole = next(d for p, d in _WHOLES if re.fullmatch(p, frac, re.IGNORECASE))
        if frac[:1] in "тч" and not m["count"]:
            continue  # "трета" alone is "third" ("трета година"); "една трета" a third
        count = _COUNT.get((m["count"] or "").lower(), 1)
        if count < whole:
            out.append((m.start(), m.end(), Decimal(count) / whole, "fraction"))
    for m in _ONE_WORD_SHARE_RE.finditer(sentence):
        whole = _ONE_WORD_SHARES[m["share"].lower()]
        out.append((m.start(), m.end(), Decimal(1) / whole, "fraction"))
    for m in _SHARE_STEM_RE.finditer(sentence):
        whole = _SHARE_STEMS[m["stem"].lower()]
        out.append((m.start(), m.end(), Decimal(1) / whole, "fraction"))
    for m in HALF_RE.finditer(sentence):
        out.append((m.start(), m.end(), Decimal("0.5"), "fraction"))
    for regex, table in ((_VIETNAMESE_PARTS_RE, _VIETNAMESE), (_GREEK_RATIO_RE, _GREEK)):
        for m in regex.finditer(sentence):
            num, den = _number(m["num"], table), _number(m["den"], table)
            if 0 < num < den <= 100:
                out.append((m.start(), m.end(), Decimal(num) / den, "ratio"))
    for m in _EVERY_RATIO_RE.finditer(sentence):
        num, den = _number(m["num"], _ENGLISH), _number(m["den"], _ENGLISH)
        if 0 < num < den <= 100:
            out.append((m.start(), m.end(), Decimal(num) / den, "ratio"))
    for m in _HUNGARIAN_MULTIPLE_RE.finditer(sentence):
        n = _HUNGARIAN[(m["n"] or m["n2"] or m["n3"]).lower()]
        out.append((m.start(), m.end(), Decimal(n), "multiple"))
    return sorted(out)
