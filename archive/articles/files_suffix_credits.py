"""A credit whose last word marks the picture as the credited house's file: "Name/Reuters
files", "Postmedia News files", "AFP file" (Canadian papers' convention, where others print
"File Photo"). The house is credited (its canonical name when it is a known agency), the name
before it the photographer; the line is kept as printed.
"""

from __future__ import annotations

import re

from archive.articles.credit_lines import CreditParts, read_credit_line

_FILES_RE = re.compile(r"^(?P<rest>.*\S)\s+(?:files?|FILES?|Files?)$")


def read_files_credit(text: str) -> CreditParts | None:
    """The parts of a credit closed by "files"/"file" after a house's name, else None."""
    m = _FILES_RE.match(text.strip())
    if m is None or len(m["rest"].split()) > 8:
        return None
    if m["rest"].split()[-1].lower() in ("photo", "picture", "image", "pic", "the"):
        return None  # "File photo" forms and sentences are read elsewhere
    parts = read_credit_line(m["rest"])
    if not parts.credit:
        return None
    return CreditParts(parts.credit, parts.source, parts.creator, parts.printed)
