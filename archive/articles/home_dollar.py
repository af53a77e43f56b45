"""The dollar a "$" means in a Canadian or Australian paper's story: pure; used by `source`.

A paper prints its own country's dollar as a bare "$" and names another ("US$", "U.S.
dollars"). `read_figures` reads a bare "$" as the US dollar; a story set in Canada or
Australia (it names a province or state, in full or as papers abbreviate it, and the country)
means that country's dollar by it, unless the sentence names the US dollar.
"""

from __future__ import annotations

import re

# The country's dollar, its regions ("Yarmouth, N.S.", "Bendigo, Vic"), the country named, and
# the dollar marked as that country's ("A$1.1bn"): a paper marking it means the US dollar by "$"
_HOME_DOLLARS = (
    (
        "CAD",
        re.compile(
            r"\b(?:Ontario|Quebec|Québec|Nova Scotia|New Brunswick|Manitoba|Saskatchewan|"
            r"Alberta|British Columbia|Prince Edward Island|Newfoundland)\b|"
            r",\s(?:Ont|Que|N\.S|N\.B|Man|Sask|Alta|B\.C|P\.E\.I|N\.L)\.(?!\w)"
        ),
        re.compile(r"\bCanad(?:a|ian|ians)\b"),
        re.compile(r"\bC\$|\bCA\$|\bCAD\b|\bCanadian dollars?\b"),
    ),
    (
        "AUD",
        re.compile(
            r"\b(?:New South Wales|Victoria|Queensland|South Australia|Western Australia|"
            r"Tasmania|Northern Territory|Australian Capital Territory|NSW|Qld)\b|"
            r",\s(?:Vic|Tas|SA|WA|NT|ACT)\b"
        ),
        re.compile(r"\bAustralia(?:n|ns)?\b"),
        re.compile(r"\bA\$|\bAU\$|\bAUD\b|\bAustralian dollars?\b"),
    ),
)
_US_DOLLAR_RE = re.compile(r"\bUS\s?\$|\bU\.S\.\s?\$|\b(?:US|U\.S\.|American) dollars?\b|\bUSD\b")


def home_dollar(paragraphs: list[str]) -> str:
    """The dollar of the country a story is set in: it names one of its regions and the
    country (or a body of it), and never marks that country's dollar; else ""."""
    text = "\n".join(paragraphs)
    for code, regions, country, marked in _HOME_DOLLARS:
        if regions.search(text) and country.search(text) and not marked.search(text):
            return code
    return ""


def home_dollars(candidates: list, paragraphs: list[str]) -> None:
    """A bare "$" read as USD in a story set in Canada or Australia is that country's dollar
    (in place)."""
    code = home_dollar(paragraphs)
    if not code:
        return
    for candidate in candidates:
        if candidate.unit == "USD" and not _US_DOLLAR_RE.search(candidate.sentence):
            candidate.unit = code
