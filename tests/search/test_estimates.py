"""Counts beyond ARCHIVE_SEARCH_EXACT_LIMIT: estimated from a sample of the documents, shown
as "about N" on the page and flagged in the API; exact (and unchanged) up to the limit."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.derived import refresh_assets
from archive.models import Asset, AssetSearchDocument, Credit
from archive.search import SearchFilters, parse_query, search_assets
from archive.search.backends import get_backend
from archive.search.backends.base import Sample
from archive.search.backends.sqlite import keyed_sample
from archive.search.facets import Hits, about
from tests.search.helpers import ids


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
@pytest.mark.parametrize("text", ["", "russian", "credit:getty", "-shoigu", "usable:web"])
def test_beyond_the_limit_counts_come_from_the_sample(seeded, settings, text):
    exact = search_assets(text)
    assert not exact.estimated
    assert exact.total > 2
    settings.ARCHIVE_SEARCH_EXACT_LIMIT = 2
    # A sample as large as the archive holds every document, so the estimate is exact.
    settings.ARCHIVE_SEARCH_SAMPLE_SIZE = 10_000
    estimated = search_assets(text, per_page=2)
    assert estimated.estimated and estimated.facets_estimated and not estimated.ranked
    assert estimated.total == exact.total
    # Every hit on one page: the page says how many there are.
    one_page = search_assets(text)
    assert one_page.facets_estimated and not one_page.estimated
    assert one_page.total == exact.total
    counts, exact_counts = facet_counts(estimated), facet_counts(exact)
    for name in ("credit", "kind", "licence_status", "year"):
        assert counts[name] == exact_counts[name]
    # The joined facets are counted only exactly.
    assert counts["claimant"] == counts["article"] == counts["c2pa"] == {}
    assert any("estimated from a sample" in message for message in estimated.messages)
    api_style = search_assets(text, with_facets=False, per_page=2)
    assert api_style.estimated and api_style.total == exact.total


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["usable:web", "-shoigu"])
def test_without_words_the_sample_tests_each_document(seeded, settings, text):
    """Beyond the limit, a search without positive words counts the assets themselves up to
    it, and the sample's statements test each sampled document: none builds the list of
    every matching asset first (usable:web at 1M: 2.4 s a statement)."""
    settings.ARCHIVE_SEARCH_EXACT_LIMIT = 2
    settings.ARCHIVE_SEARCH_SAMPLE_SIZE = 10_000
    with CaptureQueriesContext(connection) as queries:
        results = search_assets(text, per_page=2)
    assert results.estimated
    statements = [query["sql"] for query in queries.captured_queries]
    # (A keyed sample's ids are a list, of the ids drawn: not of the matching assets.)
    listed = [
        sql
        for sql in statements
        if "archive_assetsearchdocument.asset_id IN (" in sql
        and "archive_assetsearchdocument.asset_id IN (WITH RECURSIVE drawn" not in sql
    ]
    assert listed == []
    assert any("EXISTS" in sql and "GROUP BY" in sql for sql in statements)


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["credit:getty", "credit:getty kind:photo"])
def test_a_credit_filter_alone_is_estimated_from_the_credits_full_text_hits(seeded, settings, text):
    """Beyond the limit, filters alone with a credit among them read the credit's full-text
    hits for the sample, not every document; up to the limit the assets are counted."""
    exact = search_assets(text)
    settings.ARCHIVE_SEARCH_EXACT_LIMIT = 2
    settings.ARCHIVE_SEARCH_SAMPLE_SIZE = 10_000
    with CaptureQueriesContext(connection) as queries:
        results = search_assets(text, per_page=2)
    assert results.estimated and results.total == exact.total
    match = "MATCH" if connection.vendor == "sqlite" else "@@"
    grouped = [q["sql"] for q in queries.captured_queries if "GROUP BY" in q["sql"]]
    assert grouped and all(match in sql for sql in grouped)
    assert facet_counts(results)["credit"] == facet_counts(exact)["credit"]


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
    assert backend.sample() == Sample()
    settings.ARCHIVE_SEARCH_SAMPLE_SIZE = 1
    sample = backend.sample()
    assert 0 < sample.fraction < 1
    assert sample.table or sample.condition()
    sql = f"SELECT COUNT(*) FROM {AssetSearchDocument._meta.db_table}{sample.table}"
    with connection.cursor() as cursor:
        cursor.execute(sql + (f" WHERE {sample.condition()}" if sample.test else ""))
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
    # Every hit fits on the first page, which says how many there are; the facets' counts
    # still come from the sample.
    assert f"{total} assets" in page and "About " not in page
    assert '<span class="count" title="estimated from a sample">≈' in page
    body = journalist_client.get("/api/assets", {"q": "russian"}).json()
    assert body["count_estimated"] is False and body["count"] == total
    # More hits than a page: "about" (tests below, with 216 hits).


@pytest.fixture
def lighthouses(db, settings):
    """216 assets with "lighthouse" (104 also "harbour"), counted from a sample that holds
    them all: the estimate is the true count rounded to two figures, 220 (above the truth:
    10 pages of 24 where there are 9) and 100 for harbour (below: 4 pages of 25 where there
    are 5)."""
    Asset.objects.bulk_create(
        Asset(
            sha256=f"{index + 5000:064x}",
            title=f"Lighthouse {index}" + (" harbour" if index < 104 else ""),
        )
        for index in range(216)
    )
    refresh_assets(Asset.objects.values_list("pk", flat=True))
    settings.ARCHIVE_SEARCH_EXACT_LIMIT = 2
    settings.ARCHIVE_SEARCH_SAMPLE_SIZE = 100_000
    return list(Asset.objects.order_by("-pk").values_list("pk", flat=True))


@pytest.mark.parametrize("text", ["lighthouse", ""])
def test_a_page_past_the_real_end_shows_the_last_page_and_the_true_count(lighthouses, text):
    first = search_assets(text)
    assert first.estimated and first.total == 220 and first.num_pages == 10
    assert first.has_next
    past = search_assets(text, page=10)
    assert (past.page, past.num_pages, past.total) == (9, 9, 216)
    assert not past.estimated and not past.has_next
    assert past.facets_estimated  # the facets' counts still come from the sample
    assert ids(past) == lighthouses[8 * 24 :]
    assert any("216 matches in all" in message for message in past.messages)
    assert any("end on page 9" in message for message in past.messages)
    # Far beyond the estimate too.
    assert search_assets(text, page=5000).page == 9


@pytest.mark.parametrize("text", ["lighthouse", ""])
def test_the_real_last_page_corrects_the_count(lighthouses, text):
    last = search_assets(text, page=9)
    assert (last.page, last.num_pages, last.total, last.estimated) == (9, 9, 216, False)
    assert not last.has_next and len(last.assets) == 24
    api_style = search_assets(text, page=9, with_facets=False)
    assert (api_style.total, api_style.estimated, api_style.num_pages) == (216, False, 9)


def test_more_hits_than_estimated_lead_to_a_next_page(lighthouses):
    harbour = [pk for pk in lighthouses if pk <= min(lighthouses) + 103]
    assert len(harbour) == 104
    estimated_last = search_assets("harbour", page=4, per_page=25)
    assert estimated_last.estimated and estimated_last.total >= 101
    assert estimated_last.has_next and estimated_last.num_pages == 5
    beyond = search_assets("harbour", page=5, per_page=25)
    assert (beyond.page, beyond.total, beyond.estimated, beyond.has_next) == (5, 104, False, False)
    assert ids(beyond) == harbour[-4:]


def test_the_search_page_past_the_real_end(lighthouses, journalist_client):
    response = journalist_client.get("/search/", {"q": "lighthouse", "page": 10})
    page = response.content.decode()
    assert response.status_code == 200
    assert "216 assets" in page and "About 216" not in page
    assert "page 9 of 9" in page and "216 matches in all" in page
    first = journalist_client.get("/search/", {"q": "lighthouse"}).content.decode()
    assert "About 220 assets" in first and "page 1 of 10" in first


def test_the_api_past_the_real_end(lighthouses, journalist_client, monkeypatch):
    monkeypatch.setattr("archive.web.api.PER_PAGE", 24)  # the pages of the search page
    first = journalist_client.get("/api/assets", {"q": "lighthouse"}).json()
    assert (first["count"], first["count_estimated"], first["num_pages"]) == (220, True, 10)
    last = journalist_client.get("/api/assets", {"q": "lighthouse", "page": 9}).json()
    assert (last["count"], last["count_estimated"], last["num_pages"]) == (216, False, 9)
    assert len(last["results"]) == 24
    past = journalist_client.get("/api/assets", {"q": "lighthouse", "page": 10})
    assert past.status_code == 404
    assert "past the last page, 9" in past.json()["detail"]


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["", "russian"])
def test_a_sampled_search_runs_under_the_debug_cursor(seeded, settings, text):
    # DJANGO_DEBUG=1 (and any CaptureQueriesContext) logs each statement by putting its
    # parameters into its text: a bare "%" in the sampled condition broke that.
    settings.ARCHIVE_SEARCH_EXACT_LIMIT = 2
    settings.ARCHIVE_SEARCH_SAMPLE_SIZE = 2
    with CaptureQueriesContext(connection) as queries:
        results = search_assets(text, per_page=2)
    assert results.estimated or results.total <= 2
    assert len(queries) > 0


@pytest.fixture
def coast(db, settings):
    """1 500 assets: every third titled "lighthouse" (500), every thirtieth also "beacon"
    (50); every tenth a video, every other one (odd ids' order) credited to REUTERS, the rest
    to GETTY; taken over four years."""
    getty = Credit.objects.create(name="GETTY", reviewed=True)
    reuters = Credit.objects.create(name="REUTERS", reviewed=True)
    Asset.objects.bulk_create(
        Asset(
            sha256=f"{index + 9000:064x}",
            title=(
                ("Lighthouse" if index % 3 == 0 else "Harbour")
                + (" beacon" if index % 30 == 0 else "")
                + f" {index}"
            ),
            kind="video" if index % 10 == 0 else "photo",
            credit=reuters if index % 2 else getty,
            date_taken=datetime(2020 + index % 4, 6, 1, tzinfo=UTC),
        )
        for index in range(1500)
    )
    refresh_assets(Asset.objects.values_list("pk", flat=True))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # PostgreSQL sizes its sample by the planner's row count
    return settings


def sqlite_steps(count) -> int:
    """Run ``count()`` and return how many tens of SQLite VM instructions it took."""
    connection.ensure_connection()
    steps = []
    connection.connection.set_progress_handler(lambda: steps.append(1) and 0, 10)
    try:
        count()
    finally:
        connection.connection.set_progress_handler(None, 10)
    return len(steps)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 hits come one by one")
def test_a_capped_count_reads_no_hit_past_the_cap(coast):
    """The cap is inside the full-text statement: counting up to 20 reads 21 hits, whether
    the word is in 50 documents or in 500 (as a list of every hit, the work grew with the
    hits: a word in a third of a million documents took 435 ms to count to 5 001)."""
    lighthouse, beacon = (Hits(parse_query(word).terms) for word in ("lighthouse", "beacon"))
    assert lighthouse.capped(20) == beacon.capped(20) == 21
    assert lighthouse.capped(600) == 500 and beacon.capped(600) == 50
    ten_times_the_hits = sqlite_steps(lambda: lighthouse.capped(20))
    assert ten_times_the_hits < 2 * max(1, sqlite_steps(lambda: beacon.capped(20)))


@pytest.mark.parametrize(
    ("text", "filters", "hits"),
    [
        ("lighthouse kind:video", SearchFilters(), 50),
        ("lighthouse", SearchFilters(kind="video"), 50),
        ("credit:reuters lighthouse", SearchFilters(), 250),
        ("lighthouse -beacon", SearchFilters(credit="GETTY"), 200),
    ],
)
def test_a_capped_count_is_exact_when_filters_drop_hits(coast, text, filters, hits):
    """The filters are tested on each hit before the cap counts it: a word in more
    documents than the limit, narrowed to no more than it, is counted exactly; one more hit
    than the limit is estimated."""
    coast.ARCHIVE_SEARCH_EXACT_LIMIT = hits
    for with_facets in (True, False):
        results = search_assets(text, filters, with_facets=with_facets)
        assert (results.total, results.estimated) == (hits, False)
    assert search_assets("lighthouse").estimated  # 500 hits, the words alone
    coast.ARCHIVE_SEARCH_EXACT_LIMIT = hits - 1
    assert search_assets(text, filters, per_page=2).estimated
    # Past the estimated end the hits are counted exactly again (stopping at the offset).
    coast.ARCHIVE_SEARCH_EXACT_LIMIT = 10
    coast.ARCHIVE_SEARCH_SAMPLE_SIZE = 10_000
    past = search_assets(text, filters, page=hits, per_page=1)
    assert (past.total, past.page, past.estimated) == (hits, hits, False)


@pytest.mark.parametrize(
    ("text", "filters", "hits"),
    [
        ("lighthouse", SearchFilters(), 500),
        ("lighthouse", SearchFilters(kind="photo"), 450),
        ("credit:getty lighthouse", SearchFilters(), 250),
        ("", SearchFilters(credit="GETTY"), 750),
    ],
)
def test_a_sampled_search_estimates_within_its_error_and_its_facets_add_up(
    coast, text, filters, hits
):
    """A third of the documents sampled (1 500 over 500): the estimate of each count is
    within a few standard errors of the exact count, and each facet's counts add up to the
    total (within the rounding to two figures)."""
    exact = search_assets(text, filters)
    assert (exact.total, exact.estimated) == (hits, False)
    coast.ARCHIVE_SEARCH_EXACT_LIMIT = 100
    coast.ARCHIVE_SEARCH_SAMPLE_SIZE = 500
    sampled = search_assets(text, filters, per_page=2)
    assert sampled.estimated and sampled.facets_estimated
    assert abs(sampled.total - hits) <= 0.2 * hits
    api_style = search_assets(text, filters, per_page=2, with_facets=False)
    assert api_style.estimated and abs(api_style.total - hits) <= 0.2 * hits
    counts, exact_counts = facet_counts(sampled), facet_counts(exact)
    for name in ("credit", "kind", "licence_status", "year"):
        assert set(counts[name]) <= set(exact_counts[name])
        assert abs(sum(counts[name].values()) - sampled.total) <= 0.06 * sampled.total
        for value, count in exact_counts[name].items():
            # At least 50 hits in this facet row: 17 or more sampled, within 0.4 of it.
            if count >= 50:
                assert abs(counts[name].get(value, 0) - count) <= 0.4 * count


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL samples the table's pages")
def test_a_sampled_full_text_count_lists_only_the_sampled_hits(coast):
    """Beyond the limit the statements that read the full-text hits test the sample inside
    the full-text subquery: SQLite builds the list of the sampled hits alone (for a word in a
    third of a million documents, the list of all of them took 2.1 s a statement)."""
    coast.ARCHIVE_SEARCH_EXACT_LIMIT = 100
    coast.ARCHIVE_SEARCH_SAMPLE_SIZE = 500
    test = get_backend().sample().condition("archive_asset_fts.rowid")
    for filters in (SearchFilters(), SearchFilters(kind="photo")):
        with CaptureQueriesContext(connection) as queries:
            assert search_assets("lighthouse", filters, per_page=2).estimated
            assert search_assets("lighthouse", filters, with_facets=False).estimated
        listed = [
            query["sql"]
            for query in queries.captured_queries
            if "MATCH" in query["sql"] and "archive_assetsearchdocument.asset_id IN" in query["sql"]
        ]
        assert len(listed) >= 2  # the grouped count and the API's estimate
        assert all(test in sql for sql in listed)


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL samples the table's pages")
@pytest.mark.parametrize(("highest", "count"), [(1_500, 500), (1_000_000, 20_000), (97, 97)])
def test_a_keyed_sample_draws_different_ids_spread_over_the_range(highest, count):
    sample = keyed_sample(highest, count)
    assert sample.fraction == count / highest
    drawn = keyed_ids(sample)
    assert len(drawn) == len(set(drawn)) == count
    assert 1 <= min(drawn) and max(drawn) <= highest
    tenth = highest / 10
    for part in range(10):  # each tenth of the range holds a tenth of the sample
        held = sum(1 for pk in drawn if part * tenth < pk <= (part + 1) * tenth)
        assert abs(held - count / 10) <= max(2, 0.02 * count)


def keyed_ids(sample: Sample) -> list[int]:
    """The ids a keyed sample draws, as the engine generates them."""
    drawn = sample.test.removeprefix("{id} IN (").removesuffix(")")
    with connection.cursor() as cursor:
        cursor.execute(drawn)
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL samples the table's pages")
@pytest.mark.parametrize("text", ["", "kind:photo", "-beacon"])
def test_without_words_the_sample_is_looked_up_by_key(coast, text):
    """Beyond the limit a search without words reads its sample's documents by key (ids
    drawn, then looked up in the index), not every document's entry to test its id: at 1M,
    usable:web alone read all 1M entries to keep 20 000."""
    exact = search_assets(text)
    coast.ARCHIVE_SEARCH_EXACT_LIMIT = 100
    coast.ARCHIVE_SEARCH_SAMPLE_SIZE = 500
    with CaptureQueriesContext(connection) as queries:
        sampled = search_assets(text, per_page=2)
    assert sampled.estimated and abs(sampled.total - exact.total) <= 0.2 * exact.total
    grouped = [q["sql"] for q in queries.captured_queries if "GROUP BY" in q["sql"]]
    assert len(grouped) == 1 and "asset_id IN (WITH RECURSIVE drawn" in grouped[0]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {grouped[0]}")
        plan = [row[-1] for row in cursor.fetchall()]
    documents = [
        step
        for step in plan
        if step.endswith("archive_assetsearchdocument") or " archive_assetsearchdocument " in step
    ]
    assert documents and all(
        step.startswith("SEARCH") and "(asset_id=?)" in step for step in documents
    ), plan


def capped_counts(queries) -> list[str]:
    """The statements among ``queries`` that count the full-text hits up to the limit (a
    count over the hits cut at the limit, on either engine)."""
    return [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].startswith("SELECT COUNT(*) FROM (SELECT ") and " LIMIT " in query["sql"]
    ]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner guesses")
@pytest.mark.parametrize(
    ("text", "hits"), [("lighthouse", 500), ("credit:reuters lighthouse", 250)]
)
def test_far_more_hits_than_the_limit_are_estimated_without_counting_them(coast, text, hits):
    """Hits the planner expects, and the sample finds, at four times the limit or more are
    estimated from the sample alone: the capped count, which reads the words' whole posting
    lists (growing with the archive), is not run."""
    coast.ARCHIVE_SEARCH_EXACT_LIMIT = 20
    coast.ARCHIVE_SEARCH_SAMPLE_SIZE = 500
    assert Hits(parse_query("lighthouse").terms).expected() >= 4 * 20
    for with_facets in (True, False):
        with CaptureQueriesContext(connection) as queries:
            results = search_assets(text, per_page=2, with_facets=with_facets)
        assert results.estimated and abs(results.total - hits) <= 0.2 * hits
        assert capped_counts(queries) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner guesses")
def test_the_hits_expected_are_bounded_by_the_rarest_word(coast):
    """The engine's guess is the fewest hits of any one positive word: the planner takes a
    phrase's words as independent (here 1 500 x 1/3 x 1/30, about 17, for 50 hits)."""
    assert Hits(parse_query('"lighthouse beacon"').terms).expected() >= 50
    assert Hits(parse_query("lighthouse -beacon").terms).expected() >= 450
    assert Hits(parse_query("beacon").terms).expected() < 450


@pytest.mark.parametrize(
    ("text", "limit", "hits", "estimated"),
    [("beacon", 100, 50, False), ("lighthouse", 300, 500, True)],
)
def test_hits_expected_but_not_in_the_sample_are_counted(
    coast, monkeypatch, text, limit, hits, estimated
):
    """When the engine expects far more hits than the sample finds, the hits are counted up
    to the limit after all: exactly when no more than it (the sample's counts dropped),
    else the sample's counts stand (read once)."""
    coast.ARCHIVE_SEARCH_EXACT_LIMIT = limit
    coast.ARCHIVE_SEARCH_SAMPLE_SIZE = 500
    exact = search_assets(text, with_facets=True)
    monkeypatch.setattr(type(get_backend()), "expected_count", lambda *args: 10**9)
    with CaptureQueriesContext(connection) as queries:
        results = search_assets(text, per_page=2)
    grouped = [query["sql"] for query in queries.captured_queries if "GROUP BY 1" in query["sql"]]
    assert len(capped_counts(queries)) == 1
    assert results.estimated == results.facets_estimated == estimated
    if estimated:
        assert len(grouped) == 1 and abs(results.total - hits) <= 0.2 * hits
    else:
        assert len(grouped) == 2  # the sample's, then the exact count's
        assert (results.total, results.facets) == (hits, exact.facets)
