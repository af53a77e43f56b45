"""Load with uploads: archivists upload 12-megapixel pictures through the admin while
journalists search, on PostgreSQL, with gunicorn and 1 then 2 background task workers.

Each round starts the servers as deploy/ runs them: the web server (gunicorn with
``deploy/gunicorn.conf.py``: 2 workers × its threads), the upload server (the same app on a
gunicorn of its own for the admin's upload endpoints, with the workers and the niceness of
``deploy/systemd/caption-archive-upload.service``; nginx routes to it in deployment, here the
archivists post to it directly; ``--upload-workers 0`` serves uploads from the web server) and
``manage.py db_worker`` processes at the worker unit's niceness, then runs at once:

- N archivists, each signed in through the admin's login form (its CSRF token and session
  cookie, as a browser), posting M pictures one after another to the admin upload's
  one-file endpoint (a multipart POST with the form's CSRF token), as the upload page does;
- J journalists (a session each) searching the search page and the JSON API until every
  picture of the round is processed, each pausing ``--think`` seconds on average (drawn
  between half and one and a half times it) between an answer and the next search, as a
  person reads a page of results, and starting within one pause; ``--think 0`` asks again
  at once (a stress test: 32 such clients keep the 2 cores busy by themselves).

The main process polls the database until every uploaded asset is "ready" (or failed, or
``--timeout`` passes). Per round: upload requests and their p50/p99, searches and their
p50/p99, errors, files ready, and the background processing throughput (pictures processed
a second, from the first task's start to the last one's end, read from the task results);
then the throughput with 2 task workers against 1.

    BENCH_POSTGRES_URL=postgres://USER@127.0.0.1:PORT/load_bench \\
        .venv/bin/python bench/bench_load_upload.py [--archivists 8] [--pictures 50]
        [--journalists 32] [--think 5] [--assets 20000] [--task-workers 1,2]
        [--upload-workers 1] [--workers 2] [--threads N]

The database named there (its name must contain ``bench``) is emptied and filled with a
generated archive of ``--assets`` assets (bench_search's generator) for the journalists to
search; uploaded files go to a temporary media folder, removed at the end. Pictures are made
once (distinct, noisy 4000 × 3000 JPEGs) and kept in ``--pictures-dir``. Without
``BENCH_POSTGRES_URL`` (or ``--database-url``) the benchmark says so and is skipped. Only
loopback is ever contacted.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_load import PATHS, free_port, timed_get  # noqa: E402
from bench.cpu_accounting import cpu_by_part, postgres_postmaster, process_cpu  # noqa: E402

PICTURES_DIR = Path("/tmp/caption-archive-bench-pictures")
PASSWORD = "load-upload-bench-password"
UPLOAD_PATH = "/admin/archive/asset/upload/file/"
WIDTH, HEIGHT = 4000, 3000  # 12 megapixels


def make_pictures(folder: Path, count: int) -> list[Path]:
    """Return ``count`` distinct 12-megapixel JPEGs, making the missing ones: a smooth random
    picture with grain, so each compresses like a photograph (a few megabytes)."""
    import numpy
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"picture-{index:04d}.jpg"
        if not path.exists():
            rng = numpy.random.default_rng(index)
            small = Image.fromarray(rng.integers(0, 256, (24, 32, 3), dtype=numpy.uint8))
            pixels = numpy.asarray(small.resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC))
            grain = rng.normal(0, 7, (HEIGHT, WIDTH, 1))
            picture = numpy.clip(pixels + grain, 0, 255).astype(numpy.uint8)
            partial = path.with_suffix(".part")
            Image.fromarray(picture).save(partial, "JPEG", quality=90)
            partial.rename(path)
            print(f"  made picture {index + 1}/{count}", file=sys.stderr, flush=True)
        paths.append(path)
    return paths


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def generate_archive(database_url: str, assets: int) -> None:
    """Empty the benchmark database and fill it with a searchable archive (run at low
    priority in a child process: the machine's cores are shared)."""
    setup_django(database_url)
    from django.core.management import call_command
    from django.db import connection

    from archive.audit.facts import rebuild_facts
    from archive.search.documents import rebuild_search_index
    from bench.bench_search import generate

    if connection.vendor != "postgresql":
        raise SystemExit("bench_load_upload measures PostgreSQL: give a postgres:// URL.")
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    started = time.perf_counter()
    generate(assets)
    rebuild_facts()
    rebuild_search_index()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"  archive of {assets:,} made in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def accounts(database_url: str, archivists: int) -> dict:
    """Make the accounts; return the archivists' names, the journalist's sessions and a
    credit's id."""
    setup_django(database_url)
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.db import SessionStore

    from archive.models import Credit
    from archive.roles import ARCHIVIST, create_demo_accounts

    create_demo_accounts(PASSWORD)
    User = get_user_model()
    names = []
    for number in range(archivists):
        user = User.objects.create_user(f"bench-archivist-{number}", password=PASSWORD)
        user.is_staff = True
        user.save()
        user.groups.set([Group.objects.get(name=ARCHIVIST)])
        names.append(user.username)
    journalist = User.objects.get(username="journalist")
    cookies = []
    for _ in range(64):
        session = SessionStore()
        session["_auth_user_id"] = str(journalist.pk)
        session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
        session["_auth_user_hash"] = journalist.get_session_auth_hash()
        session.create()
        cookies.append(f"sessionid={session.session_key}")
    credit = Credit.objects.order_by("pk").values_list("pk", flat=True).first()
    return {"archivists": names, "cookies": cookies, "credit": credit}


def cookies_from(response: http.client.HTTPResponse, jar: dict) -> None:
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        jar[name.strip()] = rest.split(";", 1)[0]


def cookie_header(jar: dict) -> str:
    return "; ".join(f"{name}={value}" for name, value in jar.items())


def admin_login(port: int, username: str) -> dict:
    """Sign in through the admin's login form as a browser does; return the cookie jar."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    jar: dict = {}
    connection.request("GET", "/admin/login/?next=/admin/", headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    page = response.read().decode()
    cookies_from(response, jar)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urlencode(
        {
            "username": username,
            "password": PASSWORD,
            "csrfmiddlewaretoken": token,
            "next": "/admin/",
        }
    )
    connection.request(
        "POST",
        "/admin/login/?next=/admin/",
        body=body,
        headers={
            "Host": "127.0.0.1",
            "Cookie": cookie_header(jar),
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    response = connection.getresponse()
    response.read()
    cookies_from(response, jar)
    connection.close()
    if response.status != 302 or "sessionid" not in jar:
        raise RuntimeError(f"admin login of {username} failed: HTTP {response.status}")
    return jar


def multipart(fields: dict, filename: str, data: bytes) -> tuple[bytes, str]:
    """Encode ``fields`` and one file as multipart/form-data; return the body and its type."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        "Content-Type: image/jpeg\r\n\r\n".encode()
        + data
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def archivist_loop(
    port: int, jar: dict, pictures: list[Path], credit: int, out: list, lock
) -> None:
    """Upload each picture through the admin's one-file endpoint; record time, success, id."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    local = []
    for path in pictures:
        body, content_type = multipart(
            {"csrfmiddlewaretoken": jar["csrftoken"], "credit": credit, "kind": ""},
            path.name,
            path.read_bytes(),
        )
        started = time.perf_counter()
        asset_id, reason = None, ""
        try:
            connection.request(
                "POST",
                UPLOAD_PATH,
                body=body,
                headers={
                    "Host": "127.0.0.1",
                    "Cookie": cookie_header(jar),
                    "Content-Type": content_type,
                    "X-CSRFToken": jar["csrftoken"],
                },
            )
            response = connection.getresponse()
            payload = response.read()
            if response.status == 200:
                answer = json.loads(payload)
                if answer.get("status") == "created":
                    asset_id = answer["asset_id"]
                else:
                    reason = f"{answer.get('status')}: {answer.get('reason')}"
            else:
                reason = f"HTTP {response.status}"
        except (OSError, http.client.HTTPException) as error:
            reason = repr(error)
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        local.append((time.perf_counter() - started, asset_id, reason))
    connection.close()
    with lock:
        out.extend(local)


def journalist_loop(
    port: int, cookie: str, stop: threading.Event, out: list, lock, think: float = 0.0
) -> None:
    """Search (page and API, as bench_load) until told to stop; record time and success.

    ``think``: the mean pause between one answer and the next search (drawn evenly between
    half and one and a half times it), the time a person reads a page of results; 0 asks
    again at once."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    rng = random.Random(cookie)
    local = []
    if think:
        # People do not all press Enter at the same instant: each starts within one pause.
        stop.wait(rng.uniform(0, think))
    while not stop.is_set():
        connection, seconds, ok = timed_get(connection, rng.choice(PATHS), cookie)
        local.append((seconds, ok))
        if think:
            # Past gunicorn's keep-alive the server closes the idle connection; a browser
            # opens a new one for the next search, and so does this journalist.
            connection.close()
            stop.wait(rng.uniform(0.5 * think, 1.5 * think))
    connection.close()
    with lock:
        out.extend(local)


def wait_for_port(port: int, process: subprocess.Popen) -> None:
    for _ in range(600):
        if process.poll() is not None:
            raise SystemExit("gunicorn stopped before it listened")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not listen within a minute")


def quantile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100)[round(share * 100) - 1]


def processing_figures(ids: list[int], uploads_ended=None) -> dict:
    """Read the round's assets' states and its tasks' times from the database: the
    throughput over the whole round and, when ``uploads_ended`` (a time) is given, over the
    part after the last upload answered, when the workers no longer share the cores with the
    upload burst."""
    from django.db.models import Max, Min
    from django_tasks_db.models import DBTaskResult

    from archive.models import Asset

    states = dict.fromkeys(("pending", "ready", "failed"), 0)
    for state in Asset.objects.filter(pk__in=ids).values_list("processing_state", flat=True):
        states[state] += 1
    tasks = DBTaskResult.objects.filter(
        task_path__endswith="process_asset", args_kwargs__args__0__in=ids
    )
    span = tasks.aggregate(first=Min("started_at"), last=Max("finished_at"))
    done = tasks.filter(finished_at__isnull=False).count()
    seconds = (span["last"] - span["first"]).total_seconds() if span["first"] else 0.0
    rate_after = 0.0
    if uploads_ended is not None and span["last"] and span["last"] > uploads_ended:
        after = tasks.filter(finished_at__gt=uploads_ended).count()
        rate_after = after / (span["last"] - uploads_ended).total_seconds()
    return {
        **states,
        "tasks": done,
        "seconds": seconds,
        "rate": done / seconds if seconds else 0.0,
        "rate_after_uploads": rate_after,
    }


WORKER_UNIT = ROOT / "deploy" / "systemd" / "caption-archive-worker.service"
UPLOAD_UNIT = ROOT / "deploy" / "systemd" / "caption-archive-upload.service"


def unit_option(unit: Path, pattern: str) -> int:
    """A number a deploy/systemd unit sets (0 when it sets none), so that the benchmark runs
    the processes as a deployment does."""
    found = re.search(pattern, unit.read_text(), re.MULTILINE)
    return int(found.group(1)) if found else 0


def worker_niceness(unit: Path = WORKER_UNIT) -> int:
    """The ``Nice=`` a unit gives its processes (the task workers' by default)."""
    return unit_option(unit, r"^Nice=(-?\d+)\s*$")


def gunicorn_threads() -> int:
    """The threads per worker deploy/gunicorn.conf.py gives when no setting names them."""
    found = re.search(
        r'"GUNICORN_THREADS", "(\d+)"', (ROOT / "deploy" / "gunicorn.conf.py").read_text()
    )
    return int(found.group(1)) if found else 1


def lower_group_priority(pid: int, niceness: int) -> None:
    """Give a worker's own scheduling group the niceness too, as systemd's ``CPUWeight=``
    gives its unit's cgroup a lower share: with Linux's autogroups a process started in a
    session of its own competes as a group, and its ``nice`` only ranks it within it."""
    try:
        Path(f"/proc/{pid}/autogroup").write_text(str(niceness))
    except OSError:
        pass  # no autogroups (or another kernel): the process's own nice is all there is


def start_process(command: list[str], env: dict, niceness: int = 0, **popen) -> subprocess.Popen:
    """Start a server or worker in a session of its own (so it can be stopped with its
    children), at ``niceness`` for itself and its scheduling group."""
    process = subprocess.Popen(
        ["nice", "-n", str(niceness), *command],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        **popen,
    )
    if niceness:
        lower_group_priority(process.pid, niceness)
    return process


def run_round(options, prepared: dict, pictures: list[Path], task_workers: int, env: dict) -> dict:
    """One round: gunicorn and ``task_workers`` workers; uploads and searches at once."""
    from django.db import close_old_connections

    from archive.models import Asset

    gunicorn = [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "deploy/gunicorn.conf.py"]
    quiet = {"GUNICORN_LOG_LEVEL": "warning"}
    port = free_port()
    server = start_process(gunicorn, {**env, **quiet, "GUNICORN_BIND": f"127.0.0.1:{port}"})
    upload_port, upload_server = port, None
    if options.upload_workers:
        # The upload endpoint on a server of its own, at the niceness given (nginx routes
        # it there in deploy/nginx), so that a burst of uploads waits behind the searches.
        upload_port = free_port()
        upload_env = {
            **env,
            **quiet,
            "GUNICORN_BIND": f"127.0.0.1:{upload_port}",
            "GUNICORN_WORKERS": str(options.upload_workers),
        }
        upload_server = start_process(gunicorn, upload_env, options.upload_nice)
    db_worker = [sys.executable, "manage.py", "db_worker", "--interval", "1", "--no-reload"]
    workers = [
        start_process(
            [*db_worker, "--no-startup-delay"],
            env,
            options.worker_nice,
            stdout=subprocess.DEVNULL,
        )
        for _ in range(task_workers)
    ]
    try:
        wait_for_port(port, server)
        if upload_server:
            wait_for_port(upload_port, upload_server)
        jars = [admin_login(port, name) for name in prepared["archivists"]]
        # Warm up every gunicorn worker (imports, first queries) before the clock starts.
        warm: list = []
        stop = threading.Event()
        threads = [
            threading.Thread(
                target=journalist_loop,
                args=(port, cookie, stop, warm, threading.Lock()),
            )
            for cookie in prepared["cookies"][:4]
        ]
        for thread in threads:
            thread.start()
        time.sleep(3)
        stop.set()
        for thread in threads:
            thread.join()

        uploads: list = []
        searches: list = []
        lock = threading.Lock()
        stop = threading.Event()
        per = options.pictures
        archivists = [
            threading.Thread(
                target=archivist_loop,
                args=(
                    upload_port,
                    jar,
                    pictures[index * per : (index + 1) * per],
                    prepared["credit"],
                    uploads,
                    lock,
                ),
            )
            for index, jar in enumerate(jars)
        ]
        journalists = [
            threading.Thread(
                target=journalist_loop,
                args=(port, cookie, stop, searches, lock, options.think),
            )
            for cookie in prepared["cookies"][: options.journalists]
        ]
        parts = {
            "web": [server.pid],
            "upload": [upload_server.pid] if upload_server else [],
            "task workers": [worker.pid for worker in workers],
        }
        postmaster = postgres_postmaster()
        cpu_before = cpu_by_part(process_cpu(), parts, postmaster)
        clients_before = resource.getrusage(resource.RUSAGE_SELF)
        started = time.perf_counter()
        for thread in journalists + archivists:
            thread.start()
        for thread in archivists:
            thread.join()
        upload_seconds = time.perf_counter() - started
        uploads_ended = datetime.now(UTC)
        ids = [asset_id for _, asset_id, _ in uploads if asset_id]
        deadline = time.monotonic() + options.timeout
        while time.monotonic() < deadline:
            close_old_connections()
            pending = Asset.objects.filter(pk__in=ids, processing_state="pending").count()
            if not pending:
                break
            time.sleep(0.5)
        all_done = time.perf_counter() - started
        cpu_after = cpu_by_part(process_cpu(), parts, postmaster)
        clients_after = resource.getrusage(resource.RUSAGE_SELF)
        stop.set()
        for thread in journalists:
            thread.join()
        close_old_connections()
        figures = processing_figures(ids, uploads_ended)
    finally:
        servers = [server] + ([upload_server] if upload_server else [])
        for process in [*servers, *workers]:
            os.killpg(process.pid, signal.SIGTERM)
        for process in [*servers, *workers]:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
    upload_times = sorted(seconds for seconds, _, _ in uploads)
    search_times = sorted(seconds for seconds, _ in searches)
    reasons = sorted({reason for _, asset_id, reason in uploads if not asset_id})
    return {
        "task_workers": task_workers,
        "uploads": len(uploads),
        "upload_errors": sum(1 for _, asset_id, _ in uploads if not asset_id),
        "upload_reasons": reasons[:3],
        "upload_p50": quantile(upload_times, 0.5) * 1000,
        "upload_p99": quantile(upload_times, 0.99) * 1000,
        "upload_seconds": upload_seconds,
        "searches": len(searches),
        "search_errors": sum(1 for _, ok in searches if not ok),
        "search_p50": quantile(search_times, 0.5) * 1000,
        "search_p99": quantile(search_times, 0.99) * 1000,
        "all_done_seconds": all_done,
        "cpu": {
            **{name: cpu_after[name] - cpu_before[name] for name in cpu_after},
            "benchmark's clients": (clients_after.ru_utime + clients_after.ru_stime)
            - (clients_before.ru_utime + clients_before.ru_stime),
        },
        **figures,
    }


def report(options, rounds: list[dict]) -> str:
    lines = [
        f"Load with uploads: PostgreSQL, gunicorn (deploy/gunicorn.conf.py: {options.workers} "
        f"workers × {options.threads or gunicorn_threads()} threads"
        + (
            f"; uploads on a server of their own, {options.upload_workers} worker(s) at nice "
            f"{options.upload_nice}"
            if options.upload_workers
            else "; uploads on the same server"
        )
        + f") on 127.0.0.1; {options.archivists} archivists × {options.pictures} pictures "
        f"of 12 MP through the admin upload while {options.journalists} journalists search "
        f"an archive of {options.assets:,} ("
        + (
            f"pausing {options.think:g} s on average between searches)"
            if options.think
            else "each asking again as soon as answered)"
        )
        + f"; task workers at nice {options.worker_nice}",
        f"{'task workers':>12} {'uploads':>7} {'errors':>6} {'up p50':>7} {'up p99':>7} "
        f"{'searches':>8} {'errors':>6} {'s p50':>6} {'s p99':>6} {'ready':>9} {'failed':>6} "
        f"{'processed/s':>11} {'after uploads':>13} {'uploads s':>9} {'all ready s':>11}",
    ]
    for row in rounds:
        lines.append(
            f"{row['task_workers']:>12} {row['uploads']:>7} {row['upload_errors']:>6} "
            f"{row['upload_p50']:>7.0f} {row['upload_p99']:>7.0f} {row['searches']:>8} "
            f"{row['search_errors']:>6} {row['search_p50']:>6.0f} {row['search_p99']:>6.0f} "
            f"{row['ready']:>4}/{row['uploads']:<4} {row['failed']:>6} {row['rate']:>11.2f} "
            f"{row['rate_after_uploads']:>13.2f} "
            f"{row['upload_seconds']:>9.1f} {row['all_done_seconds']:>11.1f}"
        )
        cpu = row["cpu"]
        capacity = (os.cpu_count() or 1) * row["all_done_seconds"]
        lines.append(
            f"{'':>12} CPU seconds over the round's {row['all_done_seconds']:.0f} s "
            f"({capacity:.0f} on {os.cpu_count()} cores): "
            + ", ".join(f"{name} {seconds:.0f}" for name, seconds in cpu.items())
            + f"; the rest (idle or other processes) {capacity - sum(cpu.values()):.0f}"
        )
        if row["upload_reasons"]:
            lines.append(f"{'':>12} upload refusals: {'; '.join(row['upload_reasons'])}")
    checks = []
    for row in rounds:
        label = f"{row['task_workers']} task worker(s)"
        errors = row["upload_errors"] + row["search_errors"]
        checks += [
            (f"{label}: {errors} errors == 0", errors == 0),
            (f"{label}: search p99 {row['search_p99']:.0f} ms <= 500", row["search_p99"] <= 500),
            (f"{label}: upload p99 {row['upload_p99']:.0f} ms <= 2000", row["upload_p99"] <= 2000),
            (
                f"{label}: {row['ready']} of {row['uploads']} ready",
                row["ready"] == row["uploads"] > 0,
            ),
        ]
    by_workers = {row["task_workers"]: row for row in rounds}
    if 1 in by_workers and 2 in by_workers and by_workers[1]["rate"]:
        ratio = by_workers[2]["rate"] / by_workers[1]["rate"]
        lines.append(
            f"processing throughput, 2 task workers against 1: {by_workers[2]['rate']:.2f} / "
            f"{by_workers[1]['rate']:.2f} pictures/s = {ratio:.2f}x"
        )
        checks.append((f"2 workers {ratio:.2f}x 1 worker >= 1.6x", ratio >= 1.6))
        if by_workers[1]["rate_after_uploads"]:
            lines.append(
                "  once the last upload has answered (not a target, where the cores go): "
                f"{by_workers[2]['rate_after_uploads']:.2f} / "
                f"{by_workers[1]['rate_after_uploads']:.2f} pictures/s = "
                f"{by_workers[2]['rate_after_uploads'] / by_workers[1]['rate_after_uploads']:.2f}x"
            )
    missed = [text for text, ok in checks if not ok]
    lines.append(
        f"targets: {len(checks) - len(missed)} of {len(checks)} met"
        + ("" if not missed else "; NOT met: " + "; ".join(missed))
    )
    lines.append(
        "upload: one request per picture (validate, hash, store, row; renditions, pHash and "
        "look-alikes queued); processed/s: pictures a second from the first task's start to "
        "the last one's end; after uploads: pictures finished after the last upload answered, "
        "a second. Shared 2-core machine: expect noise."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_POSTGRES_URL", ""))
    parser.add_argument("--archivists", type=int, default=8)
    parser.add_argument("--pictures", type=int, default=50, help="per archivist and round")
    parser.add_argument("--journalists", type=int, default=32)
    parser.add_argument("--assets", type=int, default=20_000, help="the archive searched")
    parser.add_argument("--task-workers", default="1,2")
    parser.add_argument(
        "--think",
        type=float,
        default=5.0,
        help="a journalist's mean pause in seconds between an answer and the next search "
        "(0: at once)",
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn's worker processes")
    parser.add_argument(
        "--threads",
        type=int,
        default=0,
        help="gunicorn's threads per worker (default: deploy/gunicorn.conf.py's)",
    )
    parser.add_argument(
        "--upload-workers",
        type=int,
        default=unit_option(UPLOAD_UNIT, r"--workers (\d+)"),
        help="the upload endpoint's own gunicorn's workers, as deploy/systemd's upload unit "
        "(default: its --workers); 0 serves uploads from the web server",
    )
    parser.add_argument(
        "--upload-nice",
        type=int,
        default=unit_option(UPLOAD_UNIT, r"^Nice=(-?\d+)\s*$"),
        help="the upload server's niceness (default: the upload unit's Nice=)",
    )
    parser.add_argument(
        "--worker-nice",
        type=int,
        default=worker_niceness(),
        help="the task workers' niceness (default: the worker unit's Nice=)",
    )
    parser.add_argument("--timeout", type=float, default=1800, help="per round, for processing")
    parser.add_argument("--pictures-dir", type=Path, default=PICTURES_DIR)
    parser.add_argument("--generate", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    url = options.database_url
    if not url.startswith("postgres"):
        print("bench_load_upload: skipped (set BENCH_POSTGRES_URL to a PostgreSQL database).")
        return 0
    if "bench" not in url.rsplit("/", 1)[-1].split("?")[0]:
        raise SystemExit("The database's name must contain 'bench': it is emptied and refilled.")
    if options.journalists > 64:
        raise SystemExit("--journalists: at most 64")
    rounds_workers = [int(value) for value in options.task_workers.split(",")]
    per_round = options.archivists * options.pictures
    if options.generate:  # the child: the data, at low priority
        make_pictures(options.pictures_dir, per_round * len(rounds_workers))
        generate_archive(url, options.assets)
        return 0
    child = [sys.executable, __file__, "--generate", *(argv if argv is not None else sys.argv[1:])]
    subprocess.run(["nice", "-n", "10", *child], check=True, cwd=ROOT)
    pictures = make_pictures(options.pictures_dir, per_round * len(rounds_workers))
    prepared = accounts(url, options.archivists)
    media = Path(tempfile.mkdtemp(prefix="caption-archive-bench-media-"))
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "ARCHIVE_MEDIA_ROOT": str(media),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "ARCHIVE_TASKS_BACKEND": "database",
        # Every journalist is the same user asking as fast as it can: this measures serving,
        # not the per-user rates (which would answer 429 within a second).
        "ARCHIVE_API_THROTTLE_RATE": "off",
        "ARCHIVE_SEARCH_THROTTLE_RATE": "off",
        "ARCHIVE_LOG_LEVEL": "WARNING",
        "GUNICORN_WORKERS": str(options.workers),
    }
    if options.threads:
        env["GUNICORN_THREADS"] = str(options.threads)
    rounds = []
    try:
        for index, task_workers in enumerate(rounds_workers):
            print(f"  round with {task_workers} task worker(s)", file=sys.stderr, flush=True)
            chosen = pictures[index * per_round : (index + 1) * per_round]
            rounds.append(run_round(options, prepared, chosen, task_workers, env))
    finally:
        shutil.rmtree(media, ignore_errors=True)
    print(report(options, rounds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
