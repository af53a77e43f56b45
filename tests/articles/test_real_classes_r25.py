"""Classes of real newsrooms' pages (round 25r, the leftovers of `tests/fixtures/articles/real`
and `real2`), each on markup written here: other words, other sites' conventions.

1. A date printed as one run of a short box named for something else: a byline line
   "Name | Place | 14/03/2016", a box of `<br>` lines ending with the date, a date before a
   source's label in its own element, "Submitted on ..."; not a teaser list's
   "date <a>Other story's headline</a>".
2. The date in the story's address ("/2016/world/3/14/"), when the page prints none.
3. A dateline "March 14, 2016 / 9:10 AM / Updated 3 hours ago" prints the first publication:
   earlier than the declared date (the update), it wins.
4. A credit element "Person Name (Agency)" credits the agency (the BBC's convention).
5. An unnamed element of a caption whose text is the credit the figure's box declares in
   `data-credit` is the credit (caption and credit as two plain spans).
"""

from __future__ import annotations

import datetime

import pytest

from archive.articles import parse_article
from archive.articles.caption_credits import parse_credit_text
from archive.articles.html_run_dates import url_path_date

_STORY = (
    "<p>The ferry company said on Monday it would add a second boat to the island route in"
    " the summer, after a year in which queues at the harbour ran to three hours.</p>"
    "<p>Islanders welcomed the news but asked whether the winter timetable would change,"
    " and whether the old slipway could take a larger vessel at low tide.</p>"
)


def _page(body: str, head: str = "") -> str:
    return (
        f"<html><head><title>A second ferry</title>{head}</head><body>"
        f"<h1>A second ferry for the island</h1>{body}</body></html>"
    )


def _draft(body: str, head: str = ""):
    return parse_article(_page(body, head), filename="page.html")


# --- 1. A date as one run of a short box named for something else ---------------------------


@pytest.mark.parametrize(
    "box",
    [
        '<p class="author"><b>Marta Soler</b> | Girona | 14/03/2016</p>',
        '<div class="byline-box">Ana Berg<br><a href="https://other.example/a">Coast Post</a>'
        "<br>Mon, 14 Mar 2016 09:10 UTC</div>",
        '<div class="info">2016-03-14 09:10:00<span>Source: Coast Post</span></div>',
        '<span class="submitted">Submitted on Mon, 2016-03-14 09:10</span>',
    ],
)
def test_date_as_a_run_of_a_short_box(box):
    assert _draft(f"<article>{box}{_STORY}</article>").date == datetime.date(2016, 3, 14)


def test_teaser_list_date_is_not_the_story_date():
    teasers = (
        '<div class="more"><p>02/01/2015 <a href="/news/other-story.html">Harbour board'
        " names its new chair after a long vote</a></p></div>"
    )
    byline = '<p class="author"><b>Marta Soler</b> | Girona | 14/03/2016</p>'
    draft = _draft(f"<article>{teasers}{byline}{_STORY}</article>")
    assert draft.date == datetime.date(2016, 3, 14)


def test_run_of_a_long_paragraph_is_not_a_date():
    body = (
        "<p>On the island, the timetable <b>changed</b> 14/03/2016 and the ferry company said"
        " the boats would run every hour through the summer, later than before, as islanders"
        " asked for at a meeting in the old school hall that lasted well into the night.</p>"
    )
    assert _draft(f"<article>{body}{_STORY}</article>").date is None


# --- 2. The date in the story's address ------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://news.example/2016/world/3/14/ferry.second/index.html",
            datetime.date(2016, 3, 14),
        ),
        ("https://news.example/2016/03/14/second-ferry/", datetime.date(2016, 3, 14)),
        ("https://news.example/2016/13/40/second-ferry/", None),
        ("https://news.example/world/second-ferry-2016", None),
    ],
)
def test_url_path_date(url, expected):
    assert url_path_date(url) == expected


def test_page_date_from_its_address():
    head = '<link rel="canonical" href="https://news.example/2016/world/3/14/ferry/index.html">'
    assert _draft(f"<article>{_STORY}</article>", head).date == datetime.date(2016, 3, 14)


# --- 3. The printed first publication before an update's label -------------------------------

_DECLARED = '<meta property="article:published_time" content="2016-03-15T08:00:00+0000">'


def test_printed_first_publication_wins_over_a_later_declared_date():
    line = '<div class="story-date">March 14, 2016 / 9:10 AM / Updated 3 hours ago</div>'
    draft = _draft(f"<article>{line}{_STORY}</article>", _DECLARED)
    assert draft.date == datetime.date(2016, 3, 14)


def test_declared_date_wins_over_a_printed_update():
    line = '<div class="story-date">Updated 9:10 AM, March 16, 2016</div>'
    draft = _draft(f"<article>{line}{_STORY}</article>", _DECLARED)
    assert draft.date == datetime.date(2016, 3, 15)


def test_printed_date_later_than_declared_does_not_win():
    line = '<div class="story-date">March 16, 2016 / Updated 3 hours ago</div>'
    draft = _draft(f"<article>{line}{_STORY}</article>", _DECLARED)
    assert draft.date == datetime.date(2016, 3, 15)


# --- 4. A credit "Person Name (Agency)" ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mira Halden (Coast Post Images)", "Coast Post Images"),
        ("Mira Halden (file photo)", "Mira Halden (file photo)"),
        ("Harbour Board (2019)", "Harbour Board (2019)"),
        ("Coast Post Images", "Coast Post Images"),
    ],
)
def test_person_then_agency_credit(text, expected):
    assert parse_credit_text(text) == (text, expected)


def test_figure_credit_person_then_agency():
    figure = (
        '<figure><img src="https://img.example/ferry.jpg" width="800">'
        "<figcaption>The new ferry at the quay."
        '<span class="credit">Mira Halden (Coast Post Images)</span></figcaption></figure>'
    )
    draft = _draft(f"<article>{figure}{_STORY}</article>")
    assert [(p.credit_line, p.credit) for p in draft.placements] == [
        ("Mira Halden (Coast Post Images)", "Coast Post Images")
    ]


# --- 5. A caption's unnamed element printing the box's declared credit ----------------------


def _declared_figure(declared: str) -> str:
    return (
        f'<figure><div data-caption="The new ferry at the quay." data-credit="{declared}">'
        '<img src="https://img.example/ferry.jpg" width="800"></div>'
        "<figcaption><span>The new ferry at the quay.</span>"
        "<span>Mira Halden—Coast Post Images</span></figcaption></figure>"
    )


def test_caption_span_printing_the_declared_credit_is_the_credit():
    draft = _draft(
        f"<article>{_declared_figure('Mira Halden—Coast Post Images')}{_STORY}</article>"
    )
    assert [(p.caption, p.credit_line) for p in draft.placements] == [
        ("The new ferry at the quay.", "Mira Halden—Coast Post Images")
    ]


def test_caption_span_not_the_declared_credit_stays_caption():
    draft = _draft(f"<article>{_declared_figure('Harbour Archive')}{_STORY}</article>")
    assert draft.placements[0].credit_line != "Mira Halden—Coast Post Images"
