"""Failure classes of the holdout10 round, each on a few lines written here.

Each test is a convention other publishers' pages share (a label, a structure, a credit
word); the snippets are invented, in other words and for other houses than the set's pages,
and the expected values read off them.
"""

from __future__ import annotations

from archive.articles import parse_article
from archive.articles.caption_credits import read_caption
from archive.articles.claims import extract_claim_candidates
from archive.articles.draft import calls_itself_a_video, speaks_of_a_video
from archive.articles.figures import read_figures
from archive.articles.sentences import split_sentences
from tests.articles.conftest import PARAGRAPH, caption_cut, credit_parts

# "(AGENCY/Name)" closing a caption, the agency (or the house's initials) before the
# photographer, the agency one the reader does not know (Asian English-language papers:
# "(Kompas/Name)", "(Bernama/Name)").


def test_bracketed_agency_then_photographer():
    assert caption_cut("Fishermen mend nets at Tanjung Priok on Sunday. (Kompas/Rudi Hartono)") == (
        "Fishermen mend nets at Tanjung Priok on Sunday.",
        "(Kompas/Rudi Hartono)",
        "Kompas",
    )
    read = read_caption("Commuters queue for the new ferry. (NST/Aida Rahman)")
    assert (read.credit, read.creator) == ("NST", "Aida Rahman")


def test_bracketed_two_places_are_no_credit():
    assert caption_cut("A walk between two cities. (Kyiv/Lviv)")[1] == ""


# "(Courtesy of Named Body)": a body that handed the picture out, named with capitals; "the
# family" or any lower-case phrase stays an unknown convention.


def test_bracketed_courtesy_of_a_named_body():
    assert caption_cut(
        "Volunteers plant mangroves near Batam. (Courtesy of Riau Forestry Office)"
    ) == (
        "Volunteers plant mangroves near Batam.",
        "(Courtesy of Riau Forestry Office)",
        "Riau Forestry Office",
    )
    assert caption_cut("The couple on their wedding day. (courtesy of the family)")[1] == ""


# A caption whose subject is the video itself ("A video released by X shows ...", "Ein
# Video der Feuerwehr zeigt ...") is a player's caption, printed in a plain-text copy as a
# picture's; "A video of the crash went viral" is a picture's caption about a video.


def test_caption_whose_subject_is_a_video():
    assert calls_itself_a_video("A video shared by the coastguard shows the rescue at dawn.")
    assert calls_itself_a_video("Ein Video der Feuerwehr zeigt die Bergung des Busses.")
    assert calls_itself_a_video("Un vídeo difundido por la policía muestra el desalojo.")
    assert not calls_itself_a_video("A video of the crash went viral, police said.")
    assert not calls_itself_a_video("Fans film a video on their phones outside the stadium.")


# A still named in a Germanic language: "in einer Szene aus dem Video oben", "i et bilde fra
# videoen over", "uit de video hierboven", "videon ovan".


def test_still_from_the_video_in_germanic_languages():
    for caption in (
        "Der Fahrer steigt aus, in einer Szene aus dem Video oben.",
        "Brannmannskaper ved bilen, i et bilde fra videoen over.",
        "De brandweer bij de auto, een beeld uit de video hierboven.",
        "Räddningstjänsten vid bilen, en bild ur videon ovan.",
    ):
        assert speaks_of_a_video(caption), caption
    assert not speaks_of_a_video("Der Fahrer steigt aus dem Bus.")


# "A caption. | Credit" with the credit in ordinary case after the bar (Japanese papers'
# English editions): a photographer's name, "Courtesy of Body", or a body's name in capitals.


def test_bar_before_a_credit_in_ordinary_case():
    assert caption_cut("Fishing boats at dawn in Otaru harbour. | Hiroshi Tanaka") == (
        "Fishing boats at dawn in Otaru harbour.",
        "Hiroshi Tanaka",
        "Hiroshi Tanaka",
    )
    assert caption_cut("A snow plough on Route 5. | Courtesy of Hokkaido Prefecture") == (
        "A snow plough on Route 5.",
        "Courtesy of Hokkaido Prefecture",
        "Hokkaido Prefecture",
    )
    assert caption_cut("Buses wait outside the station. | Sapporo City Office")[1] == (
        "Sapporo City Office"
    )


def test_bar_before_words_in_ordinary_case_is_no_credit():
    assert caption_cut("Prices rise again | what it means for you")[1] == ""
    assert caption_cut("Ferry timetable | winter 2026, part two")[1] == ""
    assert caption_cut("By Ingrid Lund | Harbour Courier")[1] == ""  # a byline and its house


# A graphic's credit line naming its maker and its data's source, in the house's own order
# and punctuation: "Grafikk: House. Kilde: Body" (Norwegian), "Grafiikka: Name / House,
# lähde: Body" (Finnish), "Infografica House – Fonte: Body" (Italian), "NAME/HOUSE, SOURCE:
# BODY" (Canadian), and the source first, "Fuente: Body. HOUSE" (Spanish).


def test_norwegian_graphic_label_then_source():
    read = read_caption("Strømpriser i Bergen, 2020–2025. Grafikk: Bergens Tidende. Kilde: NVE")
    assert (read.caption, read.credit_line) == (
        "Strømpriser i Bergen, 2020–2025.",
        "Grafikk: Bergens Tidende. Kilde: NVE",
    )
    assert (read.credit, read.source) == ("Bergens Tidende", "NVE")


def test_graphic_maker_named_with_the_house_then_source():
    read = read_caption(
        "Asuntojen hinnat Tampereella 2015–2025. "
        "Grafiikka: Mikko Laine / Aamulehti, lähde: Tilastokeskus"
    )
    assert read.caption == "Asuntojen hinnat Tampereella 2015–2025."
    assert (read.credit, read.source, read.creator) == (
        "Aamulehti",
        "Tilastokeskus",
        "Mikko Laine",
    )
    assert credit_parts("ANNA KOWAL/THE TORONTO STAR, SOURCE: STATISTICS CANADA") == (
        "The Toronto Star",
        "STATISTICS CANADA",
        "ANNA KOWAL",
    )


def test_graphic_label_without_colon_then_dash_and_source():
    assert credit_parts("Infografica La Stampa – Fonte: Istat") == ("La Stampa", "Istat", "")


def test_source_first_then_the_house_in_capitals():
    read = read_caption("Precio del alquiler en Bilbao, en euros. Fuente: Idealista. EL CORREO")
    assert (read.caption, read.credit_line) == (
        "Precio del alquiler en Bilbao, en euros.",
        "Fuente: Idealista. EL CORREO",
    )
    assert (read.credit, read.source) == ("El Correo", "Idealista")
    # a source closing a caption's last sentence, no house after it: the story's own words
    assert caption_cut("Los precios suben. Fuente: el ayuntamiento. Dice el alcalde")[1] == ""


# A video's label in the reader's language: "VÍDEO", "VIDÉO", "WIDEO" on a line of its own
# over the player's caption, and "Video Credit: X" (Indian papers) under it.


def _placements(text: str) -> list[tuple[str, str, str]]:
    draft = parse_article(text.encode(), filename="story.txt")
    return [(p.kind, p.caption, p.credit_line) for p in draft.placements]


def test_video_label_line_in_other_languages():
    for label in ("VÍDEO", "VIDÉO", "WIDEO"):
        text = "\n".join(
            ["Obras en el puerto", PARAGRAPH, PARAGRAPH, PARAGRAPH, label]
            + ["El puerto visto desde un dron, este lunes. EFE", PARAGRAPH, PARAGRAPH]
        )
        assert _placements(text) == [
            ("video", "El puerto visto desde un dron, este lunes.", "EFE")
        ], label


def test_video_credit_label_marks_a_video():
    read = read_caption("Farmers explain the new canal rota | Video Credit: Deccan Herald")
    assert (read.caption, read.credit_line, read.video) == (
        "Farmers explain the new canal rota",
        "Video Credit: Deccan Herald",
        True,
    )
    assert not read_caption("Farmers at the canal. | Photo Credit: Deccan Herald").video


# "A caption. File" over "| Photo Credit: X": the word "File" after the caption's last full
# stop marks an archive picture (Indian papers); it is neither caption nor credit.


def test_file_marker_after_the_caption():
    assert caption_cut(
        "Voters queue at a polling booth in Thrissur. File | Photo Credit: H. Vibhu"
    ) == (
        "Voters queue at a polling booth in Thrissur.",
        "Photo Credit: H. Vibhu",
        "H. Vibhu",
    )
    assert caption_cut("Documents in the Kochi File | Photo Credit: H. Vibhu")[0] == (
        "Documents in the Kochi File"
    )


# Spanish papers: the credit in capitals after a caption closing on a bracketed province
# ("... en Barbate (Cádiz). NAME"), and an agency's name in capitals on a line of its own
# above the caption it credits.


def test_capitals_credit_after_a_bracketed_place():
    assert caption_cut("Un pescador repara redes en Barbate (Cádiz). JUAN LÓPEZ") == (
        "Un pescador repara redes en Barbate (Cádiz).",
        "JUAN LÓPEZ",
        "JUAN LÓPEZ",
    )


def test_agency_in_capitals_above_its_caption():
    story = (
        "Il consiglio comunale ha approvato ieri sera il nuovo piano per il porto, dopo una "
        "discussione durata quasi sei ore e due votazioni rinviate nelle settimane scorse."
    )
    text = "\n".join(
        ["Il porto cambia volto", story, story, "LAPRESSE"]
        + ["La sindaca di Lecco, Anna Rossi, ieri in consiglio comunale.", story, story]
    )
    assert _placements(text) == [
        ("picture", "La sindaca di Lecco, Anna Rossi, ieri in consiglio comunale.", "LAPRESSE")
    ]


# Norwegian and Danish attribution: "ifølge X" (before or after the clause; the verb second
# when it opens the sentence) and the speech verbs "sier/sa/opplyser/forteller" ("siger/
# sagde/oplyser/fortæller" in Danish).


def _claimants(paragraph: str) -> list[tuple[str, str]]:
    return [(str(c.figure), c.claimant) for c in extract_claim_candidates([paragraph])]


def test_norwegian_and_danish_according_to():
    assert _claimants("Ifølge Danmarks Statistik steg priserne med 4 procent i oktober.") == [
        ("4", "Danmarks Statistik")
    ]
    assert _claimants("Bergen har 40 ledige legehjemler, ifølge Bergen kommune.") == [
        ("40", "Bergen kommune")
    ]


def test_norwegian_and_danish_speech_verbs():
    assert _claimants("Boligpriserne steg 7 procent i november, oplyser Boligsiden.") == [
        ("7", "Boligsiden")
    ]
    assert _claimants("Køen er på 3000 pasienter, sier klinikksjef Kari Nilsen.") == [
        ("3000", "Kari Nilsen")
    ]


# A German ordinal date ("ab 1. Jänner", "am 3. Oktober"): the full stop after the day is
# no sentence's end, and Austria's "Jänner" and "Feber" are January and February.


def test_german_ordinal_date_does_not_end_a_sentence():
    assert split_sentences(
        "Die Mieten steigen ab 1. Jänner um 9 Prozent. Das sagt der Verband."
    ) == [
        "Die Mieten steigen ab 1. Jänner um 9 Prozent.",
        "Das sagt der Verband.",
    ]
    assert len(split_sentences("Am 3. Oktober kamen 40 Gäste. Am 4. kamen 12.")) == 2


def test_austrian_month_names_are_dates_not_figures():
    figures = [f.value for f in read_figures("Der Tarif gilt ab 15. Feber für 2400 Haushalte.")]
    assert [str(v) for v in figures] == ["2400"]


def test_english_video_over_or_under_is_no_still_sign():
    assert not speaks_of_a_video("Fans watched the video over and over at the fan zone.")
    assert not speaks_of_a_video("The club's video under fire from supporters' groups.")


# The euro's cent in the languages of the euro area: German "Cent" (a capitalised noun),
# Spanish "céntimos", Italian "centesimi", French "centimes": a hundredth of a euro.


def test_euro_cents_are_hundredths_of_a_euro():
    for sentence, value in (
        ("Der Liter Diesel kostet jetzt 9,5 Cent mehr als im Mai.", "0.095"),
        ("El billete de metro sube 20 céntimos desde enero.", "0.2"),
        ("Il caffè al banco costa ora 30 centesimi in più.", "0.3"),
    ):
        read = [(str(f.value.normalize()), f.unit) for f in read_figures(sentence)]
        assert read == [(value, "EUR")], sentence
