"""The pre-publication check against the database: matching, facts, the record, the queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.articles import parse_article
from archive.models import Illustration, MediaLease, Placement, PrepublicationCheck
from archive.rights.check import MATCH_HASH, check_draft, look_alikes
from archive.rights.rules import UsageRequest
from tests.rights.desk import DAY, DRAFT, build_desk_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    return build_desk_archive()


def run(desk, text=DRAFT, *, user=None, medium="web", hashes=None):
    draft = parse_article(text)
    if hashes is None:
        hashes = {2: desk["tanks"].sha256}
    return check_draft(draft, UsageRequest(medium, DAY, "GB"), user=user, hashes=hashes)


def test_each_picture_is_matched_and_judged(desk, role_users):
    result = run(desk, user=role_users["journalist"])
    shoigu, tanks, drone, unknown = result.as_json()["pictures"]

    assert (
        shoigu["asset"] == desk["shoigu"].pk and shoigu["match"] == "same caption and credit line"
    )
    assert shoigu["verdict"] == "conditions"
    assert shoigu["credit_line_check"]["status"] == "as_required"  # GETTY is Getty Images
    assert shoigu["quota"] == {"supplier": "GETTY", "monthly_quota": 2, "used": 1, "left": 1}
    assert [c["claim"] for c in shoigu["claims"]] == [desk["claim"].pk]
    assert shoigu["claims"][0]["look_alike"] and shoigu["claims"][0]["status"] == "false"

    assert tanks["asset"] == desk["tanks"].pk and tanks["match"] == MATCH_HASH
    assert tanks["verdict"] == "no"
    assert [r["code"] for r in tanks["reasons"]] == ["over_quota"]  # picture 1 used the last
    assert tanks["credit_line_check"]["status"] == "not_as_required"
    assert "credit_line_wrong" in [c["code"] for c in tanks["conditions"]]

    assert drone["asset"] == desk["drone"].pk and drone["verdict"] == "conditions"
    assert drone["ai_generated"]
    assert [c["code"] for c in drone["conditions"]] == ["ai_undisclosed"]

    assert not unknown["matched"] and unknown["verdict"] == "no"
    assert [r["code"] for r in unknown["reasons"]] == ["not_in_archive"]
    assert result.verdict == "no"


def test_the_check_is_recorded(desk, role_users):
    user = role_users["auditor"]
    result = run(desk, user=user)
    record = PrepublicationCheck.objects.get()
    assert record == result.record and record.user == user and record.via == "page"
    assert (record.medium, record.publication_date, record.territory) == ("web", DAY, "GB")
    assert record.title == "Minister visits the front"
    assert record.draft_sha256 == result.draft_sha256 and len(record.draft_sha256) == 64
    assert record.verdict == "no"
    assert [p["verdict"] for p in record.pictures] == ["conditions", "no", "conditions", "no"]


def test_a_disclosed_ai_picture_and_a_medium_the_agreement_leaves_out(desk):
    desk["drone"].description = "An AI-generated drone over the city"
    desk["drone"].save()
    text = DRAFT.replace(
        "A drone over the city (Image: Staff)",
        "An AI-generated drone over the city (Image: Staff)",
    )
    result = run(desk, text, medium="social")
    shoigu, _, drone, _ = result.pictures
    assert drone.verdict == "yes" and drone.ai_generated
    assert [p.code for p in drone.met] == ["ai_disclosure"]
    assert shoigu.verdict == "no"  # the Getty agreement covers web and print only
    assert [p.code for p in shoigu.reasons] == ["not_covered"]


def test_a_still_is_judged_with_its_videos_leases(desk):
    Asset = type(desk["drone"])
    video = Asset.objects.create(sha256="f" * 64, title="Drone footage", kind=Asset.Kind.VIDEO)
    desk["drone"].kind, desk["drone"].video, desk["drone"].timecode = "still", video, 3.0
    desk["drone"].save()
    lease = MediaLease.objects.create(asset=video, access="deny", scope="use", note="embargo")
    drone = run(desk).pictures[2]
    assert drone.facts.asset_id == desk["drone"].pk and drone.verdict == "no"
    assert [p.text for p in drone.reasons] == [
        "a lease denies use (embargo) (on the video it was cut from)"
    ]
    lease.access = "allow"
    lease.save()
    drone = run(desk).pictures[2]
    assert drone.verdict == "conditions"
    assert "a lease allows it (embargo) (on the video it was cut from)" in [
        p.text for p in drone.conditions
    ]


def test_look_alikes_as_the_ingest_recorded_them_both_ways(desk):
    Asset = type(desk["tanks"])
    sibling = Asset.objects.create(
        sha256="e" * 64, title="Sibling", near_duplicate_of=desk["shoigu"]
    )
    found = look_alikes([desk["shoigu"], desk["look_alike"], desk["tanks"]])
    assert found[desk["shoigu"].pk] == {desk["look_alike"].pk, sibling.pk}
    assert found[desk["look_alike"].pk] == {desk["shoigu"].pk, sibling.pk}
    assert found[desk["tanks"].pk] == set()


def test_a_claim_illustrated_by_the_picture_itself(desk):
    Illustration.objects.create(claim=desk["claim"], asset=desk["shoigu"])
    desk["claim"].status = "disputed"
    desk["claim"].save()
    shoigu = run(desk).pictures[0]
    assert [(f.claim_id, f.status, f.look_alike) for f in shoigu.facts.claims] == [
        (desk["claim"].pk, "disputed", False)
    ]


def drafts_with(pictures: int) -> str:
    blocks = [
        f"Picture {n}\n\nCaption number {n} (Image: GETTY)\n\nParagraph {n}.\n"
        for n in range(pictures)
    ]
    return "A story\n\nBy Someone\n\nIt begins.\n\n" + "\n".join(blocks)


def test_queries_do_not_grow_with_the_pictures(desk):
    earlier = Placement.objects.get().article
    for n in range(12):
        asset = type(desk["tanks"]).objects.create(
            sha256=f"{n:064x}", title=f"P{n}", credit=desk["getty"], phash=f"{n:016x}"
        )
        Placement.objects.create(
            article=earlier,
            asset=asset,
            position=n + 2,
            caption=f"Caption number {n}",
            credit_line="(Image: GETTY)",
        )
    counts = []
    for pictures in (2, 12):
        draft = parse_article(drafts_with(pictures))
        assert len(draft.placements) == pictures
        with CaptureQueriesContext(connection) as queries:
            result = check_draft(draft, UsageRequest("web", DAY, ""), user=None, hashes={})
        assert all(p.facts.asset_id for p in result.pictures)
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
