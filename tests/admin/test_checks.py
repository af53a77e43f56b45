"""Pre-publication checks in the admin: listed and read by archivists, never added or edited."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from archive.models import PrepublicationCheck

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(role_users):
    return PrepublicationCheck.objects.create(
        user=role_users["journalist"],
        medium="print",
        publication_date=date(2026, 6, 15),
        title="Minister visits the front",
        draft_sha256="f" * 64,
        verdict="no",
        pictures=[{"position": 1, "verdict": "no", "caption": "A <b>map</b>"}],
    )


def test_archivists_read_checks_and_cannot_change_them(archivist_client, record):
    listing = archivist_client.get(reverse("admin:archive_prepublicationcheck_changelist"))
    assert listing.status_code == 200 and "Minister visits the front" in listing.content.decode()
    page = archivist_client.get(
        reverse("admin:archive_prepublicationcheck_change", args=[record.pk])
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert "A &lt;b&gt;map&lt;/b&gt;" in html  # the verdicts shown escaped
    assert 'name="_save"' not in html  # read only
    assert archivist_client.get(reverse("admin:archive_prepublicationcheck_add")).status_code == 403
    delete = reverse("admin:archive_prepublicationcheck_delete", args=[record.pk])
    assert archivist_client.post(delete, {"post": "yes"}).status_code == 403
    assert PrepublicationCheck.objects.filter(pk=record.pk).exists()
