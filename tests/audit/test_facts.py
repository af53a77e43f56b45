"""The audit's facts (``AssetFacts``, written by ``archive.audit.facts``): what they hold,
that every way of changing licences and placements keeps them, that a rebuild restores them,
and the report's SQL still agreeing with the rules after credits change."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from archive import audit
from archive.audit.facts import rebuild_facts, refresh_facts
from archive.models import (
    Article,
    Asset,
    AssetFacts,
    Credit,
    CreditAlias,
    Licence,
    Placement,
    UsageCategory,
    UsageRights,
)
from archive.services import merge_credits
from archive.text import credit_key
from tests.audit.mixed_archive import build_mixed_archive
from tests.audit.oracle import ai_disclosure_facts, licence_facts, placement_facts

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


def test_the_assets_credit_video_and_data_mining_are_copied_and_follow_edits(picture):
    """The usable filter reads them from the facts (archive.rights.sql), never the asset row."""
    video = Asset.objects.create(sha256="b" * 64, kind=Asset.Kind.VIDEO)
    still = Asset.objects.create(
        sha256="c" * 64,
        kind=Asset.Kind.STILL,
        video=video,
        timecode=2.5,
        credit=picture.credit,
        data_mining="DMI-PROHIBITED-AIMLTRAINING",
    )

    def copied(asset: Asset) -> tuple:
        return AssetFacts.objects.values_list("credit_id", "video_id", "data_mining").get(
            asset=asset
        )

    assert copied(still) == (picture.credit_id, video.pk, "DMI-PROHIBITED-AIMLTRAINING")
    assert copied(video) == (None, None, "")
    afp = Credit.objects.create(name="AFP", kind="agency", reviewed=True)
    still.credit, still.data_mining = afp, ""
    still.save()
    assert copied(still) == (afp.pk, video.pk, "")
    merge_credits([afp], picture.credit)  # moves the asset without a signal
    assert copied(still) == (picture.credit_id, video.pk, "")
    assert_stored_facts_are_current()


@pytest.mark.django_db(transaction=True)
def test_migration_0020_copies_the_asset_fields_into_the_facts_rows_it_finds():
    before, after = (
        ("archive", "0019_rights_decide_covering"),
        ("archive", "0020_facts_asset_fields"),
    )
    executor = MigrationExecutor(connection)
    executor.migrate([before])
    old = executor.loader.project_state([before]).apps
    credit = old.get_model("archive", "Credit").objects.create(name="GETTY")
    assets = old.get_model("archive", "Asset").objects
    video = assets.create(sha256="e" * 64, kind="video")
    still = assets.create(
        sha256="f" * 64, kind="still", video=video, timecode=1.0, credit=credit,
        data_mining="DMI-PROHIBITED",
    )  # fmt: skip
    for asset in (video, still):
        old.get_model("archive", "AssetFacts").objects.create(asset=asset)
    executor = MigrationExecutor(connection)
    executor.migrate([after])
    copied = AssetFacts.objects.values_list("asset_id", "credit_id", "video_id", "data_mining")
    assert set(copied) == {
        (video.pk, None, None, ""),
        (still.pk, credit.pk, video.pk, "DMI-PROHIBITED"),
    }


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


def generated_assets(count: int, seed: int) -> list[Asset]:
    """Make assets with every shape of licences and placements the facts fold: open starts
    and ends, gaps, staggered ends, an embed beside other types, several licensors (keys out
    of order, accented), placements with and without a credit record, bare credit lines."""
    rng = random.Random(seed)
    day = date(2026, 6, 1)
    credits = [Credit.objects.create(name=f"Agency {n}", reviewed=True) for n in range(3)]
    articles = [Article.objects.create(headline=f"Story {n}") for n in range(3)]
    names = ["GETTY", "Getty Images", "Zeta Press", "Émile Photo", "agence b", "AP", ""]
    metadata = [
        {},
        {"xmp": {"photoshop:Credit": {"x-default": " Reuters "}}},
        {"xmp": {"photoshop:Credit": ["", "AP Photo"]}, "iptc": {"Credit": "ignored"}},
        {"iptc": {"Credit": "Getty Images"}},
        {"xmp": {"photoshop:Credit": ""}, "iptc": {}},
    ]
    # How each picture was made and its printed captions: a second stream, so the rows
    # above stay the same for a seed.
    made = random.Random(seed + 1)
    sources = ["", "digitalCapture", "trainedAlgorithmicMedia", "algorithmicMedia",
               "compositeWithTrainedAlgorithmicMedia", "compositeSynthetic"]  # fmt: skip
    captions = ["", "Troops", "AI-generated view", "Généré par l'IA", "Flood"]
    # The asset's own fields the facts copy (credit, video, data mining): a third stream.
    own = random.Random(seed + 2)
    videos = Asset.objects.bulk_create(
        Asset(sha256=f"{seed:08d}v{n:055d}", kind=Asset.Kind.VIDEO) for n in (1, 2)
    )
    mining = ["", "DMI-PROHIBITED-AIMLTRAINING", "DMI-ALLOWED"]
    assets = Asset.objects.bulk_create(
        Asset(
            sha256=f"{seed:08d}{n:056d}",
            embedded_metadata=rng.choice(metadata),
            digital_source_type=made.choice(sources),
            credit=own.choice([None, *credits]),
            data_mining=own.choice(mining),
            **(
                {"kind": Asset.Kind.STILL, "video": own.choice(videos), "timecode": float(n)}
                if own.random() < 0.2
                else {}
            ),
        )
        for n in range(count)
    )
    licences, placements = [], []
    for asset in assets:
        for _ in range(rng.choice([0, 1, 2, 2, 3, 4])):
            start = rng.choice([None, -300, -10, 0, 20])
            end = rng.choice([None, -100, -1, 0, 15, 400])
            if start is not None and end is not None and end < start:
                start, end = end, start
            licensor = rng.choice(names)
            licences.append(
                Licence(
                    asset=asset,
                    licence_type=rng.choice(["social_embed", "editorial", "rights_managed"]),
                    licensor=licensor,
                    licensor_key=credit_key(licensor),
                    starts_on=None if start is None else day + timedelta(days=start),
                    expires_on=None if end is None else day + timedelta(days=end),
                    verified_at=timezone.now() if rng.random() < 0.4 else None,
                )
            )
        for _ in range(rng.choice([0, 0, 1, 2, 3])):
            credit = rng.choice([None, None, *credits])
            placements.append(
                Placement(
                    article=rng.choice(articles),
                    asset=asset,
                    position=len(placements) + 1,
                    credit=credit,
                    credit_line=rng.choice(["", "(Image: Zeta Press)", "AFP"]),
                    caption=made.choice(captions),
                )
            )
    Licence.objects.bulk_create(licences)
    Placement.objects.bulk_create(placements)
    # A usage category on some (or a usage rights row without one), read by the usable filter.
    categories = [None, *UsageCategory.objects.all()]
    UsageRights.objects.bulk_create(
        UsageRights(asset=asset, category=rng.choice(categories))
        for asset in assets
        if rng.random() < 0.4
    )
    return assets


def expected_facts() -> dict[int, dict]:
    """Every asset's facts row by the plain-Python oracle, from the rows as they are now."""
    licences: dict[int, list] = defaultdict(list)
    for row in Licence.objects.values(
        "asset_id", "starts_on", "expires_on", "verified_at", "licence_type", "licensor_key"
    ):
        licences[row["asset_id"]].append(row)
    placements: dict[int, list] = defaultdict(list)
    for row in Placement.objects.exclude(asset=None).values(
        "asset_id", "credit_id", "credit_line", "caption"
    ):
        placements[row["asset_id"]].append(row)
    categories = dict(UsageRights.objects.values_list("asset_id", "category_id"))
    expected = {}
    for pk, metadata, source, credit_id, video_id, data_mining in Asset.objects.values_list(
        "pk", "embedded_metadata", "digital_source_type", "credit_id", "video_id", "data_mining"
    ):
        credit = audit.embedded_credit(metadata)
        expected[pk] = {
            "asset_id": pk,
            **licence_facts(licences[pk]),
            **placement_facts(placements[pk]),
            "embedded_credit": credit,
            "embedded_credit_key": credit_key(credit),
            **ai_disclosure_facts(source, placements[pk]),
            "usage_category_id": categories.get(pk),
            # The asset's own fields, copied for the usable filter.
            "credit_id": credit_id,
            "video_id": video_id,
            "data_mining": data_mining,
        }
    return expected


def test_the_sql_writer_equals_the_plain_rules_on_generated_cases(db):
    generated_assets(400, seed=21)
    expected = expected_facts()
    assert not AssetFacts.objects.exists()  # bulk_create sends no signals
    assert rebuild_facts() == len(expected)
    assert {row["asset_id"]: row for row in AssetFacts.objects.values()} == expected
    rows = list(expected.values())
    # The cases the rows must cover, so that the comparison means something.
    assert {row["licence_kinds"] for row in rows} == {0, 1, 2, 3}
    assert len({row["usage_category_id"] for row in rows}) > 2
    assert len({row["credit_id"] for row in rows}) == 4  # none and three credits
    assert {row["video_id"] is None for row in rows} == {True, False}
    assert len({row["data_mining"] for row in rows}) == 3
    assert any(not row["licence_window_single"] for row in rows)
    assert any(row["licence_count"] > 1 and row["licence_window_single"] for row in rows)
    assert any(row["licence_count"] and row["licence_starts_on"] is None for row in rows)
    assert any(row["licence_count"] and row["licence_expires_on"] is None for row in rows)
    assert any(row["ai_undisclosed_placements"] > 1 for row in rows)
    assert any(row["licence_licensors"] > 2 for row in rows)
    assert any(row["printed_credits"] > 1 for row in rows)
    assert any(row["printed_line_only"] for row in rows)
    assert any(row["placement_count"] and row["printed_credit_id"] is None for row in rows)
    assert {row["embedded_credit"] for row in rows} >= {"", "Reuters", "AP Photo", "Getty Images"}


def test_a_refresh_equals_a_rebuild(db):
    generated_assets(150, seed=22)
    rebuild_facts()
    rebuilt = {row["asset_id"]: row for row in AssetFacts.objects.values()}
    AssetFacts.objects.all().delete()
    ids = list(Asset.objects.values_list("pk", flat=True))
    assert refresh_facts(ids) == len(ids)
    assert {row["asset_id"]: row for row in AssetFacts.objects.values()} == rebuilt
    # A stale row is overwritten, the embedded credit included (blank when no longer named).
    Asset.objects.filter(pk=ids[0]).update(embedded_metadata={})
    AssetFacts.objects.filter(pk=ids[0]).update(licence_count=99, embedded_credit="Old")
    refresh_facts(ids[:1])
    assert AssetFacts.objects.values().get(pk=ids[0]) == expected_facts()[ids[0]]


def test_a_refresh_drops_the_row_of_an_asset_that_is_gone(picture):
    other = Asset.objects.create(sha256="e" * 64)
    with connection.cursor() as cursor:  # deleted without signals, as raw SQL would
        cursor.execute("DELETE FROM archive_assetsearchdocument WHERE asset_id = %s", [other.pk])
        cursor.execute("DELETE FROM archive_asset WHERE id = %s", [other.pk])
    assert AssetFacts.objects.filter(asset_id=other.pk).exists()
    assert refresh_facts([other.pk, picture.pk]) == 1
    assert list(AssetFacts.objects.values_list("asset_id", flat=True)) == [picture.pk]
