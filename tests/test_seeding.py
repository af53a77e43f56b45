"""The seed article: what `make run` shows a newcomer, loaded idempotently."""

from __future__ import annotations

import pytest
import yaml
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command

from archive.models import Article, Asset, Claim, Credit, Illustration, Licence, Placement

pytestmark = pytest.mark.django_db

MANIFEST = yaml.safe_load((settings.BASE_DIR / "seeds" / "manifest.yaml").read_text("utf-8"))


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Article, Asset, Claim, Credit, Illustration, Licence, Placement)
    }


def test_seed_catalogues_the_article(seeded):
    assert Asset.objects.count() == 8
    assert Article.objects.count() == 1
    assert Placement.objects.count() == 8
    assert Claim.objects.count() >= 12
    assert not Asset.objects.filter(illustrations__isnull=True).exists(), (
        "every asset illustrates a claim"
    )
    kinds = sorted(Asset.objects.values_list("kind", flat=True))
    assert kinds == sorted(
        ["video", "still", "photo", "photo", "photo", "photo", "social", "graphic"]
    )


def test_seed_placements_are_exactly_as_printed(seeded):
    article = Article.objects.get()
    assert article.headline == MANIFEST["article"]["headline"]
    assert str(article.published_on) == "2022-10-31"
    placements = list(article.placements.select_related("asset", "credit"))
    assert [p.position for p in placements] == list(range(1, 9))
    for placement, entry in zip(
        placements, sorted(MANIFEST["assets"], key=lambda e: e["position"]), strict=True
    ):
        assert placement.caption == entry["caption"]
        assert placement.credit_line == entry["credit_line"]
        assert placement.alt_text == entry["alt"]
        assert placement.asset.credit.name == entry["credit"]
    video = placements[0]
    assert (
        video.kind == "video"
        and video.title == "Ukraine: Russian vehicle flips over fleeing incoming fire"
    )
    printed = {f"{p.caption} {p.credit_line}" for p in placements}
    assert "Russian soldiers moments before the armoured car flips (Image: NC)" in printed
    assert (
        "Vladimir Putin has now lost more than 71,000 troops, Ukraine claims (Image: GETTY)"
        in printed
    )


def test_seed_still_is_cut_from_its_video_at_its_timecode(seeded):
    still = Asset.objects.get(kind="still")
    video = Asset.objects.get(kind="video")
    assert still.video == video
    assert still.timecode == 2.5
    assert video.duration == pytest.approx(4.0, abs=0.1)
    assert still.credit == video.credit and still.credit.name == "NC"
    assert (still.width, still.height) == (video.width, video.height) == (640, 360)


def test_seed_files_went_through_ingest(seeded):
    for asset in Asset.objects.all():
        assert asset.file.name and default_storage.exists(asset.file.name)
        assert asset.thumbnail and default_storage.exists(asset.thumbnail)
        # Made by the background task (run at once in the tests), a video's from its poster.
        assert asset.preview and asset.processing_state == "ready"
        assert len(asset.sha256) == 64 and len(asset.phash) == 16
    tweet = Asset.objects.get(kind="social")
    # The credit came from the XMP embedded in the stand-in card, read by the ingest path.
    assert tweet.credit.name == "Twitter"
    assert "credit" not in tweet.edited_fields
    assert tweet.embedded_metadata, "raw metadata kept"
    # Stand-ins must not be mistaken for look-alikes of each other.
    assert not Asset.objects.filter(near_duplicate_of__isnull=False).exists()


def test_seed_claims_match_the_manifest(seeded):
    by_text = {claim.text: claim for claim in Claim.objects.all()}
    for entry in MANIFEST["claims"]:
        claim = by_text[entry["text"]]
        assert claim.claimant == entry["claimant"]
        assert claim.status == entry["status"]
        if "figure" in entry:
            assert claim.figure == entry["figure"]
    assert (
        by_text["Ukraine killed 12,730 Russian soldiers last month (October 2022)."].figure == 12730
    )
    shoigu = Asset.objects.get(title="Sergei Shoigu")
    assert {c.figure for c in Claim.objects.filter(illustrations__asset=shoigu)} == {300000, 82000}


def test_seed_is_idempotent(seeded):
    before = counts()
    call_command("seed")
    call_command("seed")
    assert counts() == before


def test_seed_demo_licences_are_marked(seeded):
    assert Licence.objects.count() == len(MANIFEST["demo_licences"])
    assert not Licence.objects.filter(is_demo=False).exists()
    assert not Licence.objects.filter(asset__credit__name="NC").exists(), "NC has no licence"
