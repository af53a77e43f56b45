"""A journalist searching on a phone reaches the facets from the top of the results: on a
narrow screen they come after every result, so a link above the results leads to them."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

IN_VIEW = """el => { const box = el.getBoundingClientRect();
  return box.top >= 0 && box.top < window.innerHeight; }"""


def test_on_a_phone_a_link_above_the_results_leads_to_the_facets(
    live_server, page, seeded, role_users, csp_violations
):
    page.set_viewport_size({"width": 390, "height": 800})
    log_in(page, live_server, "journalist", "/search/?q=putin")
    facets = page.locator("aside.facets")
    first_result = page.locator("li.result").first
    assert facets.bounding_box()["y"] > first_result.bounding_box()["y"], "facets come last"
    link = page.get_by_role("link", name="Refine these results")
    expect(link).to_be_visible()
    assert link.bounding_box()["y"] < first_result.bounding_box()["y"]
    assert not facets.evaluate(IN_VIEW)
    link.focus()
    page.keyboard.press("Enter")
    expect(facets).to_be_in_viewport()
    # Keyboard users land in the facets: the next Tab reaches its first filter.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('aside.facets') !== null")
    page.get_by_role("link", name="Photo").first.click()
    expect(page.locator("p.active-filters")).to_contain_text("kind")
    assert csp_violations == []


def test_on_a_desktop_the_facets_are_beside_the_results(live_server, page, seeded, role_users):
    page.set_viewport_size({"width": 1280, "height": 800})
    log_in(page, live_server, "journalist", "/search/?q=putin")
    expect(page.locator("aside.facets")).to_be_in_viewport()
    expect(page.get_by_role("link", name="Refine these results")).to_be_hidden()
