"""The admin side of background work: each asset's processing state and reason, the retry
action, and the JSON endpoint the upload page polls to follow each file to "ready"."""

from __future__ import annotations

import pytest
from django.contrib.admin import helpers
from django.core.files.storage import default_storage
from django.urls import reverse

from archive.ingest import ingest_file
from archive.models import Asset
from tests.factories import jpeg_bytes

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:archive_asset_changelist")
PROCESSING = reverse("admin:archive_asset_processing")


@pytest.fixture
def failed_asset():
    data = jpeg_bytes("breakwater", size=(800, 600))
    asset = ingest_file(data, filename="breakwater.jpg").asset
    Asset.objects.filter(pk=asset.pk).update(
        processing_state="failed",
        processing_error="the stored original cannot be opened (OSError: broken data stream)",
        thumbnail="",
        preview="",
    )
    asset.refresh_from_db()
    return asset


def test_the_asset_list_shows_each_state_and_a_failure_with_its_reason(
    archivist_client, failed_asset
):
    ready = ingest_file(jpeg_bytes("calm", size=(400, 300)), filename="calm.jpg").asset
    page = archivist_client.get(CHANGELIST, {"view": "list"}).content.decode()
    assert "failed: the stored original cannot be opened (OSError: broken data stream)" in page
    failed_only = archivist_client.get(CHANGELIST, {"processing_state": "failed", "view": "list"})
    assert list(failed_only.context["cl"].result_list) == [failed_asset]
    assert ready.processing_state == "ready"
    change = archivist_client.get(reverse("admin:archive_asset_change", args=[failed_asset.pk]))
    assert "broken data stream" in change.content.decode()


def test_the_retry_action_queues_the_processing_again(archivist_client, failed_asset):
    response = archivist_client.post(
        CHANGELIST,
        {
            "action": "retry_processing",
            helpers.ACTION_CHECKBOX_NAME: [failed_asset.pk],
        },
        follow=True,
    )
    assert "1 asset queued for processing again." in response.content.decode()
    failed_asset.refresh_from_db()  # run at once in the tests (tests/conftest.py)
    assert (failed_asset.processing_state, failed_asset.processing_error) == ("ready", "")
    assert default_storage.exists(failed_asset.thumbnail)


def test_the_processing_endpoint_answers_states_by_id(archivist_client, failed_asset):
    ready = ingest_file(jpeg_bytes("gull", size=(400, 300)), filename="gull.jpg").asset
    answer = archivist_client.get(PROCESSING, {"ids": f"{ready.pk},{failed_asset.pk},999"})
    assert answer.status_code == 200
    assets = answer.json()["assets"]
    assert set(assets) == {str(ready.pk), str(failed_asset.pk)}
    assert assets[str(ready.pk)]["state"] == "ready"
    assert assets[str(ready.pk)]["thumbnail_url"].startswith(f"/media/assets/{ready.pk}/")
    failed = assets[str(failed_asset.pk)]
    assert failed["state"] == "failed" and "broken data stream" in failed["error"]
    assert failed["thumbnail_url"] == ""
    assert archivist_client.get(PROCESSING, {"ids": "1,x"}).status_code == 400


def test_the_processing_endpoint_answers_nothing_for_numbers_no_asset_can_have(
    archivist_client, failed_asset
):
    # Past the database's integer range: the query would overflow (a 500 before).
    ids = f"{failed_asset.pk},{2**63},{10**25},-4,0"
    answer = archivist_client.get(PROCESSING, {"ids": ids})
    assert answer.status_code == 200
    assert set(answer.json()["assets"]) == {str(failed_asset.pk)}


def test_the_processing_endpoint_needs_an_archivist_login(client, journalist_client):
    anonymous = client.get(PROCESSING, {"ids": "1"})
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    not_staff = journalist_client.get(PROCESSING, {"ids": "1"})
    assert not_staff.status_code == 302 and "/admin/login/" in not_staff["Location"]


def test_the_upload_answers_the_processing_state_and_the_page_polls(archivist_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("wave.jpg", jpeg_bytes("wave", size=(400, 300)), "image/jpeg")
    answer = archivist_client.post(reverse("admin:archive_asset_upload_file"), {"file": upload})
    assert answer.json()["processing"] == "ready"  # run at once in the tests
    page = archivist_client.get(reverse("admin:archive_asset_upload")).content.decode()
    assert f'data-processing-endpoint="{PROCESSING}"' in page


@pytest.mark.queued_tasks
@pytest.mark.django_db(transaction=True)
def test_the_result_page_lists_files_still_processing_for_the_script_to_follow(
    archivist_client,
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("tide.jpg", jpeg_bytes("tide", size=(400, 300)), "image/jpeg")
    page = archivist_client.post(reverse("admin:archive_asset_upload"), {"files": [upload]})
    asset = Asset.objects.get()
    html = page.content.decode()
    assert f'data-processing-asset="{asset.pk}"' in html and "processing…" in html
    assert archivist_client.get(PROCESSING, {"ids": asset.pk}).json()["assets"] == {
        str(asset.pk): {
            "state": "pending",
            "label": "Processing",
            "error": "",
            "thumbnail_url": "",
            "near_duplicate_of": None,
            "warning": "",
        }
    }


def test_the_dashboard_says_processing_and_failed(failed_asset):
    from archive.admin.dashboard import upload_state

    assert upload_state(failed_asset) == ("bad", "processing failed")
    failed_asset.processing_state = "pending"
    assert upload_state(failed_asset) == ("warn", "processing")


@pytest.mark.queued_tasks
@pytest.mark.django_db(transaction=True)
def test_an_edit_opened_while_pending_keeps_what_the_task_made_since(archivist_client):
    """The form was read before the worker finished: saving it writes the archivist's
    changes, not its old copy of the task's columns; the new words are searchable at once."""
    from archive import background
    from archive.search.service import search_assets
    from tests.c2pa_signing import TRAINED_ALGORITHMIC_MEDIA, sign_jpeg
    from tests.helpers import form_data

    signed = sign_jpeg(
        jpeg_bytes("groyne", size=(800, 600)),
        actions=[{"action": "c2pa.created", "digitalSourceType": TRAINED_ALGORITHMIC_MEDIA}],
    )
    asset = ingest_file(signed, filename="groyne.jpg").asset
    url = reverse("admin:archive_asset_change", args=[asset.pk])
    data = form_data(archivist_client.get(url))
    assert background.process(asset.pk) == "ready"
    done = Asset.objects.get(pk=asset.pk)

    data["title"] = "Groyne at low tide"
    assert archivist_client.post(url, data).status_code == 302
    asset.refresh_from_db()
    assert asset.title == "Groyne at low tide" and "title" in asset.edited_fields
    task_columns = ("processing_state", "thumbnail", "preview", "phash", "c2pa_state")
    assert [getattr(asset, name) for name in task_columns] == [
        getattr(done, name) for name in task_columns
    ]
    assert asset.processing_state == "ready" and asset.c2pa_state == "untrusted"
    assert asset.digital_source_type == "trainedAlgorithmicMedia"
    assert [found.pk for found in search_assets("groyne low tide").assets] == [asset.pk]
