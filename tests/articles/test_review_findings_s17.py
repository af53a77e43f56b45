"""Findings of the review of session 17's article rounds, each a case the rounds' tests missed."""

from archive.articles.claims import extract_claim_candidates
from archive.articles.figures import read_figures


def claims(sentence: str) -> list[tuple[str, str]]:
    return [(str(c.figure), c.claimant) for c in extract_claim_candidates([sentence])]


def test_english_conform_is_no_romanian_according_to():
    assert claims(
        "The new trams conform to the city's noise rules and 30 of them arrive in June, "
        "the transport board said."
    ) == [("30", "the transport board")]
    # Romanian "conform" before what it follows still names the source.
    ((figure, claimant),) = claims("Conform datelor ANAF, 25 de firme au intrat în insolvență.")
    assert figure == "25" and "ANAF" in claimant


def test_a_run_of_thousands_of_digits_is_no_figure_and_no_crash():
    # Python refuses to read an integer of more than 4 300 digits; a claim's figure is stored
    # with at most 18 before the point.
    found = read_figures("About 1 in every " + "7" * 5000 + " households moved.")
    assert [str(f.value) for f in found] == ["1"]
    found = read_figures("Some 4" + "4" * 40 + " boxes, and 12 crates, arrived.")
    assert [str(f.value) for f in found] == ["12"]
