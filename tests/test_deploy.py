"""deploy/: gunicorn's config starts the app and answers /healthz; the systemd unit passes
`systemd-analyze verify`; the nginx site passes `nginx -t` (Debian's nginx, installed by
`make system-deps`)."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def app_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_", "CACHE_URL", "SENTRY_", "DJANGO_SETTINGS"))
    }
    return {
        **env,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "ARCHIVE_MEDIA_ROOT": str(tmp_path / "media"),
        **extra,
    }


def start_app(tmp_path: Path, **extra: str) -> tuple[subprocess.Popen, int]:
    """Migrate a new SQLite database, then start gunicorn with deploy/'s config on a free port."""
    env = app_env(tmp_path, **extra)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    port = free_port()
    server = subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), "-c", str(DEPLOY / "gunicorn.conf.py")],
        # Started from elsewhere: the config itself moves to the project folder.
        cwd=tmp_path,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return server, port


def test_gunicorn_config_serves_the_app_and_answers_healthz(tmp_path):
    server, port = start_app(tmp_path)
    try:
        response = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and server.poll() is None:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                connection.request("GET", "/healthz", headers={"Host": "localhost"})
                response = connection.getresponse()
                break
            except OSError:
                time.sleep(0.2)
        assert response is not None, "gunicorn did not answer"
        body = json.loads(response.read())
        assert response.status == 200, body
        assert body["status"] == "ok" and body["checks"] == {
            "database": "ok",
            "storage": "ok",
            "cache": "ok",
            "tasks": "ok",
        }
        assert set(body["backlog"]) == {
            "waiting",
            "oldest_seconds",
            "pending_assets",
            "failed_assets",
        }
        request_id = response.getheader("X-Request-ID")
        # Everything else needs login.
        connection.request("GET", "/search/", headers={"Host": "localhost"})
        search = connection.getresponse()
        search.read()
        assert search.status == 302 and "/accounts/login/" in search.getheader("Location")
    finally:
        server.terminate()
        out, err = server.communicate(timeout=60)
    # Our JSON log lines are on standard error, beside gunicorn's own.
    lines = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    access = [line for line in lines if line.get("logger") == "archive.requests"]
    # (A probe sent while the worker was still booting may have been answered too.)
    assert [(line["path"], line["status"]) for line in access][-2:] == [
        ("/healthz", 200),
        ("/search/", 302),
    ], err
    assert access[-2]["request_id"] == request_id and access[-2]["user"] == ""
    assert "Booting worker" in err  # gunicorn's own log on standard error


@pytest.mark.parametrize(
    ("name", "command"),
    [
        (
            "caption-archive-web",
            "/srv/caption-archive/.venv/bin/gunicorn -c deploy/gunicorn.conf.py",
        ),
        (
            "caption-archive-upload",
            "/srv/caption-archive/.venv/bin/gunicorn -c deploy/gunicorn.conf.py"
            " --bind 127.0.0.1:8001 --workers 1",
        ),
        (
            "caption-archive-worker",
            "/srv/caption-archive/.venv/bin/python manage.py db_worker --interval 1",
        ),
    ],
)
def test_the_units_pass_systemd_analyze_verify(tmp_path, name, command):
    unit = (DEPLOY / "systemd" / f"{name}.service").read_text()
    assert f"ExecStart={command}" in unit
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.fail("systemd-analyze is missing (Debian's systemd package has it)")
    # The unit names the install paths; point them at this checkout so verify can find them.
    local = unit.replace("/srv/caption-archive/.venv", str(VENV_BIN.parent)).replace(
        "/srv/caption-archive", str(ROOT)
    )
    env_file = tmp_path / "env"
    env_file.write_text("DJANGO_SECRET_KEY=test\n")
    local = local.replace("/etc/caption-archive/env", str(env_file))
    path = tmp_path / f"{name}.service"
    path.write_text(local)
    result = subprocess.run(
        [analyze, "verify", "--man=no", str(path)], capture_output=True, text=True, timeout=120
    )
    mine = [line for line in result.stderr.splitlines() if path.name in line]
    assert result.returncode == 0 and not mine, result.stderr


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "archive.example.org")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "fullchain.pem", folder / "privkey.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def find_nginx() -> str:
    nginx = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )
    if nginx is None:
        pytest.fail("nginx is missing: `make system-deps` installs Debian's nginx")
    return nginx


def nginx_config(tmp_path: Path, site: str) -> Path:
    """Write nginx.conf around the site, with every path under tmp_path and a test certificate."""
    cert, key = self_signed_certificate(tmp_path)
    site = site.replace("/etc/ssl/caption-archive/fullchain.pem", str(cert))
    site = site.replace("/etc/ssl/caption-archive/privkey.pem", str(key))
    (tmp_path / "site.conf").write_text(site)
    config = tmp_path / "nginx.conf"
    config.write_text(
        f"""
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{}}
http {{
    include /etc/nginx/mime.types;
    access_log {tmp_path}/access.log;
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    include {tmp_path}/site.conf;
}}
"""
    )
    return config


def test_the_nginx_site_passes_nginx_t(tmp_path):
    nginx = find_nginx()
    site = (DEPLOY / "nginx" / "caption-archive.conf").read_text()
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in site
    assert "proxy_set_header X-Request-ID $request_id;" in site
    config = nginx_config(tmp_path, site)
    result = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(config), "-e", "stderr"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr and "test is successful" in result.stderr


def start_nginx(
    nginx: str, tmp_path: Path, app_port: int, upload_port: int, http_port: int, https_port: int
) -> subprocess.Popen:
    """Run the site as deployed on free loopback ports, in front of the given app ports."""
    site = (DEPLOY / "nginx" / "caption-archive.conf").read_text()
    site = site.replace("server 127.0.0.1:8000", f"server 127.0.0.1:{app_port}")
    site = site.replace("server 127.0.0.1:8001", f"server 127.0.0.1:{upload_port}")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;")
    site = re.sub(r"\n\s*listen \[::\]:\d+[^;]*;", "", site)
    config = nginx_config(tmp_path, site)
    return subprocess.Popen(
        [nginx, "-p", str(tmp_path), "-c", str(config), "-e", "stderr", "-g", "daemon off;"],
        stderr=subprocess.PIPE,
        text=True,
    )


def get_through(port: int, path: str, context: ssl.SSLContext) -> int:
    """GET ``path`` over HTTPS from nginx until it answers other than 502 (gunicorn booting)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=10, context=context)
            connection.request("GET", path, headers={"Host": "localhost"})
            response = connection.getresponse()
            response.read()
            if response.status != 502:
                return response.status
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"nginx did not answer {path}")


def test_nginx_sends_the_upload_endpoints_to_the_upload_server(tmp_path):
    """The admin's upload pages and endpoint go to the upload server (its own gunicorn, at a
    lower CPU share), everything else to the web server."""
    nginx = find_nginx()
    (tmp_path / "web").mkdir()
    (tmp_path / "upload").mkdir()
    (tmp_path / "nginx").mkdir()
    web, web_port = start_app(tmp_path / "web")
    upload, upload_port = start_app(tmp_path / "upload")
    https_port = free_port()
    proxy = start_nginx(nginx, tmp_path / "nginx", web_port, upload_port, free_port(), https_port)
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the test's own certificate
    try:
        for path in (
            "/search/",
            "/admin/archive/asset/upload/",
            "/admin/archive/asset/upload/file/",
        ):
            assert get_through(https_port, path, context) == 302  # to the login page
    finally:
        proxy.terminate()
        proxy.communicate(timeout=30)
        outs = {}
        for name, server in (("web", web), ("upload", upload)):
            server.terminate()
            _, outs[name] = server.communicate(timeout=60)  # our logs: standard error

    def paths(out: str) -> set[str]:
        lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        return {line["path"] for line in lines if line.get("logger") == "archive.requests"}

    assert paths(outs["upload"]) == {
        "/admin/archive/asset/upload/",
        "/admin/archive/asset/upload/file/",
    }
    assert "/search/" in paths(outs["web"])
    assert not {p for p in paths(outs["web"]) if "/upload/" in p}


def test_the_upload_unit_runs_its_own_server_at_a_lower_share():
    unit = (DEPLOY / "systemd" / "caption-archive-upload.service").read_text()
    assert "--bind 127.0.0.1:8001" in unit
    site = (DEPLOY / "nginx" / "caption-archive.conf").read_text()
    assert "server 127.0.0.1:8001" in site
    assert re.search(r"^CPUWeight=(\d+)$", unit, re.MULTILINE).group(1) == "20"


def test_nginx_in_front_of_gunicorn_passes_the_request_id_and_client_address(tmp_path):
    """The site as deployed, on free ports: HTTPS to nginx, proxied to gunicorn."""
    nginx = find_nginx()
    # A client address other than the proxy's own: nginx sees 127.0.0.2, gunicorn sees nginx.
    server, app_port = start_app(tmp_path, ARCHIVE_TRUSTED_PROXIES="127.0.0.1")
    http_port, https_port = free_port(), free_port()
    proxy = start_nginx(nginx, tmp_path, app_port, free_port(), http_port, https_port)
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the test's own certificate
    try:
        response = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and response is None:
            try:
                connection = http.client.HTTPSConnection(
                    "127.0.0.1",
                    https_port,
                    timeout=10,
                    context=context,
                    source_address=("127.0.0.2", 0),
                )
                connection.request(
                    "GET",
                    "/healthz",
                    headers={"Host": "localhost", "X-Forwarded-For": "6.6.6.6"},
                )
                response = connection.getresponse()
                if response.status == 502:  # gunicorn not up yet
                    response.read()
                    response = None
                    time.sleep(0.3)
            except OSError:
                time.sleep(0.2)
        assert response is not None, "nginx did not answer"
        assert response.status == 200, response.read()
        # nginx's $request_id (32 hex digits), believed because nginx is a trusted proxy.
        request_id = response.getheader("X-Request-ID")
        assert re.fullmatch(r"[0-9a-f]{32}", request_id)
        plain = http.client.HTTPConnection("127.0.0.1", http_port, timeout=10)
        plain.request("GET", "/search/", headers={"Host": "archive.example.org"})
        redirect = plain.getresponse()
        assert redirect.status == 301
        assert redirect.getheader("Location") == "https://archive.example.org/search/"
    finally:
        proxy.terminate()
        proxy.communicate(timeout=30)
        server.terminate()
        _, out = server.communicate(timeout=60)  # our logs: standard error
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    (line,) = [line for line in lines if line.get("request_id") == request_id]
    # The forged "6.6.6.6" the client sent is left of what nginx appended: not believed.
    assert line["client_ip"] == "127.0.0.2" and line["path"] == "/healthz"


def load_bench():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "bench_load_upload", ROOT / "bench" / "bench_load_upload.py"
    )
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def test_the_load_test_counts_each_parts_cpu_by_session_and_the_database_with_its_backends():
    """Where the cores go in a load round: each server's and worker's session, and the
    PostgreSQL server with its backends (its children), read from /proc."""
    from bench import cpu_accounting as bench

    table = bench.process_cpu()
    me = table[os.getpid()]
    assert me[1] == os.getsid(0) and me[2] > 0
    synthetic = {
        10: (1, 10, 2.0),  # a server's master, its own session
        11: (10, 10, 5.0),  # its worker
        20: (1, 20, 1.5),  # a task worker
        30: (1, 30, 4.0),  # postmaster (its reaped backends included)
        31: (30, 30, 0.5),  # a live backend
        40: (1, 40, 9.0),  # something else on the machine
    }
    parts = {"web": [10], "task workers": [20], "upload": []}
    assert bench.cpu_by_part(synthetic, parts, 30) == {
        "web": 7.0,
        "task workers": 1.5,
        "upload": 0,
        "PostgreSQL": 4.5,
    }
    assert "PostgreSQL" not in bench.cpu_by_part(synthetic, parts, None)


def test_the_worker_yields_the_cpu_to_the_web_and_the_load_test_runs_it_so():
    """Background work runs at a lower priority than the web requests (a search is waited
    for, a thumbnail a few seconds later is not); the load benchmark starts its workers with
    the niceness the unit gives, so it measures the deployment as shipped."""
    bench = load_bench()
    unit = DEPLOY / "systemd" / "caption-archive-worker.service"
    assert bench.worker_niceness(unit) == 10
    web = DEPLOY / "systemd" / "caption-archive-web.service"
    assert bench.worker_niceness(web) == 0
