"""Claim classes of the round on holdout17, holdout16 and holdout12, each on lines written here.

Each test is a convention of real newsrooms (how a currency, a percentage, a scale word or a
share is printed); the sentences are invented, in other words, places, names and numbers
than the sets' pages, and the expected values read off them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from archive.articles import extract_claim_candidates
from archive.articles.attribution import attribution
from archive.articles.figures import read_figures


def _read(sentence: str) -> list[tuple[Decimal, str]]:
    return [(f.value, f.unit) for f in read_figures(sentence)]


# Money: an ISO code before the figure; the naira's "N" and the Saudi riyal's "SR" as Nigerian
# and Saudi papers print them (before thousands or a multiplier only); the rand before a
# multiplier after a space; currencies named in words after a figure, in their cases.


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ministry has earmarked EGP 750 million for the new bridge.", (750_000_000, "EGP")),
        ("Tickets will cost KES 1,200 from next month.", (1200, "KES")),
        ("The state paid N3,450 for each bag of rice, officials said.", (3450, "NGN")),
        ("Kano set aside N12.5 billion for rural roads this year.", (12_500_000_000, "NGN")),
        ("The authority awarded SR640 million in contracts on Sunday.", (640_000_000, "SAR")),
        ("The province released R7.2 million for flood victims.", (7_200_000, "ZAR")),
    ],
)
def test_currency_printed_before_the_figure(sentence, expected):
    value, unit = expected
    assert (Decimal(value), unit) in _read(sentence)


def test_a_letter_before_a_small_figure_is_no_currency():
    # "N7" a road, "SR 99" a state route: no thousands, no multiplier, no money
    assert all(unit not in ("NGN", "SAR") for _v, unit in _read("Traffic on the N7 was slow."))
    assert all(unit != "SAR" for _v, unit in _read("The crash closed SR 99 for 40 minutes."))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A bérlet ára 9 800 forintról 11 400 forintra nő.", (9800, "HUF")),
        ("Egy jegy 450 forintba kerül majd januártól.", (450, "HUF")),
        ("Drivers in Shymkent earn about 280,000 tenge a month.", (280_000, "KZT")),
        ("Kilogram jabuka prodaje se za 95 dinara na pijaci.", (95, "RSD")),
        ("Opština je izdvojila 350.000 evra za novi vrtić.", (350_000, "EUR")),
        ("Miestas skyrė 42 tūkst. eurų parko remontui.", (42_000, "EUR")),
        ("Bendrovė praėjusiais metais uždirbo 3,7 mln. eurų pelno.", (3_700_000, "EUR")),
        ("Linn kulutas remondile 2,8 miljonit eurot eelmisel aastal.", (2_800_000, "EUR")),
        ("Primăria a alocat 12 milioane de lei pentru drumuri.", (12_000_000, "RON")),
        ("Xã đã chi 25 triệu đồng cho mỗi hộ dân bị ảnh hưởng.", (25_000_000, "VND")),
    ],
)
def test_currency_named_in_words_after_the_figure(sentence, expected):
    value, unit = expected
    assert (Decimal(value), unit) in _read(sentence)


# Percent words in the languages that write the word: Hungarian with its case endings,
# Finnish, Serbian, Slovene, Norwegian, Romanian.


@pytest.mark.parametrize(
    "sentence",
    [
        "A villamosjegy ára 12 százalékkal drágul tavasszal.",
        "A nyugdíjasok 30 százaléka él egyedül a faluban.",
        "Työttömyysaste nousi 9 prosenttiin syksyllä.",
        "Kunta korottaa maksuja 15 prosenttia ensi vuonna.",
        "Cena hleba porasla je 22 odsto za godinu dana.",
        "Število nočitev se je povečalo za 14 odstotkov lani.",
        "Strømprisen steg med 35 prosent i oktober.",
        "Prețul pâinii a crescut cu 18 la sută în ultimul an.",
    ],
)
def test_percent_written_as_a_word(sentence):
    assert [unit for _v, unit in _read(sentence)] == ["%"]


def test_range_whose_percent_sign_follows_its_top():
    figures = read_figures("Turnout could fall by between 30 and 35 per cent this year.")
    assert [(f.value, f.high, f.unit) for f in figures] == [(30, 35, "%")]
    figures = read_figures("Het aandeel daalt naar tussen 12 en 15 procent volgens de bond.")
    assert [(f.value, f.high, f.unit) for f in figures] == [(12, 15, "%")]


# Scale words and their abbreviations: Lithuanian and Latvian "tūkst.", "mln." before the
# currency word, Slovene "milijona", Estonian "miljonit", Romanian "milioane", Vietnamese
# "triệu"/"tỷ", Spanish "billones" (a million millions), Quebec "M$".


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Per vasarą parką aplankė 230 tūkst. žmonių.", 230_000),
        ("Ostu pērn apkalpoja 4,3 milj. pasažieru.", 4_300_000),
        ("Lani je bilo v Kranju 2,4 milijona prenočitev turistov.", 2_400_000),
        ("Tallinna lennujaam teenindas 3,1 miljonit reisijat.", 3_100_000),
        ("Guvernul a aprobat 7,5 milioane de euro pentru spitale.", 7_500_000),
        ("Tỉnh đã xuất 8 tỷ đồng từ ngân sách dự phòng.", 8_000_000_000),
        ("La nueva autopista costará 3,4 billones de pesos.", 3_400_000_000_000),
        ("La réfection du pont coûtera 4,6 M$ à la municipalité.", 4_600_000),
    ],
)
def test_scale_word_of_more_languages(sentence, value):
    assert Decimal(value) in [v for v, _u in _read(sentence)]


# Shares said in words: fractions with their count and case, halves where the word can only
# mean half, Greek "X στους Y", English "X out of every Y", Hungarian multiples.


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Elektros kaina pakilo beveik ketvirtadaliu per metus.", "0.25"),
        ("Du trečdaliai mokinių gyvena kaimuose.", "0.67"),
        ("Valdžia padengs pusę šildymo sąskaitos pensininkams.", "0.5"),
        ("Tehas koondab ligi viiendiku oma töötajatest.", "0.2"),
        ("Kaks kolmandikku saagist müüakse välismaale.", "0.67"),
        ("Sel talvel jäi tööta pool küla meestest.", "0.5"),
        ("Lani so tri četrtine obiskovalcev prišli iz tujine.", "0.75"),
        ("Občina pokrije polovico stroškov prevoza.", "0.5"),
        ("Aproape o treime din pacienți au așteptat peste o oră.", "0.33"),
        ("Peste jumătate din școli au rămas închise.", "0.5"),
        ("Khoảng một nửa số hộ dân đã được di dời.", "0.5"),
        ("Mưa lớn làm ngập hai phần ba diện tích lúa của xã.", "0.67"),
        ("Οι μισές επιχειρήσεις του νησιού έμειναν κλειστές.", "0.5"),
        ("Ένας στους πέντε κατοίκους δεν έχει ρεύμα.", "0.2"),
        ("Dve tretjini občanov se vozi z avtom.", "0.67"),
        ("Kaže da dve trećine stanovnika koristi autobus.", "0.67"),
        ("A bevétel a felére csökkent tavaly óta.", "0.5"),
        ("A bérleti díj háromszorosára nőtt öt év alatt.", "3"),
        ("One in every four tenants is behind on rent, the survey found.", "0.25"),
        ("Three out of every ten buses run late, commuters say.", "0.3"),
    ],
)
def test_share_said_in_words(sentence, value):
    assert Decimal(value) in [v for v, _u in _read(sentence)]


def test_half_words_that_mean_a_side_or_a_time_are_no_share():
    # Lithuanian "kitą pusę" (the other side), Romanian "jumătate de oră" (half an hour),
    # Greek "ο μισθός" (the salary)
    assert _read("Jie perplaukė į kitą pusę upės.") == []
    assert _read("Trenul a întârziat o jumătate de oră.") == []
    assert [v for v, _u in _read("Ο μισθός του φτάνει τα 900 ευρώ.")] == [Decimal(900)]


def test_out_of_every_is_one_share_not_a_count():
    sentence = "Two out of every five pupils walk to school, the council said."
    assert [(f.value, f.share) for f in read_figures(sentence)] == [(Decimal("0.4"), True)]


def test_claims_found_with_their_currency():
    (claim,) = extract_claim_candidates(
        ["The governor said the state will spend N8.4 billion on new ferries this year."]
    )
    assert (claim.figure, claim.unit) == (Decimal(8_400_000_000), "NGN")
    (claim,) = extract_claim_candidates(
        ["A városháza szerint a felújítás 40 millió forintba kerül."]
    )
    assert (claim.figure, claim.unit) == (Decimal(40_000_000), "HUF")


# A title, then the name in apposition ("The Kaduna State Commissioner for Health, Mr Ibrahim
# Musa, said"): West African and other English-language papers name the speaker by the
# honorific's segment; "He" and "Mr Musa" later mean the same person.


def _claimants(paragraphs: list[str]) -> list[tuple[Decimal, str]]:
    return [(c.figure, c.claimant) for c in extract_claim_candidates(paragraphs)]


def test_title_then_name_in_apposition_names_the_person():
    assert _claimants(
        [
            "The Ogun State Commissioner for Water, Mr Tunde Bakare, said 38 boreholes had "
            "dried up.",
            "He said the state would spend N2.6 billion on new pipes.",
            "Mr Bakare said 14 towns now rely on tankers.",
        ]
    ) == [
        (Decimal(38), "Tunde Bakare"),
        (Decimal(2_600_000_000), "Tunde Bakare"),
        (Decimal(14), "Tunde Bakare"),
    ]
    assert _claimants(
        [
            "The Chief Executive of the Ports Authority, Dr Efua Mensah, told reporters that 260 "
            "containers were held."
        ]
    ) == [(Decimal(260), "Efua Mensah")]
    # without an honorific: a title first, then a name of two to four words
    assert _claimants(
        ["The transport ministry's spokeswoman, Ana Lindqvist, said 75 trains were cancelled."]
    ) == [(Decimal(75), "Ana Lindqvist")]


def test_body_then_description_keeps_the_body():
    assert _claimants(
        ["Ferrovia Norte, the regional rail operator, said 120 drivers had joined the strike."]
    ) == [(Decimal(120), "Ferrovia Norte")]


# Speech verbs and "according to" words of more languages: the speaker named before or after
# the verb, the source after "according to".


@pytest.mark.parametrize(
    ("paragraph", "claimant"),
    [
        (
            "Prefectul județului, Ion Vasilescu, a declarat că 140 de sate sunt izolate.",
            "Ion Vasilescu",
        ),
        (
            "Potrivit Agenției pentru Protecția Mediului, 35 de stații au depășit pragul.",
            "Agenției pentru Protecția Mediului",
        ),
        (
            "Prema podacima Hrvatskog zavoda za zapošljavanje, 2300 ljudi traži posao.",
            "Hrvatskog zavoda za zapošljavanje",
        ),
        ("„Izgubili smo 45 kupaca“, kaže Milanović.", "Milanović"),
        ("„Sezona je trajala 20 dni manj“, je povedal Marko Kovač.", "Marko Kovač"),
        ("Theo Sở Giao thông Vận tải, 120 chuyến xe buýt bị hủy.", "Sở Giao thông Vận tải"),
        ("Bendrovė atleis 85 darbuotojus, nurodė jos vadovas Jonas Petraitis.", "Jonas Petraitis"),
        ("Tehas koondab 60 töötajat, ütles juhatuse esimees Peeter Tamm.", "Peeter Tamm"),
        (
            "Yhtiö vähentää 25 lentoa viikossa, kertoo toimitusjohtaja Anna Virtanen.",
            "Anna Virtanen",
        ),
    ],
)
def test_speaker_named_with_a_verb_or_source_of_more_languages(paragraph, claimant):
    (claim,) = extract_claim_candidates([paragraph])
    assert claim.claimant == claimant


def test_slovak_according_to_ends_at_its_source():
    # no comma after "podľa X": the figure after the source stays a claim
    (claim,) = extract_claim_candidates(["Podľa správcu je most opravený na 70 percent."])
    assert (claim.figure, claim.unit) == (Decimal(70), "%")


def test_theo_is_no_according_to_outside_vietnamese():
    (claim,) = extract_claim_candidates(["Theo Walcott said 30 players had signed up."])
    assert claim.claimant == "Theo Walcott"


# The speaker named last, after the verb, the day or the paper spoken to and a lower-case
# title (Slavic, Baltic and Finnish papers).


def test_name_closing_the_sentence_after_a_title():
    (claim,) = extract_claim_candidates(
        [
            "Otkupljivači nude 180 dinara, što je manje nego lani, rekao je za portal "
            "predsednik zadruge „Zlatibor“ Milan Jovanović."
        ]
    )
    assert (claim.figure, claim.claimant) == (Decimal(180), "Milan Jovanović")
    (claim,) = extract_claim_candidates(
        ["Prevádzkovateľ zruší 12 spojov, oznámil v piatok riaditeľ podniku Juraj Novák."]
    )
    assert (claim.figure, claim.claimant) == (Decimal(12), "Juraj Novák")


# Dates with the month in the case a date puts it in, in more languages: no figure; the
# month before a price ("od siječnja 9,30 eura", from January) is no date of that price.


@pytest.mark.parametrize(
    "sentence",
    [
        "Tvrtka od 15. ožujka ukida noćnu liniju do otoka.",
        "Opština je od 1. februara podigla cene parkinga.",
        "Občina bo s 1. marcem uvedla nov urnik avtobusov.",
        "A társaság március 1-jétől emeli a jegyárakat.",
        "Nuo kovo 1 d. keltas plauks rečiau.",
        "Od 1 lipca opłata za wywóz śmieci wzrośnie.",
    ],
)
def test_dates_with_the_month_in_more_languages_are_no_figures(sentence):
    assert _read(sentence) == []


def test_month_then_a_price_is_no_date():
    assert (Decimal("7.8"), "EUR") in _read("Karta stoji od travnja 7,80 eura po osobi.")


def test_time_words_of_more_languages_are_no_counts():
    assert _read("Bendrovės keltai senesni nei 35 metų“, – sakė vadovas.") == []
    assert _read("A híd 15 éve épült, mondta a polgármester.") == []


# A share names no unit: "two-thirds of its 38 trams" is 0.67 of the trams, the trams the unit
# of the 38 only (the answer keys of every set write a share's unit empty).


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("About a third of the county's farms lost power.", [("0.33", "")]),
        ("Nearly half of the registered taxis are electric.", [("0.5", "")]),
        ("Two-fifths of its 45 depots will close.", [("0.4", ""), ("45", "depots")]),
        ("Ein Drittel unserer Mitglieder pendelt täglich.", [("0.33", "")]),
        ("Jumătate din pacienți au așteptat peste trei ore.", [("0.5", "")]),
    ],
)
def test_a_share_names_no_unit(sentence, expected):
    assert _read(sentence) == [(Decimal(v), u) for v, u in expected]


def test_speaker_named_by_a_lone_noun_after_the_verb_keeps_the_figure():
    # "..., kaže ravnateljica." (says the headmistress): what comes before the verb is what
    # is said, so its figure is a claim
    (claim,) = extract_claim_candidates(["Tri četvrtine pacijenata čeka pregled, kaže liječnica."])
    assert claim.figure == Decimal("0.75")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The mill owes Tk 1.8 crore in unpaid wages.", (18_000_000, "BDT")),
        ("A sack of rice now sells at Tk 2,450 in Rajshahi.", (2450, "BDT")),
        ("Farmers were offered GH¢12,000 per acre.", (12_000, "GHS")),
        ("Vstopnica stane 12 evrov na osebo.", (12, "EUR")),
        ("Oprava stála 640-tisíc eur podľa mesta.", (640_000, "EUR")),
    ],
)
def test_taka_cedi_and_euro_abbreviations(sentence, expected):
    value, unit = expected
    assert (Decimal(value), unit) in _read(sentence)


# A pair with the unit printed once: "from X to Y unit" (a change or a range) gives X the
# unit of Y; "X of (a total of) Y unit" in Serbian, Croatian and Slovak ("od ukupno", "zo");
# ranges with "between" in Romanian ("între X și Y") and Hungarian ("X és Y között", after).


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Vstopnina se dviguje z 8 na 11 evrov.", [(8, "EUR"), (11, "EUR")]),
        ("Počet žiakov klesol z 1 450 na 980 žiakov.", [(1450, "žiakov"), (980, "žiakov")]),
        ("The levy rises from 12 to 18 per cent in April.", [(12, "%"), (18, "%")]),
        ("Fabrika otpušta 120 od ukupno 340 radnika.", [(120, "radnika"), (340, "radnika")]),
        ("Banka zatvorí 7 zo 14 pobočiek.", [(7, "pobočiek"), (14, "pobočiek")]),
    ],
)
def test_unit_printed_once_after_the_second_of_a_pair(sentence, expected):
    assert _read(sentence) == [(Decimal(v), u) for v, u in expected]


def test_between_ranges_in_romanian_and_hungarian():
    figures = read_figures("Zăpada măsoară între 40 și 70 de centimetri pe creste.")
    assert [(f.value, f.high) for f in figures] == [(40, 70)]
    figures = read_figures("A felújítás 300 millió és 2,5 milliárd forint között lehet.")
    assert [(f.value, f.high, f.unit) for f in figures] == [(300_000_000, 2_500_000_000, "HUF")]


# German opens with what was said, as a pronoun, and names the speaker after the verb ("Das
# bestätigte Geschäftsführer X am Montag"); "according to a union representative, Name":
# the name in apposition after the description; Finnish scale words in more cases.


def test_german_pronoun_first_names_the_speaker_after_the_verb():
    claims = extract_claim_candidates(
        [
            "Die Brauerei baut 65 Stellen ab. Das bestätigte Geschäftsführerin Petra Lang am "
            "Mittwoch der Zeitung."
        ]
    )
    assert [(c.figure, c.claimant) for c in claims] == [(Decimal(65), "Petra Lang")]


def test_according_to_a_description_then_the_name():
    claims = extract_claim_candidates(
        ["About 450 of the 1,200 porters stayed home, according to a union official, Peter Mwangi."]
    )
    assert {c.claimant for c in claims} == {"Peter Mwangi"}


def test_finnish_scale_word_in_more_cases():
    assert (Decimal(3_600_000), "EUR") in _read("Kunta tukee linjaa 3,6 miljoonalla eurolla.")


def test_title_words_of_more_houses():
    (claim,) = extract_claim_candidates(["City Councilor Ana Reyes said 25 barangays flooded."])
    assert claim.claimant == "Ana Reyes"


# Italian: the speaker after "ha spiegato" and a lower-case title, or after "Lo ha annunciato";
# a clause with the figure before an inverted verb is what is said, never the speaker.


def test_italian_speaker_after_the_verb():
    (claim,) = extract_claim_candidates(
        [
            "Il costo, pari al 18 per cento in più, dipende dal gasolio, ha spiegato il "
            "direttore generale Luca Bianchi."
        ]
    )
    assert (claim.figure, claim.claimant) == (Decimal(18), "Luca Bianchi")
    sentence = "Lo ha annunciato ieri il Consorzio Autolinee Brianza, che gestisce 140 autobus."
    assert attribution(sentence, []) == "Consorzio Autolinee Brianza"
    # the figure in the relative clause describing the speaker is the paper's own (the keys'
    # convention since holdout5; round r24)
    claims = extract_claim_candidates([sentence])
    assert [(c.figure, c.claimant) for c in claims] == [(Decimal(140), "")]


def test_figure_before_an_inverted_verb_stays_a_claim():
    claims = extract_claim_candidates(
        ["Finora sono stati venduti 340 abbonamenti, ha detto il direttore, «più del previsto»."]
    )
    assert [c.figure for c in claims] == [Decimal(340)]


def test_number_word_after_a_dialogue_dash_opens_the_sentence():
    # Finnish, Swedish and Portuguese quotations open with a dash, as with a quotation mark
    assert _read("– Neljä kuntaa on jo mukana hankkeessa.") == [(Decimal(4), "kuntaa")]
