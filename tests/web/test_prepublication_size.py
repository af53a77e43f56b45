"""The pre-publication check refuses an article longer than any, page and API alike, with
the importer's limit and message (issue 14: a 968 KB draft held the API for 15 s)."""

from __future__ import annotations

import pytest
from django.test import Client

from archive.models import PrepublicationCheck
from tests.rights.desk import DAY, build_desk_archive
from tests.web.test_prepublication import API, PAGE, bearer, post

pytestmark = pytest.mark.django_db
MARCH = "<p>Mr Smith said 1,200 people marched through the town, and police said 40 were held.</p>"
LONG = f"<html><body><article><h1>March</h1>{MARCH * 40}</article></body></html>"


@pytest.fixture
def desk(db):
    return build_desk_archive()


def test_the_page_and_the_api_refuse_an_article_longer_than_any(
    settings, role_users, journalist_client, desk
):
    settings.ARCHIVE_ARTICLE_MAX_TEXT_CHARS = 2_000
    form = {"text": LONG, "medium": "web", "on": DAY.isoformat(), "territory": "gb"}
    page = journalist_client.post(PAGE, form)
    assert page.status_code == 400
    assert "more than any article (at most 2,000)" in page.content.decode()
    response = post(Client(), {"text": LONG}, **bearer(role_users["journalist"]))
    assert response.status_code == 400, API
    assert "more than any article (at most 2,000)" in response.json()["detail"]
    assert not PrepublicationCheck.objects.exists()
