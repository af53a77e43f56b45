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


def test_in_date_and_not_yet_verified_say_what_each_is(auditor_client):
    """A licence in date that nobody verified: its dates and its verification, in words that
    do not read as a contradiction, alike on the asset page, in search, the report and API."""
    from datetime import date

    from tests.factories import AssetFactory, LicenceFactory

    dated = AssetFactory(without_file=True, title="Harbour at dawn")
    LicenceFactory(asset=dated, starts_on=date(2020, 1, 1), expires_on=date(2099, 1, 1))
    open_ended = AssetFactory(without_file=True, title="Harbour at dusk")
    LicenceFactory(asset=open_ended, verified_at="2026-01-02T10:00Z")
    unverified = audit.LABELS[audit.UNVERIFIED]
    assert audit.LICENCE_STATUS_LABELS["valid"] == "Licence in date"
    assert unverified == "Licence not yet verified by an archivist"

    page = auditor_client.get(f"/assets/{dated.pk}/").content.decode()
    assert '<span class="status status-valid">Licence in date</span> until 1 Jan 2099' in page
    assert unverified in page and "not yet verified</span>" in page  # the finding, the licence
    page = auditor_client.get(f"/assets/{open_ended.pk}/").content.decode()
    assert "Licence in date</span> with no end date" in page
    assert unverified not in page and "verified 2 Jan 2026" in page
    search = auditor_client.get("/search/", {"q": "harbour"}).content.decode()
    assert "Licence in date</span>" in search and f">{unverified}</span>" in search
    for words in (search, page):
        assert "Licence valid" not in words and "Licence unverified" not in words
    report = auditor_client.get("/reports/licences/", {"finding": audit.UNVERIFIED})
    assert unverified in report.content.decode()
    api = auditor_client.get(f"/api/assets/{dated.pk}").json()
    assert api["licence_status_label"] == "Licence in date"
