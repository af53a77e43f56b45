"""PNG downloads with credit and caption: the catalogue merged into the file's own XMP (iTXt).

exiftool is the reference reader, as in test_downloads: every tag it reads before the merge is
still there after it, unchanged unless the catalogue set it; the picture data (IDAT onwards)
and every other chunk are byte for byte the original's.
"""

from __future__ import annotations

import hashlib
import io
import random
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from PIL import Image, ImageCms, PngImagePlugin

from archive.preservation.png import (
    XMP_KEYWORD,
    DamagedPNG,
    merge_into_png,
    read_png_head,
    split_png,
)
from tests.c2pa_signing import sign_jpeg
from tests.factories import picture, png_bytes
from tests.preservation.test_downloads import (
    CATALOGUE,
    as_list,
    assert_lossless,
    assert_one_truth,
    assert_reads_back,
    exiftool,
    exiftool_write,
)
from tests.preservation.test_downloads import catalogue_asset as catalogued_as
from tests.preservation.test_streamed_downloads import BoundedStorage, consume


@pytest.fixture
def bounded_storage(monkeypatch):
    """The view's storage, counting what is read (as in test_streamed_downloads)."""
    from archive.web import views

    storage = BoundedStorage(views.default_storage)
    monkeypatch.setattr(views, "default_storage", storage)
    return storage


def chunks_of(data: bytes) -> list[tuple[bytes, bytes]]:
    """Every chunk of a whole PNG as (type, the chunk's bytes with length and CRC)."""
    found, position = [], 8
    while position < len(data):
        length = int.from_bytes(data[position : position + 4], "big")
        found.append((data[position + 4 : position + 8], data[position : position + 12 + length]))
        position += 12 + length
    return found


def picture_data(data: bytes) -> bytes:
    return split_png(data)[1]


def is_xmp(chunk: bytes) -> bool:
    return chunk[4:8] == b"iTXt" and chunk[8:].startswith(XMP_KEYWORD + b"\x00")


def rich_png(tmp_path: Path) -> Path:
    """A PNG with a colour profile, text chunks (one compressed), EXIF and XMP from exiftool."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Software", "Darkroom 3")
    info.add_text("Comment", "A long comment " * 20, zip=True)
    image = picture("png-rich", (96, 64))
    buffer = io.BytesIO()
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.save(buffer, "PNG", pnginfo=info, icc_profile=srgb)
    path = tmp_path / "rich.png"
    path.write_bytes(buffer.getvalue())
    exiftool_write(
        path,
        "-EXIF:Artist=Old Artist",
        "-EXIF:ImageDescription=Old caption",
        "-EXIF:Copyright=Old rights",
        "-XMP-dc:Title=Old title",
        "-XMP-dc:Title-fr=Ancien titre",
        "-XMP-dc:Description=Old caption",
        "-XMP-iptcCore:AltTextAccessibility=Two firefighters on a quay",
        "-XMP-iptcCore:Location=Quai Saint-Louis",
        "-XMP-iptcExt:DigitalSourceType=http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
        "-XMP-iptcExt:Event=Harbour rescue",
        "-XMP-plus:LicensorName=Ouest Photo",
        "-XMP-plus:LicensorURL=https://ouest.example/",
        "-XMP-xmpRights:Marked=True",
    )
    return path


def catalogue_asset(data: bytes, **fields):
    return catalogued_as(data, format="png", mime_type="image/png", **fields)


def download(client, asset):
    return client.get(reverse("archive:asset-download", args=[asset.pk, "original"]))


def signed_download(client, asset, extension: str, tmp_path) -> tuple[bytes, Path]:
    """Download a file that carries Content Credentials: the page offers the ZIP, which holds
    the original and its XMP sidecar. Return the original's bytes and the sidecar's path."""
    page = client.get(reverse("archive:asset-detail", args=[asset.pk])).content.decode()
    assert "Content Credentials" in page and "Original and XMP sidecar (ZIP)" in page
    response = download(client, asset)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.getvalue())) as archive:
        assert archive.namelist() == [
            f"asset-{asset.pk}-original.{extension}",
            f"asset-{asset.pk}-original.xmp",
        ]
        original = archive.read(f"asset-{asset.pk}-original.{extension}")
        sidecar = tmp_path / "s.xmp"
        sidecar.write_bytes(archive.read(f"asset-{asset.pk}-original.xmp"))
    return original, sidecar


@pytest.mark.django_db
def test_a_png_download_keeps_every_property_and_its_picture_data(journalist_client, tmp_path):
    path = rich_png(tmp_path)
    data = path.read_bytes()
    before = exiftool(path)
    assert before["IFD0:Artist"] == "Old Artist" and before["XMP-dc:Title"] == "Old title"
    asset = catalogue_asset(data)
    response = download(journalist_client, asset)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].endswith(f'asset-{asset.pk}-original.png"')
    merged = response.getvalue()
    assert int(response["Content-Length"]) == len(merged)
    (tmp_path / "merged.png").write_bytes(merged)
    after = exiftool(tmp_path / "merged.png")
    assert_lossless(before, after)
    assert_reads_back(before, after, CATALOGUE)  # XMP, and EXIF IFD0 since the file has it
    print(f"\n{path.name}: {len(before)} tags before, all kept")  # noqa: T201
    assert "ExifTool:Warning" not in after
    assert_one_truth(tmp_path / "merged.png", CATALOGUE)  # EXIF and XMP say the same
    assert after["XMP-dc:Title-fr"] == "Ancien titre"
    assert after["XMP-iptcExt:DigitalSourceType"].endswith("/trainedAlgorithmicMedia")
    assert after["XMP-plus:Licensor"] == [
        {"LicensorName": "Ouest Photo", "LicensorURL": "https://ouest.example/"}
    ]
    # The picture data (first IDAT to the end) is the original's, byte for byte ...
    assert picture_data(merged) == picture_data(data)
    # ... and so is every chunk but the XMP packet and the EXIF the catalogue set.
    original, downloaded = chunks_of(data), chunks_of(merged)
    assert [kind for kind, _ in downloaded] == [kind for kind, _ in original]
    for (kind, old), (_, new) in zip(original, downloaded, strict=True):
        if not is_xmp(old) and kind != b"eXIf":
            assert new == old, kind
    # Every CRC is right (exiftool and Pillow read it without complaint).
    with Image.open(io.BytesIO(merged)) as image:
        image.load()
        assert image.tobytes() == Image.open(path).tobytes()


@pytest.mark.django_db
def test_a_png_without_xmp_gains_one_before_its_picture_data(journalist_client, tmp_path):
    data = png_bytes("plain", (64, 48))
    asset = catalogue_asset(data)
    response = download(journalist_client, asset)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    merged = response.getvalue()
    kinds = [kind for kind, _ in chunks_of(merged)]
    assert kinds.count(b"iTXt") == 1
    assert kinds.index(b"iTXt") == kinds.index(b"IDAT") - 1
    assert picture_data(merged) == picture_data(data)
    (tmp_path / "merged.png").write_bytes(merged)
    after = exiftool(tmp_path / "merged.png")
    assert_reads_back({}, after, CATALOGUE)
    assert "ExifTool:Warning" not in after
    assert not any(key.startswith("IFD0:") for key in after)  # no EXIF is made up


def test_the_xmp_chunk_is_replaced_where_it_was_and_only_once(tmp_path):
    path = rich_png(tmp_path)
    data = path.read_bytes()
    merged = merge_into_png(data, CATALOGUE)
    old = [kind for kind, chunk in chunks_of(data)]
    new = chunks_of(merged)
    assert [kind for kind, _ in new] == old
    assert sum(is_xmp(chunk) for _, chunk in new) == 1
    # Merging the download again changes nothing: the catalogue already reads back.
    assert chunks_of(merge_into_png(merged, CATALOGUE)) == new


def test_a_compressed_xmp_chunk_is_read_and_written_back_uncompressed(tmp_path):
    packet = (
        b"<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
        b"xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description "
        b"xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/' "
        b"photoshop:City='Saint-Malo'/></rdf:RDF></x:xmpmeta>"
    )
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", packet.decode(), zip=True)
    buffer = io.BytesIO()
    picture("zipped", (32, 24)).save(buffer, "PNG", pnginfo=info)
    (before,) = [chunk for _, chunk in chunks_of(buffer.getvalue()) if is_xmp(chunk)]
    assert before[8 + len(XMP_KEYWORD) + 1] == 1  # Pillow compressed it
    merged = merge_into_png(buffer.getvalue(), CATALOGUE)
    (tmp_path / "m.png").write_bytes(merged)
    read = exiftool(tmp_path / "m.png")
    assert read["XMP-photoshop:City"] == "Saint-Malo"
    assert read["XMP-dc:Title"] == CATALOGUE["dc:title"]
    (xmp,) = [chunk for _, chunk in chunks_of(merged) if is_xmp(chunk)]
    assert xmp[8 + len(XMP_KEYWORD) + 1] == 0  # the compression flag


def crc_damaged(data: bytes, kind: bytes) -> bytes:
    at = data.index(kind) + 4  # the chunk's data
    damaged = bytearray(data)
    damaged[at] ^= 0xFF
    return bytes(damaged)


@pytest.mark.django_db
def test_a_damaged_png_is_refused_with_a_message(journalist_client, tmp_path):
    data = rich_png(tmp_path).read_bytes()
    bad_crc = crc_damaged(data, b"tEXt")
    truncated = data[: data.index(b"IDAT") - 20]
    for damaged, says in [(bad_crc, "checksum (CRC) of its tEXt chunk"), (truncated, "ends")]:
        with pytest.raises(DamagedPNG):
            merge_into_png(damaged, CATALOGUE)
        response = download(journalist_client, catalogue_asset(damaged))
        assert response.status_code == 422
        message = response.content.decode()
        assert "cannot carry the catalogue's metadata" in message and says in message


@pytest.mark.parametrize("seed", range(3))
def test_bytes_flipped_before_the_picture_data_never_crash(seed, tmp_path):
    data = rich_png(tmp_path).read_bytes()
    head = data.index(b"IDAT")
    rng = random.Random(seed)
    for _ in range(100):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 6)):
            damaged[rng.randrange(8, head)] = rng.randrange(256)
        try:
            merged = merge_into_png(bytes(damaged), CATALOGUE)
        except ValueError:
            continue
        assert picture_data(merged) == picture_data(bytes(damaged))


def test_only_the_chunks_before_the_picture_data_are_read(tmp_path):
    data = rich_png(tmp_path).read_bytes()
    handle = io.BytesIO(data)
    head = read_png_head(handle, 16 * 2**20, 64 * 1024)
    assert handle.tell() == len(head) == data.index(b"IDAT") + 4
    assert split_png(head)[0] == split_png(data)[0]


@pytest.mark.django_db
def test_a_signed_png_comes_untouched_with_an_xmp_sidecar(journalist_client, tmp_path):
    signed = sign_jpeg(rich_png(tmp_path).read_bytes(), mime_type="image/png", title="signed.png")
    assert b"caBX" in signed
    assert validation_png(signed) == ("Valid", {"signingCredential.untrusted"})
    asset = catalogue_asset(signed)
    original, sidecar = signed_download(journalist_client, asset, "png", tmp_path)
    assert original == signed
    assert validation_png(original) == ("Valid", {"signingCredential.untrusted"})
    read = exiftool(sidecar)
    assert_reads_back({}, read, CATALOGUE)
    assert read["XMP-dc:Title-fr"] == "Ancien titre"  # the file's own packet, kept
    assert as_list(read["XMP-plus:Licensor"])[0]["LicensorName"] == "Ouest Photo"


def validation_png(data: bytes, mime_type: str = "image/png") -> tuple[str, set[str]]:
    import json

    import c2pa

    store = json.loads(c2pa.Reader(mime_type, io.BytesIO(data)).json())
    codes = {status["code"] for status in store.get("validation_status", [])}
    return store.get("validation_state", ""), codes


@pytest.mark.django_db
def test_png_downloads_are_for_the_roles_that_download_originals(
    role_users, archivist_client, tmp_path
):
    asset = catalogue_asset(png_bytes("roles", (32, 24)))
    url = reverse("archive:asset-download", args=[asset.pk, "original"])
    assert Client().get(url).status_code == 302  # to the login page
    auditor = Client()
    auditor.force_login(role_users["auditor"])
    assert auditor.get(url).status_code == 403
    journalist = Client()
    journalist.force_login(role_users["journalist"])
    assert journalist.get(url)["Content-Type"] == "image/png"
    assert archivist_client.get(url)["Content-Type"] == "image/png"
    page = journalist.get(reverse("archive:asset-detail", args=[asset.pk])).content.decode()
    assert "Original with credit and caption (XMP)" in page


@pytest.mark.django_db
def test_a_big_png_is_streamed_in_bounded_reads(journalist_client, bounded_storage, tmp_path):
    """Only the chunks before the picture data are read before sending; the rest streams."""
    size = (2400, 1800)
    noise = Image.frombytes("RGB", size, random.Random(7).randbytes(size[0] * size[1] * 3))
    buffer = io.BytesIO()
    noise.save(buffer, "PNG", compress_level=1)
    data = buffer.getvalue()
    assert len(data) > 12 * 2**20
    asset = catalogue_asset(data)
    expected = merge_into_png(data, CATALOGUE)
    tracemalloc.start()
    try:
        response = download(journalist_client, asset)
        (handle,) = bounded_storage.opened
        read_before_sending = handle.read_bytes
        assert response.status_code == 200 and response["Content-Type"] == "image/png"
        length, digest = consume(response)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert read_before_sending < 2**20
    assert handle.read_bytes == len(data) and handle.closed_by_response
    assert length == len(expected) == int(response["Content-Length"])
    assert digest == hashlib.sha256(expected).hexdigest()
    assert peak < 8 * 2**20, f"peak {peak / 2**20:.1f} MB for a {len(data) / 2**20:.0f} MB file"
