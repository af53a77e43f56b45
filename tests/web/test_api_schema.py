"""The API driven from its own OpenAPI schema (schemathesis): every answer documented, no 5xx.

A client generated from the schema must be able to handle every response: each status an
operation answers, and its body, must be in the schema.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from archive.web.api import api
from tests.factories import ArticleFactory, ClaimFactory, IllustrationFactory, PlacementFactory

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def archive_to_search(small_archive):
    """A few assets, an article and a claim for the generated requests to find."""
    article = ArticleFactory(headline="Shoigu visits the front")
    claim = ClaimFactory(article=article, claimant="Sergei Shoigu")
    for position, asset in enumerate(small_archive["assets"], start=1):
        PlacementFactory(article=article, asset=asset, position=position)
        IllustrationFactory(asset=asset, claim=claim)


@pytest.fixture
def session_cookie(role_users, client):
    client.force_login(role_users["auditor"])
    return {"sessionid": client.cookies["sessionid"].value, "csrftoken": CSRF_TOKEN}


# The POST operation checks a session's CSRF token: the cookie and the header agree.
CSRF_TOKEN = "x" * 32


@pytest.fixture(autouse=True)
def keep_test_connection():
    """The real WSGI handler closes the database connection at each request's start and end,
    which would end the test's transaction on a server database (SQLite's in-memory test
    database ignores the close). Django's own test client unhooks the same receiver."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.openapi.from_dict(api.get_openapi_schema())


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_answer_is_documented(case, archive_to_search, session_cookie):
    response = case.call_and_validate(
        app=WSGIHandler(),
        cookies=session_cookie,
        headers={"X-CSRFToken": CSRF_TOKEN},
        checks=CHECKS,
    )
    assert response.status_code not in (401, 403)  # the session was used


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_anonymous_answers_are_documented(case):
    response = case.call_and_validate(app=WSGIHandler(), checks=CHECKS)
    assert response.status_code in (401, 405)  # 405: the coverage phase tries other methods


def test_each_operation_documents_its_refusals(db):
    paths = api.get_openapi_schema()["paths"]
    documented = {
        (method.upper(), path): {str(code) for code in operation["responses"]}
        for path, operations in paths.items()
        for method, operation in operations.items()
    }
    assert documented == {
        ("GET", "/api/assets"): {"200", "400", "401", "403", "404", "422", "429"},
        ("GET", "/api/assets/{asset_id}"): {"200", "401", "403", "404", "422", "429"},
        ("GET", "/api/assets/{asset_id}/usability"): {
            "200",
            "400",
            "401",
            "403",
            "404",
            "422",
            "429",
        },
        ("GET", "/api/claims"): {"200", "400", "401", "403", "404", "422", "429"},
        ("GET", "/api/me"): {"200", "401", "429"},
        ("POST", "/api/checks/prepublication"): {"200", "400", "401", "403", "422", "429"},
    }
    error = paths["/api/assets"]["get"]["responses"][404]["content"]["application/json"]
    assert error["schema"] == {"$ref": "#/components/schemas/ErrorOut"}
