"""Browser-journey helpers: log in through the real form, collect CSP violations, save
screenshots under ``test-artifacts/`` (or ``$ARCHIVE_TEST_ARTIFACTS``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import PASSWORD


@pytest.fixture
def csp_violations(page) -> list[str]:
    """Collect every Content-Security-Policy complaint the browser logs during the test."""
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return violations


def log_in(page, live_server, username: str, path: str) -> None:
    """Open ``path``, get sent to the login page, and log in as ``username``."""
    page.goto(f"{live_server.url}{path}")
    assert "/login/" in page.url
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form [type=submit]")


ARTIFACTS = Path(os.environ.get("ARCHIVE_TEST_ARTIFACTS", "test-artifacts"))


def save_screenshot(page, name: str) -> Path:
    """Save a full-page screenshot as ``<ARTIFACTS>/<name>.png`` for a person to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
