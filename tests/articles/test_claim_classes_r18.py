"""Claimant classes of the round on holdout18, each on lines written here.

Each test is a convention of real newsrooms (how a speaker is named, named again, or named in
another language); the sentences are invented, in other words, places, names and numbers than
the sets' pages, and the expected claimants read off them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from archive.articles import extract_claim_candidates
from archive.articles.sentences import split_sentences


def _claimants(*paragraphs: str) -> dict[Decimal, str]:
    return {
        c.figure: c.claimant
        for c in extract_claim_candidates(list(paragraphs))
        if c.figure is not None
    }


# Speech verbs and "according to" of more languages: the speaker before or after the verb.


@pytest.mark.parametrize(
    ("sentence", "figure", "claimant"),
    [
        # Dutch
        (
            "Burgemeester Anke Dijkstra zegt dat 140 gezinnen een nieuwe woning krijgen.",
            140,
            "Anke Dijkstra",
        ),
        # Danish
        ("Borgmester Mette Kjærgaard vurderer, at 75 familier skal flytte.", 75, "Mette Kjærgaard"),
        # Czech
        (
            "Starosta Jiří Procházka upozornil, že opravy stály 48 milionů korun.",
            48_000_000,
            "Jiří Procházka",
        ),
        # Polish
        (
            "Burmistrz Anna Wiśniewska powiedziała, że w szkole uczy się 320 dzieci.",
            320,
            "Anna Wiśniewska",
        ),
        # Latvian
        (
            "Mērs Jānis Bērziņš norādīja, ka remonts izmaksās 870 000 eiro.",
            870_000,
            "Jānis Bērziņš",
        ),
        # Bulgarian
        (
            "Кметът Иван Димитров заяви, че ремонтът ще струва 2,4 млн. евро.",
            2_400_000,
            "Иван Димитров",
        ),
        # Turkish: the speaker opens the sentence, the verb closes it
        (
            "Belediye Başkanı Ahmet Yılmaz, köprünün 14 milyon liraya mal olduğunu söyledi.",
            14_000_000,
            "Ahmet Yılmaz",
        ),
    ],
)
def test_speech_verbs_of_more_languages(sentence, figure, claimant):
    assert _claimants(sentence)[Decimal(figure)] == claimant


def test_bulgarian_according_to_data_of_a_body_and_from_a_body():
    found = _claimants(
        "По данни на областта без ток са останали 64 села.",
        "Цената на билета ще се вдигне до 3 евро, съобщиха от Асоциацията на превозвачите.",
    )
    assert found[Decimal(64)] == "областта"
    assert found[Decimal(3)] == "Асоциацията на превозвачите"


def test_lithuanian_according_to_and_czech_according_to_him():
    found = _claimants(
        "Direktorė Rūta Kazlauskaitė teigė, kad gamykla dirbs toliau.",
        "Anot jos, įmonėje dirba 410 žmonių.",
    )
    assert found[Decimal(410)] == "Rūta Kazlauskaitė"
    found = _claimants(
        "Ředitel Tomáš Kučera oznámil, že firma zavře závod.",
        "Podle něj firma loni prodala 12 000 kol.",
    )
    assert found[Decimal(12_000)] == "Tomáš Kučera"


# A surname declined where a language declines names: the full name met before.


def test_inflected_surname_resolves_to_the_full_name():
    found = _claimants(
        "Direktorius Jonas Petraitis sakė, kad sprendimas priimtas.",
        "Pasak J. Petraičio, įmonė atleis 95 darbuotojus.",
    )
    assert found[Decimal(95)] == "Jonas Petraitis"
    found = _claimants(
        "Hejtman Karel Novotný řekl, že kraj pomůže.",
        "Podle Novotného kraj vyčlení 40 milionů korun.",
    )
    assert found[Decimal(40_000_000)] == "Karel Novotný"


# "the company" when the company was named only as the subject opening the article.


def test_the_company_is_the_subject_named_at_the_start():
    found = _claimants(
        "WINNIPEG — Prairie Oat Mills will cut 85 of its 230 jobs, the company said on Monday.",
        "The company, which mills oats for cereal makers, said sales fell 12 per cent.",
    )
    assert found[Decimal(85)] == "Prairie Oat Mills"
    assert found[Decimal(12)] == "Prairie Oat Mills"


def test_the_company_made_definite_by_an_ending_or_an_article():
    found = _claimants(
        "Nordlys Færger indstiller 3 af sine 7 ruter til sommer. "
        "Det oplyser selskabet i en pressemeddelelse."
    )
    assert found[Decimal(3)] == "Nordlys Færger"
    found = _claimants(
        "De Brabantse brouwerij Kempenbier sluit haar tweede site.",
        "Ongeveer 90 mensen verliezen hun job, zegt het bedrijf.",
    )  # the company named as the subject of another paragraph
    assert found[Decimal(90)] == "Kempenbier"


# A body named in full with its initials in brackets, then by its initials alone.


def test_initials_of_a_body_named_in_lower_case():
    found = _claimants(
        "Bus fares will rise next month, the regional transport authority (RTA) said.",
        "Ridership fell by 9 per cent last year, according to the RTA.",
    )
    assert found[Decimal(9)] == "regional transport authority"


def test_short_form_of_a_company_named_in_full_before():
    found = _claimants(
        "The dam is run by Kestrel Hydro Holdings Ltd under a state licence.",
        "A spokeswoman for Kestrel said repairs would cost €6 million.",
    )
    assert found[Decimal(6_000_000)] == "Kestrel Hydro Holdings Ltd"


# English attributions: a number in a name, a spokesperson for a body, an apposition after
# "according to", a name with a particle.


def test_number_in_a_name_before_the_verb():
    found = _claimants(
        "Rita Okafor, president of Unifor Local 444, said 1,300 members voted.",
    )
    assert found[Decimal(1300)] == "Rita Okafor"


def test_spokesperson_for_a_body_closing_the_sentence():
    found = _claimants(
        "The city will spend $4 million on new pumps, a spokesman for Manitoba’s water "
        "stewardship department confirmed."
    )
    assert found[Decimal(4_000_000)] == "Manitoba’s water stewardship department"


def test_name_in_apposition_after_according_to_with_its_article():
    found = _claimants(
        "Nearly 30 per cent of the tenants are students, according to a tenants’ group, "
        "the Riverside Renters Union."
    )
    assert found[Decimal(30)] == "Riverside Renters Union"


def test_name_with_a_particle_in_an_appositive():
    found = _claimants("Its chair, Marie-Claire d’Aubigny, said 45 families were affected.")
    assert found[Decimal(45)] == "Marie-Claire d’Aubigny"


# „…“ quoting a name: the sentence still ends after it.


def test_low_high_quotes_around_a_name_do_not_join_sentences():
    assert split_sentences(
        "Řidiči firmy „Městská doprava“ stávkovali v úterý. Podle odborů chybí 40 řidičů."
    ) == [
        "Řidiči firmy „Městská doprava“ stávkovali v úterý.",
        "Podle odborů chybí 40 řidičů.",
    ]


# Figures: Latvian, Lithuanian and Bulgarian scale words in their cases; shares in words.


def _read(sentence: str) -> list[tuple[Decimal, str]]:
    from archive.articles.figures import read_figures

    return [(f.value, f.unit) for f in read_figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Osta pērn pārkrāva 3,2 miljonus tonnu kravu.", (3_200_000, "tonnu kravu")),
        ("Pašvaldība piešķirs 1,6 miljonu eiro skolai.", (1_600_000, "EUR")),
        ("Ministerija skyrė 7 milijonus eurų keliams.", (7_000_000, "EUR")),
        ("Кметството ще отпусне 2,7 милиона евро за пътища.", (2_700_000, "EUR")),
    ],
)
def test_scale_words_in_their_cases(sentence, expected):
    value, unit = expected
    assert (Decimal(value), unit) in _read(sentence)


@pytest.mark.parametrize(
    ("sentence", "share"),
    [
        ("Ceturtdaļa no ostas strādniekiem dzīvo Liepājā.", Decimal(1) / 4),
        ("Rūpnīca varētu atgūt pusi zaudēto pasūtījumu.", Decimal("0.5")),
        ("Държавата покрива половината от загубите на фермерите.", Decimal("0.5")),
        ("Една трета от учителите подкрепя стачката.", Decimal(1) / 3),
    ],
)
def test_shares_in_words(sentence, share):
    assert any(abs(v - share) < Decimal("0.01") for v, _u in _read(sentence))


def test_an_ordinal_is_no_share():
    assert _read("През трета поредна година реколтата е слаба.") == []


def test_latvian_count_of_a_whole_with_no():
    assert _read("Rūpnīca atlaidīs 65 no 210 strādniekiem.") == [
        (Decimal(65), "strādniekiem"),
        (Decimal(210), "strādniekiem"),
    ]
    assert _read("Viņš dzīvo mājā No 7.") == []


# A bare "$" in a story set in Canada is the Canadian dollar; the US dollar named stays so.


def test_a_bare_dollar_in_a_story_set_in_canada_is_the_canadian_dollar():
    from archive.articles.home_dollar import home_dollars

    paragraphs = [
        "MONCTON, N.B. — A Canadian sawmill will close, costing the town $4 million a year.",
        "Its owner also owes US$2 million to a lender in Maine.",
    ]
    candidates = extract_claim_candidates(paragraphs)
    home_dollars(candidates, paragraphs)
    assert [(c.figure, c.unit) for c in candidates] == [
        (Decimal(4_000_000), "CAD"),
        (Decimal(2_000_000), "USD"),
    ]
    elsewhere = ["DENVER — A sawmill will close, costing the town $4 million a year."]
    candidates = extract_claim_candidates(elsewhere)
    home_dollars(candidates, elsewhere)
    assert candidates[0].unit == "USD"


def test_the_subject_before_a_relative_clause_says_it():
    found = _claimants(
        "Granite Ridge Quarries will lay off 60 workers, the company said.",
        "The company, which supplies gravel to road builders, said its sales fell 18 per cent.",
    )
    assert found[Decimal(18)] == "Granite Ridge Quarries"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kommunen regner med mellem 40 og 55 nye lærere.", (40, 55, "nye lærere")),
        ("Paramą gaus tarp 30 ir 45 ūkininkų.", (30, 45, "ūkininkų")),
    ],
)
def test_between_x_and_y_in_more_languages(sentence, expected):
    from archive.articles.figures import read_figures

    low, high, unit = expected
    f = read_figures(sentence)[0]
    assert (f.value, f.high, f.unit.startswith(unit)) == (Decimal(low), Decimal(high), True)


def test_x_of_its_y_in_danish():
    assert [u for _v, u in _read("Rederiet sælger 4 af sine 9 færger.")] == ["færger", "færger"]


@pytest.mark.parametrize(
    "line",
    ["Lire les 214 commentaires", "Alle 56 Kommentare anzeigen", "Ver los 31 comentarios"],
)
def test_a_comment_counter_is_no_figure(line):
    assert _read(line) == []
