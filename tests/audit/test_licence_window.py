"""The licence window in each asset's facts gives the same status as the licences themselves."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from archive.audit.facts import rebuild_facts
from archive.models import Asset, AssetFacts, Licence
from archive.models.licences import licence_status_from_rows
from archive.search import search_assets

# Each case: the licences of one asset as (starts, expires) in days from today; None is open.
CASES = {
    "none": [],
    "one, valid": [(-100, 300)],
    "one, no dates": [(None, None)],
    "one, no expiry": [(-10, None)],
    "one, open start": [(None, 20)],
    "one, expired": [(-400, -30)],
    "one, starts in the future": [(40, 400)],
    "one, expiring": [(-50, 5)],
    "several, one spans them": [(-300, 500), (-100, 10), (0, 200)],
    "several, perpetual spans": [(-30, -5), (None, None)],
    "several, with a gap": [(-400, -200), (100, 300)],
    "several, staggered": [(-60, 8), (15, 400)],
    "several, staggered open start": [(None, 3), (2, None)],
    "several, expired": [(-500, -300), (-200, -100)],
    "several, same window twice": [(-10, 60), (-10, 60)],
    "several, future and no expiry": [(200, None), (30, 90)],
}


def make_assets() -> dict[str, Asset]:
    """Create one asset per case with its licences (saved one by one: signals fire)."""
    today = timezone.localdate()

    def day(offset: int | None):
        return None if offset is None else today + timedelta(days=offset)

    assets = {}
    for index, (name, licences) in enumerate(CASES.items()):
        asset = Asset.objects.create(sha256=f"{index:064x}", format="jpeg", title=name)
        for starts, expires in licences:
            Licence.objects.create(asset=asset, starts_on=day(starts), expires_on=day(expires))
        assets[name] = asset
    return assets


def statuses(on) -> dict[str, tuple[str, str]]:
    """Return each case's status from the stored window and from the licence rows."""
    rows = (
        Asset.objects.with_licence_status(on=on)
        .annotate(from_rows=licence_status_from_rows(on))
        .values_list("title", "licence_status", "from_rows")
    )
    return {title: (stored, joined) for title, stored, joined in rows}


@pytest.mark.django_db
def test_stored_window_status_equals_the_join_on_every_day(settings):
    settings.ARCHIVE_EXPIRY_WARNING_DAYS = 30
    make_assets()
    today = timezone.localdate()
    seen = Counter()
    for offset in range(-520, 520, 3):
        on = today + timedelta(days=offset)
        for title, (stored, joined) in statuses(on).items():
            assert stored == joined, (title, offset)
            seen[stored] += 1
    assert set(seen) == {"none", "valid", "expiring", "expired"}
    # And today, the expected statuses (so both are not merely equally wrong).
    today_statuses = {title: stored for title, (stored, _) in statuses(today).items()}
    assert today_statuses["none"] == "none"
    assert today_statuses["one, expiring"] == "expiring"
    assert today_statuses["one, starts in the future"] == "expired"
    assert today_statuses["several, with a gap"] == "expired"
    assert today_statuses["several, staggered"] == "expiring"
    assert today_statuses["several, perpetual spans"] == "valid"


@pytest.mark.django_db
def test_window_columns_follow_licence_saves_moves_and_deletes():
    assets = make_assets()
    spans = AssetFacts.objects.get(asset=assets["several, one spans them"])
    assert (spans.licence_count, spans.licence_window_single) == (3, True)
    gap = AssetFacts.objects.get(asset=assets["several, with a gap"])
    assert (gap.licence_count, gap.licence_window_single) == (2, False)
    open_ended = AssetFacts.objects.get(asset=assets["one, no dates"])
    assert (open_ended.licence_starts_on, open_ended.licence_expires_on) == (None, None)

    # Move the spanning licence to the unlicensed asset, then delete one of the rest.
    widest = spans.asset.licences.order_by("starts_on").first()
    widest.asset = assets["none"]
    widest.save()
    spans.refresh_from_db()
    moved_to = AssetFacts.objects.get(asset=assets["none"])
    # Left: (-100, 10) and (0, 200), neither spanning both.
    assert (spans.licence_count, spans.licence_window_single) == (2, False)
    assert moved_to.licence_count == 1
    assert moved_to.licence_starts_on == widest.starts_on
    spans.asset.licences.order_by("starts_on").first().delete()
    spans.refresh_from_db()
    assert (spans.licence_count, spans.licence_window_single) == (1, True)
    # Deleting an asset deletes its licences and facts without tripping over the gone asset.
    assets["several, expired"].delete()
    assert not AssetFacts.objects.filter(asset_id=assets["several, expired"].pk).exists()

    # What the signals stored is what a full rebuild stores.
    fields = [
        "asset_id",
        "licence_count",
        "licence_starts_on",
        "licence_expires_on",
        "licence_window_single",
    ]
    kept = list(AssetFacts.objects.order_by("pk").values_list(*fields))
    AssetFacts.objects.update(licence_count=9, licence_starts_on=None, licence_window_single=False)
    rebuild_facts()
    assert list(AssetFacts.objects.order_by("pk").values_list(*fields)) == kept


@pytest.mark.django_db
def test_search_licence_facet_and_filter_count_the_stored_status(settings):
    settings.ARCHIVE_EXPIRY_WARNING_DAYS = 30
    make_assets()
    for offset in (-300, 0, 45, 250):
        on = timezone.localdate() + timedelta(days=offset)
        expected = Counter(joined for _, joined in statuses(on).values())
        results = search_assets("", on=on)
        facet = {row["value"]: row["count"] for row in results.facets["licence_status"]}
        assert facet == {status: n for status, n in expected.items() if n}
        for status, count in expected.items():
            assert search_assets(f"status:{status}", on=on).total == count
