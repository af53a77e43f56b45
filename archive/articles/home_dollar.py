"""The dollar a "$" means in a Canadian paper's story: pure; used by `source`.

A paper prints its own country's dollar as a bare "$" and names another ("US$", "U.S.
dollars"). `read_figures` reads a bare "$" as the US dollar; a story set in Canada (it names
a province, in full or as papers abbreviate it after a town: "Yarmouth, N.S.") means the
Canadian dollar by it, unless the sentence names the US dollar.
"""

from __future__ import annotations

import re

_PROVINCE_RE = re.compile(
    r"\b(?:Ontario|Quebec|Québec|Nova Scotia|New Brunswick|Manitoba|Saskatchewan|Alberta|"
    r"British Columbia|Prince Edward Island|Newfoundland)\b|"
    r",\s(?:Ont|Que|N\.S|N\.B|Man|Sask|Alta|B\.C|P\.E\.I|N\.L)\.(?!\w)"
)
_CANADA_RE = re.compile(r"\bCanad(?:a|ian|ians)\b")
_US_DOLLAR_RE = re.compile(r"\bUS\s?\$|\bU\.S\.\s?\$|\b(?:US|U\.S\.|American) dollars?\b|\bUSD\b")


def in_canada(paragraphs: list[str]) -> bool:
    """Is the story set in Canada: it names a province and Canada (or a Canadian body)?"""
    text = "\n".join(paragraphs)
    return bool(_PROVINCE_RE.search(text) and _CANADA_RE.search(text))


def canadian_dollars(candidates: list, paragraphs: list[str]) -> None:
    """A bare "$" read as USD in a story set in Canada is the Canadian dollar (in place)."""
    if not in_canada(paragraphs):
        return
    for candidate in candidates:
        if candidate.unit == "USD" and not _US_DOLLAR_RE.search(candidate.sentence):
            candidate.unit = "CAD"
