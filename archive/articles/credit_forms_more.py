"""More credit line forms, asked by `credit_forms.read_credit_form` before its own.

- A label with no colon, in the newsroom's language, before the name credited ("фото УНІАН,
  Name", "Фото МУП Србије", "Foto ihsan APM", "Photo Radio Okapi/Ph. Name", "скріншот з
  відео УНІАН"): the label phrases are in `LABEL_PHRASES`, each with its language and what it
  says; a courtesy or file word in the phrase ("ihsan", "fail") names no one.
- An agency, a comma, its photographer ("УНІАН, Name"): the organisation is the credit.
- "House/Ph. Name": "Ph." (French "photographe") marks the photographer.
- One agency named twice, short name then full ("AP:Associated Press"): the agency.
- "Body/Handout via Agency": the agency distributes the body's handout; the body is the source.
- The handout label printed after the name ("Company / Divulgação", Portuguese): the name.
- A platform, then the page in brackets ("Facebook (City Hall)", Amharic "ከፌስቡክ (Page)",
  "from Facebook"): the platform, the page its source.
Pure.
"""

from __future__ import annotations

import re

from archive.agencies import agency_named
from archive.articles.credit_lines import CreditParts, _unwrap
from archive.articles.credit_names import _looks_like_person

# label phrase (lower case) -> (language, meaning); printed before the name with no colon
LABEL_PHRASES: dict[str, tuple[str, str]] = {
    "фото": ("Ukrainian, Russian, Serbian", "photo"),
    "фото ілюстративне,": ("Ukrainian", "illustrative photo"),
    "ілюстративне фото": ("Ukrainian", "illustrative photo"),
    "скріншот з відео": ("Ukrainian", "screenshot from the video"),
    "скриншот с видео": ("Russian", "screenshot from the video"),
    "скріншот": ("Ukrainian", "screenshot"),
    "скриншот": ("Russian", "screenshot"),
    "видео": ("Russian, Serbian", "video"),
    "відео": ("Ukrainian", "video"),
    "снимак екрана": ("Serbian", "screen capture"),
    "foto": ("Malay, Indonesian and others", "photo"),
    "foto ihsan": ("Malay", "photo courtesy of"),
    "foto fail": ("Malay", "file photo"),
    "foto tangkap layar": ("Malay", "screenshot photo"),
    "gambar tangkap layar": ("Malay", "screenshot picture"),
    "tangkap layar": ("Malay", "screenshot"),
    "video": ("Malay, Indonesian and others", "video"),
    "photo": ("French", "photo"),
    "vidéo": ("French", "video"),
}
_PHRASES = "|".join(re.escape(p) for p in sorted(LABEL_PHRASES, key=len, reverse=True))
# the label, then a name opening with a capital letter or an initialism ("фото УНІАН")
_LABEL_PHRASE_RE = re.compile(rf"^(?:{_PHRASES})\s+(?=[^\W\d_])(?P<rest>\S.*)$", re.IGNORECASE)
_AGENCY_COMMA_RE = re.compile(r"^(?P<org>[^,/]+?),\s+(?P<who>[^,/]+)$")
_PH_RE = re.compile(r"^(?P<org>[^/]+?)\s*/\s*Ph\.\s*(?P<who>\S.*)$")
_TWICE_RE = re.compile(r"^(?P<short>[^:/\s][^:/]*?):(?P<full>[^:/]+)$")
_HANDOUT_VIA_RE = re.compile(
    r"^(?P<giver>[^/]+?)\s*/\s*Handout\s+via\s+(?P<agency>\S.*)$", re.IGNORECASE
)
# Portuguese handout labels printed after the name ("Empresa / Divulgação")
_HANDOUT_AFTER_RE = re.compile(r"^(?P<who>.+?)\s*/\s*(?:Divulgação|Divulgacao)$", re.IGNORECASE)
# "Facebook (Page)"; Amharic "ከ" ("from") may open the platform's name
_PLATFORM_PAGE_RE = re.compile(r"^(?:ከ)?(?P<platform>[^()\s]+)\s*\((?P<page>[^()]+)\)$")


def _name_follows(rest: str) -> bool:
    """Does a name follow the label ("УНІАН", "Radio Okapi/Ph. Name"), not "by X", "from X",
    "taken from facebook.com/X" nor "N – Name" (Slovak papers' brand letter and a dash)?"""
    first = rest.split()[0]
    return (
        first[:1].isupper()
        and first.lower() not in _NOT_NAMES
        and not any(dash in rest for dash in (" – ", " — ", " - "))
    )


_NOT_NAMES = frozenset(("by", "from", "taken", "copied", "courtesy", "of", "de", "par", "por"))


def _initialism_or_agency(org: str) -> bool:
    org = org.strip()
    if agency_named(org):
        return True
    letters = [c for c in org if c.isalpha()]
    return " " not in org and len(letters) >= 2 and all(c.isupper() for c in letters)


def read_more_credit_form(line: str, read) -> CreditParts | None:
    """The parts of a credit line in one of the forms above, or None; ``read`` reads the
    rest of the line (`read_credit_line`)."""
    text = line.strip()
    m = _LABEL_PHRASE_RE.match(text)
    if m and _name_follows(m["rest"]):
        return read(m["rest"])
    m = _PH_RE.match(text)
    if m:
        parts = read(m["org"])
        return CreditParts(parts.credit, parts.source, m["who"].strip(), parts.printed)
    m = _AGENCY_COMMA_RE.match(text)
    if m and _initialism_or_agency(m["org"]) and _looks_like_person(m["who"].strip()):
        agency = agency_named(m["org"].strip())
        org = agency.name if agency else m["org"].strip()
        return CreditParts(org, "", m["who"].strip(), m["org"].strip())
    m = _TWICE_RE.match(_unwrap(text)[0].strip())
    if m:
        short, full = agency_named(m["short"].strip()), agency_named(m["full"].strip())
        if short is not None and short == full:
            return CreditParts(short.name, "", "", m["short"].strip())
    m = _HANDOUT_VIA_RE.match(text)
    if m:
        parts = read(m["agency"])
        return CreditParts(parts.credit, m["giver"].strip(), parts.creator, parts.printed)
    m = _HANDOUT_AFTER_RE.match(text)
    if m:
        return read(m["who"])
    m = _PLATFORM_PAGE_RE.match(_unwrap(text)[0].strip())
    if m:
        platform = agency_named(m["platform"])
        if platform is not None and platform.kind == "social":
            return CreditParts(platform.name, m["page"].strip(), "", m["platform"])
    return None
