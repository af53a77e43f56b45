"""What archivists read in the admin: history with reasons and field changes (and no inline
style, which the CSP forbids), keywords as tags, dates as YYYY-MM-DD, the icon, the theme."""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from archive.ingest import ingest_file
from archive.models import Asset, Licence
from tests.factories import jpeg_bytes, video_bytes
from tests.helpers import form_data, make_asset

pytestmark = pytest.mark.django_db


def history_rows(client, asset) -> list[dict[str, str]]:
    response = client.get(reverse("admin:archive_asset_history", args=[asset.pk]))
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    assert "style-src 'self'" in csp and "unsafe-inline" not in csp
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find(attrs={"style": True}) is None, "an inline style breaks the CSP"
    assert not soup.find_all("script", src=False, string=True), "an inline script"
    table = soup.find("table", id="change-history")
    heads = [th.get_text(strip=True) for th in table.thead.find_all("th")]
    return [
        dict(zip(heads, (td.get_text(" ", strip=True) for td in tr.find_all("td")), strict=True))
        for tr in table.tbody.find_all("tr")
    ]


def test_a_cut_still_and_an_edit_have_readable_history(archivist_client):
    video = ingest_file(video_bytes(seconds=2.0), filename="clip.mp4", credit="Sky News").asset
    url = reverse("admin:archive_asset_change", args=[video.pk])
    data = form_data(archivist_client.get(url))
    data["stills-0-timecode"] = "1.5"
    assert archivist_client.post(url, data).status_code == 302
    still = Asset.objects.get(video=video)
    (created,) = history_rows(archivist_client, still)
    assert created["Reason"] == f"Still cut from video #{video.pk} at 1.50 s"
    assert created["Changes"] == "created"
    # An edit in the admin: the reason names the fields, the changes show before → after.
    still_url = reverse("admin:archive_asset_change", args=[still.pk])
    data = form_data(archivist_client.get(still_url))
    data["title"] = "The moment"
    assert archivist_client.post(still_url, data).status_code == 302
    edited, created = history_rows(archivist_client, still)
    assert edited["Reason"] == "Edited in the admin: title"
    assert "Title: — → The moment" in edited["Changes"]
    for row in (edited, created):
        assert "None" not in row["Reason"]


def test_an_upload_says_so_in_its_history(archivist_client):
    asset = ingest_file(jpeg_bytes("h"), filename="kyiv_street.jpg").asset
    (row,) = history_rows(archivist_client, asset)
    assert row["Reason"] == "Uploaded as kyiv_street.jpg"


def test_keywords_are_typed_and_shown_as_tags(archivist_client):
    asset = ingest_file(jpeg_bytes("k"), filename="k.jpg").asset
    asset.keywords = ["war", "Kyiv"]
    asset.save()
    url = reverse("admin:archive_asset_change", args=[asset.pk])
    page = archivist_client.get(url)
    soup = BeautifulSoup(page.content, "html.parser")
    box = soup.find("input", attrs={"name": "keywords"})
    assert box["value"] == "war, Kyiv"
    chips = [li.get_text() for li in soup.select("ul.keyword-chips li")]
    assert chips == ["war", "Kyiv"]
    assert "[]" not in str(soup.find(class_="field-keywords"))
    data = form_data(page)
    data["keywords"] = "war; Kyiv, drone,  , WAR"
    assert archivist_client.post(url, data).status_code == 302
    asset.refresh_from_db()
    assert asset.keywords == ["war", "Kyiv", "drone"]
    # An asset without keywords shows an empty box, not "[]".
    empty = make_asset(99)
    soup = BeautifulSoup(
        archivist_client.get(reverse("admin:archive_asset_change", args=[empty.pk])).content,
        "html.parser",
    )
    assert soup.find("input", attrs={"name": "keywords"}).get("value", "") == ""


def test_dates_show_as_their_help_text_says(archivist_client):
    asset = make_asset(1, title="dated")
    licence = Licence.objects.create(asset=asset, expires_on=date(2026, 11, 29))
    page = archivist_client.get(reverse("admin:archive_licence_change", args=[licence.pk]))
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.find("input", attrs={"name": "expires_on"})["value"] == "2026-11-29"
    # Typed either way, it is read.
    data = form_data(page)
    data["expires_on"] = "30/11/2026"
    assert archivist_client.post(page.request["PATH_INFO"], data).status_code == 302
    licence.refresh_from_db()
    assert licence.expires_on == date(2026, 11, 30)


def test_the_favicon_is_found(archivist_client, client):
    html = archivist_client.get("/admin/").content.decode()
    assert 'rel="icon"' in html and "archive/favicon.svg" in html
    response = client.get("/favicon.ico")  # browsers ask before they read the page
    assert response.status_code == 302
    assert response.headers["Location"].endswith("archive/favicon.svg")


def test_the_admin_wears_the_sites_theme(archivist_client):
    response = archivist_client.get("/admin/")
    html = response.content.decode()
    assert "archive/admin.css" in html
    assert reverse("archive:home") in html  # a way back to the site
    from django.contrib.staticfiles import finders

    css = open(finders.find("archive/admin.css"), encoding="utf-8").read()
    # The site's navy and accent (archive/static/archive/archive.css) drive the admin's variables.
    assert "--header-bg: #14213d" in css and "--button-bg: #0b5cad" in css


def test_the_archives_admin_pages_keep_to_the_csp(archivist_client, seeded):
    """No inline style or script on the pages this app adds or themes (the CSP blocks them)."""
    asset = Asset.objects.filter(placements__isnull=False).first()
    pages = [
        archivist_client.get("/admin/"),
        archivist_client.get("/admin/archive/asset/", {"view": "grid"}),
        archivist_client.get("/admin/archive/asset/", {"view": "list"}),
        archivist_client.get(reverse("admin:archive_asset_change", args=[asset.pk])),
        archivist_client.get(reverse("admin:archive_asset_history", args=[asset.pk])),
        archivist_client.post(
            "/admin/archive/asset/",
            {"action": "bulk_edit_assets", "_selected_action": [asset.pk]},
        ),
        archivist_client.post(
            "/admin/archive/asset/",
            {
                "action": "bulk_edit_assets",
                "_selected_action": [asset.pk],
                "step": "preview",
                "source": "Pool",
                "reason": "test",
            },
        ),
    ]
    for response in pages:
        assert response.status_code == 200
        assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.find(attrs={"style": True}) is None, response.request["PATH_INFO"]
        assert not soup.find_all("style")
        inline = [
            script
            for script in soup.find_all("script", src=False)
            if script.get("type") != "application/json"
        ]
        assert not inline, response.request["PATH_INFO"]


def test_persons_shown_are_typed_one_a_line(archivist_client):
    asset = ingest_file(jpeg_bytes("p"), filename="p.jpg").asset
    asset.persons_shown = ["Zelensky, Volodymyr", "Jane Roe"]
    asset.save()
    url = reverse("admin:archive_asset_change", args=[asset.pk])
    page = archivist_client.get(url)
    box = BeautifulSoup(page.content, "html.parser").find(
        "textarea", attrs={"name": "persons_shown"}
    )
    assert box.get_text().strip() == "Zelensky, Volodymyr\nJane Roe"
    data = form_data(page)
    data["persons_shown"] = "Zelensky, Volodymyr\n\n  Jane   Roe \nJohn Doe"
    assert archivist_client.post(url, data).status_code == 302
    asset.refresh_from_db()
    assert asset.persons_shown == ["Zelensky, Volodymyr", "Jane Roe", "John Doe"]
    # None shows an empty box, not "[]".
    empty = make_asset(98)
    soup = BeautifulSoup(
        archivist_client.get(reverse("admin:archive_asset_change", args=[empty.pk])).content,
        "html.parser",
    )
    assert soup.find("textarea", attrs={"name": "persons_shown"}).get_text().strip() == ""


def test_other_locations_shown_are_typed_one_a_line(archivist_client):
    asset = ingest_file(jpeg_bytes("l"), filename="l.jpg").asset
    asset.other_locations_shown = [
        {"city": "Lviv", "country": "Ukraine", "country_code": "UA"},
        {"sublocation": "Maidan, Independence Square"},
    ]
    asset.save()
    url = reverse("admin:archive_asset_change", args=[asset.pk])
    page = archivist_client.get(url)
    box = BeautifulSoup(page.content, "html.parser").find(
        "textarea", attrs={"name": "other_locations_shown"}
    )
    assert box.get_text().strip() == "; Lviv; ; Ukraine; UA\nMaidan, Independence Square"
    data = form_data(page)
    data["other_locations_shown"] = "Old Town;  Kraków ; Lesser Poland; Poland; PL\n\n; Odesa"
    assert archivist_client.post(url, data).status_code == 302
    asset.refresh_from_db()
    assert asset.other_locations_shown == [
        {
            "sublocation": "Old Town",
            "city": "Kraków",
            "state": "Lesser Poland",
            "country": "Poland",
            "country_code": "PL",
        },
        {"city": "Odesa"},
    ]
    # A line with a sixth part is refused with its number, and nothing is saved.
    data["other_locations_shown"] = "; Lviv\na; b; c; d; e; f"
    refused = archivist_client.post(url, data)
    assert refused.status_code == 200
    assert "Line 2 has 6 parts" in refused.content.decode()
    asset.refresh_from_db()
    assert asset.other_locations_shown[1] == {"city": "Odesa"}
    # None shows an empty box, not "[]".
    empty = make_asset(97)
    soup = BeautifulSoup(
        archivist_client.get(reverse("admin:archive_asset_change", args=[empty.pk])).content,
        "html.parser",
    )
    assert soup.find("textarea", attrs={"name": "other_locations_shown"}).get_text().strip() == ""
