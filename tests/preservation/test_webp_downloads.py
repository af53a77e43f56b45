"""WebP downloads with credit and caption: the catalogue merged into the RIFF's XMP and EXIF.

exiftool is the reference reader, as in test_downloads: every tag it reads before the merge is
still there after it, unchanged unless the catalogue set it; every chunk but VP8X (whose XMP
and EXIF flags may change), EXIF and XMP is the original's, byte for byte, pad byte included.
"""

from __future__ import annotations

import hashlib
import io
import random
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from archive.ingest.metadata.reader import read_metadata
from archive.preservation.webp import (
    EXIF_FLAG,
    XMP_FLAG,
    DamagedWebP,
    merge_into_webp,
    read_layout,
)
from archive.preservation.xmp import UnsafeMetadata
from tests.c2pa_signing import sign_jpeg
from tests.factories import picture
from tests.preservation.test_downloads import (
    CATALOGUE,
    as_list,
    assert_lossless,
    assert_one_truth,
    assert_reads_back,
    exiftool,
    exiftool_write,
    tags,
)
from tests.preservation.test_downloads import catalogue_asset as catalogued_as
from tests.preservation.test_png_downloads import (
    bounded_storage,  # noqa: F401
    download,
    signed_download,
)
from tests.preservation.test_png_downloads import validation_png as validation
from tests.preservation.test_streamed_downloads import consume

ALTERED = (b"VP8X", b"EXIF", b"XMP ")  # the chunks a merge may rewrite


def chunks_of(data: bytes) -> list[tuple[bytes, bytes]]:
    """Every chunk of a whole WebP as (type, its bytes with header and pad byte)."""
    found, position, end = [], 12, 8 + int.from_bytes(data[4:8], "little")
    while position < end:
        size = int.from_bytes(data[position + 4 : position + 8], "little")
        stored = 8 + size + size % 2
        found.append((data[position : position + 4], data[position : position + stored]))
        position += stored
    return found


def riff(*chunks: tuple[bytes, bytes]) -> bytes:
    """A WebP of these (type, data) chunks, each padded, with its RIFF size right."""
    body = b"".join(
        kind + struct.pack("<I", len(data)) + data + b"\x00" * (len(data) % 2)
        for kind, data in chunks
    )
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body


def with_chunk(data: bytes, kind: bytes, payload: bytes) -> bytes:
    """``data`` with one more chunk at its end (one WebP does not know, here)."""
    return riff(
        *[(k, c[8 : 8 + int.from_bytes(c[4:8], "little")]) for k, c in chunks_of(data)],
        (kind, payload),
    )


def webp_bytes(seed: str, size=(96, 64), **options) -> bytes:
    buffer = io.BytesIO()
    picture(seed, size).save(buffer, "WEBP", **options)
    return buffer.getvalue()


def rich_webp(tmp_path: Path) -> Path:
    """An extended WebP: a colour profile, EXIF and XMP (from exiftool), an unknown chunk."""
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    path = tmp_path / "rich.webp"
    path.write_bytes(webp_bytes("webp-rich", icc_profile=srgb, quality=80))
    exiftool_write(
        path,
        "-EXIF:Artist=Old Artist",
        "-EXIF:ImageDescription=Old caption",
        "-EXIF:Copyright=Old rights",
        "-EXIF:Make=Fujifilm",
        "-EXIF:DateTimeOriginal=2026:05:03 10:11:12",
        "-GPS:GPSLatitude=48.649",
        "-GPS:GPSLatitudeRef=N",
        "-XMP-dc:Title=Old title",
        "-XMP-dc:Title-fr=Ancien titre",
        "-XMP-dc:Description=Old caption",
        "-XMP-iptcCore:AltTextAccessibility=Two firefighters on a quay",
        "-XMP-iptcExt:DigitalSourceType=http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture",
        "-XMP-iptcExt:Event=Harbour rescue",
        "-XMP-plus:LicensorName=Ouest Photo",
        "-XMP-plus:LicensorURL=https://ouest.example/",
        "-XMP-xmpRights:Marked=True",
    )
    path.write_bytes(with_chunk(path.read_bytes(), b"ABCD", b"odd"))  # 3 bytes: padded
    return path


def catalogue_asset(data: bytes, **fields):
    return catalogued_as(data, format="webp", mime_type="image/webp", **fields)


def pixels(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGBA").tobytes()


def report(name: str, before: dict, after: dict) -> None:
    kept = len(set(tags(before)) & set(tags(after)))
    print(f"\n{name}: {len(tags(before))} tags before, {len(tags(after))} after, {kept} kept")  # noqa: T201


@pytest.mark.django_db
def test_a_webp_download_keeps_every_property_and_every_other_chunk(journalist_client, tmp_path):
    path = rich_webp(tmp_path)
    data = path.read_bytes()
    before = exiftool(path)
    assert before["IFD0:Artist"] == "Old Artist" and before["XMP-dc:Title"] == "Old title"
    asset = catalogue_asset(data)
    response = download(journalist_client, asset)
    assert response.status_code == 200 and response["Content-Type"] == "image/webp"
    assert response["Content-Disposition"].endswith(f'asset-{asset.pk}-original.webp"')
    merged = b"".join(response.streaming_content)
    assert int(response["Content-Length"]) == len(merged)
    (tmp_path / "merged.webp").write_bytes(merged)
    after = exiftool(tmp_path / "merged.webp")
    assert_lossless(before, after)
    assert_reads_back(before, after, CATALOGUE)  # XMP, and EXIF IFD0 since the file has it
    report(path.name, before, after)
    assert "ExifTool:Warning" not in after
    assert_one_truth(tmp_path / "merged.webp", CATALOGUE)  # EXIF and XMP say the same
    assert after["XMP-dc:Title-fr"] == "Ancien titre"
    assert (
        after["IFD0:Make"] == "Fujifilm" and after["GPS:GPSLatitude"] == before["GPS:GPSLatitude"]
    )
    assert after["XMP-plus:Licensor"] == [
        {"LicensorName": "Ouest Photo", "LicensorURL": "https://ouest.example/"}
    ]
    # Every chunk but VP8X, EXIF and XMP is the original's, in the same order, byte for byte.
    original, downloaded = chunks_of(data), chunks_of(merged)
    assert [kind for kind, _ in downloaded] == [kind for kind, _ in original]
    for (kind, old), (_, new) in zip(original, downloaded, strict=True):
        if kind not in ALTERED:
            assert new == old, kind
    assert original[0][1][9:] == downloaded[0][1][9:]  # VP8X: the same canvas and reserved bits
    assert len(merged) == 8 + int.from_bytes(merged[4:8], "little")
    assert pixels(merged) == pixels(data)


@pytest.mark.parametrize(
    ("name", "options", "alpha"),
    [("lossy", {"quality": 70}, False), ("lossless", {"lossless": True}, False)],
)
def test_a_simple_webp_becomes_extended_with_its_canvas_from_the_bitstream(
    name, options, alpha, tmp_path
):
    data = webp_bytes(name, (101, 37), **options)
    assert chunks_of(data)[0][0] in (b"VP8 ", b"VP8L")  # simple: no VP8X
    merged = merge_into_webp(data, CATALOGUE)
    kinds = [kind for kind, _ in chunks_of(merged)]
    assert kinds == [b"VP8X", chunks_of(data)[0][0], b"XMP "]
    assert chunks_of(merged)[1] == chunks_of(data)[0]  # the bitstream, byte for byte
    vp8x = chunks_of(merged)[0][1][8:]
    assert vp8x[0] == XMP_FLAG | (0x10 if alpha else 0)
    assert int.from_bytes(vp8x[4:7], "little") + 1 == 101
    assert int.from_bytes(vp8x[7:10], "little") + 1 == 37
    (tmp_path / "before.webp").write_bytes(data)
    (tmp_path / "merged.webp").write_bytes(merged)
    before, after = exiftool(tmp_path / "before.webp"), exiftool(tmp_path / "merged.webp")
    assert "ExifTool:Warning" not in after
    assert after["File:FileType"] == "Extended WEBP"
    assert after["RIFF:ImageWidth"] == 101 and after["RIFF:ImageHeight"] == 37
    assert_reads_back(before, after, CATALOGUE)
    lost = set(tags(before)) - set(tags(after))
    assert lost == set()
    report(f"{name}.webp", before, after)
    assert pixels(merged) == pixels(data)


def test_a_lossless_webp_with_alpha_gets_the_alpha_flag(tmp_path):
    image = picture("alpha", (40, 30)).convert("RGBA")
    image.putpixel((3, 3), (10, 20, 30, 0))  # one transparent pixel
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", lossless=True)
    data = buffer.getvalue()
    assert chunks_of(data)[0][0] == b"VP8L"
    merged = merge_into_webp(data, CATALOGUE)
    assert chunks_of(merged)[0][1][8] == XMP_FLAG | 0x10
    (tmp_path / "merged.webp").write_bytes(merged)
    assert exiftool(tmp_path / "merged.webp")["RIFF:WebP_Flags"] == "XMP, Alpha"
    assert pixels(merged) == pixels(data)


def test_an_animated_webp_keeps_its_frames(tmp_path):
    buffer = io.BytesIO()
    frames = [picture("frame-2", (64, 48)), picture("frame-3", (64, 48))]
    picture("frame-1", (64, 48)).save(buffer, "WEBP", save_all=True, append_images=frames)
    path = tmp_path / "animated.webp"
    path.write_bytes(buffer.getvalue())
    exiftool_write(path, "-XMP-dc:Title=Old title", "-XMP-photoshop:City=Saint-Malo")
    data = path.read_bytes()
    merged = merge_into_webp(data, CATALOGUE)
    (tmp_path / "merged.webp").write_bytes(merged)
    before, after = exiftool(path), exiftool(tmp_path / "merged.webp")
    assert_lossless(before, after)
    assert_reads_back(before, after, CATALOGUE)
    report(path.name, before, after)
    assert after["RIFF:WebP_Flags"] == before["RIFF:WebP_Flags"]  # Animation, XMP
    old = [chunk for kind, chunk in chunks_of(data) if kind in (b"ANIM", b"ANMF")]
    new = [chunk for kind, chunk in chunks_of(merged) if kind in (b"ANIM", b"ANMF")]
    assert len(old) == 4 and new == old


def test_the_xmp_chunk_is_replaced_where_it_was_and_the_merge_is_stable(tmp_path):
    data = rich_webp(tmp_path).read_bytes()
    merged = merge_into_webp(data, CATALOGUE)
    assert [kind for kind, _ in chunks_of(merged)] == [kind for kind, _ in chunks_of(data)]
    assert merge_into_webp(merged, CATALOGUE) == merged  # merging the download again


def test_a_new_xmp_chunk_goes_after_the_picture_and_its_exif(tmp_path):
    exif = Image.Exif()
    exif[0x010F] = "Fujifilm"  # Make
    assert exif.tobytes().startswith(b"Exif\x00\x00")  # as some writers put it in a WebP
    vp8 = chunks_of(webp_bytes("exif-only", (48, 32)))[0][1][8:]
    canvas = (47).to_bytes(3, "little") + (31).to_bytes(3, "little")
    data = riff(
        (b"VP8X", bytes((EXIF_FLAG, 0, 0, 0)) + canvas),
        (b"VP8 ", vp8),
        (b"EXIF", exif.tobytes()),
        (b"ZZZZ", b"unknown to WebP"),
    )
    merged = merge_into_webp(data, CATALOGUE)
    kinds = [kind for kind, _ in chunks_of(merged)]
    assert kinds == [b"VP8X", b"VP8 ", b"EXIF", b"XMP ", b"ZZZZ"]
    assert chunks_of(merged)[0][1][8] & (EXIF_FLAG | XMP_FLAG) == EXIF_FLAG | XMP_FLAG
    assert chunks_of(merged)[2][1][8:14] == b"Exif\x00\x00"  # kept
    (tmp_path / "m.webp").write_bytes(merged)
    read = exiftool(tmp_path / "m.webp")
    assert read["IFD0:Make"] == "Fujifilm"
    assert read["IFD0:Artist"] == "; ".join(CATALOGUE["dc:creator"])
    assert read["XMP-dc:Title"] == CATALOGUE["dc:title"]


def test_a_wrong_riff_size_a_missing_last_pad_byte_and_trailing_bytes(tmp_path):
    data = with_chunk(webp_bytes("odd"), b"ABCD", b"odd")
    short = data[:-1]  # the last (odd) chunk without its pad byte
    wrong_size = short[:4] + struct.pack("<I", 10**6) + short[8:]
    merged = merge_into_webp(wrong_size, CATALOGUE)
    assert len(merged) == 8 + int.from_bytes(merged[4:8], "little")  # the RIFF size fixed
    assert [kind for kind, _ in chunks_of(merged)] == [b"VP8X", b"VP8 ", b"XMP ", b"ABCD"]
    assert chunks_of(merged)[-1][1] == b"ABCD\x03\x00\x00\x00odd\x00"  # its pad byte added
    trailing = data + b"trailing bytes after the RIFF"
    merged = merge_into_webp(trailing, CATALOGUE)
    assert merged.endswith(b"trailing bytes after the RIFF")
    assert pixels(merged) == pixels(data)


def test_only_the_chunk_headers_and_metadata_are_read(tmp_path):
    data = rich_webp(tmp_path).read_bytes()

    class Counted(io.BytesIO):
        read_bytes = 0

        def read(self, size=-1):
            assert size is not None and size >= 0
            part = super().read(size)
            Counted.read_bytes += len(part)
            return part

    layout = read_layout(Counted(data), 2**20, 64 * 1024)
    picture_size = sum(c.size for c in layout.chunks if c.kind == b"VP8 ")
    assert Counted.read_bytes < len(data) - picture_size + 20


def damaged_files(data: bytes) -> list[tuple[bytes, str]]:
    vp8 = data.index(b"VP8 ")
    return [
        (data[: vp8 + 200], "cut short inside its VP8 chunk"),
        (data[:vp8] + b"\x00\x01\x02\x03" + data[vp8 + 4 :], "no valid type"),
        (b"RIFX" + data[4:], "RIFF WEBP header"),
    ]


@pytest.mark.django_db
def test_a_damaged_webp_is_refused_with_a_message(journalist_client, tmp_path):
    data = rich_webp(tmp_path).read_bytes()
    for damaged, says in damaged_files(data):
        with pytest.raises(DamagedWebP, match=says):
            merge_into_webp(damaged, CATALOGUE)
        response = download(journalist_client, catalogue_asset(damaged))
        assert response.status_code == 422
        message = response.content.decode()
        assert "cannot carry the catalogue's metadata" in message and says in message


@pytest.mark.parametrize("seed", range(3))
def test_bytes_flipped_in_the_container_never_crash(seed, tmp_path):
    data = rich_webp(tmp_path).read_bytes()
    rng = random.Random(seed)
    for _ in range(100):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 6)):
            damaged[rng.randrange(len(data))] = rng.randrange(256)
        try:
            merged = merge_into_webp(bytes(damaged), CATALOGUE)
        except ValueError:
            continue
        assert len(merged) >= 8 + int.from_bytes(merged[4:8], "little")


@pytest.mark.django_db
def test_a_signed_webp_comes_untouched_with_an_xmp_sidecar(journalist_client, tmp_path):
    signed = sign_jpeg(
        rich_webp(tmp_path).read_bytes(), mime_type="image/webp", title="signed.webp"
    )
    assert b"C2PA" in signed
    assert validation(signed, "image/webp") == ("Valid", {"signingCredential.untrusted"})
    asset = catalogue_asset(signed)
    original, sidecar = signed_download(journalist_client, asset, "webp", tmp_path)
    assert original == signed
    read = exiftool(sidecar)
    assert_reads_back({}, read, CATALOGUE)
    assert read["XMP-dc:Title-fr"] == "Ancien titre"  # the file's own packet, kept
    assert as_list(read["XMP-plus:Licensor"])[0]["LicensorName"] == "Ouest Photo"


@pytest.mark.django_db
def test_ingesting_the_download_reads_the_catalogue(journalist_client, tmp_path):
    asset = catalogue_asset(rich_webp(tmp_path).read_bytes())
    merged = b"".join(download(journalist_client, asset).streaming_content)
    read = read_metadata(merged)
    assert read.keywords == CATALOGUE["dc:subject"]
    assert read.description == CATALOGUE["dc:description"]
    assert read.creator == "; ".join(CATALOGUE["dc:creator"])
    assert read.copyright_notice == CATALOGUE["dc:rights"]


@pytest.mark.django_db
def test_a_big_webp_is_streamed_in_bounded_reads(journalist_client, bounded_storage, tmp_path):  # noqa: F811
    """Only chunk headers and metadata are read before sending; the picture streams."""
    size = (1600, 1200)
    noise = Image.frombytes("RGB", size, random.Random(7).randbytes(size[0] * size[1] * 3))
    buffer = io.BytesIO()
    noise.save(buffer, "WEBP", lossless=True, method=0, quality=0)
    data = buffer.getvalue()
    assert len(data) > 4 * 2**20
    asset = catalogue_asset(data)
    expected = merge_into_webp(data, CATALOGUE)
    tracemalloc.start()
    try:
        response = download(journalist_client, asset)
        (handle,) = bounded_storage.opened
        read_before_sending = handle.read_bytes
        assert response.status_code == 200 and response["Content-Type"] == "image/webp"
        length, digest = consume(response)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert read_before_sending < 2**16
    assert handle.closed_by_response
    assert length == len(expected) == int(response["Content-Length"])
    assert digest == hashlib.sha256(expected).hexdigest()
    assert peak < 4 * 2**20, f"peak {peak / 2**20:.1f} MB for a {len(data) / 2**20:.0f} MB file"


@pytest.mark.django_db
def test_a_webp_of_too_many_chunks_comes_untouched_with_a_sidecar(
    journalist_client, monkeypatch, tmp_path
):
    from archive.preservation import webp

    data = rich_webp(tmp_path).read_bytes()
    monkeypatch.setattr(webp, "MAX_CHUNKS", len(chunks_of(data)) - 1)
    with pytest.raises(UnsafeMetadata, match="too many chunks"):
        merge_into_webp(data, CATALOGUE)
    response = download(journalist_client, catalogue_asset(data))
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        assert archive.read(archive.namelist()[0]) == data
