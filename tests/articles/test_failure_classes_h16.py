"""Failure classes of the holdout16 round, each on a few lines written here.

Each test is a convention other publishers' pages share (a credit layout, a credit word, a
furniture signal); the snippets are invented, in other words and for other houses than the
set's pages, and the expected values read off them.
"""

from __future__ import annotations

from archive.articles import parse_article
from archive.articles.run_on_credits import without_place_and_date
from tests.articles.conftest import PARAGRAPH, caption_cut, credit_parts


def _page_cuts(figures: str) -> list[tuple[str, str, str]]:
    page = f"""<html><body><article><h1>Ferry terminal closes</h1><p>{PARAGRAPH}</p>
    {figures}<p>{PARAGRAPH}</p></article></body></html>"""
    draft = parse_article(page.encode(), filename="page.html")
    return [(p.caption, p.credit_line, p.credit) for p in draft.placements]


# A figcaption of two spans, the caption's and the author's (`caption__author`,
# `figcaption__author`), maybe with a dash printed between them: the author span is the
# credit line, the dash belongs to neither.


def test_author_span_in_figcaption_is_the_credit():
    figures = """
    <figure><img src="https://example.org/a.jpg" width="800" height="450">
    <figcaption><span class="pic-caption__text">Divers inspect the harbour wall</span>
    <span class="pic-caption__author">Reuters</span></figcaption></figure>
    <figure><img src="https://example.org/b.jpg" width="800" height="450">
    <figcaption class="fc"><span class="fc__text">A crane lifts the last pontoon</span> -
    <span class="fc__author">LUCÍA MORENO</span></figcaption></figure>"""
    assert _page_cuts(figures) == [
        ("Divers inspect the harbour wall", "Reuters", "Reuters"),
        ("A crane lifts the last pontoon", "LUCÍA MORENO", "LUCÍA MORENO"),
    ]


# Lithuanian credit lines: the photographer in the genitive with the label "nuotr." after the
# name, beside the house or agency ("House / Vardo Pavardės nuotr."); a body's name in quotes
# ("„Šiaulių energijos“ nuotr.", a handout); "X kadras" (a frame of X's video); "Šaltinis: X"
# (a graphic's source). The credit and creator are given in the nominative.


def test_lithuanian_genitive_credit_with_trailing_label():
    assert credit_parts("15min / Justino Auškelio nuotr.") == ("15min", "", "Justinas Auškelis")
    assert credit_parts("Lauros Stankutės / ELTA nuotr.") == ("ELTA", "", "Laura Stankutė")
    assert credit_parts("„Šiaulių energijos“ nuotr.") == ("Šiaulių energija", "", "")
    assert credit_parts("LRT kadras") == ("LRT", "", "")
    assert credit_parts("Šaltinis: „Vilniaus vandenys“") == ("Vilniaus vandenys", "", "")


# A photographer's name run on into the house's, with no separator, as French-language papers
# print it ("Photo: Name Le Soleil"); "Archives" before the house is a file label. A name that
# only contains an article ("Marine Le Pen") or a body "de" a place is no such credit.


def test_photographer_run_on_into_house_that_opens_with_an_article():
    assert credit_parts("Photo: Sophie Gagnon Le Soleil") == ("Le Soleil", "", "Sophie Gagnon")
    assert credit_parts("Photo: Luc Bérubé Archives Le Soleil") == ("Le Soleil", "", "Luc Bérubé")
    assert credit_parts("Photo: Anne-Marie Roy La Tribune") == ("La Tribune", "", "Anne-Marie Roy")
    assert credit_parts("Photo: Marine Le Pen")[0] == "Marine Le Pen"
    assert credit_parts("Foto: Gobierno Regional de Cusco")[0] == "Gobierno Regional de Cusco"


# CH Media prints the picture's place and date in brackets after the photographer: the credit
# line keeps them, the credit is the person.


def test_place_and_date_after_photographer_are_not_the_credit():
    assert credit_parts("Bild: Nadja Rohner (Brugg, 14. Januar 2026)")[0] == "Nadja Rohner"
    assert credit_parts("Foto: Luca Bernasconi (Bellinzona, 3 marzo 2025)")[0] == "Luca Bernasconi"
    assert without_place_and_date("Lena Frei (Baden)") == "Lena Frei (Baden)"
    assert without_place_and_date("Stadtrat (Baden, 2026)") == "Stadtrat (Baden, 2026)"


# A picture whose caption calls it a frame of the video, in Baltic and South Slavic languages
# ("Kadras iš vaizdo įrašo: …", "Prizor iz zgornjega videa: …", "Kaader videost: …"), is a
# still of the video before it.


def test_frame_of_the_video_in_baltic_and_slavic_captions_is_a_still():
    video = """<figure><iframe src="https://www.youtube.com/embed/abc123"></iframe>
    <figcaption>Naujasis tiltas per Nerį <span class="credit">LRT</span></figcaption></figure>"""
    for caption in (
        "Kadras iš vaizdo įrašo: inžinierius tikrina tilto atramą",
        "Prizor iz zgornjega videa: gasilci pred mostom",
        "Kaader videost: sild enne avamist",
    ):
        still = f"""<figure><img src="https://example.org/frame.jpg" width="800" height="450">
        <figcaption>{caption} <span class="credit">LRT</span></figcaption></figure>"""
        page = f"""<html><body><article><h1>Tiltas</h1><p>{PARAGRAPH}</p>{video}
        <p>{PARAGRAPH}</p>{still}<p>{PARAGRAPH}</p></article></body></html>"""
        draft = parse_article(page.encode(), filename="page.html")
        assert [p.kind for p in draft.placements] == ["video", "still"], caption


# A credit glued to the end of a caption after its last full stop, in ordinary case and with
# no label (South Asian papers): a photographer's name, a house's name, a known agency or
# "Collected" (a supplied picture); a body paragraph's closing sentence is no credit.


def test_credit_glued_after_the_captions_last_full_stop():
    cut = caption_cut
    assert cut("Boats wait at the ghat in Barishal on Monday. Tanvir Ahmed") == (
        "Boats wait at the ghat in Barishal on Monday.",
        "Tanvir Ahmed",
        "Tanvir Ahmed",
    )
    assert cut("Paddy dries on the road near the depot. Collected")[1:] == (
        "Collected",
        "Collected",
    )
    assert cut("Police guard the gate of the closed mill. Reuters")[1] == "Reuters"
    assert cut("He said the mill would reopen. Read More")[1] == ""
    assert cut("The union met the owners on Sunday. Talks failed")[1] == ""


# "Source:" in Slovenian, Estonian, Latvian and Lithuanian ("vir", "allikas", "avots",
# "šaltinis") after a graphic's maker: the maker is the credit, the body its source.


def test_baltic_and_slovenian_source_label_after_the_graphics_maker():
    assert credit_parts("Infografika: Večer, vir: ARSO") == ("Večer", "ARSO", "")
    assert credit_parts("Grafika: Diena, avots: CSP") == ("Diena", "CSP", "")
    assert credit_parts("Infografika: 15min, šaltinis: VMI")[:2] == ("15min", "VMI")


# A house's desk initials before a photographer known by one name ("GN Photo: Ravi"): the
# house is the credit, the name its creator; "Supplied" after the desk names no one.


def test_desk_initials_before_a_photographer_known_by_one_name():
    assert credit_parts("GN Photo: Ravindran") == ("GN", "", "Ravindran")
    assert credit_parts("GN Photo: Supplied")[2] == ""


# An AMP page draws its logo with <amp-img>: its alt names the site as an <img> logo does, so
# the house's desk initials ("GN Photo: Name") credit the site named in the <title>.


def test_amp_logo_names_the_site_for_its_desk_initials():
    page = f"""<html><head><title>Souq reopens after fire - Gulf News</title></head><body>
    <header><amp-img src="https://example.org/static/gn-logo.svg" alt="Gulf News" width="180"
    height="36" layout="fixed"></amp-img></header>
    <article><h1>Souq reopens after fire</h1><p>{PARAGRAPH}</p>
    <figure><amp-img src="https://example.org/souq.jpg" width="800" height="450"
    layout="responsive"></amp-img><figcaption>Traders return to the old souq in Deira
    <span class="credit">GN Photo: Ravindran</span></figcaption></figure>
    <p>{PARAGRAPH}</p></article></body></html>"""
    draft = parse_article(page.encode(), filename="page.html")
    assert draft.publication == "Gulf News"
    assert [(p.credit, p.creator) for p in draft.placements] == [("Gulf News", "Ravindran")]
