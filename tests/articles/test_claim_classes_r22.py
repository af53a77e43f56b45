"""Claim classes of the round on holdout22 (and holdout21's leftovers), each on lines written
here: invented sentences in other words, places and numbers than the sets' pages, the expected
values read off them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from archive.articles.figures import read_figures
from archive.articles.sentences import split_sentences


def _read(sentence: str) -> list[tuple[Decimal, str]]:
    return [(f.value, f.unit) for f in read_figures(sentence)]


# --- Full stops of scripts that write a space after them; the rupee's abbreviation ---------


@pytest.mark.parametrize(
    ("paragraph", "count"),
    [
        ("Երևանում բացվեց նոր դպրոց։ Այնտեղ կսովորի 600 երեխա։", 2),  # Armenian
        ("ក្រុមហ៊ុនបានបើករោងចក្រថ្មីនៅកំពត។ កម្មករ ២០០ នាក់ធ្វើការនៅទីនោះ។", 2),  # Khmer
        ("کراچی میں نیا اسپتال کھل گیا۔ اس میں 300 بستر ہیں۔", 2),  # Urdu
        ("पोखरामा रु. ४,५०० मा कोठा पाइन्छ । होटल भरिएका छन् ।", 2),  # "रु." ends nothing
    ],
)
def test_script_stops_end_sentences(paragraph, count):
    assert len(split_sentences(paragraph)) == count


# --- Khmer: digits, space-grouped thousands, comma decimals, scales, riel, per cent --------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("តម្លៃពោតបានកើនឡើងដល់ ២ ៥០០ រៀល ក្នុងមួយគីឡូ។", [(Decimal(2500), "KHR")]),
        ("ក្រុមហ៊ុនខាតបង់ ១៧ លានដុល្លារ កាលពីឆ្នាំមុន។", [(Decimal(17_000_000), "USD")]),
        ("ខេត្តកំពតមានដីដាំម្រេច ៦ ៨០០ ហិកតា។", [(Decimal(6800), "ហិកតា")]),
        ("ទិន្នផលបានធ្លាក់ចុះ ២៥ ភាគរយ។", [(Decimal(25), "%")]),
        ("ការនាំចេញកើនដល់ ២,៥ លានតោន។", [(Decimal(2_500_000), "តោន")]),
        ("មានកម្មករ ៨៥០ នាក់ នៅរោងចក្រនោះ។", [(Decimal(850), "នាក់")]),
        ("ពលរដ្ឋពាក់កណ្ដាលនៃភូមិបានចាកចេញ។", [(Decimal("0.5"), "")]),
        # an age, a duration and a year state no figure
        ("លោកអាយុ ៥២ ឆ្នាំ ហើយធ្វើការ ៨ ខែ ក្នុងឆ្នាំ២០២៥។", []),
    ],
)
def test_khmer_figures(sentence, expected):
    assert _read(sentence) == expected


# --- Chinese and Japanese: Han numerals before tenths, fractions and counters; more
# currencies; multiples; "one in N" -----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("调查显示，受访者中有七成支持新方案。", [(Decimal("0.7"), "")]),
        ("全港約五分之一長者獨居。", [(Decimal("0.2"), "")]),
        ("槟城有三家工厂宣布关闭。", [(Decimal(3), "家")]),
        ("事故中有兩名乘客受傷。", [(Decimal(2), "名")]),
        ("該校每日開出18班校巴，約3500人次使用。", [(Decimal(18), "班"), (Decimal(3500), "人次")]),
        ("政府拨款1.6亿新元兴建新医院。", [(Decimal(160_000_000), "SGD")]),
        ("每月租金约为1800令吉。", [(Decimal(1800), "MYR")]),
        ("輸出額は5年で2.4倍に増えた。", [(Decimal("2.4"), "")]),
        ("住民の4人に1人が高齢者だ。", [(Decimal("0.25"), "")]),
        # "a man", an idiom, "twenty or thirty years", per cent in words: no figure
        ("一名男子在现场被捕。", []),
        ("这项制度一成不变。", []),
        ("他在这里住了二三十年。", []),
    ],
)
def test_han_numerals_currencies_multiples(sentence, expected):
    assert _read(sentence) == expected
