"""The currency a sign shared by several countries means on a page in a country's language:
pure; used by `source`.

Several countries print their money with one sign: "元" is the yuan, the Taiwan dollar and the
Hong Kong dollar; "Sh" the Kenyan, Tanzanian and Ugandan shilling; and with one word, as the
CLDR names them: "ريال" the Saudi, Qatari, Omani and Yemeni riyal, "دينار" seven dinars. `read_figures` reads the
first of each; a page whose language names a country (``<html lang="zh-Hant-TW">``, or
``lang="sw"``, whose likely country in the Unicode CLDR is Tanzania) means that country's own
currency by it, unless the sentence names the first one ("人民幣", "KSh"). A language without
a country is placed by the page's address when its country code is one where the CLDR says the
language is spoken (a Swahili page on ".co.ke" is Kenyan, on ".co.tz" Tanzanian); else by the
CLDR's likely country.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.numbers import get_territory_currencies

from archive.articles.cldr_currencies import shared_currencies

# The currency a shared sign is read as, the other currencies it can mean, and the words that
# name the first one outright.
_SHARED = {
    "CNY": ({"TWD", "HKD", "MOP"}, re.compile(r"人民幣|人民币|RMB|CNY")),
    "KES": ({"TZS", "UGX"}, re.compile(r"KSh|KES|Kenya")),
    # "रु.", "Rs": the rupee of Nepal, Pakistan or Sri Lanka on their pages, unless the sentence
    # names India's ("भारतीय", Nepali "भारु", "₹")
    "INR": ({"NPR", "PKR", "LKR"}, re.compile(r"भारतीय|भारु|₹|INR|Indian")),
}
_LANG_RE = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)")


def page_language(html: str) -> str:
    """The language a page says it is in (``<html lang="zh-Hant-TW">``), else ""."""
    m = _LANG_RE.search(html[:5000])
    return m.group(1) if m else ""


def _url_territory(url: str, language: str) -> str:
    """The country of an address's country-code domain ("nation.co.ke" -> "KE") when the CLDR
    has ``language`` spoken there (".tv" names no Swahili page's country), else ""."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    code = host.rsplit(".", 1)[-1].upper()
    if len(code) != 2 or not code.isalpha():
        return ""
    code = {"UK": "GB"}.get(code, code)
    spoken = get_global("territory_languages").get(code, {})
    return code if any(tag.split("_")[0] == language for tag in spoken) else ""


def page_territory(language: str, url: str = "") -> str:
    """The country a page's language names ("zh-Hant-TW" -> "TW"), else its address's
    country where the language is spoken ("sw" on "mwananchi.co.tz" -> "TZ"), else the CLDR's
    likely country of the language ("sw" -> "TZ"); "" without a language."""
    if not language:
        return ""
    code = language.replace("-", "_")
    try:
        locale = Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return ""
    if locale.territory:
        return locale.territory
    from_url = _url_territory(url, locale.language) if url else ""
    if from_url:
        return from_url
    likely = get_global("likely_subtags").get(locale.language, "")
    return likely.rsplit("_", 1)[-1] if likely.count("_") >= 1 else ""


@cache
def _shared() -> dict[str, tuple[set[str], re.Pattern]]:
    """`_SHARED`, and the currency words the CLDR gives several countries ("ريال", "دينار",
    "shilingi"; `cldr_currencies.shared_currencies`), each with its full names and code."""
    shared = {code: (set(others), names) for code, (others, names) in _SHARED.items()}
    for code, (others, names) in shared_currencies().items():
        pattern = "|".join(re.escape(name) for name in (*names, code))
        if code in shared:
            shared[code][0].update(others)
            pattern = f"{shared[code][1].pattern}|{pattern}"
            shared[code] = (shared[code][0], re.compile(pattern, re.IGNORECASE))
        else:
            shared[code] = (set(others), re.compile(pattern, re.IGNORECASE))
    return shared


def home_currency(candidates: list, territory: str) -> None:
    """A shared sign or word read as its first currency means the page's country's own (in
    place)."""
    if not territory:
        return
    currencies = get_territory_currencies(territory)
    if not currencies:
        return
    home = currencies[0]
    for candidate in candidates:
        shared = _shared().get(candidate.unit)
        if shared and home in shared[0] and not shared[1].search(candidate.sentence):
            candidate.unit = home
