"""One licence status language: search, the asset page, the licence report and the API name
an asset's licence status in the same words, defined once (``LICENCE_STATUS_LABELS``)."""

from __future__ import annotations

import pytest

from archive import audit
from archive.models import Asset

pytestmark = pytest.mark.django_db

# The report's finding for each status (a valid licence is not a finding).
FINDING_OF_STATUS = {"none": audit.MISSING, "expired": audit.EXPIRED, "expiring": audit.EXPIRING}


def test_the_labels_are_the_reports_words():
    for status, finding in FINDING_OF_STATUS.items():
        assert audit.LICENCE_STATUS_LABELS[status] == audit.LABELS[finding]
    assert set(audit.LICENCE_STATUS_LABELS) == {"valid", "expiring", "expired", "none"}


def test_every_page_names_the_status_alike(seeded, auditor_client):
    statuses = dict(Asset.objects.with_licence_status().values_list("pk", "licence_status"))
    assert {"none", "expired", "valid"} <= set(statuses.values())
    search = auditor_client.get("/search/").content.decode()
    assert ">valid</span>" not in search and ">none</span>" not in search  # not the bare word
    report = auditor_client.get("/reports/licences/").context["reports"]
    report_labels = {line.id: {finding.label for finding in line.findings} for line in report}
    for pk, status in statuses.items():
        label = audit.LICENCE_STATUS_LABELS[status]
        pill = f'<span class="status status-{status}">{label}</span>'
        assert pill in search, status
        assert pill in auditor_client.get(f"/assets/{pk}/").content.decode(), pk
        api = auditor_client.get(f"/api/assets/{pk}").json()
        assert (api["licence_status"], api["licence_status_label"]) == (status, label)
        if status in FINDING_OF_STATUS:
            assert label in report_labels[pk], pk
        else:
            assert not report_labels[pk] & set(audit.LICENCE_STATUS_LABELS.values()), pk


def test_the_search_facet_and_active_filter_use_the_words(seeded, auditor_client):
    response = auditor_client.get("/search/", {"licence_status": "none"})
    facet = {row["value"]: row["label"] for row in response.context["facets"]["licence_status"]}
    assert facet["none"] == "No licence"
    assert ("licence", "No licence") in response.context["active_filters"]
