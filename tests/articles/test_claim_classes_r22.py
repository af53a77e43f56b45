"""Claim classes of the round on holdout22 (and holdout21's leftovers), each on lines written
here: invented sentences in other words, places and numbers than the sets' pages, the expected
values read off them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from archive.articles import parse_article
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


# --- Currencies of Iceland, Georgia, Iran, Armenia, Nepal from the CLDR; spellings it lacks;
# coins and tomans; per-cent words -----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Fyrirtækið greiddi 85 milljónir króna í sekt á Ísafirði.",
            [(Decimal(85_000_000), "ISK")],
        ),
        ("ბიუჯეტი 2,8 მილიონი ლარით შემცირდა ზუგდიდში.", [(Decimal(2_800_000), "GEL")]),
        ("شهرداری اصفهان ۶۰ میلیارد ریال هزینه کرد.", [(Decimal(60_000_000_000), "IRR")]),
        ("Գյուղապետարանը ծախսել է 900 հազար դրամ։", [(Decimal(900_000), "AMD")]),
        ("जनकपुरमा १५ हजार रुपैयाँ भाडा तिर्नुपर्छ ।", [(Decimal(15_000), "NPR")]),
        ("मजदूरों को रोज 520 रुपये मिलते हैं।", [(Decimal(520), "INR")]),
        ("Općina je izdvojila 340.000 KM za vodovod.", [(Decimal(340_000), "BAM")]),
        # coins: the fils a thousandth of the dinar, the tetri a hundredth of the lari
        ("ارتفع سعر الخبز إلى ٢٥٠ فلساً في الجهراء.", [(Decimal("0.25"), "KWD")]),
        ("ბილეთი 70 თეთრი ღირს ბათუმში.", [(Decimal("0.7"), "GEL")]),
        # the toman is ten rials, also in a figure printed in groups joined by "و"
        ("قیمت نان در شیراز به ۱۲ هزار و ۸۰۰ تومان رسید.", [(Decimal(128_000), "IRR")]),
        # per-cent words with their case endings
        ("Atvinnuleysi jókst um 4 prósent á Akureyri.", [(Decimal(4), "%")]),
        ("ფასები 12 პროცენტით გაიზარდა რუსთავში.", [(Decimal(12), "%")]),
        ("تورم در مشهد به ۴۲ درصد رسید.", [(Decimal(42), "%")]),
        ("Արտահանումն աճել է 27 տոկոսով։", [(Decimal(27), "%")]),
    ],
)
def test_currencies_coins_and_percent_words(sentence, expected):
    assert _read(sentence) == expected


# --- Figures printed as groups with their scale words, the currency after the last ---------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("ঢাকায় ভাড়া এখন ২ হাজার ৪০০ টাকা।", [(Decimal(2400), "BDT")]),
        ("سعر الكيلو بلغ ٣ آلاف و٢٥٠ دينار.", [(Decimal(3250), "KWD")]),
        ("नगरपालिकाले रु. ३ करोड २५ लाख छुट्याएको छ ।", [(Decimal(32_500_000), "INR")]),
        ("पोखरामा ८ हजार ६ सय घर छन् ।", [(Decimal(8600), "घर छन्")]),
    ],
)
def test_figures_in_groups(sentence, expected):
    # "रु." is read as the rupee of India here; a Nepali page's own is set by `home_currency`
    assert _read(sentence) == expected


# --- Shares in words, with their endings ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Nær helmingi íbúanna á Egilsstöðum vinnur hjá hinu opinbera.", Decimal("0.5")),
        ("Um fjórðungur nemenda í Borgarnesi tekur strætó.", Decimal("0.25")),
        ("თბილისში მოსახლეობის ნახევარზე მეტი ქირით ცხოვრობს.", Decimal("0.5")),
        ("نیمی از نانوایی‌های قزوین تعطیل شده‌اند.", Decimal("0.5")),
        ("حدود یک‌چهارم دانشجویان رشت خوابگاه ندارند.", Decimal("0.25")),
        ("धरानका एक तिहाइ पसल बन्द छन् ।", Decimal("0.33")),
        ("चितवनमा आधाभन्दा बढी किसानले धान बेचे ।", Decimal("0.5")),
        ("রাজশাহীর অর্ধেক আমবাগান ক্ষতিগ্রস্ত।", Decimal("0.5")),
        ("আয় এক-চতুর্থাংশে নেমেছে।", Decimal("0.25")),
        ("부산 지역 어선의 절반이 출항하지 못했다.", Decimal("0.5")),
        ("החברה מכרה בחצי מהכמות בשנה שעברה.", Decimal("0.5")),
    ],
)
def test_shares_in_words(sentence, expected):
    values = [f.value for f in read_figures(sentence) if f.share]
    assert [round(v, 2) for v in values] == [expected]


@pytest.mark.parametrize(
    "sentence",
    ["הנסיעה נמשכה חצי שעה.", "הם טיילו בחצי האי.", "მან ნახევარი საათი იცადა.",
     "Hann beið í helming klukkustundar."],
)  # fmt: skip
def test_half_an_hour_and_a_peninsula_are_no_share(sentence):
    assert [f for f in read_figures(sentence) if f.share] == []


# --- Two Hebrew prefix letters before a figure; Korean counters; Bengali classifiers; a day
# before a month's name in any script is a date --------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "המפעל בחיפה העסיק 300 עובדים, וכ-45% מהם נשים.",
            [(Decimal(300), "עובדים"), (Decimal(45), "%")],
        ),
        ("העירייה גבתה מכ-900 עסקים ארנונה מופחתת.", [(Decimal(900), "עסקים")]),
        ("올해 전주 지역에서 팔린 우유는 120만병이다.", [(Decimal(1_200_000), "병")]),
        ("도서관은 작년 3만2000권을 새로 들였다.", [(Decimal(32_000), "권")]),
        ("খুলনার ১৫টি কারখানা বন্ধ হয়ে গেছে।", [(Decimal(15), "কারখানা")]),
        ("বরিশালে ৪২জন জেলে নিখোঁজ।", [(Decimal(42), "জেলে")]),
        # an ordinal chapter; a day and a month in Bengali, Hindi and Armenian
        ("보고서 제3장에서 이를 다뤘다.", []),
        ("সিলেট, ১২ মার্চ: বৃষ্টি হয়েছে।", []),
        ("लखनऊ, 7 अक्टूबर को बैठक हुई।", []),
        ("ՎԱՆԱՁՈՐ, 9 ՄԱՐՏԻ, ԱՐՄԵՆՊՐԵՍ։", []),
    ],
)
def test_prefixes_counters_classifiers_and_month_names(sentence, expected):
    # the unit's first word: what the figure counts
    assert [(f.value, f.unit.split()[0]) for f in read_figures(sentence)] == expected


# --- "X of our Y"; a capitalised word before "X of Y"; a space after the sign; Zimbabwe Gold;
# small numbers in Bosnian, Icelandic and Armenian words --------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("“Four of our five kilns are cold,” the owner said.", [(4, "kilns"), (5, "kilns")]),
        (
            "Cerramos tres de nuestras siete sucursales en Salto.",
            [(3, "sucursales"), (7, "sucursales")],
        ),
        ("Die Firma streicht in Esch 40 von 210 Stellen.", [(40, "Stellen"), (210, "Stellen")]),
        ("El municipio pagará $ 4.500 por familia.", [(4500, "USD")]),
        ("Vendors pay ZiG2 400 a month in Bulawayo.", [(2400, "ZWG")]),
        ("Zatvoreno je pet od osam rudnika u Zenici.", [(8, "rudnika")]),
        (
            "Bæjarráð lokaði tveimur af fjórum leikskólum á Selfossi.",
            [(2, "leikskólum"), (4, "leikskólum")],
        ),
        ("Fimm bátar lágu við bryggju á Húsavík.", [(5, "bátar")]),
        ("Գործարանը փակեց հինգ արտադրամաս Վանաձորում։", [(5, "արտադրամաս")]),
        # a time of day and a duration in words: no figure
        ("Trajekt isplovljava u osam ujutro iz Splita.", []),
    ],
)
def test_parts_signs_and_word_numbers(sentence, expected):
    assert [(f.value, f.unit.split()[0]) for f in read_figures(sentence)] == expected


# --- The noun before an Armenian stop or comma; "X में से Y" / "X मध्ये Y" (Y of the X);
# Nepali case endings on the per-cent word -----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Վանաձորում աշխատում է 3 հազար բժիշկ։", [(3000, "բժիշկ")]),
        ("Գործարանը կազատի 80 վարորդի՝ ըստ տնօրենի։", [(80, "վարորդի")]),
        ("ज़िले के 40 में से 9 स्कूल बंद हैं।", [(40, "स्कूल"), (9, "स्कूल")]),
        ("२५ मध्ये ६ कारखाना बन्द भए ।", [(25, "कारखाना"), (6, "कारखाना")]),
        ("भाडा १२ प्रतिशतले बढ्यो ।", [(12, "%")]),
    ],
)
def test_units_after_script_stops_and_postpositions(sentence, expected):
    assert [(f.value, f.unit.split()[0]) for f in read_figures(sentence)] == expected


# --- English "X hundred and Y" in words (any case); Bosnian, Croatian and Serbian multiples --


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("THREE hundred and sixty families were moved from Lautoka.", [(360, "families")]),
        ("Some two hundred and seven buses were taken off the road.", [(207, "buses")]),
        ("Four hundred and fifty-five nurses signed the petition.", [(455, "nurses")]),
    ],
)
def test_hundred_and_in_words(sentence, expected):
    assert [(f.value, f.unit.split()[0]) for f in read_figures(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("Zarade su trostruko veće u Tuzli.", 3), ("Prinos je dvostruko manji nego lani.", 2)],
)
def test_bosnian_multiples(sentence, value):
    assert [(f.value, f.share) for f in read_figures(sentence)] == [(value, True)]


# --- The rupee's sign on a Nepali page is Nepal's rupee, unless India's is named ------------


def _nepali_page(paragraph: str) -> list[tuple[Decimal, str]]:
    html = (
        '<html lang="ne"><head><title>समाचार</title></head><body><article>'
        f"<h1>चिया किसान आन्दोलित</h1><p>{paragraph}</p></article></body></html>"
    )
    draft = parse_article(html, filename="a.html")
    return [(c.figure, c.unit) for c in draft.claim_candidates]


def test_rupee_sign_on_a_nepali_page():
    found = _nepali_page("इलामका किसानले प्रतिकिलो रु. ६५ पाउने गरेको बताए ।")
    assert found == [(Decimal(65), "NPR")]
    found = _nepali_page("सीमापारि भारतीय बजारमा प्रतिकिलो रु. ४० पर्छ, किसानले भने ।")
    assert found == [(Decimal(40), "INR")]
