"""Failure classes of the holdout8 round, each on a few lines written here.

Each test is a convention other publishers' pages share (a label, a structure, a language's
number words); the snippets are invented, in other words and for other houses than the set's
pages, and the expected values read off them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from archive.articles import parse_article
from archive.articles.caption_credits import read_caption
from archive.articles.claims import extract_claim_candidates
from archive.articles.dates import dateline
from archive.articles.figures import read_figures
from tests.articles.conftest import PARAGRAPH, credit_parts


def _values(sentence: str) -> list[tuple[Decimal, str]]:
    return [(f.value, f.unit) for f in read_figures(sentence)]


# "Name © House": the photographer, then the house holding the copyright; the archive label
# in the Nordic languages ("Arkivfoto:"); a graphic's "Name © House. Source: Body".


def test_name_then_copyright_holder():
    assert credit_parts("(Foto: Kari Holm © NRK)") == ("NRK", "", "Kari Holm")
    assert credit_parts("(Arkivbild: Per Lind © TT)") == ("TT", "", "Per Lind")
    assert credit_parts("Arkivfoto: Ole Berg © Bergens Tidende") == (
        "Bergens Tidende",
        "",
        "Ole Berg",
    )
    assert credit_parts("(Grafik: Eva Dahl © TV 2. Kilde: Danmarks Statistik)") == (
        "TV 2",
        "Danmarks Statistik",
        "Eva Dahl",
    )


# "Name/Agency for House": an agency's photographer commissioned by the house, which is
# credited, the agency its source; a graphic's kind word before the house, no colon.


def test_agency_photographer_commissioned_by_the_house():
    assert credit_parts("(Anne Roux/Divergence pour Le Courrier)") == (
        "Le Courrier",
        "Divergence",
        "Anne Roux",
    )
    assert credit_parts("Tom Hale/Redux for The Harbour Times") == (
        "The Harbour Times",
        "Redux",
        "Tom Hale",
    )
    assert credit_parts("(Infographie Ouest Matin)") == ("Ouest Matin", "", "")
    assert credit_parts("(Infografik Nordkurier)") == ("Nordkurier", "", "")


# A usage note after the credit ("X, used in accordance with Section 12 of the Copyright Act",
# "X, used with permission"): the terms the picture is printed under, no part of the name.


def test_usage_terms_after_the_credit_are_no_part_of_the_name():
    assert credit_parts("(Screenshot: Kan 11, used in accordance with Section 12 of the Act)") == (
        "Kan 11",
        "",
        "",
    )
    assert credit_parts("Harbour Radio, used with permission")[0] == "Harbour Radio"


# "Photo credit: Name | House": the bar printed where others print a slash; the label with
# its colon printed in the credit element is part of the credit line.


def test_bar_between_photographer_and_house():
    assert credit_parts("Photo credit: Jane Wanjiru | Coast Media Group") == (
        "Coast Media Group",
        "",
        "Jane Wanjiru",
    )
    assert credit_parts("File | Coast Media Group")[0] == "Coast Media Group"
    assert credit_parts("Courtesy | Lake Basin Authority")[0] == "Lake Basin Authority"


def test_printed_credit_label_is_kept_in_the_credit_line():
    body = "".join(f"<p>{PARAGRAPH} Paragraph {w}.</p>" for w in "abcdef")
    html = (
        "<html><body><article><h1>Ferry terminal shuts</h1>"
        + body
        + '<figure><img src="https://img.example/a.jpg" alt="">'
        + '<figcaption><p class="caption-text">Workers on the pier at dawn.</p>'
        + '<p class="picture-credits">Photo credit: Jane Wanjiru | Coast Media Group</p>'
        + "</figcaption></figure></article></body></html>"
    )
    [p] = parse_article(html, filename="page.html").placements
    assert (p.caption, p.credit_line, p.credit, p.creator) == (
        "Workers on the pier at dawn.",
        "Photo credit: Jane Wanjiru | Coast Media Group",
        "Coast Media Group",
        "Jane Wanjiru",
    )


# A credit sentence "<Kind> from Body" after the caption's last full stop (a handout's body,
# "Screenshot from X Facebook page": the platform credited, the page's owner its source), and
# "Photo courtesy: X", "X screengrab".


def test_kind_from_body_closes_the_caption():
    found = read_caption(
        "HARVEST. Farmers load sacks of rice in Iloilo on May 2, 2026. Photo from DA"
    )
    assert (found.caption, found.credit_line, found.credit) == (
        "HARVEST. Farmers load sacks of rice in Iloilo on May 2, 2026.",
        "Photo from DA",
        "DA",
    )
    found = read_caption(
        "RELIEF. Volunteers pack food in Tacloban on May 3. Screenshot from Leyte Rescue Team "
        "Facebook page"
    )
    assert (found.caption, found.credit, found.source) == (
        "RELIEF. Volunteers pack food in Tacloban on May 3.",
        "Facebook",
        "Leyte Rescue Team",
    )
    assert credit_parts("Photo courtesy: Irrigation Department")[0] == "Irrigation Department"
    assert credit_parts("HarbourTV screengrab")[0] == "HarbourTV"


def _text_page(*middle: str, end: tuple[str, ...] = ()) -> str:
    story = [f"{PARAGRAPH} Paragraph {w} of the story." for w in "abcdefgh"]
    return "\n".join(["Ferry terminal to shut for a year", *story[:2], *middle, *story[2:], *end])


def _placed(text: str) -> list[tuple[str, str, str, str]]:
    return [(p.kind, p.caption, p.credit_line, p.credit) for p in parse_article(text).placements]


# A page whose captions close with "— Credit" (a spaced dash after the caption's last
# sentence): a caption so closed by a name no other rule reads is credited to it; a frame of
# a video and a caption calling itself "this video" are read for what they are.


def test_dash_before_the_credit_is_the_pages_convention():
    text = _text_page(
        "Crews repair the ramp on Monday. — Photo by Ali Raza/Harbour Star",
        "Dockers explain the closure in this video report. — HarbourTV",
        "A docker shows his pass in a screengrab from the HarbourTV report above. — HarbourTV "
        "screengrab",
        "The new pier under construction. — Photo courtesy: Port Trust",
    )
    assert _placed(text) == [
        (
            "picture",
            "Crews repair the ramp on Monday.",
            "Photo by Ali Raza/Harbour Star",
            "Harbour Star",
        ),
        ("video", "Dockers explain the closure in this video report.", "HarbourTV", "HarbourTV"),
        (
            "still",
            "A docker shows his pass in a screengrab from the HarbourTV report above.",
            "HarbourTV screengrab",
            "HarbourTV",
        ),
        ("picture", "The new pier under construction.", "Photo courtesy: Port Trust", "Port Trust"),
    ]
    # On a page of other conventions a dash closing a paragraph is no credit.
    text = _text_page(
        end=("The terminal will reopen next spring, the council said. — Harbour Wire",)
    )
    assert _placed(text) == []


# A credit line of its own in capitals: a known agency's name ("GETTY IMAGES"), or the house
# the page credits elsewhere ("HARBOUR NEWS"), under its caption; on a page whose credits
# stand under their captions, a lone one stays under its caption though the line below is
# shorter. An agency's name closing the story signs it off.


def test_house_name_in_capitals_under_its_caption():
    text = _text_page(
        "Crews repair the ramp on the north pier.",
        "LENA MARSH/HARBOUR NEWS",
        "The harbour master said the work would take a year, and cost more than planned.",
        "Passengers queue for the last ferry of the season.",
        "HARBOUR NEWS",
        "The ferry company said it would run a bus service while the terminal is shut.",
        "The old terminal building seen from the breakwater in 2019.",
        "ALAMY",
        "Work starts on March 2.",
    )
    assert _placed(text) == [
        (
            "picture",
            "Crews repair the ramp on the north pier.",
            "LENA MARSH/HARBOUR NEWS",
            "Harbour News",
        ),
        (
            "picture",
            "Passengers queue for the last ferry of the season.",
            "HARBOUR NEWS",
            "Harbour News",
        ),
        (
            "picture",
            "The old terminal building seen from the breakwater in 2019.",
            "ALAMY",
            "Alamy",
        ),
    ]
    # An agency's name closing the story signs it off.
    text = _text_page(end=("The council meets again on Friday.", "AFP", "More stories"))
    assert _placed(text) == []


# The label of a video's frame ("Captura de vídeo:", "Video grab:") makes a still of the
# picture after a video; a picture's kind word before the house, no colon ("(Foto
# ilustrativa Clarín)").


def test_video_grab_label_and_illustrative_label():
    text = _text_page(
        "El muelle, con la rampa dañada (Video: Autoridad Portuaria)",
        "La rampa del muelle, en una imagen del video anterior (Captura de vídeo: Autoridad "
        "Portuaria)",
        "Pasajeros en la terminal del puerto (Foto ilustrativa Diario del Sur)",
    )
    assert _placed(text) == [
        (
            "video",
            "El muelle, con la rampa dañada",
            "(Video: Autoridad Portuaria)",
            "Autoridad Portuaria",
        ),
        (
            "still",
            "La rampa del muelle, en una imagen del video anterior",
            "(Captura de vídeo: Autoridad Portuaria)",
            "Autoridad Portuaria",
        ),
        (
            "picture",
            "Pasajeros en la terminal del puerto",
            "(Foto ilustrativa Diario del Sur)",
            "Diario del Sur",
        ),
    ]


# Money: the shekel and the East African shilling before the figure ("NIS 40", "Sh80"), Swiss
# francs after it ("Franken", a four-digit sum no year), Danish and Norwegian multipliers
# ("millioner", "milliarder", "mio.", "mia.").


def test_more_currencies_and_nordic_multipliers():
    assert _values("A parking fine is NIS 250 in the city.") == [(Decimal("250"), "ILS")]
    assert _values("Bus fares rose from Sh80 to Sh120 this month.") == [
        (Decimal("80"), "KES"),
        (Decimal("120"), "KES"),
    ]
    assert _values("The county set aside Sh3.5 billion for roads.") == [
        (Decimal("3500000000"), "KES")
    ]
    assert _values("Ein Zimmer kostet im Schnitt 1850 Franken im Monat.") == [
        (Decimal("1850"), "CHF")
    ]
    assert [v for v, _u in _values("Rederiet har tapt 14 millioner kroner i år.")] == [
        Decimal("14000000")
    ]
    assert [v for v, _u in _values("Regionen har afsat 7 mio. kroner til projektet.")] == [
        Decimal("7000000")
    ]
    assert [v for v, _u in _values("Verdien faller med 2,5 milliarder kroner.")] == [
        Decimal("2500000000")
    ]


# Shares said in words: "jede fünfte", "hver fjerde", "every fifth" (one in N, an ordinal
# after "each"; "every third day" is how often), Norwegian and Danish "to av tre", "halvdelen",
# halved ("halvert", "halbiert", "by half"), and "N of them" (a count of those named before).


def test_more_shares_in_words():
    def shares(sentence: str) -> list[Decimal]:
        return [f.value for f in read_figures(sentence) if f.share]

    assert shares("Jeder vierte Pendler fährt mit dem Velo.") == [Decimal("0.25")]
    assert shares("Hver femte elev har ikke mødt op.") == [Decimal("0.2")]
    assert shares("Every tenth household has no heating.") == [Decimal("0.1")]
    assert shares("The ferry runs every third day in winter.") == []
    assert shares("Omtrent tre av fire passasjerer kommer fra byen.") == [Decimal("0.75")]
    assert shares("Halvparten av fergene står stille.") == [Decimal("0.5")]
    assert shares("Eleven of them were rescued from the water.") == [Decimal("11")]
    assert [f.value for f in read_figures("Billetsalget er halveret siden maj.")] == [
        Decimal("0.5")
    ]
    assert [f.value for f in read_figures("Passenger numbers fell by half last year.")] == [
        Decimal("0.5")
    ]


# A figure with its thousands grouped is no model number, whatever capitalised word comes
# before it (German nouns: "in drei Wochen 8 500 Stimmen"); water supply units ("MGD").


def test_grouped_thousands_after_a_noun_and_water_units():
    assert _values("Die Initiative hat in drei Wochen 8 500 Stimmen gesammelt.") == [
        (Decimal("8500"), "Stimmen gesammelt")
    ]
    assert _values("The plant treats about 90MGD against a demand of 140MGD.") == [
        (Decimal("90"), "MGD"),
        (Decimal("140"), "MGD"),
    ]


# A comma between digits ("Rs1,800") ends no clause: the speaker closing the sentence is the
# claimant, the figures before are claims; "found that X" names no speaker after the verb.


def test_thousands_comma_is_no_clause_break_for_the_claimant():
    [first, second] = extract_claim_candidates(
        ["Ticket prices rose from Rs1,200 to Rs1,650, officials said on Monday."]
    )
    assert (first.figure, second.figure) == (Decimal("1200"), Decimal("1650"))
    assert first.claimant == second.claimant == "officials"
    found = extract_claim_candidates(
        [
            "An analysis of 1,180 penalty records by the city's auditors found that the "
            "Harbour Board cut fines at 61 sites."
        ]
    )
    assert Decimal("61") in [c.figure for c in found]
    assert not any("Harbour Board" in c.claimant for c in found)


# German "laut dem Verband X" and "nach Angaben der X": the source is the name after the
# article (the verb follows at once in German), not a pronoun; "laut der Stiftung" refers
# back to the foundation named before in full.


def test_german_according_to_and_its_back_reference():
    [found] = extract_claim_candidates(
        ["Laut dem Fährverband Nordsee sind werktags etwa 9.000 Pendler betroffen."]
    )
    assert (found.figure, found.claimant) == (Decimal("9000"), "Fährverband Nordsee")
    found = extract_claim_candidates(
        [
            "Laut der Stiftung Hafenwohnen sind 120 Wohnungen betroffen.",
            "Eine Wohnung kostet laut der Stiftung im Schnitt 1650 Franken im Monat.",
        ]
    )
    assert [(c.figure, c.claimant) for c in found if c.figure == Decimal("1650")] == [
        (Decimal("1650"), "Stiftung Hafenwohnen")
    ]


# A dateline with a month abbreviated in Spanish, German or Italian ("3 Dic, 2026", "14. Okt.
# 2025") and its time printed "02:32 p.m." with the country's code.


def test_abbreviated_foreign_months_and_pm_in_a_dateline():
    assert dateline("5 Ene, 2026 09:10 a.m. MX") == date(2026, 1, 5)
    assert dateline("14. Okt. 2025, 10:15 Uhr") == date(2025, 10, 14)
    assert dateline("21 ott 2025") == date(2025, 10, 21)


# A multiple or a halving is a figure by itself, a claim with nothing else in its sentence
# ("Kvoten er halvert", "Fares have doubled since 2020").


def test_a_multiple_alone_is_a_claim():
    [found] = extract_claim_candidates(["Ferjetilbudet er halvert på to år."])
    assert found.figure == Decimal("0.5")
    [found] = extract_claim_candidates(["Ferry fares have doubled since the spring."])
    assert found.figure == Decimal("2")


# A company named by its legal form ("Hafenwerke AG", "Fjordlinjen ASA") is an organisation
# the sentences after it refer back to ("nach Angaben des Unternehmens"), even when it was
# named as the subject, not as a claimant.


def test_back_reference_to_a_company_named_by_its_legal_form():
    found = extract_claim_candidates(
        [
            "Die Hafenwerke AG erhöht mit Januar die Gebühren für Liegeplätze.",
            "Betroffen sind nach Angaben des Unternehmens rund 3.000 Boote.",
        ]
    )
    assert [(c.figure, c.claimant) for c in found] == [(Decimal("3000"), "Hafenwerke AG")]
