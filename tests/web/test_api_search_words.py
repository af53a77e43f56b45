"""The API's filters mean what the same words mean in the search: compared on the seed."""

from __future__ import annotations

import pytest

from archive.models import Claim, Illustration

pytestmark = pytest.mark.django_db

# (API parameter, value, the search's field for it, whether the seed has matches)
SAME_WORDS = [
    ("claimant", "zelensky", "claimant", True),
    ("claimant", "Zelensky", "claimant", True),
    ("claimant", "ministry of defence", "claimant", True),
    ("claimant", "shoig*", "claimant", True),
    ("claimant", "shoig", "claimant", False),
    ("credit", "getty", "credit", True),
    ("credit", "Getty Images", "credit", True),
    ("credit", "nobody-at-all", "credit", False),
    ("kind", "still", "kind", True),
    ("kind", "Photo", "kind", True),
    ("kind", "vid", "kind", True),
    ("licence_status", "none", "status", True),
    ("licence_status", "Expired", "status", True),
    ("claim_status", "unverified", "status", True),
    ("source_type", "photo", "source_type", False),
    ("data_mining", "unstated", "data_mining", True),
]


def search_page_ids(client, text: str) -> set[int]:
    """Return the assets the search page finds for ``text`` (all on one page)."""
    results = client.get("/search/", {"q": text}).context["results"]
    assert results.num_pages == 1
    return {asset.pk for asset in results.assets}


@pytest.mark.parametrize(("parameter", "value", "field", "some"), SAME_WORDS)
def test_asset_filters_find_what_the_search_finds(
    seeded, journalist_client, parameter, value, field, some
):
    body = journalist_client.get("/api/assets", {parameter: value}).json()
    found = {row["id"] for row in body["results"]}
    expected = search_page_ids(journalist_client, f'{field}:"{value}"')
    assert found == expected
    assert bool(found) is some
    assert body["count"] == len(found)


def test_asset_filters_combine_with_the_query_as_typed_words_do(seeded, journalist_client):
    body = journalist_client.get(
        "/api/assets", {"q": "soldiers", "credit": "getty", "claimant": "shoigu"}
    ).json()
    expected = search_page_ids(journalist_client, "soldiers credit:getty claimant:shoigu")
    assert {row["id"] for row in body["results"]} == expected and expected


def test_claims_by_claimant_find_what_the_search_finds(seeded, auditor_client):
    body = auditor_client.get("/api/claims", {"claimant": "zelensky"}).json()
    assert body["count"] >= 1
    assert all("Zelensky" in row["claimant"] for row in body["results"])
    illustrated = {asset for row in body["results"] for asset in row["asset_ids"]}
    assert illustrated == search_page_ids(auditor_client, "claimant:zelensky")
    # Every claim of that claimant, whether or not a picture illustrates it.
    assert body["count"] == Claim.objects.filter(claimant__icontains="zelensky").count()


@pytest.mark.parametrize(
    ("value", "claimants"),
    [
        ("Ministry of Defence", {"UK Ministry of Defence", "Ministry of Defence of Ukraine"}),
        ("uk ministry", {"UK Ministry of Defence"}),
        ("SHOIG*", {"Sergei Shoigu"}),
        ("shoig", set()),
        ("defence ministry", set()),  # words in order, as a phrase
    ],
)
def test_claims_claimant_words(seeded, auditor_client, value, claimants):
    body = auditor_client.get("/api/claims", {"claimant": value}).json()
    assert {row["claimant"] for row in body["results"]} == claimants
    expected = Illustration.objects.filter(claim__claimant__in=claimants)
    assert {a for row in body["results"] for a in row["asset_ids"]} == set(
        expected.values_list("asset_id", flat=True)
    )


def test_meaningless_values_are_refused_with_the_searchs_words(seeded, journalist_client):
    kind = journalist_client.get("/api/assets", {"kind": "bogus"})
    assert kind.status_code == 400 and "“kind:bogus” is not a kind" in kind.json()["detail"]
    source = journalist_client.get("/api/assets", {"source_type": "bogus"})
    assert source.status_code == 400 and "not a digital source type" in source.json()["detail"]
    assert journalist_client.get("/api/assets", {"claimant": "!!"}).status_code == 400
    assert journalist_client.get("/api/assets", {"claim_status": "valid"}).status_code == 400
    credit = journalist_client.get("/api/assets", {"credit": "nobody-at-all"}).json()
    assert credit["count"] == 0 and "No credit is called “nobody-at-all”." in credit["messages"]
