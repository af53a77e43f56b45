"""Claimants resolved: a generic reference to a body of its own kind only, and a sentence
citing its own records keeps its own source (issue 14's reproduced cases)."""

from __future__ import annotations

from archive.articles import extract_claim_candidates, parse_article


def _claimants(paragraph: str) -> dict[int, str]:
    return {int(c.figure): c.claimant for c in extract_claim_candidates([paragraph])}


def test_the_council_is_no_agency_named_before():
    found = _claimants(
        "The Environment Agency said rivers could rise by 2 metres. The county council said "
        "300 homes were evacuated. The council said a dozen schools would close."
    )
    assert found == {2: "Environment Agency", 300: "county council", 12: "council"}


def test_the_council_is_the_council_named_before_another_body():
    found = _claimants(
        "Kent County Council said 300 homes were evacuated. The Environment Agency said rivers "
        "could rise by 2 metres. The council said a dozen schools would close. A spokesperson "
        "said 40 roads were shut."
    )
    assert found[12] == "Kent County Council"
    assert found[40] == "Environment Agency"  # a spokesperson: the nearest organisation


def test_the_agency_is_a_named_agency_not_a_council():
    found = _claimants(
        "Leeds City Council said 300 homes were evacuated. The agency said 40 roads were shut."
    )
    assert found[40] == "agency"


def test_a_council_spokesperson_is_no_other_body():
    found = _claimants(
        "The Environment Agency said rivers could rise by 2 metres. A council spokesperson "
        "said 300 homes were evacuated."
    )
    assert found[300] != "Environment Agency"


def test_a_sentence_citing_its_own_records_keeps_its_own_claimant():
    draft = parse_article(
        "<html><body><article><h1>Fountain</h1><p>A viral post by Chris Poster claimed the "
        "town spent £90m on a new fountain. Council accounts show the fountain cost "
        "£45,000.</p></article></body></html>",
        filename="article.html",
    )
    found = {int(c.figure): c.claimant for c in draft.claim_candidates}
    assert found[90_000_000] == "Chris Poster"
    assert found[45_000] == "Council"


def test_unnamed_records_take_no_other_sentences_claimant():
    found = _claimants(
        "A viral post by Chris Poster claimed the town spent £90m on a new fountain. New "
        "figures show the fountain cost £45,000."
    )
    assert found[45_000] == ""


def test_the_company_is_no_public_body():
    found = _claimants(
        "The Environment Agency said rivers could rise by 2 metres. The company said 300 homes "
        "lost water."
    )
    assert found[300] == "company"
    found = _claimants(
        "Yorkshire Water Ltd said 40 pipes burst. The Environment Agency said rivers could rise "
        "by 2 metres. The company said 300 homes lost water."
    )
    assert found[300] == "Yorkshire Water Ltd"
