"""Assets: one row per file's bytes, the rules of a still, and the history of what changes."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from archive.models import Asset, Claim, Illustration
from tests.factories import AssetFactory, CreditFactory

pytestmark = pytest.mark.django_db


def make_asset(**fields) -> Asset:
    return AssetFactory(without_file=True, **fields)


def test_sha256_is_unique():
    make_asset(sha256="b" * 64)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_asset(sha256="b" * 64)


def test_still_needs_a_video_and_a_timecode_in_the_database():
    video = make_asset(kind=Asset.Kind.VIDEO, sha256="c" * 64, format="mp4")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_asset(kind=Asset.Kind.STILL, sha256="d" * 64, video=None, timecode=1.0)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_asset(kind=Asset.Kind.STILL, sha256="d" * 64, video=video, timecode=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_asset(kind=Asset.Kind.STILL, sha256="d" * 64, video=video, timecode=-0.5)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_asset(kind=Asset.Kind.PHOTO, sha256="d" * 64, video=video, timecode=1.0)
    still = make_asset(kind=Asset.Kind.STILL, sha256="d" * 64, video=video, timecode=0)
    assert still.video == video
    with pytest.raises(IntegrityError), transaction.atomic():
        make_asset(kind=Asset.Kind.STILL, sha256="e" * 64, video=video, timecode=0)


def test_still_clean_explains_the_rule():
    photo = make_asset(sha256="f" * 64)
    with pytest.raises(ValidationError) as raised:
        Asset(
            kind=Asset.Kind.STILL, sha256="1" * 64, format="jpeg", video=photo, timecode=None
        ).clean()
    assert "only be cut from a video" in str(raised.value)
    assert "timecode" in raised.value.message_dict


def test_history_records_caption_and_credit_changes(django_user_model):
    asset = make_asset(description="First caption")
    asset.description = "Second caption"
    asset.credit = CreditFactory(name="NC")
    asset.save()
    records = list(asset.history.order_by("history_date"))
    assert [r.description for r in records] == ["First caption", "Second caption"]
    assert records[-1].credit_id == asset.credit_id
    claim = Claim.objects.create(text="x")
    link = Illustration.objects.create(asset=asset, claim=claim)
    link.delete()
    assert Illustration.history.filter(asset_id=asset.pk).count() == 2


@pytest.mark.django_db
def test_credential_summaries_are_read_for_valid_credentials_only(django_assert_num_queries):
    summary = {"actions": [{"digital_source_type": "trainedAlgorithmicMedia"}]}
    trusted = AssetFactory(c2pa_state="trusted", c2pa_summary=summary)
    untrusted = AssetFactory(c2pa_state="untrusted", c2pa_summary={"actions": []})
    invalid = AssetFactory(c2pa_state="invalid", c2pa_summary=summary)
    states = [(a.pk, a.c2pa_state) for a in (trusted, untrusted, invalid)]
    with django_assert_num_queries(1):
        found = Asset.objects.credential_summaries(states)
    assert found == {trusted.pk: summary, untrusted.pk: {"actions": []}}
    with django_assert_num_queries(0):
        assert Asset.objects.credential_summaries([(invalid.pk, "invalid")]) == {}
