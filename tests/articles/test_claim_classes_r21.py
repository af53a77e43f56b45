"""Claim classes of the round on holdout21, each on lines written here.

Scale words printed after a figure in Icelandic (in its cases), Georgian, Persian (with Persian
digits), Armenian (with its abbreviations) and Nepali (crore without the Hindi dot below, with
a case ending, in Devanagari digits); the sentences are invented, in other words, places and
numbers than the set's pages, and the expected values read off them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from archive.articles.figures import read_figures
from archive.articles.scale_words import language_scale


def _values(sentence: str) -> list[Decimal]:
    return [f.value for f in read_figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Icelandic: dative plural of milljarður and milljón, nominative plural
        ("Sveitarfélagið segir að tekjurnar hafi numið 2,3 milljörðum króna.", 2_300_000_000),
        ("Ráðherra sagði að 450 milljónir króna færu í höfnina á Húsavík.", 450_000_000),
        ("Bankinn lánaði 7 milljarða króna til Akureyrar.", 7_000_000_000),
        # Georgian: "მილიონი" with the instrumental "ლარით", "ათასზე" ("more than … thousand")
        ("მინისტრის თქმით, ბიუჯეტი 4,7 მილიონი ლარით გაიზრდება.", 4_700_000),
        ("მერიის ცნობით, ბათუმში 85 ათასზე მეტი მოსწავლე სწავლობს.", 85_000),
        # Persian with Persian digits
        ("وزیر گفت بودجه استان به ۳۵ میلیارد ریال رسید.", 35_000_000_000),
        ("به گفته شهرداری، ۱۲ هزار خانوار در تبریز زندگی می‌کنند.", 12_000),
        # Armenian: "մլրդ" without a full stop, "հազար"
        ("Նախարարը նշեց, որ բյուջեն կազմել է 2,6 մլրդ դրամ։", 2_600_000_000),
        ("Վանաձորում ապրում է 48 հազար մարդ, ասաց նա։", 48_000),
        # Nepali: करोड as Nepali spells it, with the genitive ending "को"
        ("मन्त्रीका अनुसार सरकारले ३० करोडको ऋण दिएको छ ।", 300_000_000),
    ],
)
def test_scale_words_of_more_languages(sentence, expected):
    assert Decimal(expected) in _values(sentence)


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("milljörðum", 10**9),
        ("milljónum", 10**6),
        ("მილიარდი", 10**9),
        ("میلیون", 10**6),
        ("միլիոնից", 10**6),
        ("մլն", 10**6),
        ("अर्ब", 10**9),
    ],
)
def test_language_scale_reads_each_word(word, value):
    assert language_scale(word) == value


def test_a_word_of_no_scale_is_none():
    assert language_scale("hús") == 0
    assert language_scale("ლარი") == 0
