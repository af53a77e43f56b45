"""Failure classes of round 19d (placements), each on a few lines written here.

Audio players ("Listen to this article", a podcast's player) are furniture; a page printing
every credit line above its caption; a list of other stories with their thumbnails; a
caption over a player's running times; a date line in a language whose month names the date
reader does not know. The snippets are invented, in other words, places, names and languages
than the sets' pages, and the expected values read off them.
"""

from __future__ import annotations

import pytest

from archive.articles import parse_article
from archive.articles.audio_players import is_audio_label
from archive.articles.draft import KIND_PICTURE, KIND_STILL, KIND_VIDEO
from archive.articles.text_players import stamp_line
from tests.articles.conftest import PARAGRAPH


def _text(lines: list[str]):
    return parse_article("\n".join(lines).encode(), filename="copy.txt")


def _html(body: str):
    page = (
        "<html><head><title>Page</title></head><body><article>"
        "<h1>The river town builds a new bridge</h1>"
        f"<p>{PARAGRAPH}</p>{body}<p>{PARAGRAPH}</p></article></body></html>"
    )
    return parse_article(page.encode(), filename="page.html")


# 1. Audio players: the text-to-speech widget's label, voice and times are no placement, and
# the picture under them stays a picture.


@pytest.mark.parametrize(
    "player",
    [
        ["Écouter cet article", "Voix générée par IA", "0:00", "/", "3:05"],
        ["Ouça esta notícia", "00:00", "02:47"],
        ["Слушать статью", "1x", "0:00", "5:40"],
        ["Listen to this article", "Powered by Speechify", "0:00", "/", "6:12"],
        ["Artikel anhören", "Vorgelesen von einer synthetischen Stimme", "0:00", "4:01"],
    ],
)
def test_audio_player_in_a_text_copy_is_furniture(player):
    draft = _text(
        [
            "Le Courrier du Lac",
            "Le pont de Vevey rouvre après huit mois de travaux",
            "Par Claire Dubois",
            *player,
            "Les premiers cyclistes traversent le pont rénové, mardi matin.",
            "Photo : Marc Lenoir",
            PARAGRAPH,
            PARAGRAPH,
        ]
    )
    assert [(p.kind, p.caption, p.credit_line) for p in draft.placements] == [
        (
            KIND_PICTURE,
            "Les premiers cyclistes traversent le pont rénové, mardi matin.",
            "Photo : Marc Lenoir",
        )
    ]


@pytest.mark.parametrize(
    "player",
    [
        '<figure class="article-audio"><audio controls src="/tts/ponte-221.mp3"></audio>'
        "<figcaption>Ascolta l'articolo (3:12)</figcaption></figure>",
        '<figure><iframe src="https://w.soundcloud.com/player/?url=tracks/5521"></iframe>'
        "<figcaption>Podcast: the bridge builders, episode 9</figcaption></figure>",
        '<figure><audio src="/p/episodio-3.mp3"></audio>'
        "<figcaption>Escuche este artículo</figcaption></figure>",
        '<div class="tts"><span>Artikel anhören</span>'
        '<iframe src="https://player.example.com/embed/tts-8812"></iframe></div>',
    ],
)
def test_audio_player_in_a_page_is_furniture(player):
    draft = _html(
        player + '<figure><img src="https://img.example.org/bridge.jpg" width="900" '
        'height="600"><figcaption>The new span at dawn. Photo: Ana Ruiz</figcaption></figure>'
    )
    assert [(p.kind, p.caption) for p in draft.placements] == [
        (KIND_PICTURE, "The new span at dawn.")
    ]


def test_a_video_beside_a_listen_label_stays():
    draft = _html(
        '<div class="tools"><span>Listen</span></div>'
        '<figure class="video"><iframe src="https://www.youtube.com/embed/q1w2e3"></iframe>'
        "<figcaption>The bridge opens. Video: City Hall</figcaption></figure>"
    )
    assert [(p.kind, p.credit_line) for p in draft.placements] == [(KIND_VIDEO, "Video: City Hall")]


def test_audio_labels():
    assert is_audio_label("Escuche este artículo")
    assert is_audio_label("Ouça esta notícia")
    assert is_audio_label("Слушать статью")
    assert not is_audio_label("Listen to the people of the valley, the mayor said.")
    assert not is_audio_label("Escuchar a los vecinos es lo primero que hicimos este año")


# 2. A page printing every credit line above its caption, one caption with a short second
# sentence, a video's credit over its title, one credit under a "Read also:" teaser.

_OVER = [
    "Vesti.kg",
    "Бишкекте трамвай линиясынын курулушу башталды",
    "04 декабрь 2026 11:20",
    "Айбек Осмонов",
    "Бөлүшүү",
    "Фото: Vesti.kg / Нурлан Абдыкадыров",
    "Шаардын борборундагы курулуш аянтчасында иштеген жумушчулар.",
    "Бишкекте биринчи трамвай линиясынын курулушу башталды. Бул тууралуу мэриянын басма сөз "
    "кызматы билдирди. Линиянын узундугу 14 километрди түзөт.",
    "Мэриянын маалыматы боюнча, долбоордун наркы 210 миллион долларга бааланат. Каржылоону "
    "Европа реконструкция жана өнүктүрүү банкы берет.",
    "Ошондой эле окуңуз: Ошто жаңы көпүрө ачылды",
    "Фото: Архивден / Vesti.kg",
    "Бишкектин көчөлөрүнүн бири. Иллюстративдик сүрөт.",
    "Курулуш эки жылга созулат жана 2028-жылы бүтөт деп күтүлүүдө. Биринчи этапта 6 "
    "километр жол салынат.",
    "Видео: Vesti.kg",
    "Шаар тургундары трамвай тууралуу пикирин айтышты",
    "Тургундардын айрымдары курулуш учурунда жолдордо тыгын болот деп кооптонушат. Мэрия "
    "кошумча автобус каттамдарын ачууну убада кылды.",
    "Фото: Telegram / Бишкек мэриясы",
    "Мэрия жарыялаган трамвай линиясынын картасы.",
    "Долбоорго ылайык, трамвай 12 аялдамада токтойт жана бир саатта 3 000 жүргүнчү ташыйт.",
]


def test_every_credit_line_above_its_caption():
    draft = _text(_OVER)
    got = [(p.kind, p.caption, p.credit_line) for p in draft.placements]
    assert got == [
        (
            KIND_PICTURE,
            "Шаардын борборундагы курулуш аянтчасында иштеген жумушчулар.",
            "Фото: Vesti.kg / Нурлан Абдыкадыров",
        ),
        (
            KIND_PICTURE,
            "Бишкектин көчөлөрүнүн бири. Иллюстративдик сүрөт.",
            "Фото: Архивден / Vesti.kg",
        ),
        (KIND_VIDEO, "Шаар тургундары трамвай тууралуу пикирин айтышты", "Видео: Vesti.kg"),
        (
            KIND_PICTURE,
            "Мэрия жарыялаган трамвай линиясынын картасы.",
            "Фото: Telegram / Бишкек мэриясы",
        ),
    ]


def test_credit_lines_under_their_captions_stay_under():
    # The same page's convention reversed: each caption, its credit line, then the story.
    draft = _text(
        [
            "The Harbour Courier",
            "Tram line works begin in the old town",
            "By Ana Ruiz",
            "Workers at the building site in the town centre.",
            "Photo: Tom Reid",
            PARAGRAPH,
            "One of the town's streets.",
            "Photo: Harbour Courier archive",
            PARAGRAPH,
            "The planned route of the line.",
            "Photo: City Hall",
            PARAGRAPH,
        ]
    )
    assert [(p.caption, p.credit_line) for p in draft.placements] == [
        ("Workers at the building site in the town centre.", "Photo: Tom Reid"),
        ("One of the town's streets.", "Photo: Harbour Courier archive"),
        ("The planned route of the line.", "Photo: City Hall"),
    ]


# 3. A list of other stories with their thumbnails, with a heading or none, is a teaser list.


@pytest.mark.parametrize("heading", ["<h3>Más leídas</h3>", "<p class='tit'>Lo último</p>", ""])
def test_list_of_other_stories_with_thumbnails(heading):
    draft = _html(
        '<figure><img src="https://img.example.org/puente.jpg" width="900" height="600">'
        "<figcaption>El nuevo puente al amanecer. Foto: Luis Gómez</figcaption></figure>"
        f'<div class="box">{heading}<ul>'
        '<li><img src="https://img.example.org/t/lluvia.jpg" alt="">'
        '<a href="#">Lluvias intensas en el norte este fin de semana</a></li>'
        '<li><a href="javascript:void(0)"><img src="https://img.example.org/t/tren.jpg" '
        'alt="">El tren de cercanías suma tres frecuencias</a></li>'
        '<li><img src="https://img.example.org/t/feria.jpg" alt="">'
        '<a href="#">Abre la feria del libro con 200 casetas</a></li>'
        "</ul></div>"
    )
    assert [p.caption for p in draft.placements] == ["El nuevo puente al amanecer."]
    assert sum(1 for o in draft.left_out if o.reason == "teaser for another story") == 3


def test_gallery_list_of_enlargements_stays():
    draft = _html(
        "<ul>"
        '<li><a href="https://img.example.org/big/1.jpg"><img '
        'src="https://img.example.org/s/1.jpg" width="800" height="500" alt=""></a>'
        '<a href="#">The span at dawn</a></li>'
        '<li><a href="https://img.example.org/big/2.jpg"><img '
        'src="https://img.example.org/s/2.jpg" width="800" height="500" alt=""></a>'
        '<a href="#">The span at dusk</a></li>'
        "</ul>"
    )
    assert len(draft.placements) == 2


# 4. A caption over a player's start and running times is a video's; a date line with a
# month name the reader does not know is no video's title.


def test_caption_over_player_times_is_a_video():
    draft = _text(
        [
            "Kurier Doliny",
            "Most na Warcie otwarty po remoncie",
            "Autor: Anna Nowak",
            PARAGRAPH,
            "Mieszkańcy na otwarciu mostu (fot. Piotr Zieliński)",
            "00:00",
            "02:08",
            PARAGRAPH,
            "Nowa nawierzchnia mostu (fot. Piotr Zieliński)",
            PARAGRAPH,
        ]
    )
    kinds = [(p.kind, p.caption) for p in draft.placements]
    assert kinds == [
        (KIND_VIDEO, "Mieszkańcy na otwarciu mostu"),
        (KIND_PICTURE, "Nowa nawierzchnia mostu"),
    ]


def test_date_line_with_an_unknown_month_is_no_video():
    draft = _text(
        [
            "ఈనాడు",
            "హోమ్",
            "విజయవాడ వంతెన: 8 నెలల తర్వాత మళ్లీ ప్రారంభం",
            "ప్రచురించబడింది: డిసెం 04, 2026 08:30",
            "కృష్ణా నది వంతెనపై వాహనాల రాకపోకలు.",
            "Photo: Ravi Kumar",
            PARAGRAPH,
            PARAGRAPH,
        ]
    )
    assert KIND_VIDEO not in [p.kind for p in draft.placements]
    assert KIND_STILL not in [p.kind for p in draft.placements]


def test_stamp_lines():
    assert stamp_line("ప్రచురించబడింది: డిసెం 04, 2026 08:30")
    assert not stamp_line("Fans outside the stadium on 4 December 2026 at 20:30.")
    assert not stamp_line(
        "Final score 2026: 3:1 in extra time for the home side after a long night"
    )
