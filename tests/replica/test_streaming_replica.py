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
from archive.models import Asset, Credit, TakedownRequest
from tests.factories import AssetFactory, PlacementFactory

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
