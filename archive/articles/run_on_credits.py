"""Credit names printed without a separator between their parts: a photographer's name run on
into the house's ("Photo: Name Le Soleil", "Name Archives Le Soleil", as French-language
papers print them), and a photographer's name followed by the picture's place and date in
brackets ("Bild: Name (Baden, 3. März 2026)", CH Media). Pure; used by `credit_lines`.
"""

from __future__ import annotations

import re

from archive.articles.credit_names import _looks_like_person

# An organisation's name that opens with an article ("Le Soleil", "La Presse canadienne",
# "The Times", "El Norte"); "Archives"/"Archive" before it is a file label.
_ARTICLES = frozenset("le la les the el los las der die das il het".split())
_FILE_LABELS = frozenset(("archives", "archive", "archiv", "archivo", "archivio"))
_WORD_RE = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’-]*$")

# "(Baden, 3. März 2026)", "(Genève, 4 mars 2026)", "(Lugano, 2026)": a place, a comma and a
# date ending in a year, in brackets after the photographer's name.
_PLACE_AND_DATE_RE = re.compile(r"\s*\((?P<place>[^(),\d][^(),]*),\s*[^()]*\b(?:19|20)\d\d\)$")


def run_on_house(text: str) -> tuple[str, str] | None:
    """(photographer, house) of a name run on into a house's name that opens with an article
    ("Anne Roy Le Soleil", "Anne Roy Archives Le Soleil"), or None."""
    words = text.split()
    if len(words) < 4 or not all(_WORD_RE.match(w) for w in words[:2]):
        return None
    who, rest = " ".join(words[:2]), words[2:]
    if rest[0].lower() in _FILE_LABELS:
        rest = rest[1:]
    if len(rest) < 2 or rest[0].lower() not in _ARTICLES or not rest[1][:1].isupper():
        return None
    if any(w.lower() in _ARTICLES for w in words[:2]) or not _looks_like_person(who):
        return None
    return who, " ".join(rest)


def without_place_and_date(text: str) -> str:
    """A photographer's name without the place and date CH Media prints after it in brackets."""
    m = _PLACE_AND_DATE_RE.search(text)
    if not m or not m.start() or not _looks_like_person(text[: m.start()].strip()):
        return text
    return text[: m.start()].strip()
