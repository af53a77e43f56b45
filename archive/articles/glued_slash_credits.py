"""A slashed credit glued to the end of a caption with no punctuation between them, as a
Spanish broadcaster's text copy prints it: "… en Alzira este jueves EFE/ Name", "… de Algemesí
UME/Europa Press", "… en la red social X @handle/X", "… de 2019 EFE/Archivo". The part before
the slash is one word: an agency or body in capitals, or an account's handle; the part after
it one to three capitalised words; the word before is no word in capitals (a name's first,
"NAME SURNAME/House"), nor is a bar or dash printed before. Pure; used by `glued_credits.glued_credit`.
"""

from __future__ import annotations

import re

from archive.articles.credit_names import _known

_GLUED_SLASH_RE = re.compile(
    r"(?<=[^\W\d_]|\d)\s+(?P<line>(?P<first>@\w{2,30}|(?-i:[A-Z][A-Z0-9&.-]{1,12}))\s*/\s*"
    r"(?P<rest>(?-i:[A-Z@])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,2}))$"
)


def glued_slash_credit(text: str) -> tuple[str, str] | None:
    """(caption, credit line) of a caption closed by a glued slashed credit, or None."""
    text = text.rstrip()
    m = _GLUED_SLASH_RE.search(text)
    if not m or text[-1:] in ".!?:;,":
        return None
    caption = text[: m.start("line")].rstrip()
    if len(caption.split()) < 4 or not caption[:1].isupper():
        return None
    first = m["first"]
    if not (first.startswith("@") or _known(first) or first.isupper()):
        return None
    before = caption.split()[-1]
    if any(mark in caption for mark in ("|", "—", " – ")) or (
        before.isupper() and not first.startswith("@")
    ):
        return None  # "… | NAME SURNAME/House": a name in capitals, its first word kept apart
    return caption, m["line"]
