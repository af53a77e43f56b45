"""Figure classes of the round on holdout19 and holdout20, each on lines written here.

Each test is a convention of scripts and newsrooms (how a sentence ends, how a number, a scale,
a share, a per cent or a currency is printed); the sentences are invented, in other words,
places and numbers than the sets' pages, in another language where the convention exists.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from archive.articles import extract_claim_candidates
from archive.articles.figures import read_figures
from archive.articles.sentences import split_sentences


def _figures(sentence: str) -> list[tuple[Decimal, str]]:
    return [(f.value, f.unit) for f in read_figures(sentence)]


def _claims(*paragraphs: str) -> list[tuple[Decimal, str]]:
    return [
        (c.figure, c.unit)
        for c in extract_claim_candidates(list(paragraphs))
        if c.figure is not None
    ]


# Sentence ends in scripts with their own stop or without case.


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        # Chinese and Japanese "。", no space after it
        ("颱風造成停電。台南市有三千戶受影響。", ["颱風造成停電。", "台南市有三千戶受影響。"]),
        (
            "大雪で運休した。札幌市では混乱が続いた。",
            ["大雪で運休した。", "札幌市では混乱が続いた。"],
        ),
        # Hindi and Marathi "।"
        (
            "बारिश से फसल खराब हुई। किसान चिंतित हैं।",
            ["बारिश से फसल खराब हुई।", "किसान चिंतित हैं।"],
        ),
        # Tamil, Arabic and Hebrew: a full stop and a space before a letter without case
        (
            "மழை பெய்தது. விவசாயிகள் மகிழ்ச்சி.",
            ["மழை பெய்தது.", "விவசாயிகள் மகிழ்ச்சி."],
        ),
        ("أغلق الميناء. وتوقفت السفن.", ["أغلق الميناء.", "وتوقفت السفن."]),
        ("הנמל נסגר. האוניות עוגנות.", ["הנמל נסגר.", "האוניות עוגנות."]),
    ],
)
def test_sentence_ends_in_scripts_with_their_own_stop_or_without_case(paragraph, sentences):
    assert split_sentences(paragraph) == sentences


def test_a_chinese_quotation_stays_with_its_speaker():
    assert split_sentences("「今年收成很差。」農會總幹事說。") == [
        "「今年收成很差。」農會總幹事說。"
    ]


def test_latin_sentences_still_need_a_capital_after_the_stop():
    assert split_sentences("Prices rose 4 p.c. in May. Then they fell.") == [
        "Prices rose 4 p.c. in May.",
        "Then they fell.",
    ]


# Units written with combining vowel signs (Thai, Devanagari, Tamil).


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("โรงงานผลิตข้าวได้ 25 ตัน ต่อวัน ตามที่ผู้จัดการกล่าว", "ตัน"),
        ("जिले में 340 किसानों ने फसल बीमा लिया है", "किसानों"),
        ("மாவட்டத்தில் 950 விவசாயிகள் பதிவு செய்தனர்", "விவசாயிகள்"),
    ],
)
def test_unit_written_with_combining_vowel_signs(sentence, unit):
    (figure,) = read_figures(sentence)
    assert figure.unit.split()[0] == unit


def test_a_sentence_without_spaces_is_read_for_claims():
    # Thai writes a clause without spaces; the sentence has fewer than four spaced words.
    assert _claims("นายสมชายกล่าวว่าโรงงานจ้างคนงาน 250 คน") == [(Decimal(250), "คน")]


# Native digits and the CLDR's Arabic decimal, group and percent signs.


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("وقال المدير إن المصنع أنتج ١٢٫٥ طن من الإسمنت", Decimal("12.5"), "طن"),
        ("وقال المدير إن الأسعار ارتفعت ٣٧٪ هذا العام", Decimal(37), "%"),
        ("वहाँ ४८० मज़दूर काम करते हैं", Decimal(480), "मज़दूर"),
        ("ในจังหวัดมีโรงสี ๓๕ แห่ง ตามข้อมูลของกรม", Decimal(35), "แห่ง"),
    ],
)
def test_native_digits(sentence, value, unit):
    (figure,) = read_figures(sentence)
    assert figure.value == value
    assert figure.unit.split()[0] == unit
