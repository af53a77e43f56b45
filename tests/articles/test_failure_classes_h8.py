"""Failure classes of the holdout8 round, each on a few lines written here.

Each test is a convention other publishers' pages share (a label, a structure, a language's
number words); the snippets are invented, in other words and for other houses than the set's
pages, and the expected values read off them.
"""

from __future__ import annotations

from decimal import Decimal

from archive.articles import parse_article
from archive.articles.caption_credits import read_caption
from archive.articles.credit_lines import read_credit_line
from archive.articles.figures import read_figures

PARAGRAPH = (
    "The council voted on Thursday evening to close the old ferry terminal for repairs "
    "that engineers say are long overdue."
)


def _parts(line: str) -> tuple[str, str, str]:
    parts = read_credit_line(line)
    return parts.credit, parts.source, parts.creator


def _values(sentence: str) -> list[tuple[Decimal, str]]:
    return [(f.value, f.unit) for f in read_figures(sentence)]


# "Name © House": the photographer, then the house holding the copyright; the archive label
# in the Nordic languages ("Arkivfoto:"); a graphic's "Name © House. Source: Body".


def test_name_then_copyright_holder():
    assert _parts("(Foto: Kari Holm © NRK)") == ("NRK", "", "Kari Holm")
    assert _parts("(Arkivbild: Per Lind © TT)") == ("TT", "", "Per Lind")
    assert _parts("Arkivfoto: Ole Berg © Bergens Tidende") == ("Bergens Tidende", "", "Ole Berg")
    assert _parts("(Grafik: Eva Dahl © TV 2. Kilde: Danmarks Statistik)") == (
        "TV 2",
        "Danmarks Statistik",
        "Eva Dahl",
    )


# "Name/Agency for House": an agency's photographer commissioned by the house, which is
# credited, the agency its source; a graphic's kind word before the house, no colon.


def test_agency_photographer_commissioned_by_the_house():
    assert _parts("(Anne Roux/Divergence pour Le Courrier)") == (
        "Le Courrier",
        "Divergence",
        "Anne Roux",
    )
    assert _parts("Tom Hale/Redux for The Harbour Times") == (
        "The Harbour Times",
        "Redux",
        "Tom Hale",
    )
    assert _parts("(Infographie Ouest Matin)") == ("Ouest Matin", "", "")
    assert _parts("(Infografik Nordkurier)") == ("Nordkurier", "", "")


# A usage note after the credit ("X, used in accordance with Section 12 of the Copyright Act",
# "X, used with permission"): the terms the picture is printed under, no part of the name.


def test_usage_terms_after_the_credit_are_no_part_of_the_name():
    assert _parts("(Screenshot: Kan 11, used in accordance with Section 12 of the Act)") == (
        "Kan 11",
        "",
        "",
    )
    assert _parts("Harbour Radio, used with permission")[0] == "Harbour Radio"


# "Photo credit: Name | House": the bar printed where others print a slash; the label with
# its colon printed in the credit element is part of the credit line.


def test_bar_between_photographer_and_house():
    assert _parts("Photo credit: Jane Wanjiru | Coast Media Group") == (
        "Coast Media Group",
        "",
        "Jane Wanjiru",
    )
    assert _parts("File | Coast Media Group")[0] == "Coast Media Group"
    assert _parts("Courtesy | Lake Basin Authority")[0] == "Lake Basin Authority"


def test_printed_credit_label_is_kept_in_the_credit_line():
    body = "".join(f"<p>{PARAGRAPH} Paragraph {w}.</p>" for w in "abcdef")
    html = (
        "<html><body><article><h1>Ferry terminal shuts</h1>"
        + body
        + '<figure><img src="https://img.example/a.jpg" alt="">'
        + '<figcaption><p class="caption-text">Workers on the pier at dawn.</p>'
        + '<p class="picture-credits">Photo credit: Jane Wanjiru | Coast Media Group</p>'
        + "</figcaption></figure></article></body></html>"
    )
    [p] = parse_article(html, filename="page.html").placements
    assert (p.caption, p.credit_line, p.credit, p.creator) == (
        "Workers on the pier at dawn.",
        "Photo credit: Jane Wanjiru | Coast Media Group",
        "Coast Media Group",
        "Jane Wanjiru",
    )


# A credit sentence "<Kind> from Body" after the caption's last full stop (a handout's body,
# "Screenshot from X Facebook page": the platform credited, the page's owner its source), and
# "Photo courtesy: X", "X screengrab".


def test_kind_from_body_closes_the_caption():
    found = read_caption(
        "HARVEST. Farmers load sacks of rice in Iloilo on May 2, 2026. Photo from DA"
    )
    assert (found.caption, found.credit_line, found.credit) == (
        "HARVEST. Farmers load sacks of rice in Iloilo on May 2, 2026.",
        "Photo from DA",
        "DA",
    )
    found = read_caption(
        "RELIEF. Volunteers pack food in Tacloban on May 3. Screenshot from Leyte Rescue Team "
        "Facebook page"
    )
    assert (found.caption, found.credit, found.source) == (
        "RELIEF. Volunteers pack food in Tacloban on May 3.",
        "Facebook",
        "Leyte Rescue Team",
    )
    assert _parts("Photo courtesy: Irrigation Department")[0] == "Irrigation Department"
    assert _parts("HarbourTV screengrab")[0] == "HarbourTV"
