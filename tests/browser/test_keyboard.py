"""The archivist's admin journeys from the keyboard alone, on a phone (390 px) and a desktop
(1 280 px): upload files and follow them to "ready", import an article and review its draft. Only Tab, Shift+Tab, Enter, Space, arrows
and typing: no clicks. Every control is reached in the page's order, and the focused one is
visibly marked (an outline of at least 2 px or a box shadow).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from archive.models import Article, Asset, Claim
from tests.browser.conftest import save_screenshot
from tests.conftest import PASSWORD
from tests.factories import CreditFactory, jpeg_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED_TEXT = (Path(settings.BASE_DIR) / "seeds" / "article.txt").read_text(encoding="utf-8")

# Number the controls a keyboard user should reach, in the page's order: links, buttons and
# form fields that are shown and enabled; of a radio group only the checked radio (Tab enters
# a group once, arrows move inside it).
NUMBER_CONTROLS = """(root) => {
  const scope = root ? document.querySelector(root) : document;
  const all = [...scope.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])')];
  const shown = all.filter(el => !el.disabled && el.getClientRects().length
    && getComputedStyle(el).visibility !== 'hidden' && el.tabIndex >= 0);
  const groups = new Set();
  const controls = shown.filter(el => {
    if (el.type !== 'radio') return true;
    if (groups.has(el.name)) return false;
    const group = [...document.querySelectorAll('input[type=radio]')].filter(r => r.name === el.name);
    const chosen = group.find(r => r.checked) || group[0];
    if (chosen === el) { groups.add(el.name); return true; }
    return false;
  });
  controls.forEach((el, index) => el.dataset.keyboardOrder = index);
  return controls.length;
}"""

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow !== 'none';
  return {
    order: el.dataset.keyboardOrder === undefined ? null : Number(el.dataset.keyboardOrder),
    name: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.name ? '[' + el.name + ']' : '')
      + ' ' + (el.textContent || el.value || '').trim().slice(0, 40),
    visible: outline || shadow,
  };
}"""


def focused(page) -> dict | None:
    return page.evaluate(FOCUSED)


def matches(page, selector: str) -> bool:
    return page.evaluate(
        "s => !!document.activeElement && document.activeElement.matches(s)", selector
    )


def tab_to(page, selector: str, *, limit: int = 500, back: bool = False) -> int:
    """Press Tab (or Shift+Tab) until the focused element matches ``selector``; return the presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        if matches(page, selector):
            state = focused(page)
            assert state["visible"], f"no visible focus on {state['name']}"
            return presses
    pytest.fail(f"Tab never reached {selector}")


def walk(page, root: str, *, start: str | None = None) -> list[dict]:
    """Tab from the page's start through every control under ``root``; return what was focused."""
    total = page.evaluate(NUMBER_CONTROLS, root)
    assert total > 0
    page.evaluate("document.activeElement && document.activeElement.blur()")
    if start:
        tab_to(page, start)
    seen = []
    for _ in range(total * 3 + 40):
        page.keyboard.press("Tab")
        state = focused(page)
        if state is None:
            break
        if state["order"] is not None:
            seen.append(state)
            if state["order"] == total - 1:
                break
    orders = [state["order"] for state in seen]
    missed = sorted(set(range(total)) - set(orders))
    assert missed == [], f"Tab never reached controls {missed} of {total}"
    assert orders == sorted(orders), "Tab jumped back in the page"
    invisible = [state["name"] for state in seen if not state["visible"]]
    assert invisible == [], f"no visible focus on {invisible}"
    return seen


def log_in_by_keyboard(page, live_server, path: str) -> None:
    page.goto(f"{live_server.url}{path}")
    assert "/login/" in page.url
    # The login form's first field has the focus (autofocus: Chromium applies it at a later
    # rendering step than the load event, so wait for it rather than read it once).
    expect(page.locator("#id_username")).to_be_focused()
    page.keyboard.type("archivist")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert path in page.url


@pytest.mark.parametrize("width", [390, 1280])
def test_upload_by_keyboard_alone(live_server, page, role_users, csp_violations, width):
    page.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
    reuters = CreditFactory(name="Reuters")
    log_in_by_keyboard(page, live_server, "/admin/archive/asset/")
    tab_to(page, "a[href$='/asset/upload/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/admin/archive/asset/upload/")
    page.wait_for_load_state("networkidle")
    walk(page, "#upload-form")

    # Choose the files the way a keyboard user does: Space on the focused file control.
    page.evaluate("document.activeElement.blur()")
    tab_to(page, "input[type=file]")
    # Chromium under load sometimes drops the first activation: Enter opens it as well.
    try:
        with page.expect_file_chooser(timeout=10_000) as chooser:
            page.keyboard.press("Space")
    except PlaywrightTimeoutError:
        assert matches(page, "input[type=file]")
        with page.expect_file_chooser() as chooser:
            page.keyboard.press("Enter")
    assert chooser.value.is_multiple()
    chooser.value.set_files(
        [
            {
                "name": f"{name}.jpg",
                "mimeType": "image/jpeg",
                "buffer": jpeg_bytes(name, (1200, 800)),
            }
            for name in ("quay", "market")
        ]
    )
    # The credit for every file, through the autocomplete box: open, type, Enter.
    tab_to(page, ".select2-selection")
    page.keyboard.press("Enter")
    expect(page.locator(".select2-search__field")).to_be_focused()
    page.keyboard.type("reut")
    expect(page.locator(".select2-results__option--highlighted")).to_have_text("Reuters")
    page.keyboard.press("Enter")
    expect(page.locator("#id_credit")).to_have_value(str(reuters.pk))
    tab_to(page, "#upload-submit")
    page.keyboard.press("Enter")

    expect(page.locator("li.upload-item[data-state=done]")).to_have_count(2, timeout=30_000)
    expect(page.locator("li.upload-item .processing-state.processing-ready")).to_have_count(
        2, timeout=15_000
    )
    assert set(Asset.objects.values_list("credit__name", flat=True)) == {"Reuters"}
    save_screenshot(page, f"keyboard-upload-{width}")

    # Reach each result from the keyboard; Enter opens the asset.
    quay = Asset.objects.get(original_filename="quay.jpg")
    tab_to(page, f"#upload-list a[href$='/asset/{quay.pk}/change/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(f"/admin/archive/asset/{quay.pk}/change/")
    assert csp_violations == []


@pytest.mark.parametrize("width", [390, 1280])
def test_import_review_by_keyboard_alone(live_server, page, role_users, csp_violations, width):
    page.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
    log_in_by_keyboard(page, live_server, "/admin/archive/article/")
    tab_to(page, "a[href$='/article/import/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "#id_text")
    page.keyboard.insert_text(SEED_TEXT)  # a paste
    tab_to(page, "input[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text("Review the imported article")
    candidates = page.locator("fieldset.import-claim")
    expect(candidates).to_have_count(17)

    # Every field of the draft and of each candidate is reached in order, focus shown.
    seen = walk(page, "#content-main form")
    assert any("[claims-16-sentence]" in state["name"] for state in seen)

    # Shift+Tab walks back from the end to the save button and the last candidate's fields.
    tab_to(page, "input[name=save]", back=True)
    tab_to(page, "[name='claims-16-links']", back=True)

    # Candidate 1: edit its sentence and keep it. Candidate 2: drop it (arrow in the radio
    # group). A later one linked to pictures: rate it false (arrows in the status list) and
    # untick its pictures (Space).
    first = candidates.nth(0)
    original = first.locator("textarea").input_value()
    page.evaluate("document.activeElement.blur()")
    tab_to(page, "[name='claims-0-sentence']")
    page.keyboard.press("Control+End")
    page.keyboard.type(" (edited by keyboard)")
    tab_to(page, "[name='claims-1-decision']")
    assert matches(page, "[value=accept]")
    page.keyboard.press("ArrowRight")
    assert matches(page, "[name='claims-1-decision'][value=drop]:checked")
    third = page.evaluate(
        """() => [...document.querySelectorAll('fieldset.import-claim')].findIndex(
             (set, index) => index > 1 && set.querySelector('[name$="-links"]:checked'))"""
    )
    assert third > 1, "a candidate linked to a placement"
    third_sentence = candidates.nth(third).locator("textarea").input_value().strip()
    status = f"[name='claims-{third}-status']"
    tab_to(page, status)
    options = page.eval_on_selector(status, "s => [...s.options].map(o => o.value)")
    target = options.index(Claim.Status.FALSE)
    current = options.index(page.locator(status).input_value())
    for _ in range(abs(target - current)):
        page.keyboard.press("ArrowDown" if target > current else "ArrowUp")
    expect(page.locator(status)).to_have_value(Claim.Status.FALSE)
    ticked = page.locator(f"[name='claims-{third}-links']:checked")
    unticked_positions = ticked.count()
    for _ in range(unticked_positions):
        tab_to(page, f"[name='claims-{third}-links']:checked")
        page.keyboard.press("Space")
    assert ticked.count() == 0
    save_screenshot(page, f"keyboard-import-review-{width}")

    tab_to(page, "input[name=save]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".messagelist")).to_contain_text("Article saved: 8 placement(s)")
    article = Article.objects.get()
    assert article.claims.count() == 16
    assert article.claims.filter(text=f"{original} (edited by keyboard)").exists()
    rated = article.claims.get(text=third_sentence)
    assert rated.status == Claim.Status.FALSE
    assert rated.placements.count() == 0 and unticked_positions > 0

    # The result: each placement awaiting its file has an upload control the keyboard reaches.
    walk(page, "#content-main")
    save_screenshot(page, f"keyboard-import-result-{width}")
    assert csp_violations == []
