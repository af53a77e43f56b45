"""Workflows several entry points share (archive/services.py): merging credits."""

from __future__ import annotations

import pytest

from archive.models import Asset, Credit, CreditAlias, Placement
from archive.services import merge_credits

pytestmark = pytest.mark.django_db


def test_merging_credits_moves_assets_and_placements_and_keeps_names_as_aliases(seeded):
    target = Credit.objects.create(name="GETTY IMAGES GROUP", reviewed=True)
    sources = list(Credit.objects.exclude(pk=target.pk).filter(assets__isnull=False).distinct()[:2])
    moved_assets = set(Asset.objects.filter(credit__in=sources))
    moved_placements = set(Placement.objects.filter(credit__in=sources))
    names = [credit.name for credit in sources]
    assert moved_assets
    assert merge_credits(sources, target) == 2
    assert set(Asset.objects.filter(credit=target)) == moved_assets
    assert set(Placement.objects.filter(credit=target)) >= moved_placements
    assert not Credit.objects.filter(name__in=names).exists()
    for name in names:
        assert Credit.objects.matching(name).get() == target
    asset = next(iter(moved_assets))
    assert asset.history.first().credit_id == target.pk  # the move is in the history


def test_a_merge_is_all_or_nothing(seeded, monkeypatch):
    target = Credit.objects.create(name="Target", reviewed=True)
    sources = list(Credit.objects.exclude(pk=target.pk).filter(assets__isnull=False).distinct())
    before = {asset.pk: asset.credit_id for asset in Asset.objects.all()}

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(CreditAlias.objects, "filter", fail)
    with pytest.raises(RuntimeError):
        merge_credits(sources, target)
    monkeypatch.undo()
    assert {asset.pk: asset.credit_id for asset in Asset.objects.all()} == before
    assert Credit.objects.filter(pk__in=[credit.pk for credit in sources]).count() == len(sources)
