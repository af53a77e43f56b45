"""Lithuanian credit lines, which name the photographer in the genitive and print the label
after the name ("Vardo Pavardės nuotr.", "photo by ..."; "Delfi TV kadras", a video's frame;
"Šaltinis: X", a graphic's source), read into credit, source, creator and the name as printed,
the names given in the nominative. Pure; used by `credit_lines.read_credit_line`.
"""

from __future__ import annotations

import re

from archive.articles.draft import norm

_TRAILING_LABEL_RE = re.compile(r"^(?P<name>.+?)\s+(?P<label>nuotr\.?|nuotrauka|kadras)$")
_SOURCE_LABEL_RE = re.compile(r"^Šaltinis\s*:\s*(?P<name>.+)$")
_QUOTED_RE = re.compile(r"^[„“\"'](?P<name>[^„“”\"']+)[“”\"']$")
_PERSON_RE = re.compile(r"^(?:[A-ZĄČĘĖĮŠŲŪŽ][a-ząčęėįšųūž]+\s){1,2}[A-ZĄČĘĖĮŠŲŪŽ][a-ząčęėįšųūž]+$")
# "R. Kuzmos": an initial and a surname in the genitive. Its nominative is not certain (the
# first name is not printed to tell the ending), so the name is kept as printed.
_INITIALLED_RE = re.compile(r"^(?:[A-ZĄČĘĖĮŠŲŪŽ]\.\s?){1,2}[A-ZĄČĘĖĮŠŲŪŽ][a-ząčęėįšųūž-]+$")
_CAP = r"[A-ZĄČĘĖĮŠŲŪŽ]"
_NAME_PART = rf"(?:„[^„“”]+“|(?:{_CAP}\.\s?){{1,2}}{_CAP}[\w-]+|{_CAP}[\w-]+(?:\s{_CAP}[\w-]+)?)"
_INITIALS_ONLY_RE = re.compile(rf"^\s*(?:{_CAP}\.\s?)+$")
# "A caption Ž. Name / BNS nuotr.", "... ELTA nuotr.", "... Bendrovės nuotr.": the credit
# printed after the caption with no mark between (Lithuanian papers put it in a <small>).
_CLOSING_CREDIT_RE = re.compile(rf"\s(?P<line>{_NAME_PART}(?:\s*/\s*{_NAME_PART})?\s+nuotr\.)$")

# Genitive endings of Lithuanian names and nouns, longest first, and their nominative.
_GENITIVE_ENDINGS = (
    ("čio", "tis"),
    ("džio", "dis"),
    ("io", "is"),
    ("ės", "ė"),
    ("os", "a"),
    ("aus", "us"),
    ("o", "as"),
)


def nominative(word: str) -> str:
    """The nominative of a Lithuanian name or noun printed in the genitive ("Jono" → "Jonas")."""
    for genitive, ending in _GENITIVE_ENDINGS:
        if word.endswith(genitive) and len(word) > len(genitive) + 1:
            return word[: -len(genitive)] + ending
    return word


def _body(name: str) -> tuple[str, str] | None:
    """(nominative, printed) of a body named in quotes ("„Vilniaus vandenų“" keeps the first
    word, a genitive of the name itself, and gives the last in the nominative)."""
    m = _QUOTED_RE.match(name)
    if not m:
        return None
    words = m["name"].split()
    return " ".join([*words[:-1], nominative(words[-1])]), m["name"]


def read_lithuanian_credit(line: str) -> tuple[str, str, str, str] | None:
    """(credit, source, creator, printed) of a Lithuanian credit line, or None for another."""
    text = norm(line).strip()
    m = _SOURCE_LABEL_RE.match(text)
    if m:
        body = _body(m["name"].strip())
        return (body[0], "", "", body[1]) if body else (m["name"], "", "", m["name"])
    m = _TRAILING_LABEL_RE.match(text)
    if not m:
        return None
    parts = [p.strip() for p in m["name"].split("/") if p.strip()]
    people = [p for p in parts if _PERSON_RE.match(p) or _INITIALLED_RE.match(p)]
    houses = [p for p in parts if p not in people]
    creator = ""
    if people and _INITIALLED_RE.match(people[0]):
        creator = people[0]
    elif people:
        creator = " ".join(nominative(w) for w in people[0].split())
    if not houses:
        return (creator, "", creator, people[0]) if creator else None
    body = _body(houses[0])
    if body:
        return body[0], "", creator, body[1]
    return houses[0], "", creator, houses[0]


def closing_lithuanian_credit(text: str) -> tuple[str, str] | None:
    """(caption, credit line) of a caption closed by a Lithuanian credit ("... savivaldybėje
    ELTA nuotr."), or None. "nuotr." ("photo") is printed only in credits."""
    m = _CLOSING_CREDIT_RE.search(text)
    if not m or not text[: m.start()].strip() or _INITIALS_ONLY_RE.match(text[: m.start()]):
        return None  # (a credit alone, "R. Name / LRT nuotr.", is no caption's)
    return text[: m.start()].strip(), m["line"]
