"""Claim classes of the round on real newsrooms' pages (real/, real2/; issue 14), each on
sentences written here: other words, places, numbers and names than the pages', the expected
values read off them.

- scores, vote tallies and court splits "X-Y" are two figures, one per side, even after a
  team's name; seasons, phone numbers and model numbers stay none;
- "by $1 to $8.25": the change and the level reached (far apart) are two figures;
- the scale and the coin said once, after the second figure ("von 3,2 auf 4,1 Milliarden",
  "between 25 and 75 cents"); a scale joined by hyphens ("a 2.5-billion-euro bridge");
- a number word before "Prozent" / "per cent" is a percentage; Latvian number words; a
  dash glued to the noun ends it ("– 85 páginas–");
- a 「quotation」 of several sentences stays whole with its speaker; a Japanese clause
  before the speaker's name ("会見した…社長") is not part of the name.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from archive.articles import extract_claim_candidates
from archive.articles.figures import read_figures
from archive.articles.sentences import split_sentences


def _read(sentence: str) -> list[tuple[Decimal, Decimal | None, str]]:
    return [(f.value, f.high, f.unit) for f in read_figures(sentence)]


def _claims(*paragraphs: str) -> list[tuple[Decimal | None, str]]:
    return [(c.figure, c.claimant) for c in extract_claim_candidates(list(paragraphs))]


# --- Scores and tallies ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "sides"),
    [
        ("The bill cleared the chamber by a vote of 61-38 on Tuesday.", [61, 38]),
        ("The justices ruled 7-2 against the state, overturning the lower court.", [7, 2]),
        ("Ajax beat PSV Eindhoven 4-1 at home on Sunday.", [4, 1]),  # after a team's name
        ("Both clubs settled for a 2-2 draw in the rain.", [2, 2]),  # a draw
        ("Die Bayern gewannen in Dortmund mit 5–2 nach Verlängerung.", [5, 2]),  # en dash
        ("The House passed it by a 218-212 margin after a long night.", [218, 212]),
    ],
)
def test_a_score_is_two_figures_one_per_side(sentence, sides):
    assert [v for v, _h, _u in _read(sentence)] == [Decimal(s) for s in sides]
    assert [f for f, _c in _claims(sentence)] == [Decimal(s) for s in sides]


@pytest.mark.parametrize(
    "sentence",
    [
        "The 2021-20 accounts were never filed by the club.",  # four digits: no score
        "The club's 99-00 season ended in relegation for the team.",  # a season
        "Reach the desk at 555-123-4567 before noon on weekdays.",  # a phone number
        "The airline retired its last Boeing 767-300 jets this spring.",  # a model
        "The airline flew an Airbus A321-200 over the bay.",
    ],
)
def test_seasons_phones_and_models_are_no_score(sentence):
    assert not any(f.share for f in read_figures(sentence))
    assert not any(u == "" and h is None for v, h, u in _read(sentence))


# --- Two figures or one range ---------------------------------------------------------------


def test_by_a_change_to_a_level_is_two_figures():
    assert _read("The council raised the parking fee by $2 to $14.50 an hour.") == [
        (Decimal(2), None, "USD"),
        (Decimal("14.5"), None, "USD"),
    ]
    assert _read("Turnout rose by 3% to 61% in the second round.") == [
        (Decimal(3), None, "%"),
        (Decimal(61), None, "%"),
    ]


def test_by_two_ends_near_each_other_stays_a_range():
    assert _read("Fares could climb by €30 to €45 a month, the operator warned.") == [
        (Decimal(30), Decimal(45), "EUR")
    ]


def test_the_scale_said_once_after_the_second_figure():
    assert _read("Der Gewinn stieg von 3,2 auf 4,1 Milliarden Euro.") == [
        (Decimal(3_200_000_000), None, "EUR"),
        (Decimal(4_100_000_000), None, "EUR"),
    ]
    assert _read("Its debt fell from 1.5 to 1.25 million dollars last year.") == [
        (Decimal(1_500_000), None, "USD"),
        (Decimal(1_250_000), None, "USD"),
    ]


def test_the_coin_said_once_after_the_top_of_a_range():
    assert _read("Bus tickets will cost between 10 and 15 cents more.") == [
        (Decimal("0.1"), Decimal("0.15"), "USD")
    ]
    assert _read("Der Liter wird um 4 bis 6 Cent teurer.") == [
        (Decimal("0.04"), Decimal("0.06"), "EUR")
    ]


def test_a_scale_joined_by_hyphens():
    assert _read("They opened a 2.5-billion-euro bridge over the river.") == [
        (Decimal(2_500_000_000), None, "EUR")
    ]
    assert _read("The 40-million-pound stadium was sold.") == [(Decimal(40_000_000), None, "GBP")]


# --- Units ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Die Mieten stiegen um rund fünf Prozent, teilte die Stadt mit.", Decimal(5)),
        ("Turnout fell by three per cent in the northern districts.", Decimal(3)),
        ("Le chômage a reculé de deux pour cent en un an.", Decimal(2)),
        ("Die Abgabe sinkt von 16 auf acht Prozent.", Decimal(8)),
    ],
)
def test_a_number_word_before_percent_is_a_percentage(sentence, value):
    assert (value, None, "%") in _read(sentence)


def test_a_dash_glued_to_the_noun_ends_the_unit():
    assert _read("El juez firmó el informe – 85 páginas– sobre el caso ayer.") == [
        (Decimal(85), None, "páginas")
    ]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Ugunsgrēkā cieta četri cilvēki un viens suns.", Decimal(4), "cilvēki"),
        ("Vētrā nopostītas astoņas mājas pie jūras.", Decimal(8), "mājas"),
        ("Policija aizturēja trīs vīriešus ir ziņots.", Decimal(3), "vīriešus"),
    ],
)
def test_latvian_number_words(sentence, value, unit):
    assert (value, None, unit) in _read(sentence)


# --- Sentences and claimants in Japanese ----------------------------------------------------


def test_a_corner_bracket_quotation_of_two_sentences_stays_whole():
    text = "市長は「川が氾濫し、12人が避難した。今朝は水が引いた」と語った。警察が調べている。"
    assert split_sentences(text) == [
        "市長は「川が氾濫し、12人が避難した。今朝は水が引いた」と語った。",
        "警察が調べている。",
    ]


def test_a_clause_before_the_japanese_speaker_is_not_his_name():
    claims = _claims(
        "会見した山田太郎社長は「売上高が2年で3割減り、約40社と取引を止めた」と述べた。"
    )
    assert claims and all(c == "山田太郎" for _f, c in claims)


# --- Claimants: the German verb second; a report before an attributed sentence ---------------


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("Für das kommende Jahr rechnet die Bahn mit 40 Millionen Fahrgästen.", "Bahn"),
        ("Im Mai schätzte die Behörde die Schäden auf 40 Millionen Euro.", "Behörde"),
    ],
)
def test_german_speaker_after_the_verb_when_a_phrase_opens_the_sentence(sentence, claimant):
    assert [c for _f, c in _claims(sentence)] == [claimant]


def test_a_report_before_an_attributed_sentence_is_the_papers_own():
    claims = _claims(
        "The new bridge cost 300 million euros. Its deck carries 12 lanes of traffic. "
        "Although few cars use it yet, it will pay for itself, the mayor says."
    )
    assert claims == [(Decimal(300_000_000), ""), (Decimal(12), "")]


def test_a_quotation_takes_the_speaker_named_after_it():
    assert _claims("“We lost 40 clients this year.” Ana Ruiz said that on Monday.") == [
        (Decimal(40), "Ana Ruiz")
    ]


def test_a_sentence_pointing_back_attributes_the_one_before():
    claims = _claims(
        "Nordvind Marine lukker 120 af sine 800 stillinger i Esbjerg. Det oplyste selskabet tirsdag."
    )
    assert claims == [(Decimal(120), "Nordvind Marine"), (Decimal(800), "Nordvind Marine")]


# --- Not figures: German hours, a year before a singular noun in -is or a German adverb ------


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Sitzung beginnt am Dienstag um 9 Uhr im Rathaus.",
        "Der Laden öffnet ab 20 Uhr abends wieder für alle Kunden.",
        "The agency was set up after the country’s 1973 oil crisis hit.",
        "Der Preis, 1999 erstmals verliehen, ist mit viel Geld dotiert.",
    ],
)
def test_hours_and_years_are_no_figures(sentence):
    assert _read(sentence) == []


# --- Arabic number words --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("وقال الجيش إن قواته دمرت أربعة مخازن للأسلحة قرب حلب.", Decimal(4), "مخازن للأسلحة"),
        ("أصيب سبعة أشخاص في الحادث بحسب الدفاع المدني.", Decimal(7), "أشخاص"),
        ("غادر خمسة عشر طالبا إلى الخارج هذا العام.", Decimal(15), "طالبا"),
    ],
)
def test_arabic_number_words(sentence, value, unit):
    assert (value, None, unit) in _read(sentence)
