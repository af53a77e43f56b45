"""A person named as a sentence's subject though no claimant: the one "he", "sier han" and a
bare "ha detto" mean next. Pure; used by `claimants`.

- in apposition after a title, between commas ("The mayor of Lakeside, Ann Whitby, opened
  ...", "Il sindaco di Tremezzina, Name, ha chiesto ...", "Ordføreren i Toten, Name, gleder
  seg ...");
- after a title of lower-case words opening the sentence, the verb right after the name
  ("Opposition councillor Name criticised ...", "Opoziční zastupitel Name nákup kritizuje").
"""

from __future__ import annotations

import re

from archive.articles.claimant_words import HONORIFICS, LEADING_ADVERBIALS, bare_word, is_org

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ"
_LOWER = "a-zß-öø-ÿā-žа-яёіїєґ"
_WORD = rf"[{_UPPER}][{_LOWER}’'-]+"
_PARTICLE = r"(?:di|de|da|del|della|van|von|der|den|le|la)"
_NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_WORD}){{1,3}}"

_APPOSED_RE = re.compile(rf"^(?P<title>[^,\d]{{3,80}}),\s+(?P<name>{_NAME}),\s+[{_LOWER}]")
_TITLED_RE = re.compile(
    rf"^(?P<first>[{_UPPER}][{_LOWER}-]+)\s+(?:[{_LOWER}][{_LOWER}-]+\s+){{1,2}}"
    rf"(?P<name>{_WORD}(?:\s+{_WORD}){{1,2}})\s+[{_LOWER}]"
)


def person_subject(sentence: str) -> str:
    """The person a sentence names as its subject in one of the forms above, else ""."""
    sentence = sentence.lstrip()
    m = _APPOSED_RE.match(sentence)
    if m and not re.search(rf"(?:^|\s)[{_LOWER}]", m["title"]):
        m = None  # "Paris, Lyon, ...": no title before the name
    if not m:
        m = _TITLED_RE.match(sentence)
        if m and bare_word(m["first"]) in LEADING_ADVERBIALS | {"the", "a", "an"}:
            m = None  # "In the end ...", "The company ..."
    if not m or is_org(m["name"]):
        return ""
    words = m["name"].split()
    if bare_word(words[0]) in HONORIFICS and len(words) > 2:
        words = words[1:]  # "Mr Tunde Bakare": the name without its honorific
    return " ".join(words)
