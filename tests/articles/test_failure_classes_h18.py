"""Failure classes of the holdout18 round, each on a few lines written here.

Each test is a convention other publishers' pages share (a caption wrapped over two lines in
a text copy, a Bulgarian "Снимка:" label, a picture label inside the caption's own words, a
Lithuanian credit closing the caption with no mark, "the company's photo", a paper's
initials its own name gives); the snippets are invented, in other words, places and names
than the set's pages, and the expected values read off them.
"""

from __future__ import annotations

from archive.articles import parse_article
from archive.articles.company_credits import company_photo_credit
from archive.articles.credit_forms import brand_letters
from archive.articles.draft import KIND_PICTURE, KIND_STILL, KIND_VIDEO, DraftPlacement, mark_stills
from archive.articles.house_credits import name_beside_house
from archive.articles.mid_credits import credits_inside_captions
from archive.articles.text_wraps import join_wrapped_captions
from tests.articles.conftest import PARAGRAPH, caption_cut, credit_parts


def _text_cuts(text: str) -> list[tuple[str, str, str, str]]:
    draft = parse_article(text.encode(), filename="copy.txt")
    return [(p.kind, p.caption, p.credit_line, p.credit) for p in draft.placements]


# A text copy keeps the line breaks of a narrow caption box: the caption's rest, a few words
# in lower case, on the next line, then the credit line. One caption, whitespace collapsed.


def test_caption_wrapped_over_two_lines_is_one_caption():
    lines = [
        "Zvejnieku laivas Liepājas ostā, kur šoruden nozvejots",
        "mazāk nekā pērn",
        "Foto: Anna Liepa/LETA",
        "Ostas pārvalde sacīja, ka zveja samazinājusies.",
    ]
    assert join_wrapped_captions(lines) == [
        "Zvejnieku laivas Liepājas ostā, kur šoruden nozvejots mazāk nekā pērn",
        "Foto: Anna Liepa/LETA",
        "Ostas pārvalde sacīja, ka zveja samazinājusies.",
    ]


def test_wrapped_caption_in_a_whole_text_copy():
    text = f"""Feribotul de la Brăila va fi retras
Ion Popa
4 decembrie 2026, 10:12
{PARAGRAPH}
{PARAGRAPH}
Feribotul „Siret” la debarcaderul din Brăila, într-o dimineață
cu ceață deasă
Foto: Inquam Photos / Maria Ionescu
{PARAGRAPH}"""
    assert _text_cuts(text) == [
        (
            KIND_PICTURE,
            "Feribotul „Siret” la debarcaderul din Brăila, într-o dimineață cu ceață deasă",
            "Foto: Inquam Photos / Maria Ionescu",
            "Inquam Photos",
        )
    ]


def test_lines_that_are_not_a_wrapped_caption_stay_apart():
    # A finished sentence above, or a line below opening in capitals: two lines.
    lines = ["The ferry left at noon.", "then it rained", "Photo: AP"]
    assert join_wrapped_captions(lines) == lines
    lines = ["Pilots at the airport in Aalborg", "Nordic Wings crew", "Foto: Ritzau Scanpix"]
    assert join_wrapped_captions(lines) == lines
    lines = ["Pilots at the airport in Aalborg", "waiting for news", "A paragraph follows."]
    assert join_wrapped_captions(lines) == lines


# Bulgarian papers label a picture's credit "Снимка:" ("photo"; "Снимки:" for several).


def test_bulgarian_photo_label():
    assert credit_parts("Снимка: БТА") == ("БТА", "", "")
    assert caption_cut("Пристанището във Варна сутринта Снимка: Георги Иванов") == (
        "Пристанището във Варна сутринта",
        "Снимка: Георги Иванов",
        "Георги Иванов",
    )


def test_bulgarian_text_copy_with_credits_under_captions():
    text = f"""Стачка на пристанището в Бургас
Иван Петров
3 дек 2026, 08:40
{PARAGRAPH}
{PARAGRAPH}
Кранове на пристанището в Бургас в сряда вечерта
Снимка: БГНЕС
{PARAGRAPH}"""
    assert _text_cuts(text) == [
        (KIND_PICTURE, "Кранове на пристанището в Бургас в сряда вечерта", "Снимка: БГНЕС", "БГНЕС")
    ]


# A label inside the caption's words ("Frame from the video: the harbour master on the
# quay", "Архивна снимка: ..."), followed by a phrase in lower case, introduces what the
# picture shows: the caption's own, not a credit.


def test_label_inside_the_caption_is_no_credit():
    for caption in (
        "Kadrs no video: ostas kapteinis uz mola Liepājā",
        "Архивна снимка: старото пристанище във Варна през лятото",
        "Frame from the video: the harbour master walks along the quay",
    ):
        assert caption_cut(caption) == (caption, "", ""), caption
    # a credit in lower case is short: "Foto: dpa" still closes a caption
    assert caption_cut("Der Hafen in Kiel am Morgen Foto: dpa")[1] == "Foto: dpa"


def test_frames_of_a_video_in_bulgarian_and_lithuanian():
    for caption in (
        "Кадър от видеото: опашка пред гарата в Русе",
        "Kadras iš žemiau esančio vaizdo įrašo: uosto direktorius",
    ):
        video = DraftPlacement(0, KIND_VIDEO, title="Strike", caption="Strike", credit="BTA")
        pic = DraftPlacement(0, KIND_PICTURE, caption=caption, credit="BTA")
        mark_stills([video, pic])
        assert pic.kind == KIND_STILL, caption


# Latvian and Bulgarian "read also" labels over a teaser: its title and its own credit line
# are furniture, not a picture of the story.


def test_teaser_labels_in_latvian_and_bulgarian():
    for label, title, credit in (
        ("Lasi vēl", "Liepājas ostā kravu apgrozījums audzis", "Foto: LETA"),
        ("Още по темата", "Пристанището в Бургас спира работа", "Снимка: Архив"),
    ):
        text = f"""Ostas ziņas
Anna Liepa
3. decembris, 2026, 09:10
{PARAGRAPH}
{PARAGRAPH}
{label}
{title}
{credit}
{PARAGRAPH}"""
        assert _text_cuts(text) == [], label


# Lithuanian papers print the credit right after the caption with no mark between ("...
# uoste A. Jonaičio / BNS nuotr."; "nuotr." is "photo", printed only in credits), the
# photographer in the genitive; an initialled name is kept as printed.


def test_lithuanian_credit_closing_the_caption():
    assert caption_cut("Keltas Kuršių mariose trečiadienį A. Petraičio / BNS nuotr.") == (
        "Keltas Kuršių mariose trečiadienį",
        "A. Petraičio / BNS nuotr.",
        "BNS",
    )
    assert caption_cut("Krovinių terminalas Klaipėdos uoste ELTA nuotr.") == (
        "Krovinių terminalas Klaipėdos uoste",
        "ELTA nuotr.",
        "ELTA",
    )
    assert credit_parts("V. Žemaičio / LRT nuotr.") == ("LRT", "", "V. Žemaičio")
    # a credit alone is no caption with a credit
    assert caption_cut("V. Žemaičio / LRT nuotr.")[1] == ""


def test_lithuanian_credit_in_a_gallery_slide():
    page = f"""<html><body><article><h1>Uostas mažina krovą</h1><p>{PARAGRAPH}</p>
    <div class="gallery"><div class="slide"><span class="count">1 / 1</span>
    <img src="https://example.org/uostas.jpg" width="800" height="500">
    <p class="slide-caption">Krantinė Klaipėdos uoste <small>J. Rimkaus / BNS nuotr.</small></p>
    </div></div><p>{PARAGRAPH}</p></article></body></html>"""
    draft = parse_article(page.encode(), filename="page.html")
    assert [(p.caption, p.credit_line, p.credit, p.creator) for p in draft.placements] == [
        ("Krantinė Klaipėdos uoste", "J. Rimkaus / BNS nuotr.", "BNS", "J. Rimkaus")
    ]


# "Bendrovės nuotr.", "Įmonės nuotr." ("the company's photo"): the company the article names.


def test_the_company_s_photo_is_the_company_the_article_names():
    texts = ["Įmonė „Baltijos krovos“ atleis 90 darbuotojų", "Direktorius sakė, kad ..."]
    assert company_photo_credit("Įmonės", texts) == "Baltijos krovos"
    assert company_photo_credit("Bendrovės", ["bendrovės „Vilniaus duona“ kepykla"]) == (
        "Vilniaus duona"
    )
    assert company_photo_credit("Bendrovės", ["No company named here."]) == "Bendrovės"
    assert company_photo_credit("ELTA", texts) == "ELTA"


# A page whose name gives the initials it goes by ("Lidové noviny (LN.cz)"): those initials
# in a credit ("Foto: Name, LN") are the paper.


def test_initials_the_page_names_itself_by():
    names = ["Lidové noviny (LN.cz)"]
    assert brand_letters("LN", "Foto: Jan Novák, LN", names, []) == "Lidové noviny"
    assert brand_letters("LN", "Foto: LN", ["Lidové noviny (LN)"], []) == "Lidové noviny"
    assert brand_letters("ČTK", "Foto: ČTK", names, []) == "ČTK"
    assert brand_letters("LN", "Foto: LN", ["Lidové noviny"], []) == "LN"


# A text copy whose captions close with bracketed credits: a caption closed so by a house no
# rule knows (the paper's regional newsroom) is read by the page's convention; a "Most
# watched" list of videos below the story is furniture.


def test_text_copy_with_bracketed_credits_reads_an_unknown_house():
    text = f"""Fish plant in Digby to close
Ferries idle at the wharf in Digby, N.S., on Monday. (Harbour News/Ann Leger)
Ann Leger
Harbour News Reporter
Published Dec. 02, 2026 3:10 p.m. AST
{PARAGRAPH}
{PARAGRAPH}
Boats tied up at the Digby wharf. (THE CANADIAN PRESS/Tom Reid)
{PARAGRAPH}
An aerial view of the plant. (Handout/Digby Fisheries)
{PARAGRAPH}
Most watched
2:05
Storm warning for the Valley"""
    assert _text_cuts(text) == [
        (
            KIND_PICTURE,
            "Ferries idle at the wharf in Digby, N.S., on Monday.",
            "(Harbour News/Ann Leger)",
            "Harbour News",
        ),
        (
            KIND_PICTURE,
            "Boats tied up at the Digby wharf.",
            "(THE CANADIAN PRESS/Tom Reid)",
            "The Canadian Press",
        ),
        (
            KIND_PICTURE,
            "An aerial view of the plant.",
            "(Handout/Digby Fisheries)",
            "Digby Fisheries",
        ),
    ]


# Two organisations in a slashed credit: "TASR/AP/Name" (the first house delivers the second's
# picture, a name took it) and "EFE / Agerpres Foto" (an agency's picture distributed by a
# house's picture service, printed last).


def test_two_houses_then_a_name_and_an_agency_then_a_picture_service():
    assert credit_parts("Foto: TASR/AP/Miro Kalina") == ("TASR", "AP", "Miro Kalina")
    assert credit_parts("Foto: EFE / Agerpres Foto") == ("Agerpres Foto", "EFE", "")
    # the photographer first is the other order: the distributor last
    assert credit_parts("Foto: Ola Nord/NTB/Ritzau Scanpix") == (
        "Ritzau Scanpix",
        "NTB",
        "Ola Nord",
    )


# "Jane Roe Harbour Times": the photographer and the page's own paper side by side, no
# separator between.


def test_photographer_and_the_paper_side_by_side():
    assert name_beside_house("Lena Fox Harbour Times", "", "The Harbour Times") == (
        "The Harbour Times",
        "Lena Fox",
    )
    assert name_beside_house("Lena Fox Daily Post", "", "The Harbour Times") == (
        "Lena Fox Daily Post",
        "",
    )
    assert name_beside_house("Harbour Times", "", "The Harbour Times") == ("Harbour Times", "")


# "File photo: the dam in winter": the kind label opens the caption, printed as part of it,
# and what follows is no credit (a page's bracket closing it may be: "(Agency)").


def test_file_photo_label_opening_a_caption():
    caption = "File photo: the old harbour wall at Paphos in winter"
    assert caption_cut(caption) == (caption, "", "")
    assert caption_cut("Archivfoto: die alte Mole in Kiel im Winter") == (
        "Archivfoto: die alte Mole in Kiel im Winter",
        "",
        "",
    )
    assert caption_cut("File photo: Jane Roe/Reuters")[1] == "File photo: Jane Roe/Reuters"


# A bracketed credit in the middle of a caption, the same as one the page prints closing
# another caption: the caption is kept whole and the bracket is its credit line.


def test_bracketed_credit_inside_a_caption_like_the_page_prints_elsewhere():
    placements = [
        DraftPlacement(0, KIND_PICTURE, caption="Divers at Larnaca (KNA) check the pipe"),
        DraftPlacement(0, KIND_PICTURE, caption="The reservoir", credit_line="(KNA)", credit="KNA"),
        DraftPlacement(0, KIND_PICTURE, caption="Mayor Ana Pitta (left) at the port"),
    ]
    credits_inside_captions(placements)
    assert [(p.caption, p.credit_line, p.credit) for p in placements] == [
        ("Divers at Larnaca (KNA) check the pipe", "(KNA)", "KNA"),
        ("The reservoir", "(KNA)", "KNA"),
        ("Mayor Ana Pitta (left) at the port", "", ""),
    ]


def test_submitted_by_names_whoever_handed_the_picture_out():
    # CBC's "(Submitted by the Body)": the body is credited, as for "Provided by".
    assert credit_parts("(Submitted by the Harbour Pilots Association)")[0] == (
        "Harbour Pilots Association"
    )
