"""Credit line forms naming a file picture, a handout or a house's desk, asked by
`credit_forms.read_credit_form` before `credit_lines`' own rules.

- The archive's word printed as a part of the credit: "Archive photo / House", "File picture/
  Agency" (the part is a label, the house is credited), "NTB Arkiv", "Agency archive" (the word
  after an agency or a house's initials), Arabic "أرشيف «House»" (the house's archive, its
  name in quotes).
- "Supplied / Body" (Australian papers), "Body/Handout", "Body / Supplied": the picture was
  handed out, the body that gave it is the source.
- A house's desk with no name: "(Harbour Post Video)", "(Harbour Post Photo/File)": the house.
Pure.
"""

from __future__ import annotations

import re

from archive.agencies import canonical_credit
from archive.articles.credit_lines import CreditParts, _is_house, _unwrap
from archive.articles.credit_names import _known, _looks_like_person

# A part of a slashed credit saying the picture comes from the archive ("Archive photo").
_ARCHIVE_PART_RE = re.compile(
    r"^(?:archive|file|library|stock)\s+(?:photo(?:graph)?|picture|image|pic|footage)s?$",
    re.IGNORECASE,
)
# "NTB Arkiv", "Reuters archive", "AP Archive": the archive's word after the name.
_TRAILING_ARCHIVE_RE = re.compile(
    r"^(?P<name>\S.*?)\s+(?:arkiv|archive|archives|archiv|archivio|archivo|arquivo)$",
    re.IGNORECASE,
)
# Arabic "أرشيف «النهار»", "أرشيف \"Name\"": the archive of the house named after it.
_ARABIC_ARCHIVE_RE = re.compile(r"^(?:من\s+)?أرشيف\s+[\"“”«]?(?P<name>[^\"“”«»]+?)[\"“”»]?$")
_HANDED_OUT = frozenset(("supplied", "handout"))
# "Harbour Post Video", "Harbour Post Photo/File": the desk's kind, and a file marker.
_DESK_RE = re.compile(
    r"^(?P<house>[^\W\d_][\w&'’-]*(?:\s+[\w&'’-]+){0,3})\s+(?P<kind>Photo|Pic|Video)"
    r"(?:\s*/\s*(?:File|Archive))?$",
    re.IGNORECASE,
)
# The media's kind, or a button's verb, is no house's name ("(FOTO VIDEO)", "(Watch Video)").
_KIND_WORDS = frozenset(
    "photo photos foto fotos video videos pic pics image picture watch play see view".split()
)


def _archive_house(name: str) -> bool:
    """Is ``name`` an archive's owner: a known agency, or a house's initials in capitals?"""
    name = name.strip()
    return bool(_known(name)) or (name.isupper() and 2 <= len(name) <= 6 and " " not in name)


def read_archive_credit_form(line: str, read) -> CreditParts | None:
    """The parts of a credit line in one of the forms above, or None; ``read`` reads the
    rest of the line (`read_credit_line`)."""
    text, _label = _unwrap(line)
    parts = [p.strip() for p in re.split(r"\s+/\s+|/", text)]
    if len(parts) >= 2 and all(parts):
        kept = [p for p in parts if not _ARCHIVE_PART_RE.match(p)]
        if kept and len(kept) < len(parts):
            return read("/".join(kept))
        # ("Handout/Body", the word first, credits the body: `credit_lines`' own rule)
        handed = parts[-1] if parts[-1].lower() in _HANDED_OUT else ""
        if parts[0].lower() == "supplied":
            handed = parts[0]
        if len(parts) == 2 and handed:
            body = parts[1] if parts[0] is handed else parts[0]
            if not _looks_like_person(body) and not _known(body):
                return CreditParts(canonical_credit(handed.title()), body, "", handed)
    m = _TRAILING_ARCHIVE_RE.match(text)
    if m and _archive_house(m["name"]):
        return read(m["name"])
    m = _ARABIC_ARCHIVE_RE.match(text)
    if m and len(m["name"].split()) <= 4:
        name = m["name"].strip()
        return CreditParts(_known(name) or name, "", "", name)
    m = _DESK_RE.match(text)
    if m and m["kind"].lower() != "video" and _desk(m["house"]) and "/" in text:
        # "(House Photo/File)": the house's desk, its file (a video desk, "House Video", is
        # credited as printed: some houses name it so)
        return CreditParts(m["house"], "", "", m["house"])
    return None


def _desk(house: str) -> bool:
    """Is ``house``, printed before "Video" or "Photo/File", a house no rule knows? (Before
    a desk's word a name is a house's, never a photographer's.)"""
    house = house.strip()
    if _known(house) or house.lower() in _KIND_WORDS:
        return False
    return _is_house(house, file_photo=True)


def desk_without_name(inner: str) -> bool:
    """Does a bracketed group closing a caption name a house's desk and no one ("(Harbour
    Post Video)", "(Harbour Post Photo/File)")? Read as its credit."""
    inner = inner.strip()
    m = _DESK_RE.match(inner)
    # (a bare "(Name Photo)" is left to `credit_lines`, which tells a person from a house)
    return bool(m) and (m["kind"].lower() == "video" or "/" in inner) and _desk(m["house"])
