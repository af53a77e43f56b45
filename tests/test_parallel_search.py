"""A large archive's search counts, split by id range and run in parallel (SQLite)."""

from __future__ import annotations

import os
import threading

import pytest
from django.db import connection, transaction
from hypothesis import given
from hypothesis import strategies as st

from archive import search
from archive.models import Asset, Credit
from archive.search import SearchFilters, search_assets, split_ids
from tests.factories import grow_archive


def test_split_ids_examples():
    assert split_ids(10, part_size=3, workers=4) == [(1, 3), (4, 6), (7, 9), (10, 10)]
    assert split_ids(10, part_size=3, workers=2) == [(1, 5), (6, 10)]
    assert split_ids(1_000_000, part_size=250_000, workers=2) == [
        (1, 500_000),
        (500_001, 1_000_000),
    ]
    assert split_ids(100_000, part_size=250_000, workers=4) == []  # one part: not split
    assert split_ids(10, part_size=1, workers=1) == []
    assert split_ids(0, part_size=1, workers=4) == []


@given(
    top=st.integers(0, 10_000),
    part_size=st.integers(0, 5_000),
    workers=st.integers(0, 8),
)
def test_split_ids_cover_every_id_once(top, part_size, workers):
    ranges = split_ids(top, part_size, workers)
    if not ranges:
        assert workers < 2 or top <= max(1, part_size)
        return
    assert 2 <= len(ranges) <= workers
    assert ranges[0][0] == 1 and ranges[-1][1] == top
    for (_, last), (first, _) in zip(ranges, ranges[1:], strict=False):
        assert first == last + 1
    assert all(first <= last for first, last in ranges)


def recorded_threads(monkeypatch) -> list[int]:
    """Note the thread that runs each of a search's counting and paging statements."""
    threads: list[int] = []
    real = search.fetch_rows

    def recording(sql, params):
        threads.append(threading.get_ident())
        return real(sql, params)

    monkeypatch.setattr(search, "fetch_rows", recording)
    return threads


def recorded_statements(monkeypatch) -> list[str]:
    """Note the SQL of each of a search's counting and paging statements."""
    statements: list[str] = []
    real = search.fetch_rows

    def recording(sql, params):
        statements.append(sql)
        return real(sql, params)

    monkeypatch.setattr(search, "fetch_rows", recording)
    return statements


def outcome(results) -> tuple:
    return (
        results.total,
        results.ranked,
        results.num_pages,
        [asset.pk for asset in results.assets],
        results.facets,
        results.messages,
    )


@pytest.mark.django_db(transaction=True)
def test_parallel_counts_agree_with_one_connection(seeded, settings, monkeypatch):
    grow_archive(30)
    getty = Credit.objects.get(name="GETTY")
    searches = [
        ("russian", SearchFilters(), 1),
        ("russian", SearchFilters(), 2),
        ('"russian soldiers"', SearchFilters(kind="photo"), 1),
        ("credit:getty soldiers", SearchFilters(), 1),
        ("soldiers", SearchFilters(credit=str(getty.pk)), 1),
        ("credit:getty", SearchFilters(), 1),
        ("", SearchFilters(credit=str(getty.pk)), 2),
        ("credit:getty credit:nc", SearchFilters(), 1),
        ("credit:getty -russian", SearchFilters(), 1),
        ("", SearchFilters(credit="0"), 1),
        ("", SearchFilters(), 1),
        ("", SearchFilters(claimant="Growth desk"), 1),
        ("-russian", SearchFilters(), 1),
        ("nothingmatchesthis", SearchFilters(), 1),
        ("credit:nosuchagency", SearchFilters(), 1),
    ]
    settings.ARCHIVE_SEARCH_WORKERS = 1
    alone = [outcome(search_assets(text, filters, page=page)) for text, filters, page in searches]
    assert search.id_ranges() == []

    settings.ARCHIVE_SEARCH_WORKERS = 2
    settings.ARCHIVE_SEARCH_PART_SIZE = 5
    threads = recorded_threads(monkeypatch)
    split = [outcome(search_assets(text, filters, page=page)) for text, filters, page in searches]
    assert split == alone
    assert alone[0][0] >= 30 and alone[0][4]["claimant"] and alone[0][4]["article"]
    if connection.vendor == "sqlite":
        assert len(search.id_ranges()) == 2
        assert len(set(threads)) > 1  # some statements ran on the search threads
        # A credit alone (typed or clicked) is counted a part of its index range at a time.
        statements = recorded_statements(monkeypatch)
        search_assets("credit:getty")
        split = [sql for sql in statements if "INDEXED BY asset_credit_facets" in sql]
        assert len(split) == 2 and all("BETWEEN" in sql for sql in split)
    else:
        # PostgreSQL plans its own parallel workers: every statement on this connection.
        assert search.id_ranges() == []
        assert set(threads) == {threading.get_ident()}


@pytest.mark.django_db(transaction=True)
def test_the_search_page_counts_in_parallel(seeded, journalist_client, settings, monkeypatch):
    grow_archive(12)
    settings.ARCHIVE_SEARCH_WORKERS = 1
    alone = journalist_client.get("/search/", {"q": "russian soldiers"})
    settings.ARCHIVE_SEARCH_WORKERS = 2
    settings.ARCHIVE_SEARCH_PART_SIZE = 5
    threads = recorded_threads(monkeypatch)
    split = journalist_client.get("/search/", {"q": "russian soldiers"})
    assert alone.status_code == split.status_code == 200
    assert alone.context["results"].total == split.context["results"].total >= 12
    assert alone.context["results"].facets == split.context["results"].facets
    assert (len(set(threads)) > 1) == (connection.vendor == "sqlite")


@pytest.mark.django_db
def test_inside_a_transaction_counts_run_on_one_connection(seeded, settings, monkeypatch):
    # Other connections cannot see what this test's transaction has not committed.
    grow_archive(12)
    settings.ARCHIVE_SEARCH_WORKERS = 4
    settings.ARCHIVE_SEARCH_PART_SIZE = 1
    threads = recorded_threads(monkeypatch)
    results = search_assets("russian soldiers")
    assert results.total >= 12
    assert search.id_ranges() == []
    assert set(threads) == {threading.get_ident()}


@pytest.mark.django_db(transaction=True)
def test_a_transaction_opened_without_atomic_keeps_counts_on_one_connection(
    seeded, settings, monkeypatch
):
    grow_archive(12)
    settings.ARCHIVE_SEARCH_WORKERS = 2
    settings.ARCHIVE_SEARCH_PART_SIZE = 5
    committed = search_assets("russian soldiers").total
    threads = recorded_threads(monkeypatch)
    transaction.set_autocommit(False)
    try:
        Asset.objects.create(sha256="f" * 64, format="jpeg", title="Russian soldiers, unsaved")
        assert not search.parallel_allowed()
        assert search_assets("russian soldiers").total == committed + 1
    finally:
        transaction.rollback()
        transaction.set_autocommit(True)
    assert set(threads) == {threading.get_ident()}
    assert search.parallel_allowed() == (connection.vendor == "sqlite")


@pytest.mark.django_db(transaction=True)
def test_assets_beyond_the_ranges_are_still_counted(seeded, settings, monkeypatch):
    # The ranges come from the largest id read just before the counts: an asset added in
    # between, above it, must still be counted, as must an id below the first range.
    grow_archive(12)
    settings.ARCHIVE_SEARCH_WORKERS = 1
    expected = outcome(search_assets("russian soldiers"))
    settings.ARCHIVE_SEARCH_WORKERS = 2
    settings.ARCHIVE_SEARCH_PART_SIZE = 5
    real = search.split_ids
    monkeypatch.setattr(search, "split_ids", lambda top, *args: real(top - 6, *args))
    ranges = search.id_ranges()
    if connection.vendor == "sqlite":
        top = Asset.objects.order_by("-id").values_list("id", flat=True)[0]
        assert ranges[0][0] < 1 and ranges[-1][1] > top
    assert outcome(search_assets("russian soldiers")) == expected


@pytest.mark.django_db(transaction=True)
def test_search_threads_recycle_their_connections(seeded, settings, monkeypatch):
    # No request starts or ends on a search thread, so nothing else would close its
    # connection once older than ARCHIVE_DB_CONN_MAX_AGE: each statement there checks before
    # and after, as Django does around a request. (The test database lives in memory, where
    # Django ignores closing, so the checks themselves are what is observed.)
    grow_archive(12)
    settings.ARCHIVE_SEARCH_WORKERS = 2
    settings.ARCHIVE_SEARCH_PART_SIZE = 5
    threads = recorded_threads(monkeypatch)
    checks: list[int] = []
    monkeypatch.setattr(
        search, "close_old_connections", lambda: checks.append(threading.get_ident())
    )
    search_assets("russian soldiers")
    here = threading.get_ident()
    elsewhere = [thread for thread in threads if thread != here]
    assert threading.get_ident() not in checks  # the request's own connection is left alone
    if connection.vendor == "sqlite":
        assert elsewhere and sorted(checks) == sorted(elsewhere * 2)
    else:
        assert not elsewhere and not checks


def test_a_forked_child_makes_its_own_search_threads():
    search.worker_pool()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        os._exit(0 if search._workers is None else 1)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert search._workers is not None
