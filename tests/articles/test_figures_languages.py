"""Figures in shares, scales and currencies of languages and styles the parser was not tuned on."""

from __future__ import annotations

from decimal import Decimal

import pytest

from archive.articles.figures import read_figures


def _values(sentence: str) -> list[tuple[Decimal, str]]:
    return [(f.value, f.unit) for f in read_figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Now three in five riders pay by phone.", Decimal("0.6")),
        ("About 7 in 10 stations have lifts.", Decimal("0.7")),
        ("Dwóch na pięciu najemców płaci w terminie.", Decimal("0.4")),
    ],
)
def test_ratios_with_any_numerator(sentence, value):
    assert value in [v for v, _u in _values(sentence)]


def test_a_count_in_a_span_of_time_is_no_ratio():
    assert all(v != Decimal("0.33") for v, _u in _values("Two in three years is a long wait."))


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Il Comune ha stanziato 3,5 milioni di euro per il ponte.", Decimal("3500000"), "EUR"),
        ("Miasto wyda 1,2 mld zł na tramwaje.", Decimal("1200000000"), "PLN"),
        ("Mieszkanie kosztuje 640 tys. zł.", Decimal("640000"), "PLN"),
    ],
)
def test_italian_and_polish_scales_and_money(sentence, value, unit):
    assert (value, unit) in _values(sentence)


def test_a_road_number_is_no_figure():
    assert _values("La strada provinciale 227 resta chiusa.") == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Turnout was less than a fifth of the electorate.", Decimal("0.2")),
        ("Only a tenth of the buses run on time.", Decimal("0.1")),
        ("Il ponte serve la metà dei pendolari.", Decimal("0.5")),
        ("Un terzo delle scuole resta chiuso.", Decimal("0.33")),
        ("Połowa lokali jest pusta.", Decimal("0.5")),
        ("Czynsze wzrosły o jedną trzecią.", Decimal("0.33")),
        ("Repairs will cost at least double that.", Decimal("2")),
    ],
)
def test_fractions_and_multiples(sentence, value):
    assert value in [v for v, _u in _values(sentence)]


def test_an_ordinal_is_no_fraction():
    assert _values("The fifth of the bridges was closed.") == []


def test_an_unattributed_share_is_a_claim():
    from archive.articles.claims import extract_claim_candidates

    found = extract_claim_candidates(["By now it is one in five, and the backlog is growing."])
    assert [c.figure for c in found] == [Decimal("0.2")]


def test_italian_and_polish_ranges_and_durations():
    assert _values("Il cantiere durerà tra i 3 e i 5 mesi.") == []
    found = read_figures("Miasto zbuduje od 2 do 3 tys. mieszkań.")
    assert [(f.value, f.high) for f in found] == [(Decimal("2000"), Decimal("3000"))]
    found = read_figures("Zatrudni między 40 a 50 osób.")
    assert [(f.value, f.high) for f in found] == [(Decimal("40"), Decimal("50"))]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Sette delle nove scuole sono chiuse.", Decimal("7")),
        ("Otwarto pięć nowych przychodni.", Decimal("5")),
        ("W dziesięciu miastach brakuje lekarzy.", Decimal("10")),
    ],
)
def test_italian_and_polish_number_words(sentence, value):
    assert value in [v for v, _u in _values(sentence)]
