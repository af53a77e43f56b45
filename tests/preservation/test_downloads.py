"""Downloads with credit and caption: the catalogue merged into the file's own metadata.

exiftool (Debian's libimage-exiftool-perl, installed by the Makefile) is the reference reader:
every tag it reads before the merge is still there after it, unchanged unless the catalogue
set it, and what the catalogue set reads back equal in XMP, IPTC-IIM and EXIF.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from django.urls import reverse

from archive.preservation.downloads import catalogue_values
from archive.preservation.jpeg import merge_into_jpeg, split_jpeg
from archive.preservation.xmp import UnsafeMetadata, merge_xmp_packet
from tests.c2pa_signing import sign_jpeg as signed_jpeg
from tests.factories import AssetFactory, CreditFactory, jpeg_bytes

FIXTURES = Path(__file__).parent.parent / "fixtures" / "metadata"
REAL_FILES = sorted(FIXTURES.glob("*.jpg"))

CATALOGUE = {
    "dc:title": "Rescue at the harbour",
    "dc:description": "Firefighters lift a man from the water in Saint-Malo, 3 May.",
    "dc:creator": ["Anne Lefèvre", "Tom Ng"],
    "dc:rights": "© Ouest Photo 2026",
    "photoshop:Credit": "OUEST PHOTO",
    "photoshop:Source": "Ouest Photo wire",
    "dc:subject": ["rescue", "harbour", "Saint-Malo"],
    "xmpRights:WebStatement": "https://ouest.example/licence/123",
    "xmpRights:UsageTerms": "Editorial use only.",
}
# What exiftool calls the tags the catalogue sets, and the bookkeeping that goes with them.
CATALOGUE_TAGS = {
    "XMP-dc:Title", "XMP-dc:Description", "XMP-dc:Creator", "XMP-dc:Rights", "XMP-dc:Subject",
    "XMP-photoshop:Credit", "XMP-photoshop:Source", "XMP-xmpRights:WebStatement",
    "XMP-xmpRights:UsageTerms", "IPTC:ObjectName", "IPTC:Caption-Abstract", "IPTC:By-line",
    "IPTC:CopyrightNotice", "IPTC:Keywords", "IPTC:Credit", "IPTC:Source",
    "IFD0:ImageDescription", "IFD0:Artist", "IFD0:Copyright",
    "IPTC:CodedCharacterSet", "IPTC:EnvelopeRecordVersion",  # UTF-8 declared for "è", "©"
    "Photoshop:IPTCDigest", "XMP-xmpNote:HasExtendedXMP",
}  # fmt: skip
NOT_METADATA = {"SourceFile", "ExifTool", "System", "File", "Composite"}


def exiftool(path: Path, *options: str) -> dict:
    program = shutil.which("exiftool")
    if program is None:  # never skip: the Makefile installs libimage-exiftool-perl
        pytest.fail("exiftool is not installed (apt-get install libimage-exiftool-perl)")
    output = subprocess.run(
        [program, "-a", "-G1", "-j", "-struct", *options, str(path)],
        capture_output=True,
        check=True,
    )
    return json.loads(output.stdout)[0]


def metadata(data: bytes, tmp_path: Path, *options: str) -> dict:
    path = tmp_path / f"{hashlib.sha256(data).hexdigest()[:12]}.jpg"
    path.write_bytes(data)
    return exiftool(path, *options)


def tags(read: dict) -> dict:
    return {key: value for key, value in read.items() if key.split(":")[0] not in NOT_METADATA}


def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def assert_lossless(before: dict, after: dict) -> None:
    """Nothing lost; nothing changed that the catalogue does not set."""
    before, after = tags(before), tags(after)
    lost = sorted(set(before) - set(after))
    assert lost == [], f"lost: {lost}"
    changed = sorted(k for k in before if after[k] != before[k] and k not in CATALOGUE_TAGS)
    assert changed == [], f"changed: {changed}"
    added = sorted(k for k in set(after) - set(before) if k not in CATALOGUE_TAGS)
    assert added == [], f"added: {added}"


def assert_reads_back(before: dict, after: dict, values: dict) -> None:
    """Each copy of a catalogue value (XMP always; IIM and EXIF where the file had them)."""
    assert after["XMP-dc:Title"] == values["dc:title"]
    assert after["XMP-dc:Description"] == values["dc:description"]
    assert as_list(after["XMP-dc:Creator"]) == values["dc:creator"]
    assert after["XMP-dc:Rights"] == values["dc:rights"]
    assert as_list(after["XMP-dc:Subject"]) == values["dc:subject"]
    assert after["XMP-photoshop:Credit"] == values["photoshop:Credit"]
    assert after["XMP-photoshop:Source"] == values["photoshop:Source"]
    assert after["XMP-xmpRights:WebStatement"] == values["xmpRights:WebStatement"]
    assert after["XMP-xmpRights:UsageTerms"] == values["xmpRights:UsageTerms"]
    if any(key.startswith("IPTC:") for key in before):
        assert after["IPTC:ObjectName"] == values["dc:title"]
        assert after["IPTC:Caption-Abstract"] == values["dc:description"]
        assert as_list(after["IPTC:By-line"]) == values["dc:creator"]
        assert after["IPTC:CopyrightNotice"] == values["dc:rights"]
        assert as_list(after["IPTC:Keywords"]) == values["dc:subject"]
        assert after["IPTC:Credit"] == values["photoshop:Credit"]
        assert after["IPTC:Source"] == values["photoshop:Source"]
    else:
        assert not any(key.startswith("IPTC:") for key in after)  # none created (as MWG)
    if any(key.startswith("IFD0:") for key in before):
        assert after["IFD0:ImageDescription"] == values["dc:description"]
        assert after["IFD0:Artist"] == "; ".join(values["dc:creator"])
        assert after["IFD0:Copyright"] == values["dc:rights"]


def assert_one_truth(path: Path, values: dict) -> None:
    """What a reader following the MWG's precedence finds, and no digest mismatch."""
    read = exiftool(path, "-use", "MWG", "-MWG:all", "-Warning", "-IPTCDigest")
    assert read["MWG:Description"] == values["dc:description"]
    assert as_list(read["MWG:Creator"]) == values["dc:creator"]
    assert read["MWG:Copyright"] == values["dc:rights"]
    assert as_list(read["MWG:Keywords"]) == values["dc:subject"]


def picture_data(data: bytes) -> bytes:
    return split_jpeg(data)[1]


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.stem)
def test_every_real_file_keeps_all_its_metadata(path, tmp_path):
    data = path.read_bytes()
    merged = merge_into_jpeg(data, CATALOGUE)
    before, after = exiftool(path), metadata(merged, tmp_path)
    assert_lossless(before, after)
    assert_reads_back(before, after, CATALOGUE)
    assert picture_data(merged) == picture_data(data)  # the pixels are not re-encoded
    warnings = set(as_list(after.get("ExifTool:Warning", [])))
    assert warnings <= set(as_list(before.get("ExifTool:Warning", [])))


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.stem)
def test_mwg_readers_find_the_catalogue(path, tmp_path):
    merged = tmp_path / "merged.jpg"
    merged.write_bytes(merge_into_jpeg(path.read_bytes(), CATALOGUE))
    assert_one_truth(merged, CATALOGUE)


def test_the_iptc_digest_is_kept_as_exiftool_keeps_it(tmp_path):
    """Updated where it matched; left stale where XMP and IIM were already out of step."""
    for name, expect_current in [
        ("nitmws__IPTC-PhotometadataRef-Std2019.1.jpg", True),  # no digest: one is added
        ("exiftool__IPTC.jpg", True),  # stale, but there was no XMP to be out of step with
        ("exiv2__exiv2-bug937.jpg", False),  # stale with XMP: MWG readers prefer its IIM
    ]:
        path = tmp_path / name
        path.write_bytes(merge_into_jpeg((FIXTURES / name).read_bytes(), CATALOGUE))
        read = exiftool(path, "-IPTCDigest", "-CurrentIPTCDigest")
        assert (read["Photoshop:IPTCDigest"] == read["File:CurrentIPTCDigest"]) is expect_current
    matched = tmp_path / "matched.jpg"
    matched.write_bytes((FIXTURES / "nitmws__IPTC-PhotometadataRef-Std2019.1.jpg").read_bytes())
    exiftool_write(matched, "-IPTC:City=Paris")  # exiftool writes a current digest
    merged = tmp_path / "merged.jpg"
    merged.write_bytes(merge_into_jpeg(matched.read_bytes(), CATALOGUE))
    read = exiftool(merged, "-IPTCDigest", "-CurrentIPTCDigest", "-Warning")
    assert read["Photoshop:IPTCDigest"] == read["File:CurrentIPTCDigest"]
    assert "ExifTool:Warning" not in read


def exiftool_write(path: Path, *arguments: str) -> None:
    subprocess.run(
        [shutil.which("exiftool"), "-q", "-q", "-overwrite_original", *arguments, str(path)],
        check=True,
    )


def rich_file(tmp_path: Path) -> Path:
    """A JPEG with what a newsroom's file carries: rights, AI disclosure, structures."""
    path = tmp_path / "rich.jpg"
    path.write_bytes(jpeg_bytes("rich", (64, 48)))
    exiftool_write(
        path,
        "-codedcharacterset=utf8",
        "-EXIF:Artist=Old Artist",
        "-EXIF:ImageDescription=Old caption",
        "-IPTC:Caption-Abstract=Old caption",
        "-IPTC:City=Saint-Malo",
        "-XMP-dc:Title=Old title",
        "-XMP-dc:Title-fr=Ancien titre",
        "-XMP-dc:Description=Old caption",
        "-XMP-iptcExt:DigitalSourceType=http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
        "-XMP-iptcExt:Event=Harbour rescue",
        "-XMP-plus:LicensorName=Ouest Photo",
        "-XMP-plus:LicensorURL=https://ouest.example/",
        "-XMP-iptcCore:AltTextAccessibility=Two firefighters on a quay",
        "-XMP-iptcExt:PersonInImage=Jean Dupont",
        "-XMP-iptcExt:LocationShownCity=Saint-Malo",
        "-XMP-xmpRights:Marked=True",
    )
    return path


def test_files_made_with_exiftool_keep_rights_ai_disclosure_and_languages(tmp_path):
    path = rich_file(tmp_path)
    before = exiftool(path)
    merged = merge_into_jpeg(path.read_bytes(), CATALOGUE)
    after = metadata(merged, tmp_path)
    assert_lossless(before, after)
    assert_reads_back(before, after, CATALOGUE)
    assert after["XMP-dc:Title-fr"] == "Ancien titre"  # other languages are kept
    assert after["XMP-iptcExt:DigitalSourceType"].endswith("/trainedAlgorithmicMedia")
    assert after["XMP-plus:Licensor"] == [
        {"LicensorName": "Ouest Photo", "LicensorURL": "https://ouest.example/"}
    ]
    assert after["IPTC:City"] == "Saint-Malo"


def test_a_property_missing_from_the_catalogue_is_left_alone(tmp_path):
    path = rich_file(tmp_path)
    merged = merge_into_jpeg(path.read_bytes(), {"photoshop:Credit": "OUEST PHOTO"})
    after = metadata(merged, tmp_path)
    assert after["XMP-dc:Title"] == "Old title" and after["IFD0:Artist"] == "Old Artist"
    assert after["XMP-photoshop:Credit"] == "OUEST PHOTO"


def test_structures_and_new_fields_are_one_line_each(tmp_path):
    """The fields another branch adds (Licensor, Digital Source Type...) merge the same way."""
    path = rich_file(tmp_path)
    values = {
        "Iptc4xmpExt:DigitalSourceType": "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture",
        "plus:Licensor": [{"plus:LicensorName": "Agence Ouest", "plus:LicensorURL": "https://a/"}],
        "Iptc4xmpCore:AltTextAccessibility": "Firefighters lift a man from the water",
        "Iptc4xmpExt:PersonInImage": ["Jean Dupont", "Marie Curie"],
    }
    after = metadata(merge_into_jpeg(path.read_bytes(), values), tmp_path)
    assert after["XMP-iptcExt:DigitalSourceType"].endswith("/digitalCapture")
    assert after["XMP-plus:Licensor"] == [
        {"LicensorName": "Agence Ouest", "LicensorURL": "https://a/"}
    ]
    assert after["XMP-iptcCore:AltTextAccessibility"] == values["Iptc4xmpCore:AltTextAccessibility"]
    assert after["XMP-iptcExt:PersonInImage"] == ["Jean Dupont", "Marie Curie"]
    assert after["XMP-iptcExt:Event"] == "Harbour rescue"


def test_iim_text_is_cut_at_the_standard_limits_on_a_character(tmp_path):
    path = rich_file(tmp_path)
    values = {"photoshop:Credit": "é" * 40}  # 80 bytes of UTF-8; IIM Credit holds 32
    after = metadata(merge_into_jpeg(path.read_bytes(), values), tmp_path)
    assert after["IPTC:Credit"] == "é" * 16 and after["XMP-photoshop:Credit"] == "é" * 40


@pytest.mark.parametrize("where", ["extension", "main"])
def test_extended_xmp_is_kept_or_rewritten_with_a_new_guid(tmp_path, where):
    path = rich_file(tmp_path)
    long_text = "x" * 70000
    (tmp_path / "long.txt").write_text(long_text)
    # exiftool moves a property that does not fit into extended XMP segments.
    big = "XMP-dc:Description" if where == "extension" else "XMP-photoshop:Instructions"
    exiftool_write(path, f"-{big}<={tmp_path / 'long.txt'}")
    data = path.read_bytes()
    before = exiftool(path)
    assert before["XMP-xmpNote:HasExtendedXMP"]
    merged = merge_into_jpeg(data, CATALOGUE)
    after = metadata(merged, tmp_path)
    assert_lossless(before, after)
    assert "ExifTool:Warning" not in after
    header = b"http://ns.adobe.com/xmp/extension/\x00"
    chunks = [s.payload for s in split_jpeg(merged)[0] if s.payload.startswith(header)]
    if where == "extension":  # the catalogue's caption replaces the long one
        assert after["XMP-dc:Description"] == CATALOGUE["dc:description"]
        assert after["XMP-xmpNote:HasExtendedXMP"] != before["XMP-xmpNote:HasExtendedXMP"]
    else:  # untouched, byte for byte
        assert after["XMP-photoshop:Instructions"] == long_text
        assert chunks == [s.payload for s in split_jpeg(data)[0] if s.payload.startswith(header)]


def test_a_packet_with_a_dtd_is_refused_not_expanded():
    packet = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY boom "BOOM">]>'
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>'
    )
    with pytest.raises(UnsafeMetadata):
        merge_xmp_packet(packet, CATALOGUE)


# --- through the web: permissions, the IPTC reference image, Content Credentials ----------------


def catalogue_asset(data: bytes, **fields):
    """An asset of ``data`` catalogued with CATALOGUE's values."""
    return AssetFactory(
        jpeg=data,
        title=CATALOGUE["dc:title"],
        description=CATALOGUE["dc:description"],
        credit=CreditFactory(name=CATALOGUE["photoshop:Credit"]),
        creator="; ".join(CATALOGUE["dc:creator"]),
        copyright_notice=CATALOGUE["dc:rights"],
        source=CATALOGUE["photoshop:Source"],
        keywords=CATALOGUE["dc:subject"],
        web_statement=CATALOGUE["xmpRights:WebStatement"],
        usage_terms=CATALOGUE["xmpRights:UsageTerms"],
        **fields,
    )


@pytest.fixture
def reference_asset(db):
    data = (FIXTURES / "nitmws__IPTC-PhotometadataRef-Std2019.1.jpg").read_bytes()
    return AssetFactory(
        jpeg=data,
        title="Reference",
        description="The catalogue's caption",
        credit=CreditFactory(name="IPTC"),
        creator="Creator1 (ref2019.1); Creator2 (ref2019.1)",
        copyright_notice="© IPTC",
        keywords=["reference"],
    )


@pytest.mark.django_db
def test_the_iptc_reference_image_loses_nothing_in_a_download(
    reference_asset, journalist_client, tmp_path
):
    """Before the merge, 50 of its 58 XMP properties (exiftool -struct) were gone."""
    url = reverse("archive:asset-download", args=[reference_asset.pk, "original"])
    response = journalist_client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    before = exiftool(FIXTURES / "nitmws__IPTC-PhotometadataRef-Std2019.1.jpg")
    after = metadata(response.getvalue(), tmp_path)
    xmp_before = [key for key in tags(before) if key.startswith("XMP-")]
    assert len(xmp_before) == 58
    assert [key for key in xmp_before if key not in after] == []
    assert after["XMP-plus:Licensor"] == before["XMP-plus:Licensor"]
    assert after["XMP-xmpRights:WebStatement"] == before["XMP-xmpRights:WebStatement"]
    assert after["XMP-iptcExt:DigitalSourceType"] == before["XMP-iptcExt:DigitalSourceType"]
    assert after["XMP-dc:Description"] == "The catalogue's caption"
    assert after["IPTC:Caption-Abstract"] == "The catalogue's caption"
    assert after["IFD0:ImageDescription"] == "The catalogue's caption"
    assert after["XMP-dc:Creator"] == ["Creator1 (ref2019.1)", "Creator2 (ref2019.1)"]


def test_catalogue_values_name_every_field_the_download_writes(reference_asset):
    values = catalogue_values(reference_asset)
    assert values["dc:creator"] == ["Creator1 (ref2019.1)", "Creator2 (ref2019.1)"]
    assert values["photoshop:Credit"] == "IPTC" and values["dc:subject"] == ["reference"]


@pytest.mark.django_db
def test_downloads_keep_their_permission(reference_asset, auditor_client):
    from django.test import Client

    url = reverse("archive:asset-download", args=[reference_asset.pk, "original"])
    assert Client().get(url).status_code == 302  # to the login page
    assert auditor_client.get(url).status_code == 403


def validation(data: bytes) -> tuple[str, set[str]]:
    import c2pa

    store = json.loads(c2pa.Reader("image/jpeg", io.BytesIO(data)).json())
    codes = {status["code"] for status in store.get("validation_status", [])}
    return store.get("validation_state", ""), codes


@pytest.mark.django_db
def test_a_signed_original_comes_untouched_with_an_xmp_sidecar(journalist_client, tmp_path):
    signed = signed_jpeg(
        (FIXTURES / "frameright__IPTC-PhotometadataRef-Std2021.1.jpg").read_bytes()
    )
    assert validation(signed) == ("Valid", {"signingCredential.untrusted"})
    with pytest.raises(UnsafeMetadata):
        merge_into_jpeg(signed, CATALOGUE)
    asset = catalogue_asset(signed)
    page = journalist_client.get(reverse("archive:asset-detail", args=[asset.pk])).content.decode()
    assert "Content Credentials" in page and "never writes into it" in page
    assert "Original and XMP sidecar (ZIP)" in page
    response = journalist_client.get(reverse("archive:asset-download", args=[asset.pk, "original"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].endswith(f'asset-{asset.pk}-original-with-xmp.zip"')
    with zipfile.ZipFile(io.BytesIO(response.getvalue())) as archive:
        assert archive.namelist() == [
            f"asset-{asset.pk}-original.jpg",
            f"asset-{asset.pk}-original.xmp",
        ]
        original, sidecar = (archive.read(name) for name in archive.namelist())
    assert original == signed
    assert validation(original) == ("Valid", {"signingCredential.untrusted"})
    (tmp_path / "sidecar.xmp").write_bytes(sidecar)
    read = exiftool(tmp_path / "sidecar.xmp")
    assert_reads_back({}, read, CATALOGUE)
    # The sidecar also keeps what the file's own XMP says.
    assert (
        read["XMP-plus:Licensor"]
        == exiftool(FIXTURES / "frameright__IPTC-PhotometadataRef-Std2021.1.jpg")[
            "XMP-plus:Licensor"
        ]
    )
    # The preview is the archive's own rendition, not the signed file: it takes the XMP.
    preview = journalist_client.get(reverse("archive:asset-download", args=[asset.pk, "preview"]))
    assert preview["Content-Type"] == "image/jpeg"


@pytest.mark.django_db
def test_unsigned_originals_say_nothing_about_content_credentials(
    reference_asset, journalist_client
):
    page = journalist_client.get(reverse("archive:asset-detail", args=[reference_asset.pk]))
    content = page.content.decode()
    assert "Original with credit and caption (XMP)" in content
    assert "never writes into it" not in content and "XMP sidecar" not in content


@pytest.mark.django_db
def test_originals_that_cannot_carry_xmp_are_refused(journalist_client):
    asset = AssetFactory(kind="video", format="mp4", mime_type="video/mp4")
    response = journalist_client.get(reverse("archive:asset-download", args=[asset.pk, "original"]))
    assert response.status_code == 404


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.stem)
def test_damaged_metadata_is_refused_never_crashes(path):
    """Bytes flipped anywhere before the picture data: merged, or refused with ValueError."""
    import random

    data = path.read_bytes()
    head = data.find(b"\xff\xda")
    rng = random.Random(path.name)
    for _ in range(150):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            damaged[rng.randrange(2, head)] = rng.randrange(256)
        try:
            merge_into_jpeg(bytes(damaged), CATALOGUE)
        except ValueError:
            pass


@pytest.mark.django_db
def test_a_file_that_cannot_be_merged_comes_untouched_with_a_sidecar(journalist_client, tmp_path):
    packet = b"<x:xmpmeta xmlns:x='adobe:ns:meta/'><broken></x:xmpmeta>"
    segment = b"\xff\xe1" + (len(packet) + 31).to_bytes(2, "big")
    data = jpeg_bytes("broken")
    data = data[:2] + segment + b"http://ns.adobe.com/xap/1.0/\x00" + packet + data[2:]
    asset = AssetFactory(jpeg=data, title="Broken XMP", credit=CreditFactory(name="AFP"))
    response = journalist_client.get(reverse("archive:asset-download", args=[asset.pk, "original"]))
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.getvalue())) as archive:
        assert archive.read(f"asset-{asset.pk}-original.jpg") == data
        (tmp_path / "s.xmp").write_bytes(archive.read(f"asset-{asset.pk}-original.xmp"))
    read = exiftool(tmp_path / "s.xmp")
    assert read["XMP-dc:Title"] == "Broken XMP" and read["XMP-photoshop:Credit"] == "AFP"


# --- the IPTC 2025.1 and PLUS fields (issue 15 item 2) in downloads ------------------------------

# New values for every provenance field of the catalogue, unlike any fixture's.
PROVENANCE = {
    "title": CATALOGUE["dc:title"],
    "description": CATALOGUE["dc:description"],
    "creator": "; ".join(CATALOGUE["dc:creator"]),
    "copyright_notice": CATALOGUE["dc:rights"],
    "digital_source_type": "compositeWithTrainedAlgorithmicMedia",
    "ai_system": "Firefly Image",
    "ai_system_version": "3.1",
    "ai_prompt": "Widen the quay to the left",
    "ai_prompt_writer": "Léa Martin",
    "data_mining": "DMI-PROHIBITED-AIMLTRAINING",
    "licensor_name": "Agence Ouest; Ouest Archives",
    "licensor_url": "https://agence-ouest.example/licensing",
    "copyright_owner": "Ouest Photo SARL",
    "image_supplier": "Ouest Photo wire",
    "alt_text": "Two firefighters lift a man onto a quay",
    "extended_description": "A harbour at low tide; a ladder against the quay wall.",
    "persons_shown": ["Jean Dupont", "Marie Le Goff"],
    "location_sublocation": "Quai Saint-Louis",
    "location_city": "Saint-Malo",
    "location_state": "Bretagne",
    "location_country": "France",
    "location_country_code": "FR",
    "other_locations_shown": [
        {"city": "Rennes", "country": "France"},
        {"sublocation": "Fort National", "country_code": "FR"},
    ],
}
PROVENANCE_TAGS = {
    "XMP-iptcExt:DigitalSourceType", "XMP-iptcExt:AISystemUsed",
    "XMP-iptcExt:AISystemVersionUsed", "XMP-iptcExt:AIPromptInformation",
    "XMP-iptcExt:AIPromptWriterName", "XMP-plus:DataMining", "XMP-plus:Licensor",
    "XMP-plus:CopyrightOwner", "XMP-plus:ImageSupplier", "XMP-iptcCore:AltTextAccessibility",
    "XMP-iptcCore:ExtDescrAccessibility", "XMP-iptcExt:PersonInImage",
    "XMP-iptcExt:LocationShown", "XMP-iptcCore:Location", "XMP-photoshop:City",
    "XMP-photoshop:State", "XMP-iptcCore:CountryCode", "XMP-photoshop:Country",
    "IPTC:Sub-location", "IPTC:City", "IPTC:Province-State", "IPTC:Country-PrimaryLocationCode",
    "IPTC:Country-PrimaryLocationName",
}  # fmt: skip


def assert_provenance_reads_back(read: dict) -> None:
    """What exiftool reads is the catalogue's value, in the form IPTC and PLUS write it."""
    assert read["XMP-iptcExt:DigitalSourceType"] == (
        "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia"
    )
    assert read["XMP-iptcExt:AISystemUsed"] == "Firefly Image"
    assert str(read["XMP-iptcExt:AISystemVersionUsed"]) == "3.1"  # JSON: a number
    assert read["XMP-iptcExt:AIPromptInformation"] == "Widen the quay to the left"
    assert read["XMP-iptcExt:AIPromptWriterName"] == "Léa Martin"
    assert read["XMP-plus:DataMining"] == (
        "http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-AIMLTRAINING"
    )
    licensors = read["XMP-plus:Licensor"]
    assert [item["LicensorName"] for item in licensors] == ["Agence Ouest", "Ouest Archives"]
    assert licensors[0]["LicensorURL"] == "https://agence-ouest.example/licensing"
    owners = read["XMP-plus:CopyrightOwner"]
    assert [item["CopyrightOwnerName"] for item in owners] == ["Ouest Photo SARL"]
    suppliers = read["XMP-plus:ImageSupplier"]
    assert [item["ImageSupplierName"] for item in suppliers] == ["Ouest Photo wire"]
    assert read["XMP-iptcCore:AltTextAccessibility"] == PROVENANCE["alt_text"]
    assert read["XMP-iptcCore:ExtDescrAccessibility"] == PROVENANCE["extended_description"]
    assert as_list(read["XMP-iptcExt:PersonInImage"]) == PROVENANCE["persons_shown"]
    assert locations_shown(read) == [
        {key: PROVENANCE[field] for key, field in PROVENANCE_LOCATION.items()},
        {"City": "Rennes", "CountryName": "France"},
        {"Sublocation": "Fort National", "CountryCode": "FR"},
    ]


def locations_shown(read: dict) -> list[dict]:
    """Every LocationShown item exiftool reads, with only the parts the catalogue holds (an
    empty item reads as "")."""
    return [
        {key: item[key] for key in PROVENANCE_LOCATION if item.get(key)} if item else {}
        for item in as_list(read.get("XMP-iptcExt:LocationShown", []))
    ]


PROVENANCE_LOCATION = {
    "Sublocation": "location_sublocation",
    "City": "location_city",
    "ProvinceState": "location_state",
    "CountryName": "location_country",
    "CountryCode": "location_country_code",
}


def without_catalogue_fields(struct_list, catalogue_fields: set[str]) -> list[dict]:
    """A struct list's fields the catalogue does not hold, item by item (they must be kept in
    each item the catalogue still holds)."""
    items = as_list(struct_list or [])
    return [{k: v for k, v in item.items() if k not in catalogue_fields} for item in items]


@pytest.mark.django_db
@pytest.mark.parametrize("path", REAL_FILES + [None], ids=lambda p: p.stem if p else "rich")
def test_every_provenance_field_is_written_and_nothing_else_changes(path, tmp_path):
    path = path or rich_file(tmp_path)
    data = path.read_bytes()
    asset = AssetFactory(jpeg=data, **PROVENANCE)
    merged = merge_into_jpeg(data, catalogue_values(asset))
    before, after = exiftool(path), metadata(merged, tmp_path)
    lost = sorted(set(tags(before)) - set(tags(after)))
    assert lost == [], f"lost: {lost}"
    allowed = CATALOGUE_TAGS | PROVENANCE_TAGS
    changed = sorted(k for k in tags(before) if after[k] != before[k] and k not in allowed)
    added = sorted(k for k in set(tags(after)) - set(tags(before)) if k not in allowed)
    assert changed == [] and added == [], f"changed: {changed}, added: {added}"
    assert_provenance_reads_back(after)
    assert after["XMP-photoshop:City"] == "Saint-Malo"  # the legacy twins agree
    assert after["XMP-iptcCore:CountryCode"] == "FR"
    if any(key.startswith("IPTC:") for key in before):  # and the IIM ones, where there is IIM
        assert after["IPTC:Sub-location"] == "Quai Saint-Louis"
        assert after["IPTC:City"] == "Saint-Malo"
        assert after["IPTC:Province-State"] == "Bretagne"
        assert after["IPTC:Country-PrimaryLocationName"] == "France"
        assert after["IPTC:Country-PrimaryLocationCode"] == "FR"
    else:
        assert not any(key.startswith("IPTC:") for key in after)
    merged_path = tmp_path / "merged.jpg"
    merged_path.write_bytes(merged)
    mwg = exiftool(merged_path, "-use", "MWG", "-MWG:City", "-MWG:State", "-MWG:Country")
    assert (mwg["MWG:City"], mwg["MWG:State"], mwg["MWG:Country"]) == (
        "Saint-Malo",
        "Bretagne",
        "France",
    )
    # Inside the structures, the fields the catalogue does not hold are kept (a licensor's
    # e-mail, a location's GPS position and id), in every item the catalogue still holds.
    for tag, fields in (
        ("XMP-plus:Licensor", {"LicensorName", "LicensorURL"}),
        ("XMP-plus:CopyrightOwner", {"CopyrightOwnerName"}),
        ("XMP-plus:ImageSupplier", {"ImageSupplierName"}),
        ("XMP-iptcExt:LocationShown", set(PROVENANCE_LOCATION)),
    ):
        if tag in before:
            old = without_catalogue_fields(before[tag], fields)
            new = without_catalogue_fields(after[tag], fields)
            pairs = list(zip(old, new, strict=False))
            assert pairs and all(o == n for o, n in pairs), tag
    kept = sum(1 for k in tags(before) if k in tags(after))
    print(f"{path.name}: {kept} of {len(tags(before))} properties kept")
    assert picture_data(merged) == picture_data(data)


@pytest.mark.django_db
@pytest.mark.parametrize("path", REAL_FILES + [None], ids=lambda p: p.stem if p else "rich")
def test_ingest_reads_back_what_a_download_wrote(path, tmp_path):
    """The writer and the ingest reader agree: a download, ingested again, reads the same."""
    from archive.ingest.metadata import read_metadata

    path = path or rich_file(tmp_path)
    data = path.read_bytes()
    asset = AssetFactory(jpeg=data, **PROVENANCE)
    read = read_metadata(merge_into_jpeg(data, catalogue_values(asset)))
    fields = dict(PROVENANCE, licensor=PROVENANCE["licensor_name"])
    del fields["licensor_name"], fields["title"]  # the title is not an ingest field
    assert {name: getattr(read, name) for name in fields} == fields


@pytest.mark.django_db
def test_an_empty_catalogue_field_leaves_the_files_value_alone(tmp_path):
    path = FIXTURES / "nitmws__IPTC-PhotometadataRef-Std2019.1.jpg"
    asset = AssetFactory(jpeg=path.read_bytes(), title="Reference")  # no provenance fields
    values = catalogue_values(asset)
    assert values["plus:Licensor"] == [] and values["Iptc4xmpExt:LocationShown"] == []
    before = exiftool(path)
    after = metadata(merge_into_jpeg(path.read_bytes(), values), tmp_path)
    for tag in PROVENANCE_TAGS & set(before):
        assert after[tag] == before[tag], tag


@pytest.mark.django_db
def test_a_signed_files_sidecar_carries_the_provenance_fields(journalist_client, tmp_path):
    signed = signed_jpeg(
        (FIXTURES / "frameright__IPTC-PhotometadataRef-Std2021.1.jpg").read_bytes()
    )
    asset = AssetFactory(jpeg=signed, **PROVENANCE)
    response = journalist_client.get(reverse("archive:asset-download", args=[asset.pk, "original"]))
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.getvalue())) as archive:
        assert archive.read(f"asset-{asset.pk}-original.jpg") == signed
        (tmp_path / "sidecar.xmp").write_bytes(archive.read(f"asset-{asset.pk}-original.xmp"))
    read = exiftool(tmp_path / "sidecar.xmp")
    assert_provenance_reads_back(read)
    # The file's own XMP is kept around the catalogue's: the licensor's e-mail, for one.
    own = exiftool(FIXTURES / "frameright__IPTC-PhotometadataRef-Std2021.1.jpg")
    assert (
        read["XMP-plus:Licensor"][0]["LicensorEmail"]
        == own["XMP-plus:Licensor"][0]["LicensorEmail"]
    )


def test_structures_written_as_attributes_are_merged_field_by_field(tmp_path):
    packet = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description rdf:about="" xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/">'
        b"<plus:Licensor><rdf:Seq><rdf:li>"
        b'<rdf:Description plus:LicensorName="Old" plus:LicensorEmail="desk@old.example"/>'
        b"</rdf:li></rdf:Seq></plus:Licensor>"
        b"</rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    values = {"plus:Licensor": [{"plus:LicensorName": "New", "plus:LicensorURL": "https://n/"}]}
    (tmp_path / "s.xmp").write_bytes(merge_xmp_packet(packet, values, padding=0))
    assert exiftool(tmp_path / "s.xmp")["XMP-plus:Licensor"] == [
        {"LicensorEmail": "desk@old.example", "LicensorName": "New", "LicensorURL": "https://n/"}
    ]


# --- every location shown (Asset.other_locations_shown) in downloads -----------------------------

REFERENCE_FILES = [
    FIXTURES / "nitmws__IPTC-PhotometadataRef-Std2019.1.jpg",
    FIXTURES / "frameright__IPTC-PhotometadataRef-Std2021.1.jpg",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", REFERENCE_FILES, ids=lambda p: p.stem)
def test_an_ingested_file_downloads_with_every_location_shown_as_it_came(
    path, journalist_client, tmp_path
):
    """Ingested, catalogued (both locations), downloaded: every LocationShown item reads back
    as the file had it, with the fields the catalogue does not hold (GPS, ids, names)."""
    from archive.ingest.pipeline import ingest_file

    asset = ingest_file(path.read_bytes(), filename=path.name).asset
    assert len(asset.other_locations_shown) == 1  # the reference images show two places
    response = journalist_client.get(reverse("archive:asset-download", args=[asset.pk, "original"]))
    assert response["Content-Type"] == "image/jpeg"
    before, after = exiftool(path), metadata(response.getvalue(), tmp_path)
    assert len(before["XMP-iptcExt:LocationShown"]) == 2
    assert after["XMP-iptcExt:LocationShown"] == before["XMP-iptcExt:LocationShown"]
    lost = sorted(set(tags(before)) - set(tags(after)))
    assert lost == [], f"lost: {lost}"
    print(f"{path.name}: {len(tags(before)) - len(lost)} of {len(tags(before))} properties kept")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "others",
    [
        [],  # the archivist removed the second place
        [{"city": "Bratislava"}],  # changed it: its other parts are gone, GPS and ids kept
        [{"city": "Vienna"}, {"city": "Brno", "country": "Czechia"}],  # and added a third
    ],
    ids=["removed", "changed", "added"],
)
def test_the_locations_shown_read_back_equal_to_the_catalogue(others, tmp_path):
    from archive.ingest.metadata import read_metadata

    path = FIXTURES / "nitmws__IPTC-PhotometadataRef-Std2019.1.jpg"
    asset = AssetFactory(
        jpeg=path.read_bytes(),
        location_city="Kyiv",
        location_country="Ukraine",
        other_locations_shown=others,
    )
    merged = merge_into_jpeg(path.read_bytes(), catalogue_values(asset))
    before, after = exiftool(path), metadata(merged, tmp_path)
    first = dict(locations_shown(before)[0], City="Kyiv", CountryName="Ukraine")
    renamed = {
        part: key
        for key, part in zip(PROVENANCE_LOCATION, ("sublocation", "city", "state", "country",
                                                   "country_code"), strict=True)
    }  # fmt: skip
    assert locations_shown(after) == [first] + [
        {renamed[part]: text for part, text in place.items()} for place in others
    ]
    gps = ("GPSLatitude", "GPSLongitude", "LocationId", "WorldRegion")
    places = zip(
        before["XMP-iptcExt:LocationShown"], after["XMP-iptcExt:LocationShown"], strict=False
    )
    for old, new in places:
        assert {k: new[k] for k in gps} == {k: old[k] for k in gps}
    read = read_metadata(merged)  # and the archive reads back what it catalogued
    assert (read.location_city, read.other_locations_shown) == ("Kyiv", others)
    lost = sorted(set(tags(before)) - set(tags(after)) - {"XMP-iptcExt:LocationShown"})
    assert lost == [], f"lost: {lost}"


@pytest.mark.django_db
def test_other_locations_without_a_first_one_keep_their_places(tmp_path):
    """No first location in the catalogue, two others: the file gets an empty first item (the
    places keep their positions), and ingest reads the same back."""
    from archive.ingest.metadata import read_metadata

    others = [{"city": "Lviv", "country": "Ukraine"}, {"sublocation": "Old Town"}]
    asset = AssetFactory(other_locations_shown=others)
    data = jpeg_bytes("no-first")
    merged = merge_into_jpeg(data, catalogue_values(asset))
    read = read_metadata(merged)
    assert read.location_city == "" and read.other_locations_shown == others
    assert locations_shown(metadata(merged, tmp_path)) == [
        {},
        {"City": "Lviv", "CountryName": "Ukraine"},
        {"Sublocation": "Old Town"},
    ]


# --- a LocationShown item naming no place keeps its position -----------------------------------


def places_packet(middle: str) -> bytes:
    """A packet whose LocationShown bag is Kyiv (with a GPS position), ``middle``, a place
    named only by its id, and Lviv (with its id): what an agency's tool may write."""

    def place(fields: str) -> str:
        return f"<rdf:li rdf:parseType='Resource'>{fields}</rdf:li>"

    return (
        "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF"
        " xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description rdf:about=''"
        " xmlns:Iptc4xmpExt='http://iptc.org/std/Iptc4xmpExt/2008-02-29/'"
        " xmlns:exif='http://ns.adobe.com/exif/1.0/'>"
        "<Iptc4xmpExt:LocationShown><rdf:Bag>"
        + place(
            "<Iptc4xmpExt:City>Kyiv</Iptc4xmpExt:City><exif:GPSLatitude>50,27.0N</exif:GPSLatitude>"
        )
        + middle
        + place("<Iptc4xmpExt:LocationId>https://sws.geonames.org/2</Iptc4xmpExt:LocationId>")
        + place(
            "<Iptc4xmpExt:City>Lviv</Iptc4xmpExt:City>"
            "<Iptc4xmpExt:LocationId>https://sws.geonames.org/3</Iptc4xmpExt:LocationId>"
        )
        + "</rdf:Bag></Iptc4xmpExt:LocationShown></rdf:Description></rdf:RDF></x:xmpmeta>"
    ).encode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "middle",
    ["<rdf:li/>", "<rdf:li rdf:parseType='Resource'/>", "<rdf:li><rdf:Description/></rdf:li>"],
    ids=["bare", "resource", "description"],
)
@pytest.mark.parametrize("edit", [None, "Lwów"], ids=["as-ingested", "edited"])
def test_items_naming_no_place_keep_their_position_in_downloads(middle, edit, tmp_path):
    """Kyiv, an empty item, an id-only item, Lviv: the catalogue holds Kyiv and Lviv. The
    download writes Lviv over the file's Lviv (its id kept), keeps the id-only item where it
    was, drops the empty one (it holds nothing), and loses no GPS position or id."""
    from archive.ingest.metadata import read_metadata
    from archive.ingest.pipeline import ingest_file
    from tests.factories import picture

    buffer = io.BytesIO()
    picture("places").save(buffer, "JPEG", xmp=places_packet(middle))
    data = buffer.getvalue()
    asset = ingest_file(data, filename="places.jpg").asset
    assert (asset.location_city, asset.other_locations_shown) == ("Kyiv", [{"city": "Lviv"}])
    if edit:
        asset.other_locations_shown = [{"city": edit}]

    merged = merge_into_jpeg(data, catalogue_values(asset))
    after = metadata(merged, tmp_path, "-n")["XMP-iptcExt:LocationShown"]
    assert after == [
        {"City": "Kyiv", "GPSLatitude": pytest.approx(50.45)},
        {"LocationId": "https://sws.geonames.org/2"},
        {"City": edit or "Lviv", "LocationId": "https://sws.geonames.org/3"},
    ]
    read = read_metadata(merged)  # ingesting the download again reads the same catalogue
    assert (read.location_city, read.other_locations_shown) == ("Kyiv", [{"city": edit or "Lviv"}])


def test_a_place_removed_from_the_catalogue_leaves_the_items_naming_none():
    """The archivist removed the second place: the file's item naming it goes, the id-only one
    stays (the catalogue never held it)."""
    values = {"Iptc4xmpExt:LocationShown": [{"Iptc4xmpExt:City": "Kyiv"}]}
    merged = merge_xmp_packet(places_packet("<rdf:li/>"), values, padding=0).decode()
    assert "Lviv" not in merged and "sws.geonames.org/3" not in merged
    assert "sws.geonames.org/2" in merged and "50,27.0N" in merged
