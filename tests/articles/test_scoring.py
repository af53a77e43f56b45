"""The corpus scorer (tests/articles/scoring.py) counts what it should: it judges the importer."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from archive.articles import ArticleDraft, ClaimCandidate, DraftPlacement
from tests.articles.scoring import pair_in_order, same_credit, same_unit, score_article


def _placement(caption, credit_line="", credit="", kind="picture"):
    return DraftPlacement(0, kind, caption=caption, credit_line=credit_line, credit=credit)


def _key(caption, credit_line="", credit="", kind="picture"):
    return {"kind": kind, "caption": caption, "credit_line": credit_line, "credit": credit}


def test_pairs_follow_article_order_past_a_missed_and_an_extra_picture():
    keys = [_key("Troops near Bakhmut"), _key("A tank in a field"), _key("Zelensky in Kyiv")]
    found = [
        _placement("Troops near Bakhmut"),
        _placement("Our reporter Jane Doe"),  # furniture taken
        _placement("Zelensky in Kyiv on Friday"),
    ]
    assert pair_in_order(keys, found) == [(0, 0), (2, 2)]


def test_credits_compare_through_the_agency_table():
    assert same_credit("Getty Images", "GETTY")
    assert same_credit("PA Media", "PA Wire")
    assert not same_credit("AFP", "Getty Images")
    assert same_credit("", "")
    assert not same_credit("Reuters", "")


def test_units_are_lenient_on_words_strict_on_currencies():
    assert same_unit("Russian soldiers", "soldiers")
    assert same_unit("tanks", "tank")
    assert not same_unit("GBP", "m")
    assert same_unit("GBP", "GBP")
    assert not same_unit("", "soldiers")


def test_article_score_counts_exact_fields_and_claims():
    draft = ArticleDraft(
        headline="h",
        date=date(2022, 11, 2),
        placements=[
            _placement("Troops near Bakhmut", "(Image: GETTY)", "GETTY"),
            _placement("A tank", "Photograph: Reuters", "Reuters", kind="video"),
        ],
        claim_candidates=[
            ClaimCandidate(
                "Ukraine said 950 soldiers died and 12 tanks burned.",
                figure=Decimal(950),
                unit="soldiers",
                claimant="Ukraine",
            ),
            ClaimCandidate("It was 2022.", figure=Decimal(2022)),
        ],
    )
    key = {
        "date": "2022-11-02",
        "placements": [
            _key("Troops near Bakhmut", "(Image: GETTY)", "Getty Images"),
            _key("A tank", "Photograph: Reuters", "Reuters"),
        ],
        "claims": [
            {"quote": "950 soldiers", "figure": "950", "unit": "soldiers", "claimant": "Ukraine"},
            {"quote": "12 tanks", "figure": "12", "unit": "tanks", "claimant": "Ukraine"},
        ],
    }
    score = score_article(draft, key, "x")
    assert (score.placements_paired, score.kind_exact, score.caption_exact) == (2, 1, 2)
    assert score.credit_exact == 2
    assert (score.claims_paired, score.claims_expected, score.claims_found) == (1, 2, 2)
    assert score.claim_recall == 0.5 and score.claim_precision == 0.5
    assert score.unit_right == 1 and score.claimant_right == 1
    assert score.date_right == 1
    assert any("claim missed: 12" in miss for miss in score.misses)
    assert any("extra claim: 2022" in miss for miss in score.misses)


def test_printed_drops_zero_width_spaces_but_keeps_joiners():
    from tests.articles.scoring import printed

    assert printed("Name/\u200bAFP/\u200bGetty Images") == "Name/AFP/Getty Images"
    # Joiners change how a word is written (Persian, Indic scripts): they stay.
    assert printed("می\u200cخواهد") == "می\u200cخواهد"
