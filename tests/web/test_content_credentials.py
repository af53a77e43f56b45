"""Content Credentials (C2PA) on the asset page, in the admin (read-only), in search (the
``c2pa:`` term and the facet), from files signed here and ingested."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from archive.ingest import ingest_file
from archive.search import SearchFilters, search_assets
from archive.search.query import FieldFilter, parse_query
from tests.c2pa_signing import TRAINED_ALGORITHMIC_MEDIA, make_chain, sign_jpeg, tampered
from tests.factories import AssetFactory, jpeg_bytes

pytestmark = pytest.mark.django_db


def ingested(data: bytes, title: str):
    result = ingest_file(data, filename=f"{title}.jpg", fields={"title": title})
    assert result.asset is not None, result.reason
    return result.asset


@pytest.fixture
def signed_archive(trusting_tests):
    """One asset in each state: trusted, untrusted, invalid (tampered), none, not checked."""
    parent = sign_jpeg(jpeg_bytes("parent", (320, 240)))
    return {
        "trusted": ingested(
            sign_jpeg(
                jpeg_bytes("trusted", (320, 240)),
                ingredient=parent,
                actions=[
                    {"action": "c2pa.opened", "parameters": {"ingredientIds": ["parent"]}},
                    {
                        "action": "c2pa.edited",
                        "digitalSourceType": TRAINED_ALGORITHMIC_MEDIA,
                        "softwareAgent": {"name": "Generative Fill"},
                    },
                ],
            ),
            "Trusted picture",
        ),
        "untrusted": ingested(
            sign_jpeg(jpeg_bytes("untrusted", (320, 240)), chain=make_chain("Unknown agency")),
            "Untrusted picture",
        ),
        "invalid": ingested(
            tampered(sign_jpeg(jpeg_bytes("tampered", (320, 240)))), "Tampered picture"
        ),
        "none": ingested(jpeg_bytes("plain", (320, 240)), "Plain picture"),
        "unchecked": AssetFactory(title="Old picture"),
    }


def page(client, asset) -> str:
    response = client.get(reverse("archive:asset-detail", args=[asset.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_panel_shows_each_state_and_what_the_credentials_say(signed_archive, journalist_client):
    trusted = page(journalist_client, signed_archive["trusted"])
    assert "Valid, signer trusted" in trusted
    assert "Signer, certificate issued by Caption Archive tests" in trusted
    assert "caption-archive-tests 1" in trusted
    assert "opened</li>" in trusted
    assert "edited · AI-generated · with Generative Fill" in trusted
    assert "parent.jpg · parentOf · image/jpeg · with its own credentials" in trusted
    assert "no trusted time-stamp" in trusted

    untrusted = page(journalist_client, signed_archive["untrusted"])
    assert (
        "Valid, signer not trusted" in untrusted
        and "Signer, certificate issued by Unknown agency" in untrusted
    )
    assert "does not chain to a trust anchor" in untrusted

    invalid = page(journalist_client, signed_archive["invalid"])
    assert "status-disputed" in invalid and ">Invalid</span>" in invalid
    assert "The file was changed after it was signed." in invalid
    assert "assertion.dataHash.mismatch" in invalid

    assert "None in the file" in page(journalist_client, signed_archive["none"])
    assert "Not checked" in page(journalist_client, signed_archive["unchecked"])


def test_the_panel_needs_a_login(signed_archive):
    url = reverse("archive:asset-detail", args=[signed_archive["trusted"].pk])
    assert Client().get(url).status_code == 302


def test_the_admin_shows_the_panel_and_the_store_read_only(signed_archive, archivist_client):
    asset = signed_archive["invalid"]
    url = reverse("admin:archive_asset_change", args=[asset.pk])
    html = archivist_client.get(url).content.decode()
    assert "Content Credentials (C2PA, read-only)" in html
    assert "The file was changed after it was signed." in html
    assert "assertion.dataHash.mismatch" in html and "validation_state" in html
    assert 'name="c2pa_state"' not in html and 'name="c2pa_summary"' not in html
    changelist = archivist_client.get(
        reverse("admin:archive_asset_changelist"), {"c2pa_state": "invalid"}
    )
    assert changelist.status_code == 200
    assert "Tampered picture" in changelist.content.decode()
    assert "Plain picture" not in changelist.content.decode()


def titles(text: str, filters: SearchFilters | None = None) -> set[str]:
    return {asset.title for asset in search_assets(text, filters).assets}


def test_the_c2pa_term_finds_each_state(signed_archive):
    assert titles("c2pa:valid") == {"Trusted picture", "Untrusted picture"}
    assert titles("c2pa:trusted") == {"Trusted picture"}
    assert titles("c2pa:untrusted") == {"Untrusted picture"}
    assert titles("c2pa:invalid") == {"Tampered picture"}
    assert titles("credentials:INVALID") == {"Tampered picture"}
    assert titles("c2pa:none") == {"Plain picture"}
    assert titles("c2pa:unchecked") == {"Old picture"}
    assert titles("-c2pa:none -c2pa:unchecked") == {
        "Trusted picture",
        "Untrusted picture",
        "Tampered picture",
    }
    assert titles("c2pa:valid trusted") == {"Trusted picture"}  # with words
    messages = search_assets("c2pa:banana").messages
    assert any("not a Content Credentials state" in message for message in messages)


def test_the_term_parses_although_its_name_holds_a_digit():
    assert parse_query("c2pa:valid").filters == (FieldFilter("c2pa", "valid"),)
    assert parse_query("-content_credentials:none").filters == (
        FieldFilter("c2pa", "none", negated=True),
    )


def test_the_facet_counts_states_and_its_links_filter(signed_archive, journalist_client):
    facet = {row["value"]: row for row in search_assets("").facets["c2pa"]}
    assert {value: row["count"] for value, row in facet.items()} == {
        "trusted": 1,
        "untrusted": 1,
        "invalid": 1,
        "none": 1,
        "unchecked": 1,
    }
    assert facet["untrusted"]["label"] == "Valid, signer not trusted"
    assert titles("", SearchFilters(c2pa="invalid")) == {"Tampered picture"}
    assert titles("", SearchFilters(c2pa="unchecked")) == {"Old picture"}

    html = journalist_client.get(reverse("archive:search")).content.decode()
    assert "<h2>Content Credentials</h2>" in html and "?c2pa=invalid" in html
    chosen = journalist_client.get(reverse("archive:search"), {"c2pa": "invalid"})
    text = chosen.content.decode()
    assert "Tampered picture" in text and "Plain picture" not in text
    assert "Content Credentials: Invalid" in text  # the active filter, named
    nonsense = journalist_client.get(reverse("archive:search"), {"c2pa": "banana"})
    assert "Plain picture" in nonsense.content.decode()  # a value that means nothing is ignored


def test_the_api_gives_the_state_signer_actions_and_failures(signed_archive, journalist_client):
    def credentials_of(asset) -> dict:
        response = journalist_client.get(f"/api/assets/{asset.pk}")
        assert response.status_code == 200
        return response.json()["content_credentials"]

    trusted = credentials_of(signed_archive["trusted"])
    assert trusted["state"] == "trusted" and trusted["label"] == "Valid, signer trusted"
    assert (trusted["signer"], trusted["issuer"]) == ("Signer", "Caption Archive tests")
    assert trusted["actions"][1] == {
        "action": "c2pa.edited",
        "digital_source_type": "trainedAlgorithmicMedia",
        "software_agent": "Generative Fill",
    }
    assert trusted["ingredient_count"] == 1 and trusted["failures"] == []
    invalid = credentials_of(signed_archive["invalid"])
    assert invalid["state"] == "invalid"
    assert invalid["failures"][0]["code"] == "assertion.dataHash.mismatch"
    assert credentials_of(signed_archive["unchecked"])["state"] == ""
