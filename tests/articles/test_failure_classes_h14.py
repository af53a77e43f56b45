"""Failure classes of the holdout14 round, each on a few lines written here.

Each test is a convention other publishers' pages share (a credit word, a credit layout, a
way of writing a figure); the snippets are invented, in other words, places, names and
numbers than the set's pages, and the expected values read off them.
"""

from __future__ import annotations

from archive.articles import parse_article
from tests.articles.conftest import PARAGRAPH, credit_parts

# Spanish "Gentileza X" and "Cortesía X" ("courtesy of X"): the giver is credited, as for
# "Courtesy X"; an English "courtesy of the Body" credits the body, not "the Body".


def test_spanish_courtesy_word_credits_the_giver():
    assert credit_parts("Gentileza Municipalidad de Mendoza") == (
        "Municipalidad de Mendoza",
        "",
        "",
    )
    assert credit_parts("Foto: gentileza de Bomberos Voluntarios")[0] == "Bomberos Voluntarios"
    assert credit_parts("Cortesía Club Atlético Paraná")[0] == "Club Atlético Paraná"


def test_courtesy_of_the_body_credits_the_body():
    assert credit_parts("Photo courtesy of the Kaohsiung Port Authority")[0] == (
        "Kaohsiung Port Authority"
    )
    assert credit_parts("Courtesy of the Hartley family")[0] == "Hartley family"
    # a name whose article is its own, in capitals, is kept whole
    assert credit_parts("Courtesy of The Boston Globe")[0] == "The Boston Globe"


# Spanish and Portuguese "Captura X" (a frame captured from the house's video or a channel's
# broadcast), like the French "Capture d'écran X": the house or channel is credited.


def test_spanish_capture_credits_the_channel():
    assert credit_parts("Captura TN")[0] == "TN"
    assert credit_parts("Captura de pantalla Canal 13")[0] == "Canal 13"
    assert credit_parts("Captura de video C5N")[0] == "C5N"


# Brazilian "Reprodução/Platform @handle" (a post reproduced from a social account): the
# platform is credited, the account is its source, as for "Twitter/@handle".


def test_platform_then_handle_after_a_space():
    assert credit_parts("Foto: Reprodução/Instagram @defesacivilpetropolis") == (
        "Instagram",
        "@defesacivilpetropolis",
        "",
    )
    assert credit_parts("Reprodução / TikTok @moradordorio") == ("TikTok", "@moradordorio", "")
    assert credit_parts("Foto: Facebook @prefeiturajuizdefora")[:2] == (
        "Facebook",
        "@prefeiturajuizdefora",
    )


# "Arquivo / Agency", "Archivo/House" (a file picture, no photographer named): the archive
# word is no name; the agency or house after it is credited.


def test_archive_word_before_the_agency_is_no_name():
    assert credit_parts("Foto: Arquivo / Agência Brasil") == ("Agência Brasil", "", "")
    assert credit_parts("Foto: Archivo/Télam") == ("Télam", "", "")
    assert credit_parts("Foto: Archiv / dpa")[0] == "dpa"


# "Photo copied by Name, House": the house's reporter photographed a document or a notice;
# the house is credited and the reporter is the creator, as for "Photo: Name, House".


def test_photo_copied_by_name_and_house():
    assert credit_parts("Photo copied by Lin Mei-hua, Harbour Daily") == (
        "Harbour Daily",
        "",
        "Lin Mei-hua",
    )


def test_text_copy_caption_closed_by_photo_copied_by():
    text = "\n".join(
        [
            "Kaohsiung tightens rules on delivery scooters",
            "",
            PARAGRAPH,
            "",
            "A letter from the Public Works Bureau listing the new zones. "
            "Photo copied by Lin Mei-hua, Harbour Daily",
            "",
            PARAGRAPH,
            "",
            "Riders wait outside a night market on Monday. Photo: Lin Mei-hua, Harbour Daily",
            "",
            PARAGRAPH,
        ]
    )
    draft = parse_article(text.encode(), filename="scooters.txt")
    found = [(p.caption, p.credit, p.creator) for p in draft.placements]
    assert found == [
        (
            "A letter from the Public Works Bureau listing the new zones.",
            "Harbour Daily",
            "Lin Mei-hua",
        ),
        ("Riders wait outside a night market on Monday.", "Harbour Daily", "Lin Mei-hua"),
    ]


# A player box whose caption is a paragraph named for a description ("video__description",
# "media-description") after the player, with no credit: the video's caption (Brazilian
# portals print their videos so).


def test_player_caption_in_a_description_element():
    story = f"<p>{PARAGRAPH}</p>"
    page = (
        "<html><body><article><h1>Temporal alaga Petrópolis</h1>"
        f"{story}"
        '<div class="materia-video"><div class="video-player">'
        '<img src="https://example.com.br/poster/alagamento-centro.jpg" alt="" '
        'width="640" height="360"></div>'
        '<p class="materia-video__description">Carros arrastados pela água na Rua do Imperador</p>'
        f"</div>{story}</article></body></html>"
    )
    draft = parse_article(page.encode(), filename="chuva.html")
    assert [(p.kind, p.caption, p.credit_line) for p in draft.placements] == [
        ("video", "Carros arrastados pela água na Rua do Imperador", "")
    ]
