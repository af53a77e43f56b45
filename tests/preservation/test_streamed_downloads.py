"""Streamed downloads: the same bytes as a merge of the whole file, never the whole file read.

The expected download is made the old way, from the whole file in memory: ``merge_into_jpeg``
(unchanged) or, when it refuses, the original and ``sidecar`` of the whole file in a ZIP.
"""

from __future__ import annotations

import hashlib
import io
import random
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from django.urls import reverse
from PIL import Image

from archive.preservation.downloads import (
    CHUNK,
    catalogue_values,
    download_with_metadata,
    read_jpeg_head,
    sidecar,
)
from archive.preservation.jpeg import merge_into_jpeg, split_jpeg
from archive.preservation.xmp import UnsafeMetadata
from tests.c2pa_signing import sign_jpeg
from tests.factories import AssetFactory, CreditFactory, jpeg_bytes
from tests.ingest.test_storage_s3 import s3_server, s3_storage  # noqa: F401

FIXTURES = Path(__file__).parent.parent / "fixtures"
REAL_FILES = sorted((FIXTURES / "metadata").glob("*.jpg"))
BROKEN_XMP = b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta xmlns:x='adobe:ns:meta/'><b></x:xmpmeta>"


class BoundedReads:
    """A stored file that fails any read without a size (or over ``limit``) and counts bytes."""

    def __init__(self, handle, limit: int = CHUNK) -> None:
        self.handle = handle
        self.limit = limit
        self.read_bytes = 0
        self.closed_by_response = False

    def read(self, size=-1):
        assert size is not None and 0 <= size <= self.limit, f"read({size!r})"
        data = self.handle.read(size)
        self.read_bytes += len(data)
        return data

    def seek(self, *arguments):
        return self.handle.seek(*arguments)

    @property
    def size(self):
        return self.handle.size

    def close(self):
        self.closed_by_response = True
        self.handle.close()

    def __iter__(self):
        raise AssertionError("iterating a file reads it by lines, unbounded")


class BoundedStorage:
    """The default storage, with every opened file wrapped in ``BoundedReads``."""

    def __init__(self, storage) -> None:
        self.storage = storage
        self.opened: list[BoundedReads] = []

    def open(self, name, mode="rb"):
        handle = BoundedReads(self.storage.open(name, mode))
        self.opened.append(handle)
        return handle

    def __getattr__(self, name):
        return getattr(self.storage, name)


@pytest.fixture
def bounded_storage(monkeypatch):
    from archive.web import views

    storage = BoundedStorage(views.default_storage)
    monkeypatch.setattr(views, "default_storage", storage)
    return storage


def old_download(data: bytes, values: dict, name: str) -> tuple[str, bytes | dict]:
    """What the whole-file download gave: the merged JPEG, or the ZIP's members."""
    try:
        return "image/jpeg", merge_into_jpeg(data, values)
    except ValueError:
        return "application/zip", {f"{name}.jpg": data, f"{name}.xmp": sidecar(data, values)}


def streamed(asset, data: bytes) -> tuple[str, bytes | dict]:
    handle = BoundedReads(io.BytesIO(data))
    download = download_with_metadata(asset, "original", handle, size=len(data))
    body = b"".join(download.chunks)
    download.chunks.close()
    assert handle.closed_by_response
    if download.content_type == "image/jpeg":
        assert download.length == len(body)
        return download.content_type, body
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert archive.testzip() is None
        return download.content_type, {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture
def catalogued(db):
    return AssetFactory(
        title="Rescue at the harbour",
        description="Firefighters lift a man from the water in Saint-Malo, 3 May.",
        credit=CreditFactory(name="OUEST PHOTO"),
        creator="Anne Lefèvre; Tom Ng",
        copyright_notice="© Ouest Photo 2026",
        keywords=["rescue", "harbour"],
    )


def some_files() -> list[bytes]:
    signed = sign_jpeg(
        (FIXTURES / "metadata" / "frameright__IPTC-PhotometadataRef-Std2021.1.jpg").read_bytes()
    )
    plain = jpeg_bytes("plain", (64, 48))
    broken = plain[:2] + b"\xff\xe1" + (len(BROKEN_XMP) + 2).to_bytes(2, "big") + BROKEN_XMP
    broken += plain[2:]
    fill_bytes = plain[:2] + b"\xff\xff\xff" + plain[2:]  # fill bytes before a marker
    return [path.read_bytes() for path in REAL_FILES] + [signed, plain, broken, fill_bytes]


@pytest.mark.django_db
def test_a_streamed_download_is_the_whole_file_download_byte_for_byte(catalogued):
    values = catalogue_values(catalogued)
    name = f"asset-{catalogued.pk}-original"
    kinds = set()
    for data in some_files():
        expected = old_download(data, values, name)
        assert streamed(catalogued, data) == expected
        kinds.add(expected[0])
    assert kinds == {"image/jpeg", "application/zip"}  # both paths were compared


@pytest.mark.django_db
@pytest.mark.parametrize("path", REAL_FILES[:3], ids=lambda p: p.stem)
def test_damaged_headers_stream_as_the_whole_file_would(catalogued, path):
    """Bytes flipped before the picture data: the head read stops where the merge would."""
    values = catalogue_values(catalogued)
    name = f"asset-{catalogued.pk}-original"
    data = path.read_bytes()
    scan = data.find(b"\xff\xda")
    rng = random.Random(path.name)
    for _ in range(40):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 6)):
            damaged[rng.randrange(2, scan)] = rng.randrange(256)
        assert streamed(catalogued, bytes(damaged)) == old_download(bytes(damaged), values, name)


def test_only_the_segments_before_the_picture_data_are_read():
    data = jpeg_bytes("head", (400, 300))
    segments, rest = split_jpeg(data)
    handle = BoundedReads(io.BytesIO(data))
    head = read_jpeg_head(handle)
    assert split_jpeg(head)[0] == segments
    assert len(head) == len(data) - len(rest) + 4  # the scan's marker and length, no more
    assert handle.read_bytes == len(head)


def test_metadata_beyond_the_limit_is_refused_not_read():
    data = jpeg_bytes("limit")
    payload = b"x" * 60000
    padded = data[:2] + (b"\xff\xe2" + (len(payload) + 2).to_bytes(2, "big") + payload) * 5
    handle = BoundedReads(io.BytesIO(padded + data[2:]))
    with pytest.raises(UnsafeMetadata):
        read_jpeg_head(handle, limit=200_000)
    assert handle.read_bytes <= 200_000


@pytest.fixture(scope="module")
def big_jpeg() -> bytes:
    """A 30 MB JPEG: noise does not compress."""
    size = (3200, 2400)
    picture = Image.frombytes("RGB", size, random.Random(30).randbytes(size[0] * size[1] * 3))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=100, subsampling=0)
    data = buffer.getvalue()
    assert len(data) > 30 * 2**20
    return data


def consume(response) -> tuple[int, str]:
    """Send the response (as a server would), keeping only its length and hash."""
    length, digest = 0, hashlib.sha256()
    for chunk in response.streaming_content:
        length += len(chunk)
        digest.update(chunk)
    return length, digest.hexdigest()


@pytest.mark.django_db
def test_a_big_original_is_streamed_in_bounded_reads(
    big_jpeg, catalogued, journalist_client, bounded_storage
):
    asset = AssetFactory(jpeg=big_jpeg, title="Big", credit=catalogued.credit)
    expected = merge_into_jpeg(big_jpeg, catalogue_values(asset))
    url = reverse("archive:asset-download", args=[asset.pk, "original"])
    tracemalloc.start()
    try:
        response = journalist_client.get(url)
        (handle,) = bounded_storage.opened
        read_before_sending = handle.read_bytes
        assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
        assert response.streaming
        length, digest = consume(response)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert read_before_sending < 2**20  # the header segments, not the picture
    assert handle.read_bytes == len(big_jpeg) and handle.closed_by_response
    assert length == len(expected) == int(response["Content-Length"])
    assert digest == hashlib.sha256(expected).hexdigest()
    assert peak < 8 * 2**20, f"peak {peak / 2**20:.1f} MB for a 30 MB file"


@pytest.mark.django_db
def test_a_big_original_that_cannot_be_merged_is_zipped_as_it_is_read(
    big_jpeg, journalist_client, bounded_storage, tmp_path
):
    data = big_jpeg[:2] + b"\xff\xe1" + (len(BROKEN_XMP) + 2).to_bytes(2, "big") + BROKEN_XMP
    data += big_jpeg[2:]
    asset = AssetFactory(jpeg=data, title="Broken XMP, big")
    response = journalist_client.get(reverse("archive:asset-download", args=[asset.pk, "original"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert response.streaming and not response.has_header("Content-Length")
    (handle,) = bounded_storage.opened
    path = tmp_path / "download.zip"
    with path.open("wb") as out:
        for chunk in response.streaming_content:
            out.write(chunk)
    assert handle.closed_by_response
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        assert archive.getinfo(f"asset-{asset.pk}-original.jpg").file_size == len(data)
        with archive.open(f"asset-{asset.pk}-original.jpg") as member:
            assert member.read() == data
        assert b"Broken XMP, big" in archive.read(f"asset-{asset.pk}-original.xmp")


@pytest.mark.django_db
def test_a_response_closed_unsent_closes_the_stored_file(
    catalogued, journalist_client, bounded_storage
):
    asset = AssetFactory(jpeg=(REAL_FILES[0]).read_bytes())
    response = journalist_client.get(reverse("archive:asset-download", args=[asset.pk, "original"]))
    response.close()
    (handle,) = bounded_storage.opened
    assert handle.closed_by_response


@pytest.mark.s3
@pytest.mark.django_db
def test_a_download_from_s3_streams_the_merged_file(s3_storage, journalist_client):  # noqa: F811
    from archive.ingest import ingest_file

    data = (FIXTURES / "metadata" / "nitmws__IPTC-PhotometadataRef-Std2019.1.jpg").read_bytes()
    asset = ingest_file(data, filename="s3.jpg").asset
    expected = merge_into_jpeg(data, catalogue_values(asset))
    response = journalist_client.get(reverse("archive:asset-download", args=[asset.pk, "original"]))
    assert response.status_code == 200 and response.streaming
    assert response.getvalue() == expected
    assert int(response["Content-Length"]) == len(expected)
