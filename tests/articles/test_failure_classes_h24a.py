"""Failure classes of round 23a (placements and credits of holdout24's saved pages), each on a
few lines written here.

1. A figure named as a social post ("embed-social") whose caption and credit stand in two
   elements of its figcaption ("… on Instagram." / "Instagram / @handle") is a picture the
   story shows, not a share button: a network's handle is part of a credit's name.
2. A bracket closing a caption that names the page's own house ("(Harbour Post)",
   "(Name/Harbour Post)"), closes a credit with a year ("(Name/Harbour Post 2018)": the
   house's file picture, the year no part of the credit) or gives a family's own picture
   ("(Okafor family photo)": the family credited) is the caption's credit line; the page's
   other captions closed by a short bracketed name are then read as the house prints them.
3. A bracket opened by a picture label in the middle of a caption ("… (photo Reuters) before
   …", "(Bild: Keystone)") is the caption's credit line; the caption is kept whole.
4. A card labelled with a text copy's "read also" label of two words or more ("LEES OOK",
   "LEIA TAMBÉM") is a teaser on a saved page too.
5. Italian, Icelandic and Georgian captions naming a frame of the video above ("fermo immagine
   dal video in alto", "fotogramma", "úr myndbandinu hér að ofan", "ზემოთ მოცემული ვიდეოდან")
   make a still.
6. A screenshot's word before a colon ("Skärmdump: Facebook / Page", "Знімок екрана: Telegram /
   Channel") is a label: the platform is credited, the page its source.
7. A caption closed by a spaced dash and a file marker naming no one ("… in 2019. — File
   photo") has that marker as its credit line, credited "File" (holdout21's The Herald).
8. An author's picture in a box named in Nordic or Finnish words ("forfatter-bilde",
   "hofundur-mynd", "kirjoittaja") is furniture.

The snippets are invented, in other words, places, names and languages than the sets' pages,
and the expected values read off them.
"""

from __future__ import annotations

import pytest

from archive.articles import parse_article
from archive.articles.credit_lines import read_credit_line
from archive.articles.dom import looks_like_a_name
from archive.articles.draft import KIND_PICTURE, KIND_STILL, KIND_VIDEO
from archive.articles.file_marker_credits import dash_file_marker
from archive.articles.furniture import REASON_AUTHOR
from archive.articles.house_bracket_credits import house_bracket
from archive.articles.labelled_mid_credits import labelled_bracket
from archive.articles.still_words import names_the_video_above
from tests.articles.conftest import PARAGRAPH

_STORY = "<p>" + PARAGRAPH + "</p>"


def _page(body: str, site: str = "Harbour Post"):
    page = (
        f'<html><head><meta property="og:site_name" content="{site}"></head><body><article>'
        f"<h1>Ferry terminal closes for repairs</h1>{_STORY}{body}{_STORY}</article></body></html>"
    )
    return parse_article(page.encode(), filename="ferry.html")


def _figure(caption: str, src: str, cls: str = "inline-image") -> str:
    return (
        f'<figure class="{cls}"><img src="https://example.org/p/{src}.jpg" alt="">'
        f"<figcaption>{caption}</figcaption></figure>"
    )


def _placements(draft):
    return [(p.kind, p.caption, p.credit_line, p.credit) for p in draft.placements]


# 1. A social post's figure with its credit in an element of its own.


def test_social_figure_with_caption_and_credit_elements_is_a_picture():
    draft = _page(
        _figure(
            '<span class="caption__text">The ferry operator posted a picture of the cracked '
            'ramp on Instagram.</span><span class="caption__source">Instagram / @lakeferries'
            "</span>",
            "ramp",
            cls="inline-image embed-social",
        )
    )
    assert [(p.caption, p.credit, p.source) for p in draft.placements] == [
        (
            "The ferry operator posted a picture of the cracked ramp on Instagram.",
            "Instagram",
            "@lakeferries",
        )
    ]


def test_social_figure_with_no_credit_is_still_furniture():
    draft = _page(
        _figure('<span class="caption__text">Share this story</span>', "share", cls="embed-social")
    )
    assert draft.placements == []


@pytest.mark.parametrize(
    ("text", "name"),
    [("X / @lakeferries", True), ("Threads @portcity", True), ("@lakeferries posted it.", False)],
)
def test_a_handle_after_a_network_reads_as_a_name(text, name):
    assert looks_like_a_name(text) is name


# 2. Brackets naming the house, a family or closed by a year.


def test_captions_closed_by_house_family_and_year_brackets():
    draft = _page(
        _figure("Divers inspect the pier on Monday. (Lena Okoro/Harbour Post)", "pier")
        + _figure("The ramp after it gave way in March. (Lakeside County Sheriff's Office)", "ramp")
        + '<figure class="wp-block-video"><video controls src="https://example.org/v/ferry.mp4">'
        "</video><figcaption>Commuters describe the longer trip (Harbour Post)</figcaption></figure>"
        + _figure("Captain Ade Okafor on his last crossing in 2019. (Okafor family photo)", "cap")
        + _figure("The terminal when it opened. (Rui Santos/Harbour Post 2011)", "old")
    )
    assert _placements(draft) == [
        (
            KIND_PICTURE,
            "Divers inspect the pier on Monday.",
            "(Lena Okoro/Harbour Post)",
            "Harbour Post",
        ),
        (
            KIND_PICTURE,
            "The ramp after it gave way in March.",
            "(Lakeside County Sheriff's Office)",
            "Lakeside County Sheriff's Office",
        ),
        (KIND_VIDEO, "Commuters describe the longer trip", "(Harbour Post)", "Harbour Post"),
        (
            KIND_PICTURE,
            "Captain Ade Okafor on his last crossing in 2019.",
            "(Okafor family photo)",
            "Okafor family",
        ),
        (
            KIND_PICTURE,
            "The terminal when it opened.",
            "(Rui Santos/Harbour Post 2011)",
            "Harbour Post",
        ),
    ]
    assert draft.placements[-1].creator == "Rui Santos"


@pytest.mark.parametrize(
    ("inner", "read"),
    [
        ("Harbour Post", ("Harbour Post", "", "")),
        ("the Harbour Post", ("the Harbour Post", "", "")),
        ("Okafor family photo", ("Okafor family", "", "")),
        ("Courtesy of the Van Dijk family", ("Van Dijk family", "", "")),
        ("Rui Santos/Harbour Post 2011", ("Harbour Post", "", "Rui Santos")),
        ("Rui Santos/Daily Courier 2016", ("Daily Courier", "", "Rui Santos")),
        ("Rally 2019", None),
        ("left", None),
        ("Lakeside County Sheriff's Office", None),  # no house: only the page's convention
        ("family photo", None),
    ],
)
def test_house_bracket(inner, read):
    assert house_bracket(inner, "Harbour Post") == read


def test_one_unknown_bracket_stays_in_the_caption():
    draft = _page(_figure("The old ferry, seen from the quay. (Marina View)", "quay"))
    assert _placements(draft) == [
        (KIND_PICTURE, "The old ferry, seen from the quay. (Marina View)", "", "")
    ]


# 3. A labelled bracket in the middle of a caption.


def test_labelled_bracket_in_the_middle_of_a_caption_is_its_credit_line():
    draft = _page(
        _figure("Crews clear the road (photo Reuters) before the convoy passes", "road")
        + _figure("The mill, built in 1911 (Picture: Jane Moyo) and closed in 1990", "mill")
    )
    assert _placements(draft) == [
        (
            KIND_PICTURE,
            "Crews clear the road (photo Reuters) before the convoy passes",
            "(photo Reuters)",
            "Reuters",
        ),
        (
            KIND_PICTURE,
            "The mill, built in 1911 (Picture: Jane Moyo) and closed in 1990",
            "(Picture: Jane Moyo)",
            "Jane Moyo",
        ),
    ]


@pytest.mark.parametrize(
    ("inner", "credit"),
    [
        ("foto Ansa", True),
        ("Bild: Keystone", True),
        ("Photo by Ana Ruiz", True),
        ("pictured", False),
        ("left", False),
        ("Harbour Board", False),
        ("Source: the IMF", False),
        ("photo: left, the mayor", False),
    ],
)
def test_labelled_bracket(inner, credit):
    assert labelled_bracket(inner) is credit


def test_unlabelled_bracket_in_the_middle_stays_the_captions():
    draft = _page(_figure("The mayor (left) cuts the ribbon at the new quay", "ribbon"))
    assert _placements(draft) == [
        (KIND_PICTURE, "The mayor (left) cuts the ribbon at the new quay", "", "")
    ]


# 4. Teaser cards labelled in other languages.


@pytest.mark.parametrize("label", ["LEES OOK", "Leia também", "LÄS OCKSÅ"])
def test_card_with_a_read_also_label_is_a_teaser(label):
    draft = _page(
        '<div class="box-inline"><img src="https://example.org/p/other.jpg" alt="">'
        f'<strong>{label}</strong> <a href="/other-story">Bridge tolls rise in May</a></div>'
    )
    assert draft.placements == []
    assert len(draft.left_out) == 1


# 5. Italian still wording.


@pytest.mark.parametrize(
    ("caption", "still"),
    [
        ("Un fermo immagine dal video in alto: la gru sul molo", True),
        ("Un fotogramma del filmato: il traghetto in porto", True),
        ("Nel video qui sopra, il sindaco al molo", True),
        ("Skjáskot úr myndbandinu hér að ofan: ferjan við bryggjuna", True),
        ("Ferjan við bryggjuna í Stykkishólmi", False),
        ("კადრი ზემოთ მოცემული ვიდეოდან: ბორანი ნავსადგურში", True),
        ("ბორანი ბათუმის ნავსადგურში", False),
        ("Il traghetto in porto a Livorno", False),
    ],
)
def test_italian_icelandic_georgian_still_wording(caption, still):
    assert names_the_video_above(caption) is still


def test_italian_still_after_a_video_is_a_still():
    draft = _page(
        '<figure class="video"><video controls src="https://example.org/v/molo.mp4"></video>'
        "<figcaption>La gru crollata sul molo di Livorno <small>Video di Carla Neri</small>"
        "</figcaption></figure>"
        + _figure(
            "Un fotogramma del filmato: i vigili sul molo <small>Foto Vigili del Fuoco</small>",
            "molo",
        )
    )
    assert [p.kind for p in draft.placements] == [KIND_VIDEO, KIND_STILL]


# 6. A screenshot's word before a colon.


@pytest.mark.parametrize(
    ("line", "credit", "source"),
    [
        ("Skärmdump: Facebook / Vänersborgs kommun", "Facebook", "Vänersborgs kommun"),
        ("Знімок екрана: Telegram / Харківська ОВА", "Telegram", "Харківська ОВА"),
        ("(Schermafbeelding: Instagram/@gemeente.zwolle)", "Instagram", "@gemeente.zwolle"),
    ],
)
def test_screenshot_word_before_a_colon_is_a_label(line, credit, source):
    parts = read_credit_line(line)
    assert (parts.credit, parts.source) == (credit, source)


# 7. A file marker after a dash.


def test_file_marker_after_a_dash_is_the_credit_line():
    draft = _page(
        _figure("Deckhands load the ferry at Wickham Quay. — Picture: Tom Reyes", "deck")
        + _figure("The terminal during the 2019 floods. — File photo", "flood")
    )
    assert _placements(draft) == [
        (
            KIND_PICTURE,
            "Deckhands load the ferry at Wickham Quay.",
            "Picture: Tom Reyes",
            "Tom Reyes",
        ),
        (KIND_PICTURE, "The terminal during the 2019 floods.", "File photo", "File"),
    ]


@pytest.mark.parametrize(
    ("caption", "found"),
    [
        ("The quay in 2009. – File", ("The quay in 2009.", "File", "File")),
        ("The quay in 2009. — FILE PICTURE", ("The quay in 2009.", "FILE PICTURE", "FILE")),
        ("Notes from the file — File photo of the year", None),
        ("The quay — File photo", None),
    ],
)
def test_dash_file_marker(caption, found):
    assert dash_file_marker(caption) == found


# 8. An author's picture named in Nordic or Finnish words.


@pytest.mark.parametrize("cls", ["forfatter-bilde", "hofundur-mynd", "kirjoittaja-kuva"])
def test_author_picture_named_in_nordic_words_is_furniture(cls):
    draft = _page(
        _figure("Divers inspect the pier on Monday. (Lena Okoro/Harbour Post)", "pier")
        + f'<div class="{cls}"><img src="https://example.org/img/p/ola-nordmann.jpg" alt="">'
        "<p>Ola Nordmann, reporter</p></div>"
    )
    assert [p.caption for p in draft.placements] == ["Divers inspect the pier on Monday."]
    assert [item.reason for item in draft.left_out] == [REASON_AUTHOR]
