"""Failure classes found on holdout26, tested on snippets of our own (other words, places,
names and publishers than the set's)."""

from __future__ import annotations

import pytest

from archive.articles.credit_lines import read_credit_line


@pytest.mark.parametrize(
    ("line", "credit", "creator"),
    [
        ("© Der Tagesspiegel (Jakob Stadler)", "Der Tagesspiegel", "Jakob Stadler"),
        ("© AFP (JOHANNES EISELE)", "AFP", "JOHANNES EISELE"),
    ],
)
def test_house_then_photographer_in_brackets(line, credit, creator):
    parts = read_credit_line(line)
    assert (parts.credit, parts.creator) == (credit, creator)


@pytest.mark.parametrize(
    ("line", "call"),
    [("NBC Dallas affiliate KXAS", "KXAS"), ("ABC Houston affiliate KTRK-TV", "KTRK-TV")],
)
def test_network_affiliate_station_is_credited(line, call):
    assert read_credit_line(line).credit == call


def test_korean_place_glued_before_staff_photographer():
    parts = read_credit_line("대구=김민준 기자 mjkim@example.co.kr")
    assert (parts.credit, parts.creator) == ("김민준", "김민준")


def test_french_regional_pool_credits_the_distributor():
    parts = read_credit_line("(PHOTOPQR / LE TELEGRAMME / MAXPPP)")
    assert (parts.credit, parts.source, parts.creator) == ("MAXPPP", "LE TELEGRAMME", "")


def test_person_then_house_in_brackets_is_not_read_as_house_first():
    # a photographer's name first, the agency in brackets: the agency stays credited
    assert read_credit_line("Foto: Ana Ruiz (EFE)").credit == "EFE"


from archive.articles import parse_article  # noqa: E402
from archive.articles.caption_credits import read_caption  # noqa: E402


@pytest.mark.parametrize(
    ("line", "caption", "credit_line", "credit"),
    [
        (
            "Bomberos retiran barro de una calle de Paiporta este martes EFE/ Miguel Soto",
            "Bomberos retiran barro de una calle de Paiporta este martes",
            "EFE/ Miguel Soto",
            "EFE",
        ),
        (
            "Agentes de la Guardia Civil cortan la carretera de Utiel @guardiacivil/X",
            "Agentes de la Guardia Civil cortan la carretera de Utiel",
            "@guardiacivil/X",
            "Twitter",
        ),
    ],
)
def test_slashed_credit_glued_to_caption_without_punctuation(line, caption, credit_line, credit):
    found = read_caption(line)
    assert (found.caption, found.credit_line, found.credit) == (caption, credit_line, credit)


def test_sentence_ending_in_a_slashed_word_is_no_caption():
    found = read_caption("Los vecinos de Paiporta piden ayuda desde el lunes AC/DC.")
    assert not found.credit_line


_PAGE = """Canal Norte
Noticias
Deportes
Castilla y León
Canal Norte.es
Portada
Directos
Radio
El Duero se desborda a su paso por Zamora y obliga a cortar dos puentes
La Confederación mantiene la alerta por la crecida hasta el domingo
CANAL NORTE
ZAMORA
03.02.2027 | 10:05
Actualizado: 03.02.2027 | 18:20
Compartir
El Duero ha alcanzado este miércoles su nivel más alto en Zamora desde 2001, según la Confederación Hidrográfica del Duero, que mantiene la alerta en toda la provincia.
La Policía Local ha cortado el Puente de Piedra y el de Hierro al tráfico rodado y peatonal.
Así ha crecido el Duero en las últimas horas en Zamora
02:07
Vídeo: NORTE
El agua ha anegado varias huertas de la ribera y los garajes de una docena de viviendas, según el Ayuntamiento.
Plano del vídeo anterior: el agua cubre el paseo de la ribera junto a las aceñas NORTE
Los bomberos han achicado agua en más de veinte garajes durante la noche.
Los vecinos de la ribera temen que el río siga subiendo durante el fin de semana.
Lo más visto
"""


def test_video_title_over_its_running_time_takes_the_credit_under_it():
    draft = parse_article(_PAGE.replace("CANAL NORTE", "NORTE"), filename="page.txt")
    video = next(p for p in draft.placements if p.kind == "video")
    assert (video.caption, video.credit_line, video.credit) == (
        "Así ha crecido el Duero en las últimas horas en Zamora",
        "Vídeo: NORTE",
        "NORTE",
    )


def test_house_name_glued_to_a_caption_is_its_credit():
    draft = parse_article(_PAGE.replace("CANAL NORTE", "NORTE"), filename="page.txt")
    glued = [p for p in draft.placements if p.caption.startswith("Plano del vídeo")]
    assert [(p.caption, p.credit_line) for p in glued] == [
        (
            "Plano del vídeo anterior: el agua cubre el paseo de la ribera junto a las aceñas",
            "NORTE",
        )
    ]


def test_caps_name_before_slash_is_not_cut_in_two():
    found = read_caption("Voters queue outside a school in Ipoh on Saturday. — AHMAD FAUZI/The Sun")
    assert found.credit_line != "FAUZI/The Sun"


@pytest.mark.parametrize(
    ("head", "tail", "credit"),
    [
        ("Пожежники гасять пожежу в будинку на проспекті", "Науки", "Фото: Ігор Коваль / Reuters"),
        (
            "Des pompiers déblaient les gravats devant une maison de la rue",
            "Nationale",
            "Photo : Jean Martin / AFP",
        ),
        ("Voluntarios reparten agua a los vecinos afectados en la", "Plaza Mayor", "EFE/ Ana Gil"),
    ],
)
def test_caption_wrapped_after_a_street_word_or_preposition(head, tail, credit):
    from archive.articles.text_wraps import join_wrapped_captions

    assert join_wrapped_captions([head, tail, credit]) == [f"{head} {tail}", credit]


def test_military_picture_distributed_via_dvids_is_a_credit_line():
    found = read_caption("(Pfc. Jordan Lee/U.S. Marine Corps via DVIDS)")
    assert (found.caption, found.credit, found.source, found.creator) == (
        "",
        "DVIDS",
        "U.S. Marine Corps",
        "Pfc. Jordan Lee",
    )


def test_korean_provided_label_before_the_body():
    parts = read_credit_line("영상 제공: 해양경찰청")
    assert parts.credit == "해양경찰청"


_VIDEO_BOX = """<html><head><title>Flood</title></head><body><article>
<h1>Floodwater cuts off villages near Sirajganj</h1>
<p>The Jamuna rose above the danger mark at three points on Tuesday, the water board said.</p>
<div class="clip-wrap video">
  <div class="player" data-id="riv-7781"><img src="https://cdn.example.org/poster-7781.jpg" alt=""></div>
  <p class="clip-title">Boats ferry families from a submerged char in Kazipur</p>
  <p class="clip-credit">Video: River Desk</p>
</div>
<p>Relief officials said dry food had reached about half of the stranded families.</p>
<p>Schools in the upazila will stay shut until the water recedes, officials said.</p>
</article></body></html>"""


def test_player_named_player_in_a_video_box_is_a_video():
    draft = parse_article(_VIDEO_BOX, filename="page.html")
    assert [(p.kind, p.caption) for p in draft.placements] == [
        ("video", "Boats ferry families from a submerged char in Kazipur")
    ]
