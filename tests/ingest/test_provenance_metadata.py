"""Reading the IPTC and PLUS provenance fields: digital source type, the 2025.1 AI fields, data
mining, rights holders, accessibility texts, persons and location shown.

Expected values are exiftool's: written below from ``exiftool -a -G1 -struct -j`` of the IPTC
reference images, and read live from exiftool for the files the tests write. exiftool 12.57
knows neither the IPTC 2025.1 AI fields nor PLUS DataMining, so the tests teach it them with
a ``-config`` file (the same XMP names the standards give). No test needs the database.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from archive.ingest.metadata import read_metadata
from tests.ingest.test_metadata import (
    METADATA,
    REAL_FILES,
    exiftool_path,
    jpeg,
    normalised,
    read,
)

REF_2019 = "nitmws__IPTC-PhotometadataRef-Std2019.1.jpg"
REF_2021 = "frameright__IPTC-PhotometadataRef-Std2021.1.jpg"

# From `exiftool -a -G1 -struct -j` of the reference images (the first LocationShown).
EXPECTED = {
    REF_2019: {
        # XMP-iptcExt:DigitalSourceType .../digitalsourcetype/softwareImage (a retired code)
        "digital_source_type": "softwareImage",
        "licensor": "Licensor Name 1 (ref2019.1); Licensor Name 2 (ref2019.1)",
        # LicensorURL is "Licensor URL 1 (ref2019.1)": read as is, refused at ingest (not http)
        "licensor_url": "Licensor URL 1 (ref2019.1)",
        "copyright_owner": "Copyright Owner Name 1 (ref2019.1); Copyright Owner Name 2 (ref2019.1)",
        "image_supplier": "Image Supplier Name (ref2019.1)",
        "web_statement": "http://www.WebStatementOfRights.org/2019.1",
        "alt_text": "",  # accessibility fields came with 2021.1
        "extended_description": "",
        "persons_shown": ["Person Shown 1 (ref2019.1)", "Person Shown 2 (ref2019.1)"],
        "location_sublocation": "Sublocation (Location shown1) (ref2019.1)",
        "location_city": "City (Location shown1) (ref2019.1)",
        "location_state": "Province/State (Location shown1) (ref2019.1)",
        "location_country": "CountryName (Location shown1) (ref2019.1)",
        "location_country_code": "R17",
        "ai_system": "",
        "data_mining": "",
    },
    REF_2021: {
        "digital_source_type": "softwareImage",
        "licensor": "Licensor Name 1 (ref2021.1); Licensor Name 2 (ref2021.1)",
        "licensor_url": "https://example.com/LicensorURL_1_ref2021.1",
        "copyright_owner": "Copyright Owner Name 1 (ref2021.1); Copyright Owner Name 2 (ref2021.1)",
        "image_supplier": "Image Supplier Name (ref2021.1)",
        "web_statement": "https://example.com/WebStatementOfRights/2021.1",
        "alt_text": "This is the Alt Text description to support accessibility in 2021.1",
        "extended_description": (
            "This is the Extended Description to support accessibility in 2021.1"
        ),
        "persons_shown": ["Person Shown 1 (ref2021.1)", "Person Shown 2 (ref2021.1)"],
        "location_sublocation": "Sublocation (Location shown1) (ref2021.1)",
        "location_city": "City (Location shown1) (ref2021.1)",
        "location_state": "Province/State (Location shown1) (ref2021.1)",
        "location_country": "CountryName (Location shown1) (ref2021.1)",
        "location_country_code": "R17",
    },
}

# exiftool learns the IPTC 2025.1 AI fields and PLUS DataMining (its 12.57 predates them).
EXIFTOOL_CONFIG = """
%Image::ExifTool::UserDefined = (
    'Image::ExifTool::XMP::iptcExt' => {
        AISystemUsed => { },
        AISystemVersionUsed => { },
        AIPromptInformation => { },
        AIPromptWriterName => { },
    },
    'Image::ExifTool::PLUS::XMP' => {
        DataMining => { },
    },
);
1;
"""


def exiftool_config(tmp_path: Path) -> Path:
    path = tmp_path / "iptc2025.config"
    path.write_text(EXIFTOOL_CONFIG, "ascii")
    return path


def exiftool_run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([exiftool_path(), *args], check=True, capture_output=True, text=True)


def exiftool_xmp(path: Path, config: Path | None = None) -> dict:
    """exiftool's XMP tags of ``path``, structures kept, keyed ``group:name``."""
    options = ["-config", str(config)] if config else []
    result = exiftool_run(*options, "-a", "-G1", "-struct", "-j", "-XMP:all", str(path))
    return json.loads(result.stdout)[0]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_reference_images(name):
    meta = read(METADATA / name)
    for attribute, expected in EXPECTED[name].items():
        assert getattr(meta, attribute) == expected, attribute
    assert meta.warnings == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_reference_images_match_exiftool(name):
    """The same values, read from exiftool now (the structures, not our reading of them)."""
    path = METADATA / name
    tags = exiftool_xmp(path)
    meta = read(path)
    uri = tags["XMP-iptcExt:DigitalSourceType"]
    assert uri == f"http://cv.iptc.org/newscodes/digitalsourcetype/{meta.digital_source_type}"
    assert meta.persons_shown == tags["XMP-iptcExt:PersonInImage"]
    shown = tags["XMP-iptcExt:LocationShown"][0]
    assert (
        meta.location_sublocation,
        meta.location_city,
        meta.location_state,
        meta.location_country,
        meta.location_country_code,
    ) == (
        shown["Sublocation"],
        shown["City"],
        shown["ProvinceState"],
        shown["CountryName"],
        shown["CountryCode"],
    )
    parts = {
        "Sublocation": "sublocation",
        "City": "city",
        "ProvinceState": "state",
        "CountryName": "country",
        "CountryCode": "country_code",
    }
    others = [
        {parts[key]: value for key, value in place.items() if key in parts and value}
        for place in tags["XMP-iptcExt:LocationShown"][1:]
    ]
    assert len(others) >= 1 and meta.other_locations_shown == others
    assert meta.image_supplier == "; ".join(
        s["ImageSupplierName"] for s in tags["XMP-plus:ImageSupplier"]
    )
    assert meta.licensor_url == tags["XMP-plus:Licensor"][0]["LicensorURL"]
    assert meta.alt_text == tags.get("XMP-iptcCore:AltTextAccessibility", "")
    assert meta.extended_description == tags.get("XMP-iptcCore:ExtDescrAccessibility", "")


@pytest.mark.parametrize("name", REAL_FILES)
def test_location_matches_exiftool_mwg(name):
    """City, State, Country and Location as ``exiftool -use MWG`` reconciles them (the first
    when a file shows several locations); an IPTC changed after the XMP wins (exiftool__IPTC)."""
    path = METADATA / name
    result = exiftool_run(
        "-use", "MWG", "-j", "-MWG:City", "-MWG:State", "-MWG:Country", "-MWG:Location", str(path)
    )
    reference = json.loads(result.stdout)[0]
    meta = read(path)

    def first(value):
        return normalised(value[0] if isinstance(value, list) else value)

    assert meta.location_city == first(reference.get("City"))
    assert meta.location_state == first(reference.get("State"))
    assert meta.location_country == first(reference.get("Country"))
    assert meta.location_sublocation == first(reference.get("Location"))


def test_legacy_location_when_no_location_shown(tmp_path):
    path = jpeg(tmp_path)
    exiftool_run(
        "-q", "-overwrite_original",
        "-IPTC:City=Kyiv", "-IPTC:Sub-location=Maidan", "-IPTC:Province-State=Kyiv City",
        "-IPTC:Country-PrimaryLocationName=Ukraine", "-IPTC:Country-PrimaryLocationCode=UKR",
        "-XMP-photoshop:City=Kyïv", "-XMP-iptcCore:CountryCode=UA",
        str(path),
    )  # fmt: skip
    meta = read(path)
    # XMP wins where it has the field (no digest stored: the XMP is current), IIM elsewhere.
    assert (meta.location_city, meta.location_country_code) == ("Kyïv", "UA")
    assert (meta.location_sublocation, meta.location_state, meta.location_country) == (
        "Maidan",
        "Kyiv City",
        "Ukraine",
    )


def test_ai_fields_and_data_mining_written_by_exiftool(tmp_path):
    config = exiftool_config(tmp_path)
    path = jpeg(tmp_path)
    exiftool_run(
        "-config", str(config), "-q", "-overwrite_original",
        "-XMP-iptcExt:DigitalSourceType="
        "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia",
        "-XMP-iptcExt:AISystemUsed=Adobe Firefly",
        "-XMP-iptcExt:AISystemVersionUsed=Image 3",
        "-XMP-iptcExt:AIPromptInformation=Replace the sky with a stormy one",
        "-XMP-iptcExt:AIPromptWriterName=Zoë Écrivain",
        "-XMP-plus:DataMining=http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-AIMLTRAINING",
        "-XMP-plus:OtherConstraints=No use in machine learning.",
        "-XMP-iptcExt:PersonInImage=Volodymyr Zelensky",
        "-XMP-iptcExt:PersonInImage+=Ursula von der Leyen",
        str(path),
    )  # fmt: skip
    tags = exiftool_xmp(path, config)
    meta = read(path)
    assert meta.digital_source_type == tags["XMP-iptcExt:DigitalSourceType"].rsplit("/", 1)[1]
    assert meta.ai_system == tags["XMP-iptcExt:AISystemUsed"] == "Adobe Firefly"
    assert meta.ai_system_version == str(tags["XMP-iptcExt:AISystemVersionUsed"])
    assert meta.ai_prompt == tags["XMP-iptcExt:AIPromptInformation"]
    assert meta.ai_prompt_writer == tags["XMP-iptcExt:AIPromptWriterName"] == "Zoë Écrivain"
    assert meta.data_mining == tags["XMP-plus:DataMining"].rsplit("/", 1)[1]
    assert meta.other_constraints == tags["XMP-plus:OtherConstraints"]
    assert meta.persons_shown == tags["XMP-iptcExt:PersonInImage"]
    assert meta.warnings == []


@pytest.mark.parametrize(
    "value",
    [
        "DMI-UNSPECIFIED",
        "DMI-ALLOWED",
        "DMI-ALLOWED-noaitraining",
        "DMI-ALLOWED-noaigentraining",
        "DMI-PROHIBITED-AIMLTRAINING",
        "DMI-PROHIBITED-GENAIMLTRAINING",
        "DMI-PROHIBITED-EXCEPTSEARCHENGINEINDEXING",
        "DMI-PROHIBITED",
        "DMI-PROHIBITED-SEECONSTRAINT",
        "DMI-PROHIBITED-SEEEMBEDDEDRIGHTSEXPR",
        "DMI-PROHIBITED-SEELINKEDRIGHTSEXPR",
    ],
)
def test_every_data_mining_value(tmp_path, value):
    config = exiftool_config(tmp_path)
    path = jpeg(tmp_path)
    uri = f"http://ns.useplus.org/ldf/vocab/{value}"
    exiftool_run("-config", str(config), "-q", "-overwrite_original",
                 f"-XMP-plus:DataMining={uri}", str(path))  # fmt: skip
    assert exiftool_xmp(path, config)["XMP-plus:DataMining"] == uri
    assert read(path).data_mining == value


def xmp_jpeg(properties: str) -> bytes:
    """A JPEG whose XMP packet is written here, for values exiftool would not write."""
    from tests.ingest.test_metadata import insert_segment, plain_jpeg_bytes

    packet = (
        "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
        "xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
        "<rdf:Description rdf:about='' xmlns:Iptc4xmpExt='http://iptc.org/std/Iptc4xmpExt/2008-02-29/'"
        " xmlns:plus='http://ns.useplus.org/ldf/xmp/1.0/'>"
        f"{properties}</rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    return insert_segment(
        plain_jpeg_bytes(), 0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + packet.encode()
    )


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia", "trainedAlgorithmicMedia"),
        ("https://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture/", "digitalCapture"),
        ("trainedalgorithmicmedia", "trainedAlgorithmicMedia"),
        ("  http://cv.iptc.org/newscodes/digitalsourcetype/compositeSynthetic  ", "compositeSynthetic"),
    ],
)  # fmt: skip
def test_digital_source_type_spellings(written, code):
    meta = read_metadata(
        xmp_jpeg(f"<Iptc4xmpExt:DigitalSourceType>{written}</Iptc4xmpExt:DigitalSourceType>")
    )
    assert meta.digital_source_type == code
    assert meta.warnings == []


def test_values_outside_the_vocabularies_are_kept_raw_with_a_warning():
    meta = read_metadata(
        xmp_jpeg(
            "<Iptc4xmpExt:DigitalSourceType rdf:resource='http://example.com/madeup'/>"
            "<plus:DataMining>http://ns.useplus.org/ldf/vocab/DMI-MAYBE</plus:DataMining>"
        )
    )
    assert (meta.digital_source_type, meta.data_mining) == ("", "")
    assert meta.raw["xmp"]["Iptc4xmpExt:DigitalSourceType"] == "http://example.com/madeup"
    assert any("not in the IPTC vocabulary" in w for w in meta.warnings)
    assert any("not in the PLUS vocabulary" in w for w in meta.warnings)


def test_persons_from_the_detailed_form_when_no_plain_list():
    meta = read_metadata(
        xmp_jpeg(
            "<Iptc4xmpExt:PersonInImageWDetails><rdf:Bag>"
            "<rdf:li rdf:parseType='Resource'><Iptc4xmpExt:PersonName>"
            "<rdf:Alt><rdf:li xml:lang='x-default'>Keir Starmer</rdf:li></rdf:Alt>"
            "</Iptc4xmpExt:PersonName></rdf:li>"
            "</rdf:Bag></Iptc4xmpExt:PersonInImageWDetails>"
        )
    )
    assert meta.persons_shown == ["Keir Starmer"]


def test_every_location_shown_is_read_in_order(tmp_path):
    path = jpeg(tmp_path)
    exiftool_run(
        "-q", "-overwrite_original",
        "-XMP-iptcExt:LocationShown={City=Kyiv,CountryName=Ukraine,CountryCode=UA}",
        "-XMP-iptcExt:LocationShown+={Sublocation=Old Town,City=Lviv}",
        "-XMP-iptcExt:LocationShown+={WorldRegion=Europe}",
        "-XMP-iptcExt:LocationShown+={CountryName=Poland,ProvinceState=Podkarpackie}",
        str(path),
    )  # fmt: skip
    meta = read(path)
    assert (meta.location_city, meta.location_country) == ("Kyiv", "Ukraine")
    assert meta.other_locations_shown == [
        {"sublocation": "Old Town", "city": "Lviv"},
        {"state": "Podkarpackie", "country": "Poland"},
    ]  # one giving only a world region names no place we keep


LOCATION_PLACES = {
    "A": "<Iptc4xmpExt:City>Kyiv</Iptc4xmpExt:City>",
    "C": "<Iptc4xmpExt:City>Lviv</Iptc4xmpExt:City>",
    "D": "<Iptc4xmpExt:CountryName>Poland</Iptc4xmpExt:CountryName>",
}
EMPTY_ITEMS = {
    "bare": "<rdf:li/>",
    "resource": "<rdf:li rdf:parseType='Resource'/>",
    "description": "<rdf:li><rdf:Description/></rdf:li>",
    "blank fields": "<rdf:li rdf:parseType='Resource'><Iptc4xmpExt:City> </Iptc4xmpExt:City></rdf:li>",
    "only an id": (
        "<rdf:li rdf:parseType='Resource'>"
        "<Iptc4xmpExt:LocationId>https://sws.geonames.org/1</Iptc4xmpExt:LocationId></rdf:li>"
    ),
}


def location_bag(*items: str) -> bytes:
    lis = "".join(
        item if item.startswith("<rdf:li") else f"<rdf:li rdf:parseType='Resource'>{item}</rdf:li>"
        for item in items
    )
    return xmp_jpeg(
        f"<Iptc4xmpExt:LocationShown><rdf:Bag>{lis}</rdf:Bag></Iptc4xmpExt:LocationShown>"
    )


@pytest.mark.parametrize("empty", EMPTY_ITEMS.values(), ids=EMPTY_ITEMS.keys())
def test_an_item_naming_no_place_between_two_places_keeps_their_order(empty):
    """An empty (or id-only) middle LocationShown names no place: it is not catalogued, and the
    places after it keep their order (downloads keep it where it is: see tests/preservation)."""
    places = LOCATION_PLACES
    meta = read_metadata(location_bag(places["A"], empty, places["C"], empty, places["D"]))
    assert meta.location_city == "Kyiv"
    assert meta.other_locations_shown == [{"city": "Lviv"}, {"country": "Poland"}]
    raw = meta.raw["xmp"]["Iptc4xmpExt:LocationShown"]
    assert len(raw) == 5  # the raw metadata keeps every item, empty or not


@pytest.mark.parametrize("empty", EMPTY_ITEMS.values(), ids=EMPTY_ITEMS.keys())
def test_an_empty_first_item_is_still_the_first_location(empty):
    """The location shown is the first item wherever it is (MWG): an empty one means none, and
    the next place stays an *other* location shown rather than moving up to be the first."""
    meta = read_metadata(location_bag(empty, LOCATION_PLACES["C"], LOCATION_PLACES["D"]))
    assert (meta.location_city, meta.location_country) == ("", "")
    assert meta.other_locations_shown == [{"city": "Lviv"}, {"country": "Poland"}]
