"""Claim classes of round 25c (holdout26 tuned on, real/ and real2/ leftovers; issue 14), each
on sentences written here: other words, places, numbers and names than the pages'.

- a rank or title printed abbreviated ("said Gen. Name", "Dr. Name said") and dotted initials
  ("according to U.K. Border Force") end no claimant's name;
- a dateline without an agency ("TARTU, Estonia — ") opening a paragraph is no claimant;
- a Korean title after the name ("이서연 교수는") gives the name, or the body before it;
- "the company" resolves to the company the same sentence names; a body named after the noun
  for its kind ("le groupe textile X", "la naviera Y") is the one "le groupe", "la direction"
  mean later; a Romance noun keeps its meaning with its adjective after it ("la empresa
  pública").
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


# --- "The company", "le groupe": the body meant -------------------------------------------


def test_the_company_is_the_one_the_sentence_names():
    found = _claims(
        "Floods cut roads near Sylhet and Moulvibazar.",
        "About 3 lakh subscribers of Eastern Gas Distribution Company Limited lost supply on "
        "Sunday, the company said.",
    )
    assert (Decimal(300000), "Eastern Gas Distribution Company Limited") in found


@pytest.mark.parametrize(
    ("paragraphs", "body"),
    [
        (
            (
                "L'atelier fermera en mars, a annoncé mardi le groupe textile Maison Verlac.",
                "Quelque 85 emplois sont concernés, selon la direction.",
                "Le groupe affirme que ses ventes ont reculé de 14 %.",
            ),
            "Maison Verlac",
        ),
        (
            (
                "La compañía naviera Mares del Sur retirará el ferry de la ruta, informó ayer.",
                "Unos 60 tripulantes serán recolocados, según la empresa.",
                "El grupo perdió 7 millones de euros el año pasado, según la compañía.",
            ),
            "Mares del Sur",
        ),
    ],
)
def test_a_body_named_after_its_kind_is_the_one_meant_later(paragraphs, body):
    found = [(f, c) for f, c in _claims(*paragraphs) if f is not None]
    assert found and all(claimant == body for _, claimant in found)


def test_romance_noun_with_its_adjective_after_it():
    found = _claims(
        "La sociedad Aguas del Tormes gestiona la red.",
        "El corte afecta a unos 4.000 hogares, según la empresa municipal.",
    )
    assert (Decimal(4000), "Aguas del Tormes") in found


# --- Korean: the name before its title ------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "figure", "claimant"),
    [
        (
            "서울대 환경연구소 이서연 교수는 “올여름 온열질환자는 약 3000명에 이를 것”이라고 "
            "말했다.",
            Decimal(3000),
            "이서연",
        ),
        (
            "국토연구원 대변인은 “전세 사기 피해자가 1만 명을 넘었다”고 밝혔다.",
            Decimal(10000),
            "국토연구원",
        ),
    ],
)
def test_korean_title_after_the_name(paragraph, figure, claimant):
    assert (figure, claimant) in _claims(paragraph)
