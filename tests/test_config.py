"""Settings read from the environment: the shared cache, the connection pool, Sentry,
production's exemptions; the Redis cache against a real redis-server."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from config.settings import cache_from_url, pool_options

ROOT = Path(__file__).resolve().parent.parent


def settings_with(env: dict[str, str], expression: str):
    """Evaluate an expression after Django starts with these environment variables."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SENTRY_", "DATABASE_", "CACHE_URL", "ARCHIVE_PRODUCTION"))
    }
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"import sentry_sdk; print(json.dumps({expression}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_sqlite_reads_its_file_through_a_memory_map_unless_told_not_to(tmp_path):
    """Each SQLite connection maps the file (``ARCHIVE_SQLITE_MMAP_MB``, 0: off): pages
    outside its cache are then read without a system call each."""
    read = (
        "__import__('django.db').db.connection.cursor().execute('PRAGMA mmap_size').fetchone()[0]"
    )
    url = {"DATABASE_URL": f"sqlite:///{tmp_path / 'mapped.sqlite3'}"}
    assert settings_with(url, read) >= 1024 * 1024 * 1024
    assert settings_with({**url, "ARCHIVE_SQLITE_MMAP_MB": "16"}, read) == 16 * 1024 * 1024
    assert settings_with({**url, "ARCHIVE_SQLITE_MMAP_MB": "0"}, read) == 0


def test_s3_files_opened_for_a_download_spool_to_disk_not_memory():
    options = settings_with(
        {"ARCHIVE_STORAGE": "s3", "ARCHIVE_S3_BUCKET": "archive"},
        "settings.STORAGES['default']['OPTIONS']",
    )
    assert 0 < options["max_memory_size"] <= 16 * 2**20


# --- CACHE_URL -------------------------------------------------------------------------------


def test_the_default_cache_is_a_database_table():
    assert cache_from_url("db://") == {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "archive_cache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
    assert cache_from_url("db://other_table")["LOCATION"] == "other_table"


def test_redis_urls_use_djangos_redis_cache():
    url = "redis://:secret@cache.internal:6379/2"
    assert cache_from_url(url) == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
    }
    assert cache_from_url("rediss://cache.internal")["BACKEND"].endswith("RedisCache")


def test_an_unknown_cache_url_is_refused_with_a_reason():
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL must start with"):
        cache_from_url("memcached://127.0.0.1")


def test_settings_read_cache_url():
    caches = settings_with({}, 'settings.CACHES["default"]')
    assert caches["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    caches = settings_with({"CACHE_URL": "redis://127.0.0.1:6390/0"}, 'settings.CACHES["default"]')
    assert caches["BACKEND"] == "django.core.cache.backends.redis.RedisCache"


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """A redis-server of our own on a free port (Debian's; `make system-deps` installs it)."""
    server = shutil.which("redis-server") or (
        "/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None
    )
    if server is None:
        pytest.fail("redis-server is missing: `make system-deps` installs Debian's redis-server")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    folder = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        else:
            pytest.fail("redis-server did not start")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_redis_cache_stores_in_redis(settings, redis_url):
    import redis
    from django.core.cache import cache

    settings.CACHES = {"default": cache_from_url(redis_url)}
    cache.set("caption-archive-test", {"credit": "Reuters"}, 60)
    assert cache.get("caption-archive-test") == {"credit": "Reuters"}
    # It really is in Redis, where every app server sees it.
    assert any(b"caption-archive-test" in key for key in redis.Redis.from_url(redis_url).keys())
    cache.delete("caption-archive-test")
    assert cache.get("caption-archive-test") is None


def test_throttling_counts_in_redis(settings, redis_url, role_users):
    from django.test import Client

    settings.CACHES = {"default": cache_from_url(redis_url)}
    settings.ARCHIVE_API_THROTTLE_RATE = "2/min"
    client = Client()
    client.force_login(role_users["auditor"])
    statuses = [client.get("/api/claims").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_healthz_checks_the_redis_cache(settings, redis_url, client, db):
    settings.CACHES = {"default": cache_from_url(redis_url)}
    assert client.get("/healthz").json()["checks"]["cache"] == "ok"
    settings.CACHES = {"default": cache_from_url("redis://127.0.0.1:1/0")}  # nothing there
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["checks"]["cache"] == "failed"


# --- the connection pool ---------------------------------------------------------------------


def test_pool_options():
    assert pool_options(0, 2, 10) is None
    assert pool_options(8, 2, 10) == {"min_size": 2, "max_size": 8, "timeout": 10}
    with pytest.raises(ImproperlyConfigured):
        pool_options(4, 5, 10)


def test_the_pool_is_set_on_postgresql_only_when_asked():
    url = {"DATABASE_URL": "postgres://archive@127.0.0.1:5432/archive"}
    database = settings_with(
        {**url, "DATABASE_POOL_MAX_SIZE": "6"}, 'settings.DATABASES["default"]'
    )
    assert database["OPTIONS"]["pool"] == {"min_size": 2, "max_size": 6, "timeout": 10}
    assert database["CONN_MAX_AGE"] == 0  # Django refuses persistent connections beside a pool
    database = settings_with(url, 'settings.DATABASES["default"]')
    assert "pool" not in database["OPTIONS"] and database["CONN_MAX_AGE"] == 600
    # SQLite has no pool: the setting is ignored there.
    database = settings_with({"DATABASE_POOL_MAX_SIZE": "6"}, 'settings.DATABASES["default"]')
    assert "pool" not in database.get("OPTIONS", {}) and database["CONN_MAX_AGE"] == 600


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (.ci/run's second run)"
)
def test_a_pooled_connection_answers_on_postgresql(db):
    from django.db.backends.postgresql.base import DatabaseWrapper
    from psycopg_pool import ConnectionPool

    settings_dict = {
        **connection.settings_dict,
        "CONN_MAX_AGE": 0,
        "OPTIONS": {
            **connection.settings_dict["OPTIONS"],
            "pool": {"min_size": 1, "max_size": 2, "timeout": 5},
        },
    }
    pooled = DatabaseWrapper(settings_dict, alias="pooled")
    try:
        with pooled.cursor() as cursor:
            cursor.execute("SELECT 1")
            assert cursor.fetchone() == (1,)
        assert isinstance(pooled.pool, ConnectionPool)
    finally:
        pooled.close()
        pooled.close_pool()


# --- Sentry ----------------------------------------------------------------------------------


def test_sentry_starts_only_with_a_dsn():
    active = "[settings.SENTRY_ENABLED, sentry_sdk.get_client().is_active()]"
    assert settings_with({}, active) == [False, False]
    dsn = "https://public-key@127.0.0.1:9/42"
    assert settings_with({"SENTRY_DSN": dsn}, active) == [True, True]
    options = settings_with(
        {"SENTRY_DSN": dsn},
        '[sentry_sdk.get_client().options["dsn"], '
        'sentry_sdk.get_client().options["send_default_pii"]]',
    )
    assert options == [dsn, False]


# --- production ------------------------------------------------------------------------------


def test_healthz_is_exempt_from_productions_https_redirect():
    production = {"ARCHIVE_PRODUCTION": "1", "DJANGO_SECRET_KEY": "x" * 60}
    exempt = settings_with(
        production, "[settings.SECURE_SSL_REDIRECT, settings.SECURE_REDIRECT_EXEMPT]"
    )
    assert exempt == [True, ["^healthz$"]]


def test_a_trusted_proxy_that_is_no_address_is_refused_at_start():
    clean = {key: value for key, value in os.environ.items() if not key.startswith("ARCHIVE_")}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "ARCHIVE_TRUSTED_PROXIES": "10.0.0.1,proxy.internal",
        },
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "'proxy.internal' is not an address or network" in result.stderr
