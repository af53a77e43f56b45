"""The upload page follows a file's background processing to "ready" without reloading."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from archive.models import Asset
from tests.browser.conftest import log_in
from tests.factories import jpeg_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.queued_tasks,
    pytest.mark.django_db(transaction=True),
]


def test_the_upload_page_shows_processing_then_ready(live_server, page, role_users, csp_violations):
    log_in(page, live_server, "archivist", "/admin/archive/asset/upload/")
    page.set_input_files(
        "input[type=file]",
        [{"name": "tide.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes("tide", (1200, 800))}],
    )
    page.click("#upload-submit")
    state = page.locator("li.upload-item .processing-state")
    expect(state).to_have_text("processing…", timeout=30_000)
    assert page.locator("img.upload-thumb").count() == 0, "no thumbnail made in the request"
    address = page.url

    # The worker, as `make run` starts it beside the server; the page keeps polling.
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    assert Asset.objects.get().processing_state == "ready"
    expect(state).to_have_text("ready", timeout=15_000)
    thumbnail = page.locator("img.upload-thumb")
    expect(thumbnail).to_have_count(1)
    # Wait for the picture's own request to end, loaded or failed ("networkidle" may come
    # before the new <img> asks for it); a failed load leaves naturalWidth at 0.
    thumbnail.evaluate(
        "img => img.complete || new Promise(done => {"
        " img.addEventListener('load', done); img.addEventListener('error', done); })"
    )
    assert thumbnail.evaluate("img => img.naturalWidth") == 320
    assert page.url == address, "followed without reloading"
    assert csp_violations == []
