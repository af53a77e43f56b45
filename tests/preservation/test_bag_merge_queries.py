"""Merging a bag reads this archive's ids once per model, never one query per row or link."""

from __future__ import annotations

import pytest

from archive.models import Asset, Licence, UsageCategory
from archive.preservation.bag import restore as bag
from archive.preservation.bag.restore import BagError, Row, check_links, without_seeded_here
from tests.factories import AssetFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [3, 60])
def test_seeded_rows_here_are_found_in_one_query(count, django_assert_max_num_queries):
    UsageCategory.objects.all().delete()
    here = {
        UsageCategory.objects.create(code=f"c{number}", name=f"Category {number}").pk
        for number in range(count // 2)
    }
    first = min(here) if here else 1
    rows = [Row(UsageCategory, pk, {}) for pk in range(first, first + count)]
    rows.append(Row(Asset, first, {}))  # not a seeded list: always kept
    with django_assert_max_num_queries(1):
        kept = without_seeded_here(rows)
    assert [(row.model, row.pk) for row in kept] == [
        (row.model, row.pk) for row in rows if row.model is Asset or row.pk not in here
    ]


def licence_rows(assets: list[Asset], start: int) -> list[Row]:
    return [
        Row(Licence, start + index, {"asset": asset.pk, "verified_by": None})
        for index, asset in enumerate(assets)
    ]


@pytest.mark.parametrize("count", [3, 60])
def test_links_to_this_archive_are_checked_once_per_model(count, django_assert_max_num_queries):
    assets = AssetFactory.create_batch(count, without_file=True)
    rows = licence_rows(assets, start=10_000)
    # One query for ids the bag would overwrite, one for the assets its licences point at.
    with django_assert_max_num_queries(2):
        check_links(rows, merge=True)


def test_a_link_to_nothing_is_still_refused_when_merging():
    (asset,) = AssetFactory.create_batch(1, without_file=True)
    rows = licence_rows([asset], start=10_000)
    rows.append(Row(Licence, 10_001, {"asset": asset.pk + 1000, "verified_by": None}))
    with pytest.raises(BagError, match=r"Licence #10001: asset points at archive.Asset #"):
        check_links(rows, merge=True)
    with pytest.raises(BagError, match="neither in the bag nor in this archive"):
        check_links(licence_rows([asset], start=10_000), merge=False)


def test_existing_ids_are_read_in_batches(monkeypatch, django_assert_num_queries):
    assets = AssetFactory.create_batch(5, without_file=True)
    monkeypatch.setattr(bag, "ID_BATCH", 2)
    pks = [asset.pk for asset in assets]
    with django_assert_num_queries(3):
        found = bag.existing_ids(Asset, [*pks, max(pks) + 1, "7", None, -1])
    assert found == set(pks)
