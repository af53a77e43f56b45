"""The site on a phone and a desktop: nothing wider than the window, no table or field run past
its box, no word broken over two lines; the player plays, copy works.

Screenshots of each page at each width are saved under ``test-artifacts/`` for a person to look
at before a layout change is accepted.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from archive.models import Article, Asset, Claim, TakedownRequest
from tests.browser.conftest import layout_faults, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(os.environ.get("ARCHIVE_TEST_ARTIFACTS", "test-artifacts"))
SEED_TEXT = (Path(settings.BASE_DIR) / "seeds" / "article.txt").read_text(encoding="utf-8")


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
        "prepublication": reverse("archive:prepublication-check"),
    }


def auditor_pages() -> dict[str, str]:
    takedown = TakedownRequest.objects.first()
    asset = takedown.items.first().placement.asset
    return {
        "licence-report": reverse("archive:licence-report"),
        "takedowns": reverse("archive:takedown-list"),
        "takedown": reverse("archive:takedown-detail", args=[takedown.pk]),
        "takedown-impact": reverse("archive:takedown-impact") + f"?asset={asset.pk}",
    }


# The licence report's findings-by-credit table has a column per finding: it scrolls sideways.
SCROLLING = ("table.summary", ".summary-scroll")


def walk(page, live_server, paths: dict[str, str], width: int) -> dict[str, dict]:
    """Open each page; return what does not fit on each, and save its screenshot."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    faults = {}
    for name, path in paths.items():
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        if found := layout_faults(page, allowed_scrolling=SCROLLING):
            faults[name] = found
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
    return faults


@pytest.mark.parametrize("width", [360, 390, 1280])
def test_no_page_is_wider_than_the_window(
    live_server, page, seeded, role_users, csp_violations, width
):
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, live_server, "journalist", "/")
    faults = walk(page, live_server, pages(), width)

    # The pre-publication check's answer: the seed article checked as a draft.
    page.goto(f"{live_server.url}{reverse('archive:prepublication-check')}")
    page.fill("textarea[name=text]", SEED_TEXT)
    page.get_by_role("button", name="Check the pictures").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("section.check-result tbody tr").count() == 8
    if found := layout_faults(page, allowed_scrolling=SCROLLING):
        faults["prepublication-result"] = found
    page.screenshot(path=str(ARTIFACTS / f"prepublication-result-{width}.png"), full_page=True)
    assert faults == {}
    assert csp_violations == []


@pytest.mark.parametrize("width", [360, 1280])
def test_auditor_pages_fit_the_window(live_server, page, seeded, role_users, csp_violations, width):
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, live_server, "auditor", "/")
    assert walk(page, live_server, auditor_pages(), width) == {}
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
    # The line the page shows is copied: the one a supplier agreement in force requires (the
    # seed's Getty agreement asks for "Getty Images"), else the credit line as recorded.
    shown = page.locator("#credit-line").text_content()
    assert page.evaluate("navigator.clipboard.readText()") == shown
    required = page.locator(".credit-required")
    if required.count():
        assert shown != photo.credit_line and "required by" in required.text_content()
    else:
        assert shown == photo.credit_line
    assert csp_violations == []
