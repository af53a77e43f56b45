"""Recognise credit lines printed in captions: "(Image: GETTY)", "Photograph: Name/Agency".

`split_credit` separates a printed caption from its credit line and names the credit;
`parse_credit_text` reads a text that is a credit on its own. No Django here:
`archive.text.printed_credit_name` is built on this module for use outside the importer.
"""

from __future__ import annotations

import re

from archive.articles.draft import norm

# Agencies and sources that appear after a slash in "Name/Agency" credits.
_KNOWN_AGENCIES = {
    a.lower()
    for a in (
        "Getty Images",
        "Getty",
        "AFP",
        "AFP via Getty Images",
        "Shutterstock",
        "Alamy",
        "Alamy Stock Photo",
        "Alamy Live News",
        "PA",
        "PA Images",
        "PA Wire",
        "PA Media",
        "PA Archive",
        "AP",
        "EPA",
        "EPA-EFE",
        "Reuters",
        "Bloomberg",
        "NurPhoto",
        "SOPA Images",
        "LightRocket",
        "Anadolu Agency",
        "Anadolu",
        "Sipa",
        "Sipa USA",
        "Rex",
        "Rex Features",
        "iStock",
        "iStockphoto",
        "Corbis",
        "Xinhua",
        "TASS",
        "Sputnik",
        "WireImage",
        "FilmMagic",
        "Redux",
        "Zuma",
        "ZUMA Wire",
        "ZUMA Press",
        "The Guardian",
        "The Observer",
        "BBC",
        "Eyevine",
        "Camera Press",
        "Bridgeman Images",
        "Magnum Photos",
        "Polaris",
        "Abaca",
        "Avalon",
        "Handout",
        "Ukrinform",
        "UPI",
        "Bloomberg via Getty Images",
        "Contributor",
        "Universal Images Group",
        "Hulton Archive",
        "Keystone",
        "Planet Pix",
    )
}
_FILE_SUFFIXES = {"file", "file photo", "files", "handout photo", "pool", "pool photo"}


def _is_agency(name: str) -> bool:
    low = name.strip().lower()
    return low in _KNOWN_AGENCIES or "getty images" in low or " via " in low


def credit_name(raw: str) -> str:
    """The credit name within a printed credit.

    * No slash: the text itself ("GETTY", "Jane Doe").
    * "AGENCY/Name" (Reuters' "REUTERS/Gleb Garanich", "EPA-EFE/NAME"): the first part, when
      it is written in capitals and is more than initials ("A B/Agency" names a person).
    * Otherwise "Name/Agency" (the Guardian's "Photograph: Dan Kitwood/Getty Images"): the
      last part, i.e. the agency that distributes the picture ("Name/Sputnik/AFP/Getty Images"
      -> "Getty Images", "Name/AFP via Getty Images" -> "AFP via Getty Images").
    * Trailing "/File", "/Pool" and similar are ignored.
    """
    raw = norm(raw).strip(" .,;")
    if "/" not in raw:
        return raw
    parts = [p.strip() for p in raw.split("/") if p.strip()]
    parts = [p for p in parts if p.lower() not in _FILE_SUFFIXES] or parts
    if len(parts) == 1:
        return parts[0]
    first = parts[0]
    initials = all(len(word.rstrip(".")) <= 1 for word in first.split())
    if first.isupper() and len(first) >= 2 and not initials:
        return first
    return parts[-1]


_LABELS = (
    r"Images?|Pic(?:ture)?s?|Photo(?:graph)?s?|Credits?|Composite|Illustration|Source|"
    r"Footage|Video|Main image"
)
# "(Image: GETTY)", "(Pic: PA)", "(Photo: Jane Doe/Reuters)"
_PAREN_LABEL_RE = re.compile(
    rf"\s*(?P<line>\(\s*(?:{_LABELS})\s*:\s*(?P<name>[^()]+?)\s*\))\s*$", re.IGNORECASE
)
# "(AP Photo/Efrem Lukatsky)", "(AP Photo/Name, File)"
_AGENCY_PHOTO_RE = re.compile(
    r"\s*(?P<line>\(?\s*(?P<agency>[A-Z][A-Za-z&.]*(?:\s[A-Z][A-Za-z&.]*)?)\s+Photos?\s*/\s*"
    r"(?P<who>[^()/]+?(?:/[^()/]+?)*)\s*\)?)\s*$"
)
# "Image source, Getty Images" (BBC), optionally followed by "Image caption, ..."
_BBC_LEAD_RE = re.compile(
    r"^\s*(?P<line>Image source,\s*(?P<name>.+?))\s*(?:Image caption,\s*(?P<cap>.*))?$",
    re.IGNORECASE | re.DOTALL,
)
_BBC_TRAIL_RE = re.compile(
    r"^(?P<cap>.*?)\s*(?P<line>Image source,\s*(?P<name>[^,]+?))\s*$", re.DOTALL
)
# "Caption. Photograph: Name/Agency", "Image: Getty", "Credit: X" (label capitalised)
_BARE_LABEL_RE = re.compile(rf"(?:^|(?<=\s))(?P<line>(?:{_LABELS})\s*:\s*(?P<name>[^:()]+?))\s*$")
# "© Getty Images", "(c) 2022 Reuters", "Copyright Jane Doe"
_COPYRIGHT_RE = re.compile(
    r"(?:^|(?<=\s))(?P<line>\(?(?:©|\(c\)|Copyright)\s*(?P<name>[^©]+?)\)?)\s*$"
)
# "REUTERS/Gleb Garanich", "EPA-EFE/Name", "AFP/Name/File"
_AGENCY_SLASH_RE = re.compile(
    r"(?:^|(?<=\s))(?P<line>(?P<agency>[A-Z][A-Z&-]{1,}|Reuters)\s*/\s*"
    r"(?P<who>[A-Z][^/]*?(?:/[^/]+?)*))\s*$"
)
# "Chip Somodevilla/Getty Images", "Name/AFP via Getty Images"
_NAME_SLASH_RE = re.compile(
    r"(?:^|(?<=\s))(?P<line>(?P<who>(?:[A-Z]\.|[A-Z][\w'’-]*)(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]*|"
    r"de|van|von|der|da|la|le|al|bin|for))*)\s*/\s*(?P<agency>[A-Za-z][\w&'’. -]*?))\s*$"
)
_CAPTION_END_OK = frozenset(".!?;:)]”’\"'|–—-")


def _clean_caption_rest(rest: str) -> str:
    rest = rest.rstrip()
    while rest and rest[-1] in "|–—-" and (len(rest) < 2 or rest[-2] == " "):
        rest = rest[:-1].rstrip()
    return rest


def _clean_boundary(rest: str) -> bool:
    """Does the caption text before a bare credit end at a clean boundary?"""
    rest = rest.rstrip()
    return not rest or rest[-1] in _CAPTION_END_OK


def split_credit(caption: str) -> tuple[str, str, str]:
    """Split a printed caption into (caption without credit, credit line as printed, credit).

    Recognised conventions (the credit line is kept exactly as printed, brackets included):

    ==============================  =================================  ===================
    printed                         credit_line                        credit
    ==============================  =================================  ===================
    ``... (Image: GETTY)``          ``(Image: GETTY)``                 ``GETTY``
    ``... Image: Getty``            ``Image: Getty``                   ``Getty``
    ``... Photograph: A B/Agency``  ``Photograph: A B/Agency``         ``Agency``
    ``... Photo: X`` / ``Picture:`` ``Photo: X``                       ``X``
    ``... Credit: X``               ``Credit: X``                      ``X``
    ``... © X``                     ``© X``                            ``X`` (year dropped)
    ``... A B/Getty Images``        ``A B/Getty Images``               ``Getty Images``
    ``... REUTERS/A B``             ``REUTERS/A B``                    ``REUTERS``
    ``... (AP Photo/A B)``          ``(AP Photo/A B)``                 ``AP``
    ``Image source, X ...``         ``Image source, X``                ``X``
    ==============================  =================================  ===================

    For a "Name/Agency" credit the agency is the credit (the photographer stays in the credit
    line); see `credit_name`. A bare "Name/Agency" or "AGENCY/Name" is only recognised after a
    clean boundary (start, or punctuation ending the caption) and, for "Name/Agency", when the
    agency is a known one. Anything else is an unknown convention: the caption comes back whole
    with an empty credit line and credit — never a guess. Callers flag that for review.
    """
    text = norm(caption)
    if not text:
        return "", "", ""

    m = _PAREN_LABEL_RE.search(text)
    if m:
        return _clean_caption_rest(text[: m.start()]), m["line"], credit_name(m["name"])

    m = _BBC_LEAD_RE.match(text)
    if m:
        rest = (m["cap"] or "").strip()
        return rest, m["line"].strip(), credit_name(m["name"])
    m = _BBC_TRAIL_RE.match(text)
    if m:
        rest = re.sub(r"^Image caption,\s*", "", m["cap"].strip(), flags=re.IGNORECASE)
        return _clean_caption_rest(rest), m["line"], credit_name(m["name"])

    m = _AGENCY_PHOTO_RE.search(text)
    if m and (m["line"].startswith("(") == m["line"].endswith(")")):
        if m["line"].startswith("(") or _clean_boundary(text[: m.start("line")]):
            return _clean_caption_rest(text[: m.start()]), m["line"], m["agency"]

    m = _BARE_LABEL_RE.search(text)
    if m and len(m["name"].split()) <= 10 and m["name"][-1:] not in ".!?":
        return _clean_caption_rest(text[: m.start("line")]), m["line"], credit_name(m["name"])

    m = _COPYRIGHT_RE.search(text)
    if m and len(m["name"].split()) <= 10:
        name = re.sub(r"^(?:\d{4}(?:\s*[-–]\s*\d{4})?)[,\s]*", "", m["name"].strip())
        name = re.sub(r"[.,]?\s*All rights reserved\.?$", "", name, flags=re.IGNORECASE)
        name = re.sub(r"[,\s]+\d{4}(?:\s*[-–]\s*\d{4})?$", "", name)
        if name:
            return _clean_caption_rest(text[: m.start("line")]), m["line"], credit_name(name)

    m = _AGENCY_SLASH_RE.search(text)
    if m and len(m["who"].split()) <= 8 and _clean_boundary(text[: m.start("line")]):
        return _clean_caption_rest(text[: m.start("line")]), m["line"], m["agency"]

    m = _NAME_SLASH_RE.search(text)
    if m and _is_agency(m["agency"]) and len(m["who"].split()) <= 5:
        if _clean_boundary(text[: m.start("line")]):
            return _clean_caption_rest(text[: m.start("line")]), m["line"], credit_name(m["line"])

    return text, "", ""


def parse_credit_text(text: str) -> tuple[str, str]:
    """(credit_line, credit) for the text of an element that *is* a credit (its own span).

    The element's role says it is a credit, so a text in no known convention is taken whole
    as the credit name ("Getty Images").
    """
    line = norm(text)
    if not line:
        return "", ""
    rest, credit_line, credit = split_credit(line)
    if credit_line and not rest:
        return credit_line, credit
    return line, credit_name(line)
