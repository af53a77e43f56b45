"""The currency a sign shared by several countries means on a page in a country's language:
pure; used by `source`.

Several countries print their money with one sign: "元" is the yuan, the Taiwan dollar and the
Hong Kong dollar; "Sh" the Kenyan, Tanzanian and Ugandan shilling. `read_figures` reads the
first of each; a page whose language names a country (``<html lang="zh-Hant-TW">``, or
``lang="sw"``, whose likely country in the Unicode CLDR is Tanzania) means that country's own
currency by it, unless the sentence names the first one ("人民幣", "KSh").
"""

from __future__ import annotations

import re

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.numbers import get_territory_currencies

# The currency a shared sign is read as, the other currencies it can mean, and the words that
# name the first one outright.
_SHARED = {
    "CNY": ({"TWD", "HKD", "MOP"}, re.compile(r"人民幣|人民币|RMB|CNY")),
    "KES": ({"TZS", "UGX"}, re.compile(r"KSh|KES|Kenya")),
}
_LANG_RE = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)")


def page_language(html: str) -> str:
    """The language a page says it is in (``<html lang="zh-Hant-TW">``), else ""."""
    m = _LANG_RE.search(html[:5000])
    return m.group(1) if m else ""


def page_territory(language: str) -> str:
    """The country a page's language names ("zh-Hant-TW" -> "TW"; "sw" -> the CLDR's likely
    country, "TZ"), else ""."""
    if not language:
        return ""
    code = language.replace("-", "_")
    try:
        locale = Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return ""
    if locale.territory:
        return locale.territory
    likely = get_global("likely_subtags").get(locale.language, "")
    return likely.rsplit("_", 1)[-1] if likely.count("_") >= 1 else ""


def home_currency(candidates: list, territory: str) -> None:
    """A shared sign read as its first currency means the page's country's own (in place)."""
    if not territory:
        return
    currencies = get_territory_currencies(territory)
    if not currencies:
        return
    home = currencies[0]
    for candidate in candidates:
        shared = _SHARED.get(candidate.unit)
        if shared and home in shared[0] and not shared[1].search(candidate.sentence):
            candidate.unit = home
