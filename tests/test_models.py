"""The database rules that keep the catalogue sound."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from archive.models import Article, Asset, Claim, Credit, CreditAlias, Illustration, Placement
from archive.text import credit_key

pytestmark = pytest.mark.django_db


def make_asset(**fields) -> Asset:
    defaults = {
        "kind": Asset.Kind.PHOTO,
        "sha256": fields.pop("sha256", "a" * 64),
        "format": "jpeg",
    }
    defaults.update(fields)
    return Asset.objects.create(**defaults)


def test_credit_key_ignores_case_accents_and_punctuation():
    assert credit_key("GETTY") == credit_key("getty.") == credit_key(" Getty ")
    assert credit_key("Agence France-Presse") == credit_key("agence france presse")
    assert credit_key("Kyïv Post") == credit_key("kyiv post")
    assert credit_key("Getty Images") != credit_key("GETTY")


def test_credit_name_becomes_an_alias_and_aliases_are_unique():
    getty = Credit.objects.create(name="GETTY")
    CreditAlias.objects.create(credit=getty, alias="Getty Images")
    assert list(Credit.objects.matching("getty images")) == [getty]
    assert list(Credit.objects.matching("Getty")) == [getty]
    other = Credit.objects.create(name="Reuters")
    with pytest.raises(IntegrityError), transaction.atomic():
        CreditAlias.objects.create(credit=other, alias="GETTY IMAGES")


def test_credit_clean_refuses_a_name_that_is_another_credits_alias():
    getty = Credit.objects.create(name="GETTY")
    CreditAlias.objects.create(credit=getty, alias="Getty Images")
    with pytest.raises(ValidationError, match="already an alias"):
        Credit(name="getty images").full_clean()


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


def test_one_placement_per_article_and_position():
    article = Article.objects.create(headline="A story")
    asset = make_asset()
    Placement.objects.create(article=article, asset=asset, position=1, caption="One")
    with pytest.raises(IntegrityError), transaction.atomic():
        Placement.objects.create(article=article, asset=asset, position=1, caption="Again")
    with pytest.raises(IntegrityError), transaction.atomic():
        Placement.objects.create(article=article, asset=asset, position=0)
    # The same photo may run again at another position, or in another story.
    Placement.objects.create(article=article, asset=asset, position=2, caption="Later")
    other = Article.objects.create(headline="Another story")
    Placement.objects.create(article=other, asset=asset, position=1, caption="Elsewhere")
    assert asset.placements.count() == 3


def test_illustration_is_unique_per_asset_and_claim():
    asset = make_asset()
    claim = Claim.objects.create(text="A figure", claimant="Someone")
    Illustration.objects.create(asset=asset, claim=claim)
    with pytest.raises(IntegrityError), transaction.atomic():
        Illustration.objects.create(asset=asset, claim=claim)


def test_licence_cannot_expire_before_it_starts():
    import datetime

    from archive.models import Licence

    asset = make_asset()
    with pytest.raises(IntegrityError), transaction.atomic():
        Licence.objects.create(
            asset=asset, starts_on=datetime.date(2024, 1, 2), expires_on=datetime.date(2024, 1, 1)
        )


def test_article_url_is_unique_when_given():
    Article.objects.create(headline="One", url="https://example.org/a")
    Article.objects.create(headline="No URL")
    Article.objects.create(headline="No URL either")
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(headline="Two", url="https://example.org/a")


def test_history_records_caption_and_credit_changes(django_user_model):
    asset = make_asset(description="First caption")
    asset.description = "Second caption"
    asset.credit = Credit.objects.create(name="NC")
    asset.save()
    records = list(asset.history.order_by("history_date"))
    assert [r.description for r in records] == ["First caption", "Second caption"]
    assert records[-1].credit_id == asset.credit_id
    claim = Claim.objects.create(text="x")
    link = Illustration.objects.create(asset=asset, claim=claim)
    link.delete()
    assert Illustration.history.filter(asset_id=asset.pk).count() == 2


def test_figures_are_printed_with_grouping_except_years():
    from archive.templatetags.archive_format import figure

    assert figure(Claim(figure=12730, unit="soldiers")) == "12,730 soldiers"
    assert (
        figure(Claim(figure=1959, unit="year the AKM was introduced"))
        == "1959 year the AKM was introduced"
    )
    assert figure(Claim(figure="7.62", unit="mm")) == "7.62 mm"
    assert figure(Claim(figure=None, unit="x")) == ""
