"""Facet counts: equal to counting every matching asset by hand, whatever the search."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest

from archive.derived import refresh_assets
from archive.models import Asset, Credit, Illustration, Licence, Placement
from archive.search import SearchFilters, search_assets
from archive.search.facets import C2PA_FACET_NAMES
from tests.factories import grow_archive
from tests.search.helpers import ids, seeded_asset


def brute_force_facets(text: str, filters: SearchFilters, on: date | None = None) -> dict:
    """Count a search's facets by reading every matching asset in Python."""
    everything = search_assets(text, filters, per_page=10**6, with_facets=False, on=on)
    pks = [asset.pk for asset in everything.assets]
    assets = Asset.objects.with_licence_status(on=on).filter(pk__in=pks)
    counts: dict[str, Counter] = {
        name: Counter() for name in ("credit", "kind", "licence_status", "year")
    }
    for asset in assets:
        counts["credit"][str(asset.credit_id or 0)] += 1
        counts["kind"][asset.kind] += 1
        counts["licence_status"][asset.licence_status] += 1
        if asset.date_taken:
            counts["year"][str(asset.date_taken.astimezone(UTC).year)] += 1
    claimants = Illustration.objects.filter(asset_id__in=pks).exclude(claim__claimant="")
    counts["claimant"] = Counter(
        claimant for claimant, _ in set(claimants.values_list("claim__claimant", "asset_id"))
    )
    articles = set(Placement.objects.filter(asset_id__in=pks).values_list("article_id", "asset_id"))
    counts["article"] = Counter(str(article) for article, _ in articles)
    states = Asset.objects.filter(pk__in=pks).values_list("c2pa_state", flat=True)
    counts["c2pa"] = Counter(C2PA_FACET_NAMES[state] for state in states)
    return {"total": len(pks), **{name: dict(tally) for name, tally in counts.items()}}


def counted_facets(results) -> dict:
    facets = {
        name: {row["value"]: row["count"] for row in rows} for name, rows in results.facets.items()
    }
    return {"total": results.total, **facets}


@pytest.mark.django_db
def test_licence_status_annotation(seeded, settings):
    settings.ARCHIVE_EXPIRY_WARNING_DAYS = 30
    today = date(2026, 6, 1)
    by_title = {}
    for title in ("Volodymyr Zelensky", "Sergei Shoigu", "Ministry of Defence"):
        asset = seeded_asset(title)
        asset.licences.all().delete()
        by_title[title] = asset
    Licence.objects.create(
        asset=by_title["Volodymyr Zelensky"], expires_on=today + timedelta(days=90)
    )
    Licence.objects.create(asset=by_title["Sergei Shoigu"], expires_on=today + timedelta(days=10))
    Licence.objects.create(
        asset=by_title["Ministry of Defence"], expires_on=today - timedelta(days=1)
    )
    statuses = dict(
        Asset.objects.with_licence_status(on=today)
        .filter(pk__in=[a.pk for a in by_title.values()])
        .values_list("title", "licence_status")
    )
    assert statuses == {
        "Volodymyr Zelensky": "valid",
        "Sergei Shoigu": "expiring",
        "Ministry of Defence": "expired",
    }
    unlicensed = Asset.objects.filter(licences__isnull=True).with_licence_status(on=today)
    assert {asset.licence_status for asset in unlicensed} == {"none"}
    results = search_assets("status:expiring", on=today)
    assert ids(results) == [by_title["Sergei Shoigu"].pk]
    facet = {
        row["value"]: row["count"] for row in search_assets("", on=today).facets["licence_status"]
    }
    assert facet["expired"] >= 1 and facet["expiring"] == 1
    assert sum(facet.values()) == Asset.objects.count()


@pytest.mark.django_db
def test_facets_count_and_filters_narrow(seeded):
    results = search_assets("russian")
    facets = results.facets
    assert sum(row["count"] for row in facets["kind"]) == results.total
    getty = Credit.objects.get(name="GETTY")
    narrowed = search_assets("", SearchFilters(credit=str(getty.pk)))
    assert narrowed.total == Asset.objects.filter(credit=getty).count()
    assert search_assets("", SearchFilters(credit="getty images")).total == narrowed.total
    claimant = search_assets("", SearchFilters(claimant="Sergei Shoigu"))
    assert claimant.total == 2
    assert search_assets("", SearchFilters(kind="video")).total == 1
    Asset.objects.filter(kind="video").update(date_taken="2022-10-30T10:00:00Z")
    refresh_assets(Asset.objects.filter(kind="video").values_list("pk", flat=True))  # no signal
    dated = search_assets("", SearchFilters(date_from=date(2022, 1, 1), date_to=date(2022, 12, 31)))
    assert dated.total == 1
    assert search_assets("").facets["year"] == [{"value": "2022", "label": "2022", "count": 1}]


@pytest.mark.django_db
def test_claimant_and_article_facets_are_left_out_above_the_limit(seeded, settings):
    settings.ARCHIVE_SEARCH_FACET_JOIN_LIMIT = 3
    results = search_assets("russian")
    assert results.total > 3
    assert results.facets["claimant"] == [] and results.facets["article"] == []
    assert sum(row["count"] for row in results.facets["kind"]) == results.total
    assert any("Claimant and article counts" in message for message in results.messages)
    settings.ARCHIVE_SEARCH_FACET_JOIN_LIMIT = 1000
    assert search_assets("russian").facets["article"][0]["count"] == results.total


@pytest.mark.django_db
def test_uncredited_assets_have_a_facet_row_and_a_filter(seeded, journalist_client):
    Asset.objects.create(sha256="8" * 64, file="originals/88/x.jpg", title="Bakhmut ruins")
    everything = search_assets("")
    credits = {row["label"]: row["count"] for row in everything.facets["credit"]}
    assert credits["(no credit)"] == Asset.objects.filter(credit=None).count()
    assert sum(credits.values()) == everything.total  # the facet adds up to the results
    uncredited = search_assets("", SearchFilters(credit="0"))
    assert {a.pk for a in uncredited.assets} == set(
        Asset.objects.filter(credit=None).values_list("pk", flat=True)
    )
    page = journalist_client.get("/search/", {"credit": "0"})
    assert "credit: (no credit)" in page.content.decode()
    api = journalist_client.get("/api/assets", {"credit": "0"}).json()
    assert api["count"] == uncredited.total


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "filters"),
    [
        ("russian", SearchFilters()),
        ('"russian soldiers"', SearchFilters(kind="photo")),
        ("credit:getty soldiers", SearchFilters()),
        ("soldiers", SearchFilters(credit="GETTY")),
        ("credit:getty", SearchFilters()),
        ("", SearchFilters(credit="GETTY")),
        ("credit:getty credit:nc", SearchFilters()),
        ("credit:getty -russian", SearchFilters()),
        ("", SearchFilters(credit="0")),
        ("", SearchFilters()),
        ("", SearchFilters(claimant="Growth desk")),
        ("-russian", SearchFilters()),
        ("russian", SearchFilters(licence_status="none")),
        ("status:expired", SearchFilters()),
        ("nothingmatchesthis", SearchFilters()),
        ("credit:nosuchagency", SearchFilters()),
    ],
)
def test_facets_equal_a_count_by_hand(seeded, text, filters):
    grow_archive(30)
    for index, asset in enumerate(Asset.objects.order_by("pk")[:12]):
        Licence.objects.create(
            asset=asset, expires_on=date.today() + timedelta(days=index * 9 - 40)
        )
    Asset.objects.filter(pk__in=Asset.objects.order_by("-pk").values("pk")[:5]).update(
        date_taken=datetime(2021, 3, 1, tzinfo=UTC)
    )
    refresh_assets(Asset.objects.values_list("pk", flat=True))
    results = search_assets(text, filters)
    expected = brute_force_facets(text, filters)
    counted = counted_facets(results)
    if filters.claimant:  # a chosen claimant shows its own row alone (see search_assets)
        expected["claimant"] = {filters.claimant: expected["claimant"][filters.claimant]}
    assert counted == expected
    if text == "russian" and not filters.active():
        assert counted["total"] >= 30 and counted["claimant"] and counted["article"]


@pytest.mark.django_db
def test_the_year_facet_counts_the_utc_year_and_follows_bulk_writes():
    getty = Credit.objects.create(name="GETTY", reviewed=True)
    # Late on 31 December in New York is already the next year in UTC.
    taken = datetime.fromisoformat("2023-12-31T22:30:00-05:00")
    for index, kind in enumerate(["photo", "photo", "video"]):
        Asset.objects.create(
            sha256=f"{index:064x}", kind=kind, credit=getty, date_taken=taken, title="Bakhmut"
        )
    facets = search_assets("bakhmut").facets
    assert {row["value"]: row["count"] for row in facets["year"]} == {"2024": 3}
    # An update() sends no signal: its caller refreshes what it touched (archive.derived).
    Asset.objects.filter(kind="video").update(kind="graphic")
    refresh_assets(Asset.objects.filter(kind="graphic").values_list("pk", flat=True))
    facets = search_assets("bakhmut").facets
    assert {row["value"]: row["count"] for row in facets["kind"]} == {"photo": 2, "graphic": 1}
    assert {row["label"]: row["count"] for row in facets["credit"]} == {"GETTY": 3}


@pytest.mark.django_db
def test_the_grouped_count_reads_one_index_entry_a_hit_and_no_other_table(seeded):
    from django.db import connection

    from archive.models import AssetSearchDocument, Placement
    from archive.search import facets

    def columns(model, name: str) -> list[str]:
        with connection.cursor() as cursor:
            constraints = connection.introspection.get_constraints(cursor, model._meta.db_table)
        return constraints[name]["columns"]

    assert columns(AssetSearchDocument, "search_document_facet_rows") == [
        "asset_id",
        "credit_id",
        "kind",
        "year_taken",
        "licence_count",
        "licence_starts_on",
        "licence_expires_on",
        "licence_window_single",
    ]
    # The article facet reads each hit's articles from one index.
    assert columns(Placement, "placement_asset_article") == ["asset_id", "article_id"]
    status, params = facets.status_sql(None)
    sql = facets.GROUPED_SQL.format(status=status, sample="", where="")
    # No join: the licence status comes from the document's own window (the rows decide only
    # for a window no single licence spans, in a subquery that runs for those alone).
    assert "JOIN" not in sql.upper() and "archive_assetfacts" not in sql
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = " ".join(str(row) for row in cursor.fetchall())
        assert "COVERING INDEX search_document_facet_rows" in plan


@pytest.mark.django_db
def test_the_licence_status_facet_follows_the_day_with_no_write(seeded, settings):
    """The documents keep the licence's dates, not a status: as days pass, the same stored
    rows count as valid, then expiring, then expired."""
    settings.ARCHIVE_EXPIRY_WARNING_DAYS = 30
    today = date(2026, 6, 1)
    asset = seeded_asset("Sergei Shoigu")
    asset.licences.all().delete()
    Licence.objects.create(asset=asset, expires_on=today + timedelta(days=60))

    def status(on: date) -> dict:
        results = search_assets(f'"{asset.title}"', on=on)
        assert asset.pk in ids(results)
        expected = brute_force_facets(f'"{asset.title}"', SearchFilters(), on=on)
        counted = counted_facets(results)["licence_status"]
        assert counted == expected["licence_status"]
        return counted

    assert status(today)["valid"] >= 1
    assert status(today + timedelta(days=40))["expiring"] >= 1
    assert status(today + timedelta(days=61))["expired"] >= 1
    assert (
        Asset.objects.with_licence_status(on=today + timedelta(days=61))
        .get(pk=asset.pk)
        .licence_status
        == "expired"
    )
