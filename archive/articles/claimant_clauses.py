"""The paper's own account, no one's claim: pure; used by `claims`.

- relative clauses describing who a sentence says speaks ("…, said Ann Lee, 44, who lost two
  cows", "Acme, which runs 300 vans, said …");
- the paper citing its own information ("selon nos informations", "according to our
  information", "secondo le nostre informazioni", "nach unseren Informationen"): the
  sentence is sourced, to no one, and takes no other sentence's claimant.
"""

from __future__ import annotations

import re

# A name (its last word capitalised), an age between commas, then the relative pronoun of
# English, French or Italian (German "der", "die", "das" are articles too, as Portuguese
# "das", Spanish "que" a conjunction)
_RELATIVE_RE = re.compile(
    r"(?<=[A-ZÀ-ÖØ-ÞĀ-Ž])[\w’'-]*(?:,\s+\d{1,3})?,\s+"
    r"(?P<clause>(?:who|which|qui|che)\s[^,;:.!?–—]+)"
)


def relative_clauses(sentence: str, speaker: str, speaker_said) -> list[tuple[int, int]]:
    """The spans of the relative clauses in ``sentence`` right after its ``speaker`` as
    printed that name no speaker of their own (``speaker_said(clause)`` false: "…, who said
    40 died" is the speaker's claim)."""
    last = speaker.split()[-1] if speaker.split() else ""
    spans = []
    for m in _RELATIVE_RE.finditer(sentence):
        name_end = m.start() + len(re.match(r"[\w’'-]*", sentence[m.start() :]).group())
        if not last or not sentence[:name_end].endswith(last):
            continue  # a clause on what is said ("plans for a stand, which would ...")
        if not speaker_said(m["clause"]):
            spans.append((m.start("clause"), m.end("clause")))
    return spans


_OWN_INFORMATION_RE = re.compile(
    r"(?i:\b(?:selon|d['’]après)\s+nos\s+(?:informations|sources)|"
    r"according\s+to\s+our\s+(?:information|sources|reporting)|"
    r"secondo\s+(?:le\s+)?nostre\s+(?:informazioni|fonti)|"
    r"nach\s+unseren\s+(?:Informationen|Recherchen)|"
    r"según\s+(?:nuestras\s+)?(?:informaciones|fuentes)\s+de\s+este\s+(?:diario|periódico)|"
    r"según\s+ha\s+podido\s+saber\s+este\s+(?:diario|periódico))"
)


def papers_own_information(sentence: str) -> bool:
    """Does the sentence cite the paper's own information ("selon nos informations")?"""
    return bool(_OWN_INFORMATION_RE.search(sentence))
