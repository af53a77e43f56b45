"""The API tokens' admin: a token shown once when made, revoked in bulk, superusers only."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from archive.models import ApiToken
from archive.tokens import hash_token, issue_token


@pytest.fixture
def admin_client(role_users):
    boss = get_user_model().objects.create_superuser("boss", "boss@example.org", "x-123456789")
    client = Client()
    client.force_login(boss)
    return client


def test_a_token_made_in_the_admin_is_shown_once_and_works(admin_client, role_users):
    response = admin_client.post(
        reverse("admin:archive_apitoken_add"),
        {"user": role_users["journalist"].pk, "name": "CMS"},
    )
    assert response.status_code == 200
    token = re.search(r'<code class="api-token">(ca_[^<]+)</code>', response.content.decode())[1]
    row = ApiToken.objects.get()
    assert row.key_hash == hash_token(token) and row.user == role_users["journalist"]
    api = Client().get("/api/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.json()["username"] == "journalist"
    # Never again: neither the list nor the token's page shows it.
    listing = admin_client.get(reverse("admin:archive_apitoken_changelist")).content.decode()
    searched = admin_client.get(reverse("admin:archive_apitoken_changelist") + "?q=CMS")
    assert searched.status_code == 200 and row.prefix in searched.content.decode()
    page = admin_client.get(reverse("admin:archive_apitoken_change", args=[row.pk]))
    assert token not in listing and token not in page.content.decode()
    assert row.prefix in listing


def test_revoking_in_the_admin_refuses_the_token(admin_client, role_users):
    row, token = issue_token(user=role_users["journalist"], name="CMS")
    kept, kept_token = issue_token(user=role_users["auditor"], name="report script")
    response = admin_client.post(
        reverse("admin:archive_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [row.pk]},
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.revoked_at is not None
    assert Client().get("/api/claims", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401
    assert Client().get("/api/claims", HTTP_AUTHORIZATION=f"Bearer {kept_token}").status_code == 200


def test_archivists_cannot_manage_tokens(archivist_client):
    assert archivist_client.get(reverse("admin:archive_apitoken_changelist")).status_code == 403
    assert archivist_client.get(reverse("admin:archive_apitoken_add")).status_code == 403
