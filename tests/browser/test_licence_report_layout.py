"""The licence report's filter bar fits a 1 366 px window on one row, and a phone's width."""

from __future__ import annotations

import pytest

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROW = """form => {
  const items = [...form.children].filter(el => el.offsetParent !== null && el.tagName !== 'DATALIST');
  const tops = items.map(el => Math.round(el.getBoundingClientRect().bottom));
  return {rows: new Set(tops).size, overflow: form.scrollWidth - form.clientWidth,
          right: Math.max(...items.map(el => el.getBoundingClientRect().right)),
          page: document.documentElement.scrollWidth};
}"""


@pytest.mark.parametrize(("width", "rows"), [(1366, 1), (1280, 1), (390, None)])
def test_the_filter_bar_fits(live_server, page, seeded, role_users, csp_violations, width, rows):
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, live_server, "auditor", "/reports/licences/?finding=credit_mismatch")
    layout = page.eval_on_selector("form.report-filters", ROW)
    page.screenshot(path=f"/tmp/licence-report-{width}.png")
    assert layout["overflow"] <= 0 and layout["right"] <= width
    if rows is not None:
        assert layout["rows"] == rows, layout
    assert "with “Credit mismatch”, of" in page.locator(".report-meta").inner_text()
    assert csp_violations == []


# Each finding's label and count as drawn: their height on screen and how far right they reach.
CHART_TEXT = """() => [...document.querySelectorAll('.chart .bar-label, .chart .bar-count')].map(el => {
  const box = el.getBoundingClientRect();
  return {text: el.textContent.trim(), height: box.height, right: box.right};
})"""


@pytest.mark.parametrize("width", [1280, 390])
def test_the_chart_reads_at_any_width(live_server, page, seeded, role_users, csp_violations, width):
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, live_server, "auditor", "/reports/licences/")
    drawn = page.evaluate(CHART_TEXT)
    page.locator(".chart").screenshot(path=f"/tmp/licence-report-chart-{width}.png")
    labels = {text for text in page.locator("select[name=finding] option").all_inner_texts()}
    assert labels - {"any finding"} <= {item["text"] for item in drawn}
    # A chart scaled down to a phone's width drew its 13 px words 6 px high.
    assert all(item["height"] >= 12 for item in drawn), drawn
    assert all(item["right"] <= width for item in drawn), drawn
    assert csp_violations == []
