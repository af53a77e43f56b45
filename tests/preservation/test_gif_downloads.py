"""GIF downloads with credit and caption: the catalogue merged into the "XMP DataXMP" extension.

exiftool is the reference reader, as in test_downloads: every tag it reads before the merge is
still there after it, unchanged unless the catalogue set it. Every block but the XMP
extension is copied byte for byte: the frames decode the same.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from PIL import Image, ImageSequence

from archive.preservation.downloads import catalogue_values
from archive.preservation.gif import (
    MAGIC_TRAILER,
    XMP_APPLICATION,
    DamagedGIF,
    merge_into_gif,
    read_layout,
)
from archive.preservation.xmp import UnsafeMetadata
from tests.c2pa_signing import sign_jpeg
from tests.factories import AssetFactory, picture
from tests.preservation.test_downloads import (
    CATALOGUE,
    PROVENANCE,
    assert_lossless,
    assert_provenance_reads_back,
    exiftool,
    exiftool_write,
    tags,
)
from tests.preservation.test_downloads import catalogue_asset as catalogued_as
from tests.preservation.test_png_downloads import download, signed_download
from tests.preservation.test_png_downloads import validation_png as validation

# What the catalogue sets in a GIF: XMP only (a GIF has no IPTC-IIM or EXIF); exiftool names
# the version too, which a GIF87a that gains an extension changes.
GIF_CATALOGUE_TAGS = {
    "XMP-dc:Title", "XMP-dc:Description", "XMP-dc:Creator", "XMP-dc:Rights", "XMP-dc:Subject",
    "XMP-photoshop:Credit", "XMP-photoshop:Source", "XMP-xmpRights:WebStatement",
    "XMP-xmpRights:UsageTerms",
}  # fmt: skip


def animated_gif(seed: str = "gif") -> bytes:
    """Three frames, a comment and a loop count (the NETSCAPE application extension)."""
    frames = [picture(f"{seed}-{n}", (48, 32)).convert("P") for n in range(3)]
    buffer = io.BytesIO()
    frames[0].save(
        buffer, "GIF", save_all=True, append_images=frames[1:], loop=0, duration=80,
        comment=b"Shot from the harbour wall",
    )  # fmt: skip
    return buffer.getvalue()


def rich_gif(tmp_path: Path) -> Path:
    """An animated GIF with what exiftool writes: languages, rights, two locations shown."""
    path = tmp_path / "rich.gif"
    path.write_bytes(animated_gif())
    exiftool_write(
        path,
        "-XMP-dc:Title=Old title",
        "-XMP-dc:Title-fr=Ancien titre",
        "-XMP-dc:Description=Old caption",
        "-XMP-iptcExt:Event=Harbour rescue",
        "-XMP-plus:LicensorName=Ouest Photo",
        "-XMP-plus:LicensorEmail=desk@ouest.example",
        "-XMP-iptcExt:DigitalSourceType=http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture",
        "-XMP-iptcExt:LocationShown+={City=Saint-Malo,CountryName=France,LocationId=geo:1}",
        "-XMP-iptcExt:LocationShown+={City=Rennes,WorldRegion=Europe}",
    )
    return path


def frames(data: bytes) -> list[bytes]:
    with Image.open(io.BytesIO(data)) as image:
        return [frame.convert("RGBA").tobytes() for frame in ImageSequence.Iterator(image)]


def blocks_but_xmp(data: bytes) -> bytes:
    """The file without its version and XMP extension: what must be kept byte for byte."""
    layout = read_layout(io.BytesIO(data), len(data), 64 * 1024)
    kept, position = bytearray(), 6
    for start, end in layout.xmp:
        kept += data[position:start]
        position = end
    return bytes(kept + data[position:])


def catalogue_asset(data: bytes, **fields):
    return catalogued_as(data, format="gif", mime_type="image/gif", **fields)


def report(name: str, before: dict, after: dict) -> None:
    kept = len(set(tags(before)) & set(tags(after)))
    print(f"\n{name}: {len(tags(before))} tags before, {len(tags(after))} after, {kept} kept")  # noqa: T201


@pytest.mark.django_db
def test_a_gif_download_keeps_every_property_and_frame(journalist_client, tmp_path):
    path = rich_gif(tmp_path)
    data = path.read_bytes()
    before = exiftool(path)
    assert before["GIF:FrameCount"] == 3 and before["File:Comment"]
    response = download(journalist_client, catalogue_asset(data))
    assert response.status_code == 200 and response["Content-Type"] == "image/gif"
    assert response["Content-Disposition"].endswith('-original.gif"')
    merged = b"".join(response.streaming_content)
    assert int(response["Content-Length"]) == len(merged)
    (tmp_path / "merged.gif").write_bytes(merged)
    after = exiftool(tmp_path / "merged.gif")
    assert_lossless(before, after)
    report(path.name, before, after)
    assert "ExifTool:Warning" not in after
    for key, name in (
        ("XMP-dc:Title", "dc:title"),
        ("XMP-dc:Description", "dc:description"),
        ("XMP-dc:Rights", "dc:rights"),
        ("XMP-photoshop:Credit", "photoshop:Credit"),
        ("XMP-xmpRights:WebStatement", "xmpRights:WebStatement"),
    ):
        assert after[key] == CATALOGUE[name], key
    assert after["XMP-dc:Creator"] == CATALOGUE["dc:creator"]
    assert after["XMP-dc:Title-fr"] == "Ancien titre"  # other languages are kept
    assert after["XMP-plus:Licensor"][0]["LicensorEmail"] == "desk@ouest.example"
    assert after["XMP-iptcExt:LocationShown"] == before["XMP-iptcExt:LocationShown"]
    assert blocks_but_xmp(merged) == blocks_but_xmp(data)  # every other block, byte for byte
    assert frames(merged) == frames(data)
    assert merged.count(XMP_APPLICATION) == 1


def test_a_gif87a_without_metadata_gains_xmp_and_becomes_gif89a(tmp_path):
    buffer = io.BytesIO()
    picture("plain", (40, 30)).convert("P").save(buffer, "GIF")
    data = buffer.getvalue()
    assert data[:6] == b"GIF87a"
    merged = merge_into_gif(data, CATALOGUE)
    assert merged[:6] == b"GIF89a"
    (tmp_path / "before.gif").write_bytes(data)
    (tmp_path / "merged.gif").write_bytes(merged)
    before, after = exiftool(tmp_path / "before.gif"), exiftool(tmp_path / "merged.gif")
    assert after["GIF:GIFVersion"] == "89a"
    del before["GIF:GIFVersion"], after["GIF:GIFVersion"]
    assert_lossless(before, after)
    assert after["XMP-dc:Title"] == CATALOGUE["dc:title"]
    assert set(tags(after)) - set(tags(before)) <= GIF_CATALOGUE_TAGS
    report("plain.gif", before, after)
    # Where exiftool puts it: before the first picture, the trailer last.
    start = merged.index(b"\x21\xff\x0b" + XMP_APPLICATION)
    assert merged.index(b"\x2c", start) > start
    assert merged[start:].index(MAGIC_TRAILER) > 0 and merged.endswith(b";")
    assert frames(merged) == frames(data)


def test_merging_a_gif_download_again_gives_the_same_bytes(tmp_path):
    once = merge_into_gif(rich_gif(tmp_path).read_bytes(), CATALOGUE)
    assert merge_into_gif(once, CATALOGUE) == once


@pytest.mark.django_db
def test_every_provenance_field_reads_back_from_a_gif(tmp_path):
    """exiftool reads each field as IPTC and PLUS write it; ingest reads the catalogue back."""
    from archive.ingest.metadata import read_metadata

    data = rich_gif(tmp_path).read_bytes()
    asset = AssetFactory(jpeg=data, format="gif", mime_type="image/gif", **PROVENANCE)
    merged = merge_into_gif(data, catalogue_values(asset))
    (tmp_path / "merged.gif").write_bytes(merged)
    assert_provenance_reads_back(exiftool(tmp_path / "merged.gif"))
    read = read_metadata(merged)
    fields = dict(PROVENANCE, licensor=PROVENANCE["licensor_name"])
    del fields["licensor_name"], fields["title"]  # the title is not an ingest field
    assert {name: getattr(read, name) for name in fields} == fields


@pytest.mark.django_db
def test_a_signed_gif_comes_untouched_with_an_xmp_sidecar(journalist_client, tmp_path):
    signed = sign_jpeg(rich_gif(tmp_path).read_bytes(), mime_type="image/gif", title="s.gif")
    assert b"C2PA_GIF" in signed
    asset = catalogue_asset(signed)
    original, sidecar = signed_download(journalist_client, asset, "gif", tmp_path)
    assert original == signed
    assert validation(original, "image/gif")[0] == "Valid"
    read = exiftool(sidecar)
    assert read["XMP-dc:Title"] == CATALOGUE["dc:title"]
    assert read["XMP-dc:Title-fr"] == "Ancien titre"  # built on the file's own packet


@pytest.mark.django_db
def test_a_file_that_is_not_a_gif_is_refused_with_a_message(journalist_client):
    asset = catalogue_asset(b"GIF")
    response = download(journalist_client, asset)
    assert response.status_code == 422
    assert b"Damaged GIF" in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("cut", [20, 200, -40])
def test_a_cut_short_gif_comes_untouched_with_a_sidecar(cut, journalist_client, tmp_path):
    data = rich_gif(tmp_path).read_bytes()
    damaged = data[:cut]
    response = download(journalist_client, catalogue_asset(damaged))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"


@pytest.mark.parametrize("seed", range(4))
def test_bytes_flipped_never_crash(seed, tmp_path):
    """Bytes flipped anywhere: merged (with every frame), or refused with ValueError."""
    data = rich_gif(tmp_path).read_bytes()
    rng = random.Random(seed)
    for _ in range(100):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 6)):
            damaged[rng.randrange(0, len(data))] = rng.randrange(256)
        try:
            merge_into_gif(bytes(damaged), CATALOGUE)
        except (DamagedGIF, UnsafeMetadata):
            pass
