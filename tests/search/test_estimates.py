"""Counts beyond ARCHIVE_SEARCH_EXACT_LIMIT: estimated from a sample of the documents, shown
as "about N" on the page and flagged in the API; exact (and unchanged) up to the limit."""

from __future__ import annotations

import pytest
from django.db import connection

from archive.models import AssetSearchDocument
from archive.search import search_assets
from archive.search.backends import get_backend
from archive.search.facets import about


def test_estimates_are_rounded_to_two_figures():
    assert [about(n) for n in (0, 7, 99, 100, 149.6, 12_345, 347_250, 999_999)] == [
        0,
        7,
        99,
        100,
        150,
        12_000,
        350_000,
        1_000_000,
    ]


def facet_counts(results) -> dict[str, dict[str, int]]:
    return {
        name: {row["value"]: row["count"] for row in rows} for name, rows in results.facets.items()
    }


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["", "russian", "credit:getty", "-shoigu"])
def test_beyond_the_limit_counts_come_from_the_sample(seeded, settings, text):
    exact = search_assets(text)
    assert not exact.estimated
    assert exact.total > 2
    settings.ARCHIVE_SEARCH_EXACT_LIMIT = 2
    # A sample as large as the archive holds every document, so the estimate is exact.
    settings.ARCHIVE_SEARCH_SAMPLE_SIZE = 10_000
    estimated = search_assets(text)
    assert estimated.estimated and not estimated.ranked
    assert estimated.total == exact.total
    counts, exact_counts = facet_counts(estimated), facet_counts(exact)
    for name in ("credit", "kind", "licence_status", "year"):
        assert counts[name] == exact_counts[name]
    # The joined facets are counted only exactly.
    assert counts["claimant"] == counts["article"] == counts["c2pa"] == {}
    assert any("estimated from a sample" in message for message in estimated.messages)
    api_style = search_assets(text, with_facets=False)
    assert api_style.estimated and api_style.total == exact.total


@pytest.mark.django_db
def test_up_to_the_limit_counts_are_exact(seeded, settings):
    before = search_assets("russian")
    settings.ARCHIVE_SEARCH_EXACT_LIMIT = before.total
    settings.ARCHIVE_SEARCH_SAMPLE_SIZE = 1
    after = search_assets("russian")
    assert not after.estimated
    assert (after.total, after.facets) == (before.total, before.facets)
    assert [asset.pk for asset in after.assets] == [asset.pk for asset in before.assets]


@pytest.mark.django_db
def test_the_backend_samples_a_share_of_the_documents(seeded, settings):
    documents = AssetSearchDocument.objects.count()
    backend = get_backend()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # PostgreSQL sizes its sample by the planner's row count
    settings.ARCHIVE_SEARCH_SAMPLE_SIZE = documents
    assert backend.sample() == ("", "", 1.0)
    settings.ARCHIVE_SEARCH_SAMPLE_SIZE = 1
    after_table, condition, fraction = backend.sample()
    assert 0 < fraction < 1
    assert after_table or condition
    sql = f"SELECT COUNT(*) FROM {AssetSearchDocument._meta.db_table}{after_table}"
    with connection.cursor() as cursor:
        cursor.execute(sql + (f" WHERE {condition}" if condition else ""))
        assert cursor.fetchone()[0] < documents or connection.vendor == "postgresql"


@pytest.mark.django_db
def test_the_page_and_the_api_say_about(seeded, settings, journalist_client):
    page = journalist_client.get("/search/", {"q": "russian"})
    assert b"About " not in page.content and "≈" not in page.content.decode()
    assert journalist_client.get("/api/assets", {"q": "russian"}).json()["count_estimated"] is False
    settings.ARCHIVE_SEARCH_EXACT_LIMIT = 2
    settings.ARCHIVE_SEARCH_SAMPLE_SIZE = 10_000
    total = search_assets("russian").total
    page = journalist_client.get("/search/", {"q": "russian"}).content.decode()
    assert f"About {total} assets" in page
    assert '<span class="count" title="estimated from a sample">≈' in page
    body = journalist_client.get("/api/assets", {"q": "russian"}).json()
    assert body["count_estimated"] is True and body["count"] == total
