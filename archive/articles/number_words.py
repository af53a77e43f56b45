"""Numbers written in words, in the languages the importer reads: small numbers, tens,
scales, collective numerals ("une dizaine"), multiples and fractions ("a fifth of", "one in
four"). Vocabulary and patterns for `figures.read_figures`: pure.
"""

from __future__ import annotations

import re
from decimal import Decimal

from archive.articles.more_number_words import MORE_SMALL

SMALL = {
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
    # Czech
    "dva": 2,
    "dvě": 2,
    "tři": 3,
    "čtyři": 4,
    "pět": 5,
    "šest": 6,
    "sedm": 7,
    "osm": 8,
    "devět": 9,
    "deset": 10,
    "två": 2,
    "fyra": 4,
    "fem": 5,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "tolv": 12,
    # Portuguese ("seis", "cinco", "nove" above) and Finnish
    "dois": 2,
    "duas": 2,
    "três": 3,
    "quatro": 4,
    "sete": 7,
    "oito": 8,
    "dez": 10,
    "doze": 12,
    "kaksi": 2,
    "kolme": 3,
    "neljä": 4,
    "viisi": 5,
    "kuusi": 6,
    "seitsemän": 7,
    "kahdeksan": 8,
    "yhdeksän": 9,
    "kymmenen": 10,
    "yksi": 1,
    # Hungarian ("hat", six, is an English word)
    "két": 2,
    "kettő": 2,
    "három": 3,
    "négy": 4,
    "öt": 5,
    "hét": 7,
    "nyolc": 8,
    "kilenc": 9,
    "tíz": 10,
    # Slovak, with the cases a count after a preposition takes ("v štyroch z dvanástich")
    "tri": 3,
    "štyri": 4,
    "päť": 5,
    "šesť": 6,
    "deväť": 9,
    "desať": 10,
    "dvanásť": 12,
    "dvoch": 2,
    "troch": 3,
    "štyroch": 4,
    "piatich": 5,
    "šiestich": 6,
    "siedmich": 7,
    "ôsmich": 8,
    "deviatich": 9,
    "desiatich": 10,
    "dvanástich": 12,
    # Romanian ("opt", eight, is an English word), Indonesian and Malay ("enam", six, is
    # Estonian "more"), Estonian ("kuus", six, is also "in a month"), Vietnamese ("ba" and
    # "năm" are also "father" and "year"), Hebrew
    **{"doi": 2, "două": 2, "trei": 3, "patru": 4, "cinci": 5, "șase": 6, "șapte": 7},
    **{"nouă": 9, "zece": 10, "dua": 2, "tiga": 3, "empat": 4, "lima": 5},
    **{"tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10, "kaks": 2, "kolm": 3},
    **{"neli": 4, "viis": 5, "seitse": 7, "kaheksa": 8, "üheksa": 9, "kümme": 10},
    **{"hai": 2, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10},
    **{"שניים": 2, "שתיים": 2, "שלושה": 3, "שלוש": 3, "שלושת": 3},  # ("שני": Monday)
    **{"ארבעה": 4, "ארבע": 4, "חמישה": 5, "חמש": 5, "שישה": 6, "עשרה": 10},
    # Bosnian, Croatian and Serbian ("dva", "tri", "šest", "deset" above; "pet" is English)
    **{"četiri": 4, "sedam": 7, "osam": 8, "devet": 9},
    # Icelandic, in its genders and cases ("tveimur", "þremur": dative)
    **{"tveir": 2, "tvær": 2, "tvö": 2, "tveimur": 2, "tveggja": 2, "þrír": 3, "þrjár": 3},
    **{"þrjú": 3, "þremur": 3, "þriggja": 3, "fjórir": 4, "fjórar": 4, "fjögur": 4},
    **{"fjórum": 4, "fjögurra": 4, "fimm": 5, "sjö": 7, "átta": 8, "níu": 9, "tíu": 10},
    # Armenian, and the forms with the article ("երկուսը": the two of them)
    **{"երկու": 2, "երեք": 3, "չորս": 4, "հինգ": 5, "վեց": 6, "յոթ": 7, "ութ": 8},
    **{"ինը": 9, "տասը": 10, "երկուսը": 2, "երեքը": 3, "չորսը": 4},
    **MORE_SMALL,  # Ukrainian and Serbian collectives, Serbian Cyrillic, Greek, Amharic
}
# Collective numerals, "about ten" and so on: a clear amount when one is counted ("une
# dizaine de", "una treintena", "ett tiotal"); their plurals ("des dizaines") are vague.
ROUND_COUNTS = {
    "dozen": 12, "douzaine": 12, "dutzend": 12, "docena": 12, "дюжина": 12, "дюжины": 12,
    "дюжину": 12, "dizaine": 10, "decina": 10, "decena": 10, "tiotal": 10, "tiental": 10,
    "vingtaine": 20, "veintena": 20, "ventina": 20, "trentaine": 30, "treintena": 30,
    "trentina": 30, "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60,
    "centaine": 100, "quarantina": 40, "cinquantina": 50, "centinaio": 100, "centenar": 100,
    "kymmenkunta": 10, "parikymmentä": 20,
}  # fmt: skip
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    # French, with the Swiss and Belgian tens ("septante-deux", "nonante")
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "septante": 70,
    "huitante": 80,
    "octante": 80,
    "nonante": 90,
}
_UNIT_WORDS = "two three four five six seven eight nine deux trois quatre cinq sept huit neuf"
UNITS_OF_TEN = {k: v for k, v in SMALL.items() if v < 10 and k in _UNIT_WORDS.split()} | {"one": 1}
_ENGLISH_SMALL = {"one": 1} | {
    word: SMALL[word]
    for word in """two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen""".split()
}
_ENGLISH_UNITS = [k for k, v in _ENGLISH_SMALL.items() if v < 10]


def and_after_hundred(m: re.Match) -> int:
    """What "and …" adds after "hundred" in a match of `WORD_RE` ("two hundred and thirty")."""
    if m["and_tens"]:
        return TENS[m["and_tens"].lower()] + (
            _ENGLISH_SMALL[m["and_unit"].lower()] if m["and_unit"] else 0
        )
    return _ENGLISH_SMALL[m["and_small"].lower()] if m["and_small"] else 0


WORD_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
WORD_RE = re.compile(
    r"(?<![\w’'-])(?:(?P<article>an?|one|une?|eine?|una?|een|ett)\s+)?"
    r"(?:(?P<tens>"
    + "|".join(TENS)
    + r")(?:[-\s](?P<tens_unit>"
    + "|".join(UNITS_OF_TEN)
    + r"))?|(?P<small>"
    + "|".join(sorted(SMALL, key=len, reverse=True)).replace("'", "['’]")
    + r")|(?P<dozen>"
    + "|".join(ROUND_COUNTS)
    + r"|десяток))"
    # "two hundred and thirty", "three hundred and five"
    r"(?:\s+(?P<hundred>hundred)(?:\s+and\s+(?:(?P<and_tens>"
    + "|".join(t for t in TENS if t.endswith("ty"))
    + r")(?:[-\s](?P<and_unit>"
    + "|".join(_ENGLISH_UNITS)
    + r"))?|(?P<and_small>"
    + "|".join(sorted(_ENGLISH_SMALL, key=len, reverse=True))
    + r")))?)?(?:\s+(?P<scale>thousand|million|billion|trillion|"
    # a scale in the number's own language ("nio miljoner", "tres millones", "zwei Millionen")
    r"miljoner|miljarder|millioner|milliarder|millones|Millionen|Milliarden|millions|"
    r"milliards|milioni|miliardi|milhões|bilhões|milióna|milióny|miliónov|millió|milliárd))?"
    r"(?![\w’'-])",
    re.IGNORECASE,
)
# Portuguese "dos" is "of the", not Spanish "dos" (two): before a possessive ("230 dos seus
# trabalhadores"), after a figure or a share ("Metade dos despedidos"), or anywhere in a
# sentence written in Portuguese (its "ã", "õ", "do", "das", "os", "ao").
_PORTUGUESE_DOS_AFTER_RE = re.compile(
    r"\s+(?:seus|suas|nossos|nossas|meus|minhas|teus|tuas|vossos|vossas)(?![\w’'-])",
    re.IGNORECASE,
)
_PORTUGUESE_DOS_BEFORE_RE = re.compile(
    r"(?:\d|metade|terços|quartos|maioria|parte|cento|mil|milhões)\s+$", re.IGNORECASE
)
_PORTUGUESE_RE = re.compile(r"[ãõ]|(?<![\w’'-])(?:do|das|os|ao|aos|pelo|pela)(?![\w’'-])")


def portuguese_dos(m: re.Match, sentence: str) -> bool:
    """Is a number word read by `WORD_RE` the Portuguese "dos" (of the)?"""
    if (m["small"] or "").lower() != "dos":
        return False
    return bool(
        _PORTUGUESE_DOS_AFTER_RE.match(sentence, m.end())
        or _PORTUGUESE_DOS_BEFORE_RE.search(sentence[: m.start()])
        or _PORTUGUESE_RE.search(sentence)
    )


SCALE_WORD_RE = re.compile(
    r"(?<![\w’'-])(?P<article>an?|one|half an?)\s+(?P<scale>hundred|thousand|million|billion)"
    r"(?![\w’'-])",
    re.IGNORECASE,
)
FRACTION_RE = re.compile(
    r"(?<![\w’'-])(?:(?P<count>an?|one|two|three|une?|deux|trois|eine?|zwei|drei|una?|dos|tres|"
    r"два|две|дві|три|la|die|jedną|jedna|due|dwie|twee|een|de|två|en|ett|dois|duas|um|uma|"
    r"kaksi|kolme|dvě|tři|ένα|δύο|τρία|dvije|tri)[-\s])?"
    r"(?P<frac>half|thirds?|quarters?|"
    r"fifths?|tenths?|moitié|tiers|quarts?|hälfte|drittel|mitad|tercios?|половин[аиуы]|треть|"
    r"трети|третин[аиу]|metà|terz[oi]|połow[aęy]|trzeci[aąe]|helft|derde|kwart|hälften|"
    r"tredjedel(?:ar)?|fjärdedel(?:ar)?|fjerdedel(?:en|er)?|viertel|fünftel|zehntel|quint[oi]|quart[oi]|"
    r"чверт[ьі]|terços?|metade|"
    # the half in Danish and Norwegian ("halvdelen af", "halvparten av")
    r"halvdelen|halvparten|"
    # Czech, Greek (after its count: "το ένα τρίτο"), Spanish ("una tercera parte") and the
    # Turkish half with its endings ("yarısı", "yarısından")
    r"polovin[aueyě]|třetin[aueyě]?|čtvrtin[aueyě]?|τρίτ[οα]|τέταρτ[οα]|"
    r"(?:tercera|cuarta|quinta)s?\s+partes?|yarıs[ıi]\w*|"
    # Croatian, Serbian and Bosnian ("dvije trećine", "za polovicu", "četvrtina")
    r"trećin[aeui]|polovic[aeiu]|četvrtin[aeui]|"
    # Finnish fractions, with their case endings ("kaksi kolmasosaa", "neljäsosan")
    r"(?:kolmas|neljäs|viides|kymmenes)osa(?:a|n|sta|lla)?|puolet|"
    # Slovak ("polovica", "tretina", "štvrtina") and Hungarian, with its possessive ending
    # ("fele", its half; "harmada", "negyede", "ötöde", "tizede")
    r"polovic[aeiu]|tretin[aeuy]|štvrtin[aeuy]|fele|felét|harmad(?:a|át)|negyed(?:e|ét)|"
    r"ötöd(?:e|ét)|tized(?:e|ét))(?![\w’'-])",
    re.IGNORECASE,
)
COUNTS = {
    "two": 2, "deux": 2, "zwei": 2, "dos": 2, "два": 2, "две": 2, "дві": 2, "due": 2, "dwie": 2,
    "three": 3, "trois": 3, "drei": 3, "tres": 3, "три": 3, "twee": 2, "två": 2,
    "dois": 2, "duas": 2, "kaksi": 2, "kolme": 3, "dvě": 2, "tři": 3, "ένα": 1, "δύο": 2,
    "τρία": 3, "dvije": 2, "tri": 3,
}  # fmt: skip
# "üçte biri" (one in three), "dörtte birini", "üçte ikisi": Turkish shares, the whole in the
# locative and the part with its case ending.
TURKISH_RATIO_RE = re.compile(
    r"(?<![\w’'-])(?P<den>iki|üç|dört|beş|altı|on)(?:te|ta|de|da)\s+(?P<num>bir|iki|üç|dört)\w*",
    re.IGNORECASE,
)
TURKISH_NUMBERS = {"bir": 1, "iki": 2, "üç": 3, "dört": 4, "beş": 5, "altı": 6, "on": 10}
# "neljä viidestä" (four of five): Finnish counts the whole in the elative case.
FINNISH_RATIO_RE = re.compile(
    r"(?<![\w’'-])(?P<num>yksi|kaksi|kolme|neljä|viisi|kuusi|seitsemän|kahdeksan|yhdeksän|\d+)\s+"
    r"(?P<den>kahdesta|kolmesta|neljästä|viidestä|kuudesta|seitsemästä|kahdeksasta|"
    r"yhdeksästä|kymmenestä)(?![\w’'-])",
    re.IGNORECASE,
)
FINNISH_WHOLES = {"kahdesta": 2, "kolmesta": 3, "neljästä": 4, "viidestä": 5, "kuudesta": 6,
                  "seitsemästä": 7, "kahdeksasta": 8, "yhdeksästä": 9, "kymmenestä": 10}  # fmt: skip
_RATIO_WORDS = (
    r"\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|deux|trois|quatre|cinq|six|dix|"
    r"vingt|zwei|drei|vier|fünf|zehn|dos|tres|cuatro|cinco|diez|uno|una|due|tre|quattro|"
    r"cinque|dieci|jeden|jedna|jednego|dwóch|dwie|dwa|trzech|trzy|czterech|cztery|pięciu|"
    r"pięć|dziesięciu|dziesięć|een|twee|drie|vier|vijf|tien|ett|två|tre|fyra|fem|tio"
)
# "one in four", "nine in 10", "three out of four", "trzech na czterech", "uno su tre"
RATIO_RE = re.compile(
    rf"(?<![\w’'-])(?P<num>one|une?|{_RATIO_WORDS})\s+(?:[^\W\d_][\w’'-]*\s+)?"
    r"(?:in|out of|sur|von|de cada|из|з|na|su|op de|op|av)\s+"
    rf"(?P<den>{_RATIO_WORDS})(?![\w’'-])",
    re.IGNORECASE,
)
DENOMINATORS = {
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
# "jede fünfte Mietpartei", "hver fjerde", "var tredje", "every fifth": one in N, said with
# an ordinal after "each" (German, Danish, Norwegian, Swedish, English).
# Swedish "varannan", "vartannat" (every other) in one word: one in two.
EVERY_NTH_RE = re.compile(
    r"(?<![\w’'-])(?:(?:jede[rsn]?|hver|hvert|varje|var|vart|every)\s+"
    r"(?P<nth>zweite|dritte|vierte|fünfte|sechste|zehnte|anden|annen|andre|andra|tredje|"
    r"fjerde|fjärde|femte|sjette|sjätte|tiende|tionde|third|fourth|fifth|sixth|tenth)"
    r"|varannan|vartannat)(?![\w’'-])",
    re.IGNORECASE,
)
NTH = {
    "zweite": 2, "anden": 2, "annen": 2, "andre": 2, "andra": 2,
    "dritte": 3, "tredje": 3, "third": 3, "vierte": 4, "fjerde": 4, "fjärde": 4, "fourth": 4,
    "fünfte": 5, "femte": 5, "fifth": 5, "sechste": 6, "sjette": 6, "sjätte": 6, "sixth": 6,
    "zehnte": 10, "tiende": 10, "tionde": 10, "tenth": 10,
}  # fmt: skip
# "to av tre ansatte", "to ud af tre": Norwegian and Danish shares in words
NORDIC_RATIO_RE = re.compile(
    r"(?<![\w’'-])(?P<num>en|ett|et|én|to|tre|fire|fem|seks|sju|syv|\d+)\s+(?:av|ud af)\s+"
    r"(?P<den>to|tre|fire|fem|seks|sju|syv|åtte|otte|ni|ti|\d+)(?![\w’'-])",
    re.IGNORECASE,
)
NORDIC_NUMBERS = {
    "en": 1, "ett": 1, "et": 1, "én": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6,
    "sju": 7, "syv": 7, "åtte": 8, "otte": 8, "ni": 9, "ti": 10,
}  # fmt: skip
MULTIPLE_RE = re.compile(
    r"(?<![\w’'-])(?:(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)[- ]?fold"
    # "deux fois plus", "trois fois moins": French multiples
    r"|(?P<fois>deux|trois|quatre|cinq|dix|\d+) fois (?=plus|moins)"
    # "four times more", "three times as many", "ten times higher"
    r"|(?P<times>two|three|four|five|six|seven|eight|nine|ten|\d+) times "
    r"(?=more|less|as|higher|lower|larger|bigger|greater|faster|smaller|the)"
    r"|(?P<word>doubled|tripled|trebled|quadrupled|double the|triple the|double that|twice that|"
    r"triple that|halved|twice (?:as|the)|by half|"
    # halved in the Nordic languages and German ("halvert", "halveret", "halverades")
    r"halvert|halveret|halverad(?:es)?|halverats|halbiert|"
    # doubled and tripled in German ("hat sich verdoppelt")
    r"verdoppelt|verdreifacht|"
    # "el doble", "o triplo", "le double", "il doppio", "das Doppelte", "вдвое", "втричі"
    r"(?:el|la|lo|o|le|il) (?:doble|triple|dobro|triplo|double|doppio|triplo|quádruplo)|"
    r"das (?:doppelte|dreifache)|doppelt so|вдвое|втрое|вчетверо|удвічі|втричі|"
    # Bosnian, Croatian and Serbian ("dvostruko manje", half as much; "trostruko više")
    r"dvostruko|trostruko|četverostruko))(?![\w’'-])",
    re.IGNORECASE,
)
MULTIPLES = {"doubled": 2, "double the": 2, "tripled": 3, "trebled": 3, "triple the": 3,
             "double that": 2, "triple that": 3, "twice that": 2, "quadrupled": 4, "halved": Decimal("0.5"),
             "twice as": 2, "twice the": 2,
             "by half": Decimal("0.5"), "halvert": Decimal("0.5"), "halveret": Decimal("0.5"),
             "halverad": Decimal("0.5"), "halverades": Decimal("0.5"),
             "halverats": Decimal("0.5"), "halbiert": Decimal("0.5"), "verdoppelt": 2, "verdreifacht": 3, "doble": 2, "dobro": 2, "double": 2, "doppio": 2, "doppelte": 2,
             "triple": 3, "triplo": 3, "quádruplo": 4, "dreifache": 3, "doppelt so": 2,
             "вдвое": 2, "втрое": 3, "вчетверо": 4, "удвічі": 2, "втричі": 3,
             "dvostruko": 2, "trostruko": 3, "četverostruko": 4}  # fmt: skip
