"""The replica router and read-your-writes, without a server: which alias each read names."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.sessions.models import Session
from django.http import HttpResponse
from django.test import RequestFactory

from archive.models import Asset
from archive.web.middleware import ReadYourWritesMiddleware
from config import routers

router = routers.ReplicaRouter()


@pytest.fixture
def with_replica(settings):
    settings.ARCHIVE_DATABASE_REPLICAS = ["replica0"]
    tokens = routers.pin(False)
    yield
    routers.unpin(tokens)


def test_without_replicas_everything_is_the_primary(settings):
    settings.ARCHIVE_DATABASE_REPLICAS = []
    assert router.db_for_read(Asset) == "default"


def test_reads_go_to_a_replica_until_a_write(with_replica):
    assert router.db_for_read(Asset) == "replica0"
    # Sessions and accounts are read where they are written.
    assert router.db_for_read(Session) == "default"
    assert router.db_for_write(Asset) == "default"
    assert routers.wrote()
    # After a write, this context reads its own writes.
    assert router.db_for_read(Asset) == "default"


def test_the_task_queue_is_read_on_the_primary(with_replica):
    from django_tasks_db.models import DBTaskResult

    # A worker locks the queue's rows before any write pins it: never on a replica.
    assert router.db_for_read(DBTaskResult) == "default"
    assert router.db_for_read(Asset) == "replica0"


def test_migrations_only_on_the_primary():
    assert router.allow_migrate("default", "archive")
    assert not router.allow_migrate("replica0", "archive")


def answer_with_reads(request):
    response = HttpResponse()
    response.reads = router.db_for_read(Asset)
    if request.GET.get("write"):
        router.db_for_write(Asset)
    return response


def middleware():
    return ReadYourWritesMiddleware(answer_with_reads)


def test_a_write_pins_the_writer_to_the_primary_for_a_while(with_replica, settings):
    factory = RequestFactory()
    first = middleware()(factory.get("/search/"))
    assert first.reads == "replica0"
    assert ReadYourWritesMiddleware.COOKIE not in first.cookies

    saved = middleware()(factory.post("/admin/archive/claim/1/change/"))
    assert saved.reads == "default"
    cookie = saved.cookies[ReadYourWritesMiddleware.COOKIE]
    assert cookie["max-age"] == settings.ARCHIVE_REPLICA_PIN_SECONDS
    assert cookie["httponly"]

    after = factory.get("/claims/1/")
    after.COOKIES[ReadYourWritesMiddleware.COOKIE] = cookie.value
    assert middleware()(after).reads == "default"

    # Someone else (no cookie) still reads the replica; a forged cookie counts for nothing.
    assert middleware()(factory.get("/claims/1/")).reads == "replica0"
    forged = factory.get("/claims/1/")
    forged.COOKIES[ReadYourWritesMiddleware.COOKIE] = "1"
    assert middleware()(forged).reads == "replica0"


def test_a_get_that_writes_also_pins(with_replica):
    response = middleware()(RequestFactory().get("/media/assets/1/preview", {"write": "1"}))
    assert ReadYourWritesMiddleware.COOKIE in response.cookies


def test_the_admin_reads_the_primary(with_replica):
    assert middleware()(RequestFactory().get("/admin/archive/asset/")).reads == "default"


def test_the_pin_ends(with_replica, settings):
    settings.ARCHIVE_REPLICA_PIN_SECONDS = 15
    saved = middleware()(RequestFactory().post("/admin/x/"))
    value = saved.cookies[ReadYourWritesMiddleware.COOKIE].value
    settings.ARCHIVE_REPLICA_PIN_SECONDS = -1  # the cookie is now older than the pin lasts
    later = RequestFactory().get("/claims/1/")
    later.COOKIES[ReadYourWritesMiddleware.COOKIE] = value
    assert middleware()(later).reads == "replica0"


def test_the_pin_does_not_leak_into_the_next_request(with_replica):
    middleware()(RequestFactory().get("/search/", {"write": "1"}))
    assert not routers.is_pinned()
    assert router.db_for_read(Asset) == "replica0"


def test_raw_reads_run_on_the_connection_the_router_names(with_replica, monkeypatch):
    primary = SimpleNamespace(in_atomic_block=False)
    replica = SimpleNamespace(in_atomic_block=False)
    monkeypatch.setattr(routers, "connections", {"default": primary, "replica0": replica})
    assert routers.read_connection() is replica
    router.db_for_write(Asset)
    assert routers.read_connection() is primary  # this context just wrote
