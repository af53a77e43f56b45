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
from babel.numbers import get_currency_name, get_territory_currencies

from archive.articles.writing_systems import MARKS

# The locales whose own currency is read in words; each stands for its country's papers. A
# word several countries' currencies share ("ريال", "دينار", "shilingi") means the first
# locale's here, and the page's own country's where that is another (`home_currency`).
CURRENCY_LOCALES = (
    "ar_SA he_IL hi_IN ta_IN bn_BD kk_KZ id_ID ms_MY tr_TR sw_TZ "
    "ar_EG ar_AE ar_KW ar_QA ar_OM ar_YE ar_MA ar_JO ar_IQ ar_BH ar_DZ ar_TN ar_LY ar_SD "
    "ar_LB ar_SY sw_KE sw_UG is_IS ka_GE fa_IR hy_AM ne_NP ur_PK am_ET si_LK"
).split()
# Counts that take each plural form of a currency's name (one, two, few, many, other).
_COUNTS = (0, 1, 2, 3, 11, 100, 1.5)

# Rupee abbreviations printed before the figure ("ரூ.420 கோடி", "रु. 450"): Tamil, Hindi; and
# Sinhala's word "රුපියල්" (rupees), printed before the figure or its scale ("රුපියල් 500").
RUPEE_PREFIX_RE = r"ரூ\.\s?|रु\.\s?|රුපියල්\s"


def _country_word(word: str, country: str) -> bool:
    """Does a word of a currency's name name its country ("भारतीय" in "भारत")?"""
    stem = word.lower()[:4]
    if len(stem) >= 3 and stem in country.lower():
        return True
    # an adjective sharing the country's first letters ("íslensk" of "Ísland", "հայկական" of
    # "Հայաստան")
    return len(word) >= 5 and word.lower()[:3] == country.lower()[:3]


def _first_word(name: str, country: str) -> str:
    words = [w for w in name.split() if not _country_word(w, country) and len(w) >= 3]
    return words[0].lower() if words else ""


@cache
def _locale_words() -> tuple[tuple[str, str, str, str], ...]:
    """(word, its singular's word, ISO code, the name with its country) for each name form
    of each locale's own currency ("دينارات", "دينار", "DZD", "دينار جزائري"), in the order of
    `CURRENCY_LOCALES`."""
    out = []
    for code in CURRENCY_LOCALES:
        locale = Locale.parse(code)
        currency = get_territory_currencies(locale.territory)[0]
        country = locale.territories.get(locale.territory, "")
        name = locale.currencies.get(currency, "")
        lemma = _first_word(name, country)
        forms = {name} | {get_currency_name(currency, count, locale) for count in _COUNTS}
        for form in sorted(forms):
            word = _first_word(form, country)
            if word:
                out.append((word, lemma or word, currency, name))
    return tuple(out)


@cache
def _first_currency() -> dict[str, str]:
    """The currency each singular word is read as: the first locale's that prints it."""
    first: dict[str, str] = {}
    for _word, lemma, currency, _name in _locale_words():
        first.setdefault(lemma, currency)
    return first


@cache
def currency_words() -> tuple[tuple[str, str], ...]:
    """(pattern, ISO code) for the own currency of every locale of `CURRENCY_LOCALES`; every
    form of a word several countries share is read as the first one's ("دينارات" as
    "دينار")."""
    first = _first_currency()
    found: dict[str, str] = {}
    for word, lemma, _currency, _name in _locale_words():
        found.setdefault(word, first[lemma])
    return tuple(
        (_pattern(word), currency)
        for word, currency in sorted(found.items(), key=lambda item: -len(item[0]))
    )


def _pattern(word: str) -> str:
    """A currency word with any ending; a Georgian noun drops its nominative "ი" before
    one ("ლარი", "ლარის", "ლარით")."""
    if len(word) < 4:
        return re.escape(word)
    if word.endswith("ი") and "\u10d0" <= word[0] <= "\u10ff":
        word = word[:-1]
    return re.escape(word) + rf"[\w{MARKS}]*"


@cache
def shared_currencies() -> dict[str, tuple[frozenset[str], tuple[str, ...]]]:
    """For a currency a shared word is read as ("ريال" -> "SAR"): the other countries'
    currencies the word names ("QAR", "OMR", "YER"), and the full names that name the first
    outright ("ريال سعودي")."""
    first = _first_currency()
    others: dict[str, set[str]] = {}
    names: dict[str, set[str]] = {}
    for _word, lemma, currency, name in _locale_words():
        code = first[lemma]
        if code == currency:
            names.setdefault(code, set()).add(name)
        else:
            others.setdefault(code, set()).add(currency)
    return {
        code: (frozenset(rest), tuple(sorted(names.get(code, ())))) for code, rest in others.items()
    }
