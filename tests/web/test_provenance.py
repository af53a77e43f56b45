"""The provenance fields (IPTC digital source type and AI fields, PLUS data mining and rights
holders, accessibility texts, people and location shown) on the asset page, in the admin, in
search and in the API."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from archive.models import Asset
from archive.search import search_assets
from tests.factories import AssetFactory

pytestmark = pytest.mark.django_db

AI_PICTURE = {
    "title": "Fox in the snow",
    "thumbnail": "thumbnails/fox.jpg",
    "digital_source_type": "trainedAlgorithmicMedia",
    "ai_system": "Midjourney",
    "ai_system_version": "6.1",
    "ai_prompt": "A red fox in deep snow, dusk",
    "ai_prompt_writer": "Zoë Prompt",
    "data_mining": "DMI-PROHIBITED-AIMLTRAINING",
    "other_constraints": "No use in datasets.",
    "licensor_name": "Fox Licensing Ltd",
    "licensor_url": "https://fox.example/licence",
    "copyright_owner": "Fox Studio",
    "image_supplier": "Fox Supply",
    "web_statement": "https://fox.example/rights",
    "alt_text": "A red fox stands in snow",
    "extended_description": "The fox looks left; pine trees behind.",
    "persons_shown": ["Jane Ranger"],
    "location_city": "Whitehorse",
    "location_country": "Canada",
    "location_country_code": "CA",
    "other_locations_shown": [
        {"sublocation": "Miles Canyon", "state": "Yukon", "country_code": "CA"},
        {"city": "Dawson City"},
    ],
}


@pytest.fixture
def pictures(db):
    ai = AssetFactory(**AI_PICTURE)
    photo = AssetFactory(title="Parliament", digital_source_type="digitalCapture")
    composite = AssetFactory(
        title="Montage", digital_source_type="compositeCapture", data_mining="DMI-ALLOWED"
    )
    edited = AssetFactory(
        title="Sky swap", digital_source_type="compositeWithTrainedAlgorithmicMedia"
    )
    plain = AssetFactory(title="Unstated")
    return {"ai": ai, "photo": photo, "composite": composite, "edited": edited, "plain": plain}


def found(text: str) -> set[str]:
    return {asset.title for asset in search_assets(text).assets}


def test_search_by_source_type_and_data_mining(pictures):
    assert found("source_type:ai") == {"Fox in the snow", "Sky swap"}
    assert found("source_type:ai-generated") == {"Fox in the snow"}
    assert found("source_type:AI-edited") == {"Sky swap"}
    assert found("digital_source:composite") == {"Montage"}
    assert found("source_type:photo") == {"Parliament"}
    assert found("source_type:trainedAlgorithmicMedia") == {"Fox in the snow"}
    assert found("source_type:none") == {"Unstated"}
    assert found("-source_type:ai") == {"Parliament", "Montage", "Unstated"}
    assert found("data_mining:prohibited") == {"Fox in the snow"}
    assert found("data_mining:allowed") == {"Montage"}
    assert found("data_mining:DMI-PROHIBITED-AIMLTRAINING fox") == {"Fox in the snow"}


def test_a_value_that_means_nothing_is_explained(pictures):
    results = search_assets("source_type:banana")
    assert any("not a digital source type" in m for m in results.messages)
    results = search_assets("data_mining:maybe")
    assert any("not a data mining value" in m for m in results.messages)
    assert any("needs a value" in m for m in search_assets("source_type:").messages)


def test_people_places_and_alt_text_are_found_with_the_caption(pictures):
    assert found("ranger") == {"Fox in the snow"}
    assert found("whitehorse") == {"Fox in the snow"}
    assert found("dawson") == {"Fox in the snow"}  # the third location shown
    assert found("miles canyon yukon") == {"Fox in the snow"}
    assert found("stands") == {"Fox in the snow"}


def test_the_asset_page_shows_them(pictures, journalist_client):
    page = journalist_client.get(pictures["ai"].get_absolute_url()).content.decode()
    for text in (
        "AI-generated",
        "Midjourney (6.1)",
        "A red fox in deep snow, dusk",
        "Zoë Prompt",
        "Prohibited for AI/ML training",
        "no AI training",
        "No use in datasets.",
        "Fox Licensing Ltd",
        "https://fox.example/licence",
        "Fox Studio",
        "Fox Supply",
        'alt="A red fox stands in snow"',
        "The fox looks left; pine trees behind.",
        "Jane Ranger",
        "Whitehorse, Canada (CA)",
        "<dt>Also shown</dt><dd>Miles Canyon, Yukon, CA</dd><dd>Dawson City</dd>",
    ):
        assert text in page, text
    plain = journalist_client.get(pictures["plain"].get_absolute_url()).content.decode()
    assert "not stated" in plain


def test_the_api_carries_them(pictures, journalist_client):
    body = journalist_client.get(f"/api/assets/{pictures['ai'].pk}").json()
    assert body["digital_source_type"] == {
        "code": "trainedAlgorithmicMedia",
        "uri": "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
        "label": "AI-generated",
        "group": "ai-generated",
    }
    assert body["ai"] == {
        "system": "Midjourney",
        "system_version": "6.1",
        "prompt": "A red fox in deep snow, dusk",
        "prompt_writer": "Zoë Prompt",
    }
    assert body["data_mining"] == {
        "code": "DMI-PROHIBITED-AIMLTRAINING",
        "label": "Prohibited for AI/ML training",
        "forbids_ai_training": True,
    }
    assert body["licensor"] == {"name": "Fox Licensing Ltd", "url": "https://fox.example/licence"}
    for name in (
        "other_constraints", "copyright_owner", "image_supplier", "web_statement", "alt_text",
        "extended_description",
    ):  # fmt: skip
        assert body[name] == AI_PICTURE[name], name
    assert body["persons_shown"] == ["Jane Ranger"]
    assert body["location_shown"]["city"] == "Whitehorse"
    assert body["location_shown"]["country_code"] == "CA"
    assert [place["city"] for place in body["other_locations_shown"]] == ["", "Dawson City"]
    assert body["other_locations_shown"][0]["province_state"] == "Yukon"
    plain = journalist_client.get(f"/api/assets/{pictures['plain'].pk}").json()
    assert plain["digital_source_type"] is None and plain["data_mining"] is None
    listed = journalist_client.get("/api/assets", {"q": "source_type:ai"}).json()
    assert {row["title"] for row in listed["results"]} == {"Fox in the snow", "Sky swap"}


def test_the_admin_edits_them_and_remembers_they_were_typed(pictures, archivist_client):
    asset = pictures["plain"]
    url = reverse("admin:archive_asset_change", args=[asset.pk])
    page = archivist_client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if name in form.fields and value is not None
    }
    data.update(
        {
            "kind": asset.kind,
            "keywords": "[]",
            "persons_shown": "Keir Starmer",  # one name a line
            "digital_source_type": "compositeSynthetic",
            "data_mining": "DMI-PROHIBITED-GENAIMLTRAINING",
            "alt_text": "The prime minister at a lectern",
            "location_city": "London",
        }
    )
    for prefix in ("placements", "licences", "usage_rights", "leases", "illustrations"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = archivist_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    asset = Asset.objects.get(pk=asset.pk)
    assert asset.digital_source_type == "compositeSynthetic"
    assert asset.data_mining == "DMI-PROHIBITED-GENAIMLTRAINING" and asset.forbids_ai_training
    assert asset.persons_shown == ["Keir Starmer"]
    assert {"digital_source_type", "data_mining", "alt_text", "persons_shown"} <= set(
        asset.edited_fields
    )
    assert found("starmer") == {"Unstated"}


@pytest.mark.parametrize("value", ['"Keir Starmer"', "[1, 2]", '{"name": "x"}'])
def test_persons_shown_must_be_a_list_of_names(value, db):
    asset = AssetFactory()
    asset.persons_shown = json.loads(value)
    with pytest.raises(ValidationError) as error:
        asset.full_clean()
    assert "persons_shown" in error.value.message_dict


@pytest.mark.parametrize(
    "value",
    ['{"city": "Lviv"}', '["Lviv"]', '[{"town": "Lviv"}]', '[{"city": 3}]'],
)
def test_other_locations_shown_must_be_a_list_of_places(value, db):
    asset = AssetFactory()
    asset.other_locations_shown = json.loads(value)
    with pytest.raises(ValidationError) as error:
        asset.full_clean()
    assert "other_locations_shown" in error.value.message_dict
    asset.other_locations_shown = [{"city": "Lviv", "country": "Ukraine"}]
    asset.full_clean()
