"""Failure classes of the second holdout11 round, each on a few lines written here.

Each test is a convention other publishers' pages share (a way of writing numbers, a money
sign, a credit word); the snippets are invented, in other words and about other places than
the set's pages, and the expected values read off them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from archive.articles import extract_claim_candidates, parse_article
from archive.articles.credit_lines import read_credit_line
from archive.articles.dates import dateline
from archive.articles.figures import read_figures
from tests.articles.conftest import PARAGRAPH


def _figures(sentence: str) -> list[tuple[Decimal, str]]:
    return [(f.value, f.unit) for f in read_figures(sentence)]


# Korean numbers: groups of 만 (10⁴), 억 (10⁸) and 조 (10¹²) with 천 inside a group, the
# currency or counter joined to the figure and a particle after it; multiples ("3배") and
# fractions ("4분의 1"); a year, an age or a bare number is no figure.


def test_korean_grouped_numbers_with_counters_and_particles():
    assert _figures("부산시는 올해 2조3천500억원의 예산을 편성했다고 밝혔다.") == [
        (Decimal("2350000000000"), "KRW")
    ]
    assert _figures("행사에는 관람객 7만5천명이 몰렸다고 주최 측이 전했다.") == [
        (Decimal("75000"), "명")
    ]
    assert _figures("지난해 접수된 민원은 2천310건으로 집계됐다.") == [(Decimal("2310"), "건")]
    assert _figures("전기차 보급은 1만 2천 대를 넘어섰다고 한다.") == [(Decimal("12000"), "대")]
    assert _figures("입장료는 성인 기준 8,500원이다 라고 안내했다.") == [(Decimal("8500"), "KRW")]
    assert _figures("청년층 실업률은 7.4%로 올라갔다고 통계청이 밝혔다.") == [(Decimal("7.4"), "%")]


def test_korean_multiples_fractions_and_no_figures():
    (multiple,) = read_figures("주말 방문객이 평일보다 3배 많았다고 밝혔다.")
    assert (multiple.value, multiple.unit, multiple.share) == (Decimal("3"), "", True)
    (share,) = read_figures("응답자의 4분의 1은 반대했다고 조사 기관이 밝혔다.")
    assert (share.value, share.share) == (Decimal("0.25"), True)
    # A year, an age, a month count, a bus line and a bare number in brackets: no figures.
    assert _figures("2024년 이후 박영호(68)씨는 3개월마다 12번 버스를 탔다.") == []
    # "수십" (tens of): vague, no figure; the 5만 beside it is one.
    assert _figures("수십 곳의 상점에서 5만명이 일한다고 조합이 밝혔다.") == [
        (Decimal("50000"), "명")
    ]


def test_korean_figures_are_claim_candidates():
    claims = extract_claim_candidates(["대전시는 무료 급식 대상이 3만4천명이라고 밝혔다."])
    assert [(c.figure, c.unit) for c in claims] == [(Decimal("34000"), "명")]


# Swiss house style: thousands split by an apostrophe ("1'250'000", "12’400"), money in
# francs printed "Fr. 85.–" or "CHF 3'200.–" (the dash: no rappen).


def test_swiss_apostrophe_thousands_and_franc_amounts():
    assert _figures("Der Kanton zählte 12’400 Grenzgänger und 1'250'000 Logiernächte.") == [
        (Decimal("12400"), "Grenzgänger"),
        (Decimal("1250000"), "Logiernächte"),
    ]
    assert _figures("Ein Parkplatz kostet neu Fr. 85.– pro Monat in Winterthur.") == [
        (Decimal("85"), "CHF")
    ]
    assert _figures("Die Sanierung kostet CHF 3'200.– pro Wohnung, sagt der Verband.") == [
        (Decimal("3200"), "CHF")
    ]
    assert _figures("Die Gemeinde erhält 45'000 Franken vom Bund für den Ausbau.") == [
        (Decimal("45000"), "CHF")
    ]
    # "Fr." ends no sentence: the amount after it is the sentence's.
    paragraph = "Die Preise steigen: Ein Abo kostet neu Fr. 960.– im Jahr. Das sagt die Firma."
    claims = extract_claim_candidates([paragraph])
    assert [(c.figure, c.unit) for c in claims] == [(Decimal("960"), "CHF")]
    assert claims[0].sentence.startswith("Die Preise steigen")
    # "Fr." before a day of the month is Friday, no money.
    assert _figures("Das Fest beginnt am Fr. 12. Juni mit 300 Gästen im Saal.") == [
        (Decimal("300"), "Gästen")
    ]


# Scale words after the figure in Czech ("tisíc", "milionů"), Turkish ("bin", "milyon",
# "milyar", with a case ending: "milyara") and Greek ("χιλ.", "εκατ.", "δισ."); and figures
# printed as groups, each with its scale word ("3 milyon 400 bin", "15 bin 250", Mexican
# "4 mil 800 pesos", "mil 500 millones": a thousand and five hundred million).


def test_scale_words_in_czech_turkish_and_greek():
    assert _figures("Obec dostane 420 tisíc korun na opravu mostu.")[0] == (
        Decimal("420000"),
        "CZK",
    )
    assert _figures("Dopravce loni odbavil 37 milionů pasažérů na letišti.")[0][0] == Decimal(
        "37000000"
    )
    assert _figures("Liman şirketi 2,4 milyar dolara satıldı geçen ay.")[0] == (
        Decimal("2400000000"),
        "USD",
    )
    assert _figures("Kooperatif bu yıl 75 bin ton fındık topladı.")[0][0] == Decimal("75000")
    assert _figures("Το νέο νοσοκομείο θα κοστίσει 320 εκατ. ευρώ συνολικά.") == [
        (Decimal("320000000"), "EUR")
    ]
    assert _figures("Η κυβέρνηση διαθέτει 2,3 δισ. ευρώ για τα λιμάνια.") == [
        (Decimal("2300000000"), "EUR")
    ]


def test_figures_printed_as_groups_with_their_scale_words():
    assert _figures("Sezonda toplam 3 milyon 400 bin ton buğday hasat edildi.")[0][0] == Decimal(
        "3400000"
    )
    assert _figures("Bölgede 15 bin 250 arıcı kayıtlı durumda.")[0][0] == Decimal("15250")
    assert _figures("El municipio invertirá mil 500 millones de pesos en agua.")[0][0] == Decimal(
        "1500000000"
    )
    assert _figures("Cada pozo cuesta 4 mil 800 pesos al mes en Sonora.") == [
        (Decimal("4800"), "pesos")
    ]


# Fractions and small counts in words in Czech ("dvě třetiny", "polovinu", "čtyři firmy"),
# Turkish ("beşte biri", "üçte ikisi", "yarısı"), Greek ("το ένα τέταρτο", "τα δύο τρίτα")
# and Spanish ("una cuarta parte", "dos terceras partes"): shares and counts, like "a third".


def _shares(sentence: str) -> list[Decimal]:
    return [f.value for f in read_figures(sentence) if f.share]


def test_fractions_in_czech_turkish_greek_and_spanish():
    assert _shares("Zhruba polovinu nákladů zaplatí kraj, uvedl mluvčí.") == [Decimal("0.5")]
    assert _shares("Dvě třetiny obyvatel obce dojíždějí za prací.") == [Decimal("0.67")]
    assert _shares("Kooperatif üyelerinin beşte biri kadın çiftçilerden oluşuyor.") == [
        Decimal("0.2")
    ]
    assert _shares("Hasadın üçte ikisi Avrupa'ya gönderildi dedi.") == [Decimal("0.67")]
    assert _shares("Fabrikanın üretiminin yarısından fazlası ihraç ediliyor.") == [Decimal("0.5")]
    assert _shares("Το ένα τέταρτο των σχολείων χρειάζεται επισκευή, είπε.") == [Decimal("0.25")]
    assert _shares("Τα δύο τρίτα των δρομολογίων καθυστέρησαν χθες.") == [Decimal("0.67")]
    assert _shares("Una cuarta parte de los pozos está seca, dijo el alcalde.") == [Decimal("0.25")]
    # An ordinal alone is no share: "το τρίτο σχολείο" (the third school), "třetí".
    assert _shares("Το τρίτο σχολείο της πόλης έκλεισε χθες το πρωί.") == []


def test_czech_small_numbers_count_what_follows():
    ((value, unit),) = _figures("Do tendru se přihlásily čtyři společnosti z regionu.")
    assert (value, unit.split()[0]) == (Decimal("4"), "společnosti")
    ((value, unit),) = _figures("Obec opravila dvě lávky přes řeku Moravici.")
    assert (value, unit.split()[0]) == (Decimal("2"), "lávky")
    # "tři z nich" (three of them): a count of those named before.
    values = [f.value for f in read_figures("Přihlásilo se pět firem, tři z nich ale neuspěly.")]
    assert values == [Decimal("5"), Decimal("3")]


# Money signs of other houses: the dirham "Dh" joined to the figure ("Dh2,500", "Dh3.4
# billion"), the Philippine peso printed "P" with thousands or a multiplier ("P25,000",
# "P2.3 billion"; "P3" alone stays a name), and the dollar sign after the figure with a
# space (Quebec: "45 $").


def test_dirham_peso_and_the_dollar_sign_after_the_figure():
    assert _figures("Tenants will pay Dh2,500 more, up from Dh900 last year.") == [
        (Decimal("2500"), "AED"),
        (Decimal("900"), "AED"),
    ]
    assert _figures("The port authority approved Dh3.4 billion for the new quay.") == [
        (Decimal("3400000000"), "AED")
    ]
    assert _figures("Farmers will get P25,000 each from the P2.3 billion fund.") == [
        (Decimal("25000"), "PHP"),
        (Decimal("2300000000"), "PHP"),
    ]
    assert _figures("Le permis coûte désormais 45 $ par année, selon la Ville.") == [
        (Decimal("45"), "USD")
    ]
    assert [f.value for f in read_figures("The P3 parking lot holds 40 cars near the mall.")] == [
        Decimal("40")
    ]


# Getty Images' own collections printed after it ("Getty Images/iStock", "Getty
# Images/WireImage"): Getty Images is credited, the collection is the source, as in
# "Name/iStock/Getty Images".


def test_getty_images_then_its_own_collection():
    parts = read_credit_line("Getty Images/iStock")
    assert (parts.credit, parts.source, parts.creator) == ("Getty Images", "iStock", "")
    parts = read_credit_line("Foto: Getty Images/WireImage")
    assert (parts.credit, parts.source) == ("Getty Images", "WireImage")
    # Another agency after Getty Images keeps its reading.
    parts = read_credit_line("AFP/Getty Images")
    assert (parts.credit, parts.source) == ("Getty Images", "AFP")


# A player followed by its caption box, marked by nothing but the credit line it ends with
# ("<p>What the video shows. Video: Name/House</p>" after the player: news agencies' and
# central European pages), as a picture's; a still named in Turkish, Czech or Greek ("videodan
# bir kare", "záběr z videa", "στιγμιότυπο από το βίντεο").


def _page(body: str) -> str:
    story = "".join(f"<p>{PARAGRAPH}</p>" for _ in range(3))
    return f"<html><body><article><h1>Ferry terminal closes</h1>{story}{body}{story}</article></body></html>"


def test_a_players_caption_box_after_it_and_stills_in_other_languages():
    html = _page(
        '<div class="media-box"><div class="player-wrap" data-video-id="v81">'
        '<img src="https://cdn.example/v81.jpg" width="640" height="360"><span>Přehrát</span></div>'
        "<p>Trajekt při poslední plavbě přes záliv. <span>Video: Eva Malá, Harbour TV</span></p>"
        "</div>"
        f"<p>{PARAGRAPH}</p>"
        '<div class="foto"><img src="https://cdn.example/still81.jpg" width="640" height="360">'
        "<p>Kapitán na můstku (záběr z videa) Foto: Eva Malá, Harbour TV</p></div>"
    )
    found = [
        (p.kind, p.caption, p.credit_line)
        for p in parse_article(html, filename="a.html").placements
    ]
    assert found == [
        ("video", "Trajekt při poslední plavbě přes záliv.", "Video: Eva Malá, Harbour TV"),
        ("still", "Kapitán na můstku (záběr z videa)", "Foto: Eva Malá, Harbour TV"),
    ]


def test_a_players_box_with_its_caption_and_credit_after_the_player():
    html = _page(
        '<div class="clip-video"><div class="clip-player" data-video-id="k12">'
        '<img src="https://cdn.example/k12.jpg" width="640" height="360">'
        '<span class="play">Přehrát</span></div>'
        '<div class="popis"><p>Hasiči vyprošťují auto z rozvodněného potoka.</p>'
        '<p class="zdroj">Video: Petr Dvořák, Harbour TV</p></div></div>'
    )
    (video,) = parse_article(html, filename="a.html").placements
    assert (video.kind, video.caption, video.credit_line) == (
        "video",
        "Hasiči vyprošťují auto z rozvodněného potoka.",
        "Video: Petr Dvořák, Harbour TV",
    )


# A picture linked to the story's own photo gallery ("/region/foto", "/fotogalerie"; a
# "Show the gallery (12 photos)" button beside it) is the story's picture, not a teaser for
# another story.


def test_a_picture_linked_to_the_storys_gallery_is_the_storys():
    html = _page(
        '<div class="lead-photo"><a href="/kosice/galeria"><img src="https://cdn.example/l1.jpg"'
        ' alt="" width="980" height="551"></a><div class="text"><p>Nový most cez Hornád pri'
        ' Košiciach.</p><p class="autor">Foto: Ján Kováč, Harbour Press</p></div>'
        '<a class="btn" href="/kosice/galeria">Zobraziť galériu (8 fotografií)</a></div>'
    )
    found = [(p.caption, p.credit_line) for p in parse_article(html, filename="a.html").placements]
    assert found == [("Nový most cez Hornád pri Košiciach.", "Foto: Ján Kováč, Harbour Press")]


# An update's stamp in Greek, Czech and Turkish ("Τελευταία ενημέρωση: date | time",
# "Güncelleme: date"): a date line of the page's furniture, not a video's title.


def test_update_stamps_in_greek_and_turkish_are_date_lines():
    assert dateline("Τελευταία ενημέρωση: 21 Ιουνίου 2025 | 08:05") == date(2025, 6, 21)
    assert dateline("Güncelleme: 05.03.2025 11:20") == date(2025, 3, 5)
    text = "\n".join(
        [
            "Νέα γραμμή λεωφορείων στην Πάτρα",
            "Τελευταία ενημέρωση: 21 Ιουνίου 2025 | 08:05",
            PARAGRAPH,
            PARAGRAPH,
            PARAGRAPH,
        ]
    )
    draft = parse_article(text, filename="a.txt")
    assert (draft.placements, draft.date) == ([], date(2025, 6, 21))


# "Name, site.cz": the photographer, a comma, then the website's name as a domain (Czech and
# Slovak portals print their staff's pictures so): the site credited, the name its creator.


def test_name_then_a_sites_domain_after_a_comma():
    parts = read_credit_line("Foto: Jana Nováková, Aktuálně.cz")
    assert (parts.credit, parts.creator) == ("Aktuálně.cz", "Jana Nováková")
    parts = read_credit_line("Video: Marek Horák, blesk.sk")
    assert (parts.credit, parts.creator) == ("blesk.sk", "Marek Horák")
