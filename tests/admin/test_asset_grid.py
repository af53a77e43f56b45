"""The asset list's grid of thumbnails: a toggle beside the list, remembered while filtering,
thumbnails through the role-checked media view, and the bulk actions working from it."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from archive.ingest import ingest_file
from tests.factories import jpeg_bytes
from tests.helpers import make_asset

pytestmark = pytest.mark.django_db

LIST = "/admin/archive/asset/"


def grid_items(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select("ul.asset-grid > li")


def test_the_grid_shows_thumbnails_and_is_remembered(archivist_client):
    picture = ingest_file(
        jpeg_bytes("grid"), filename="grid.jpg", fields={"title": "Harbour at dawn"}
    ).asset
    bare = make_asset(50, title="No file yet")
    listed = archivist_client.get(LIST)
    assert listed.status_code == 200 and not grid_items(listed)
    html = listed.content.decode()
    assert "?view=grid" in html and 'class="view-toggle"' in html

    grid = archivist_client.get(LIST, {"view": "grid"})
    assert grid.status_code == 200
    items = grid_items(grid)
    assert len(items) == 2
    html = grid.content.decode()
    assert reverse("archive:asset-media", args=[picture.pk, "thumbnail"]) in html
    assert (
        "No file yet" in html
        and reverse("archive:asset-media", args=[bare.pk, "thumbnail"]) not in html
    )
    # Filter links carry no ?view=: the grid stays, and the filter applies.
    filtered = archivist_client.get(LIST, {"q": "harbour"})
    assert [i.find("input")["value"] for i in grid_items(filtered)] == [str(picture.pk)]
    back = archivist_client.get(LIST, {"view": "list"})
    assert not grid_items(back)


def test_the_grids_thumbnails_are_role_checked(archivist_client):
    picture = ingest_file(jpeg_bytes("grid2"), filename="grid2.jpg").asset
    url = reverse("archive:asset-media", args=[picture.pk, "thumbnail"])
    assert archivist_client.get(url).status_code == 200
    assert Client().get(url).status_code == 302  # anonymous: to the login page


def test_bulk_edit_works_from_the_grid(archivist_client):
    asset = make_asset(51, title="Selected in the grid")
    grid = archivist_client.get(LIST, {"view": "grid"})
    soup = BeautifulSoup(grid.content, "html.parser")
    options = [o["value"] for o in soup.select("select[name=action] option")]
    assert "bulk_edit_assets" in options
    response = archivist_client.post(
        LIST, {"action": "bulk_edit_assets", "_selected_action": [asset.pk]}
    )
    assert response.status_code == 200 and "Edit assets together" in response.content.decode()
