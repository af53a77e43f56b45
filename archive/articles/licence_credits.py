"""A Creative Commons licence printed as a picture's credit (netzpolitik.org's and many
blogs' convention, the licence linked in the caption): "CC-BY-SA 2.0", "CC BY 4.0",
"CC0 1.0", "(CC BY-NC-ND 3.0)".

- A licence alone is the credit line and the credit, as printed (no house to name).
- A licence beside a name ("CC-BY-NC 2.0 Name Surname", "Jan Berg, CC BY-SA 3.0",
  "Jan Berg (CC BY 4.0)"): the name is credited and is the creator when it reads as a
  person's (else the rest is read as any credit line); the licence stays in the printed line.
- A caption closed by a licence alone ("... klicken. CC-BY-SA 2.0"): the licence is its
  credit line.
"""

from __future__ import annotations

import re

from archive.articles.credit_lines import CreditParts, read_credit_line

_LICENCE = (
    r"(?:CC[-\s]?0|CC[-\s]BY(?:[-\s](?:SA|NC|ND)){0,3}|CC[-\s](?:SA|NC|ND)(?:[-\s](?:SA|NC|ND))*)"
    r"(?:[-\s]\d\.\d)?(?:[-\s](?:DE|AT|CH|US|UK|FR|IT|ES|NL|Unported|International))?"
)
LICENCE_RE = re.compile(rf"^{_LICENCE}$", re.IGNORECASE)
_LICENCE_IN_RE = re.compile(rf"(?<![\w-]){_LICENCE}(?![\w-])", re.IGNORECASE)
_CAPTION_LICENCE_RE = re.compile(rf"(?<=[.!?)\]])\s*(?P<line>{_LICENCE})\s*$")
_NAME_WORD_RE = re.compile(r"^[A-ZÀ-Þ][\w'’.-]+$")


def _is_person(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 4 and all(_NAME_WORD_RE.match(w) for w in words)


def read_licence_credit(text: str) -> CreditParts | None:
    """The parts of a credit (label and brackets already taken off) that is or holds a
    Creative Commons licence; None when it names none."""
    text = text.strip()
    if LICENCE_RE.match(text):
        return CreditParts(text, "", "", text)
    m = _LICENCE_IN_RE.search(text)
    if m is None:
        return None
    name = (text[: m.start()] + " " + text[m.end() :]).strip()
    name = re.sub(r"\(\s*\)|\[\s*\]", "", name)
    name = re.sub(r"\s+", " ", name).strip(" ,;|/-–()")
    if not name or not any(c.isalpha() for c in name) or len(name.split()) > 6:
        return None
    if _is_person(name):
        return CreditParts(name, "", name, name)
    return read_credit_line(name)  # "Flickr/Name", "Name/Agency": read as any credit


def licence_caption(text: str) -> tuple[str, str] | None:
    """(caption, credit line) of a caption closed by a licence alone, else None."""
    m = _CAPTION_LICENCE_RE.search(text)
    if m is None or not text[: m.start("line")].strip():
        return None
    return text[: m.start("line")].rstrip(), m["line"]
