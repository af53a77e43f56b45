"""Claim classes of the round on holdout23 (issue 14), each on sentences written here: other
words, places, numbers and names than the set's pages, the expected values read off them.

- figures glued to their case endings (Sinhala "14ක්") or prepositions (Amharic "ከ600");
- currencies, scales and per cent printed before the figure (Sinhala "රුපියල් මිලියන 380",
  "සියයට 40"), Urdu lakhs and rupees, Amharic millions and birr; "more than" after a figure;
- claimants in Malay ("X berkata", "kata X", "katanya"), Urdu ("X کے مطابق", "X نے بتایا"),
  Serbian Cyrillic ("саопштило је X", "Према наводима X"), Ukrainian ("За його словами") and
  a Cyrillic name after the initials of the body its title heads.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from archive.articles import extract_claim_candidates
from archive.articles.figures import read_figures


def _read(sentence: str) -> list[tuple[Decimal, str]]:
    return [(f.value, f.unit) for f in read_figures(sentence)]


def _claims(*paragraphs: str) -> list[tuple[Decimal, str]]:
    return [(c.figure, c.claimant) for c in extract_claim_candidates(list(paragraphs)) if c.figure]


# --- Figures with what is glued to them ----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("ගොවීන් 350ක් පමණ සිටිති.", Decimal(350)),  # Sinhala, indefinite
        ("පාසල් 18ක සිසුන් සහභාගී වූහ.", Decimal(18)),  # of 18
        ("ආදායම 7කින් වැඩි විය.", Decimal(7)),  # by 7
        ("ከ400 በላይ ቤቶች ፈርሰዋል።", Decimal(400)),  # Amharic, from 400 above
        ("የ30 ሰዎች ሕይወት አልፏል።", Decimal(30)),  # of 30
        ("15ቱ ተማሪዎች ተርፈዋል።", Decimal(15)),  # the fifteen
    ],
)
def test_figures_glued_to_case_endings_and_prepositions(sentence, value):
    assert [v for v, _unit in _read(sentence)] == [value]


def test_an_amharic_ordinal_and_year_stay_no_figure():
    assert _read("በ2018 ዓ.ም. 3ኛ ደረጃ አገኘ።") == []


def test_amharic_and_urdu_more_than_after_the_figure_is_no_unit():
    assert _read("ከ350 በላይ ሰዎች ተፈናቅለዋል።")[0][1].startswith("ሰዎች")
    assert _read("۲۰۰ سے زائد مکانات تباہ ہوئے۔")[0][1].startswith("مکانات")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("රුපියල් 25,000ක් ලැබුණා.", [(Decimal(25000), "LKR")]),
        ("රුපියල් මිලියන 75ක ලාභයක්.", [(Decimal(75_000_000), "LKR")]),
        ("මිල සියයට 12කින් ඉහළ ගියේය.", [(Decimal(12), "%")]),
        ("۱۵ لاکھ روپے دیے گئے۔", [(Decimal(1_500_000), "PKR")]),
        ("۳ کروڑ روپے", [(Decimal(30_000_000), "PKR")]),
        ("ኮሚሽኑ 1.8 ሚሊዮን ብር መድቧል።", [(Decimal(1_800_000), "ETB")]),
    ],
)
def test_currencies_scales_and_per_cent_of_sinhala_urdu_amharic(sentence, expected):
    assert _read(sentence) == expected


# --- Claimants -----------------------------------------------------------------------------


def test_malay_speaker_before_the_verb_title_dropped_then_katanya():
    found = _claims(
        "Ketua Polis Daerah Kuantan, Asisten Komisioner Ahmad Rizal Yusof, berkata 45 rumah "
        "dipecah masuk sejak Januari.",
        '"Kami sudah menahan 9 suspek," katanya.',
    )
    assert found == [(45, "Ahmad Rizal Yusof"), (9, "Ahmad Rizal Yusof")]


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("Bomba mengesahkan 12 kenderaan musnah dalam kebakaran itu.", "Bomba"),
        (
            "Sebanyak 3,400 peniaga terjejas, kata Persatuan Peniaga Kecil.",
            "Persatuan Peniaga Kecil",
        ),
        (
            "Jabatan Meteorologi Malaysia (MetMalaysia) memaklumkan hujan lebat di 6 negeri.",
            "Jabatan Meteorologi Malaysia",
        ),
        ("Menurut laporan Jabatan Perangkaan, 52,000 pekerja diberhentikan.", "Jabatan Perangkaan"),
    ],
)
def test_malay_bodies_before_and_after_the_verb(sentence, claimant):
    assert [c for _f, c in _claims(sentence)] == [claimant]


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("لاہور پولیس کے مطابق ۳۵ ملزمان کو گرفتار کیا گیا۔", "لاہور پولیس"),
        ("واپڈا نے بتایا کہ ۴۰۰ دیہات کی بجلی بحال کر دی گئی ہے۔", "واپڈا"),
        (
            "پنجاب اسمبلی کے ترجمان ڈاکٹر سلیم اختر کے مطابق اجلاس میں ۲۵ ارکان شریک تھے۔",
            "سلیم اختر",
        ),
    ],
)
def test_urdu_according_to_and_the_ergative_speaker(sentence, claimant):
    assert [c for _f, c in _claims(sentence)] == [claimant]


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("Начелник општине Петар Николић рекао је да је обновљено 18 кућа.", "Петар Николић"),
        ("У пожару је изгорело 40 хектара шуме, саопштила је Управа за шуме.", "Управа за шуме"),
        (
            "Према наводима Завода за хитну помоћ, повређено је 9 путника.",
            "Завода за хитну помоћ",
        ),
    ],
)
def test_serbian_cyrillic_verbs_and_according_to(sentence, claimant):
    assert [c for _f, c in _claims(sentence)] == [claimant]


def test_serbian_cyrillic_body_closing_the_sentence_after_the_verb():
    found = _claims("На граници је чекало 70 камиона, саопштило је Министарство финансија.")
    assert found == [(70, "Министарство финансија")]


def test_ukrainian_in_his_words_refers_to_the_speaker_named_before():
    found = _claims(
        "Про це повідомив мер міста Іван Коваль.",
        "За його словами, у місті відремонтували 14 шкіл.",
    )
    assert found == [(14, "Іван Коваль")]


def test_cyrillic_name_after_the_initials_of_the_body_a_title_heads():
    found = _claims(
        "«Ми відновили 30 ліній», — сказав журналістам очільник Житомирської ОДА Петро Бойко.",
    )
    assert [c for _f, c in found] == ["Петро Бойко"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("የዋጋ ግሽበት 18 በመቶ ደርሷል።", [(Decimal(18), "%")]),  # Amharic "by the hundred"
        ("مہنگائی ۲۵ فیصد بڑھ گئی۔", [(Decimal(25), "%")]),  # Urdu
        ("ከተጎጂዎቹ መካከል 9ኙ ሴቶች ናቸው።", [(Decimal(9), "ሴቶች")]),  # "the nine" (9ኙ)
    ],
)
def test_amharic_and_urdu_per_cent_and_the_amharic_article_after_nine(sentence, expected):
    assert _read(sentence) == expected


def test_sinhala_speaker_between_that_and_the_verb_then_the_same_body_by_its_head_noun():
    found = _claims(
        "ගාල්ල ප්‍රදේශයේ නිවාස 75ක් විනාශ වූ බව ආපදා කළමනාකරණ මධ්‍යස්ථානය පවසයි.",
        "පවුල් 300කට ආධාර ලබා දුන් බව මධ්‍යස්ථානය වැඩිදුරටත් පවසයි.",
    )
    body = "ආපදා කළමනාකරණ මධ්‍යස්ථානය"
    assert found == [(75, body), (300, body)]


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("ධීවර සංගමය පවසන්නේ බෝට්ටු 60ක් වරායේ නතර කර ඇති බවයි.", "ධීවර සංගමය"),
        ("මහ බැංකුවේ දත්තවලට අනුව, උද්ධමනය සියයට 4කි.", "මහ බැංකුව"),
        ("ජල සම්පාදන මණ්ඩලයට අනුව නිවාස 5,000කට ජලය නොමැත.", "ජල සම්පාදන මණ්ඩලය"),
    ],
)
def test_sinhala_says_and_according_to_in_the_nominative(sentence, claimant):
    assert [c for _f, c in _claims(sentence)] == [claimant]


def test_amharic_speaker_after_what_is_said_then_as_the_office_announced():
    found = _claims(
        "የ30 ሰዎች ሕይወት ማለፉን የሲዳማ ክልል ጤና ቢሮ አስታወቀ።",
        "ቢሮው እንዳስታወቀው፣ ከተጎጂዎቹ መካከል 14 ሰዎች ቆስለዋል።",
    )
    assert found == [(30, "የሲዳማ ክልል ጤና ቢሮ"), (14, "የሲዳማ ክልል ጤና ቢሮ")]


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("የአማራ ክልል ግብርና ቢሮ በበኩሉ 2,000 ኩንታል ማዳበሪያ መላኩን ገልጿል።", "የአማራ ክልል ግብርና ቢሮ"),
        ("የብሔራዊ ባንክ መረጃ እንደሚያሳየው የዋጋ ግሽበት 18 በመቶ ደርሷል።", "የብሔራዊ ባንክ"),
    ],
)
def test_amharic_speaker_opening_the_sentence_and_as_the_data_shows(sentence, claimant):
    assert [c for _f, c in _claims(sentence)] == [claimant]


# --- Small numbers in words: collectives, Serbian Cyrillic, Greek, Amharic -----------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Повређено је шест рудара.", [(Decimal(6), "рудара")]),
        ("У несрећи је повређено седморо деце.", [(Decimal(7), "деце")]),
        ("Під завалами опинилися троє рятувальників.", [(Decimal(3), "рятувальників")]),
        ("Ήρθαν έξι πυροσβέστες στις 7 το απόγευμα.", [(Decimal(6), "πυροσβέστες")]),
        ("Έκλεισαν τέσσερα σχολεία στη Λάρισα.", [(Decimal(4), "σχολεία")]),
        ("በአደጋው ሰባት ሰዎች ቆስለዋል።", [(Decimal(7), "ሰዎች")]),
    ],
)
def test_small_numbers_in_words_of_more_languages(sentence, expected):
    assert _read(sentence) == expected


def test_a_greek_time_of_day_in_words_is_no_figure():
    assert _read("Το πλοίο έφτασε στις οκτώ το πρωί.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Пожар је угашен после око пет сати.",  # Serbian Cyrillic durations
        "Ово је друга поплава за последњих шест година.",
        "Η ανασκαφή κράτησε έξι μήνες.",  # Greek
        "Η βροχή έπεφτε για 48 ώρες.",
    ],
)
def test_durations_in_serbian_cyrillic_and_greek_are_no_figures(sentence):
    assert _read(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    ["A costureira trabalhou 23 anos na fábrica.", "ጥር 12 ቀን 2017 ዓ.ም.", "ለ3 ሳምንታት ቆየ።"],
)
def test_portuguese_years_and_amharic_days_and_weeks_are_durations(sentence):
    assert _read(sentence) == []
