"""The embedded-metadata reader: IPTC IIM, XMP and EXIF, reconciled as exiftool's MWG module does.

The reference for every reconciled value is ``exiftool -use MWG`` (Debian package
libimage-exiftool-perl, installed by the Makefile). The tests run it on the real files in
tests/fixtures/ (provenance in tests/fixtures/MANIFEST.tsv) and on files they write with it.
Deliberate differences from exiftool, each asserted where it shows:

* line endings are normalised to LF and trailing whitespace is stripped (exiftool returns the
  stored text: a bare CR and 31 trailing spaces in exiv2__Reagan.jpg's caption);
* undeclared IPTC text that is valid UTF-8 is read as UTF-8 (exiftool assumes cp1252 unless told
  ``-charset iptc=UTF8``, which gives "Â©" for a UTF-8 "©");
* when the IPTC wins but its undeclared text is not UTF-8 and the XMP holds the same text under
  a legacy code page (Latin-1, cp1252, Mac Roman), the XMP text is taken (exiftool shows the
  mis-decoded IPTC);
* C0 control characters are dropped from reconciled values (fuzzed IPTC is full of them).

No test needs the database.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import random
import re
import shutil
import struct
import subprocess
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from archive.ingest.metadata import EmbeddedMetadata, read_metadata

FIXTURES = Path(__file__).parent.parent / "fixtures"
METADATA = FIXTURES / "metadata"
MALFORMED = FIXTURES / "malformed"


# ----------------------------------------------------------------------------------------------
# Helpers


def exiftool_path() -> str:
    path = shutil.which("exiftool")
    if path is None:  # never skip: the Makefile installs libimage-exiftool-perl
        pytest.fail("exiftool is not installed (apt-get install libimage-exiftool-perl)")
    return path


def exiftool_write(path: Path, *args: str) -> None:
    subprocess.run(
        [exiftool_path(), "-q", "-q", "-overwrite_original", *args, str(path)],
        check=True,
        capture_output=True,
    )


def exiftool_mwg(path: Path, *options: str) -> dict:
    """What ``exiftool -use MWG`` reconciles for ``path``."""
    result = subprocess.run(
        [
            exiftool_path(),
            "-use",
            "MWG",
            "-j",
            *options,
            "-MWG:Description",
            "-MWG:Creator",
            "-MWG:Copyright",
            "-MWG:Keywords",
            "-MWG:DateTimeOriginal",
            str(path),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout)[0]


def normalised(value) -> str:
    """exiftool's value after our deliberate normalisation: lists joined with "; ", CR and
    CRLF turned into LF, trailing whitespace stripped."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(normalised(v) for v in value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).rstrip()


def as_list(value) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def exiftool_datetime(value: str | None) -> datetime | None:
    if not value:
        return None
    match = re.match(
        r"(\d{4}):(\d\d):(\d\d)(?: (\d\d):(\d\d):(\d\d)(?:\.(\d+))?)?(?:([+-])(\d\d):(\d\d)|(Z))?",
        value,
    )
    assert match, value
    tz = None
    if match[11]:
        tz = UTC
    elif match[8]:
        delta = timedelta(hours=int(match[9]), minutes=int(match[10]))
        tz = timezone(-delta if match[8] == "-" else delta)
    return datetime(
        int(match[1]),
        int(match[2]),
        int(match[3]),
        int(match[4] or 0),
        int(match[5] or 0),
        int(match[6] or 0),
        int(((match[7] or "") + "000000")[:6]),
        tzinfo=tz,
    )


def assert_matches_exiftool(meta: EmbeddedMetadata, path: Path, *options: str) -> dict:
    reference = exiftool_mwg(path, *options)
    assert meta.description == normalised(reference.get("Description"))
    assert meta.creator == normalised(reference.get("Creator"))
    assert meta.copyright_notice == normalised(reference.get("Copyright"))
    assert meta.keywords == [normalised(k) for k in as_list(reference.get("Keywords"))]
    assert meta.date_taken == exiftool_datetime(reference.get("DateTimeOriginal"))
    return reference


def jpeg(tmp_path: Path, name: str = "picture.jpg", size=(24, 16)) -> Path:
    path = tmp_path / name
    Image.new("RGB", size, (200, 30, 30)).save(path, "JPEG")
    return path


def read(path: Path) -> EmbeddedMetadata:
    return read_metadata(path.read_bytes())


def assert_json(meta: EmbeddedMetadata) -> None:
    assert set(meta.raw) == {"iptc", "xmp", "exif"}
    json.dumps(meta.raw, allow_nan=False)


def insert_segment(jpeg_bytes: bytes, marker: int, payload: bytes) -> bytes:
    """Put a JPEG marker segment straight after SOI."""
    assert jpeg_bytes[:2] == b"\xff\xd8"
    segment = bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload
    return jpeg_bytes[:2] + segment + jpeg_bytes[2:]


def iim(*datasets: tuple[int, int, bytes]) -> bytes:
    return b"".join(
        bytes([0x1C, record, number]) + struct.pack(">H", len(value)) + value
        for record, number, value in datasets
    )


def photoshop_app13(resources: list[tuple[int, bytes]]) -> bytes:
    out = b"Photoshop 3.0\x00"
    for resource_id, data in resources:
        out += b"8BIM" + struct.pack(">H", resource_id) + b"\x00\x00"
        out += struct.pack(">I", len(data)) + data + (b"\x00" if len(data) % 2 else b"")
    return out


def plain_jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, "JPEG")
    return buffer.getvalue()


# ----------------------------------------------------------------------------------------------
# The fixtures are the files the MANIFEST describes


def test_fixtures_match_their_manifest():
    with (FIXTURES / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert len(rows) == 12
    for row in rows:
        folder = METADATA if row["category"].startswith("good") else MALFORMED
        data = (folder / row["filename"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == row["sha256"], row["filename"]
    assert (FIXTURES / "README.md").exists()


# ----------------------------------------------------------------------------------------------
# Real files, compared with exiftool -use MWG

REAL_FILES = sorted(p.name for p in METADATA.glob("*.jpg"))


@pytest.mark.parametrize("name", REAL_FILES)
def test_real_file_matches_exiftool_mwg(name):
    path = METADATA / name
    meta = read(path)
    assert_matches_exiftool(meta, path)
    assert_json(meta)


EXPECTED = {
    "nitmws__IPTC-PhotometadataRef-Std2019.1.jpg": {
        "description": "The description aka caption (ref2019.1)",
        "headline": "The Headline (ref2019.1)",
        # EXIF Artist holds Creator1 only, so MWG takes it over XMP's two creators.
        "creator": "Creator1 (ref2019.1)",
        "credit": "Credit Line (ref2019.1)",
        "source": "Source (ref2019.1)",
        "copyright_notice": "Copyright (Notice) 2019.1 IPTC - www.iptc.org  (ref2019.1)",
        "web_statement": "http://www.WebStatementOfRights.org/2019.1",
        "usage_terms": "Rights Usage Terms (ref2019.1)",
        "licensor": "Licensor Name 1 (ref2019.1); Licensor Name 2 (ref2019.1)",
        "copyright_owner": "Copyright Owner Name 1 (ref2019.1); Copyright Owner Name 2 (ref2019.1)",
        # No EXIF DateTimeOriginal: XMP photoshop:DateCreated, with its zone.
        "date_taken": datetime(2019, 10, 16, 19, 1, 0, tzinfo=UTC),
        "camera": "",
    },
    "frameright__IPTC-PhotometadataRef-Std2021.1.jpg": {
        "description": "The description aka caption (ref2021.1)",
        "headline": "The Headline (ref2021.1)",
        "creator": "Creator1 (ref2021.1)",
        "credit": "Credit Line (ref2021.1)",
        "source": "Source (ref2021.1)",
        "copyright_notice": "Copyright (Notice) 2021.1 IPTC - www.iptc.org  (ref2021.1)",
        "web_statement": "https://example.com/WebStatementOfRights/2021.1",
        "usage_terms": "Rights Usage Terms (ref2021.1)",
        "licensor": "Licensor Name 1 (ref2021.1); Licensor Name 2 (ref2021.1)",
        "copyright_owner": "Copyright Owner Name 1 (ref2021.1); Copyright Owner Name 2 (ref2021.1)",
        # EXIF DateTimeOriginal with OffsetTimeOriginal +00:00: aware.
        "date_taken": datetime(2021, 10, 20, 21, 1, 1, tzinfo=UTC),
    },
    "exiftool__IPTC.jpg": {
        "description": "A witty caption",
        "headline": "No headline",
        "creator": "Phil Harvey",
        "credit": "My Credit",
        "source": "I'm the source",
        "copyright_notice": "Copyright 2004 Phil Harvey",
        "keywords": ["ExifTool", "Test", "IPTC"],
        "date_taken": datetime(2004, 2, 26),
        "web_statement": "",
        "orientation": None,
    },
    "exiftool__XMP.jpg": {
        # EXIF ImageDescription wins over the UTF-16 XMP's dc:description.
        "description": "A witty caption",
        "creator": "Phil Harvey",
        "credit": "My Credit",
        "source": "I'm the source",
        "copyright_notice": "Copyright 2004 Phil Harvey",
        "web_statement": "https://exiftool.org/",
        "keywords": ["ExifTool", "Test", "XMP"],
        "date_taken": datetime(2001, 5, 19, 18, 36, 41),
        "camera": "FUJIFILM FinePix2400Zoom",
        "orientation": 1,
    },
    "exiv2__exiv2-bug540.jpg": {
        "description": "Communications",
        "creator": "Ian Britton",
        "credit": "Ian Britton",
        "copyright_notice": "ian Britton - FreeFoto.com",
        # dc:source is not photoshop:Source: no source.
        "source": "",
        "web_statement": "www.freefoto.com",
        "date_taken": datetime(2002, 6, 20),
    },
    "exiv2__Reagan.jpg": {
        "creator": "Photographerís Mate 3rd Class (A",
        "credit": "U.S Navy",
        "source": "Navy Visual News Service",
        "copyright_notice": "",
        "date_taken": datetime(2004, 6, 21, 23, 37, 53, 60000),
        "camera": "NIKON CORPORATION NIKON D1X",
    },
    "exiv2__exiv2-bug937.jpg": {
        "description": "",
        "creator": "Corbis",
        "copyright_notice": "© Corbis.  All Rights Reserved.",
        "web_statement": (
            "http://pro.corbis.com/search/searchresults.asp?txt=42-17167222&openImage=42-17167222"
        ),
        "date_taken": datetime(2008, 3, 14, 13, 59, 26, 540000),
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_file_values(name):
    meta = read(METADATA / name)
    for attribute, expected in EXPECTED[name].items():
        assert getattr(meta, attribute) == expected, attribute


def test_reagan_caption_line_endings_are_normalised():
    """Deliberate difference: exiftool returns the stored text with its bare CR (IPTC) or LF
    (XMP, EXIF) and 31 trailing spaces; we give LF and no trailing whitespace."""
    path = METADATA / "exiv2__Reagan.jpg"
    meta = read(path)
    reference = exiftool_mwg(path)["Description"]
    assert reference.endswith("(RELEASE)\n" + " " * 31)
    assert meta.description.startswith("040621-N-6536T-062\nUSS Ronald Reagan (CVN 76)")
    assert meta.description.endswith("Elizabeth Thompson. (RELEASE)")
    assert "\r" not in meta.description
    # The raw IPTC keeps the bytes' text as stored, CR included; 1:90 declares UTF-8.
    assert meta.raw["iptc"]["CodedCharacterSet"] == "UTF8"
    assert meta.raw["iptc"]["Caption-Abstract"].startswith("040621-N-6536T-062\rUSS")
    assert meta.raw["iptc"]["By-line"] == ["Photographerís Mate 3rd Class ("]
    assert meta.raw["iptc"]["IPTCDigest"] == meta.raw["iptc"]["CurrentIPTCDigest"]
    assert meta.warnings == []


def test_utf16_xmp_packet_is_read():
    meta = read(METADATA / "exiftool__XMP.jpg")
    assert meta.raw["xmp"]["dc:description"] == {"x-default": "UTF-16 (big-endian) encoded XMP"}
    assert meta.raw["xmp"]["photoshop:Credit"] == "My Credit"
    assert meta.raw["iptc"] == {}
    assert meta.raw["exif"]["ImageDescription"] == "A witty caption"


def test_stale_digest_in_real_file_is_reported():
    meta = read(METADATA / "exiftool__IPTC.jpg")
    iptc = meta.raw["iptc"]
    assert iptc["IPTCDigest"] == "05ad1770b1a95f1f9788ac995fa647da"
    assert iptc["CurrentIPTCDigest"] == "3ab612778f9944a999853a0cf0cf6b37"  # as exiftool says
    assert iptc["OriginalTransmissionReference"] == "What is a transmission reference"
    assert any("digest" in w for w in meta.warnings)


def test_undeclared_utf8_iptc_in_real_file():
    """exiv2-bug937.jpg stores "©" as UTF-8 in IPTC without declaring it. exiftool (cp1252 by
    default) reads "Â©"; we read valid UTF-8 as UTF-8. Its EXIF Copyright is UTF-8 too and wins."""
    path = METADATA / "exiv2__exiv2-bug937.jpg"
    meta = read(path)
    assert meta.raw["iptc"]["CopyrightNotice"] == "© Corbis.  All Rights Reserved."
    default = subprocess.run(
        [exiftool_path(), "-j", "-IPTC:CopyrightNotice", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(default.stdout)[0]["CopyrightNotice"] == "Â© Corbis.  All Rights Reserved."


def test_raw_blocks_have_readable_keys():
    meta = read(METADATA / "frameright__IPTC-PhotometadataRef-Std2021.1.jpg")
    assert meta.raw["iptc"]["Caption-Abstract"] == "The description aka caption (ref2021.1)"
    assert meta.raw["iptc"]["Keywords"] == [
        "Keyword1ref2021.1",
        "Keyword2ref2021.1",
        "Keyword3ref2021.1",
    ]
    assert meta.raw["xmp"]["photoshop:Headline"] == "The Headline (ref2021.1)"
    assert meta.raw["xmp"]["plus:Licensor"][0]["plus:LicensorName"] == "Licensor Name 1 (ref2021.1)"
    assert meta.raw["exif"]["Artist"] == "Creator1 (ref2021.1)"
    assert meta.raw["exif"]["OffsetTimeOriginal"] == "+00:00"


@pytest.mark.parametrize("name", REAL_FILES)
def test_opened_image_is_used_without_loading_pixels(name, monkeypatch):
    data = (METADATA / name).read_bytes()
    image = Image.open(io.BytesIO(data))

    def refuse_load(*args, **kwargs):
        raise AssertionError("read_metadata must not decode the pixels")

    monkeypatch.setattr(image, "load", refuse_load)
    with_image = read_metadata(data, image)
    without = read_metadata(data)
    assert with_image == without


# ----------------------------------------------------------------------------------------------
# Files written with exiftool


def test_declared_utf8_iptc(tmp_path):
    path = jpeg(tmp_path)
    exiftool_write(
        path,
        "-IPTC:CodedCharacterSet=UTF8",
        "-IPTC:Caption-Abstract=Zoë et Chloé à Bâle — «Straße» 東京",
        "-IPTC:Credit=Agence Française",
        "-IPTC:By-line=Jürgen Groß",
    )
    meta = read(path)
    assert meta.raw["iptc"]["CodedCharacterSet"] == "UTF8"
    assert meta.description == "Zoë et Chloé à Bâle — «Straße» 東京"
    assert meta.credit == "Agence Française"
    assert meta.creator == "Jürgen Groß"
    assert meta.warnings == []
    assert_matches_exiftool(meta, path)


def test_declaration_after_the_text_is_honoured():
    """1:90 counts wherever it stands: here after the caption it governs."""
    caption = "Señora — “quoted”".encode()
    block = iim((2, 0, b"\x00\x04"), (2, 120, caption), (2, 110, "Crédit".encode()),
                (1, 90, b"\x1b%G"))  # fmt: skip
    data = insert_segment(plain_jpeg_bytes(), 0xED, photoshop_app13([(0x0404, block)]))
    meta = read_metadata(data)
    assert meta.description == "Señora — “quoted”"
    assert meta.credit == "Crédit"
    assert meta.raw["iptc"]["CodedCharacterSet"] == "UTF8"
    assert meta.raw["iptc"]["ApplicationRecordVersion"] == 4


def test_undeclared_utf8_iptc(tmp_path):
    """Deliberate difference: exiftool reads undeclared IPTC as cp1252 ("CafÃ©"); we read valid
    UTF-8 as UTF-8, which is what exiftool gives when told -charset iptc=UTF8."""
    path = jpeg(tmp_path)
    exiftool_write(
        path,
        "-charset",
        "iptc=UTF8",
        "-IPTC:Caption-Abstract=Café in Kraków, Łódź",
        "-IPTC:Credit=Ñandú Press",
    )
    meta = read(path)
    assert "CodedCharacterSet" not in meta.raw["iptc"]
    assert meta.description == "Café in Kraków, Łódź"
    assert meta.credit == "Ñandú Press"
    assert exiftool_mwg(path)["Description"] == "CafÃ© in KrakÃ³w, Å\x81Ã³dÅº"
    assert_matches_exiftool(meta, path, "-charset", "iptc=UTF8")


def test_undeclared_latin1_iptc(tmp_path):
    path = jpeg(tmp_path)
    exiftool_write(
        path,
        "-charset",
        "iptc=Latin",
        "-IPTC:Caption-Abstract=Fête à Genève, déjà vu",
        "-IPTC:Credit=Agence Française de Presse",
        "-IPTC:CopyrightNotice=© 2024 Müller",
    )
    assert b"F\xeate \xe0 Gen\xe8ve" in path.read_bytes()
    meta = read(path)
    assert meta.description == "Fête à Genève, déjà vu"
    assert meta.credit == "Agence Française de Presse"
    assert meta.copyright_notice == "© 2024 Müller"
    assert any("Latin-1" in w for w in meta.warnings)
    assert_matches_exiftool(meta, path)  # cp1252 and Latin-1 agree on these letters


def test_xmp_wins_while_the_digest_matches_then_iptc_when_changed(tmp_path):
    path = jpeg(tmp_path)
    exiftool_write(
        path,
        "-IPTC:Caption-Abstract=Caption in IPTC",
        "-XMP-dc:Description=Caption in XMP",
        "-IPTC:Credit=IPTC credit",
        "-XMP-photoshop:Credit=XMP credit",
        "-IPTC:Keywords=iptc-one",
        "-XMP-dc:Subject=xmp-one",
        "-XMP-dc:Subject=xmp-two",
        "-Photoshop:IPTCDigest=new",
    )
    meta = read(path)
    assert meta.raw["iptc"]["IPTCDigest"] == meta.raw["iptc"]["CurrentIPTCDigest"]
    assert meta.description == "Caption in XMP"
    assert meta.credit == "XMP credit"
    assert meta.keywords == ["xmp-one", "xmp-two"]
    assert meta.warnings == []
    assert_matches_exiftool(meta, path)

    # Another program edits the IPTC and leaves the digest (and the XMP) alone.
    exiftool_write(path, "-IPTC:Caption-Abstract=Corrected caption", "-IPTC:Credit=New credit")
    meta = read(path)
    assert meta.raw["iptc"]["IPTCDigest"] != meta.raw["iptc"]["CurrentIPTCDigest"]
    assert meta.description == "Corrected caption"
    assert meta.credit == "New credit"  # headline/credit/source follow the same rule
    assert meta.keywords == ["iptc-one"]
    assert any("digest" in w for w in meta.warnings)
    reference = assert_matches_exiftool(meta, path)
    assert reference["Description"] == "Corrected caption"


def test_no_digest_means_xmp_wins(tmp_path):
    path = jpeg(tmp_path)
    exiftool_write(
        path,
        "-IPTC:Caption-Abstract=IPTC caption",
        "-XMP-dc:Description=XMP caption",
        "-Photoshop:IPTCDigest=",
    )
    meta = read(path)
    assert "IPTCDigest" not in meta.raw["iptc"]
    assert meta.description == "XMP caption"
    assert_matches_exiftool(meta, path)


def test_truncated_iptc_copy_recovers_the_full_xmp_value(tmp_path):
    path = jpeg(tmp_path)
    long_creator = "Bartholomew Featherstonehaugh-Wolfeschlegel"
    long_copyright = "© 2024 " + "Very Long Agency Name " * 6 + "All rights reserved worldwide"
    exiftool_write(
        path,
        # exiftool (without -m) cuts IPTC values at the IIM limits, as old tools did
        "-IPTC:CodedCharacterSet=UTF8",
        f"-IPTC:By-line={long_creator}",
        f"-XMP-dc:Creator={long_creator}",
        f"-IPTC:CopyrightNotice={long_copyright}",
        f"-XMP-dc:Rights={long_copyright}",
        "-Photoshop:IPTCDigest=new",
    )
    exiftool_write(path, "-IPTC:Credit=Changed later")  # digest goes stale: IPTC wins
    meta = read(path)
    raw_byline = meta.raw["iptc"]["By-line"][0]
    assert len(raw_byline.encode()) == 32 and long_creator.startswith(raw_byline)
    assert meta.creator == long_creator
    assert len(meta.raw["iptc"]["CopyrightNotice"].encode()) <= 128
    assert meta.copyright_notice == long_copyright
    assert_matches_exiftool(meta, path)


def test_exif_wins_when_present_and_not_blank(tmp_path):
    path = jpeg(tmp_path)
    exiftool_write(
        path,
        "-EXIF:ImageDescription=EXIF caption",
        "-EXIF:Artist=Ann Photographer; Bob Second",
        "-EXIF:Copyright=© EXIF owner",
        "-EXIF:Make=Canon",
        "-EXIF:Model=Canon EOS R5",
        "-EXIF:Orientation#=6",
        "-EXIF:DateTimeOriginal=2023:04:05 06:07:08",
        "-EXIF:SubSecTimeOriginal=25",
        "-EXIF:OffsetTimeOriginal=+02:00",
        "-IPTC:Caption-Abstract=IPTC caption",
        "-IPTC:By-line=IPTC creator",
        "-XMP-dc:Description=XMP caption",
        "-XMP-dc:Creator=XMP creator",
        "-XMP-dc:Rights=XMP rights",
        "-XMP-photoshop:DateCreated=2020:01:01 00:00:00",
    )
    meta = read(path)
    assert meta.description == "EXIF caption"
    assert meta.creator == "Ann Photographer; Bob Second"
    assert meta.copyright_notice == "© EXIF owner"  # EXIF read as UTF-8, as MWG asks
    assert meta.camera == "Canon EOS R5"  # the make is not repeated
    assert meta.orientation == 6
    assert meta.date_taken == datetime(
        2023, 4, 5, 6, 7, 8, 250000, tzinfo=timezone(timedelta(hours=2))
    )
    reference = assert_matches_exiftool(meta, path)
    assert reference["Creator"] == ["Ann Photographer", "Bob Second"]


def test_blank_exif_falls_through_to_xmp(tmp_path):
    path = jpeg(tmp_path)
    exiftool_write(
        path,
        "-EXIF:ImageDescription=   ",
        "-EXIF:Make=NIKON CORPORATION",
        "-EXIF:Model=NIKON D5",
        "-XMP-dc:Description=XMP caption",
        "-XMP-dc:Creator=One",
        "-XMP-dc:Creator=Two",
        "-XMP-photoshop:DateCreated=2019:07:01 12:30:00-04:00",
    )
    meta = read(path)
    assert meta.description == "XMP caption"
    assert meta.creator == "One; Two"
    assert meta.camera == "NIKON CORPORATION NIKON D5"
    assert meta.date_taken == datetime(2019, 7, 1, 12, 30, tzinfo=timezone(timedelta(hours=-4)))
    assert_matches_exiftool(meta, path)


def test_iptc_date_and_time_with_zone(tmp_path):
    path = jpeg(tmp_path)
    exiftool_write(
        path,
        "-IPTC:DateCreated=2012:08:09",
        "-IPTC:TimeCreated=14:15:16+05:30",
        "-IPTC:Headline=A headline in IPTC only",
        "-IPTC:Source=Wire",
    )
    meta = read(path)
    assert meta.date_taken == datetime(
        2012, 8, 9, 14, 15, 16, tzinfo=timezone(timedelta(hours=5, minutes=30))
    )
    assert meta.headline == "A headline in IPTC only"
    assert meta.source == "Wire"
    assert_matches_exiftool(meta, path)


@pytest.mark.parametrize(
    ("charset", "text"),
    [
        ("MacRoman", "Café Niño’s “best” photo"),
        ("cp1252", "Niño’s “best” photo — Zoë"),
        ("Latin", "Señor Müller, Genève"),
    ],
)
def test_legacy_iptc_text_is_recovered_from_xmp(tmp_path, charset, text):
    """Beyond exiftool: the IPTC wins (stale digest) but declares no character set and is not
    UTF-8. Read as Latin-1 it is garbled (Mac Roman, cp1252 quotes) or right; the XMP holds the
    same text under a legacy decoding, so the XMP text is taken. exiftool shows the IPTC as
    cp1252, which garbles Mac Roman ("CafŽ")."""
    path = jpeg(tmp_path)
    exiftool_write(
        path,
        "-charset",
        f"iptc={charset}",
        f"-IPTC:Caption-Abstract={text}",
        f"-XMP-dc:Description={text}",
        "-Photoshop:IPTCDigest=new",
    )
    exiftool_write(path, "-IPTC:Urgency=5")  # stale digest: MWG prefers the IPTC
    meta = read(path)
    stored = text.encode(_python_codec(charset))
    assert "CodedCharacterSet" not in meta.raw["iptc"]
    assert meta.raw["iptc"]["Caption-Abstract"] == stored.decode("latin-1")  # as the issue asks
    assert meta.description == text
    reference = exiftool_mwg(path)["Description"]
    if charset == "MacRoman":
        assert reference != text  # exiftool's cp1252 reading garbles Mac Roman
        assert reference.startswith("CafŽ")
    else:
        assert reference == text


def _python_codec(charset: str) -> str:
    return {"MacRoman": "mac_roman", "cp1252": "cp1252", "Latin": "latin-1"}[charset]


def test_legacy_text_without_xmp_stays_latin1(tmp_path):
    path = jpeg(tmp_path)
    exiftool_write(path, "-charset", "iptc=MacRoman", "-IPTC:Credit=Agence Française")
    meta = read(path)
    assert meta.credit == "Agence Fran\x8daise"  # Latin-1, as the issue asks: no XMP to fix it
    assert any("Latin-1" in w for w in meta.warnings)


def test_png_xmp_and_exif(tmp_path, monkeypatch):
    path = tmp_path / "picture.png"
    Image.new("RGB", (12, 12), "blue").save(path)
    exiftool_write(
        path,
        "-XMP-dc:Description=PNG caption ünïcode",
        "-XMP-dc:Creator=PNG maker",
        "-XMP-photoshop:Credit=PNG credit",
        "-XMP-xmpRights:WebStatement=https://example.org/licence",
        "-EXIF:Copyright=PNG copyright",
    )
    data = path.read_bytes()
    image = Image.open(io.BytesIO(data))
    monkeypatch.setattr(image, "load", lambda *a, **k: pytest.fail("pixels were loaded"))
    meta = read_metadata(data, image)
    assert meta.description == "PNG caption ünïcode"
    assert meta.creator == "PNG maker"
    assert meta.credit == "PNG credit"
    assert meta.web_statement == "https://example.org/licence"
    assert meta.copyright_notice == "PNG copyright"
    assert_matches_exiftool(meta, path)


def test_webp_xmp_and_exif(tmp_path):
    path = tmp_path / "picture.webp"
    Image.new("RGB", (12, 12), "green").save(path, "WEBP")
    exiftool_write(
        path,
        "-XMP-dc:Description=WebP caption",
        "-XMP-dc:Subject=alpha",
        "-XMP-dc:Subject=beta",
        "-EXIF:Artist=WebP artist",
    )
    meta = read(path)
    assert meta.description == "WebP caption"
    assert meta.creator == "WebP artist"
    assert meta.keywords == ["alpha", "beta"]
    assert_matches_exiftool(meta, path)


def test_tiff_iptc_xmp_and_exif(tmp_path):
    path = tmp_path / "picture.tif"
    Image.new("RGB", (12, 12), "yellow").save(path, "TIFF")
    exiftool_write(
        path,
        "-IPTC:CodedCharacterSet=UTF8",
        "-IPTC:Caption-Abstract=TIFF caption in IPTC",
        "-IPTC:Credit=TIFF crédit",
        "-IPTC:Keywords=tiff",
        "-XMP-dc:Rights=TIFF rights",
        "-EXIF:Artist=TIFF artist",
    )
    meta = read(path)
    assert meta.raw["iptc"]["Caption-Abstract"] == "TIFF caption in IPTC"
    assert meta.description == "TIFF caption in IPTC"
    assert meta.credit == "TIFF crédit"
    assert meta.creator == "TIFF artist"
    assert meta.copyright_notice == "TIFF rights"
    assert meta.keywords == ["tiff"]
    assert_matches_exiftool(meta, path)


def test_gif_without_metadata(tmp_path):
    path = tmp_path / "picture.gif"
    Image.new("P", (4, 4)).save(path, "GIF")
    meta = read(path)
    assert meta.description == "" and meta.raw == {"iptc": {}, "xmp": {}, "exif": {}}


# ----------------------------------------------------------------------------------------------
# Broken input: never raise, always say what was wrong

MALFORMED_FILES = sorted(p.name for p in MALFORMED.iterdir())


@pytest.mark.parametrize("name", MALFORMED_FILES)
def test_malformed_fixture_gives_warnings(name):
    meta = read(MALFORMED / name)
    assert isinstance(meta, EmbeddedMetadata)
    assert meta.warnings, name
    assert all(isinstance(w, str) and w.endswith(".") for w in meta.warnings)
    assert_json(meta)


def test_invalid_exif_header_is_skipped():
    meta = read(MALFORMED / "pillow__invalid-exif.jpg")
    assert "The EXIF block is damaged and was skipped." in meta.warnings
    assert meta.raw["exif"] == {}


def test_table_jpg_metadata_without_image_data_matches_exiftool():
    """No SOS, so Pillow cannot open it; the blocks are still read. EXIF Copyright is empty, so
    MWG falls back to the undeclared Latin-1 IPTC "© 2004 Nobody"."""
    path = MALFORMED / "exiv2__table.jpg"
    meta = read(path)
    assert meta.description == "Well it is a smiley that happens to be green"
    assert meta.creator == "No one"
    assert meta.copyright_notice == "© 2004 Nobody"
    assert any("no image data" in w for w in meta.warnings)
    assert_matches_exiftool(meta, path)


def test_fuzzed_app13_is_survived():
    meta = read(MALFORMED / "exiv2__issue_1847_poc.jpg")
    assert any("IPTC" in w for w in meta.warnings)
    assert not re.search(r"[\x00-\x08\x0b-\x1f]", meta.description)  # control bytes dropped


def test_decompression_bomb_is_refused():
    meta = read(MALFORMED / "pillow__decompression_bomb.gif")
    assert any("decompression bomb" in w for w in meta.warnings)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF
 xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description
 xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt>
<rdf:li xml:lang="x-default">&lol9;</rdf:li></rdf:Alt></dc:description>
</rdf:Description></rdf:RDF></x:xmpmeta>"""

EXTERNAL_ENTITY = b"""<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<!DOCTYPE x [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF
 xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description
 xmlns:dc="http://purl.org/dc/elements/1.1/" dc:format="&secret;"/>
</rdf:RDF></x:xmpmeta><?xpacket end="w"?>"""

NO_DOCTYPE_ENTITY = b"""<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF
 xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description
 xmlns:dc="http://purl.org/dc/elements/1.1/" dc:format="&undefined;"/></rdf:RDF></x:xmpmeta>"""


@pytest.mark.parametrize("packet", [BILLION_LAUGHS, EXTERNAL_ENTITY, NO_DOCTYPE_ENTITY])
def test_hostile_xmp_in_jpeg_is_refused(packet):
    exif = Image.Exif()
    exif[0x010E] = "Caption from EXIF"
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "JPEG", exif=exif.tobytes())
    data = insert_segment(buffer.getvalue(), 0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + packet)
    meta = read_metadata(data)
    assert meta.raw["xmp"] == {}
    assert any("XMP" in w for w in meta.warnings)
    assert meta.description == "Caption from EXIF"  # the other blocks are still read
    assert "root:" not in json.dumps(meta.raw)


@pytest.mark.parametrize("packet", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_hostile_xmp_in_png_is_refused(packet):
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", packet.decode())
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "PNG", pnginfo=info)
    meta = read_metadata(buffer.getvalue())
    assert meta.raw["xmp"] == {}
    assert any("DTD or entities" in w for w in meta.warnings)


def test_utf16_little_endian_and_bom_packets():
    packet = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt>'
        '<rdf:li xml:lang="fr">Légende</rdf:li><rdf:li xml:lang="x-default">Caption ✓</rdf:li>'
        "</rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    for encoded in (packet.encode("utf-16-le"), packet.encode("utf-16"), packet.encode("utf-8")):
        data = insert_segment(
            plain_jpeg_bytes(), 0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + encoded
        )
        meta = read_metadata(data)
        assert meta.description == "Caption ✓"  # x-default preferred over the first entry
        assert meta.warnings == []


def test_bad_xml_is_a_warning():
    data = insert_segment(
        plain_jpeg_bytes(), 0xE1, b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta <<"
    )
    meta = read_metadata(data)
    assert any("not well-formed" in w for w in meta.warnings)


def test_damaged_photoshop_and_iim_blocks():
    good = iim((2, 120, b"Kept caption"))
    broken_iim = good + b"\x1c\x02\x69\xff\xff" + b"short"  # length runs past the end
    app13 = b"Photoshop 3.0\x00" + b"JUNK" * 3 + photoshop_app13([(0x0404, broken_iim)])[14:]
    data = insert_segment(plain_jpeg_bytes(), 0xED, app13)
    meta = read_metadata(data)
    assert meta.description == "Kept caption"
    assert any("Photoshop" in w for w in meta.warnings)
    assert any("IPTC" in w for w in meta.warnings)


def test_digest_is_md5_of_the_iptc_block():
    block = iim((2, 120, b"New caption"))
    stale = hashlib.md5(iim((2, 120, b"Old caption"))).digest()
    xmp = (
        b'http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        b'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt>'
        b'<rdf:li xml:lang="x-default">Old caption</rdf:li></rdf:Alt></dc:description>'
        b"</rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    for digest, expected in ((hashlib.md5(block).digest(), "Old caption"), (stale, "New caption")):
        app13 = photoshop_app13([(0x0404, block), (0x0425, digest)])
        data = insert_segment(insert_segment(plain_jpeg_bytes(), 0xE1, xmp), 0xED, app13)
        assert read_metadata(data).description == expected


def test_empty_bytes():
    meta = read_metadata(b"")
    assert meta == EmbeddedMetadata(raw=meta.raw, warnings=meta.warnings)
    assert meta.warnings
    assert_json(meta)


@pytest.mark.parametrize("seed", range(8))
def test_random_garbage(seed):
    rng = random.Random(seed)
    data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4096)))
    meta = read_metadata(data)
    assert meta.warnings
    assert_json(meta)


@pytest.mark.parametrize(
    "magic",
    [
        b"\xff\xd8",
        b"\x89PNG\r\n\x1a\n",
        b"GIF89a",
        b"RIFF\x00\x01\x00\x00WEBP",
        b"II*\x00",
        b"MM\x00*",
    ],
)
def test_garbage_behind_a_valid_signature(magic):
    rng = random.Random(magic)
    for _ in range(20):
        data = magic + bytes(rng.randrange(256) for _ in range(rng.randrange(0, 2048)))
        meta = read_metadata(data)
        assert meta.warnings
        assert_json(meta)


@pytest.mark.parametrize("name", REAL_FILES + MALFORMED_FILES)
def test_mutated_real_files_never_raise(name):
    folder = METADATA if (METADATA / name).exists() else MALFORMED
    original = (folder / name).read_bytes()
    rng = random.Random(name)
    for _ in range(25):
        data = bytearray(original)
        for _ in range(rng.randrange(1, 40)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.3:
            del data[rng.randrange(len(data)) :]
        meta = read_metadata(bytes(data))
        assert isinstance(meta, EmbeddedMetadata)
        assert_json(meta)
