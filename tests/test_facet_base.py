"""``Asset.facet_base``: the search facets' stored key (credit, kind, UTC year taken), kept by
database triggers whatever the write path, and unpacked by the search into its parts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection

from archive.models import Asset, Credit
from archive.search import search_assets, unpack_facet_key

pytestmark = pytest.mark.django_db


def expected(asset: Asset) -> int:
    year = asset.date_taken.astimezone(UTC).year if asset.date_taken else 0
    return ((asset.credit_id or 0) * 8 + KIND_CODES.get(asset.kind, 0)) * FACET_YEARS + year


def stored(asset: Asset) -> int:
    return Asset.objects.values_list("facet_base", flat=True).get(pk=asset.pk)


def test_every_write_path_keeps_the_key():
    getty = Credit.objects.create(name="GETTY", reviewed=True)
    afp = Credit.objects.create(name="AFP", reviewed=True)
    # Late on 31 December in New York is already the next year in UTC.
    taken = datetime.fromisoformat("2023-12-31T22:30:00-05:00")
    asset = Asset.objects.create(sha256="1" * 64, kind="social", credit=getty, date_taken=taken)
    assert stored(asset) == expected(asset)
    assert unpack_facet_key(stored(asset) * 8) == (getty.pk, "social", None, 2024)
    asset.kind, asset.credit = "graphic", afp
    asset.save()  # writes the stale facet_base it holds in memory: the trigger wins
    assert stored(asset) == expected(asset)
    Asset.objects.filter(pk=asset.pk).update(date_taken=None, credit=None)
    asset.refresh_from_db()
    assert stored(asset) == expected(asset) == KIND_CODES["graphic"] * FACET_YEARS
    Asset.objects.filter(pk=asset.pk).update(facet_base=12345)  # a stray write is undone
    assert stored(asset) == expected(asset)
    [made] = Asset.objects.bulk_create(
        [Asset(sha256="2" * 64, kind="video", credit=getty, date_taken=taken)]
    )
    made = Asset.objects.get(sha256="2" * 64)
    assert stored(made) == expected(made)


def test_the_triggers_survive_every_migration():
    # The test database is built by running every migration: a later migration that rebuilt
    # the asset table on SQLite would have dropped the triggers silently.
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'archive_asset'"
            )
            names = {row[0] for row in cursor.fetchall()}
            assert {"archive_asset_facet_base_ai", "archive_asset_facet_base_au"} <= names
        else:
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'archive_asset'::regclass"
            )
            assert "archive_asset_facet_base" in {row[0] for row in cursor.fetchall()}


def test_facets_count_from_the_stored_key():
    getty = Credit.objects.create(name="GETTY", reviewed=True)
    taken = datetime(2022, 5, 1, tzinfo=UTC)
    for index, kind in enumerate(["photo", "photo", "video"]):
        Asset.objects.create(
            sha256=f"{index:064x}", kind=kind, credit=getty, date_taken=taken, title="Bakhmut"
        )
    Asset.objects.filter(kind="video").update(kind="graphic")  # no save(), no signal
    facets = search_assets("bakhmut").facets
    assert {row["value"]: row["count"] for row in facets["kind"]} == {"photo": 2, "graphic": 1}
    assert {row["value"]: row["count"] for row in facets["year"]} == {"2022": 3}
    assert {row["label"]: row["count"] for row in facets["credit"]} == {"GETTY": 3}
