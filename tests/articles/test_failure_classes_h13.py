"""Failure classes of the holdout13 round, each on a few lines written here.

Each test is a convention other publishers' pages share (a credit layout, a credit word, a
furniture signal); the snippets are invented, in other words and for other houses than the
set's pages, and the expected values read off them.
"""

from __future__ import annotations

from archive.articles import parse_article
from tests.articles.conftest import PARAGRAPH


def _page(headline: str, captions: list[str]) -> str:
    story = f"<p>{PARAGRAPH}</p>"
    figures = "".join(
        f'<figure><img src="https://example.pk/img/pic-{n}.jpg" alt="">'
        f"<figcaption>{caption}</figcaption></figure>{story}"
        for n, caption in enumerate(captions)
    )
    return f"<html><body><article><h1>{headline}</h1>{story}{figures}</article></body></html>"


def _cuts(page: str, name: str) -> list[tuple[str, str, str]]:
    draft = parse_article(page.encode(), filename=name)
    return [(p.caption, p.credit_line, p.credit) for p in draft.placements]


# A house that closes every caption with a spaced dash and the credit, whatever it names (its
# own staff, a handout, an archive picture, a social-media account): on such a page the name
# after the dash is the credit, even when no other rule knows it; a caption's date in
# brackets may close its sentence ("on Friday (Nov 6). — Name").


def test_page_of_captions_closed_by_a_spaced_dash_and_the_credit():
    page = _page(
        "Ferry terminal shut",
        [
            "Passengers queue at the old terminal on Friday (Nov 6). — Harbour Courier",
            "The terminal's pier during the 2019 storm. — Archive pic",
            "Divers inspect the pilings near the slipway. — Instagram/Lakeside Fire Service",
        ],
    )
    assert _cuts(page, "ferry.html") == [
        (
            "Passengers queue at the old terminal on Friday (Nov 6).",
            "Harbour Courier",
            "Harbour Courier",
        ),
        ("The terminal's pier during the 2019 storm.", "Archive pic", "Archive pic"),
        (
            "Divers inspect the pilings near the slipway.",
            "Instagram/Lakeside Fire Service",
            "Instagram",
        ),
    ]


def test_one_caption_closed_by_a_dash_is_no_convention():
    page = _page(
        "Ferry terminal shut",
        [
            "Passengers queue at the old terminal on Friday. — Harbour Courier",
            "The terminal's pier during the 2019 storm.",
        ],
    )
    assert _cuts(page, "ferry.html")[0] == (
        "Passengers queue at the old terminal on Friday. — Harbour Courier",
        "",
        "",
    )
