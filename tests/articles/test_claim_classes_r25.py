"""Claim classes of round 25c (holdout26 tuned on, real/ and real2/ leftovers; issue 14), each
on sentences written here: other words, places, numbers and names than the pages'.

- a rank or title printed abbreviated ("said Gen. Name", "Dr. Name said") and dotted initials
  ("according to U.K. Border Force") end no claimant's name;
- a dateline without an agency ("TARTU, Estonia — ") opening a paragraph is no claimant.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from archive.articles import extract_claim_candidates


def _claims(*paragraphs: str) -> list[tuple[Decimal | None, str]]:
    return [(c.figure, c.claimant) for c in extract_claim_candidates(list(paragraphs))]


# --- Abbreviation stops inside a claimant's name -------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "figure", "claimant"),
    [
        (
            "The new hangar will hold 14 helicopters, said Maj. Lena Okafor, who leads the "
            "aviation brigade.",
            Decimal(14),
            "Lena Okafor",
        ),
        (
            "Repairs will need about 80 welders, said Capt. Tomas Reyes.",
            Decimal(80),
            "Tomas Reyes",
        ),
        (
            "Some 62 patients were treated overnight, said Dr. Ingrid Halvorsen.",
            Decimal(62),
            "Ingrid Halvorsen",
        ),
        (
            "Crossings fell to 1,900 last month, according to U.K. Border Force.",
            Decimal(1900),
            "U.K. Border Force",
        ),
        (
            "The fleet carries roughly 5,500 sailors, according to U.S. Naval Forces Africa.",
            Decimal(5500),
            "U.S. Naval Forces Africa",
        ),
    ],
)
def test_abbreviation_stops_end_no_claimant(paragraph, figure, claimant):
    assert (figure, claimant) in _claims(paragraph)


def test_sentence_closing_initials_stay_a_sentence_end():
    found = _claims(
        "Exports rose 12 percent, the ministry said of trade with the U.S.",
        "Imports fell 3 percent, officials said.",
    )
    assert (Decimal(12), "ministry") in found
    assert (Decimal(3), "officials") in found


# --- A dateline is no claimant ----------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "TARTU, Estonia — The university will open 3 new laboratories next year, officials "
        "said Monday.",
        "GDANSK, Poland — The port will add 45 cranes by 2028, officials said on Tuesday.",
    ],
)
def test_dateline_without_agency_is_no_claimant(paragraph):
    found = _claims(paragraph)
    assert found and all(claimant == "officials" for _, claimant in found)
