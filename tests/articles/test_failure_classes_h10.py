"""Failure classes of the holdout10 round, each on a few lines written here.

Each test is a convention other publishers' pages share (a label, a structure, a credit
word); the snippets are invented, in other words and for other houses than the set's pages,
and the expected values read off them.
"""

from __future__ import annotations

from archive.articles.caption_credits import read_caption


def _cut(printed: str) -> tuple[str, str, str]:
    read = read_caption(printed)
    return read.caption, read.credit_line, read.credit


# "(AGENCY/Name)" closing a caption, the agency (or the house's initials) before the
# photographer, the agency one the reader does not know (Asian English-language papers:
# "(Kompas/Name)", "(Bernama/Name)").


def test_bracketed_agency_then_photographer():
    assert _cut("Fishermen mend nets at Tanjung Priok on Sunday. (Kompas/Rudi Hartono)") == (
        "Fishermen mend nets at Tanjung Priok on Sunday.",
        "(Kompas/Rudi Hartono)",
        "Kompas",
    )
    read = read_caption("Commuters queue for the new ferry. (NST/Aida Rahman)")
    assert (read.credit, read.creator) == ("NST", "Aida Rahman")


def test_bracketed_two_places_are_no_credit():
    assert _cut("A walk between two cities. (Kyiv/Lviv)")[1] == ""


# "(Courtesy of Named Body)": a body that handed the picture out, named with capitals; "the
# family" or any lower-case phrase stays an unknown convention.


def test_bracketed_courtesy_of_a_named_body():
    assert _cut("Volunteers plant mangroves near Batam. (Courtesy of Riau Forestry Office)") == (
        "Volunteers plant mangroves near Batam.",
        "(Courtesy of Riau Forestry Office)",
        "Riau Forestry Office",
    )
    assert _cut("The couple on their wedding day. (courtesy of the family)")[1] == ""

