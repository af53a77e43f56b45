""" "The company's photo": a credit naming no one but the company the article is about.

Lithuanian papers print "Bendrovės nuotr." or "Įmonės nuotr." ("the company's photo") under a
picture the company handed out; the article names the company ("bendrovė „Name“"), and the
picture is credited to it, as a handout is. Pure; used by `source.import_article`.
"""

from __future__ import annotations

import re

# "Bendrovės", "Įmonės" (genitive, as the credit prints it) and their nominatives.
_COMPANY_WORDS = frozenset(("bendrovės", "bendrovė", "įmonės", "įmonė"))
# "bendrovė „Name“", "bendrovės „Name“": the company named in quotes after the word.
_NAMED_RE = re.compile(r"\b(?:[Bb]endrov|[Įį]mon)(?:ė|ės|ei|ę)\s+„(?P<name>[^„“”]{2,60})[“”]")


def company_named(texts: list[str]) -> str:
    """The first company the texts name in quotes after "bendrovė"/"įmonė", or ""."""
    for text in texts:
        m = _NAMED_RE.search(text)
        if m:
            return m["name"].strip()
    return ""


def company_photo_credit(credit: str, texts: list[str]) -> str:
    """The company the article names, for a credit that is only "the company"; else
    ``credit``."""
    if credit.casefold() not in _COMPANY_WORDS:
        return credit
    return company_named(texts) or credit
