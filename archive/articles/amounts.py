"""Numbers written in digits: thousands separators in house styles, currencies (symbols, codes
and words), multipliers ("£2.5m", "1,2 Md€", "млн"), percentages and measures. Patterns and
tables for `figures.read_figures`: pure.
"""

from __future__ import annotations

import re

from archive.articles.cldr_currencies import RUPEE_PREFIX_RE
from archive.articles.money_words import (
    ISO_CODE_RE,
    LETTER_PREFIX_RE,
    LETTER_PREFIXES,
    MONEY_SCALE_WORD_RE,
    PERCENT_BEFORE_RE,
    PERCENT_WORD_RE,
    SCALE_WORDS,
    SIGN_SCALES,
    WORD_CURRENCY_RE,
)
from archive.articles.scale_words import LANGUAGE_SCALE_RE, SCALE_BEFORE_RE, language_scale

_NUM = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)"  # 12,730 / 1,234.5
    r"|\d{1,3}(?:['’]\d{3})+(?:\.\d+)?(?![\d'’])"  # 590'000 (Swiss thousands)
    r"|[1-9]\d{0,2}(?:\.\d{3})+(?![\d,]|\.\d)"  # 12.730 (continental thousands)
    r"|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,.]\d)"  # 71 200 (thin or no-break spaces)
    r"|\d+(?:\.\d+|,\d{1,2}(?!\d))?"  # 12 / 1.2 / 1,5
)
_CURRENCY_PREFIX = (
    r"US\$\s?|A\$|C\$|HK\$|NZ\$|S\$|NT\$|R\$\s?|"
    rf"{LETTER_PREFIX_RE}|"  # "N1,500", "SR18 billion", "E£ 5"
    # "$ 31.000", "€ 5": Latin American and Dutch papers print a space after the sign
    r"[£$€₴₽¥₹₩₱₦₺฿](?:\s(?=\d))?|(?:USD|GBP|EUR|UAH|RUB|CHF|JPY|CNY)\s?"
    # Zimbabwe Gold ("ZiG18 000", "ZiG2,5 million")
    r"|ZiG(?=\d)"
    rf"|(?:{ISO_CODE_RE})\s?"  # "EGP 3.2 billion", "KES 500"
    # the rupiah, the rupee, the ringgit and the Kenyan shilling ("Rp 150,000", "Rs 500 crore")
    r"|Rp\.?\s?|Rs\.?\s?|RM\s?|KSh\s?|"
    rf"{RUPEE_PREFIX_RE}|"  # "ரூ.420 கோடி" (Tamil), "रु. 450" (Hindi)
    rf"{PERCENT_BEFORE_RE}|"  # per cent, not a currency: "yüzde 30" (see `figures`)
    # the shekel and the East African shilling ("NIS 750", "Sh350", "Sh1.2 billion"); Ugandan
    # papers print theirs "Shs" ("Shs7,800", "Shs2 billion")
    # ... "Sh milioni 200" (Swahili prints the scale before the figure)
    rf"NIS\s?|Shs\.?\s?(?=\d)|Sh(?=\d)|Sh\s?(?={SCALE_BEFORE_RE})|"
    # the dirham ("Dh45 million", "Dh1,200")
    r"Dh(?=\d)|"
    # the Philippine peso ("P18,000", "P640 million"): as the rand, only with thousands or a
    # multiplier ("P3" is a name)
    r"P(?=\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?\s?(?:million|billion|trillion|bn|m)(?![\w’'-]))|"
    # Swiss francs ("Fr. 85.–", "Fr. 1680.–"): not before a day of the month ("Fr. 12. Juni")
    r"Fr\.\s?(?=\d+\.[–-]|\d{1,3}['’]\d{3}|\d+\.\d{2}(?!\d)|\d{3,}(?![\d.]))|"
    # the rand ("R1,800", "R450-million"): only before a figure it could not be a name's
    # ("R44" is a road), with thousands or a multiplier
    r"R(?=\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:[.,]\d+)?[-\s]?(?:million|billion|trillion|bn|m)(?![\w’'-]))"
)
_MULTIPLIER = (
    # scale words of more languages, first: "14 ألف", "3 करोड़", "1,3 mil milhões"
    rf"(?:\s(?:{LANGUAGE_SCALE_RE})|"
    # "$1.6-billion" (Canadian and some US house styles hyphenate the money's multiplier)
    r"[\s-]?(?:trillion|billion|million)(?![\w’'-])|\s?(?:mln|mn|bn|tn|trn)(?![\w’'-])"
    r"(?:\.(?=\s[^\W\d_]))?"  # "6,5 mln. eurų": the abbreviation's full stop
    r"|(?:m|b|k|K|M)(?![\w’'-])"
    r"|mila(?![\w’'-])"  # "45mila" (Italian prints its thousands joined to the figure)
    r"|-tisíc(?![\w’'-])"  # "85-tisíc" (Slovak joins its thousands with a hyphen)
    r"|\s?(?:Mds?|Mrd|M|G)(?=\s?[€$£])"  # "300M€", "1,2 Md€" (French), "2,3 M$" (Quebec)
    r"|\s(?:thousand|hundred|millions?|milliards?|Millionen|Million|Milliarden|Milliarde|"
    r"Mrd\.?|Mio\.?|mil millones|millones|millón|млн\.?|млрд\.?|трлн\.?|тыс\.?|тис\.?|"
    r"тысяч[аи]?|тисяч[аі]?|миллион(?:а|ов)?|мільйон(?:а|ів)?|миллиард(?:а|ов)?|"
    r"мільярд(?:а|ів)?|триллион(?:а|ов)?|трильйон(?:а|ів)?|milion(?:i|e)|miliard(?:i|o)|mila|"
    r"mld\.?|tys\.?|tysięcy|tysiące|milion(?:y|ów)?|miliard(?:y|ów)?|"
    r"miljoen|miljard|miljoner|miljon|miljarder|mdkr|mnkr|mln\.?|mld\.?|"
    # Danish and Norwegian ("8 millioner kroner", "1,2 milliarder", "5 mio. kroner")
    r"millioner|milliarder|mio\.?|mia\.?|"
    # Portuguese, Spanish and Finnish ("148 mil", "R$ 18 milhões", "4,5 miljoonaa")
    r"mil|milhões|milhão|bilhões|bilhão|"
    # Finnish, in the cases a figure puts them in ("4,5 miljoonaa", "1,8 miljoonan euron")
    r"tuhatta|tuhannen|miljoonaa|miljoonan|miljoona|miljardia|miljardin|miljardi|"
    r"lakhs?|lacs?|crores?|"
    # Czech, Turkish (with a case ending: "1,1 milyar dolara") and Greek ("560 εκατ. ευρώ")
    r"tisíc|tis\.|milionů|milionu|miliónů|bin|"
    # Slovak ("9,4 milióna eur") and Hungarian ("1,2 milliárd forint", "14 ezer utas")
    r"milióna|milióny|miliónov|milión|miliárd|miliarda|milliárd|millió|ezer|milyon(?:a|u|dan|luk)?|milyar(?:a|ı|dan|lık)?|"
    # Croatian, Serbian and Bosnian ("1,2 milijuna eura", "3 milijarde kuna", "40 tisuća")
    r"milijun(?:a|i)?|milijard(?:a|e|i)|miliona|tisuća|tisuće|hiljada|hiljade|"
    r"χιλ\.|χιλιάδες|εκατ\.|εκατομμύρια|δισ\.|δισεκατομμύρια|"
    rf"{MONEY_SCALE_WORD_RE})(?![\w’'-]))"  # Indian numbering: a lakh is 10⁵, a crore 10⁷
)
_PERCENT = (
    r"(?:\s?%|\s?(?:per\s?cent|percent|pc|pct|процент(?:а|ов)?|відсот(?:ок|ки|ків)|"
    r"pour\s?cent|Prozent|por\s?ciento|"
    rf"{PERCENT_WORD_RE})(?![\w’'-]))"
)
# "%" or a word for it right after a figure ("sieben Prozent", "five per cent")
PERCENT_AFTER_RE = re.compile(_PERCENT)
_ONE = (
    rf"(?P<@cur>{_CURRENCY_PREFIX})?(?P<@pre>{SCALE_BEFORE_RE})?(?P<@num>{_NUM})(?P<@mult>{_MULTIPLIER})?(?P<@pct>{_PERCENT})?"
    r"(?P<@sub>p(?![\w’'-]))?(?P<@meas>(?:km/h|kmh|kph|mph|km|mm|cm|kg|kWh|MWh|GWh|TWh|kW|MW|GW|"
    r"bcm|°C|°F|"
    # water supply and river flow: million gallons or litres a day, cubic feet or metres a
    # second ("650MGD", "45 MLD", "12,000 cusecs", South Asian papers)
    r"MGD|MLD|cusecs|cumecs)(?![\w’'-]))?"
)
# Arabic and Hebrew join a one-letter word to the figure after it: "و55" (and 55), "ב-2024",
# "כ-300" (about 300); Hebrew stacks two of them: "וכ-60%" (and about 60 %), "מכ-40" (from
# about 40).
_JOINED_LETTER = (
    r"(?<=(?<!\w)[وبلكف])|(?<=(?<!\w)[ובלכמשה])|(?<=(?<!\w)[ובלכמשה][-־])"
    r"|(?<=(?<!\w)[ובלכמשה]{2}[-־])"
)
DIGITS_RE = re.compile(
    rf"(?:(?<![\w.,/:#№-])|{_JOINED_LETTER})(?<![\w.,/:#№-][£$€₴₽¥₹])"
    + _ONE.replace("@", "")
    + r"(?:\s?[-–—]\s?"
    + _ONE.replace("@", "hi_")
    + r")?(?![\w/]|[.,]\d|:\d)"
)

SYMBOL_CURRENCY = {
    "£": "GBP",
    "$": "USD",
    "us$": "USD",
    "a$": "AUD",
    "c$": "CAD",
    "hk$": "HKD",
    "nz$": "NZD",
    "r$": "BRL",
    "€": "EUR",
    "₴": "UAH",
    "₽": "RUB",
    "¥": "JPY",
    "₹": "INR",
    "s$": "SGD",
    "nt$": "TWD",
    "₩": "KRW",
    "₱": "PHP",
    "₦": "NGN",
    "₺": "TRY",
    "฿": "THB",
    "rp": "IDR",
    "rp.": "IDR",
    "rs": "INR",
    "rs.": "INR",
    "rm": "MYR",
    "ksh": "KES",
    "ரூ.": "INR",
    "रु.": "INR",
    "රුපියල්": "LKR",
    "sh": "KES",
    "shs": "UGX",
    "shs.": "UGX",
    "nis": "ILS",
    "dh": "AED",
    "p": "PHP",
    "fr.": "CHF",
    "r": "ZAR",
    "zig": "ZWG",
}
SYMBOL_CURRENCY.update(LETTER_PREFIXES)
CODES = {"usd", "gbp", "eur", "uah", "rub", "chf", "jpy", "cny"} | {
    code.lower() for code in ISO_CODE_RE.split("|")
}
CURRENCY_WORD_RE = re.compile(
    r"^\s*(?:(?P<usd>(?:US\s)?dollars?|bucks|долларов|доллара?|доларів|долара?|Dollar|dólares)"
    r"|(?P<gbp>pounds?(?: sterling)?|sterling|фунт(?:ов|а|ів)?(?: стерлингов)?)"
    r"|(?P<eur>euros?|Euro|евро|євро|euro(?:a|n|lla|lle|ssa|sta|ksi|ihin|illa|jen|ja)"
    r"|eura|eurima)"  # Croatian, Serbian, Slovene and Czech cases ("640.000 eura")
    r"|(?P<uah>hryvnias?|hryvnas?|hryvnyas?|hryvni|гривен|гривень|гривн[ыя]|гривні|гривня|грн\.?)"
    r"|(?P<rub>roubles?|rubles?|рубл(?:ей|я|ь|ів)|руб\.?)"
    r"|(?P<xof>francs? CFA|FCFA|CFA francs?)|(?P<cny>yuan)|(?P<jpy>yen)|(?P<chf>(?:Swiss\s)?francs|Franken)"
    r"|(?P<pln>zł|złotych|złote|złoty|PLN)|(?P<czk>korun|korunami|Kč|CZK)"
    r"|(?P<try>lira(?:ya|dan|lık)?|TL)|(?P<usd2>dolar(?:a|ı|lık|dan)?)|(?P<eur2>ευρώ)"
    r"|(?P<sek>kronor|SEK)|(?P<nok>norske kroner|NOK)|(?P<dkk>danske kroner|DKK)"
    rf"|(?P<code>USD|GBP|EUR|UAH|RUB|CHF|JPY|CNY|{ISO_CODE_RE})|(?P<word>{WORD_CURRENCY_RE}))"
    r"(?![\w’'-])"
    # "300M€", "50 €", "12 $": the sign printed after the figure (French, Nordic, Dutch)
    r"|^\s?(?P<sign>[€£₴₽$])"
)
SUBUNIT_RE = re.compile(
    r"^(?:p|\s?pence|\s?cents?|c|(?P<euro>\s?(?:Cent|céntimos?|centesimi|centimes?))"
    r"|\s?centavos?\s+de\s+d[óo]lar(?:es)?)(?![\w’'-])"  # "28 centavos de dólar" (Spanish)
)
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
    "milhões": 1_000_000,
    "milhão": 1_000_000,
    "bilhões": 1_000_000_000,
    "bilhão": 1_000_000_000,
    "tuhatta": 1000,
    "miljoonaa": 1_000_000,
    "miljardia": 1_000_000_000,
    "tuhannen": 1000,
    "miljoonan": 1_000_000,
    "miljoona": 1_000_000,
    "miljardin": 1_000_000_000,
    "miljardi": 1_000_000_000,
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
    "millioner": 1_000_000,
    "milliarder": 1_000_000_000,
    "mia": 1_000_000_000,
    "mnkr": 1_000_000,
    "miljard": 1_000_000_000,
    "miljarder": 1_000_000_000,
    "mdkr": 1_000_000_000,
    "md": 1_000_000_000,
    "mds": 1_000_000_000,
    "lakh": 100_000,
    "lakhs": 100_000,
    "lac": 100_000,
    "lacs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
    "tisíc": 1000,
    "tis": 1000,
    "milionů": 1_000_000,
    "milionu": 1_000_000,
    "miliónů": 1_000_000,
    "bin": 1000,
    "milióna": 1_000_000,
    "milióny": 1_000_000,
    "miliónov": 1_000_000,
    "milión": 1_000_000,
    "miliárd": 1_000_000_000,
    "miliarda": 1_000_000_000,
    "milliárd": 1_000_000_000,
    "millió": 1_000_000,
    "ezer": 1000,
    "χιλ": 1000,
    "χιλιάδες": 1000,
    "εκατ": 1_000_000,
    "εκατομμύρια": 1_000_000,
    "δισ": 1_000_000_000,
    "δισεκατομμύρια": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "tn": 1_000_000_000_000,
    "trn": 1_000_000_000_000,
    "трлн": 1_000_000_000_000,
}


def scale_of(word: str) -> int:
    word = word.strip(" -").rstrip(".").lower()
    if language_scale(word):
        return language_scale(word)
    if word in _SCALES:
        return _SCALES[word]
    if word in SCALE_WORDS or word in SIGN_SCALES:
        return SCALE_WORDS.get(word) or SIGN_SCALES[word]
    for stem, scale in (
        ("миллиард", 10**9),
        ("мільярд", 10**9),
        ("миллион", 10**6),
        ("мільйон", 10**6),
        ("триллион", 10**12),
        ("трильйон", 10**12),
        ("milyar", 10**9),
        ("milyon", 10**6),
        ("milijard", 10**9),
        ("milijun", 10**6),
        ("miliona", 10**6),
        ("tisuć", 1000),
        ("hiljad", 1000),
    ):
        if word.startswith(stem):
            return scale
    return 1
