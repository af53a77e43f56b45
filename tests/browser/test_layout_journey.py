"""The site on a phone and a desktop: nothing wider than the window, the player plays, copy works.

Screenshots of each page at each width are saved under ``test-artifacts/`` for a person to look
at before a layout change is accepted.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from django.urls import reverse

from archive.models import Article, Asset, Claim
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(os.environ.get("ARCHIVE_TEST_ARTIFACTS", "test-artifacts"))


def wait_until(page, expression: str, timeout: float = 15.0):
    """Poll an expression until it is truthy (``wait_for_function`` needs eval, which the CSP forbids)."""
    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(expression)
        if value or time.monotonic() > deadline:
            return value
        page.wait_for_timeout(100)


def pages() -> dict[str, str]:
    photo = Asset.objects.filter(kind="photo").exclude(credit=None).first()
    return {
        "home": reverse("archive:home"),
        "search": reverse("archive:search") + "?q=putin",
        "asset": reverse("archive:asset-detail", args=[photo.pk]),
        "video": reverse("archive:asset-detail", args=[Asset.objects.get(kind="video").pk]),
        "article": reverse("archive:article-detail", args=[Article.objects.get().pk]),
        "claims": reverse("archive:claim-list"),
        "claim": reverse("archive:claim-detail", args=[Claim.objects.first().pk]),
    }


@pytest.mark.parametrize("width", [360, 390, 1280])
def test_no_page_is_wider_than_the_window(
    live_server, page, seeded, role_users, csp_violations, width
):
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, live_server, "journalist", "/")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    too_wide = {}
    for name, path in pages().items():
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            too_wide[name] = scroll
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
    assert too_wide == {}
    assert csp_violations == []


def test_video_plays_in_the_page(live_server, page, seeded, role_users, csp_violations):
    video = Asset.objects.get(kind="video")
    log_in(page, live_server, "journalist", reverse("archive:asset-detail", args=[video.pk]))
    player = page.locator("video")
    player.wait_for()
    assert wait_until(page, "document.querySelector('video').readyState >= 1")
    duration = page.evaluate("document.querySelector('video').duration")
    assert duration == pytest.approx(video.duration, abs=0.5)
    # Seeking asks the media view for a byte range, which it answers with 206.
    page.evaluate("document.querySelector('video').currentTime = 1.5")
    assert wait_until(page, "!document.querySelector('video').seeking")
    assert page.evaluate("document.querySelector('video').error") is None
    assert csp_violations == []


def test_copy_button_puts_the_credit_line_on_the_clipboard(
    live_server, page, context, seeded, role_users, csp_violations
):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    photo = Asset.objects.filter(kind="photo").exclude(credit=None).first()
    log_in(page, live_server, "journalist", reverse("archive:asset-detail", args=[photo.pk]))
    button = page.get_by_role("button", name="Copy")
    button.click()
    assert wait_until(page, "document.querySelector('button.copy-button').textContent === 'Copied'")
    assert page.evaluate("navigator.clipboard.readText()") == photo.credit_line
    assert csp_violations == []
