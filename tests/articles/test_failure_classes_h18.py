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
