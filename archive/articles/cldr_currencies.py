"""Currency words of more languages, from the Unicode CLDR through Babel: the name of each
locale's own currency as papers print it after a figure ("186 مليون ريال", "42 מיליון שקל",
"3 करोड़ रुपए", "2,000 ரூபாய்"). For `money_words`: pure.

The CLDR names a currency with its country ("ريال سعودي", "भारतीय रुपए", "Қазақстан теңгесі");
a paper prints the currency's own word, so the words naming the country are dropped and the
first word left is kept, in each of the name's forms (singular and plural). A word of four
letters or more may carry an ending ("ريالاً", "теңгеден"). Abbreviations papers print before
the figure and the CLDR does not have (Tamil "ரூ.", Hindi "रु.") are a small table.
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale
from babel.numbers import get_territory_currencies

from archive.articles.writing_systems import MARKS

# The locales whose own currency is read in words; each stands for its country's papers.
CURRENCY_LOCALES = "ar_SA he_IL hi_IN ta_IN bn_BD kk_KZ id_ID ms_MY tr_TR sw_TZ".split()

# Rupee abbreviations printed before the figure ("ரூ.420 கோடி", "रु. 450"): Tamil, Hindi.
RUPEE_PREFIX_RE = r"ரூ\.\s?|रु\.\s?"


def _country_word(word: str, country: str) -> bool:
    """Does a word of a currency's name name its country ("भारतीय" in "भारत")?"""
    stem = word.lower()[:4]
    return len(stem) >= 3 and stem in country.lower()


@cache
def currency_words() -> tuple[tuple[str, str], ...]:
    """(pattern, ISO code) for the own currency of every locale of `CURRENCY_LOCALES`."""
    found: dict[str, str] = {}
    for code in CURRENCY_LOCALES:
        locale = Locale.parse(code)
        currency = get_territory_currencies(locale.territory)[0]
        country = locale.territories.get(locale.territory, "")
        names = {locale.currencies.get(currency, "")}
        names |= set(locale._data["currency_names_plural"].get(currency, {}).values())
        for name in names:
            words = [w for w in name.split() if not _country_word(w, country) and len(w) >= 3]
            if words:
                found.setdefault(words[0].lower(), currency)
    return tuple(
        (re.escape(word) + (rf"[\w{MARKS}]*" if len(word) >= 4 else ""), currency)
        for word, currency in sorted(found.items(), key=lambda item: -len(item[0]))
    )
