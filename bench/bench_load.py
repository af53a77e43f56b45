"""Load test: gunicorn on 127.0.0.1 serving an archive of 100k assets to concurrent clients.

Each client is a logged-in session (a real session row, its cookie sent with every request)
that loops over the search page and the JSON API for a bounded number of requests and a
bounded time. Reports throughput, p50/p99 latency and errors at 1, 8 and 32 clients.

    .venv/bin/python bench/bench_load.py [--assets 100000] [--requests 400] [--seconds 60]

Only loopback is ever contacted. The archive is generated into its own SQLite file (reused
while its size matches), never the project's database.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_audit import build_mixed_archive, setup_django  # noqa: E402

DEFAULT_DB = Path("/tmp/caption-archive-bench-load.sqlite3")
PATHS = [
    "/search/?q=kherson",
    "/search/?q=credit%3Agetty+troops",
    "/search/?q=%22armoured+car%22",
    "/search/?q=mobilis%2A&kind=photo",
    "/api/assets?q=shoigu",
    "/api/assets?credit=Reuters&page=2",
    "/api/claims",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(db_path: Path, count: int) -> list[str]:
    """Generate the archive if needed, index it, and return session cookies for clients."""
    setup_django(db_path)
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from archive.models import Asset
    from archive.roles import create_demo_accounts

    call_command("migrate", verbosity=0)
    if Asset.objects.count() != count:
        build_mixed_archive(count)
        call_command("rebuild_search_index", verbosity=0)
    create_demo_accounts("load-test-password")
    user = get_user_model().objects.get(username="journalist")
    cookies = []
    for _ in range(32):
        session = SessionStore()
        session["_auth_user_id"] = str(user.pk)
        session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
        session["_auth_user_hash"] = user.get_session_auth_hash()
        session.create()
        cookies.append(f"sessionid={session.session_key}")
    return cookies


def timed_get(
    connection: http.client.HTTPConnection, path: str, cookie: str
) -> tuple[http.client.HTTPConnection, float, bool]:
    """GET ``path`` as the session ``cookie``: the connection to go on with (a new one after
    a failure), the seconds taken, and whether it answered 200."""
    start = time.perf_counter()
    try:
        connection.request("GET", path, headers={"Cookie": cookie, "Host": "127.0.0.1"})
        response = connection.getresponse()
        response.read()
        ok = response.status == 200
    except (OSError, http.client.HTTPException):
        ok = False
        connection.close()
        connection = http.client.HTTPConnection(
            connection.host, connection.port, timeout=connection.timeout
        )
    return connection, time.perf_counter() - start, ok


def client_loop(port: int, cookie: str, count: int, deadline: float, results: list, lock) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    rng = random.Random(cookie)
    local = []
    for _ in range(count):
        if time.monotonic() > deadline:
            break
        connection, seconds, ok = timed_get(connection, rng.choice(PATHS), cookie)
        local.append((seconds, ok))
    connection.close()
    with lock:
        results.extend(local)


def run_level(port: int, cookies: list[str], clients: int, total: int, seconds: float) -> dict:
    results: list[tuple[float, bool]] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    per_client = max(1, total // clients)
    threads = [
        threading.Thread(
            target=client_loop, args=(port, cookies[i], per_client, deadline, results, lock)
        )
        for i in range(clients)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    times = sorted(t for t, _ in results)
    quantiles = statistics.quantiles(times, n=100) if len(times) > 1 else [times[0]] * 99
    return {
        "clients": clients,
        "requests": len(results),
        "errors": sum(not ok for _, ok in results),
        "throughput": len(results) / elapsed,
        "p50": quantiles[49] * 1000,
        "p99": quantiles[98] * 1000,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assets", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=400, help="per concurrency level")
    parser.add_argument("--seconds", type=float, default=60, help="cap per concurrency level")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    options = parser.parse_args(argv)
    cookies = prepare(options.db, options.assets)
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{options.db}",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        # Every client is the same journalist, asking as fast as it can: this measures serving,
        # not the per-user rates (which would answer 429 within a second).
        "ARCHIVE_API_THROTTLE_RATE": "off",
        "ARCHIVE_SEARCH_THROTTLE_RATE": "off",
        # No JSON access line per request in the benchmark's output.
        "ARCHIVE_LOG_LEVEL": "WARNING",
    }
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(options.workers),
            "--threads",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        run_level(port, cookies, 4, 40, 20)  # warm-up: imports, caches, SQLite pages
        print(
            f"Load: gunicorn ({options.workers} workers × 2 threads) on 127.0.0.1, "
            f"{options.assets:,} assets, search page and API mixed"
        )
        print(
            f"{'clients':>7} {'requests':>8} {'errors':>6} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7}"
        )
        worst = {}
        for clients in (1, 8, 32):
            row = run_level(port, cookies, clients, options.requests, options.seconds)
            worst[clients] = row
            print(
                f"{row['clients']:>7} {row['requests']:>8} {row['errors']:>6} "
                f"{row['throughput']:>7.1f} {row['p50']:>7.1f} {row['p99']:>7.1f}"
            )
        target = worst[8]["p99"] < 500 and all(row["errors"] == 0 for row in worst.values())
        print(f"target (no errors, p99 < 500 ms at 8 clients): {'met' if target else 'NOT met'}")
        return 0
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


if __name__ == "__main__":
    raise SystemExit(main())
