"""The read-only JSON API: login, filters, the asset shape, claims, the schema, query counts."""

from __future__ import annotations

import pytest
from django.db import connection

from archive.models import Article, Asset, Claim, Credit, Illustration
from tests.factories import (
    ArticleFactory,
    AssetFactory,
    ClaimFactory,
    IllustrationFactory,
    PlacementFactory,
)

pytestmark = pytest.mark.django_db

ASSET_KEYS = {
    "id",
    "kind",
    "title",
    "caption",
    "credit",
    "credit_line",
    "creator",
    "copyright_notice",
    "source",
    "digital_source_type",
    "content_credentials",
    "ai",
    "data_mining",
    "other_constraints",
    "licensor",
    "copyright_owner",
    "image_supplier",
    "web_statement",
    "usage_terms",
    "alt_text",
    "extended_description",
    "persons_shown",
    "location_shown",
    "other_locations_shown",
    "width",
    "height",
    "sha256",
    "licence_status",
    "licence_status_label",
    "licence_findings",
    "claims",
    "thumbnail_url",
    "detail_url",
}


@pytest.mark.parametrize(
    "url", ["/api/assets", "/api/assets/1", "/api/claims", "/api/openapi.json"]
)
def test_anonymous_callers_get_401_json(seeded, client, url):
    response = client.get(url)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


def test_assets_search_and_shape(seeded, journalist_client):
    response = journalist_client.get("/api/assets", {"q": "shoigu"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] >= 1 and body["ranked"] is True
    first = body["results"][0]
    assert set(first) == ASSET_KEYS
    assert first["title"] == "Sergei Shoigu"
    assert first["credit"] == "GETTY" and first["credit_line"] == "(Image: GETTY)"
    assert first["licence_status"] in {"none", "expired", "expiring", "valid"}
    assert {"id", "text", "claimant", "status"} == set(first["claims"][0])
    assert first["detail_url"] == f"/assets/{first['id']}/"
    sha = Asset.objects.get(pk=first["id"]).sha256
    assert first["thumbnail_url"] == f"/media/assets/{first['id']}/thumbnail?v={sha[:16]}"


def test_assets_filters(seeded, journalist_client):
    getty = Credit.objects.get(name="GETTY")
    getty_count = Asset.objects.filter(credit=getty).count()
    assert (
        journalist_client.get("/api/assets", {"credit": "Getty Images"}).json()["count"]
        == getty_count
    )
    assert (
        journalist_client.get("/api/assets", {"credit": str(getty.pk)}).json()["count"]
        == getty_count
    )
    assert journalist_client.get("/api/assets", {"kind": "still"}).json()["count"] == 1
    claim = Claim.objects.filter(claimant="Sergei Shoigu").first()
    expected = set(Illustration.objects.filter(claim=claim).values_list("asset_id", flat=True))
    found = {
        row["id"]
        for row in journalist_client.get("/api/assets", {"claim": claim.pk}).json()["results"]
    }
    assert found == expected
    article = Article.objects.get()
    assert journalist_client.get("/api/assets", {"article": article.pk}).json()["count"] == 8
    statuses = journalist_client.get("/api/assets", {"licence_status": "none"}).json()
    assert statuses["count"] >= 1
    assert {row["licence_status"] for row in statuses["results"]} == {"none"}
    assert journalist_client.get("/api/assets", {"kind": "bogus"}).status_code == 400
    assert journalist_client.get("/api/assets", {"licence_status": "bogus"}).status_code == 400
    assert journalist_client.get("/api/assets", {"q": "C:3PO AND \"o'neil"}).status_code == 200


def test_one_asset_and_missing_asset(seeded, journalist_client):
    asset = Asset.objects.get(kind="still")
    body = journalist_client.get(f"/api/assets/{asset.pk}").json()
    assert body["id"] == asset.pk and body["kind"] == "still"
    assert journalist_client.get("/api/assets/999999").status_code == 404


def test_claims_endpoint(seeded, auditor_client):
    body = auditor_client.get("/api/claims", {"claimant": "Sergei Shoigu"}).json()
    assert body["count"] == 2
    assert all(row["claimant"] == "Sergei Shoigu" for row in body["results"])
    assert all(row["asset_ids"] for row in body["results"])
    assert auditor_client.get("/api/claims", {"status": "verified"}).json()["count"] == 0
    assert auditor_client.get("/api/claims", {"status": "nope"}).status_code == 400


def test_openapi_schema(seeded, journalist_client):
    schema = journalist_client.get("/api/openapi.json").json()
    assert {"/api/assets", "/api/assets/{asset_id}", "/api/claims"} <= set(schema["paths"])
    names = {p["name"] for p in schema["paths"]["/api/assets"]["get"]["parameters"]}
    assert {"q", "credit", "kind", "licence_status", "claim", "article", "page"} <= names


def test_users_without_a_role_are_refused(seeded, client, django_user_model):
    user = django_user_model.objects.create_user("nobody", password="x-very-long-1")
    client.force_login(user)
    assert client.get("/api/assets").status_code == 403
    assert client.get("/api/claims").status_code == 403


def grow(count: int) -> None:
    """Add ``count`` placed assets, each illustrating the same three claims."""
    credit = Credit.objects.get(name="NC")
    article = ArticleFactory(headline=f"Grown {count}")
    claims = ClaimFactory.create_batch(3, article=article, claimant="Desk")
    for index in range(count):
        asset = AssetFactory(without_file=True, title=f"Grown soldiers {index}", credit=credit)
        PlacementFactory(
            article=article, asset=asset, position=index + 1, caption="Printed soldiers"
        )
        for claim in claims:
            IllustrationFactory(asset=asset, claim=claim)


@pytest.mark.parametrize("extra", [0, 40])
def test_queries_do_not_grow_with_results(
    seeded, journalist_client, django_assert_max_num_queries, extra
):
    grow(extra)
    # 9 for the search and its rows, 6 for the licence audit's findings of the page, 7 for
    # their usage-rights findings (agreements, their categories, the kept quota uses, the
    # uses over quota, the page's uses and leases). On PostgreSQL words take one more: the
    # planner's guess of how many hits there are (planned, not run).
    guess = connection.vendor == "postgresql"
    with django_assert_max_num_queries(22 + guess):
        body = journalist_client.get("/api/assets", {"q": "soldiers"}).json()
    assert body["count"] >= 2 + extra
    with django_assert_max_num_queries(22):
        body = journalist_client.get("/api/assets").json()
    assert len(body["results"]) == min(50, 8 + extra)
    with django_assert_max_num_queries(7):
        body = journalist_client.get("/api/claims").json()
    assert body["count"] == 16


def test_paging_past_the_end_is_refused_not_repeated(seeded, journalist_client, auditor_client):
    first = journalist_client.get("/api/assets", {"page": 1}).json()
    assert first["page"] == 1 and first["num_pages"] == 1 and first["results"]
    past = journalist_client.get("/api/assets", {"page": 2})
    assert past.status_code == 404 and "past the last page" in past.json()["detail"]
    assert journalist_client.get("/api/assets", {"page": 0}).status_code == 400
    nothing = journalist_client.get("/api/assets", {"q": "zzzzqx"}).json()
    assert nothing["count"] == 0 and nothing["results"] == []  # page 1 of nothing is fine
    assert auditor_client.get("/api/claims", {"page": 1}).status_code == 200
    assert auditor_client.get("/api/claims", {"page": 99}).status_code == 404
