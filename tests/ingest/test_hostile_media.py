"""Hostile media: videos whose header lies about their length, pictures that declare huge sizes."""

from __future__ import annotations

import struct

import pytest

from archive.ingest import CREATED, REJECTED, ingest_file
from archive.models import Asset
from tests.factories import video_bytes

pytestmark = pytest.mark.django_db


def stored_files(root) -> list:
    return [path for path in root.rglob("*") if path.is_file()]


def mp4_declaring(data: bytes, seconds: float) -> bytes:
    """Rewrite an MP4's declared durations (mvhd, tkhd, mdhd) to ``seconds``; frames untouched."""
    data = bytearray(data)
    movie_timescale = 1000

    def walk(start: int, end: int) -> None:
        nonlocal movie_timescale
        offset = start
        while offset + 8 <= end:
            size, kind = struct.unpack(">I4s", data[offset : offset + 8])
            if size < 8:
                return
            if kind in (b"moov", b"trak", b"mdia"):
                walk(offset + 8, offset + size)
            elif kind in (b"mvhd", b"mdhd", b"tkhd"):
                version, body = data[offset + 8], offset + 12
                if kind == b"tkhd":  # created, modified, track id, reserved, duration
                    timescale, at = movie_timescale, body + (16 if version == 0 else 24)
                else:  # created, modified, timescale, duration
                    at = body + (8 if version == 0 else 16)
                    timescale = struct.unpack(">I", data[at : at + 4])[0]
                    at += 4
                    if kind == b"mvhd":
                        movie_timescale = timescale
                packed = struct.pack(">I" if version == 0 else ">Q", int(timescale * seconds))
                data[at : at + len(packed)] = packed
            offset += size

    walk(0, len(data))
    return bytes(data)


def matroska_declaring(data: bytes, value: float) -> bytes:
    """Rewrite a Matroska/WebM segment's Duration element (an 8-byte float, in milliseconds)."""
    at = data.find(b"\x44\x89\x88")
    assert at > 0, "no 8-byte Duration element"
    return data[: at + 3] + struct.pack(">d", value) + data[at + 11 :]


@pytest.fixture
def two_second_limit(settings):
    settings.ARCHIVE_MAX_VIDEO_SECONDS = 2


def four_seconds(container: str = "mp4") -> bytes:
    codec = "libx264" if container in ("mp4", "matroska") else "libvpx"
    return video_bytes(seconds=4, fps=5, size=(64, 64), container=container, codec=codec)


def test_an_mp4_declaring_1_s_over_4_s_of_frames_is_measured_and_refused(
    two_second_limit, media_storage
):
    lying = mp4_declaring(four_seconds(), 1.0)
    result = ingest_file(lying, filename="short-header.mp4")
    assert result.status == REJECTED
    assert "the limit is 2 s" in result.reason
    assert not Asset.objects.exists() and stored_files(media_storage) == []


@pytest.mark.parametrize("declared", [1000.0, float("nan"), float("inf"), 1e300])
@pytest.mark.parametrize("container", ["matroska", "webm"])
def test_a_matroska_header_that_lies_does_not_pass_the_limit(
    two_second_limit, media_storage, declared, container
):
    lying = matroska_declaring(four_seconds(container), declared)
    result = ingest_file(lying, filename=f"lying.{container}")
    assert result.status == REJECTED, f"{declared} passed"
    assert "the limit is 2 s" in result.reason
    assert not Asset.objects.exists() and stored_files(media_storage) == []


def test_a_negative_declared_duration_is_refused_with_a_reason(media_storage):
    result = ingest_file(matroska_declaring(four_seconds("matroska"), -5000.0), filename="neg.mkv")
    assert result.status == REJECTED
    assert "impossible duration" in result.reason
    assert not Asset.objects.exists() and stored_files(media_storage) == []


@pytest.mark.parametrize("declared", [1.0, 3600.0])
def test_the_stored_duration_is_the_measured_one(settings, declared):
    settings.ARCHIVE_MAX_VIDEO_SECONDS = 10
    result = ingest_file(mp4_declaring(four_seconds(), declared), filename="clip.mp4")
    assert result.status == CREATED, result.reason
    assert result.asset.duration == pytest.approx(4.0, abs=0.25)


@pytest.mark.parametrize("declared", [float("nan"), 1e300])
def test_a_non_finite_header_over_a_short_video_stores_the_measured_length(settings, declared):
    settings.ARCHIVE_MAX_VIDEO_SECONDS = 10
    result = ingest_file(
        matroska_declaring(four_seconds("webm"), declared), filename="nan-header.webm"
    )
    assert result.status == CREATED, result.reason
    assert result.asset.duration == pytest.approx(4.0, abs=0.25)
