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
    # Measured before its stylesheet had loaded, a page lays out unstyled (the licence
    # report's filter bar once measured two rows at 1 366 px): wait for the page asked for.
    page.wait_for_url(lambda url: "/login/" not in url, wait_until="load")


ARTIFACTS = Path(os.environ.get("ARCHIVE_TEST_ARTIFACTS", "test-artifacts"))


def save_screenshot(page, name: str) -> Path:
    """Save a full-page screenshot as ``<ARTIFACTS>/<name>.png`` for a person to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# Boxes whose content is wider than they are: a table or field run past the edge of a box that
# scrolls or cuts it, which the page's own width does not show. Hidden headings (clipped to
# 1 px), the autocomplete's one-line value (cut with an ellipsis on purpose) and form fields
# are left out; ``allowed`` names the boxes meant to scroll sideways.
OVERFLOWING_BOXES = """(allowed) => [...document.querySelectorAll('body *')]
  .filter(el => el.getClientRects().length && el.clientWidth > 1)
  .filter(el => !['SELECT', 'TEXTAREA', 'INPUT'].includes(el.tagName))
  .filter(el => !el.matches('.select2-selection__rendered') && !allowed.some(s => el.matches(s)))
  .filter(el => {
    const style = getComputedStyle(el);
    return style.overflowX !== 'visible' && style.overflowX !== 'clip' && style.clipPath === 'none';
  })
  .filter(el => el.scrollWidth > el.clientWidth + 1)
  .slice(0, 5)
  .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
    + ' ' + el.scrollWidth + ' px in ' + el.clientWidth)"""

# Words split over two lines: a column too narrow for its words (overflow-wrap: anywhere then
# breaks them letter by letter). Very long words (hashes, addresses) may wrap.
BROKEN_WORDS = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !parent.getClientRects().length
        || parent.closest('script, style, textarea, select, .select2-selection__rendered')) continue;
    for (const match of node.data.matchAll(/[^\\s\\-\\u2010-\\u2015\\/·,;:.()]+/g)) {
      if (match[0].length < 3 || match[0].length > 30) continue;
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      if ([...range.getClientRects()].filter(rect => rect.width > 0).length > 1) {
        broken.push(match[0] + ' in ' + parent.tagName.toLowerCase());
      }
    }
  }
  return broken.slice(0, 8);
}"""


def layout_faults(page, *, allowed_scrolling: tuple[str, ...] = ()) -> dict:
    """What does not fit: the page wider than the window, boxes overflowing, words broken."""
    faults = {}
    width, window = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if width > window:
        faults["page width"] = width
    if boxes := page.evaluate(OVERFLOWING_BOXES, list(allowed_scrolling)):
        faults["overflowing boxes"] = boxes
    if broken := page.evaluate(BROKEN_WORDS):
        faults["words broken over lines"] = broken
    return faults
