"""Operations: request ids and JSON log lines, /healthz, throttling, the client's address
behind trusted proxies (and the login lock-out that depends on it)."""

from __future__ import annotations

import io
import json
import logging
import re

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.db.utils import OperationalError
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from archive.models import Asset
from archive.web import health
from archive.web.middleware import client_ip

PROXY = "10.0.0.1"


class LogOutput:
    """What the configured standard-output handler writes, read back as JSON lines."""

    def __init__(self):
        self.stream = io.StringIO()

    def lines(self) -> list[dict]:
        return [json.loads(line) for line in self.stream.getvalue().splitlines()]


@pytest.fixture
def log_output():
    """Point the LOGGING handler (JSON formatter, request-id filter) at a buffer."""
    (handler,) = [h for h in logging.getLogger().handlers if h.get_name() == "console"]
    output = LogOutput()
    previous = handler.setStream(output.stream)
    yield output
    handler.setStream(previous)


@pytest.fixture
def behind_proxy(settings):
    settings.ARCHIVE_TRUSTED_PROXIES = [PROXY, "fd00::/8"]


# --- request ids and log lines -------------------------------------------------------------


def test_each_request_gets_a_new_id_in_the_response(db, client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first) and first != second


def test_an_incoming_request_id_is_kept_only_from_a_trusted_proxy(db, client, behind_proxy):
    kept = client.get("/healthz", HTTP_X_REQUEST_ID="lb-42.a", REMOTE_ADDR=PROXY)
    assert kept["X-Request-ID"] == "lb-42.a"
    stranger = client.get("/healthz", HTTP_X_REQUEST_ID="lb-42.a", REMOTE_ADDR="203.0.113.5")
    assert stranger["X-Request-ID"] != "lb-42.a"
    garbled = client.get("/healthz", HTTP_X_REQUEST_ID="a b\n{}", REMOTE_ADDR=PROXY)
    assert re.fullmatch(r"[0-9a-f]{32}", garbled["X-Request-ID"])


def test_each_request_is_logged_as_one_json_line(journalist_client, log_output):
    response = journalist_client.get("/api/claims")
    lines = [line for line in log_output.lines() if line["logger"] == "archive.requests"]
    assert len(lines) == 1
    line = lines[0]
    assert line["request_id"] == response["X-Request-ID"]
    assert (line["user"], line["method"], line["path"], line["status"]) == (
        "journalist",
        "GET",
        "/api/claims",
        200,
    )
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert "traceback" not in line
    assert line["level"] == "INFO" and line["time"].endswith("+00:00")


def test_a_server_error_is_logged_with_its_traceback_and_request_id(
    journalist_client, log_output, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("search engine on fire")

    monkeypatch.setattr("archive.web.api.search_assets", broken)
    journalist_client.raise_request_exception = False
    response = journalist_client.get("/api/assets", {"q": "troops"})
    assert response.status_code == 500
    errors = [line for line in log_output.lines() if line["level"] == "ERROR"]
    assert errors, "no error line"
    assert errors[0]["request_id"] == response["X-Request-ID"]
    assert "Traceback" in errors[0]["traceback"]
    assert "RuntimeError: search engine on fire" in errors[0]["traceback"]


# --- /healthz --------------------------------------------------------------------------------


def test_healthz_counts_the_asset_backlog_from_an_index_not_the_table(db, client, media_storage):
    # /healthz needs no login: its counts of pending and failed assets must not read the asset
    # table (kilobytes of metadata a row, a million rows), only the processing state's index.
    Asset.objects.create(
        sha256="e" * 64, file="originals/ee/x.jpg", processing_state="failed", format="jpeg"
    )
    with CaptureQueriesContext(connection) as queries:
        answer = client.get("/healthz").json()
    assert answer["backlog"]["failed_assets"] == 1
    counts = [q["sql"] for q in queries.captured_queries if 'FROM "archive_asset"' in q["sql"]]
    assert len(counts) == 2  # pending and failed
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for sql in counts:
                cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
                plan = " ".join(str(row[-1]) for row in cursor.fetchall())
                assert "COVERING INDEX" in plan and "processing_state" in plan, plan


def test_healthz_answers_anonymous_callers_with_each_check(db, client, media_storage):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "storage": "ok", "cache": "ok", "tasks": "ok"},
        "backlog": {
            "waiting": 0,
            "oldest_seconds": None,
            "pending_assets": 0,
            "failed_assets": 0,
        },
    }
    assert "no-cache" in response["Cache-Control"]
    # The storage probe is written, read back and deleted.
    assert not any(path.is_file() for path in media_storage.rglob("*"))


@pytest.mark.queued_tasks
@pytest.mark.django_db(transaction=True)
def test_healthz_reports_the_task_backlog_without_failing(client):
    from archive.ingest import ingest_file
    from tests.factories import jpeg_bytes

    ingest_file(jpeg_bytes("queued", size=(400, 300)), filename="queued.jpg")
    Asset.objects.create(
        sha256="f" * 64, file="originals/ff/x.jpg", processing_state="failed", format="jpeg"
    )
    response = client.get("/healthz")
    assert response.status_code == 200, "a backlog does not take a server out of rotation"
    backlog = response.json()["backlog"]
    assert backlog["waiting"] == 1 and backlog["oldest_seconds"] >= 0
    assert (backlog["pending_assets"], backlog["failed_assets"]) == (1, 1)


class BrokenStorage:
    def save(self, name, content):
        raise OSError("disk /srv/secret-volume is full")


class BrokenConnection:
    def cursor(self):
        raise OperationalError("could not connect to server at 10.1.2.3")


@pytest.mark.parametrize(
    "name, attribute, broken",
    [
        ("storage", "default_storage", BrokenStorage()),
        ("database", "connection", BrokenConnection()),
    ],
)
def test_healthz_fails_with_503_naming_only_the_check(
    db, client, monkeypatch, log_output, name, attribute, broken
):
    monkeypatch.setattr(health, attribute, broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failed" and body["checks"][name] == "failed"
    assert [check for check, result in body["checks"].items() if result != "ok"] == [name]
    assert b"secret" not in response.content and b"10.1.2.3" not in response.content
    # The reason goes to the log, with its traceback.
    failures = [line for line in log_output.lines() if line.get("check") == name]
    assert failures and "Traceback" in failures[0]["traceback"]


# --- throttling ------------------------------------------------------------------------------


def test_the_api_answers_429_past_its_rate(settings, role_users):
    settings.ARCHIVE_API_THROTTLE_RATE = "3/min"
    journalist, auditor = Client(), Client()
    journalist.force_login(role_users["journalist"])
    auditor.force_login(role_users["auditor"])
    for _ in range(3):
        assert journalist.get("/api/claims").status_code == 200
    refused = journalist.get("/api/claims")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    # Counted per user: another user is not held back.
    assert auditor.get("/api/claims").status_code == 200


def test_the_search_page_answers_429_past_its_rate(settings, role_users):
    settings.ARCHIVE_SEARCH_THROTTLE_RATE = "2/min"
    journalist, auditor = Client(), Client()
    journalist.force_login(role_users["journalist"])
    auditor.force_login(role_users["auditor"])
    assert journalist.get("/search/", {"q": "troops"}).status_code == 200
    assert journalist.get("/search/").status_code == 200
    refused = journalist.get("/search/", {"q": "troops"})
    assert refused.status_code == 429 and "Too many requests" in refused.content.decode()
    assert int(refused["Retry-After"]) > 0
    assert auditor.get("/search/").status_code == 200


def test_rates_can_be_turned_off(settings, journalist_client):
    settings.ARCHIVE_SEARCH_THROTTLE_RATE = "off"
    for _ in range(5):
        assert journalist_client.get("/search/").status_code == 200


# --- the client's address behind proxies -----------------------------------------------------


def request_from(remote: str, forwarded: str | None = None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


@pytest.mark.parametrize(
    "remote, forwarded, expected",
    [
        # No trusted proxy in between: the header is the client's own words, ignored.
        ("203.0.113.7", "198.51.100.1", "203.0.113.7"),
        # Our proxy appended the address it saw.
        (PROXY, "198.51.100.1", "198.51.100.1"),
        # The client wrote its own header first: only the proxy's entry counts.
        (PROXY, "1.2.3.4, 198.51.100.1", "198.51.100.1"),
        # Two of our proxies in a row (IPv6 network), then the client.
        (PROXY, "198.51.100.1, fd00::5", "198.51.100.1"),
        # A proxy with no header, or a garbled one: the proxy's own address.
        (PROXY, None, PROXY),
        (PROXY, "not-an-address", PROXY),
    ],
)
def test_client_ip_trusts_forwarded_for_only_from_trusted_proxies(
    behind_proxy, remote, forwarded, expected
):
    assert client_ip(request_from(remote, forwarded)) == expected


def test_without_trusted_proxies_forwarded_for_is_ignored(settings):
    settings.ARCHIVE_TRUSTED_PROXIES = []
    assert client_ip(request_from("127.0.0.1", "198.51.100.1")) == "127.0.0.1"


def fail_login(client, **extra):
    return client.post("/accounts/login/", {"username": "journalist", "password": "wrong"}, **extra)


def log_in(client, **extra):
    return client.post(
        "/accounts/login/", {"username": "journalist", "password": "test-password-123"}, **extra
    )


def test_a_spoofed_forwarded_for_does_not_dodge_the_lock_out(role_users, client, behind_proxy):
    for attempt in range(django_settings.AXES_FAILURE_LIMIT):
        fail_login(client, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt}")
    response = log_in(client, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_spoofed_forwarded_for_through_our_proxy_does_not_dodge_it(
    role_users, client, behind_proxy
):
    for attempt in range(django_settings.AXES_FAILURE_LIMIT):
        fail_login(client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"1.2.3.{attempt}, 198.51.100.1")
    response = log_in(client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="9.9.9.9, 198.51.100.1")
    assert response.status_code == 429


def test_behind_our_proxy_the_lock_out_holds_the_client_not_everyone(role_users, behind_proxy):
    guesser, colleague = Client(), Client()
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        fail_login(guesser, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert (
        log_in(guesser, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 429
    )
    # The same user name from another client behind the same proxy still logs in.
    assert (
        log_in(colleague, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 302
    )


# --- the login redirect ----------------------------------------------------------------------


def test_an_address_too_long_to_come_back_to_still_leads_to_the_login_page(client, log_output):
    # Django lets a redirect carry 16 384 characters: a longer search sent anyone without
    # login a bare 400, and logged an error with its traceback each time.
    query = "q=" + "+".join(f"word{index}" for index in range(3000))
    response = client.get(f"/search/?{query}")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/search/"
    too_long_path = client.get("/media/assets/1/" + "x" * 17_000)
    assert (too_long_path.status_code, too_long_path["Location"]) == (302, "/accounts/login/")
    assert [line for line in log_output.lines() if line.get("level") == "ERROR"] == []
    short = client.get("/search/?q=harbour")
    assert short["Location"] == "/accounts/login/?next=/search/%3Fq%3Dharbour"
