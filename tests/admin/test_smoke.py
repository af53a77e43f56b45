"""The smoke test the house style asks for: every admin changelist, add and change page opens,
and the derived tables (audit facts, search documents) cannot be edited there."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

from archive.models import (
    ApiToken,
    Article,
    Asset,
    AssetFacts,
    AssetSearchDocument,
    Claim,
    Credit,
    Illustration,
    Licence,
    Placement,
    PrepublicationCheck,
)

pytestmark = pytest.mark.django_db

UPLOAD_URL = "/admin/archive/asset/upload/"
CATALOGUE = {Credit, Asset, Licence, Article, Placement, Claim, Illustration}
# Written only by their owners (archive.audit.facts, archive.search.documents).
DERIVED = (AssetFacts, AssetSearchDocument)
# Superusers' only (tests/admin/test_tokens.py opens their pages).
SUPERUSER_ONLY = (ApiToken,)
# Records nobody adds or edits by hand (tests/admin/test_checks.py opens their pages).
RECORDS = (PrepublicationCheck,)


def test_every_admin_changelist_and_add_page_opens_for_archivists(seeded, archivist_client):
    archive_models = [
        model
        for model in admin.site._registry
        if model._meta.app_label == "archive" and model not in DERIVED + SUPERUSER_ONLY + RECORDS
    ]
    assert CATALOGUE <= set(archive_models)
    for model in archive_models:
        info = (model._meta.app_label, model._meta.model_name)
        response = archivist_client.get(reverse("admin:{}_{}_changelist".format(*info)))
        assert response.status_code == 200, info
        response = archivist_client.get(reverse("admin:{}_{}_changelist".format(*info)) + "?q=a")
        assert response.status_code == 200, info
        add = archivist_client.get(reverse("admin:{}_{}_add".format(*info)))
        # Assets come in only through the upload page, which runs the ingest pipeline.
        assert add.status_code == (403 if model is Asset else 200), info
        first = model.objects.order_by("pk").first()
        assert first is not None, f"the seed has no {info[1]}"
        change = reverse("admin:{}_{}_change".format(*info), args=[first.pk])
        assert archivist_client.get(change).status_code == 200, info
    assert archivist_client.get(UPLOAD_URL).status_code == 200
    for asset in Asset.objects.all():
        url = reverse("admin:archive_asset_change", args=[asset.pk])
        assert archivist_client.get(url).status_code == 200, asset
        history = reverse("admin:archive_asset_history", args=[asset.pk])
        assert archivist_client.get(history).status_code == 200, asset


def test_derived_tables_cannot_be_edited_in_the_admin(rf, django_user_model):
    # Even a superuser: a hand edit would make them disagree with what they are derived from.
    request = rf.get("/admin/")
    request.user = django_user_model.objects.create_superuser("root", password="x-long-pass-1")
    for model in DERIVED:
        model_admin = admin.site._registry.get(model)
        if model_admin is None:
            continue  # not in the admin at all
        assert not model_admin.has_add_permission(request), model
        assert not model_admin.has_change_permission(request), model
        assert not model_admin.has_delete_permission(request), model
