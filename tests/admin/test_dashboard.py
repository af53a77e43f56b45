"""The archivists' dashboard on the admin's home (archive/admin/dashboard.py): each panel
shows what waits, links to the filtered list, and the page's queries stay few."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from archive.admin.dashboard import bounded_count
from archive.models import Asset, Credit, Placement
from tests.factories import ArticleFactory, LicenceFactory, PlacementFactory
from tests.helpers import changelist, make_asset

pytestmark = pytest.mark.django_db

HOME = "/admin/"


@pytest.fixture
def waiting_work(db):
    today = timezone.localdate()
    fresh = make_asset(1, title="Fresh upload")  # no renditions
    altered = make_asset(2, title="Altered file", fixity_status="altered", thumbnail="t.jpg")
    licensed = make_asset(3, title="Licensed shot", thumbnail="t.jpg")
    LicenceFactory(asset=licensed, licensor="Reuters", expires_on=today + timedelta(days=5))
    LicenceFactory(asset=fresh, licensor="Far future", expires_on=today + timedelta(days=900))
    Credit.objects.create(name="NEW AGENCY", reviewed=False)
    Credit.objects.create(name="OLD AGENCY", reviewed=True)
    article = ArticleFactory(headline="Kharkiv under fire")
    PlacementFactory(article=article, asset=None, position=2, caption="A waiting caption")
    return {"fresh": fresh, "altered": altered, "licensed": licensed, "article": article}


def test_the_admin_home_is_the_dashboard(archivist_client, waiting_work):
    response = archivist_client.get(HOME)
    assert response.status_code == 200
    html = response.content.decode()
    for title in (
        "Recent uploads",
        "Placements awaiting their file",
        "Unreviewed credits",
        "Failing fixity",
        "Licences expiring within",
    ):
        assert title in html, title
    assert "Fresh upload" in html and "no renditions" in html
    assert reverse("admin:archive_asset_upload") in html
    assert "Altered file" in html and "fixity altered" in html
    assert "NEW AGENCY" in html and "OLD AGENCY" not in html
    assert "A waiting caption" in html
    assert reverse("admin:archive_article_import_result", args=[waiting_work["article"].pk]) in html
    assert "Reuters" in html and "Far future" not in html
    # Django's list of models is still there, below.
    assert reverse("admin:archive_asset_changelist") in html


def test_each_panel_links_to_the_list_it_summarises(archivist_client, waiting_work):
    panels = {p.key: p for p in archivist_client.get(HOME).context["panels"]}
    assert set(panels) == {"uploads", "awaiting", "credits", "fixity", "licences"}

    def rows(url):
        response = archivist_client.get(url)
        assert response.status_code == 200, url
        return list(response.context["cl"].result_list)

    assert rows(panels["fixity"].link) == [waiting_work["altered"]]
    assert rows(panels["licences"].link) == [waiting_work["licensed"]]
    assert [c.name for c in rows(panels["credits"].link)] == ["NEW AGENCY"]
    assert rows(panels["awaiting"].link) == list(Placement.objects.filter(asset=None))
    assert len(rows(panels["uploads"].link)) == Asset.objects.count() == 3
    assert panels["fixity"].count == "1" and panels["credits"].count == "1"


def test_the_dashboard_reads_a_bounded_number_of_queries(
    archivist_client, waiting_work, django_assert_max_num_queries
):
    for index in range(10, 30):
        make_asset(index, title=f"extra {index}", fixity_status="missing")
    with django_assert_max_num_queries(20):
        response = archivist_client.get(HOME)
    assert response.status_code == 200


def test_bounded_count_stops_at_its_limit(db):
    for index in range(5):
        make_asset(index + 1)
    assert bounded_count(Asset.objects.all(), limit=3) == "3+"
    assert bounded_count(Asset.objects.all(), limit=10) == "5"


def test_the_asset_list_filters_failing_fixity(archivist_client, waiting_work):
    assert changelist(archivist_client, fixity="failing") == [waiting_work["altered"]]
