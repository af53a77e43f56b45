"""The API's docs page: behind the login page, Swagger UI from our own static files, no
inline script or style, so it works under the Content-Security-Policy."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from tests.rights.desk import DRAFT, build_desk_archive

pytestmark = pytest.mark.django_db


def test_docs_need_login(client):
    response = client.get("/api/docs")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_docs_page_uses_only_our_static_files(journalist_client):
    response = journalist_client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Content-Security-Policy" in response
    assert "script-src 'self'" in response["Content-Security-Policy"]
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert any(source.endswith("swagger-ui-bundle.js") for source in sources)
    for source in sources:
        assert source.startswith("/static/"), source  # no CDN
        assert finders.find(source.removeprefix("/static/")), source
    # No inline code: every script has a src or is data (the settings, JSON), no <style>.
    for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
        assert "src=" in attributes or 'type="application/json"' in attributes
        if "src=" in attributes:
            assert not body.strip()
    assert "<style" not in html and " style=" not in html
    settings = re.search(r'id="swagger-settings">(.*?)</script>', html, re.S).group(1)
    assert '"url": "/api/openapi.json"' in settings
    assert '"validatorUrl": null' in settings  # no badge image from elsewhere


def test_try_it_out_posts_with_the_token_the_docs_page_hands_swagger(role_users):
    """Swagger UI's "Try it out" sends the CSRF token the page carries (ninja's
    ``data-csrf-token``) as ``X-CSRFToken``: a POST made that way is accepted, one without it
    is refused, as a forged cross-site POST would be."""
    build_desk_archive()
    client = Client(enforce_csrf_checks=True)
    client.force_login(role_users["journalist"])
    html = client.get("/api/docs").content.decode()
    assert 'data-api-csrf="true"' in html
    token = re.search(r'data-csrf-token="([^"]+)"', html).group(1)
    body = {"text": DRAFT, "medium": "web"}
    url = "/api/checks/prepublication"
    refused = client.post(url, body, content_type="application/json")
    assert refused.status_code == 403
    accepted = client.post(url, body, content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert accepted.status_code == 200, accepted.content
    assert accepted.json()["pictures"]
