"""Figure classes of the round on holdout19 and holdout20, each on lines written here.

Each test is a convention of scripts and newsrooms (how a sentence ends, how a number, a scale,
a share, a per cent or a currency is printed); the sentences are invented, in other words,
places and numbers than the sets' pages, in another language where the convention exists.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from archive.articles import extract_claim_candidates, parse_article
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


# Chinese, Japanese and Thai: the figure read with the scale, counter or currency joined to it.


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Japanese myriads, yen and counters
        (
            "市によると、今年度は約2億6000万円の赤字で、利用者は延べ約430万人だった。",
            [(Decimal(260000000), "JPY"), (Decimal(4300000), "人")],
        ),
        (
            "県は新たに12校を指定し、バス23台を導入する。",
            [(Decimal(12), "校"), (Decimal(23), "台")],
        ),
        # Chinese (traditional and simplified) myriads, counters, per cent
        (
            "農會表示，今年共有85艘漁船出海，收入減少約27%，損失約3.2億元。",
            [(Decimal(85), "艘"), (Decimal(27), "%"), (Decimal(320000000), "CNY")],
        ),
        ("该市共有640家工厂，雇用约1.5万人。", [(Decimal(640), "家"), (Decimal(15000), "人")]),
        # Thai scales joined to one another and to the baht; classifiers
        (
            "กรมประมงระบุว่า มูลค่าส่งออก 2.4 แสนล้านบาท จากเรือ 530 ลำ",
            [(Decimal(240000000000), "THB"), (Decimal(530), "ลำ")],
        ),
    ],
)
def test_figures_joined_to_their_scale_counter_or_currency(sentence, expected):
    assert _figures(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "share"),
    [
        ("組合によると、組合員の3割が離職した。", Decimal("0.3")),  # Japanese tenths
        ("業者說，今年產量只剩6成。", Decimal("0.6")),  # Chinese tenths
        ("漁會指出，漁船數量減少4分之1。", Decimal("0.25")),
        ("調査では、回答者の5分の2が反対した。", Decimal("0.4")),
        ("組合によると、工場の半数が閉鎖された。", Decimal("0.5")),
        ("ผู้ว่าฯ กล่าวว่า ข้าวเสียหายราว 2 ใน 5 ของพื้นที่", Decimal("0.4")),
        ("ผู้ว่าฯ กล่าวว่า โรงงานปิดไปแล้วครึ่งหนึ่ง", Decimal("0.5")),
    ],
)
def test_shares_in_chinese_japanese_and_thai(sentence, share):
    (figure,) = read_figures(sentence)
    assert (figure.value, figure.share) == (share, True)


@pytest.mark.parametrize(
    "sentence",
    [
        "同社は2025年10月1日に設立され、社長は61歳。",  # a date and an age
        "過去7年間で初めて、3年連続の減少となった。",  # durations
        "ผู้จัดการกล่าวว่า ช่วง 8 เดือนแรกของปี 2568 ยอดขายลดลง",  # months and a year
    ],
)
def test_numbers_with_no_counter_are_no_figures(sentence):
    assert read_figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("ร้านขายก๋วยเตี๋ยวได้วันละ 80 ชาม", Decimal(80), "ชาม"),  # bowls
        ("โรงพยาบาลเพิ่มเตียงอีก 40 เตียง", Decimal(40), "เตียง"),  # beds
        ("สหกรณ์ส่งข้าวสาร 1,200 กระสอบ", Decimal(1200), "กระสอบ"),  # sacks
        ("น้ำท่วมแล้ว 17 หมู่บ้าน", Decimal(17), "หมู่บ้าน"),  # villages
        ("ใช้น้ำมัน 3,500 ลิตร", Decimal(3500), "ลิตร"),  # litres
    ],
)
def test_thai_figures_with_the_common_classifiers_and_units(sentence, value, unit):
    (figure,) = read_figures(sentence)
    assert (figure.value, figure.unit) == (value, unit)


def test_a_thai_range_of_baht():
    (figure,) = read_figures("ราคาข้าวเปลือกเหลือ 7,800-8,200 บาท ต่อตัน")
    assert (figure.value, figure.high, figure.unit) == (Decimal(7800), Decimal(8200), "THB")


def test_an_english_sentence_naming_a_place_in_chinese_is_read_as_english():
    assert _figures("The city of Tainan (台南) hired 120 new drivers last year.") == [
        (Decimal(120), "drivers")
    ]


# Scale words of more languages, and each country's currency named as the CLDR names it.


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Arabic thousands, millions, billions; the riyal
        (
            "وقال المدير إن الميناء استقبل 27 ألف حاوية بقيمة 3.4 مليار ريال",
            [(Decimal(27000), "حاوية"), (Decimal(3400000000), "SAR")],
        ),
        # Hebrew; the shekel
        ("לדברי העירייה, הפרויקט יעלה 65 מיליון שקל", [(Decimal(65000000), "ILS")]),
        # Hindi lakh and crore; the rupee
        (
            "मंडी समिति के अनुसार 2.5 लाख क्विंटल गेहूं 70 करोड़ रुपए में बिका",
            [(Decimal(250000), "क्विंटल"), (Decimal(700000000), "INR")],
        ),
        # Bengali lakh and crore; the taka
        ("সমিতি জানায়, ক্ষতি হয়েছে 12 কোটি টাকা", [(Decimal(120000000), "BDT")]),
        # Tamil crore with a case ending, after the paper's rupee abbreviation
        ("சங்கத்தின் வருவாய் ரூ.75 கோடியாக உயர்ந்தது", [(Decimal(750000000), "INR")]),
        ("மாவட்டத்தில் 3 லட்சம் விவசாயிகள் உள்ளனர்", [(Decimal(300000), "விவசாயிகள்")]),
        # Indonesian and Malay
        (
            "Menurut dinas, kerugian mencapai Rp 47 miliar dan 18 ribu warga terdampak",
            [(Decimal(47000000000), "IDR"), (Decimal(18000), "warga")],
        ),
        (
            "Kerajaan memperuntukkan 120 juta ringgit untuk projek itu",
            [(Decimal(120000000), "MYR")],
        ),
        # Kazakh thousands; the tenge with a case ending
        (
            "Әкімдіктің мәліметінше, 45 мың тұрғын жол ақысын 90 теңгеден төлейді",
            [(Decimal(45000), "тұрғын"), (Decimal(90), "KZT")],
        ),
        # Swahili
        ("Halmashauri ilisema imepokea Sh4.8 bilioni", [(Decimal(4800000000), "KES")]),
        # European Portuguese: a thousand million
        ("As vendas chegaram a 2,4 mil milhões de euros", [(Decimal(2400000000), "EUR")]),
    ],
)
def test_scale_words_and_currency_names_of_more_languages(sentence, expected):
    assert [(v, u.split()[0] if u else u) for v, u in _figures(sentence)] == expected


def test_bulgarian_million_abbreviation_keeps_its_full_stop_and_currency():
    assert _figures("Общината е превела 7,2 млн. евро на дружеството") == [
        (Decimal(7200000), "EUR")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Arabic "and" joined to the top of a range after "between"
        ("وتتراوح الأسعار بين 12 و16 ريالاً للكيلو", (Decimal(12), Decimal(16), "SAR")),
        # Hebrew "about" joined with a hyphen
        ("לדברי המשטרה, כ-450 מפגינים הגיעו", (Decimal(450), None, "מפגינים")),
    ],
)
def test_a_one_letter_word_joined_to_the_figure(sentence, expected):
    (figure,) = read_figures(sentence)
    assert (figure.value, figure.high, figure.unit.split()[0]) == expected


# Per cent said in words, after the figure or (Turkish, Swahili) before it.


@pytest.mark.parametrize(
    "sentence",
    [
        "وقالت الوزارة إن الصادرات تراجعت 17 في المائة",  # Arabic
        "وأوضح أن النمو بلغ 4 بالمئة",
        "לדברי הלשכה, האבטלה עלתה ב-6 אחוזים",  # Hebrew
        "बिजली की मांग में 9 प्रतिशत की बढ़ोतरी हुई",  # Hindi
        "উৎপাদন 11 শতাংশ কমেছে বলে জানায় সমিতি",  # Bengali
        "விலை 25 சதவீதமாக உயர்ந்தது என்றார்",  # Tamil, with a case ending
        "Menurut BPS, inflasi naik 3 persen",  # Indonesian
        "Harga getah turun 8 peratus bulan ini",  # Malay
        "Бидай бағасы 15 пайызға өсті",  # Kazakh, with a case ending
        "Belediye su fiyatını yüzde 24 artırdı",  # Turkish, before the figure
        "Bei ya mahindi imeshuka kwa asilimia 12 mwaka huu",  # Swahili, before the figure
    ],
)
def test_per_cent_said_in_words(sentence):
    (figure,) = read_figures(sentence)
    assert figure.unit == "%"


# A third, a quarter, a half as one word.


@pytest.mark.parametrize(
    ("sentence", "share"),
    [
        ("وأكد المدير أن ربع المزارع توقفت عن الإنتاج", Decimal("0.25")),  # Arabic
        ("وقال إن الشركة باعت نصف أسطولها", Decimal("0.5")),
        ("לדברי המנהל, כרבע מהמשאיות מושבתות", Decimal("0.25")),  # Hebrew, "about" joined
        ("उन्होंने बताया कि एक चौथाई दुकानें बंद हैं", Decimal("0.25")),  # Hindi
        ("Menurut dinas, sepertiga sawah terendam banjir", Decimal("0.33")),  # Indonesian
        ("Mwenyekiti alisema theluthi ya mashamba yameharibika", Decimal("0.33")),  # Swahili
    ],
)
def test_a_share_said_as_one_word(sentence, share):
    (figure,) = read_figures(sentence)
    assert (figure.value, figure.share) == (share, True)


@pytest.mark.parametrize(
    "sentence",
    [
        "وقال السائق إنه انتظر نصف ساعة عند الحدود",  # half an hour
        "Kami menunggu setengah jam di terminal",
        "Abiria walisubiri nusu saa kituoni",
    ],
)
def test_half_an_hour_is_no_share(sentence):
    assert read_figures(sentence) == []


# Money of more house styles.


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Ugandan shillings, "Shs" joined to the figure
        ("The union said maize fell to Shs650 a kilogramme", [(Decimal(650), "UGX")]),
        ("The district will seek Shs3.4 billion from the ministry", [(Decimal(3400000000), "UGX")]),
        # Spanish cents of a dollar
        ("El café se pagaba a 95 centavos de dólar la libra", [(Decimal("0.95"), "USD")]),
        # Vietnamese billion with its tone mark on the other letter
        ("Công ty lỗ 12 tỉ đồng trong quý ba", [(Decimal(12000000000), "VND")]),
    ],
)
def test_money_and_scales_of_more_house_styles(sentence, expected):
    assert _figures(sentence) == expected


def test_turkish_thousands_in_a_case():
    (figure,) = read_figures("Kooperatifin üye sayısı 7 bine düştü")
    assert figure.value == 7000


# A sign shared by several countries means the page's own country's currency.

_PAGE = """<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body>
<article><h1>{title}</h1><p>{body}</p></article></body></html>"""


@pytest.mark.parametrize(
    ("lang", "body", "unit"),
    [
        ("zh-Hant-TW", "農會總幹事表示，今年補助款共約2400萬元。", "TWD"),
        ("zh-Hant-HK", "運輸署表示，新巴士每輛約需350萬元。", "HKD"),
        ("zh-Hans-CN", "市政府表示，项目投资约2400万元。", "CNY"),
        ("zh-Hant-TW", "農會表示，合作社去年向大陸買進人民幣90萬元的飼料。", "CNY"),
        ("sw", "Mwenyekiti alisema chama kimepata Sh48 milioni msimu huu.", "TZS"),
        ("en", "The chairman said the union earned Sh48 million this season.", "KES"),
    ],
)
def test_a_shared_currency_sign_means_the_page_countrys_own(lang, body, unit):
    page = _PAGE.format(lang=lang, title="Test page headline", body=body)
    draft = parse_article(page.encode(), filename="page.html")
    assert [c.unit for c in draft.claim_candidates if c.figure is not None] == [unit]


# Units: "X of its Y nouns" in Spanish, Portuguese and Romanian; the Arabic comma; multiples.


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("La cooperativa despedirá a 42 de sus 130 socios", "socios"),
        ("A fábrica vai dispensar 75 dos seus 310 operários", "operários"),
        ("Primăria a concediat 14 dintre cei 60 de funcționari", "funcționari"),
    ],
)
def test_a_count_of_its_whole_takes_the_wholes_noun(sentence, unit):
    first = read_figures(sentence)[0]
    assert first.unit == unit


def test_the_arabic_comma_ends_a_unit():
    (figure,) = read_figures("وقال إن المصنع يوظف 850 موظفاً، معظمهم من المدينة")
    assert figure.unit == "موظفاً"


@pytest.mark.parametrize(
    "sentence",
    [
        "विशेषज्ञों के अनुसार नदी का पानी 6 गुना ज्यादा गंदा है",  # Hindi "times"
        "Menurut serikat, upah buruh naik 3 kali dari tahun lalu",  # Indonesian "times"
    ],
)
def test_times_is_a_multiple_not_a_unit(sentence):
    figures = [f for f in read_figures(sentence)]
    assert figures and all(f.unit == "" for f in figures)


def test_us_dollar_sign_with_a_space():
    assert _figures("Nilai ekspor mencapai US$ 4,2 miliar tahun lalu") == [
        (Decimal(4200000000), "USD")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Portuguese "dos" (of the) is no Spanish "dos" (two)
        ("A empresa vai dispensar 75 dos seus 310 operários", [Decimal(75), Decimal(310)]),
        ("Metade dos inquilinos não pagou a renda", [Decimal("0.5")]),
        ("A câmara ouviu os representantes dos pescadores", []),
        # ... which stays a number in Spanish
        ("La empresa contrató a dos ingenieros", [Decimal(2)]),
    ],
)
def test_portuguese_dos_is_no_number(sentence, expected):
    assert [f.value for f in read_figures(sentence)] == expected


# Swahili prints the counted noun before the number.


def _page_units(lang: str, body: str) -> list[str]:
    page = _PAGE.format(lang=lang, title="Test page headline", body=body)
    draft = parse_article(page.encode(), filename="page.html")
    return [c.unit for c in draft.claim_candidates if c.figure is not None]


@pytest.mark.parametrize(
    ("body", "units"),
    [
        ("Mwenyekiti alisema ushirika ulikusanya magunia 7,300 msimu huu.", ["magunia"]),
        ("Afisa kilimo alisema wavuvi zaidi ya 2,400 wamesajiliwa.", ["wavuvi"]),
        ("Meneja alisema bei ilipanda kwa asilimia 9 na kufikia Sh1,800.", ["%", "TZS"]),
    ],
)
def test_swahili_counted_noun_before_the_number(body, units):
    assert _page_units("sw", body) == units


def test_a_page_in_another_language_keeps_the_noun_after_the_number():
    assert _page_units("en", "The chairman said the union collected 7,300 sacks.") == ["sacks"]


# Counts in words of more languages.


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Primăria a închis patru școli din comună", Decimal(4), "școli"),  # Romanian
        ("Pemerintah membangun empat bendungan baru", Decimal(4), "bendungan"),  # Indonesian
        ("Vallavalitsus sulgeb kolm raamatukogu", Decimal(3), "raamatukogu"),  # Estonian
        ("Tỉnh xây thêm sáu trường học mới", Decimal(6), "trường"),  # Vietnamese
        ("העירייה תסגור ארבעה גני ילדים", Decimal(4), "גני"),  # Hebrew
    ],
)
def test_counts_in_words_of_more_languages(sentence, value, unit):
    (figure,) = read_figures(sentence)
    assert (figure.value, figure.unit.split()[0]) == (value, unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "Warga mengaku sudah tiga hari tidak bisa berjualan",  # Indonesian days
        "Vallavanem ütles, et sõit kestab kolm tundi",  # Estonian hours
        "ביום שני חסמו המפגינים את הכביש",  # Hebrew "Monday"
        "Kes meid enam tööle võtab?",  # Estonian "more", not Indonesian "six"
    ],
)
def test_durations_and_look_alikes_are_no_counts(sentence):
    assert read_figures(sentence) == []
