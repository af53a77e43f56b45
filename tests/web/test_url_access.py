"""Walk every URL in the URL map as anonymous, journalist, auditor and archivist.

Each URL pattern is turned into a concrete URL (ids of seeded records filled in) and fetched
by each role; the status must be the allowed one. A new URL that nobody classified fails the
test, so access is decided on purpose, never by accident.
"""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from archive.models import Article, Asset, Claim, Credit, Licence, Placement

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "journalist", "auditor", "archivist")
ANON_LOGIN = "login"  # redirected to the login page
OK, FORBIDDEN, NOT_FOUND = 200, 403, 404


def walk(patterns, prefix: str = ""):
    """Yield (route, name) for every pattern, with nested prefixes joined."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern.name or ""


def concrete(route: str, ids: dict[str, int]) -> str | None:
    """Turn a route into a URL; None for regex routes we cannot fill (admin catch-alls)."""
    route = route.lstrip("^").rstrip("$").replace("\\Z", "")
    if "(?P" in route or "(?:" in route:
        return None

    def fill(match: re.Match) -> str:
        converter, name = match.group(1) or "str", match.group(2)
        if converter == "int" or name.endswith("_id") or name == "pk":
            return str(ids.get(name, ids["pk"]))
        return {"rendition": "preview", "app_label": "archive"}.get(name, "x")

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", fill, route)


def expected(url: str, role: str) -> set[int] | str:
    """Return the allowed statuses for a role at a URL."""
    if url.startswith(("/accounts/login", "/admin/login")):
        return {OK, 302}  # a logged-in user is sent on
    if url.startswith(("/accounts/logout", "/admin/logout")):
        return {OK, 302, 405}
    if url.startswith("/static/"):
        return {OK, NOT_FOUND}
    if url == "/favicon.ico":
        return {302}  # the site's icon, for everyone (browsers ask before logging in)
    if url == "/healthz":
        return {OK}  # the one page without login: load balancers' probe, each check's result only
    if url == "/api/checks/prepublication":
        return {405}  # POST only: the walk's GET is refused before any login is asked
    if role == "anonymous":
        if url.startswith("/api/") and url != "/api/docs":  # the docs are a page for people
            return {401, NOT_FOUND} if url == "/api/" else {401}
        return ANON_LOGIN
    if url.startswith("/admin/"):
        if role != "archivist":
            return "admin-login"  # not staff: the admin sends them to its login
        if url.startswith(("/admin/auth/", "/admin/axes/")):
            # Archivists catalogue; they do not manage accounts (bare ids redirect, then 403).
            return {FORBIDDEN, 302}
        if url.startswith("/admin/archive/apitoken/"):
            return {FORBIDDEN, 302}  # API tokens are superusers' (bare ids redirect, then 403)
        if url.startswith("/admin/django_tasks_database/"):
            # The task queue's results and tracebacks are superusers'; archivists see each
            # asset's processing state and reason (and retry) on the asset list.
            return {FORBIDDEN, 302}
        if url == "/admin/autocomplete/":
            return {FORBIDDEN}  # without a field to complete, Django refuses
        if re.fullmatch(r"/admin/archive/\w+/", url):
            return {OK}  # every changelist opens
        if url.startswith("/admin/archive/prepublicationcheck/") and url.endswith(
            ("/add/", "/delete/")
        ):
            return {FORBIDDEN}  # a check is a record: nobody adds or deletes one by hand
        if url == "/admin/archive/asset/add/":
            return {FORBIDDEN}  # new files come through the upload page (ingest)
        # Fake ids and POST-only endpoints: a redirect, 404 or 405, never a server error.
        return {OK, 302, NOT_FOUND, 405}
    if url.startswith("/checks/"):
        return {OK}  # every role runs the pre-publication check
    if url.startswith("/reports/"):
        return {OK} if role in ("auditor", "archivist") else {FORBIDDEN}
    if url.startswith("/takedowns/"):
        if role == "journalist":
            return {FORBIDDEN}  # takedowns are for the rights desk and archivists
        # The impact page without an asset, licence or credit named: a clear 400.
        if url == "/takedowns/impact/":
            return {400}
        return {OK, NOT_FOUND}  # a request by id (the walk fills in an asset's id)
    if url.endswith("/original") or "/download/" in url:
        return {OK, 302} if role in ("journalist", "archivist") else {FORBIDDEN}
    if url.startswith("/media/") and url.endswith("/preview"):
        # A large rendition: for those who may download (an auditor gets the thumbnail).
        return {OK, 302} if role in ("journalist", "archivist") else {FORBIDDEN}
    return {OK, 302, NOT_FOUND, 405}


@pytest.fixture
def ids(seeded):
    asset = Asset.objects.get(kind="social")
    return {
        "pk": asset.pk,
        "asset_id": asset.pk,
        "object_id": str(asset.pk),
        "article_id": Article.objects.get().pk,
        "claim_id": Claim.objects.first().pk,
        "credit_id": Credit.objects.first().pk,
        "licence_id": Licence.objects.first().pk,
        "placement_id": Placement.objects.first().pk,
    }


def test_every_url_is_guarded_by_role(ids, role_users, client):
    urls = sorted(
        {url for route, _ in walk(get_resolver().url_patterns) if (url := concrete(route, ids))}
    )
    assert len(urls) > 30, "the walk found the URL map"
    failures = []
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(role_users[role])
        for url in urls:
            response = client.get(url)
            allowed = expected(url, role)
            if allowed == ANON_LOGIN:
                good = response.status_code == 302 and "/login/" in response["Location"]
            elif allowed == "admin-login":
                good = response.status_code == 302 and "/admin/login/" in response["Location"]
            else:
                good = response.status_code in allowed
            if not good:
                failures.append(f"{role} {url} -> {response.status_code}")
    assert not failures, "\n".join(failures)
