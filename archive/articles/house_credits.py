"""The publication's own credits: its desk's initials, its masthead, its name before a source.

`own_house_credit` names the publication for its own desk's credits ("LP/Name", "ST PHOTO:
NAME"); `masthead_credit` gives the page's own name as its masthead prints it;
`own_house_first` reads a "House/Source" credit whose first part is the publication.
"""

from __future__ import annotations

from archive.articles.credit_lines import _unwrap
from archive.articles.credit_names import (
    _ARTICLES,
    _SMALL_WORDS,
    _known,
    _looks_like_person,
)
from archive.text import credit_key


def own_house_credit(line: str, credit: str, creator: str, publication: str) -> tuple[str, str]:
    """The credit and creator of a picture by the publication's own desk: its initials printed
    before the photographer's name ("LP/Name", "ST PHOTO: NAME", "(TOI photo by Name)"), or its
    name read as the photographer's ("Kyiv Post / Name"), name the publication. Others are
    returned as they are (a broadcaster's "Name - RTS" keeps the initials it goes by)."""
    words = publication.split()
    if not words or not credit or not creator:
        return credit, creator
    names = {
        credit_key(publication),
        credit_key(" ".join(w for w in words if w.lower() not in _SMALL_WORDS)),
    }
    initials = {
        "".join(w[0] for w in words),
        "".join(w[0] for w in words if w.lower() not in _SMALL_WORDS),
    }
    initials = {i.upper() for i in initials if len(i) >= 2}
    desk = _unwrap(line)[0].startswith(credit)
    if desk and credit.isupper() and credit.replace(".", "") in initials:
        return publication, creator
    if credit_key(creator) in names and _looks_like_person(credit):
        return publication, credit
    return credit, creator


def masthead_credit(credit: str, masthead: str) -> str:
    """The page's own name as its masthead prints it ("The Asahi Shimbun"), when ``credit``
    names the same house without its article ("Asahi Shimbun"); else ``credit``."""

    def bare(name: str) -> str:
        words = name.split()
        if words and words[0] in _ARTICLES:
            words = words[1:]
        return " ".join(words).casefold()

    if credit and masthead and credit != masthead and bare(credit) == bare(masthead):
        return masthead
    return credit


def own_house_first(line: str, publication: str) -> tuple[str, str] | None:
    """(credit, source) of a "House/Source" credit whose first part is the publication's own
    name ("(Harbour News/OpenStreetMap)": a map the paper drew from another's data); None
    for any other line."""
    parts = [p.strip() for p in _unwrap(line)[0].split("/")]
    if len(parts) != 2 or not publication or not all(parts):
        return None
    if credit_key(parts[0]) != credit_key(publication) or _looks_like_person(parts[1]):
        return None
    return publication, _known(parts[1]) or parts[1]
