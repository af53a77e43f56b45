"""Caption, credit and furniture conventions of house styles the parser was not tuned on."""

from __future__ import annotations

import pytest

from archive.articles.caption_credits import read_caption
from archive.articles.credit_lines import read_credit_line
from archive.articles.text import parse_text


@pytest.mark.parametrize(
    ("printed", "caption", "line", "credit", "creator"),
    [
        (
            "Fishermen haul nets at dawn in Mombasa [Sarah Kimani/Reuters]",
            "Fishermen haul nets at dawn in Mombasa",
            "[Sarah Kimani/Reuters]",
            "Reuters",
            "Sarah Kimani",
        ),
        (
            "The old harbour wall in 2019 [File: Tom Reyes/AP Photo]",
            "The old harbour wall in 2019",
            "[File: Tom Reyes/AP Photo]",
            "AP",
            "Tom Reyes",
        ),
        (
            "Riders board a bus on Elm Street. (Dana Price/The Boston Globe)",
            "Riders board a bus on Elm Street.",
            "(Dana Price/The Boston Globe)",
            "The Boston Globe",
            "Dana Price",
        ),
        (
            "Il porto di Genova all'alba (foto Ansa)",
            "Il porto di Genova all'alba",
            "(foto Ansa)",
            "Ansa",
            "",
        ),
        ("Il mercato di Bari (LaPresse)", "Il mercato di Bari", "(LaPresse)", "LaPresse", ""),
    ],
)
def test_a_trailing_bracketed_credit_is_cut_from_the_caption(
    printed, caption, line, credit, creator
):
    found = read_caption(printed)
    assert (found.caption, found.credit_line, found.credit, found.creator) == (
        caption,
        line,
        credit,
        creator,
    )


def test_a_parenthesised_place_is_not_a_credit():
    assert read_caption("The mayor at the town hall in Kyiv (Ukraine)").credit_line == ""


@pytest.mark.parametrize(
    ("line", "credit", "creator"),
    [
        ("Fot. Anna Nowak / Agencja Gazeta", "Agencja Gazeta", "Anna Nowak"),
        ("Fot. PAP/Piotr Zalewski", "PAP", "Piotr Zalewski"),
        ("Fot. materiały prasowe", "materiały prasowe", ""),
        ("Photo courtesy of Lakeside Fire Department", "Lakeside Fire Department", ""),
        ("Staff photo by Ray Olsen", "", "Ray Olsen"),  # the paper is credited by the reader
    ],
)
def test_credit_conventions(line, credit, creator):
    found = read_caption(line)
    assert found.credit_line == line and found.caption == ""
    parts = read_credit_line(line)
    assert (parts.credit, parts.creator) == (credit, creator)


def test_a_person_and_a_paper_in_capitals():
    parts = read_credit_line("MARY LOWE/THE DAILY RECORD")
    assert (parts.credit, parts.creator) == ("The Daily Record", "MARY LOWE")


def test_an_agency_in_capitals_before_a_name_still_credits_the_agency():
    parts = read_credit_line("EPA/ANNA BERG")
    assert (parts.credit, parts.creator) == ("EPA-EFE", "ANNA BERG")


def _text(*lines: str) -> str:
    return "\n".join(lines)


def read_text(*lines: str):
    """The plain-text reader's draft of these lines, as a page of Example at example.com."""
    return parse_text(
        _text(*lines), url="https://example.com/a", publication="Example", warnings=[]
    )


LONG = "The council said on Monday that repairs to the bridge would take most of the winter."


def test_text_related_lists_and_player_furniture_are_not_placements():
    draft = read_text(
        "Bridge closed after storm",
        "A storm damaged the old bridge in Lakeside.",
        "list of 2 items",
        "list 1 of 2",
        "Storm: Trees down across the county",
        "list 2 of 2",
        "Storm: Power cut for 2,000 homes",
        "end of list",
        LONG,
        LONG,
        "Lakeside storm: Drone shows the damaged bridge",
        "Video Duration 01 minutes 12 seconds",
        "01:12",
        LONG,
        "Engineers inspect the bridge on Tuesday [Ann Lee/Reuters]",
        LONG,
    )
    assert [(p.kind, p.caption) for p in draft.placements] == [
        ("video", "Lakeside storm: Drone shows the damaged bridge"),
        ("picture", "Engineers inspect the bridge on Tuesday"),
    ]


def test_text_staff_photo_credits_the_paper_named_in_its_furniture():
    draft = parse_text(
        _text(
            "Bridge closed after storm",
            LONG,
            "Engineers inspect the bridge on Tuesday.",
            "Staff photo by Ray Olsen",
            LONG,
            LONG,
            LONG,
            "More from The Lakeside Herald",
        ),
        url="https://example.com/a",
        publication="",
        warnings=[],
    )
    assert [p.credit for p in draft.placements] == ["The Lakeside Herald"]


def test_text_credit_below_caption_and_buy_button():
    draft = parse_text(
        _text(
            "Bridge closed after storm",
            LONG,
            "Engineers inspect the bridge on Tuesday.",
            "Staff photo by Ray Olsen",
            "Buy Now",
            LONG,
            LONG,
            LONG,
            "More from The Lakeside Herald",
            "Fire crews called to barn blaze",
            "Staff photo by Ann Lee",
        ),
        url="https://example.com/a",
        publication="The Lakeside Herald",
        warnings=[],
    )
    assert [(p.caption, p.credit, p.creator) for p in draft.placements] == [
        ("Engineers inspect the bridge on Tuesday.", "The Lakeside Herald", "Ray Olsen")
    ]


def _html(body: str) -> list:
    from archive.articles.source import parse_article

    page = f"<html><head><title>Storm</title></head><body><article><h1>Storm</h1>{body}</article></body></html>"
    return parse_article(page.encode(), filename="page.html").placements


PARAS = "".join(f"<p>{LONG} Paragraph {i}.</p>" for i in range(3))


def test_html_hidden_media_label_and_trailing_bracketed_credit():
    placements = _html(
        PARAS + '<figure><img src="/a.jpg" alt=""><figcaption><span class="sr-only">Photo:</span> '
        "<span>Engineers inspect the bridge on Tuesday. (Dana Price/The Lakeside Herald)</span>"
        "</figcaption></figure>" + PARAS
    )
    assert [(p.caption, p.credit_line, p.credit) for p in placements] == [
        (
            "Engineers inspect the bridge on Tuesday.",
            "(Dana Price/The Lakeside Herald)",
            "The Lakeside Herald",
        )
    ]


def test_html_a_site_video_box_is_a_player_and_its_frame_a_still():
    placements = _html(
        PARAS + '<div class="news-site-video"><div class="news-site-video__poster">'
        '<img src="/poster.jpg" alt=""></div>'
        '<button class="news-site-video__play">Play Video - Bridge storm</button>'
        '<p class="news-site-video__caption">Drone footage shows the damaged bridge</p></div>'
        + PARAS
        + '<figure><img src="/b.jpg" alt=""><figcaption>The bridge deck, in a frame from the '
        "footage above. Pic: Lakeside TV</figcaption></figure>" + PARAS
    )
    assert [p.kind for p in placements] == ["video", "still"]


def test_text_headline_above_byline_is_no_video_and_a_frame_under_a_player_is_a_still():
    draft = read_text(
        "Skip to content",
        "News",
        "Opinion",
        "Video",
        "Lakeside storm: Bridge shut as river rises",
        "Engineers say the repairs will take most of the winter.",
        "By Ann Lee",
        "Published On 3 Mar 2026",
        LONG,
        LONG,
        "Lakeside storm: The night the river rose",
        "02:10",
        "Crews at the bridge, in a still from the report above",
        "Image: Lakeside TV",
        LONG,
        "The council expects the river to fall by the weekend, officials said on Monday.",
        "Source: Lakeside Herald and news agencies",
    )
    assert [(p.kind, p.caption) for p in draft.placements] == [
        ("video", "Lakeside storm: The night the river rose"),
        ("still", "Crews at the bridge, in a still from the report above"),
    ]


def test_text_a_credit_over_the_authors_name_goes_with_the_caption_above():
    draft = read_text(
        "Ceny mieszkań rosną",
        "Nowe osiedle na Pradze Południe",
        "Fot. Anna Nowak / Agencja Gazeta",
        "Jan Kowalski",
        LONG,
        LONG,
    )
    assert [(p.caption, p.credit) for p in draft.placements] == [
        ("Nowe osiedle na Pradze Południe", "Agencja Gazeta")
    ]


def test_a_platform_followed_by_its_owner_credits_the_platform():
    parts = read_credit_line("Фото: Facebook Олени Коваль")
    assert (parts.credit, parts.source) == ("Facebook", "Олени Коваль")


def test_text_a_teaser_label_on_its_own_line_takes_the_next_line_and_its_picture():
    draft = read_text(
        "Bridge closed after storm",
        LONG,
        LONG,
        LONG,
        "Read more:",
        "Lakeside council raises parking fees",
        "Photo: Lakeside Herald",
        LONG,
    )
    assert draft.placements == []
    assert [lo.reason for lo in draft.left_out] == ["teaser for another story"]


@pytest.mark.parametrize(
    ("line", "iso"),
    [("14 listopada 2025 | 08:30", "2025-11-14"), ("3 maggio 2024, 10:15", "2024-05-03")],
)
def test_polish_and_italian_datelines(line, iso):
    from archive.articles.dates import dateline

    assert dateline(line).isoformat() == iso


def test_text_headline_and_standfirst_above_the_byline_propose_no_claims():
    from archive.articles.source import parse_article

    draft = parse_article(
        _text(
            "Skip to content",
            "Lakeside to cut 300 bus routes as fares rise",
            "Fares will go up by 12 percent from January, the council says.",
            "By Ann Lee",
            "March 3, 2026",
            "Lakeside council said on Monday it would cut 300 bus routes next year.",
            LONG,
        ).encode(),
        filename="story.txt",
    )
    assert [c.sentence for c in draft.claim_candidates] == [
        "Lakeside council said on Monday it would cut 300 bus routes next year."
    ]


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Data utworzenia: 9 marca 2025, 07:45", "2025-03-09"),
        ("Data aktualizacji: 10 marca 2025, 18:02", "2025-03-10"),
        ("Stand: 4. Mai 2025, 12:00 Uhr", "2025-05-04"),
    ],
)
def test_datelines_printed_after_a_label(line, iso):
    """A dateline may lead with its label ("Data utworzenia:", "Stand:"); it is still
    the page's date and not a sentence of the story."""
    from archive.articles.dates import dateline

    assert dateline(line).isoformat() == iso
