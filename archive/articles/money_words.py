"""Currencies, percent words and scale words of more newsrooms: tables and pattern fragments
that `amounts` joins into its patterns. Pure.

- ISO codes printed before or after a figure ("EGP 3.2 billion", "5 000 HUF");
- the naira, the Saudi riyal, the taka and the cedi as their papers print them ("N1,500",
  "N4.2 billion", "SR18 billion", "Tk 3,800", "GH¢20,000"); the naira's and the riyal's
  letters, like the peso's "P", only before thousands or a multiplier, where the letter
  could be no road or model name;
- currencies named in words after a figure, in the cases a figure puts them in ("14 200
  forintról", "320,000 tenge", "58.000 dinara", "400 evra", "85 tūkst. eurų", "40 triệu
  đồng");
- percent words ("18 százalékkal", "46 prosenttiin", "60 odsto", "35 odstotkov", "20 la sută");
- scale words and their abbreviations ("tūkst.", "mlrd.", "milj.", "milijona", "miljonit",
  "milioane", "triệu", "tỷ"; Spanish "billones" is a million millions).
"""

from __future__ import annotations

import re

from archive.articles.cldr_currencies import currency_words
from archive.articles.writing_systems import MARKS

# Three-letter codes a newsroom prints beside a figure; the ones `amounts` names already stay
# there.
ISO_CODES = (
    "AED AUD BDT BGN BRL CAD CLP COP CZK DKK EGP GHS HKD HUF IDR ILS INR KES KWD KZT MAD MXN "
    "MYR NGN NOK NZD PEN PHP PKR PLN QAR RON RSD SAR SEK SGD THB TRY TWD TZS UGX VND ZAR"
).split()
ISO_CODE_RE = "|".join(ISO_CODES)

# A letter before digits: the naira ("N1,500", "N4.2 billion") and the Saudi riyal
# ("SR2.4 billion"); only before grouped thousands or a multiplier ("N1" is a channel, "SR520"
# a road).
_BIG_FIGURE = (
    r"(?=\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?\s?(?:million|billion|trillion|bn|m)(?![\w’'-]))"
)
LETTER_PREFIXES = {
    "n": "NGN",
    "sr": "SAR",
    "e£": "EGP",
    "le": "EGP",
    "tk": "BDT",
    "tk.": "BDT",
    "gh¢": "GHS",
    "gh₵": "GHS",
    "₵": "GHS",
}
# ... the Bangladeshi taka ("Tk 3,800", "Tk 4.2 crore") and the Ghana cedi ("GH¢20,000")
LETTER_PREFIX_RE = (
    rf"N{_BIG_FIGURE}|SR\s?{_BIG_FIGURE}|E£\s?|LE\s?{_BIG_FIGURE}|Tk\.?\s?(?=\d)|GH[¢₵]\s?|₵"
)

# Currency words after a figure, each with its code: lower-case as printed, in the cases a
# figure or a preposition puts them in.
WORD_CURRENCIES = (
    (r"forint(?:ot|ról|ra|tal|nak|nyi|os|ért|ba|ban)?", "HUF"),
    (r"tenge|теңге\w*|тенге\w*", "KZT"),  # with a case ending: "теңгеден", "теңгеге"
    (r"dinara|dinari|dinare|динара|динари", "RSD"),
    (r"evra|evro|evrov|evre|evri|evrima|евра|евро", "EUR"),
    (r"eur|eurų|eurus|eurai|eurot|eurost|euroga|eurov|eurami|eurom|euri|eiro|eiras", "EUR"),
    (r"lei", "RON"),
    (r"đồng", "VND"),
    (r"naira", "NGN"),
    (r"riyals?", "SAR"),
    (r"leva|лева", "BGN"),
    # spellings the CLDR's names do not have: Hindi "रुपये" (beside "रुपए"), Nepali "रुपैयाँ"
    # (beside "रूपैयाँ"); the convertible mark's sign "KM" printed after the figure (Bosnian)
    (r"रुपये|रुपयों", "INR"),
    (r"रुपैयाँ|रुपैयां", "NPR"),
    (r"KM", "BAM"),
    # Urdu's plural and oblique "روپے", "روپوں" (the CLDR has "روپیہ"); Amharic "ብር" alone (the
    # CLDR names it with its country, "የኢትዮጵያ ብር")
    (r"روپے|روپوں", "PKR"),
    (r"ብር", "ETB"),
    # Arabic "dollar" alone, as the English "dollars": the US dollar (the CLDR names it with
    # its country, "دولار أمريكي"); not before another country's adjective ("دولار كندي")
    (
        r"دولار(?:ات|اً|ا)?(?![ا\u064b])(?!\s+(?:أسترالي|استرالي|كندي|سنغافوري|نيوزيلندي|هونغ|تايواني|"
        r"زيمبابوي|ليبيري|جامايكي|بروناي))",
        "USD",
    ),
)
# ... and each locale's own currency named as the CLDR names it ("ريال", "שקל", "रुपए")
WORD_CURRENCIES += currency_words()
WORD_CURRENCY_RE = "|".join(p for p, _code in WORD_CURRENCIES)


def currency_of_word(word: str) -> str:
    """The code of a currency word of `WORD_CURRENCIES` ("forintról" -> "HUF"), else ""."""
    for pattern, code in WORD_CURRENCIES:
        if re.fullmatch(pattern, word):
            return code
    return ""


# Percent words after a figure: Hungarian (with its case endings), Finnish, Norwegian, Danish,
# Swedish, Polish, Czech, Slovak, Slovene, Serbian, Croatian, Bosnian, Baltic, Romanian,
# Italian, Portuguese, Greek.
PERCENT_WORD_RE = (
    r"százalék\w*|prosent\w*|procent\w*|percent\w{0,2}|protsen\w*|"
    r"odst(?:o|otk\w*)|posto|postot\w*|procenat|procenata|proc\.|la sută|"
    r"per\s?cento|por\s?cento|τοις\s+εκατό|phần trăm|"
    # Indonesian, Malay, Arabic, Hebrew, Hindi, Bengali, Tamil and Kazakh (with its endings:
    # "40 пайызға", "14 சதவீதமாக")
    r"persen|peratus|في\s+المائة|في\s+المئة|بالمائة|بالمئة|אחוזים|אחוז|फ़ीसदी|फीसदी|"
    # Hindi and Nepali, with Nepali case endings ("४० प्रतिशतले", by 40 per cent)
    r"प्रतिशत(?:ले|को|मा|सम्म)?|"
    rf"শতাংশ|சதவீத[\w{MARKS}]*|пайыз\w*|"
    # Icelandic, Georgian, Persian, Armenian (with their case endings: "პროცენტით",
    # "տոկոսով"), Khmer
    r"prósent\w*|პროცენტ\w*|درصد|տոկոս\w*|ភាគរយ|"
    # Urdu, Amharic ("18 በመቶ", by the hundred)
    r"فیصد|በመቶ"
)
# Per cent said before the figure, as a prefix: Turkish "yüzde 30", Swahili "asilimia 40",
# Azerbaijani "faiz" comes after, so it is not here.
# Sinhala "සියයට 40" ("per hundred 40").
PERCENT_BEFORE = ("yüzde", "asilimia", "සියයට")
PERCENT_BEFORE_RE = r"(?:yüzde|Yüzde|asilimia|Asilimia|සියයට)\s"

# Scale words after a figure, with their value.
SCALE_WORDS = {
    "tūkst": 1000,  # Lithuanian and Latvian "tūkst."
    "mlrd": 10**9,  # Lithuanian "mlrd."
    "milj": 10**6,  # Latvian "milj."
    "mljrd": 10**9,
    "miljoni": 10**6,  # Latvian
    "miljonit": 10**6,  # Estonian
    "miljardit": 10**9,
    "milijona": 10**6,  # Slovene
    "milijonov": 10**6,
    "milijone": 10**6,
    "milijoni": 10**6,
    "milijon": 10**6,
    "milijarde": 10**9,
    "milijard": 10**9,
    "milioane": 10**6,  # Romanian
    "miliarde": 10**9,
    "mii": 1000,
    "triệu": 10**6,  # Vietnamese
    "tỷ": 10**9,
    "tỉ": 10**9,  # (the same word, spelled with its tone mark on the other letter)
    "nghìn": 1000,
    "ngàn": 1000,
    "miljoonalla": 10**6,  # Finnish, in more cases ("1,4 miljoonalla eurolla")
    "miljoonaan": 10**6,
    "miljoonasta": 10**6,
    "miljardilla": 10**9,
    "miljardiin": 10**9,
    "miljardista": 10**9,
    "miljons": 10**6,  # Latvian, in its cases ("1,1 miljonu tonnu", "4,3 miljonus eiro")
    "miljonu": 10**6,
    "miljonus": 10**6,
    "miljards": 10**9,
    "miljardi": 10**9,
    "miljardu": 10**9,
    "miljardus": 10**9,
    "milijonų": 10**6,  # Lithuanian ("5 milijonų eurų")
    "milijonus": 10**6,
    "milijardų": 10**9,
    "милион": 10**6,  # Bulgarian ("1,5 милиона евро", "3 хиляди души")
    "милиона": 10**6,
    "милиард": 10**9,
    "милиарда": 10**9,
    "хиляди": 1000,
    "billones": 10**12,  # Spanish: a "billón" is a million millions
    "billón": 10**12,
}
MONEY_SCALE_WORD_RE = (
    r"tūkst\.|mlrd\.|milj\.|mljrd\.|miljoni|miljonit|miljardit|milijon(?:a|ov|e|i)?|"
    r"milijard(?:e)?|milioane|miliarde|mii|triệu|tỷ|tỉ|nghìn|ngàn|billones|billón|"
    r"miljoonalla|miljoonaan|miljoonasta|miljardilla|miljardiin|miljardista|"
    r"miljons|miljonu|miljonus|miljards|miljardi|miljardu|miljardus|milijonų|milijonus|"
    r"milijardų|милиона|милион|милиарда|милиард|хиляди"
)
# Quebec prints millions and billions of dollars with the sign: "2,3 M$", "1,1 G$".
SIGN_SCALES = {"m": 10**6, "g": 10**9}
