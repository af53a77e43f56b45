"""API tokens: hashed at rest, accepted by the API as their user, refused once revoked."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from archive.models import ApiToken
from archive.tokens import hash_token, issue_token


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.fixture
def journalist_token(role_users):
    return issue_token(user=role_users["journalist"], name="CMS picture picker")


def test_only_the_tokens_hash_is_stored(journalist_token):
    row, token = journalist_token
    row.refresh_from_db()
    assert row.key_hash == hash_token(token) != token
    assert token.startswith("ca_") and len(token) > 40
    stored = [str(value) for value in ApiToken.objects.values_list().get(pk=row.pk)]
    assert token not in stored
    assert token.startswith(row.prefix) and len(row.prefix) < len(token) // 3


def test_two_tokens_differ(role_users):
    _, first = issue_token(user=role_users["journalist"], name="a")
    _, second = issue_token(user=role_users["journalist"], name="b")
    assert first != second


def test_a_valid_token_reads_the_api_as_its_user(journalist_token, seeded):
    row, token = journalist_token
    client = Client()  # no session
    response = client.get("/api/assets", **bearer(token))
    assert response.status_code == 200 and response.json()["count"] > 0
    me = client.get("/api/me", **bearer(token)).json()
    assert me["username"] == "journalist" and me["role"] == "journalist"
    row.refresh_from_db()
    assert row.last_used_at is not None
    # A token logs nothing in: no session is made.
    assert "sessionid" not in client.cookies


@pytest.mark.parametrize("header", ["Bearer ca_not-a-real-token", "Bearer ", "Basic abc", ""])
def test_unknown_tokens_are_refused_401(db, header):
    response = Client().get("/api/assets", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401


def test_a_revoked_token_is_refused_401(journalist_token):
    row, token = journalist_token
    assert Client().get("/api/claims", **bearer(token)).status_code == 200
    row.revoked_at = row.created_at
    row.save()
    assert Client().get("/api/claims", **bearer(token)).status_code == 401


def test_a_token_of_a_deactivated_user_is_refused_401(journalist_token, role_users):
    _, token = journalist_token
    role_users["journalist"].is_active = False
    role_users["journalist"].save()
    assert Client().get("/api/claims", **bearer(token)).status_code == 401


def test_a_journalists_token_has_the_journalists_role_only(journalist_token, role_users):
    _, token = journalist_token
    permissions = Client().get("/api/me", **bearer(token)).json()["permissions"]
    assert "archive.view_asset" in permissions
    assert not {"archive.add_asset", "archive.change_asset", "archive.delete_asset"} & set(
        permissions
    )
    _, archivist_token = issue_token(user=role_users["archivist"], name="ingest script")
    archivist_permissions = Client().get("/api/me", **bearer(archivist_token)).json()
    assert "archive.change_asset" in archivist_permissions["permissions"]
    # Nor does the token open the archivists' admin (it is for the API only).
    admin = Client().get("/admin/", **bearer(token))
    assert admin.status_code == 302 and "/login/" in admin["Location"]


def test_a_token_without_a_role_reads_nothing(db):
    nobody = get_user_model().objects.create_user("freelancer", password="x-123456789")
    _, token = issue_token(user=nobody, name="no role")
    assert Client().get("/api/assets", **bearer(token)).status_code == 403
    assert Client().get("/api/claims", **bearer(token)).status_code == 403


def test_the_command_prints_a_working_token_once(role_users):
    from io import StringIO

    from django.core.management import call_command

    out, err = StringIO(), StringIO()
    call_command("create_api_token", "auditor", name="report script", stdout=out, stderr=err)
    token = out.getvalue().strip()
    assert ApiToken.objects.get(name="report script").key_hash == hash_token(token)
    assert token not in err.getvalue()
    me = Client().get("/api/me", **bearer(token)).json()
    assert me["username"] == "auditor"


def test_the_command_refuses_unknown_users(db):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="No user named 'nobody'"):
        call_command("create_api_token", "nobody", name="x")
