"""Bodies a sentence names after the noun that says what kind they are ("the cooperative group
Terres Unies", "la empresa pública Renfe", "die Reederei Nordlicht"): names of no word that
tells a body, read as one because of the noun before them, for "the group" or "la empresa" to
mean later. Pure; used by `claimants`.
"""

from __future__ import annotations

import re

from archive.articles.claimant_words import BUSINESS_WORDS, bare_word

# The article, the kind's noun with at most one lower-case word beside it (an adjective after
# it in the Romance languages, before it in English), then the capitalised name, its joining
# words kept.
_DESCRIBED_RE = re.compile(
    r"(?<!\w)(?i:the|le|la|l’|l'|el|il|lo|der|die|das|o|a)\s+"
    r"(?P<words>(?:[^\W\d_A-ZÀ-Ý][\w-]*\s+){1,2})"
    r"(?P<name>[A-ZÀ-Ý][\w’'&-]*(?:\s+(?:(?:de|du|des|del|di|da|do|of|and|y|et|e)\s+)?"
    r"[A-ZÀ-Ý][\w’'&-]*){0,4})"
)


def described_bodies(sentence: str) -> list[str]:
    """The names the sentence gives right after a noun for a business ("the group", "la
    empresa"), first first."""
    return [
        m["name"]
        for m in _DESCRIBED_RE.finditer(sentence)
        if any(bare_word(w) in BUSINESS_WORDS for w in m["words"].split())
    ]
