"""Credit line forms of real newsrooms that `credit_forms.read_credit_form` asks about.

- A house and its photographer in brackets, Austrian and German style: "© House (Name)",
  "© AGENCY (NAME)": the house is credited, the name in brackets is the creator.
- A US network's local station: "NBC Dallas affiliate KXAS", "an ABC affiliate WFAA": the
  station's call letters are credited; the words before describe it.
- A Korean staff photographer with the dateline's place glued before the name and the
  address after it: "Place=Name 기자 name@paper.com": the photographer is credit and creator.
- A Korean handout with "provided" as its label: "영상 제공: Body" credits the body.
- The French regional-press pool: "PHOTOPQR/PAPER/AGENCY": "PHOTOPQR" names no one, the
  agency distributes the paper's picture (credit the agency, source the paper).
Pure.
"""

from __future__ import annotations

import re

from archive.articles.credit_lines import CreditParts, _unwrap
from archive.articles.credit_names import _known, _looks_like_person
from archive.articles.draft import norm

_HOUSE_PERSON_RE = re.compile(r"^(?P<house>[^()/,]{2,40}?)\s*\((?P<who>[^()/,]{3,60})\)$")
_AFFILIATE_RE = re.compile(
    r"^(?:an?\s+)?(?:[A-Z][\w.&-]*\s+){1,4}affiliate\s+(?P<call>[KWC][A-Z]{2,3}(?:-(?:TV|DT|FM))?)$"
)
_KOREAN_PLACED_RE = re.compile(
    r"^[가-힣]{1,8}\s*=\s*(?P<who>[가-힣]{2,4})\s+(?:기자|특파원)(?:\s+[\w.+-]+@[\w.-]+)?$"
)
# Korean "영상 제공: Body", "사진 제공: Body": "provided by" printed as the label before the body.
_KOREAN_GIVEN_LABEL_RE = re.compile(
    r"^(?:(?:사진|영상|자료)\s*)?제공\s*[:：]\s*(?P<org>\S.{0,40})$"
)
_POOL_RE = re.compile(r"^PHOTOPQR\s*/\s*(?P<paper>[^/]+?)\s*/\s*(?P<agency>[^/]+)$", re.I)


def _person(name: str) -> bool:
    return _looks_like_person(name.title() if name.isupper() else name)


def read_house_person_form(line: str, read) -> CreditParts | None:
    """The parts of a credit line in one of the forms above, or None."""
    text, _label = _unwrap(line)
    text = text.strip()
    m = _POOL_RE.match(text)
    if m:
        agency = m["agency"]
        return CreditParts(_known(agency) or agency, m["paper"], "", agency)
    m = _KOREAN_GIVEN_LABEL_RE.match(norm(line).strip())
    if m:
        org = m["org"].strip()
        return CreditParts(_known(org) or org, "", "", org)
    m = _KOREAN_PLACED_RE.match(text)
    if m:
        return CreditParts(m["who"], "", m["who"], m["who"])
    m = _AFFILIATE_RE.match(text)
    if m:
        return CreditParts(m["call"], "", "", m["call"])
    m = _HOUSE_PERSON_RE.match(text)
    if m and _person(m["who"].strip()) and not _person(m["house"].strip()):
        house = read(m["house"].strip())
        if house.credit and not house.creator:
            return CreditParts(house.credit, house.source, m["who"].strip(), house.printed)
    return None
