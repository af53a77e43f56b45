"""Bracketed credits closing a caption that name the page's own house, a family, or carry a
year (US metro dailies: "… on Thursday. (Name/Harbour Post)").

`caption_credits` never guesses a bracket that names no known agency and no "Name/
Organisation" pair. Three of them say whose picture it is all the same:

- the page's own name, alone or after its photographer: "(Harbour Post)" under the house's own
  video, "(Name/Harbour Post)";
- a year closing a credit: "(Name/Harbour Post 2019)", "(Harbour Post 2019)", the house's file
  picture of that year; the year is printed in the credit line but is no part of the credit;
- a family's own picture: "(Okafor family photo)", "(Courtesy of the Lindqvist family)", which
  credits the family ("Okafor family").

Each is read as the caption's credit line; `source.credits_in_brackets_like_the_rest` then
reads the page's other captions closed by a short bracketed name (a handout's "(County Sheriff's
Office)") as the house's convention. Pure; used by `source.parse_article`.
"""

from __future__ import annotations

import re

from archive.articles.caption_credits import _is_credit_in_brackets, bracketed_credit
from archive.articles.credit_lines import read_credit_line
from archive.articles.draft import KIND_VIDEO, DraftPlacement, norm

# "Name/House 2019": a year closing the credit, the file picture's
_YEAR_RE = re.compile(r"\s+(?:19|20)\d{2}$")
_NAME = r"[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)?"
# "Okafor family photo", "the Okafor family", "Courtesy of the Okafor family", "Photo
# courtesy of Okafor family": a family hands out its own picture.
_FAMILY_RE = re.compile(
    rf"^(?:(?P<courtesy>(?:(?i:photo|picture|image)\s+)?(?i:courtesy)(?:\s+of)?\s+)(?:the\s+)?"
    rf"(?P<given>{_NAME}\s+family)"
    rf"|(?:the\s+)?(?P<family>{_NAME}\s+family)\s+(?i:photo|picture|handout(?:\s+photo)?))$"
)


def _house(name: str, publication: str) -> bool:
    def bare(text: str) -> str:
        return re.sub(r"^the\s+", "", norm(text).casefold())

    return bool(publication) and bare(name) == bare(publication)


def house_bracket(inner: str, publication: str) -> tuple[str, str, str] | None:
    """(credit, source, creator) of a bracketed credit naming the house, a family or closed by
    a year (see the module's docstring), or None."""
    inner = norm(inner)
    m = _FAMILY_RE.match(inner)
    if m:
        return (m["given"] or m["family"]), "", ""
    text = _YEAR_RE.sub("", inner)
    pieces = [p.strip() for p in text.split("/")]
    if len(pieces) > 2 or not all(pieces):
        return None
    names_house = _house(pieces[-1], publication)
    if not names_house and (text == inner or not _is_credit_in_brackets(text)):
        return None
    parts = read_credit_line(text)
    if not parts.credit:
        return None
    return parts.credit, parts.source, parts.creator


def house_bracket_credits(placements: list[DraftPlacement], publication: str) -> None:
    """Read the bracket closing an uncredited caption as its credit line when it names the
    house, a family or closes with a year."""
    for p in placements:
        if p.credit_line or not p.caption:
            continue
        found = bracketed_credit(p.caption)
        if found is None or not found.credit_line.startswith("("):
            continue
        read = house_bracket(found.credit_line[1:-1], publication)
        if read is None:
            continue
        p.caption, p.credit_line = found.caption, found.credit_line
        p.credit, p.source, p.creator = read
        p.notes = [n for n in p.notes if "no credit" not in n]
        p.needs_review = p.needs_review and bool(p.notes)
        if p.kind == KIND_VIDEO and p.title:
            p.title = found.caption
