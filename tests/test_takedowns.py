"""Takedown impact: which placements a takedown reaches, recording it, and dealing with each."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from archive import takedowns
from archive.models import Asset, TakedownItem, TakedownRequest
from tests.factories import (
    ArticleFactory,
    AssetFactory,
    CreditFactory,
    LicenceFactory,
    PlacementFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def family():
    """A video, two stills cut from it, a look-alike of one still, and an unrelated picture,
    each placed in an article; the first still credited to the supplier that asks."""
    supplier = CreditFactory(name="Frontline Pictures")
    other = CreditFactory(name="Other Agency")
    video = AssetFactory(kind=Asset.Kind.VIDEO, without_file=True, credit=other, title="Clip")
    still = AssetFactory(
        kind=Asset.Kind.STILL, video=video, timecode=1.0, without_file=True, credit=supplier
    )
    sibling = AssetFactory(kind=Asset.Kind.STILL, video=video, timecode=2.0, without_file=True)
    copy = AssetFactory(without_file=True, near_duplicate_of=still, credit=other)
    unrelated = AssetFactory(without_file=True, credit=other)
    march = ArticleFactory(published_on=date(2026, 3, 1), url="https://news.example/a")
    april = ArticleFactory(published_on=date(2026, 4, 1), url="https://news.example/b")
    placements = {
        "still": PlacementFactory(article=april, asset=still, position=1, print_page="B3"),
        "video": PlacementFactory(article=march, asset=video, position=1, kind="video"),
        "sibling": PlacementFactory(article=march, asset=sibling, position=2),
        "copy": PlacementFactory(article=april, asset=copy, position=2),
        "unrelated": PlacementFactory(article=april, asset=unrelated, position=3),
    }
    return {
        "supplier": supplier,
        "video": video,
        "still": still,
        "sibling": sibling,
        "copy": copy,
        "unrelated": unrelated,
        "placements": placements,
    }


def test_a_still_reaches_its_siblings_and_its_look_alikes_not_its_video(family):
    base = takedowns.base_assets(asset=family["still"])
    ways = takedowns.how_reached(base)
    assert ways == {
        family["still"].pk: "direct",
        family["sibling"].pk: "still",
        family["copy"].pk: "look-alike",
    }
    placements = list(takedowns.impact(base))
    p = family["placements"]
    # In publication order: March's sibling, then April's still and copy.
    assert placements == [p["sibling"], p["still"], p["copy"]]


def test_a_video_reaches_every_still_cut_from_it(family):
    ways = takedowns.how_reached(takedowns.base_assets(asset=family["video"]))
    assert ways == {
        family["video"].pk: "direct",
        family["still"].pk: "still",
        family["sibling"].pk: "still",
    }


def test_a_look_alike_reaches_the_picture_it_looks_like(family):
    ways = takedowns.how_reached(takedowns.base_assets(asset=family["copy"]))
    assert ways == {family["copy"].pk: "direct", family["still"].pk: "look-alike"}


def test_a_licence_reaches_its_asset_and_a_credit_every_asset_under_it(family):
    licence = LicenceFactory(asset=family["unrelated"])
    assert takedowns.how_reached(takedowns.base_assets(licence=licence)) == {
        family["unrelated"].pk: "direct"
    }
    by_credit = takedowns.how_reached(takedowns.base_assets(credit=family["supplier"]))
    assert by_credit[family["still"].pk] == "direct"
    assert family["unrelated"].pk not in by_credit


def test_a_request_names_exactly_its_scope(family):
    bad = TakedownRequest(scope="credit", asset=family["still"], received_on=date(2026, 5, 1))
    with pytest.raises(ValidationError) as error:
        bad.full_clean()
    assert "credit" in error.value.message_dict and "asset" in error.value.message_dict
    late = TakedownRequest(
        scope="asset",
        asset=family["still"],
        received_on=date(2026, 5, 2),
        deadline=date(2026, 5, 1),
    )
    with pytest.raises(ValidationError):
        late.full_clean()


def test_recording_lists_every_placement_once_and_closes_when_all_are_dealt_with(
    family, role_users
):
    request = TakedownRequest.objects.create(
        scope="credit", credit=family["supplier"], received_on=date(2026, 5, 1)
    )
    assert takedowns.record_items(request) == 3
    assert takedowns.record_items(request) == 0  # again: nothing new
    assert request.status == TakedownRequest.Status.OPEN
    items = list(request.items.order_by("id"))
    user = role_users["archivist"]
    with pytest.raises(ValueError, match="Say why"):
        takedowns.deal_with(request, [items[0].pk], state="kept", note=" ", user=user)
    takedowns.deal_with(request, [items[0].pk], state="kept", note="Licence renewed", user=user)
    assert request.status == TakedownRequest.Status.OPEN
    takedowns.deal_with(request, [i.pk for i in items[1:]], state="removed", note="", user=user)
    request.refresh_from_db()
    assert request.status == TakedownRequest.Status.DONE
    kept = TakedownItem.objects.get(pk=items[0].pk)
    assert (kept.dealt_by, kept.note) == (user, "Licence renewed")
    # A new placement of the supplier's picture reopens the request when recorded again.
    PlacementFactory(asset=family["still"], position=9)
    assert takedowns.record_items(request) == 1
    assert request.status == TakedownRequest.Status.OPEN


def test_impact_page_and_csv(family, auditor_client):
    url = reverse("archive:takedown-impact")
    response = auditor_client.get(url, {"asset": family["still"].pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "3 placements of 3 assets" in html
    assert "https://news.example/a" in html
    # The page's rows in publication order, as the CSV's (the page is cut by id first).
    assert [placement.pk for placement, _ in response.context["rows"]] == [
        family["placements"][name].pk for name in ("sibling", "still", "copy")
    ]
    assert "Record a takedown request" not in html  # auditors look, archivists record
    response = auditor_client.get(url, {"asset": family["still"].pk, "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(r["placement"], r["via"]) for r in rows] == [
        (str(family["placements"]["sibling"].pk), "still"),
        (str(family["placements"]["still"].pk), "direct"),
        (str(family["placements"]["copy"].pk), "look-alike"),
    ]
    assert rows[0]["published_on"] == "2026-03-01"
    assert [r["print_page"] for r in rows] == ["", "B3", ""]  # where recorded
    assert "position 1 · print page B3" in html
    assert auditor_client.get(url).status_code == 400
    assert auditor_client.get(url, {"asset": 999999}).status_code == 404


def test_csv_cells_are_made_inert(family, auditor_client):
    family["placements"]["still"].caption = '=HYPERLINK("http://evil")'
    family["placements"]["still"].save()
    response = auditor_client.get(
        reverse("archive:takedown-impact"), {"asset": family["still"].pk, "format": "csv"}
    )
    text = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in text


def test_journalists_do_not_see_takedowns(family, journalist_client):
    response = journalist_client.get(
        reverse("archive:takedown-impact"), {"asset": family["still"].pk}
    )
    assert response.status_code == 403
    assert journalist_client.get(reverse("archive:takedown-list")).status_code == 403


def test_archivist_records_a_takedown_in_the_admin_and_deals_with_it(family, archivist_client):
    add = reverse("admin:archive_takedownrequest_add")
    response = archivist_client.post(
        add,
        {
            "scope": "credit",
            "credit": family["supplier"].pk,
            "requested_by": "Frontline Pictures legal",
            "received_on": "2026-05-01",
            "reason": "Licence revoked",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    request = TakedownRequest.objects.get()
    assert request.items.count() == 3
    detail = reverse("archive:takedown-detail", args=[request.pk])
    html = archivist_client.get(detail).content.decode()
    assert "3 to deal with" in html
    ids = list(request.items.values_list("pk", flat=True))
    response = archivist_client.post(detail, {"item": ids, "state": "removed", "note": ""})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "done"
    csv_text = b"".join(archivist_client.get(detail, {"format": "csv"}).streaming_content).decode()
    assert csv_text.count("removed") == 3
    listing = archivist_client.get(reverse("archive:takedown-list")).content.decode()
    assert f"#{request.pk} every picture credited Frontline Pictures" in listing


def test_auditors_cannot_mark_placements(family, auditor_client):
    request = TakedownRequest.objects.create(
        scope="asset", asset=family["still"], received_on=date(2026, 5, 1)
    )
    takedowns.record_items(request)
    detail = reverse("archive:takedown-detail", args=[request.pk])
    ids = list(request.items.values_list("pk", flat=True))
    assert auditor_client.post(detail, {"item": ids, "state": "removed"}).status_code == 403
    assert request.items.filter(state="pending").count() == 3
