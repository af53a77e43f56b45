"""The audit's facts (``AssetFacts``, written by ``archive.audit.facts``): what they hold,
that every way of changing licences and placements keeps them, that a rebuild restores them,
and the report's SQL still agreeing with the rules after credits change."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from django.utils import timezone

from archive import audit
from archive.audit.facts import licence_facts, placement_facts, rebuild_facts, refresh_facts
from archive.models import Article, Asset, AssetFacts, Credit, CreditAlias, Licence, Placement
from archive.services import merge_credits
from tests.audit.mixed_archive import build_mixed_archive

AUDIT_FACT_FIELDS = (
    "licence_verified",
    "licence_kinds",
    "licence_licensors",
    "licence_licensor_key",
    "placement_count",
    "printed_credits",
    "printed_credit_id",
    "printed_line_only",
)

pytestmark = pytest.mark.django_db


def stored() -> dict[int, tuple]:
    return {row[0]: row[1:] for row in AssetFacts.objects.values_list("pk", *AUDIT_FACT_FIELDS)}


def assert_stored_facts_are_current() -> None:
    """What the signals stored equals what recomputing everything from the rows stores."""
    before = {row["asset_id"]: row for row in AssetFacts.objects.values()}
    assert rebuild_facts() == Asset.objects.count()
    assert {row["asset_id"]: row for row in AssetFacts.objects.values()} == before


def facts_of(asset: Asset) -> dict:
    return AssetFacts.objects.values(*AUDIT_FACT_FIELDS).get(asset=asset)


@pytest.fixture
def picture(db):
    getty = Credit.objects.create(name="GETTY", kind="agency", reviewed=True)
    CreditAlias.objects.create(credit=getty, alias="Getty Images")
    return Asset.objects.create(sha256="a" * 64, file="originals/aa/a.jpg", credit=getty)


def test_licences_are_folded_into_the_asset(picture):
    assert facts_of(picture) == {
        "licence_verified": False,
        "licence_kinds": 0,
        "licence_licensors": 0,
        "licence_licensor_key": "",
        "placement_count": 0,
        "printed_credits": 0,
        "printed_credit_id": None,
        "printed_line_only": False,
    }
    embed = Licence.objects.create(asset=picture, licence_type="social_embed", licensor="GETTY")
    assert facts_of(picture)["licence_kinds"] == 1
    assert facts_of(picture)["licence_licensor_key"] == "getty"
    other = Licence.objects.create(
        asset=picture, licence_type="editorial", licensor="Getty Images", verified_at=timezone.now()
    )
    facts = facts_of(picture)
    assert (facts["licence_kinds"], facts["licence_licensors"], facts["licence_verified"]) == (
        3,
        2,
        True,
    )
    assert facts["licence_licensor_key"] == "getty"  # the smaller key; two keys: rows decide
    other.delete()
    embed.licensor = ""
    embed.save()
    facts = facts_of(picture)
    assert (facts["licence_kinds"], facts["licence_licensors"], facts["licence_verified"]) == (
        1,
        0,
        False,
    )
    assert_stored_facts_are_current()


def test_placements_are_folded_into_the_asset(picture):
    article = Article.objects.create(headline="Story")
    getty, express = picture.credit, Credit.objects.create(name="Express", reviewed=True)
    first = Placement.objects.create(article=article, asset=picture, position=1, credit=getty)
    facts = facts_of(picture)
    assert (facts["placement_count"], facts["printed_credits"], facts["printed_credit_id"]) == (
        1,
        1,
        getty.pk,
    )
    Placement.objects.create(
        article=article, asset=picture, position=2, credit_line="(Image: Getty Images)"
    )
    assert facts_of(picture)["printed_line_only"] is True
    first.credit = express
    first.save()
    assert facts_of(picture)["printed_credit_id"] == express.pk
    Placement.objects.create(article=article, asset=picture, position=3, credit=getty)
    assert facts_of(picture)["printed_credits"] == 2
    assert_stored_facts_are_current()


def test_moving_filling_and_deleting_keep_both_assets_current(picture):
    article = Article.objects.create(headline="Story")
    other = Asset.objects.create(sha256="b" * 64, file="originals/bb/b.jpg")
    slot = Placement.objects.create(article=article, position=1, credit=picture.credit)
    slot.asset = picture  # an awaited file arrives
    slot.save()
    assert facts_of(picture)["placement_count"] == 1
    slot.asset = other
    slot.save()
    assert (facts_of(picture)["placement_count"], facts_of(other)["placement_count"]) == (0, 1)
    licence = Licence.objects.create(asset=picture, verified_at=timezone.now(), licensor="X")
    licence.asset = other
    licence.save()
    assert (facts_of(picture)["licence_verified"], facts_of(other)["licence_verified"]) == (
        False,
        True,
    )
    slot.delete()
    licence.delete()
    assert facts_of(other)["placement_count"] == 0
    assert facts_of(other)["licence_licensors"] == 0
    assert_stored_facts_are_current()


def test_merging_credits_refreshes_what_placements_print(picture):
    article = Article.objects.create(headline="Story")
    getty = picture.credit
    getty_images = Credit.objects.create(name="Getty Images News", reviewed=True)
    Placement.objects.create(article=article, asset=picture, position=1, credit=getty)
    Placement.objects.create(article=article, asset=picture, position=2, credit=getty_images)
    assert facts_of(picture)["printed_credits"] == 2
    merge_credits([getty_images], getty)
    assert (facts_of(picture)["printed_credits"], facts_of(picture)["printed_credit_id"]) == (
        1,
        getty.pk,
    )
    assert_stored_facts_are_current()


def rules_by_asset(today, days) -> dict[int, set[str]]:
    reports = audit.iter_reports(Asset.objects.order_by("id"), today=today, warning_days=days)
    return {report.id: {finding.kind for finding in report.findings} for report in reports}


def test_the_summary_agrees_with_the_rules_after_credits_and_aliases_change(db):
    build_mixed_archive(300, seed=11)
    today, days = timezone.localdate(), 30
    # Aliases and credits change after the facts were stored: merging a credit, an alias
    # pointed at another credit, an asset re-credited. The stored facts name no credit, so
    # the SQL must still agree with the rules, which read everything afresh.
    merge_credits([Credit.objects.get(name="AP")], Credit.objects.get(name="Reuters"))
    alias = CreditAlias.objects.get(key="x")
    alias.credit = Credit.objects.get(name="Express")
    alias.save()
    Asset.objects.filter(pk__in=Asset.objects.order_by("id").values("pk")[:20]).update(
        credit=Credit.objects.get(name="GETTY")
    )
    by_rules = rules_by_asset(today, days)
    summary = audit.summarise(Asset.objects.all(), today=today, warning_days=days)
    expected = Counter(kind for kinds in by_rules.values() for kind in kinds)
    assert summary.totals == {kind: expected[kind] for kind in audit.FINDINGS}
    for kind in audit.FLAG:
        flagged = audit.assets_with_finding(
            Asset.objects.all(), kind, today=today, warning_days=days
        )
        assert set(flagged.values_list("id", flat=True)) == {
            pk for pk, kinds in by_rules.items() if kind in kinds
        }, kind


def test_time_based_findings_need_no_save(db):
    build_mixed_archive(200, seed=12)
    days = 30
    for shift in (0, 1, 30, 31, 400, 901):
        today = timezone.localdate() + timedelta(days=shift)
        by_rules = rules_by_asset(today, days)
        summary = audit.summarise(Asset.objects.all(), today=today, warning_days=days)
        expected = Counter(kind for kinds in by_rules.values() for kind in kinds)
        assert summary.totals == {kind: expected[kind] for kind in audit.FINDINGS}, shift


def test_a_rebuild_restores_every_row(db):
    build_mixed_archive(120, seed=13)
    truth = stored()
    assert any(facts[1] == 3 for facts in truth.values())  # embed beside another type
    assert any(facts[2] > 1 for facts in truth.values())  # several licensors
    AssetFacts.objects.update(
        licence_verified=False,
        licence_kinds=0,
        licence_licensors=0,
        licence_licensor_key="",
        placement_count=0,
        printed_credits=0,
        printed_credit_id=None,
        printed_line_only=False,
    )
    AssetFacts.objects.filter(pk__in=list(truth)[:10]).delete()
    assert rebuild_facts() == len(truth)
    assert stored() == truth


def test_refresh_writes_only_the_assets_named_and_skips_blanks(picture):
    other = Asset.objects.create(sha256="c" * 64, file="originals/cc/c.jpg")
    AssetFacts.objects.all().delete()
    assert refresh_facts([picture.pk, None, 0, picture.pk]) == 1
    assert list(AssetFacts.objects.values_list("asset", flat=True)) == [picture.pk]
    assert refresh_facts([]) == 0
    assert not AssetFacts.objects.filter(asset=other).exists()


def test_an_asset_gets_its_embedded_credit_and_key(db):
    asset = Asset.objects.create(
        sha256="d" * 64,
        embedded_metadata={"xmp": {"photoshop:Credit": ["", " Getty Images "]}, "iptc": {}},
    )
    assert (asset.facts.embedded_credit, asset.facts.embedded_credit_key) == (
        "Getty Images",
        "gettyimages",
    )


def test_licence_facts_of_plain_rows():
    def row(starts, expires, kind="editorial", key="", verified=None) -> dict:
        return {
            "starts_on": starts,
            "expires_on": expires,
            "licence_type": kind,
            "licensor_key": key,
            "verified_at": verified,
        }

    jan, jun, dec = date(2026, 1, 1), date(2026, 6, 1), date(2026, 12, 31)
    assert licence_facts([])["licence_count"] == 0
    spanning = licence_facts([row(jan, dec, key="b"), row(jun, jun, "social_embed", "a")])
    assert spanning == {
        "licence_count": 2,
        "licence_starts_on": jan,
        "licence_expires_on": dec,
        "licence_window_single": True,
        "licence_verified": False,
        "licence_kinds": 3,
        "licence_licensors": 2,
        "licence_licensor_key": "a",
    }
    staggered = licence_facts([row(jan, jun), row(jun, dec, verified=jan)])
    assert staggered["licence_window_single"] is False and staggered["licence_verified"]
    open_ended = licence_facts([row(None, jun), row(jan, None)])
    assert (open_ended["licence_starts_on"], open_ended["licence_expires_on"]) == (None, None)
    assert open_ended["licence_window_single"] is False


def test_placement_facts_of_plain_rows():
    assert placement_facts([]) == {
        "placement_count": 0,
        "printed_credits": 0,
        "printed_credit_id": None,
        "printed_line_only": False,
    }
    rows = [
        {"credit_id": 7, "credit_line": ""},
        {"credit_id": 3, "credit_line": "(Image: AP)"},
        {"credit_id": None, "credit_line": ""},
    ]
    assert placement_facts(rows) == {
        "placement_count": 3,
        "printed_credits": 2,
        "printed_credit_id": 3,
        "printed_line_only": False,
    }
    rows.append({"credit_id": None, "credit_line": "(Image: AFP)"})
    assert placement_facts(rows)["printed_line_only"] is True
