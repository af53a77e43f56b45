"""The publication's own credits: its desk's initials, its masthead, its name before a source.

`own_house_credit` names the publication for its own desk's credits ("LP/Name", "ST PHOTO:
NAME"); `masthead_credit` gives the page's own name as its masthead prints it;
`own_house_first` reads a "House/Source" credit whose first part is the publication;
`own_desk_initials` names it for its initials ("HT Photo"); `site_named_in_title` reads its
name from the page's title.
"""

from __future__ import annotations

import re

from archive.agencies import agency_named
from archive.articles.credit_lines import _unwrap
from archive.articles.credit_names import (
    _ARTICLES,
    _SMALL_WORDS,
    _known,
    _looks_like_person,
)
from archive.articles.draft import norm
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


def site_named_in_title(title: str, logo_names: set[str]) -> str:
    """The site's name closing the page's <title> ("Headline | Section - Hindustan Times"),
    when the page's logo is named the same (its alt text, in ``logo_names``); else ""."""
    parts = [p.strip() for p in re.split(r"\s+[-–—|]\s+", title)]
    if len(parts) < 2 or not parts[-1]:
        return ""
    names = {name.strip().casefold() for name in logo_names}
    return parts[-1] if parts[-1].casefold() in names else ""


# "HT Photo", "(HT Photos)": the house's initials before "Photo", its picture desk's credit.
_DESK_INITIALS_RE = re.compile(r"(?<!\w)(?P<initials>[A-Z]{2,5})\s+(?i:photos?|pix)(?=[)\]]?$)")


def own_desk_initials(credit: str, credit_line: str, publication: str) -> str:
    """The publication, when the credit line ends in its initials and "Photo" ("(HT Photo)",
    "(Name/HT Photo)": the paper's own picture desk); else ``credit``. Initials alone are
    kept: a broadcaster's "RTS" is the name it goes by."""
    m = _DESK_INITIALS_RE.search(norm(credit_line).strip())
    words = [w for w in publication.split() if w.lower() not in _SMALL_WORDS]
    if not m or len(words) < 2 or agency_named(m["initials"]):
        return credit
    initials = "".join(w[0] for w in words).upper()
    return publication if m["initials"] == initials else credit


_MORE_FROM_RE = re.compile(r"^More from (?P<name>The(?:\s+[A-Z][\w’'&-]*){1,4})$")


def publication_named(lines: list[str]) -> str:
    """The paper a page names itself in its own furniture ("More from The Daily Gazette"),
    when the caller did not say; "" when it does not."""
    for line in lines:
        m = _MORE_FROM_RE.match(line)
        if m:
            return m["name"]
    return ""


def name_beside_house(credit: str, creator: str, publication: str) -> tuple[str, str]:
    """(credit, creator) of a credit printing the photographer and the publication side by
    side with no separator ("Jane Roe Harbour Times" on The Harbour Times' page): the
    publication, its photographer the name; others as they are."""
    if creator or not publication or not credit:
        return credit, creator
    for name in {publication, publication.removeprefix("The ")}:
        if len(name.split()) < 2 or not credit.casefold().endswith(" " + name.casefold()):
            continue
        who = credit[: -len(name)].strip()
        if _looks_like_person(who) and not _known(who):
            return publication, who
    return credit, creator
