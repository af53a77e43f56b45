"""Bulk editing of assets (archive/admin/bulk_edit.py): the form, the preview of each asset's
changes, the apply in one transaction with one history entry per asset, and who may."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError

from archive.admin.bulk_edit import apply_changes, plan_changes
from archive.models import Asset, Credit, Licence
from tests.helpers import make_asset

pytestmark = pytest.mark.django_db

LIST = "/admin/archive/asset/"


@pytest.fixture
def three_assets(db):
    old = Credit.objects.create(name="GETTY", reviewed=True)
    assets = [
        make_asset(1, title="Bridge", credit=old, keywords=["war"], source="feed"),
        make_asset(2, title="Tank", keywords=[]),
        make_asset(3, title="Crowd", keywords=["Kyiv"], creator="A. Smith"),
    ]
    return assets


def post(client, assets, **data):
    payload = {"action": "bulk_edit_assets", "_selected_action": [a.pk for a in assets], **data}
    return client.post(LIST, payload)


def test_the_action_shows_the_form_with_the_selection(archivist_client, three_assets):
    response = post(archivist_client, three_assets)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Edit assets together" in html and "Preview the changes" in html
    for asset in three_assets:
        assert f'name="_selected_action" value="{asset.pk}"' in html


def test_the_preview_shows_before_and_after_and_writes_nothing(archivist_client, three_assets):
    reuters = Credit.objects.create(name="REUTERS", reviewed=True)
    histories = Asset.history.count()
    response = post(
        archivist_client,
        three_assets,
        step="preview",
        credit=reuters.pk,
        add_keywords="Ukraine, war",
        reason="Reuters invoice 42",
    )
    assert response.status_code == 200
    plans = response.context["plans"]
    rows = {plan.asset.pk: plan.rows for plan in plans}
    bridge, tank, crowd = three_assets
    assert ("credit", "GETTY", "REUTERS") in rows[bridge.pk]
    assert ("keywords", "war", "war, Ukraine") in rows[bridge.pk]
    assert ("credit", "—", "REUTERS") in rows[tank.pk]
    assert ("keywords", "—", "Ukraine, war") in rows[tank.pk]
    html = response.content.decode()
    assert "Apply to 3 assets" in html and "GETTY" in html
    # Nothing saved yet.
    assert Asset.history.count() == histories
    assert Asset.objects.get(pk=bridge.pk).credit_id != reuters.pk


def test_apply_changes_every_asset_with_one_history_entry_each(archivist_client, three_assets):
    reuters = Credit.objects.create(name="REUTERS", reviewed=True)
    before = {a.pk: a.history.count() for a in three_assets}
    response = post(
        archivist_client,
        three_assets,
        step="apply",
        credit=reuters.pk,
        source="Reuters pictures",
        remove_keywords="WAR",
        licence_type="rights_managed",
        licensor="Reuters",
        licence_expires_on="2030-01-31",
        reason="Reuters invoice 42",
    )
    assert response.status_code == 302
    for asset in Asset.objects.filter(pk__in=before):
        assert asset.credit == reuters
        assert asset.source == "Reuters pictures"
        assert "war" not in [word.casefold() for word in asset.keywords]
        assert {"credit", "source"} <= set(asset.edited_fields)
        assert asset.history.count() == before[asset.pk] + 1
        latest = asset.history.first()
        assert latest.history_change_reason == "Bulk edit: Reuters invoice 42"
        assert latest.history_user.username == "archivist"
        licence = Licence.objects.get(asset=asset)
        assert licence.licensor == "Reuters" and str(licence.expires_on) == "2030-01-31"


def test_an_asset_already_as_asked_gets_no_history_entry(archivist_client, three_assets):
    bridge = three_assets[0]
    count = bridge.history.count()
    response = post(archivist_client, [bridge], step="apply", source="feed", reason="no-op")
    assert response.status_code == 302
    assert bridge.history.count() == count


def test_invalid_input_saves_nothing_and_says_why(archivist_client, three_assets):
    count = Asset.history.count()
    response = post(archivist_client, three_assets, step="apply", reason="nothing chosen")
    assert response.status_code == 200
    assert "Choose at least one thing to change." in response.content.decode()
    response = post(
        archivist_client,
        three_assets,
        step="apply",
        licence_type="rights_managed",
        licence_starts_on="2030-01-01",
        licence_expires_on="2029-01-01",
        reason="bad dates",
    )
    assert "cannot expire before it starts" in response.content.decode()
    assert Asset.history.count() == count and not Licence.objects.exists()


def test_a_failure_rolls_back_every_asset(three_assets):
    """One transaction: an asset that fails validation leaves all of them unchanged."""
    bridge, tank, crowd = three_assets
    plans = plan_changes(three_assets, {"creator": "Someone"})
    crowd.kind = Asset.Kind.STILL  # a still without video: refused by Asset.clean
    with pytest.raises(ValidationError):
        apply_changes(plans, {"creator": "Someone"}, reason="x")
    assert set(Asset.objects.values_list("creator", flat=True)) == {"", "A. Smith"}


def test_a_refused_apply_says_why_and_changes_nothing(archivist_client, three_assets):
    """An asset breaking its rules (Asset.clean): the page says so, and nothing is saved."""
    crowd = three_assets[2]
    Asset.objects.filter(pk=crowd.pk).update(persons_shown="not a list")
    response = post(archivist_client, three_assets, step="apply", creator="Someone", reason="x")
    assert response.status_code == 302
    shown = [str(m) for m in response.wsgi_request._messages]
    assert shown and shown[0].startswith("Nothing was changed:")
    assert not Asset.objects.filter(creator="Someone").exists()


def test_an_odd_value_in_another_field_does_not_block_the_edit(archivist_client, three_assets):
    bridge = three_assets[0]
    Asset.objects.filter(pk=bridge.pk).update(web_statement="not a url")
    post(archivist_client, [bridge], step="apply", creator="Someone", reason="x")
    assert Asset.objects.get(pk=bridge.pk).creator == "Someone"


@pytest.mark.parametrize("role", ["journalist", "auditor"])
def test_journalists_and_auditors_cannot_bulk_edit(client, role_users, three_assets, role):
    client.force_login(role_users[role])
    response = post(client, three_assets, step="apply", source="hacked", reason="x")
    assert response.status_code in (302, 403)
    assert not Asset.objects.filter(source="hacked").exists()


def test_staff_without_change_permission_cannot_bulk_edit(client, role_users, three_assets):
    viewer = role_users["auditor"]
    viewer.is_staff = True
    viewer.save()
    client.force_login(viewer)
    assert viewer.has_perm("archive.view_asset") and not viewer.has_perm("archive.change_asset")
    page = client.get(LIST)
    assert page.status_code == 200 and "bulk_edit_assets" not in page.content.decode()
    post(client, three_assets, step="apply", source="hacked", reason="x")
    assert not Asset.objects.filter(source="hacked").exists()
    viewer.user_permissions.add(Permission.objects.get(codename="change_asset"))
    viewer = type(viewer).objects.get(pk=viewer.pk)
    client.force_login(viewer)
    assert "bulk_edit_assets" in client.get(LIST).content.decode()
