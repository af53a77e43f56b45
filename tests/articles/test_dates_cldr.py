"""Datelines in the languages newsrooms print, read with the Unicode CLDR's month and weekday
names (through Babel) rather than lists typed by hand."""

from datetime import date

import pytest

from archive.articles.dates import dateline, find_date, is_month_word
from archive.articles.sentences import split_sentences


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Latvian, Bulgarian (abbreviated month), Romanian, Danish, Slovak, Slovenian
        ("17. marts, 2025, 14:05", date(2025, 3, 17)),
        ("9 окт 2025, 08:30", date(2025, 10, 9)),
        ("22 februarie 2025, 19:47", date(2025, 2, 22)),
        ("onsdag 5. februar 2025 kl. 11.20", date(2025, 2, 5)),
        ("streda 12. novembra 2025, 7:15", date(2025, 11, 12)),
        ("sreda, 12. novembra 2025 ob 7.15", date(2025, 11, 12)),
        # Finnish with its weekday and "klo", Turkish with the weekday after
        ("maanantai 3. maaliskuuta 2025 klo 6.02", date(2025, 3, 3)),
        ("28 Ağustos 2025 Perşembe 16:40", date(2025, 8, 28)),
        # Lithuanian: the year, the month in the genitive, the day
        ("2025 m. liepos 8 d. 12:30", date(2025, 7, 8)),
        # Japanese and Korean
        ("2025年6月30日 21時05分", date(2025, 6, 30)),
        ("2025년 6월 30일 오후 9:05", date(2025, 6, 30)),
        # Forms the CLDR lacks, kept from the lists typed before: Austrian, Croatian
        ("Wien, 14. Feber 2025", date(2025, 2, 14)),
        ("14. studenog 2025. u 10:05", date(2025, 11, 14)),
        # Portuguese and Indonesian
        ("30 de junho de 2025, 21h05", date(2025, 6, 30)),
        ("Senin, 30 Juni 2025 21:05 WIB", date(2025, 6, 30)),
    ],
)
def test_a_dateline_in_another_language_is_read(line, expected):
    assert dateline(line) == expected


def test_where_languages_disagree_the_earlier_one_wins():
    # "listopada" is November in Polish, October in Croatian: the Polish reading is kept, as
    # before; the Croatian November ("studenoga") is read too.
    assert find_date("6 listopada 2025")[0] == date(2025, 11, 6)
    assert find_date("6. studenoga 2025.")[0] == date(2025, 11, 6)


def test_short_words_that_are_common_elsewhere_are_not_months():
    # Portuguese and Italian abbreviations that are English words, a first name, French "des"
    for word in ("out", "set", "ago", "Ian", "des", "pro"):
        assert not is_month_word(word), word
    assert find_date("scored 3 out 2025 votes")[0] is None
    assert is_month_word("Aralık") and is_month_word("decembris")


def test_a_line_with_more_than_a_date_is_not_a_dateline():
    # The month and weekday words belong to the date; a sentence around them does not.
    assert dateline("Rūpnīca tika slēgta 17. martā, 2025, un darbinieki protestēja") is None


@pytest.mark.parametrize("word", ["Ion", "Ira", "Abe", "Sen", "Tem", "Dis", "Hun", "Kas", "Mac"])
def test_a_languages_month_abbreviation_is_no_month_outside_a_date(word):
    # The CLDR's abbreviations are names and words elsewhere: alone they name no month (a
    # sentence ends before "Ira Katz", a title stays with "Ion Popescu")...
    assert not is_month_word(word)
    # ...while the wide names and English abbreviations still do.
    assert is_month_word("Dec.") and is_month_word("joulukuuta") and is_month_word("Aralık")


def test_abbreviations_are_read_between_a_day_and_a_year():
    assert find_date("3 Ara 2025")[0] == date(2025, 12, 3)  # Turkish, abbreviated
    assert find_date("9 окт 2025")[0] == date(2025, 10, 9)


def test_a_sentence_ends_after_a_figure_before_a_name_that_is_an_abbreviation_elsewhere():
    assert split_sentences("The toll rose to 12. Ira Katz, the mayor, said so.") == [
        "The toll rose to 12.",
        "Ira Katz, the mayor, said so.",
    ]


@pytest.mark.parametrize("line", ["Ion Popescu, 4 December 2025", "Per Olsen, 4. december 2025"])
def test_a_byline_with_a_name_is_not_a_dateline(line):
    # A first name that is a weekday's or month's abbreviation somewhere is still a name.
    assert dateline(line) is None
