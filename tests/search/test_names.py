"""Field terms on the rights names an asset carries: licensor, copyright owner, image
supplier, AI system and web statement (archive/search/names.py)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.search import search_assets
from archive.search.names import NAME_FIELDS, name_term, names_found, names_holding, names_words
from archive.search.query import FILTER_FIELDS, parse_query
from tests.factories import AssetFactory, LicenceFactory


def test_names_words_wants_the_words_in_order():
    assert names_words("Agence France-Presse", name_term("france presse"))
    assert not names_words("Agence France-Presse", name_term("presse france"))
    assert names_words("https://www.reuters.com/terms", name_term("reuters.com"))
    assert not names_words("Reutersville Photo", name_term("reuters"))


def test_every_name_field_is_a_filter_the_parser_knows():
    assert set(NAME_FIELDS) <= FILTER_FIELDS
    parsed = parse_query('copyright:afp -image_supplier:getty ai_system:"firefly 3" harbour')
    assert [(f.field, f.value, f.negated) for f in parsed.filters] == [
        ("copyright_owner", "afp", False),
        ("supplier", "getty", True),
        ("ai_system", "firefly 3", False),
    ]
    assert [t.words for t in parsed.terms] == [("harbour",)]


@pytest.fixture
def pictures(db):
    wire = AssetFactory(
        title="Harbour at dawn",
        licensor_name="Reuters",
        licensor_url="https://www.reuters.com/licensing",
        copyright_owner="Thomson Reuters; Jane Roe",
        image_supplier="Getty Images",
        web_statement="https://www.reuters.com/terms",
    )
    made = AssetFactory(
        title="Harbour in the fog",
        ai_system="Adobe Firefly",
        ai_system_version="3",
        ai_prompt="A fishing harbour at dusk, fog rolling in, photorealistic",
        ai_prompt_writer="Sam Okafor",
        image_supplier="Gettysburg Studio",
        copyright_owner="Agence France-Presse",
    )
    older = AssetFactory(title="Old mill", ai_system="Adobe Firefly", ai_system_version="2")
    contract = AssetFactory(title="Quay")
    LicenceFactory(asset=contract, licensor="Reuters Pictures")
    plain = AssetFactory(title="Plain")
    plain.licences.all().delete()
    return {"wire": wire, "made": made, "older": older, "contract": contract, "plain": plain}


def found(text: str) -> set[str]:
    return {asset.title for asset in search_assets(text).assets}


def test_each_name_field_finds_its_assets(pictures):
    assert found("licensor:reuters") == {"Harbour at dawn", "Quay"}  # embedded or licence
    assert found("licensor:reuters.com") == {"Harbour at dawn"}  # the licensor's URL
    assert found("copyright:jane") == {"Harbour at dawn"}
    assert found('copyright:"jane roe"') == {"Harbour at dawn"}
    assert found('copyright_owner:"france presse"') == {"Harbour in the fog"}
    assert found('supplier:"getty images"') == {"Harbour at dawn"}
    assert found('ai_system:"firefly 3"') == {"Harbour in the fog"}
    assert found("ai_system:firefly") == {"Harbour in the fog", "Old mill"}
    assert found("web_statement:reuters.com/terms") == {"Harbour at dawn"}
    assert found('ai_prompt:"fishing harbour"') == {"Harbour in the fog"}
    assert found("prompt_writer:okafor") == {"Harbour in the fog"}


def test_they_join_words_and_negation(pictures):
    assert found("harbour ai_system:firefly") == {"Harbour in the fog"}
    assert found("harbour -ai_system:firefly") == {"Harbour at dawn"}


def test_a_word_nobody_has_whole_is_taken_as_a_prefix(pictures):
    # "getty" is a whole word of "Getty Images" only; "gett" starts both suppliers.
    assert found("supplier:getty") == {"Harbour at dawn"}
    assert found("supplier:gett") == {"Harbour at dawn", "Harbour in the fog"}


def test_the_prefix_fallback_reads_the_names_once(pictures):
    term = name_term("reut")  # no licensor name holds the whole word
    with CaptureQueriesContext(connection) as reads:
        found_conditions = names_found("licensor", term)
    # one read per column group (name, URL) and one of the licence records' licensors
    assert len(reads) == len(NAME_FIELDS["licensor"]) + 1
    assert found_conditions


def test_names_holding_keeps_each_name_once_and_leaves_out_blanks():
    names = ["Reuters", "", "Thomson Reuters", "Reuters", "AP"]
    assert names_holding(names, [name_term("reuters")]) == ["Reuters", "Thomson Reuters"]
    pairs = [("Adobe Firefly", "3"), ("Adobe Firefly", "2")]
    assert names_holding(pairs, [name_term("firefly 3")], text=" ".join) == [pairs[0]]


def test_none_finds_the_assets_without_such_a_name(pictures):
    assert "Plain" in found("licensor:none")
    assert not {"Harbour at dawn", "Quay"} & found("licensor:none")
    assert found("ai_system:none") >= {"Harbour at dawn", "Quay", "Plain"}
    assert not {"Harbour in the fog", "Old mill"} & found("ai_system:none")


def test_a_name_nobody_carries_is_said_and_finds_nothing(pictures):
    results = search_assets("licensor:magnum")
    assert list(results.assets) == []
    assert any("No licensor is called “magnum”" in m for m in results.messages)
    results = search_assets('supplier:"--"')
    assert any("names no image supplier" in m for m in results.messages)


def test_the_api_takes_them(pictures, journalist_client):
    listed = journalist_client.get("/api/assets", {"q": "licensor:reuters"}).json()
    titles = {item["title"] for item in listed["results"]}
    assert titles == {"Harbour at dawn", "Quay"}


def test_the_extended_description_is_found_with_the_caption(db):
    AssetFactory(title="Dock", extended_description="Longshoremen unload grain sacks.")
    AssetFactory(title="Field")
    assert found("longshoremen") == {"Dock"}
