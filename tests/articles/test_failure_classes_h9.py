"""Failure classes of the holdout9 round, each on a few lines written here.

Each test is a convention other publishers' pages share (a label, a structure, a credit
word); the snippets are invented, in other words and for other houses than the set's pages,
and the expected values read off them.
"""

from __future__ import annotations

from archive.articles import parse_article
from archive.articles.caption_credits import read_caption
from archive.articles.credit_lines import read_credit_line
from archive.articles.draft import KIND_PICTURE, KIND_STILL, KIND_VIDEO, DraftPlacement, mark_stills
from tests.articles.conftest import PARAGRAPH, caption_cut, credit_parts

# A credit label whose name ends in an abbreviation's full stop: a house's initials
# ("N.Z.Z.", "S.F.") or a handout's cut words ("mat. pras."); the stop belongs to the name.


def test_label_naming_initials_after_the_caption():
    assert caption_cut("Die neuen Tarife im Überblick. Grafik: N.Z.Z.") == (
        "Die neuen Tarife im Überblick.",
        "Grafik: N.Z.Z.",
        "N.Z.Z.",
    )
    assert caption_cut("Foto: mat. pras.") == ("", "Foto: mat. pras.", "mat. pras.")
    assert read_credit_line("Photo: K.L.M.").credit == "K.L.M."


def test_a_sentence_after_the_label_is_no_abbreviation():
    assert caption_cut("A ferry at dawn. Photo: waiting at the pier.")[1] == ""


# "A chart. Graphic: Name. Source: Body": the maker's label and the data's source, each
# closed by a full stop, after the caption's last sentence (Nordic and German papers).


def test_graphic_maker_then_source_after_the_caption():
    read = read_caption("Lediga bostäder i Umeå, 2018–2025. Grafik: Lena Berg. Källa: SCB")
    assert (read.caption, read.credit_line) == (
        "Lediga bostäder i Umeå, 2018–2025.",
        "Grafik: Lena Berg. Källa: SCB",
    )
    assert (read.credit, read.source, read.creator) == ("Lena Berg", "SCB", "Lena Berg")
    parts = read_credit_line("Graphic: Harbour Times / Source: ONS")
    assert (parts.credit, parts.source, parts.creator) == ("Harbour Times", "ONS", "")


# Polish "Rys. Name" (rysunek, a drawing or a chart): the label cut short like "Fot.".


def test_polish_drawing_label():
    assert caption_cut("Ceny biletów w Krakowie. Rys. Łucja Zawada") == (
        "Ceny biletów w Krakowie.",
        "Rys. Łucja Zawada",
        "Łucja Zawada",
    )
    assert read_credit_line("Rys. Marek Sowa").credit == "Marek Sowa"


# "(Harbour Gazette file photo)" closing a caption, no label before it: the house's archive.


def test_house_file_photo_in_brackets_closes_the_caption():
    assert caption_cut(
        "Fishing boats moored at Ban Phe pier last April. (Eastern Courier file photo)"
    ) == (
        "Fishing boats moored at Ban Phe pier last April.",
        "(Eastern Courier file photo)",
        "Eastern Courier",
    )


# Whoever handed a picture out, printed with the kind word first ("Image supplied"), and a
# page a picture was taken from ("Screenshot from X website"): "Supplied", the page's owner.


def test_kind_word_before_supplied():
    assert read_credit_line("(Image supplied)").credit == "Supplied"
    assert read_credit_line("Picture supplied").credit == "Supplied"


def test_screenshot_of_a_website_credits_its_owner():
    assert read_credit_line("(Screenshot from Harbour Water Board website)").credit == (
        "Harbour Water Board"
    )
    assert read_credit_line("Image: the Port Authority's website").credit == "Port Authority"


def _placements(text: str) -> list[tuple[str, str, str, str]]:
    return [(p.kind, p.caption, p.credit_line, p.credit) for p in parse_article(text).placements]


# "WRITER: Name", "Words: Name": the byline printed as a labelled field, over the lead picture.


def test_byline_as_a_labelled_field_is_no_caption():
    text = (
        "Ferry fares to rise in spring\n"
        "Operator blames fuel costs\n"
        "Words: Hannah Okafor\n"
        "The ferry at Larne on Sunday. (Photo: Ian Reid)\n"
        f"{PARAGRAPH}\n"
        "The operator said fares would rise by 6% from April, the second rise in a year.\n"
    )
    assert _placements(text) == [
        (
            "picture",
            "The ferry at Larne on Sunday.",
            "(Photo: Ian Reid)",
            "Ian Reid",
        )
    ]


# A video credited as one, under a "Read more:" teaser sharing a word with it: the story's
# own video, not the teaser's thumbnail (a teaser shows a still).


def test_credited_video_under_a_teaser_is_the_storys():
    text = (
        "Ferry fares to rise in spring\n"
        "By Hannah Okafor\n"
        f"{PARAGRAPH}\n"
        "The operator said fares would rise by 6% from April, the second rise in a year.\n"
        "Read more: Why the ferry operator is losing money\n"
        "Passengers at Larne say what the ferry means to them. (Video: Ian Reid/Coast Herald)\n"
        "The council will meet the operator in January, a spokesperson said.\n"
    )
    assert _placements(text) == [
        (
            "video",
            "Passengers at Larne say what the ferry means to them.",
            "(Video: Ian Reid/Coast Herald)",
            "Coast Herald",
        )
    ]


# A gallery's counter in the page's language ("2 di 4", "3 z 5", "1 av 6") copied before the
# caption: furniture, in the caption's text or in a span of its own.


def test_gallery_counter_in_other_languages():
    assert caption_cut("2 di 4 Il molo di Camogli al tramonto (foto Ansa)")[0] == (
        "Il molo di Camogli al tramonto"
    )
    assert caption_cut("3 z 5 Rynek w Toruniu (Fot. Jan Sowa)")[0] == "Rynek w Toruniu"
    html = (
        "<html><body><article><h1>Porto</h1><p>Il porto riapre dopo due anni di lavori, ha"
        " detto il sindaco.</p><figure><img src='/a.jpg' alt=''><figcaption><span"
        " class='count'>1 di 6</span> Il molo nuovo di Camogli</figcaption></figure>"
        "</article></body></html>"
    )
    [placement] = parse_article(html, filename="page.html").placements
    assert placement.caption == "Il molo nuovo di Camogli"


# A house's graphics desk after its name ("© House – Infographie") credits the house; a chart
# labelled "Infográfico: House | Fonte: Body" credits the house, the body its source.


def test_graphics_desk_and_data_source():
    assert credit_parts("© La Gazette – Infographie") == ("La Gazette", "", "")
    assert credit_parts("Infográfico: Folha do Sul | Fonte: IBGE") == ("Folha do Sul", "IBGE", "")


# A teaser ("Czytaj więcej", Polish "read more") printing its picture's credit first, then its
# headline: the credit is the teaser's, and a video credited on the next line is the story's.


def test_teaser_credit_above_its_headline():
    text = (
        "Tramwaje wracają na Rondo\n"
        "Przez Jan Sowa\n"
        "Miasto otworzy w piątek nową linię tramwajową przez centrum, podał zarząd dróg."
        " Budowa trwała dwa lata.\n"
        "Bilety nie zdrożeją do końca roku, zapewnia przewoźnik. Linia ma kosztować 90 mln"
        " zł.\n"
        "Czytaj więcej\n"
        "Foto: Shutterstock\n"
        "Gdzie w Polsce jeździ się najtaniej?\n"
        "Wideo: Gazeta Miejska TV\n"
        "Prezes przewoźnika o nowych rozkładach jazdy tramwajów\n"
        "Radni opozycji chcą, by linia jeździła też nocą. Wniosek trafi pod obrady w"
        " styczniu.\n"
    )
    assert _placements(text) == [
        (
            "video",
            "Prezes przewoźnika o nowych rozkładach jazdy tramwajów",
            "Wideo: Gazeta Miejska TV",
            "Gazeta Miejska TV",
        )
    ]


# A credit line on its own between two paragraphs of the story, several sentences each: a
# picture dropped in the copy with no caption, not a caption of either paragraph.


def test_credit_between_two_paragraphs_has_no_caption():
    body = (
        "The harbour board met on Monday to discuss the repairs. Its chair said the work"
        " would start in spring. The bill is expected to reach £4m, she added.\n"
    )
    text = (
        "Harbour wall to be rebuilt\n"
        "By Ian Reid\n"
        f"{PARAGRAPH}\n"
        "Engineers found cracks in the wall after the storms of last winter, the board said.\n"
        "The wall was built in 1887 and was last repaired in the 1970s, records show.\n"
        f"{body}"
        "Photo: Stock Images Ltd\n"
        "Fishermen say the cracks have grown since the summer. They want the board to close"
        " the quay until the work is done.\n"
    )
    placements = _placements(text)
    assert placements == [("picture", "", "Photo: Stock Images Ltd", "Stock Images Ltd")]


# A caption naming the video it is a frame of in a Romance language ("em imagem do vídeo
# acima", "immagine del video", "image de la vidéo"): a still of that video.


def test_romance_wording_of_a_frame_of_the_video():
    for caption in (
        "Enchente na avenida Brasil, em imagem do vídeo acima",
        "La piena del fiume a Lodi in un'immagine del video",
        "Le quai inondé, image de la vidéo ci-dessus",
    ):
        video = DraftPlacement(0, KIND_VIDEO, title="Cheia", caption="Cheia", credit="TV Sul")
        picture = DraftPlacement(0, KIND_PICTURE, caption=caption, credit="TV Sul")
        mark_stills([video, picture])
        assert picture.kind == KIND_STILL, caption
