"""The plain-text reader: the seed article, datelines, bylines, alt lines and captions."""

from __future__ import annotations

import pytest

from archive.articles import parse_article
from archive.text import credit_key
from tests.articles.conftest import SEEDS, parse_fixture

# ---------------------------------------------------------------------------------------------
# The seed article


def same_credit(drafted: str, seeded: str, manifest) -> bool:
    """Does the drafted credit name the seed's credit, through the seed's aliases?"""
    entry = next(c for c in manifest["credits"] if c["name"] == seeded)
    return credit_key(drafted) in {credit_key(n) for n in (entry["name"], *entry["aliases"])}


def test_seed_headline_and_metadata(seed_draft, manifest):
    assert seed_draft.headline == manifest["article"]["headline"]
    assert seed_draft.publication == manifest["article"]["publication"]
    assert seed_draft.source_format == "text"
    # The text states no date; the importer does not invent one.
    assert seed_draft.date is None
    assert seed_draft.source_text.startswith("Putin hammer blow")


def test_seed_placements_match_the_manifest_field_by_field(seed_draft, manifest):
    assets = sorted(manifest["assets"], key=lambda a: a["position"])
    assert len(seed_draft.placements) == len(assets) == 8
    for placement, asset in zip(seed_draft.placements, assets, strict=True):
        where = f"position {asset['position']} ({asset['key']})"
        assert placement.position == asset["position"], where
        assert placement.kind == asset["placement_kind"], where
        assert placement.caption == asset["caption"], where
        assert placement.credit_line == asset["credit_line"], where
        # The credit is the agency's canonical name ("GETTY" is printed; Getty Images is
        # credited); the seed's credit record holds that name among its aliases.
        # A placement printed with no credit line (the video) is drafted uncredited and
        # flagged; the seed catalogues its asset under its still's credit (NC).
        if asset["credit_line"]:
            assert same_credit(placement.credit, asset["credit"], manifest), where
            assert not placement.needs_review, where
        else:
            assert placement.credit == "" and placement.needs_review, where
        assert placement.alt == asset["alt"], where
        if asset["placement_kind"] == "video":
            assert placement.title == asset["placement_title"], where
    # The printed text is "caption credit_line" for every picture.
    text = (SEEDS / "article.txt").read_text(encoding="utf-8")
    for p in seed_draft.placements:
        if p.credit_line:
            assert f"{p.caption} {p.credit_line}" in text


def test_seed_boilerplate_is_dropped(seed_draft):
    body = "\n".join(seed_draft.paragraphs)
    for junk in (
        "7 mins read",
        "JUST IN:",
        "[REVEAL]",
        "[REPORT]",
        "[INSIGHT]",
        "Leave a Reply",
        "Your email address will not be published",
        "Latest from Blog",
        "(Image:",
    ):
        assert junk not in body
    assert seed_draft.paragraphs[0].startswith("Ukraine killed almost 13,000")
    assert seed_draft.paragraphs[-1].startswith("He said Russian forces")
    # Captions, alt lines and the video title are not paragraphs.
    assert "Vladimir Putin" not in seed_draft.paragraphs
    assert all(not p.startswith("Ukraine: Russian vehicle") for p in seed_draft.paragraphs)


# ---------------------------------------------------------------------------------------------
# Plain text details


def test_text_dateline_byline_and_guardian_credit():
    draft = parse_fixture("dateline.txt")
    assert draft.headline == "Ministers promise 40,000 new homes"
    assert draft.date.isoformat() == "2022-10-31"
    assert not any(p.startswith(("By Sam", "Published", "READ MORE")) for p in draft.paragraphs)
    estate = draft.placements[0]
    assert (estate.kind, estate.alt, estate.caption, estate.credit_line, estate.credit) == (
        "picture",
        "A housing estate",
        "A housing estate under construction in Leeds.",
        "Photograph: Christopher Furlong/Getty Images",
        "Getty Images",
    )
    statuses = {c.status for c in draft.claim_candidates}
    assert "could not be independently verified" in statuses


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("10:15, Mon, Oct 31, 2022", "2022-10-31"),
        ("31 October 2022", "2022-10-31"),
        ("Published 2022-10-31 10:15 GMT", "2022-10-31"),
        ("Updated: Monday 31st October 2022 11:02 BST", "2022-10-31"),
    ],
)
def test_text_datelines(line, expected):
    draft = parse_article(f"A headline\n\n{line}\n\nA first paragraph of the story.\n")
    assert draft.date.isoformat() == expected
    assert draft.paragraphs == ["A first paragraph of the story."]


def test_dates_inside_paragraphs_are_not_the_publication_date():
    draft = parse_article("A headline\n\nThe war began on 24 February 2022, officials said.\n")
    assert draft.date is None


def test_unknown_convention_in_text_is_flagged_for_review():
    draft = parse_fixture("dateline.txt")
    protest = draft.placements[-1]
    assert protest.caption == "A protest outside parliament in London (courtesy of the campaign)"
    assert (protest.credit_line, protest.credit) == ("", "")
    assert protest.needs_review
    assert protest.alt == "A protest outside parliament"


@pytest.mark.parametrize(
    "line",
    [
        "Wednesday 2 November 2022 14:32 GMT",
        "Wed 2 Nov 2022 14.32 GMT",
        "Published 2 November 2022",
        "09:14, Tue, Nov 2, 2022 | UPDATED: 11:02, Tue, Nov 2, 2022",
        "2 ноября 2022, 14:32",
    ],
)
def test_datelines_in_house_styles_give_the_date_and_no_paragraph(line):
    text = f"A headline\n\nA standfirst that sums the story up.\n\n{line}\n\nThe story: 12 tanks.\n"
    draft = parse_article(text, filename="a.txt")
    assert draft.date.isoformat() == "2022-11-02"
    assert draft.paragraphs == ["A standfirst that sums the story up.", "The story: 12 tanks."]


@pytest.mark.parametrize(
    "line", ["Updated 3 hours ago", "By Oliver Pemberton, Foreign News Reporter"]
)
def test_relative_times_and_bylines_after_the_standfirst_are_furniture(line):
    text = f"A headline\n\nA standfirst that sums the story up.\n\n{line}\n\nThe story.\n"
    draft = parse_article(text, filename="a.txt")
    assert draft.paragraphs == ["A standfirst that sums the story up.", "The story."]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Day first, with the time after it ("à", "-") as European sites print it
        ("Publié le 14/03/2025 à 09:40, mis à jour le 14/03/2025 à 11:02", "2025-03-14"),
        ("Veröffentlicht am 09.04.2025, 07:15 Uhr", "2025-04-09"),
        # A second number above 12 can only be the day: the US order
        ("Published 4/23/2025", "2025-04-23"),
        # The site's name and section beside the date, a weekday in the page's language
        ("Radio Noord • Binnenland • woensdag 9 april 2025, 08:15", "2025-04-09"),
        ("Lokalnytt | tisdag 8 april 2025 kl 06.30", "2025-04-08"),
        # A relative time run on to the date
        ("April 9, 2025 7:02 AM UTCUpdated 2 hours ago", "2025-04-09"),
    ],
)
def test_numeric_and_foreign_datelines(line, expected):
    draft = parse_article(f"A headline\n\n{line}\n\nA first paragraph of the story.\n")
    assert draft.date.isoformat() == expected
    assert draft.paragraphs == ["A first paragraph of the story."]


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Par Claire Vidal", True),
        ("Von Jonas Maier und Lea Brandt", True),
        ("Av Erik Lund, TT", True),
        ("Por qué sube el precio del pan", False),
        ("Par ailleurs, le conseil a voté", False),
        ("Di Stefano signs for the club", False),
    ],
)
def test_bylines_in_other_languages(line, byline):
    from archive.articles.text_lines import BYLINE_RE

    assert bool(BYLINE_RE.match(line)) is byline
