"""Review of rounds 19b and 19c (session 18): claim readers fitted to their fixtures' words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from archive.articles import parse_article
from archive.articles.amounts import scale_of
from archive.articles.figures import read_figures
from archive.articles.home_currency import page_territory
from archive.articles.scale_words import language_scale


def _figures(sentence: str) -> list[tuple[Decimal, str]]:
    return [(f.value, f.unit) for f in read_figures(sentence)]


# -- Swahili prints its scale before the figure ------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Serikali imesema watu milioni 2 wameathirika na ukame mwaka huu.", Decimal(2_000_000)),
        ("Bandari ilipokea tani elfu 45 za mbolea kutoka nje.", Decimal(45_000)),
        ("Bajeti hiyo ni shilingi trilioni 1.5 kwa mwaka ujao.", Decimal(1_500_000_000_000)),
    ],
)
def test_swahili_scale_before_the_figure(sentence, value):
    assert value in [v for v, _unit in _figures(sentence)]


def test_swahili_shilling_sign_then_scale_then_figure():
    figures = read_figures("Kampuni ilipata faida ya Sh milioni 200 mwaka jana.")
    assert [(f.value, f.unit) for f in figures] == [(Decimal(200_000_000), "KES")]


# -- Chinese and Japanese ordinals and ranks ---------------------------------------------------


def test_han_ordinal_is_no_count():
    # "第3位" (third place), "第2工場": an ordinal; the count after it is still read
    assert _figures("同社は第3位の出荷量で、412尾を出荷した。") == [(Decimal(412), "尾")]


def test_japanese_rank_is_no_count():
    assert _figures("トヨタは世界販売で3位となり、前年の2位から後退した。") == []


def test_chinese_persons_counter_still_read():
    assert _figures("共有35位代表出席會議。") == [(Decimal(35), "位")]


# -- scale words: the whole closed class, not the fixtures' words --------------------------------


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("تريليون", 10**12),
        ("טריליון", 10**12),
        ("खरब", 10**11),
        ("मिलियन", 10**6),
        ("बिलियन", 10**9),
        ("লক্ষ", 10**5),
        ("মিলিয়ন", 10**6),
        ("milyar", 10**9),
        ("bilion", 10**9),
        ("trilion", 10**12),
        ("மில்லியன்", 10**6),
        ("பில்லியனாக", 10**9),
        ("триллион", 10**12),
        ("binle", 10**3),
    ],
)
def test_scale_words_of_the_whole_class(word, value):
    assert language_scale(word) == value
    assert scale_of(word) == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("कंपनी ने 5 मिलियन डॉलर का निवेश किया।", Decimal(5_000_000)),
        ("সরকার ৫ লক্ষ টাকা অনুদান দিয়েছে।", Decimal(500_000)),
        ("Syarikat itu mencatat keuntungan RM2.5 bilion tahun lalu.", Decimal(2_500_000_000)),
        ("وبلغت الديون 3 تريليون دولار العام الماضي.", Decimal(3 * 10**12)),
    ],
)
def test_scale_words_of_the_whole_class_read_in_figures(sentence, value):
    assert value in [v for v, _unit in _figures(sentence)]


def test_turkish_per_mille_locative_is_no_thousand():
    assert language_scale("binde") == 0


# -- Swahili prints its time nouns before the number: a duration, no figure ----------------------


def _swahili_page(*paragraphs: str) -> list[tuple[Decimal, str]]:
    html = (
        '<html lang="sw"><head><title>Habari</title></head><body><article>'
        "<h1>Wakulima wa korosho walalamika</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>"
    )
    draft = parse_article(html, filename="a.html")
    return [(c.figure, c.unit) for c in draft.claim_candidates]


def test_swahili_durations_are_no_figures():
    found = _swahili_page(
        "Wakulima wa mkoa huo wamekuwa wakilima zao hilo kwa miaka 15 sasa, alisema Bw Juma.",
        "Kiwanda hicho kinafanya kazi saa 24 kwa siku na kimeajiri wafanyakazi 320 wa kudumu.",
        "Bei ya mahindi imepanda kwa asilimia 30 katika wiki 6 zilizopita, alisema mfanyabiashara.",
    )
    assert found == [(Decimal(320), "wafanyakazi"), (Decimal(30), "%")]


def test_swahili_noun_after_average_of():
    assert _swahili_page(
        "Kila kaya ina mifugo wastani wa 12 kwa mujibu wa takwimu za wilaya hiyo mwaka huu."
    ) == [(Decimal(12), "mifugo")]


# -- a shared currency sign: the page's address places a language without a country -------------


@pytest.mark.parametrize(
    ("language", "url", "territory"),
    [
        ("sw", "https://taifaleo.nation.co.ke/habari/x", "KE"),
        ("sw", "https://www.mwananchi.co.tz/habari/x", "TZ"),
        ("sw", "https://example.tv/habari/x", "TZ"),  # no Swahili country: the likely one
        ("zh", "https://news.example.com.tw/a/1", "TW"),
        ("zh-Hant-HK", "https://news.example.com.tw/a/1", "HK"),  # the language's own country
        ("sw", "", "TZ"),
        ("", "https://nation.co.ke/x", ""),
    ],
)
def test_page_territory_from_the_address(language, url, territory):
    assert page_territory(language, url) == territory


def test_kenyan_swahili_page_means_the_kenyan_shilling():
    html = (
        '<html lang="sw"><head><title>Habari</title></head><body><article>'
        "<h1>Wakulima wa chai walalamika</h1>"
        "<p>Serikali imetenga Sh500 milioni kwa ajili ya wakulima wa chai mwaka huu, "
        "alisema waziri.</p></article></body></html>"
    )
    draft = parse_article(html, filename="a.html", url="https://taifaleo.nation.co.ke/x")
    assert [(c.figure, c.unit) for c in draft.claim_candidates] == [(Decimal(500_000_000), "KES")]


# -- a currency word several countries share, from the CLDR ---------------------------------------


def _arabic_page(paragraph: str, url: str) -> list[tuple[Decimal, str]]:
    html = (
        '<html lang="ar" dir="rtl"><head><title>اقتصاد</title></head><body><article>'
        f"<h1>الشركة تعلن نتائجها</h1><p>{paragraph}</p></article></body></html>"
    )
    draft = parse_article(html, filename="a.html", url=url)
    return [(c.figure, c.unit) for c in draft.claim_candidates]


@pytest.mark.parametrize(
    ("paragraph", "url", "unit"),
    [
        (
            "وقال المدير إن الشركة حققت أرباحا بلغت 186 مليون ريال العام الماضي.",
            "https://a.com.qa/x",
            "QAR",
        ),
        (
            "وقال المدير إن الشركة حققت أرباحا بلغت 186 مليون ريال العام الماضي.",
            "https://a.com.sa/x",
            "SAR",
        ),
        (
            "وقال المدير إن الأرباح بلغت 186 مليون ريال سعودي العام الماضي.",
            "https://a.com.qa/x",
            "SAR",
        ),
        ("وقال المدير إن الشركة استثمرت 40 مليون درهم في المصنع الجديد.", "https://a.ma/x", "MAD"),
        (
            "وقال المدير إن الشركة استثمرت 40 مليون دينار في المصنع الجديد.",
            "https://a.com.jo/x",
            "JOD",
        ),
        (
            "وقال المدير إن الشركة استثمرت 300 مليون جنيه في المصنع الجديد.",
            "https://a.com.eg/x",
            "EGP",
        ),
    ],
)
def test_shared_currency_word_means_the_pages_country(paragraph, url, unit):
    assert [u for _v, u in _arabic_page(paragraph, url)] == [unit]
