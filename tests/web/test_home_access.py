"""The front page is for roles only: a signed-in user without one gets the 403 page."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from archive.models import Article

pytestmark = pytest.mark.django_db


def test_user_without_role_gets_403_page_on_home(seeded, client):
    headline = Article.objects.get().headline
    nobody = get_user_model().objects.create_user("nobody", password="x-unused-1")
    client.force_login(nobody)
    response = client.get(reverse("archive:home"))
    assert response.status_code == 403
    assert b"Not for your role" in response.content
    # Nothing of the archive leaks: no counts, headlines or credit lines.
    assert headline.encode() not in response.content
    assert "articles" not in (response.context or {})


@pytest.mark.parametrize("role", ["journalist", "auditor", "archivist"])
def test_roles_still_see_home(seeded, role_users, client, role):
    client.force_login(role_users[role])
    response = client.get(reverse("archive:home"))
    assert response.status_code == 200
    assert "counts" in response.context
