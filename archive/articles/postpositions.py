"""Attributions printed after their source: Finnish "X:n mukaan" (according to X), its
source in the genitive; Hungarian "X szerint", its source in the nominative. Patterns and
reading for `attribution.attribution`: pure.
"""

from __future__ import annotations

import re

# "Yhtiön mukaan", "Tilastokeskuksen tietojen mukaan", "ry:n mukaan": Finnish puts "according
# to" after its source, in the genitive.
FINNISH_ACCORDING_RE = re.compile(
    r"(?P<who>(?:[A-ZÄÖÅ][\w.-]*\s+){0,3}[^\W\d_][\w.-]*(?::n|n))\s+"
    r"(?:(?:tilastojen|tietojen|arvion|selvityksen|laskelmien|mittausten)\s+)?mukaan\b"
)
# The Finnish back-references as the English ones `claimants.Claimants.resolve` reads
# ("the company").
_FINNISH_BACK_REFERENCES = {
    "yhtiö": "the company", "yritys": "the company", "virasto": "the agency",
    "ministeriö": "the ministry", "järjestö": "the organisation", "liitto": "the association",
}  # fmt: skip


def finnish_source(who: str) -> str:
    """The source of "X:n mukaan" in the nominative: the genitive's ending taken off
    ("Yhtiön": the company, "Tilastokeskuksen": Tilastokeskus, "Leppäsen": Leppänen)."""
    words = who.split()
    last = words[-1]
    if last.endswith(":n"):
        last = last[:-2]
    elif last.endswith("ksen"):
        last = last[:-4] + "s"
    elif last.endswith("sen") and last[:1].isupper():
        last = last[:-3] + "nen"
    else:
        last = last[:-1]
    if len(words) == 1 and last.lower() in _FINNISH_BACK_REFERENCES:
        return _FINNISH_BACK_REFERENCES[last.lower()]
    return " ".join([*words[:-1], last])


# "A mentőszolgálat szerint", "Az MTI szerint": Hungarian puts "according to" after its source,
# in the nominative, with its article ("a", "az") before it.
HUNGARIAN_ACCORDING_RE = re.compile(
    r"(?<![\w-])(?P<article>[Aa]z?\s+)?(?P<who>(?:[A-ZÁÉÍÓÖŐÚÜŰ][\w.-]*\s+){0,3}[^\W\d_][\w.-]*)"
    r"\s+szerint(?!\w)"
)
