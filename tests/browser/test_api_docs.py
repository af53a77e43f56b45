"""A journalist reads the API's docs page: Swagger UI renders under the CSP."""

from __future__ import annotations

import pytest

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_api_docs_render_under_the_csp(live_server, page, role_users, csp_violations):
    log_in(page, live_server, "journalist", "/api/docs")
    page.wait_for_selector(".swagger-ui .opblock")
    text = page.locator(".swagger-ui").inner_text()
    assert "/api/assets" in text and "/api/claims" in text
    page.screenshot(path="/tmp/api-docs.png", full_page=True)
    assert csp_violations == []
