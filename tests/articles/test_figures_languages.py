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


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        # Dutch and Swedish scales and currencies
        ("De gemeente trekt 3,4 miljard euro uit voor dijken.", Decimal("3400000000"), "EUR"),
        ("Het plan kost 120 miljoen euro.", Decimal("120000000"), "EUR"),
        ("Kommunen lägger 2,5 miljarder kronor på vägar.", Decimal("2500000000"), "SEK"),
        ("Biljetten kostar 900 kronor.", Decimal("900"), "SEK"),
        # The currency sign after the figure, with a French multiplier
        ("L'État débloque 250M€ pour les hôpitaux.", Decimal("250000000"), "EUR"),
        ("Le chantier coûtera 2,4 Md€.", Decimal("2400000000"), "EUR"),
        ("Das Ticket kostet 58 € im Monat.", Decimal("58"), "EUR"),
    ],
)
def test_nordic_dutch_and_french_money(sentence, value, unit):
    assert (value, unit) in _values(sentence)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Twee derde van de scholen is dicht.", Decimal("0.67")),
        ("Ongeveer de helft van de boeren stopt.", Decimal("0.5")),
        ("Een op de vier huurders betaalt te laat.", Decimal("0.25")),
        ("Tre av fyra bussar står still.", Decimal("0.75")),
        ("Hälften av skolorna är stängda.", Decimal("0.5")),
        ("Elle a perdu un quart de son troupeau.", Decimal("0.25")),
        ("Ett tiotal hus har skadats.", Decimal("10")),
        ("Une vingtaine de maisons ont été évacuées.", Decimal("20")),
        ("Una treintena de camiones esperan en la frontera.", Decimal("30")),
    ],
)
def test_shares_and_round_counts_in_more_languages(sentence, value):
    assert value in [v for v, _u in _values(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Il est arrivé un quart d'heure plus tard.",
        "Des dizaines de maisons ont été évacuées.",
        "Het project loopt al vijf jaar.",
        "De derde fase begint in mei.",
    ],
)
def test_times_plurals_and_ordinals_are_no_figures(sentence):
    assert _values(sentence) == []


def test_ranges_between_two_figures_in_dutch_and_swedish():
    (low,) = read_figures("Det kan komma mellan 30 och 50 centimeter snö.")
    assert (low.value, low.high) == (Decimal("30"), Decimal("50"))
    (low,) = read_figures("Er verdwijnen tussen 200 en 250 banen.")
    assert (low.value, low.high) == (Decimal("200"), Decimal("250"))
