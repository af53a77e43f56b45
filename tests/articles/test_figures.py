"""Figures read from a sentence: values, ranges, units, and what is not a figure."""

from __future__ import annotations

from decimal import Decimal

import pytest

from archive.articles.figures import read_figures


def figures(sentence: str) -> list[tuple[str, str | None, str]]:
    return [
        (str(f.value), None if f.high is None else str(f.high), f.unit)
        for f in read_figures(sentence)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Digits, with thousands separators of every kind (thin spaces collapse to spaces).
        ("The total rose to 12,730 Russian soldiers.", [("12730", None, "Russian soldiers")]),
        ("Output fell by 1.2 tonnes.", [("1.2", None, "tonnes")]),
        ("At least 71\u2009200 troops were lost.", [("71200", None, "troops")]),
        ("At least 71\u00a0200 troops were lost.", [("71200", None, "troops")]),
        ("Die Armee verlor 3.000 Soldaten.", [("3000", None, "Soldaten")]),
        # Words, fractions, ratios and multiples.
        ("Four of the nine judges agreed.", [("4", None, "judges"), ("9", None, "judges")]),
        ("Police arrested a dozen protesters.", [("12", None, "protesters")]),
        # a share names no unit: the whole it is a share of is no unit of it
        ("Two-thirds of voters backed the plan.", [("0.67", None, "")]),
        ("Half of those asked said no.", [("0.5", None, "")]),
        ("Three ships sank.", [("3", None, "ships")]),
        ("The town lost twenty-five homes.", [("25", None, "homes")]),
        ("The fund will help a million people.", [("1000000", None, "people")]),
        ("Prices have risen nearly sevenfold.", [("7", None, "")]),
        ("Bills have quadrupled.", [("4", None, "")]),
        ("Un TGV sur cinq circulait.", [("0.2", None, "")]),
        ("Russia cut supplies by a third in October.", [("0.33", None, "")]),
        # Multipliers go into the value.
        ("The virus infected 2.5 million people.", [("2500000", None, "people")]),
        ("Rosneft expects 1.5 trillion roubles.", [("1500000000000", None, "RUB")]),
        # Percentages.
        ("Turnout was 40% this year.", [("40", None, "%")]),
        ("Turnout was 40 per cent.", [("40", None, "%")]),
        ("Turnout was 40 percent.", [("40", None, "%")]),
        ("Et 59 % estimaient que non.", [("59", None, "%")]),
        # Ranges.
        ("Russia launches 12-15 drones at a time.", [("12", "15", "drones")]),
        ("Russia launches 12–15 drones at a time.", [("12", "15", "drones")]),
        ("It sent between 300 and 400 troops.", [("300", "400", "troops")]),
        ("The hole is between £50bn and £60bn.", [("50000000000", "60000000000", "GBP")]),
        ("Prices were “four or five times” higher.", [("4", "5", "")]),
        # A change is two figures, not a range.
        (
            "My bill went from £90 a month to £210 a month.",
            [("90", None, "GBP"), ("210", None, "GBP")],
        ),
        ("The cap will fall by 7% to £1,923 a year.", [("7", None, "%"), ("1923", None, "GBP")]),
        # Measures; a calibre is a designation.
        (
            "Winds of 190km/h (118mph) and 300mm of rain.",
            [("190", None, "km/h"), ("118", None, "mph"), ("300", None, "mm")],
        ),
        ("The AKM fires 7.62mm ammunition and 155mm shells.", []),
    ],
)
def test_figures_and_their_units(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("It will cost £3million.", "3000000", "GBP"),
        ("It will cost £2.5m.", "2500000", "GBP"),
        ("It lost $1.2bn.", "1200000000", "USD"),
        ("A deal worth €750m.", "750000000", "EUR"),
        ("A package of €4.5 billion.", "4500000000", "EUR"),
        ("The city needs ₴40 million.", "40000000", "UAH"),
        ("The house sold for $300,000.", "300000", "USD"),
        ("They paid 40 million hryvnias.", "40000000", "UAH"),
        ("They paid 300 dollars.", "300", "USD"),
        ("Tickets cost 50 euros.", "50", "EUR"),
        ("Tickets cost 20 pounds.", "20", "GBP"),
        ("Fines of 1,000 roubles.", "1000", "RUB"),
        ("A fine of ₽5,000.", "5000", "RUB"),
        ("The charge rises to 53p a day.", "0.53", "GBP"),
        ("13,5 milliards d’euros en 2030.", "13500000000", "EUR"),
    ],
)
def test_money_has_its_currency_and_its_multiplier_in_the_value(sentence, value, unit):
    (figure,) = read_figures(sentence)
    assert (figure.value, figure.unit) == (Decimal(value), unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "The AKM has been in service since 1959.",
        "Prices have risen since 2014.",
        "The war began in 2022.",
        "The invasion began on 24 February.",
        "The invasion began on February 24.",
        "It was posted at 14:32 on Tuesday.",
        "It was posted at 2pm on Tuesday.",
        "Shares rose by 1015 GMT.",
        "John Smith, 54, was arrested.",
        "A 54-year-old man was arrested.",
        "It was the 24th attack.",
        "Troops carried AK-74M rifles.",
        "Pilots will fly the F-16 soon.",
        "Covid-19 spread quickly.",
        "The G7 met in Japan.",
        "It was the largest battle since World War 2.",
        "Boeing 737 jets were grounded.",
        "Flight MH17 was shot down.",
        "5 min read",
        "12 comments",
        "Image 1 of 12",
        "Hundreds of people fled.",
        "Thousands of troops massed.",
        "Several thousand reservists were sent.",
        "Dozens of tanks were destroyed.",
        "Tens of thousands of people marched.",
        "The war is eight months old.",
        "Jeremy Hunt outside 11 Downing Street on Wednesday.",
        "The Group of Seven agreed a cap.",
        "Russia played well in the 2022-23 season.",  # a season (a score "3-1" is two: r24c)
        "Wednesday 2 November 2022 14:32 GMT",
        "2 ноября 2022, 14:32",
    ],
)
def test_not_figures(sentence):
    assert read_figures(sentence) == []


def test_a_second_figure_is_not_lost():
    sentence = "He said two people had been injured and 14 buildings damaged."
    assert figures(sentence) == [("2", None, "people"), ("14", None, "buildings")]


def test_cyrillic_and_accented_sentences():
    assert figures("2 ноября 2022, 14:32 погибли 15 человек, ущерб 1,5 млн рублей.") == [
        ("15", None, "человек"),
        ("1500000", None, "RUB"),
    ]
    assert figures("La CGT a revendiqué 3,5 millions de manifestants.") == [
        ("3500000", None, "manifestants")
    ]
    assert figures("Une douzaine de fédérations ont appelé à la grève.") == [
        ("12", None, "fédérations")
    ]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The AKM, a weapon first introduced in 1959, is still issued.", "year introduced"),
        ("The company, founded in 1998, denied it.", "year founded"),
    ],
)
def test_a_year_that_is_the_fact_stated_is_a_figure(sentence, unit):
    (figure,) = read_figures(sentence)
    assert (figure.value.to_integral_value(), figure.unit) == (
        int(sentence.split(" in ")[1][:4]),
        unit,
    )
