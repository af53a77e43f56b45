"""The licence audit's rules on plain data: each rule alone, in combination, at the boundaries."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from archive.audit.rules import (
    AGREEMENT_ENDED,
    AGREEMENT_NOT_COVERING,
    CREDIT_MISMATCH,
    DUPLICATE_CONFLICT,
    EMBED_ONLY,
    EXPIRED,
    EXPIRING,
    MISSING,
    OK,
    UNKNOWN_CREDIT,
    UNVERIFIED,
    AgreementFacts,
    AssetFacts,
    LicenceFacts,
    PlacementFacts,
    agreement_coverage,
    credit_identity,
    embedded_credit,
    evaluate,
    in_force,
    worst_severity,
)
from archive.text import printed_credit_name

TODAY = date(2026, 6, 15)
GETTY, REUTERS, TWITTER = 1, 2, 3
ALIASES = {
    "getty": GETTY,
    "gettyimages": GETTY,
    "gettyimagesnews": GETTY,
    "reuters": REUTERS,
    "twitter": TWITTER,
    "x": TWITTER,
}


def licence(pk: int = 1, **fields) -> LicenceFacts:
    values = {"licence_type": "rights_managed", "licensor": "Getty Images", "verified": True}
    return LicenceFacts(id=pk, **{**values, **fields})


def asset(**fields) -> AssetFacts:
    values = {
        "id": 10,
        "credit_id": GETTY,
        "credit_name": "GETTY",
        "credit_kind": "agency",
        "credit_reviewed": True,
        "embedded_credit": "GETTY",
        "licences": (licence(),),
        "placements": (
            PlacementFacts(article_id=1, credit_id=GETTY, credit_line="(Image: GETTY)"),
        ),
    }
    return AssetFacts(**{**values, **fields})


def kinds(facts: AssetFacts, warning_days: int = 30) -> list[str]:
    findings = evaluate(facts, today=TODAY, warning_days=warning_days, aliases=ALIASES)
    return [finding.kind for finding in findings]


def test_a_clean_asset_is_ok():
    assert kinds(asset()) == [OK]
    findings = evaluate(asset(), today=TODAY, warning_days=30, aliases=ALIASES)
    assert worst_severity(findings) == "none"


def test_missing_when_no_licence_at_all():
    assert kinds(asset(licences=())) == [MISSING]


def test_a_licence_that_starts_later_leaves_the_asset_without_one():
    later = licence(starts_on=TODAY + timedelta(days=1))
    assert kinds(asset(licences=(later,))) == [MISSING]
    assert kinds(asset(licences=(licence(starts_on=TODAY),))) == [OK]


def test_expires_today_is_still_valid_but_expiring():
    assert in_force(licence(expires_on=TODAY), TODAY)
    assert kinds(asset(licences=(licence(expires_on=TODAY),))) == [EXPIRING]


def test_expired_yesterday():
    assert not in_force(licence(expires_on=TODAY - timedelta(days=1)), TODAY)
    assert kinds(asset(licences=(licence(expires_on=TODAY - timedelta(days=1)),))) == [EXPIRED]


@pytest.mark.parametrize(
    ("days", "expected"), [(29, [EXPIRING]), (30, [EXPIRING]), (31, [OK]), (None, [OK])]
)
def test_expiring_boundary_is_inclusive(days, expected):
    expires = TODAY + timedelta(days=days) if days is not None else None
    assert kinds(asset(licences=(licence(expires_on=expires),))) == expected


def test_warning_days_setting_is_respected():
    expires = TODAY + timedelta(days=10)
    assert kinds(asset(licences=(licence(expires_on=expires),)), warning_days=9) == [OK]
    assert kinds(asset(licences=(licence(expires_on=expires),)), warning_days=10) == [EXPIRING]


def test_a_renewal_clears_expired_and_expiring():
    old = licence(1, expires_on=TODAY - timedelta(days=100))
    soon = licence(2, expires_on=TODAY + timedelta(days=5))
    renewed = licence(
        3, starts_on=TODAY - timedelta(days=1), expires_on=TODAY + timedelta(days=365)
    )
    assert kinds(asset(licences=(old, soon, renewed))) == [OK]
    assert kinds(asset(licences=(old, soon))) == [EXPIRING]


def test_expired_names_the_latest_licence():
    old = licence(1, expires_on=date(2020, 1, 1))
    newer = licence(2, expires_on=date(2025, 1, 1))
    (finding,) = evaluate(
        asset(licences=(old, newer)), today=TODAY, warning_days=30, aliases=ALIASES
    )
    assert finding.kind == EXPIRED and finding.licence_id == 2 and "2025-01-01" in finding.detail


def test_unverified_when_no_licence_has_been_verified():
    assert kinds(asset(licences=(licence(verified=False),))) == [UNVERIFIED]
    both = (licence(1, verified=False), licence(2, verified=True))
    assert kinds(asset(licences=both)) == [OK]


def test_embed_only_needs_a_stored_and_placed_file():
    embed = licence(licence_type="social_embed", licensor="Twitter")
    tweet = asset(
        credit_id=TWITTER,
        credit_name="Twitter",
        embedded_credit="Twitter",
        licences=(embed,),
        placements=(PlacementFacts(1, TWITTER, "(Image: Twitter)"),),
    )
    assert kinds(tweet) == [EMBED_ONLY]
    assert kinds(AssetFacts(**{**_fields(tweet), "placements": ()})) == [OK]
    assert kinds(AssetFacts(**{**_fields(tweet), "stored": False})) == [OK]
    rehost = licence(2, licence_type="royalty_free", licensor="Twitter")
    assert kinds(AssetFacts(**{**_fields(tweet), "licences": (embed, rehost)})) == [OK]


def _fields(facts: AssetFacts) -> dict:
    return {name: getattr(facts, name) for name in AssetFacts.__slots__}


def test_credit_aliases_agree():
    facts = asset(
        embedded_credit="Getty Images News",
        licences=(licence(licensor="GETTY IMAGES"),),
        placements=(PlacementFacts(1, None, "(Image: Getty)"),),
    )
    assert kinds(facts) == [OK]


def test_credit_mismatch_on_the_licensor():
    facts = asset(licences=(licence(licensor="Reuters"),))
    findings = evaluate(facts, today=TODAY, warning_days=30, aliases=ALIASES)
    assert [f.kind for f in findings] == [CREDIT_MISMATCH]
    assert "licensor Reuters" in findings[0].detail and "credit GETTY" in findings[0].detail


def test_credit_mismatch_on_the_printed_line_and_the_embedded_credit():
    printed = asset(placements=(PlacementFacts(1, REUTERS, "(Image: Reuters)"),))
    assert kinds(printed) == [CREDIT_MISMATCH]
    unmatched = asset(placements=(PlacementFacts(1, None, "(Image: AFP)"),))
    assert kinds(unmatched) == [CREDIT_MISMATCH]
    assert kinds(asset(embedded_credit="AP Photo")) == [CREDIT_MISMATCH]
    assert kinds(asset(embedded_credit="")) == [OK]


def test_duplicate_conflict_only_with_another_credit():
    assert kinds(asset(look_alike_credit_ids=(REUTERS,))) == [DUPLICATE_CONFLICT]
    assert kinds(asset(look_alike_credit_ids=(GETTY, None))) == [OK]


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ({"credit_id": None, "credit_name": ""}, [UNKNOWN_CREDIT]),
        ({"credit_reviewed": False}, [UNKNOWN_CREDIT]),
        ({"credit_kind": "unknown"}, [UNKNOWN_CREDIT]),
    ],
)
def test_unknown_credit(credit, expected):
    facts = asset(
        **credit,
        embedded_credit="",
        licences=(licence(licensor=""),),
        placements=(PlacementFacts(1, credit.get("credit_id", GETTY), ""),),
    )
    assert kinds(facts) == expected


def test_findings_combine_in_report_order():
    facts = asset(
        credit_kind="unknown",
        licences=(
            licence(licensor="Reuters", verified=False, expires_on=TODAY - timedelta(days=3)),
        ),
        look_alike_credit_ids=(TWITTER,),
    )
    assert kinds(facts) == [
        EXPIRED,
        CREDIT_MISMATCH,
        DUPLICATE_CONFLICT,
        UNVERIFIED,
        UNKNOWN_CREDIT,
    ]
    findings = evaluate(facts, today=TODAY, warning_days=30, aliases=ALIASES)
    assert worst_severity(findings) == "high"


def test_printed_credit_names():
    assert printed_credit_name("(Image: GETTY)") == "GETTY"
    assert printed_credit_name("(Pictures: Getty Images )") == "Getty Images"
    assert printed_credit_name("Reuters") == "Reuters"
    assert printed_credit_name("") == ""


def test_credit_identity_resolves_through_aliases():
    assert credit_identity("Getty Images", ALIASES) == credit_identity("GETTY", ALIASES) == GETTY
    assert credit_identity("AFP", ALIASES) == "?afp"
    assert credit_identity("  ", ALIASES) is None


def test_embedded_credit_prefers_xmp_then_iptc():
    assert (
        embedded_credit({"xmp": {"photoshop:Credit": "GETTY"}, "iptc": {"Credit": "AFP"}})
        == "GETTY"
    )
    assert embedded_credit({"xmp": {}, "iptc": {"Credit": ["", "AFP"]}}) == "AFP"
    assert embedded_credit({}) == "" and embedded_credit(None) == ""


# Supplier agreements: an asset covered by one in force is licensed through it --------------


def agreement(pk: int = 7, **fields) -> AgreementFacts:
    return AgreementFacts(id=pk, **{"supplier": "GETTY", **fields})


def findings_of(facts: AssetFacts, warning_days: int = 30):
    return evaluate(facts, today=TODAY, warning_days=warning_days, aliases=ALIASES)


def test_an_agreement_in_force_licenses_an_asset_with_no_licence_of_its_own():
    assert kinds(asset(licences=(), agreements=(agreement(),))) == [OK]
    # It is not verified by anyone either: "unverified" is about licence records only.
    opened = agreement(starts_on=TODAY, ends_on=TODAY + timedelta(days=31))
    assert kinds(asset(licences=(), agreements=(opened,))) == [OK]


def test_an_agreement_in_force_outlasts_an_expired_or_expiring_licence():
    expired = licence(expires_on=TODAY - timedelta(days=1))
    expiring = licence(expires_on=TODAY + timedelta(days=3))
    for own in (expired, expiring):
        assert kinds(asset(licences=(own,), agreements=(agreement(),))) == [OK]


def test_an_agreement_ending_within_the_horizon_is_expiring_and_says_so():
    ending = agreement(ends_on=TODAY + timedelta(days=10))
    found = findings_of(asset(licences=(), agreements=(ending,)))
    assert [f.kind for f in found] == [EXPIRING]
    assert found[0].agreement_id == ending.id and found[0].licence_id is None
    assert "GETTY agreement" in found[0].detail and ending.ends_on.isoformat() in found[0].detail
    # A licence lasting beyond the horizon covers the asset after the agreement ends.
    lasting = licence(expires_on=TODAY + timedelta(days=90))
    assert kinds(asset(licences=(lasting,), agreements=(ending,))) == [OK]
    # The later of the two ends decides; a licence ending last is the one named.
    later = licence(expires_on=TODAY + timedelta(days=20))
    found = findings_of(asset(licences=(later,), agreements=(ending,)))
    assert [(f.kind, f.licence_id) for f in found] == [(EXPIRING, later.id)]
    assert kinds(asset(licences=(), agreements=(ending,)), warning_days=9) == [OK]


def test_an_agreement_that_ended_is_a_finding_of_its_own_not_missing():
    ended = agreement(ends_on=TODAY - timedelta(days=1))
    found = findings_of(asset(licences=(), agreements=(ended,)))
    assert [f.kind for f in found] == [AGREEMENT_ENDED]
    assert found[0].agreement_id == ended.id and ended.ends_on.isoformat() in found[0].detail
    # Beside an expired licence, both are said.
    expired = licence(expires_on=TODAY - timedelta(days=40))
    assert kinds(asset(licences=(expired,), agreements=(ended,))) == [EXPIRED, AGREEMENT_ENDED]
    # A licence in force licenses it whatever the agreement did.
    assert kinds(asset(agreements=(ended,))) == [OK]


def test_an_agreement_that_does_not_cover_the_asset_is_a_finding_of_its_own():
    other = agreement(covers=False)
    found = findings_of(asset(licences=(), agreements=(other,)))
    assert [f.kind for f in found] == [AGREEMENT_NOT_COVERING]
    assert found[0].agreement_id == other.id
    assert kinds(asset(agreements=(other,))) == [OK]
    # One that covers it wins over one that does not.
    assert kinds(asset(licences=(), agreements=(other, agreement(8)))) == [OK]


def test_an_agreement_not_yet_started_covers_nothing():
    later = agreement(starts_on=TODAY + timedelta(days=1))
    assert kinds(asset(licences=(), agreements=(later,))) == [MISSING]
    not_covering_later = agreement(starts_on=TODAY + timedelta(days=1), covers=False)
    assert kinds(asset(licences=(), agreements=(not_covering_later,))) == [MISSING]


def test_agreement_coverage_prefers_the_longest_lasting_and_the_last_ended():
    short = agreement(1, ends_on=TODAY + timedelta(days=5))
    open_ended = agreement(2)
    assert agreement_coverage((short, open_ended), TODAY).covering == open_ended
    long = agreement(3, ends_on=TODAY + timedelta(days=50))
    assert agreement_coverage((short, long), TODAY).covering == long
    first = agreement(4, ends_on=TODAY - timedelta(days=50))
    last = agreement(5, ends_on=TODAY - timedelta(days=5))
    coverage = agreement_coverage((first, last), TODAY)
    assert coverage.covering is None and coverage.ended == last and coverage.other is None


def test_an_agreement_does_not_lift_embed_only():
    embed = licence(licence_type="social_embed")
    assert kinds(asset(licences=(embed,), agreements=(agreement(),))) == [EMBED_ONLY]


def test_a_usage_category_that_needs_no_licence_licenses_the_asset():
    expired = licence(expires_on=TODAY - timedelta(days=1))
    ended = agreement(ends_on=TODAY - timedelta(days=1))
    for facts in (
        asset(licences=()),
        asset(licences=(expired,)),
        asset(licences=(), agreements=(ended, agreement(8, covers=False))),
        asset(licences=(licence(expires_on=TODAY + timedelta(days=3)),)),
    ):
        assert kinds(replace(facts, licence_needed=False)) == [OK]
        assert kinds(facts) != [OK]
