"""How publishers mark a picture's caption and credit in HTML: elements of their own, printed
side by side with no space between them, and boxes that name neither."""

from __future__ import annotations

import lxml.html

from archive.articles.draft import text_of
from tests.articles.conftest import parse_fixture


def _text(html: str) -> str:
    return text_of(lxml.html.fragment_fromstring(html))


def test_elements_printed_side_by_side_are_separate_texts():
    assert _text("<div><span>Barcelona.</span><span>Massimo Rinaldi</span></div>") == (
        "Barcelona. Massimo Rinaldi"
    )
    assert _text("<cite><span>Vancouver, British Columbia</span><span>CNN</span></cite>") == (
        "Vancouver, British Columbia CNN"
    )


def test_a_word_split_across_elements_and_a_run_on_label_stay_joined():
    assert _text("<p><b>Ky</b><b>iv</b> is the capital</p>") == "Kyiv is the capital"
    assert _text("<span><span>Credit...</span><span>Jane Roe for The Times</span></span>") == (
        "Credit...Jane Roe for The Times"
    )


def test_a_name_in_the_last_element_of_a_caption_is_its_credit():
    fountain, square, reservoir = parse_fixture("caption_credit_elements.html").placements
    assert (fountain.caption, fountain.credit_line, fountain.credit) == (
        "Una fuente ornamental cerrada en el paseo marítimo.",
        "Anna de la Fuente",
        "Anna de la Fuente",
    )
    # A second sentence printed in its own element is part of the caption, not a name.
    assert square.caption == "La plaza mayor, el domingo por la tarde. Sin agua hasta el otoño"
    assert square.credit_line == ""
    assert (reservoir.caption, reservoir.credit_line, reservoir.credit) == (
        "El embalse de Sau, el lunes.",
        "EFE/Quique García",
        "EFE",
    )


def test_a_card_that_leads_nowhere_is_the_storys_figure_and_callouts_are_furniture():
    draft = parse_fixture("cards_and_callouts.html")
    (cranes,) = draft.placements
    assert (cranes.caption, cranes.credit_line, cranes.credit) == (
        "Cranes at the port of Chornomorsk on Nov. 2, 2023.",
        "Photo: Iryna Koval/Reuters",
        "Reuters",
    )
    reasons = {item.src.rsplit("/", 1)[-1]: item.reason for item in draft.left_out}
    assert reasons == {
        "business-weekly.png": "newsletter sign-up",
        "insurers.jpg": "teaser for another story",
        "members-banner.png": "advertisement",
    }


def test_caption_and_credit_in_elements_of_their_own_beside_each_other():
    draft = parse_fixture("separate_caption_credit.html")
    lead, video, still = draft.placements
    # "image__caption attribution" holds the caption; "figcaption.image__credit" the credit;
    # the dateline's `<div class="source">` after the lead picture is no second credit.
    assert (lead.kind, lead.caption, lead.credit_line, lead.credit) == (
        "picture",
        "Water covers the valley road near Ashby on Monday.",
        "Tom Reyes/The Valley Times/AP",
        "AP",
    )
    # A box named "video" with a poster and a running time is a player; its details box
    # ("video-resource__details") is not a credit for holding the letters "source".
    assert (video.kind, video.title, video.credit_line, video.credit) == (
        "video",
        "Drone footage of the flooded valley road",
        "Source: KVAL",
        "KVAL",
    )
    # The picture is the video's thumbnail in the page's metadata: a still.
    assert (still.kind, still.caption, still.credit_line) == (
        "still",
        "Water pours over the old bridge at the valley's mouth.",
        "KVAL",
    )


def test_the_unmarked_text_of_a_picture_box_is_its_caption():
    lead, brigade = parse_fixture("unmarked_picture_box.html").placements
    assert (lead.caption, lead.credit_line) == (
        "Повалені дерева на трасі біля Полтави",
        "Фото: Іван Коваль / Укрінформ",
    )
    # A box with the picture alone keeps taking the marked caption printed after it.
    assert (brigade.caption, brigade.credit_line) == (
        "Ремонтна бригада відновлює лінію в селі Шишаки",
        "",
    )


def test_a_name_and_agency_after_a_comma_in_the_last_element_is_the_credit():
    from archive.articles import parse_article

    page = """<html><body><article><h1>Port strike</h1><p>Dockers walked out on Monday.</p>
    <figure><img src="/img/port.jpg" alt="Port"><figcaption><span>Cranes stand idle at the
    port.</span> <span>Lia Moreno, Lakeside Herald</span></figcaption></figure>
    </article></body></html>"""
    (port,) = parse_article(page, filename="a.html").placements
    assert (port.caption, port.credit_line, port.credit, port.creator) == (
        "Cranes stand idle at the port.",
        "Lia Moreno, Lakeside Herald",
        "Lakeside Herald",
        "Lia Moreno",
    )


def test_short_text_right_after_a_picture_ending_in_a_credit_line_is_its_caption():
    from archive.articles import parse_article

    story = "<p>The council said on Tuesday that repairs would take a week to finish.</p>"
    page = f"""<html><body><article><h1>Depot</h1>{story}
    <p><img src="/img/depot.jpg" alt="Depot"></p><p><em>Buses wait at the depot.
    Photo: Lina Vos</em></p>{story}
    <div><img src="/img/quay.jpg" alt="Quay"><small>The quay at low tide (Reuters)</small></div>
    <p><img src="/img/plain.jpg" alt="Plain"></p>{story}</article></body></html>"""
    depot, quay, plain_picture = parse_article(page, filename="a.html").placements
    assert (depot.caption, depot.credit_line) == ("Buses wait at the depot.", "Photo: Lina Vos")
    assert (quay.caption, quay.credit_line, quay.credit) == (
        "The quay at low tide",
        "(Reuters)",
        "Reuters",
    )
    # A paragraph of the story after a picture is no caption: it ends in no credit line.
    assert plain_picture.caption == "" and plain_picture.needs_review


def test_caption_controls_wrapped_in_inline_tags_are_not_caption_words():
    """A "hide caption" / "toggle caption" control printed in nested <b> or <strong> tags is
    the page's button, not the caption as printed."""
    from archive.articles import parse_article

    story = "<p>" + "The ferry service resumed on Tuesday after a week of repairs. " * 3 + "</p>"
    page = f"""<html><body><article><h1>Ferry back</h1>{story}
      <figure><img src="/ferry.jpg" alt="">
        <figcaption><p>The ferry leaves Harbour Quay on Tuesday.
          <strong class="hide-cap"><strong>Hide caption</strong></strong></p>
          <span class="credit">Sam Ortiz/Coast Daily</span>
          <b class="toggle"><b>toggle caption</b></b></figcaption>
      </figure>{story}</article></body></html>"""
    (picture,) = parse_article(page.encode(), filename="ferry.html").placements
    assert (picture.caption, picture.credit_line) == (
        "The ferry leaves Harbour Quay on Tuesday.",
        "Sam Ortiz/Coast Daily",
    )


def test_a_lazy_loaded_picture_with_a_placeholder_src_is_read_from_its_data_address():
    """A lazy-loaded picture prints a data: placeholder in src and its address in
    data-original (or data-src, data-lazy-src): still the story's picture, empty alt or not."""
    from archive.articles import parse_article

    story = "<p>" + "The orchard opened its gates to pickers on Saturday morning. " * 3 + "</p>"
    pixel = "data:image/gif;base64,R0lGODlhAQABAAAAACw="
    page = f"""<html><body><article><h1>Apples in</h1>{story}
      <figure><img src="{pixel}" data-original="https://example.org/img/apples.jpg" alt="">
        <figcaption>Pickers fill crates at Hill Farm. <span class="credit">Li Wen/Valley
        Post</span></figcaption></figure>{story}</article></body></html>"""
    (picture,) = parse_article(page.encode(), filename="apples.html").placements
    assert (picture.caption, picture.credit_line, picture.src) == (
        "Pickers fill crates at Hill Farm.",
        "Li Wen/Valley Post",
        "https://example.org/img/apples.jpg",
    )


def test_a_bracketed_name_in_an_element_named_caption_credit_is_the_credit():
    """`<span class="caption-credit">(The Daily Post)</span>`: the element is named both ways;
    a name in its brackets reads as a credit, so it is not run on to the caption."""
    from archive.articles import parse_article

    story = "<p>" + "Bus fares will rise by four per cent in March, the council said. " * 3 + "</p>"
    page = f"""<html><body><article><h1>Fares up</h1>{story}
      <figure><img src="https://example.org/img/fares.png" alt="Chart of fares">
        <figcaption><span class="caption-text">Bus fares since 2020</span>
        <span class="caption-credit">(The Daily Post)</span></figcaption></figure>
      {story}</article></body></html>"""
    (chart,) = parse_article(page.encode(), filename="fares.html").placements
    assert (chart.caption, chart.credit_line, chart.credit) == (
        "Bus fares since 2020",
        "(The Daily Post)",
        "The Daily Post",
    )
