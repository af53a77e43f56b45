"""TIFF downloads with credit and caption: a new IFD0 appended, nothing in the file moved.

exiftool is the reference reader, as in test_downloads: every tag it reads before the merge is
still there after it, unchanged unless the catalogue set it. The download is the original
from byte 8 on, byte for byte (so every strip, tile and directory), then the new values and
IFD0; the header points at it, and the new IFD0 has every entry of the old one.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import struct
from pathlib import Path

import pytest
from PIL import Image

from archive.preservation.tiff import (
    IPTC_TAG,
    XMP_TAG,
    DamagedTIFF,
    merge_into_tiff,
    read_directory,
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

CHANGED_TAGS = {XMP_TAG, IPTC_TAG, 34377, 270, 315, 33432}  # what a merge may set


def tiff_bytes(seed: str, size=(96, 64), **options) -> bytes:
    buffer = io.BytesIO()
    picture(seed, size).save(buffer, "TIFF", **options)
    return buffer.getvalue()


def rich_tiff(tmp_path: Path, *, digest: bool = False) -> Path:
    """An LZW TIFF with EXIF, GPS, IPTC and XMP from exiftool (and a Photoshop IPTC digest)."""
    path = tmp_path / "rich.tif"
    path.write_bytes(tiff_bytes("tiff-rich", compression="tiff_lzw"))
    exiftool_write(
        path,
        "-EXIF:Artist=Old Artist",
        "-EXIF:ImageDescription=Old caption",
        "-EXIF:Make=Fujifilm",
        "-EXIF:DateTimeOriginal=2026:05:03 10:11:12",
        "-GPS:GPSLatitude=48.649",
        "-GPS:GPSLatitudeRef=N",
        "-IPTC:ObjectName=Old title",
        "-IPTC:City=Saint-Malo",
        "-IPTC:Keywords=old",
        "-IPTC:SpecialInstructions=Embargo until noon",
        "-XMP-dc:Title=Old title",
        "-XMP-dc:Title-fr=Ancien titre",
        "-XMP-iptcExt:Event=Harbour rescue",
        "-XMP-plus:LicensorName=Ouest Photo",
        "-XMP-photoshop:City=Saint-Malo",
    )
    if digest:  # of the IPTC as written: a command of its own
        exiftool_write(path, "-IPTCDigest=new")
    return path


def big_endian_tiff(width: int = 16, height: int = 8) -> bytes:
    """A small grey TIFF in Motorola byte order (Pillow writes only Intel's)."""
    pixels = bytes(random.Random(3).randrange(256) for _ in range(width * height))
    entries = [
        (256, 3, 1, struct.pack(">HH", width, 0)),
        (257, 3, 1, struct.pack(">HH", height, 0)),
        (258, 3, 1, struct.pack(">HH", 8, 0)),
        (259, 3, 1, struct.pack(">HH", 1, 0)),
        (262, 3, 1, struct.pack(">HH", 1, 0)),
        (273, 4, 1, struct.pack(">I", 8)),
        (277, 3, 1, struct.pack(">HH", 1, 0)),
        (278, 3, 1, struct.pack(">HH", height, 0)),
        (279, 4, 1, struct.pack(">I", len(pixels))),
    ]
    ifd = struct.pack(">H", len(entries))
    ifd += b"".join(
        struct.pack(">HHI", tag, kind, count) + field for tag, kind, count, field in entries
    )
    ifd += b"\x00\x00\x00\x00"
    return b"MM\x00*" + struct.pack(">I", 8 + len(pixels)) + pixels + ifd


def catalogue_asset(data: bytes, **fields):
    return catalogued_as(data, format="tiff", mime_type="image/tiff", **fields)


def entries(data: bytes) -> dict[int, tuple]:
    directory = read_directory(io.BytesIO(data), len(data), 64 * 1024)
    return {entry.tag: (entry.kind, entry.count, entry.field) for entry in directory.entries}


def report(name: str, before: dict, after: dict) -> None:
    kept = len(set(tags(before)) & set(tags(after)))
    print(f"\n{name}: {len(tags(before))} tags before, {len(tags(after))} after, {kept} kept")  # noqa: T201


def rewritten_part(data: bytes) -> list[tuple[int, int]]:
    """Where the file's IFD0 and the values of the tags a merge may set are (start, end)."""
    directory = read_directory(io.BytesIO(data), len(data), 64 * 1024)
    parts = [(directory.offset, directory.offset + 6 + 12 * len(directory.entries))]
    for entry in directory.entries:
        if entry.tag in CHANGED_TAGS and entry.size > 4:
            at = struct.unpack(directory.order + "I", entry.field)[0]
            parts.append((at, at + entry.size))
    return sorted(parts)


def assert_appended(data: bytes, merged: bytes) -> None:
    """Nothing moved: the original from byte 8 on (but for IFD0 and the metadata values when
    they end the file: written again), then the new IFD0 with every old entry."""
    kept = 8 + len(os.path.commonprefix([data[8:], merged[8:]]))
    if kept < len(data):  # what was not kept is IFD0 and metadata values, a pad byte apart
        covered = kept
        for start, end in rewritten_part(data):
            if end > covered:
                assert start <= covered + 1, f"bytes {covered} to {start} dropped"
                covered = end
        assert covered == len(data)
    old, new = entries(data), entries(merged)
    assert set(old) <= set(new)
    for tag in set(old) - CHANGED_TAGS:
        assert new[tag] == old[tag], tag  # the same type, count and value or offset
    with Image.open(io.BytesIO(merged)) as after, Image.open(io.BytesIO(data)) as before:
        assert after.tobytes() == before.tobytes()


@pytest.mark.django_db
def test_a_tiff_download_keeps_every_property_entry_and_strip(journalist_client, tmp_path):
    path = rich_tiff(tmp_path)
    data = path.read_bytes()
    before = exiftool(path)
    assert before["IPTC:ObjectName"] == "Old title" and before["IFD0:Artist"] == "Old Artist"
    asset = catalogue_asset(data)
    response = download(journalist_client, asset)
    assert response.status_code == 200 and response["Content-Type"] == "image/tiff"
    assert response["Content-Disposition"].endswith(f'asset-{asset.pk}-original.tif"')
    merged = b"".join(response.streaming_content)
    assert int(response["Content-Length"]) == len(merged)
    (tmp_path / "merged.tif").write_bytes(merged)
    after = exiftool(tmp_path / "merged.tif")
    assert_lossless(before, after)
    assert_reads_back(before, after, CATALOGUE)  # XMP, IPTC and IFD0
    report(path.name, before, after)
    assert "ExifTool:Warning" not in after
    assert_one_truth(tmp_path / "merged.tif", CATALOGUE)
    assert after["XMP-dc:Title-fr"] == "Ancien titre"
    assert after["IPTC:SpecialInstructions"] == "Embargo until noon"
    assert (
        after["IFD0:Make"] == "Fujifilm" and after["GPS:GPSLatitude"] == before["GPS:GPSLatitude"]
    )
    assert_appended(data, merged)


def test_the_iptc_digest_is_kept_current(tmp_path):
    path = rich_tiff(tmp_path, digest=True)
    read = exiftool(path, "-IPTCDigest", "-CurrentIPTCDigest")
    assert read["Photoshop:IPTCDigest"] == read["File:CurrentIPTCDigest"]
    merged = tmp_path / "merged.tif"
    merged.write_bytes(merge_into_tiff(path.read_bytes(), CATALOGUE))
    after = exiftool(merged, "-IPTCDigest", "-CurrentIPTCDigest", "-Warning")
    assert (
        after["Photoshop:IPTCDigest"]
        == after["File:CurrentIPTCDigest"]
        != read["File:CurrentIPTCDigest"]
    )
    assert "ExifTool:Warning" not in after
    before, now = exiftool(path), exiftool(merged)
    assert_lossless(before, now)
    report("rich-with-digest.tif", before, now)


def test_a_tiff_without_metadata_gains_xmp_and_ifd0_text_but_no_iptc(tmp_path):
    data = tiff_bytes("plain")
    merged = merge_into_tiff(data, CATALOGUE)
    (tmp_path / "before.tif").write_bytes(data)
    (tmp_path / "merged.tif").write_bytes(merged)
    before, after = exiftool(tmp_path / "before.tif"), exiftool(tmp_path / "merged.tif")
    assert_lossless(before, after)
    after_ifd0 = {key for key in after if key.startswith("IFD0:")}
    assert {"IFD0:ImageDescription", "IFD0:Artist", "IFD0:Copyright"} <= after_ifd0
    assert_reads_back(before, after, CATALOGUE)  # no IPTC made up
    report("plain.tif", before, after)
    assert_appended(data, merged)


def test_every_page_of_a_multipage_tiff_is_kept(tmp_path):
    buffer = io.BytesIO()
    pages = [picture("page-2", (40, 30)), picture("page-3", (20, 10))]
    picture("page-1", (64, 48)).save(buffer, "TIFF", save_all=True, append_images=pages)
    path = tmp_path / "pages.tif"
    path.write_bytes(buffer.getvalue())
    exiftool_write(path, "-XMP-dc:Title=Old title")
    data = path.read_bytes()
    merged = merge_into_tiff(data, CATALOGUE)
    (tmp_path / "merged.tif").write_bytes(merged)
    before, after = exiftool(path), exiftool(tmp_path / "merged.tif")
    assert_lossless(before, after)  # IFD1 and IFD2 (the other pages) read the same
    assert {key for key in after if key.startswith("IFD2:")}
    report(path.name, before, after)
    assert_appended(data, merged)
    with Image.open(io.BytesIO(merged)) as image:
        assert image.n_frames == 3


def test_a_big_endian_tiff(tmp_path):
    data = big_endian_tiff()
    merged = merge_into_tiff(data, CATALOGUE)
    (tmp_path / "before.tif").write_bytes(data)
    (tmp_path / "merged.tif").write_bytes(merged)
    before, after = exiftool(tmp_path / "before.tif"), exiftool(tmp_path / "merged.tif")
    assert after["File:ExifByteOrder"].startswith("Big-endian")
    assert_lossless(before, after)
    assert_reads_back(before, after, CATALOGUE)
    assert_appended(data, merged)


def test_merging_a_download_again_changes_no_value(tmp_path):
    data = rich_tiff(tmp_path).read_bytes()
    once = merge_into_tiff(data, CATALOGUE)
    twice = merge_into_tiff(once, CATALOGUE)
    assert twice == once  # the same bytes: it does not grow
    (tmp_path / "once.tif").write_bytes(once)
    (tmp_path / "twice.tif").write_bytes(twice)
    assert tags(exiftool(tmp_path / "once.tif")) == tags(exiftool(tmp_path / "twice.tif"))


def downloaded(client, asset) -> bytes:
    response = download(client, asset)
    assert response.status_code == 200 and response["Content-Type"] == "image/tiff"
    return b"".join(response.streaming_content)


@pytest.mark.django_db
@pytest.mark.parametrize("make", ["rich", "plain", "big-endian", "pages"])
def test_a_download_uploaded_and_downloaded_again_keeps_its_size(make, journalist_client, tmp_path):
    """Downloaded, ingested again, downloaded again (twice): the same bytes and every property
    kept; downloaded with a changed catalogue: only the metadata values differ."""
    from archive.ingest.pipeline import ingest_file

    if make == "rich":
        data = rich_tiff(tmp_path).read_bytes()
    elif make == "big-endian":
        data = big_endian_tiff()
    elif make == "pages":
        buffer = io.BytesIO()
        pages = [picture("p2", (40, 30)), picture("p3", (20, 10))]
        picture("p1", (64, 48)).save(buffer, "TIFF", save_all=True, append_images=pages)
        data = buffer.getvalue()
    else:
        data = tiff_bytes("plain")
    first = downloaded(journalist_client, catalogue_asset(data))
    again = ingest_file(first, filename="again.tif").asset
    second = downloaded(journalist_client, again)
    # Ingest reads more than the first catalogue held (the file's City as a location shown),
    # which the second download writes: that much longer, not by a copy of the metadata.
    assert abs(len(second) - len(first)) < 300
    third = downloaded(journalist_client, ingest_file(second, filename="third.tif").asset)
    assert third == second  # from now on the same bytes, whatever the round trips
    (tmp_path / "second.tif").write_bytes(second)
    (tmp_path / "third.tif").write_bytes(third)
    before = tags(exiftool(tmp_path / "second.tif"))
    assert tags(exiftool(tmp_path / "third.tif")) == before
    # Edited in the catalogue: the metadata is written again in place, not grown by a copy.
    again.title, again.description = "A new title", "A new caption, longer than the old one."
    again.save()
    edited = downloaded(journalist_client, again)
    (tmp_path / "edited.tif").write_bytes(edited)
    after = tags(exiftool(tmp_path / "edited.tif"))
    assert after["XMP-dc:Title"] == "A new title" and set(after) == set(before)
    assert abs(len(edited) - len(second)) < 200  # the new text, not a second copy
    assert_appended(second, edited)
    for size in (len(data), len(first), len(second), len(third), len(edited)):
        print(f"{make}: {size} bytes")  # noqa: T201


def damaged_files(data: bytes) -> list[tuple[bytes, str]]:
    ifd0 = int.from_bytes(data[4:8], "little")
    outside = data[:4] + struct.pack("<I", len(data) + 10) + data[8:]
    xmp_entry = data.index(struct.pack("<HH", XMP_TAG, 1), ifd0)
    far = bytearray(data)
    far[xmp_entry + 8 : xmp_entry + 12] = struct.pack("<I", len(data) * 2)
    return [
        (outside, "first directory is outside the file"),
        (bytes(far), "tag 700 points outside the file"),
        (data[: ifd0 + 20], "cut short"),
    ]


@pytest.mark.django_db
def test_a_damaged_tiff_is_refused_with_a_message(journalist_client, tmp_path):
    data = rich_tiff(tmp_path).read_bytes()
    for damaged, says in damaged_files(data):
        with pytest.raises(DamagedTIFF, match=says):
            merge_into_tiff(damaged, CATALOGUE)
        response = download(journalist_client, catalogue_asset(damaged))
        assert response.status_code == 422
        message = response.content.decode()
        assert "cannot carry the catalogue's metadata" in message and says in message


@pytest.mark.parametrize("seed", range(3))
def test_bytes_flipped_in_the_header_and_ifd0_never_crash(seed, tmp_path):
    data = rich_tiff(tmp_path).read_bytes()
    ifd0 = int.from_bytes(data[4:8], "little")
    rng = random.Random(seed)
    for _ in range(100):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            at = rng.choice([rng.randrange(8), rng.randrange(ifd0, len(data))])
            damaged[at] = rng.randrange(256)
        try:
            merged = merge_into_tiff(bytes(damaged), CATALOGUE)
        except ValueError:
            continue
        assert merged[8 : len(data)] == bytes(damaged[8:])


@pytest.mark.django_db
def test_a_signed_tiff_comes_untouched_with_an_xmp_sidecar(journalist_client, tmp_path):
    signed = sign_jpeg(rich_tiff(tmp_path).read_bytes(), mime_type="image/tiff", title="s.tif")
    assert validation(signed, "image/tiff") == ("Valid", {"signingCredential.untrusted"})
    asset = catalogue_asset(signed)
    original, sidecar = signed_download(journalist_client, asset, "tif", tmp_path)
    assert original == signed
    read = exiftool(sidecar)
    assert_reads_back({}, read, CATALOGUE)
    assert read["XMP-dc:Title-fr"] == "Ancien titre"  # the file's own packet, kept
    assert as_list(read["XMP-plus:Licensor"])[0]["LicensorName"] == "Ouest Photo"


@pytest.mark.django_db
def test_a_bigtiff_comes_untouched_with_a_sidecar(journalist_client):
    bigtiff = b"II+\x00\x08\x00\x00\x00" + b"\x10" + b"\x00" * 40
    with pytest.raises(UnsafeMetadata, match="BigTIFF"):
        merge_into_tiff(bigtiff, CATALOGUE)
    response = download(journalist_client, catalogue_asset(bigtiff))
    assert response["Content-Type"] == "application/zip"


@pytest.mark.django_db
def test_a_tiff_is_streamed_in_bounded_reads(journalist_client, bounded_storage, tmp_path):  # noqa: F811
    """Only the header, IFD0 and metadata are read before sending; the strips stream."""
    size = (1200, 900)
    noise = Image.frombytes("RGB", size, random.Random(7).randbytes(size[0] * size[1] * 3))
    buffer = io.BytesIO()
    noise.save(buffer, "TIFF")
    data = buffer.getvalue()
    asset = catalogue_asset(data)
    expected = merge_into_tiff(data, CATALOGUE)
    response = download(journalist_client, asset)
    (handle,) = bounded_storage.opened
    read_before_sending = handle.read_bytes
    assert response.status_code == 200 and response["Content-Type"] == "image/tiff"
    length, digest = consume(response)
    assert read_before_sending < 2**16
    assert handle.closed_by_response
    assert length == len(expected) == int(response["Content-Length"])
    assert digest == hashlib.sha256(expected).hexdigest()
