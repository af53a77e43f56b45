"""An archivist logs in, uploads three pictures at once and sees each one's fate and credit."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from archive.models import Asset
from tests.browser.conftest import log_in
from tests.factories import jpeg_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CREDITS = {"harbour.jpg": "Reuters", "protest.jpg": "Getty Images", "parliament.jpg": "PA Wire"}


def test_archivist_uploads_three_files_at_once(live_server, page, role_users, csp_violations):
    log_in(page, live_server, "archivist", "/admin/archive/asset/")
    page.get_by_role("link", name="Upload files").click()
    assert page.url.endswith("/admin/archive/asset/upload/")

    files = [
        {
            "name": name,
            "mimeType": "image/jpeg",
            "buffer": jpeg_bytes(name, size=(1200, 800), xmp_fields={"credit": credit}),
        }
        for name, credit in CREDITS.items()
    ]
    page.set_input_files("input[type=file]", files)
    page.click("#upload-submit")

    items = page.locator("li.upload-item")
    done = page.locator("li.upload-item[data-state=done]")
    expect(done).to_have_count(3, timeout=30_000)
    assert items.count() == 3
    assert page.eval_on_selector_all(
        "progress.upload-progress", "bars => bars.map(b => b.value)"
    ) == [
        100,
        100,
        100,
    ]
    page.wait_for_load_state("networkidle")
    for name, credit in CREDITS.items():
        item = items.filter(has_text=name)
        asset = Asset.objects.get(original_filename=name)
        assert f"created #{asset.pk}" in item.inner_text()
        assert f"Credit: {credit}" in item.inner_text()
        width = item.locator("img.upload-thumb").evaluate("img => img.naturalWidth")
        assert width == 320  # the thumbnail, served through the role-checked media view
        assert asset.credit.name == credit
    page.screenshot(path="/tmp/upload-journey.png", full_page=True)
    assert csp_violations == []

    # The same three again: each is a duplicate, linked to the asset already archived.
    page.set_input_files("input[type=file]", files)
    page.click("#upload-submit")
    expect(done).to_have_count(6, timeout=30_000)
    duplicates = page.locator(".upload-result.upload-duplicate")
    assert duplicates.count() == 3
    assert Asset.objects.count() == 3
