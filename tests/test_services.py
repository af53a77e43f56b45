"""Workflows several entry points share (archive/services.py): credits resolved, seeded, merged."""

from __future__ import annotations

import pytest

from archive.agencies import AGENCIES
from archive.models import Asset, Credit, CreditAlias, Placement
from archive.services import merge_credits, resolve_credit, seed_agencies

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


def test_an_agency_spelling_finds_the_credit_recorded_under_another():
    pa = resolve_credit("PA")
    assert pa.name == "PA" and pa.kind == Credit.Kind.AGENCY and not pa.reviewed
    assert resolve_credit("PA Wire") == pa
    assert resolve_credit("Press Association") == pa
    assert Credit.objects.count() == 1


def test_the_desks_own_name_for_an_agency_is_kept():
    getty = Credit.objects.create(name="GETTY", reviewed=True)
    assert resolve_credit("Getty Images") == getty
    assert resolve_credit("AFP via Getty Images".split(" via ")[1]) == getty
    assert CreditAlias.objects.filter(credit=getty, alias="Getty Images").exists()
    assert resolve_credit("AFP") != getty


def test_a_lookup_without_create_writes_nothing():
    Credit.objects.create(name="Reuters")
    aliases = CreditAlias.objects.count()
    assert resolve_credit("REUTERS", create=False).name == "Reuters"
    assert resolve_credit("Thomson Reuters", create=False).name == "Reuters"
    assert resolve_credit("Agence France-Presse", create=False) is None
    assert CreditAlias.objects.count() == aliases
    assert Credit.objects.count() == 1


def test_unknown_names_stay_apart():
    assert resolve_credit("Local Desk") != resolve_credit("Local Desk Two")
    assert resolve_credit("  ") is None


def test_seeding_agencies_records_every_spelling_once_and_keeps_existing_names():
    getty = Credit.objects.create(name="GETTY", reviewed=True)
    created, added = seed_agencies()
    assert created == len(AGENCIES) - 1
    assert Credit.objects.get(aliases__alias="Getty Images") == getty
    for agency in AGENCIES:
        credit = Credit.objects.matching(agency.name).get()
        for spelling in agency.aliases:
            assert Credit.objects.matching(spelling).get() == credit, spelling
    assert seed_agencies() == (0, 0)
    assert added > len(AGENCIES)
