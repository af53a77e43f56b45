"""The pre-publication check's pure verdicts (``archive.rights.prepublication``)."""

from __future__ import annotations

from datetime import date

from archive.rights.prepublication import (
    AS_REQUIRED,
    NONE_REQUIRED,
    NOT_AS_REQUIRED,
    Candidate,
    ClaimFlag,
    PictureFacts,
    assess,
    assess_picture,
    credit_check,
    overall,
)
from archive.rights.rules import (
    AgreementTerms,
    CategoryTerms,
    LeaseTerms,
    RightsFacts,
    UsageRequest,
)
from archive.text import credit_key

DAY = date(2026, 6, 15)
WEB = UsageRequest("web", DAY, "")
ALIASES = {credit_key("GETTY"): 1, credit_key("Getty Images"): 1, credit_key("Reuters"): 2}
GETTY = AgreementTerms(
    id=10,
    supplier="GETTY",
    supplier_id=1,
    categories=("agency",),
    required_credit_line="Getty Images",
    monthly_quota=3,
    cost="free",
)
AGENCY = CategoryTerms("agency", "Agency", "pay", True)
STAFF = CategoryTerms("staff", "Staff", "free", False)


def picture(position=1, *, rights=None, caption="A caption", credit_line="GETTY", **kwargs):
    return PictureFacts(
        position=position,
        caption=caption,
        credit_line=credit_line,
        asset_id=position if rights is not None else None,
        rights=rights,
        **kwargs,
    )


def getty(asset_id=1, used=0, **kwargs):
    return RightsFacts(id=asset_id, category=AGENCY, agreements=(GETTY,), quota_used=used, **kwargs)


def test_a_picture_not_in_the_archive_is_a_no_that_says_so():
    verdict = assess_picture(picture(), WEB, aliases=ALIASES)
    assert verdict.verdict == "no" and verdict.usability is None
    assert [p.code for p in verdict.reasons] == ["not_in_archive"]
    assert verdict.as_json()["matched"] is False


def test_a_file_given_and_not_held_is_a_no_with_its_candidate_and_a_warning():
    candidate = Candidate(6, "Sergei Shoigu", "same caption and credit line")
    facts = picture(2, file_not_held="ab" * 32, candidate=candidate)
    verdict = assess_picture(facts, WEB, aliases=ALIASES)
    assert verdict.verdict == "no" and verdict.as_json()["matched"] is False
    (reason,) = verdict.reasons
    assert reason.text == (
        "this file is not in the archive (SHA-256 abababababababab…); a candidate, not the "
        "match: asset #6 “Sergei Shoigu” (same caption and credit line), which is another "
        "file: its rights cannot be checked"
    )
    assert verdict.warning.startswith("Picture 2: this file is not in the archive")
    assert verdict.as_json()["candidate"]["asset"] == 6
    assert assess_picture(picture(), WEB, aliases=ALIASES).warning == ""


def test_the_credit_line_required_printed_under_an_alias_meets_the_condition():
    verdict = assess_picture(picture(rights=getty()), WEB, aliases=ALIASES)
    assert verdict.credit.status == AS_REQUIRED
    assert [p.code for p in verdict.met] == ["credit_line"]
    assert verdict.verdict == "yes"  # free, in quota, credited as required


def test_another_credit_line_is_a_condition_left_to_meet():
    verdict = assess_picture(picture(rights=getty(), credit_line="Reuters"), WEB, aliases=ALIASES)
    assert verdict.credit.status == NOT_AS_REQUIRED
    codes = [p.code for p in verdict.conditions]
    assert "credit_line" in codes and "credit_line_wrong" in codes
    assert verdict.verdict == "conditions"


def test_credit_check_without_agreement():
    assert credit_check("Anything", None, ALIASES).status == NONE_REQUIRED


def test_the_drafts_own_pictures_count_against_the_quota():
    pictures = [picture(n, rights=getty(n, used=1)) for n in (1, 2, 3)]
    first, second, third = assess(pictures, WEB, aliases=ALIASES)
    assert (first.quota.used, first.quota.left) == (1, 2)
    assert (second.quota.used, second.quota.left) == (2, 1)
    assert third.quota.left == 0 and third.verdict == "no"
    assert [p.code for p in third.reasons] == ["over_quota"]


def test_a_picture_that_cannot_run_uses_none_of_the_quota():
    # Issue 19: a picture held by a deny lease will not run, so the next one keeps its use.
    lease = LeaseTerms(1, "deny", "use", None, None, "held")
    held = picture(1, rights=getty(1, used=2, leases=(lease,)))
    first, second = assess([held, picture(2, rights=getty(2, used=2))], WEB, aliases=ALIASES)
    assert first.verdict == "no" and [p.code for p in first.reasons] == ["deny_lease"]
    assert (second.quota.used, second.quota.left) == (2, 1)
    assert second.verdict == "yes"


def test_a_deny_lease_is_a_no_whatever_else_is_met():
    lease = LeaseTerms(1, "deny", "use", None, None, "held")
    verdict = assess_picture(picture(rights=getty(leases=(lease,))), WEB, aliases=ALIASES)
    assert verdict.verdict == "no" and [p.code for p in verdict.reasons] == ["deny_lease"]


def test_ai_made_pictures_warn_unless_the_caption_says_so():
    staff = RightsFacts(id=1, category=STAFF, digital_source_type="trainedAlgorithmicMedia")
    silent = assess_picture(
        picture(rights=staff, ai_source_types=("trainedAlgorithmicMedia",)), WEB, aliases={}
    )
    assert silent.ai_generated and silent.verdict == "conditions"
    assert [p.code for p in silent.conditions] == ["ai_undisclosed"]
    assert "AI-generated" in silent.conditions[0].text
    told = assess_picture(
        picture(
            rights=staff,
            caption="An AI-generated view",
            ai_source_types=("trainedAlgorithmicMedia",),
        ),
        WEB,
        aliases={},
    )
    assert told.verdict == "yes" and [p.code for p in told.met] == ["ai_disclosure"]


def test_content_credentials_alone_make_it_ai_made():
    staff = RightsFacts(id=1, category=STAFF)
    verdict = assess_picture(
        picture(
            rights=staff, ai_source_types=("digitalCapture", "compositeWithTrainedAlgorithmicMedia")
        ),
        WEB,
        aliases={},
    )
    assert verdict.ai_generated and [p.code for p in verdict.conditions] == ["ai_undisclosed"]


def test_claims_rated_false_or_disputed_are_conditions():
    flags = (
        ClaimFlag(7, "It happened", "false", 1),
        ClaimFlag(8, "It was big", "disputed", 9, look_alike=True),
    )
    staff = RightsFacts(id=1, category=STAFF)
    verdict = assess_picture(picture(rights=staff, claims=flags), WEB, aliases={})
    assert [p.code for p in verdict.conditions] == ["false_claim", "disputed_claim"]
    assert "look-alike asset #9" in verdict.conditions[1].text
    assert verdict.as_json()["claims"][1] == {
        "claim": 8,
        "text": "It was big",
        "status": "disputed",
        "asset": 9,
        "look_alike": True,
    }


def test_overall_verdict():
    staff = RightsFacts(id=1, category=STAFF)
    yes = assess_picture(picture(rights=staff), WEB, aliases={})
    flagged = assess_picture(
        picture(rights=staff, claims=(ClaimFlag(1, "x", "false", 1),)), WEB, aliases={}
    )
    missing = assess_picture(picture(), WEB, aliases={})
    assert overall([]) == "yes"
    assert overall([yes]) == "yes"
    assert overall([yes, flagged]) == "conditions"
    assert overall([yes, flagged, missing]) == "no"
