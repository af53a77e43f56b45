"""An asset's history page shows the changes to what hangs on it: the claims it illustrates
and its licences, linked, changed and removed (each kept in its own history table)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from archive.models import Claim, Illustration, Licence
from tests.helpers import make_asset

pytestmark = pytest.mark.django_db


def history_page(client, asset) -> str:
    response = client.get(reverse("admin:archive_asset_history", args=[asset.pk]))
    assert response.status_code == 200
    return response.content.decode()


def linked_section(html: str) -> str:
    start = html.index('id="linked-history"')
    return html[start : html.index("</table>", start)]


def test_claim_links_and_licences_show_on_the_assets_history(archivist_client, role_users):
    asset = make_asset(1, title="Harbour at dusk")
    other = make_asset(2, title="Another picture")
    kept = Claim.objects.create(text="Ferries ran 14 times a day.", claimant="Port authority")
    dropped = Claim.objects.create(text="The harbour handled 3 million tonnes.")
    elsewhere = Claim.objects.create(text="A claim about another picture.")
    link = Illustration(asset=asset, claim=kept)
    link._history_user = role_users["archivist"]
    link.save()
    Illustration.objects.create(asset=asset, claim=dropped).delete()
    Illustration.objects.create(asset=other, claim=elsewhere)
    licence = Licence.objects.create(asset=asset, licence_type="royalty_free", licensor="Port Ltd")
    licence.licensor = "Port Authority Ltd"
    licence.save()

    section = linked_section(history_page(archivist_client, asset))
    assert kept.text in section and "archivist" in section
    assert dropped.text in section and "Deleted" in section
    assert elsewhere.text not in section
    assert "Port Ltd" in section and "Port Authority Ltd" in section  # before → after


def test_an_asset_with_nothing_linked_says_so(archivist_client):
    asset = make_asset(3, title="Alone")
    assert "No claim link or licence" in linked_section(history_page(archivist_client, asset))
