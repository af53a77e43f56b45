"""The "can I use it?" rules and the licence report's rights findings, on plain facts."""

from __future__ import annotations

from datetime import date

import pytest

from archive.rights.rules import (
    AI_DISCLOSURE,
    ALLOWED_BY_LEASE,
    CONDITIONAL,
    CONDITIONAL_USE,
    CONDITIONS,
    CREDIT_LINE,
    DATA_MINING,
    DENY_AHEAD,
    DENY_LEASE,
    EDITORIAL,
    EMBED_ONLY,
    EMBED_POST,
    EXPIRED,
    EXPIRING,
    FREE,
    NO,
    NO_AI_TRAINING_PASSED_ON,
    NO_LICENCE,
    NOT_COVERED,
    OVER_QUOTA,
    OVER_QUOTA_REASON,
    PAY,
    PAY_FEE,
    PRINT,
    RESTRICTIONS,
    SOCIAL,
    SYNDICATION,
    TERRITORY,
    TRAINING,
    UNVERIFIED,
    WEB,
    YES,
    AgreementTerms,
    CategoryTerms,
    LeaseTerms,
    LicenceTerms,
    RightsFacts,
    UsageRequest,
    UseFacts,
    applicable_agreement,
    covers_territory,
    credit_identity_of,
    deny_breaches,
    derive_cost,
    effective_category,
    leases_in_effect,
    prints_required_credit,
    territory_codes,
    usability,
    uses_over_quota,
)

DAY = date(2026, 6, 15)
STAFF = CategoryTerms("staff", "Staff", FREE, needs_licence=False)
AGENCY = CategoryTerms("agency", "Agency", PAY)
PR = CategoryTerms("pr", "PR", CONDITIONAL, needs_licence=False, restrictions="Product only.")
GOOD = LicenceTerms(1, "rights_managed", date(2026, 1, 1), date(2027, 1, 1), verified=True)


def ask(facts: RightsFacts, medium: str = WEB, on: date = DAY, territory: str = ""):
    return usability(facts, UsageRequest(medium, on, territory))


def codes(points) -> list[str]:
    return [point.code for point in points]


def agreement(**fields) -> AgreementTerms:
    defaults = {"id": 7, "supplier": "Reuters", "categories": ("agency",), "cost": FREE}
    return AgreementTerms(**{**defaults, **fields})


# Yes ----------------------------------------------------------------------------------------


def test_a_verified_lasting_licence_is_a_plain_yes():
    result = ask(RightsFacts(1, licences=(GOOD,)))
    assert result.verdict == YES and result.usable
    assert result.reasons == () and result.conditions == ()


def test_a_staff_picture_needs_no_licence():
    result = ask(RightsFacts(1, category=STAFF))
    assert result.verdict == YES
    assert result.cost == FREE and result.category == "staff"


def test_an_agreement_covering_the_medium_is_a_licence():
    result = ask(RightsFacts(1, category=AGENCY, agreements=(agreement(),)))
    assert result.verdict == YES
    assert result.agreement_id == 7


# No -----------------------------------------------------------------------------------------


def test_no_licence_is_a_no():
    result = ask(RightsFacts(1))
    assert result.verdict == NO and not result.usable
    assert codes(result.reasons) == [NO_LICENCE]
    assert "no licence" in result.reasons[0].text


def test_a_licence_starting_later_is_no_licence_yet():
    later = LicenceTerms(1, "rights_managed", date(2026, 7, 1), None)
    result = ask(RightsFacts(1, licences=(later,)))
    assert codes(result.reasons) == [NO_LICENCE]
    assert "2026-07-01" in result.reasons[0].text


def test_an_expired_licence_says_when():
    old = LicenceTerms(1, "rights_managed", date(2025, 1, 1), date(2026, 5, 31))
    result = ask(RightsFacts(1, licences=(old,)))
    assert codes(result.reasons) == [EXPIRED]
    assert "2026-05-31" in result.reasons[0].text


def test_an_ended_agreement_is_expired():
    ended = agreement(starts_on=date(2025, 1, 1), ends_on=date(2026, 3, 31))
    result = ask(RightsFacts(1, category=AGENCY, agreements=(ended,)))
    assert codes(result.reasons) == [EXPIRED]


def test_the_expiry_day_is_the_last_valid_day():
    ending = LicenceTerms(1, "rights_managed", None, DAY, verified=True)
    assert ask(RightsFacts(1, licences=(ending,))).usable
    assert not ask(RightsFacts(1, licences=(ending,)), on=date(2026, 6, 16)).usable


def test_a_deny_lease_in_force_is_a_no_with_its_note():
    lease = LeaseTerms(3, "deny", "use", date(2026, 6, 1), date(2026, 6, 30), "court order")
    result = ask(RightsFacts(1, licences=(GOOD,), leases=(lease,)))
    assert codes(result.reasons) == [DENY_LEASE]
    assert "court order" in result.reasons[0].text and "2026-06-30" in result.reasons[0].text


def test_a_lapsed_deny_lease_stops_warning():
    lease = LeaseTerms(3, "deny", "use", date(2026, 5, 1), date(2026, 5, 31))
    assert ask(RightsFacts(1, licences=(GOOD,), leases=(lease,))).verdict == YES


def test_a_deny_lease_starting_soon_is_a_condition_then_a_no():
    lease = LeaseTerms(3, "deny", "use", date(2026, 6, 20), None, "embargo")
    facts = RightsFacts(1, licences=(GOOD,), leases=(lease,))
    soon = ask(facts)
    assert soon.verdict == CONDITIONS and codes(soon.conditions) == [DENY_AHEAD]
    assert ask(facts, on=date(2026, 6, 20)).verdict == NO


def test_a_deny_syndication_lease_blocks_syndication_only():
    lease = LeaseTerms(3, "deny", "syndication")
    facts = RightsFacts(1, licences=(GOOD,), leases=(lease,))
    assert ask(facts, WEB).verdict == YES
    assert codes(ask(facts, SYNDICATION).reasons) == [DENY_LEASE]


def test_a_deny_use_lease_blocks_syndication_too():
    facts = RightsFacts(1, licences=(GOOD,), leases=(LeaseTerms(3, "deny", "use"),))
    assert codes(ask(facts, SYNDICATION).reasons) == [DENY_LEASE]


def test_deny_wins_over_allow():
    leases = (LeaseTerms(3, "allow", "use"), LeaseTerms(4, "deny", "use"))
    assert ask(RightsFacts(1, leases=leases)).verdict == NO


def test_an_allow_lease_stands_in_for_a_licence():
    facts = RightsFacts(1, leases=(LeaseTerms(3, "allow", "use", None, None, "one-off deal"),))
    result = ask(facts)
    assert result.verdict == CONDITIONS
    assert codes(result.conditions) == [ALLOWED_BY_LEASE]
    assert "one-off deal" in result.conditions[0].text


# A still and the video it was cut from -------------------------------------------------------


def video_lease(access: str, scope: str = "use", starts=None, ends=None, note="") -> LeaseTerms:
    return LeaseTerms(30, access, scope, starts, ends, note, video_id=12)


def test_a_still_is_refused_under_its_videos_deny_lease_and_says_where_it_comes_from():
    lease = video_lease("deny", ends=date(2026, 6, 30), note="subject withdrew")
    result = ask(RightsFacts(1, licences=(GOOD,), video_leases=(lease,)))
    assert result.verdict == NO and codes(result.reasons) == [DENY_LEASE]
    assert result.reasons[0].text == (
        "a lease denies use until 2026-06-30 (subject withdrew) (on the video it was cut from)"
    )
    # Its own lease says nothing of a video.
    own = ask(RightsFacts(1, licences=(GOOD,), leases=(LeaseTerms(3, "deny", "use"),)))
    assert "video" not in own.reasons[0].text


def test_a_videos_lapsed_or_syndication_deny_lease_binds_its_still_as_its_own_would():
    lapsed = video_lease("deny", starts=date(2026, 5, 1), ends=date(2026, 5, 31))
    assert ask(RightsFacts(1, licences=(GOOD,), video_leases=(lapsed,))).verdict == YES
    syndication = RightsFacts(
        1, licences=(GOOD,), video_leases=(video_lease("deny", "syndication"),)
    )
    assert ask(syndication, WEB).verdict == YES
    assert codes(ask(syndication, SYNDICATION).reasons) == [DENY_LEASE]
    soon = ask(
        RightsFacts(
            1, licences=(GOOD,), video_leases=(video_lease("deny", starts=date(2026, 6, 20)),)
        )
    )
    assert codes(soon.conditions) == [DENY_AHEAD]
    assert soon.conditions[0].text.endswith("(on the video it was cut from)")


def test_a_videos_allow_lease_stands_in_for_its_stills_licence():
    # The still is the video's footage: its rights follow the video's (the desk's decision).
    facts = RightsFacts(1, video_leases=(video_lease("allow", note="footage bought"),))
    result = ask(facts)
    assert result.verdict == CONDITIONS and codes(result.conditions) == [ALLOWED_BY_LEASE]
    assert result.conditions[0].text == (
        "a lease allows it (footage bought) (on the video it was cut from)"
    )
    assert not ask(RightsFacts(1)).usable  # without it: no licence


def test_a_deny_beats_an_allow_between_a_still_and_its_video_both_ways():
    own_deny = LeaseTerms(3, "deny", "use")
    assert (
        ask(RightsFacts(1, leases=(own_deny,), video_leases=(video_lease("allow"),))).verdict == NO
    )
    own_allow = LeaseTerms(3, "allow", "use")
    result = ask(RightsFacts(1, leases=(own_allow,), video_leases=(video_lease("deny"),)))
    assert result.verdict == NO
    assert result.reasons[0].text.endswith("(on the video it was cut from)")


def test_leases_in_effect_are_the_assets_own_then_its_videos():
    own, video = LeaseTerms(3, "deny", "use"), video_lease("allow")
    assert leases_in_effect(RightsFacts(1, leases=(own,), video_leases=(video,))) == (own, video)


def test_an_embed_licence_is_no_in_print_and_a_condition_on_the_web():
    embed = LicenceTerms(1, "social_embed", verified=True)
    facts = RightsFacts(1, licences=(embed,))
    assert codes(ask(facts, PRINT).reasons) == [EMBED_ONLY]
    assert codes(ask(facts, SYNDICATION).reasons) == [EMBED_ONLY]
    web = ask(facts, WEB)
    assert web.verdict == CONDITIONS and codes(web.conditions) == [EMBED_POST]
    assert ask(facts, SOCIAL).verdict == CONDITIONS


def test_an_embed_licence_beside_a_full_one_is_not_embed_only():
    facts = RightsFacts(1, licences=(LicenceTerms(1, "social_embed"), GOOD))
    assert ask(facts, PRINT).verdict == YES


def test_over_quota_is_a_no_with_the_count():
    quota = agreement(monthly_quota=3)
    facts = RightsFacts(1, category=AGENCY, agreements=(quota,), quota_used=3)
    result = ask(facts)
    assert codes(result.reasons) == [OVER_QUOTA_REASON]
    assert "3 of 3" in result.reasons[0].text
    assert result.cost == OVER_QUOTA
    under = RightsFacts(1, category=AGENCY, agreements=(quota,), quota_used=2)
    assert ask(under).verdict == YES


def test_an_agreement_not_covering_the_medium_says_so():
    facts = RightsFacts(1, category=AGENCY, agreements=(agreement(),))
    result = ask(facts, SOCIAL)
    assert codes(result.reasons) == [NOT_COVERED]
    assert "social media" in result.reasons[0].text


def test_a_licence_covers_what_the_agreement_does_not():
    facts = RightsFacts(1, licences=(GOOD,), category=AGENCY, agreements=(agreement(),))
    assert ask(facts, SOCIAL).usable


def test_territories_of_agreements_and_licences():
    gb = agreement(territories=frozenset({"GB", "IE"}))
    facts = RightsFacts(1, category=AGENCY, agreements=(gb,))
    assert ask(facts, territory="gb").usable
    assert codes(ask(facts, territory="US").reasons) == [TERRITORY]
    assert ask(facts).usable  # no territory asked
    europe = LicenceTerms(1, "rights_managed", territory="FR, DE", verified=True)
    assert codes(ask(RightsFacts(1, licences=(europe,)), territory="US").reasons) == [TERRITORY]
    anywhere = LicenceTerms(1, "rights_managed", territory="Worldwide", verified=True)
    assert ask(RightsFacts(1, licences=(anywhere,)), territory="US").verdict == YES


def test_data_mining_forbids_a_training_set_only():
    facts = RightsFacts(1, category=STAFF, data_mining="DMI-PROHIBITED-AIMLTRAINING")
    result = ask(facts, TRAINING)
    assert codes(result.reasons) == [DATA_MINING]
    assert "Prohibited for AI/ML training" in result.reasons[0].text
    assert ask(facts, WEB).verdict == YES
    syndicated = ask(facts, SYNDICATION)
    assert syndicated.verdict == CONDITIONS
    assert codes(syndicated.conditions) == [NO_AI_TRAINING_PASSED_ON]
    allowed = RightsFacts(1, category=STAFF, data_mining="DMI-ALLOWED")
    assert ask(allowed, TRAINING).verdict == YES


def test_several_reasons_come_in_a_fixed_order():
    facts = RightsFacts(
        1,
        leases=(LeaseTerms(3, "deny", "use"),),
        data_mining="DMI-PROHIBITED",
    )
    assert codes(ask(facts, TRAINING).reasons) == [DENY_LEASE, NO_LICENCE, DATA_MINING]


# Yes with conditions ------------------------------------------------------------------------


def test_an_agreement_names_its_credit_line_and_restrictions():
    terms = agreement(required_credit_line="REUTERS/", restrictions="No archive sales.")
    result = ask(RightsFacts(1, category=AGENCY, agreements=(terms,)))
    assert result.verdict == CONDITIONS
    assert codes(result.conditions) == [CREDIT_LINE, RESTRICTIONS]
    assert "REUTERS/" in result.conditions[0].text


def test_pay_and_conditional_costs_are_conditions():
    paid = ask(RightsFacts(1, licences=(GOOD,), category=AGENCY))
    assert paid.cost == PAY and codes(paid.conditions) == [PAY_FEE]
    pr = ask(RightsFacts(1, category=PR))
    assert pr.cost == CONDITIONAL
    assert codes(pr.conditions) == [CONDITIONAL_USE, RESTRICTIONS]
    assert pr.conditions[1].text == "Product only."


def test_an_unverified_editorial_licence_expiring_soon():
    licence = LicenceTerms(1, "editorial", None, date(2026, 6, 20), restrictions="UK only")
    result = ask(RightsFacts(1, licences=(licence,)))
    assert result.verdict == CONDITIONS
    assert codes(result.conditions) == [EDITORIAL, UNVERIFIED, EXPIRING, RESTRICTIONS]


def test_the_assets_own_restrictions_are_a_condition():
    result = ask(RightsFacts(1, licences=(GOOD,), restrictions="Do not crop."))
    assert [(p.code, p.text) for p in result.conditions] == [(RESTRICTIONS, "Do not crop.")]


def test_an_ai_made_picture_must_say_so_when_published():
    facts = RightsFacts(1, category=STAFF, digital_source_type="trainedAlgorithmicMedia")
    assert codes(ask(facts, PRINT).conditions) == [AI_DISCLOSURE]
    assert ask(facts, SYNDICATION).verdict == YES


# Parts --------------------------------------------------------------------------------------


def test_derive_cost():
    quota = agreement(monthly_quota=10, cost="")
    assert derive_cost(None, None, 0) == ""
    assert derive_cost(STAFF, None, 0) == FREE
    assert derive_cost(AGENCY, agreement(cost=FREE), 0) == FREE
    assert derive_cost(AGENCY, quota, 9) == PAY
    assert derive_cost(AGENCY, quota, 10) == OVER_QUOTA
    assert derive_cost(AGENCY, agreement(monthly_quota=0), 0) == OVER_QUOTA


def test_applicable_agreement_and_effective_category():
    old = agreement(id=1, ends_on=date(2026, 1, 1))
    pool = agreement(id=2, categories=("pool",))
    current = agreement(id=3, categories=("agency", "pool"))
    assert applicable_agreement((old, pool, current), "agency", DAY).id == 3
    assert applicable_agreement((old, pool, current), None, DAY).id == 2
    assert applicable_agreement((old,), None, DAY) is None
    assert effective_category(None, current) == "agency"
    assert effective_category(PR, current) == "pr"
    assert effective_category(None, None) is None


def test_territory_codes():
    assert territory_codes("gb, ie;fr us") == {"GB", "IE", "FR", "US"}
    assert territory_codes("") == frozenset()
    assert territory_codes("worldwide") == frozenset()
    assert covers_territory(frozenset(), "US")
    assert covers_territory(frozenset({"GB"}), "")
    assert not covers_territory(frozenset({"GB"}), "US")


def use(pk: int, day: date | None, **fields) -> UseFacts:
    return UseFacts(placement_id=pk, asset_id=pk * 10, published_on=day, **fields)


def test_deny_breaches_count_uses_within_the_window_even_after_it_lapsed():
    lease = LeaseTerms(3, "deny", "use", date(2026, 1, 10), date(2026, 1, 20))
    uses = [use(1, date(2026, 1, 9)), use(2, date(2026, 1, 10)), use(3, date(2026, 1, 20)),
            use(4, date(2026, 1, 21)), use(5, None)]  # fmt: skip
    assert [u.placement_id for u, _ in deny_breaches([lease], uses)] == [2, 3]
    allow = LeaseTerms(4, "allow", "use")
    syndication = LeaseTerms(5, "deny", "syndication")
    assert deny_breaches([allow, syndication], uses) == []


def test_uses_over_quota_are_those_past_it_in_each_month():
    uses = [
        use(5, date(2026, 1, 3)),
        use(1, date(2026, 1, 3)),
        use(2, date(2026, 1, 1)),
        use(3, date(2026, 2, 1)),
        use(4, None),
    ]
    assert [u.placement_id for u in uses_over_quota(uses, 2)] == [5]
    assert [u.placement_id for u in uses_over_quota(uses, 0)] == [2, 1, 5, 3]
    assert uses_over_quota(uses, None) == []


@pytest.mark.parametrize(
    ("line", "credit_id", "expected"),
    [
        ("REUTERS/Jane Doe", None, True),
        ("Photograph: Thomson Reuters", None, True),  # an alias
        ("Reuters TV", None, True),  # an agency's spelling, not an alias here
        ("(Image: GETTY)", None, False),
        ("", None, False),
        ("anything", 1, True),  # matched to the Reuters record at import
        ("REUTERS", 2, False),
    ],
)
def test_prints_required_credit(line, credit_id, expected):
    aliases = {"reuters": 1, "thomsonreuters": 1, "getty": 2, "gettyimages": 2}
    printed = use(1, DAY, credit_line=line, credit_id=credit_id)
    assert prints_required_credit(printed, "REUTERS/", aliases) is expected


def test_a_blank_required_line_is_always_printed():
    assert prints_required_credit(use(1, DAY, credit_line=""), "", {})


def test_credit_identity_of_falls_back_to_the_agencies():
    assert credit_identity_of("Reuters TV", {"reuters": 9}) == 9
    assert credit_identity_of("Nobody", {}) == "?nobody"
    assert credit_identity_of("", {}) is None
