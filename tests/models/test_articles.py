"""Articles, placements and illustrations: the database rules that keep them sound."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from archive.models import Article, Illustration, Placement
from tests.factories import ArticleFactory, AssetFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def test_one_placement_per_article_and_position():
    article = ArticleFactory(headline="A story")
    asset = AssetFactory(without_file=True)
    Placement.objects.create(article=article, asset=asset, position=1, caption="One")
    with pytest.raises(IntegrityError), transaction.atomic():
        Placement.objects.create(article=article, asset=asset, position=1, caption="Again")
    with pytest.raises(IntegrityError), transaction.atomic():
        Placement.objects.create(article=article, asset=asset, position=0)
    # The same photo may run again at another position, or in another story.
    Placement.objects.create(article=article, asset=asset, position=2, caption="Later")
    other = ArticleFactory(headline="Another story")
    Placement.objects.create(article=other, asset=asset, position=1, caption="Elsewhere")
    assert asset.placements.count() == 3


def test_illustration_is_unique_per_asset_and_claim():
    asset = AssetFactory(without_file=True)
    claim = ClaimFactory(article=None, text="A figure", claimant="Someone")
    Illustration.objects.create(asset=asset, claim=claim)
    with pytest.raises(IntegrityError), transaction.atomic():
        Illustration.objects.create(asset=asset, claim=claim)


def test_article_url_is_unique_when_given():
    Article.objects.create(headline="One", url="https://example.org/a")
    Article.objects.create(headline="No URL")
    Article.objects.create(headline="No URL either")
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(headline="Two", url="https://example.org/a")
