"""Reads from a real streaming replica, and a writer who reads back what they wrote at once."""

from __future__ import annotations

import time
from datetime import date

import pytest
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive import takedowns
from archive.models import Asset, Credit, Placement, TakedownRequest
from config import routers
from tests.factories import AssetFactory, CreditFactory, PlacementFactory

pytestmark = pytest.mark.django_db(transaction=True, databases="__all__")

REPLICA = "replica0"


def wait_for_replica(check, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "the replica did not catch up"
        time.sleep(0.1)


def test_the_replica_is_a_streaming_copy_of_the_primary(settings):
    assert settings.ARCHIVE_DATABASE_REPLICAS == [REPLICA]
    with connections[REPLICA].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        assert cursor.fetchone() == (True,)
    Credit.objects.create(name="Replicated Agency")
    wait_for_replica(
        lambda: Credit.objects.using(REPLICA).filter(name="Replicated Agency").exists()
    )


def test_pages_read_from_the_replica(seeded, role_users):
    archived = Asset.objects.using("default").count()
    wait_for_replica(lambda: Asset.objects.using(REPLICA).count() == archived)
    client = Client()
    client.force_login(role_users["journalist"])
    with (
        CaptureQueriesContext(connections[REPLICA]) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_primary,
    ):
        assert client.get(reverse("archive:search"), {"q": "putin"}).status_code == 200
        assert client.get(reverse("archive:claim-list")).status_code == 200
    assert any("archive_asset" in q["sql"] for q in on_replica.captured_queries)
    # The primary answers only for the session and the account.
    assert not [q for q in on_primary.captured_queries if '"archive_' in q["sql"]]


def test_a_writer_reads_their_write_while_the_replica_lags(role_users):
    asset = AssetFactory(without_file=True)
    for position in (1, 2, 3):
        PlacementFactory(asset=asset, position=position)
    request = TakedownRequest.objects.create(
        scope="asset", asset=asset, received_on=date(2026, 5, 1)
    )
    takedowns.record_items(request)
    wait_for_replica(lambda: request.items.using(REPLICA).count() == 3)
    archivist, auditor = Client(), Client()
    archivist.force_login(role_users["archivist"])
    auditor.force_login(role_users["auditor"])
    url = reverse("archive:takedown-detail", args=[request.pk])
    with connections[REPLICA].cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_pause()")
    try:
        ids = list(request.items.values_list("pk", flat=True))
        response = archivist.post(url, {"item": ids, "state": "removed", "note": ""})
        assert response.status_code == 302
        # The archivist reads the primary: the change is there at once.
        assert "3 taken down" in archivist.get(url).content.decode()
        # Another user reads the replica, which has not replayed the change yet.
        assert "3 to deal with" in auditor.get(url).content.decode()
    finally:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute("SELECT pg_wal_replay_resume()")
    wait_for_replica(lambda: "3 taken down" in auditor.get(url).content.decode())


def test_the_takedown_csv_streams_from_the_replica_through_its_own_cursor(role_users):
    """An auditor's CSV reads the replica: the cursor is declared there, in a transaction on
    the replica's own connection (in one on the primary's, the replica's cursor was held, or,
    declared by hand, refused outside a transaction)."""
    supplier = CreditFactory(name="Streamed Agency")
    assets = [AssetFactory(without_file=True, credit=supplier) for _ in range(3)]
    for asset in assets:
        for position in (1, 2):
            PlacementFactory(asset=asset, position=position)
    wait_for_replica(lambda: Placement.objects.using(REPLICA).filter(asset__in=assets).count() == 6)
    auditor = Client()
    auditor.force_login(role_users["auditor"])
    url = reverse("archive:takedown-impact")
    # This test wrote (its rows): its own reads are pinned to the primary. The response's
    # lines are read after the request's middleware, as in a server's fresh thread: unpinned.
    tokens = routers.pin(False)
    try:
        with CaptureQueriesContext(connections[REPLICA]) as on_replica:
            response = auditor.get(url, {"credit": supplier.pk, "format": "csv"})
            text = b"".join(response.streaming_content).decode()
    finally:
        routers.unpin(tokens)
    lines = text.split("\r\n")[1:-1]
    assert sorted(int(line.split(",")[0]) for line in lines) == sorted(
        Placement.objects.filter(asset__in=assets).values_list("pk", flat=True)
    )
    declared = [q["sql"] for q in on_replica.captured_queries if q["sql"].startswith("DECLARE")]
    assert len(declared) == 1 and "archive_placement" in declared[0]
    assert not connections[REPLICA].in_atomic_block
