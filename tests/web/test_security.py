"""Deployment hardening: check --deploy, CSP, login lock-out, request size limit."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

from archive.models import Asset

pytestmark = pytest.mark.django_db


def test_check_deploy_is_clean_in_production_mode():
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "ARCHIVE_"))},
        "ARCHIVE_PRODUCTION": "1",
        "DJANGO_SECRET_KEY": "x7!kq-" + "a1B2c3D4e5F6g7H8i9J0" * 3,
        "DJANGO_ALLOWED_HOSTS": "archive.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_mode_needs_a_secret_key():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "ARCHIVE_"))}
    env["ARCHIVE_PRODUCTION"] = "1"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "DJANGO_SECRET_KEY must be set" in result.stderr


def test_pages_carry_a_strict_csp_and_no_inline_script(seeded, archivist_client):
    article = seeded and reverse("archive:home")
    asset = Asset.objects.get(kind="social")
    urls = [
        article,
        reverse("archive:asset-detail", args=[asset.pk]),
        reverse("archive:claim-list"),
        reverse("admin:index"),
        reverse("admin:archive_asset_changelist"),
        reverse("admin:archive_asset_change", args=[asset.pk]),
    ]
    for url in urls:
        response = archivist_client.get(url)
        assert response.status_code == 200, url
        policy = response["Content-Security-Policy"]
        script_src = re.search(r"script-src ([^;]*)", policy).group(1)
        assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
        assert "frame-ancestors 'none'" in policy
        html = response.content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, (url, tag)
        assert not re.search(r"\son(click|load|error|submit|change)=", html), url


def test_repeated_failed_logins_are_locked_out(role_users, client):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "journalist", "password": "wrong"})
    response = client.post(
        "/accounts/login/", {"username": "journalist", "password": "test-password-123"}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Sign-in paused" in response.content.decode()
    assert "for 0:15:00" in response.content.decode()  # ARCHIVE_LOGIN_COOLOFF_MINUTES


def test_successful_login_still_works(role_users, client):
    client.post("/accounts/login/", {"username": "journalist", "password": "wrong"})
    response = client.post(
        "/accounts/login/", {"username": "journalist", "password": "test-password-123"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(role_users["journalist"].pk)


def test_oversized_requests_are_refused_before_reading(archivist_client, settings):
    settings.ARCHIVE_MAX_REQUEST_BYTES = 1000
    response = archivist_client.post(
        reverse("admin:archive_claim_add"),
        data=b"x" * 2000,
        content_type="application/octet-stream",
    )
    assert response.status_code == 413
    assert "too large" in response.content.decode()


def test_pages_name_their_icon_so_browsers_do_not_ask_for_favicon_ico(client):
    html = client.get("/accounts/login/").content.decode()
    assert '<link rel="icon" href="/static/archive/favicon.svg"' in html
