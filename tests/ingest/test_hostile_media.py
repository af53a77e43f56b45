"""Hostile media: videos whose header lies about their length, pictures that declare huge sizes."""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from PIL import ExifTags, Image

from archive.ingest import CREATED, REJECTED, ingest_file
from archive.ingest.renditions import stored_rendition
from archive.models import Asset
from tests.factories import jpeg_bytes, png_bytes, video_bytes

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


def declared_png(width: int, height: int, color_type: int = 6) -> bytes:
    """A PNG of ``width``×``height`` blank pixels, a few hundred KB, streamed row by row."""
    channels = {0: 1, 2: 3, 6: 4}[color_type]
    row = b"\x00" + bytes(width * channels)

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    packer = zlib.compressobj(9)
    idat = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


# Ingest one file in a fresh process (its own SQLite database) and report its peak RSS.
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so the child would report the
# test runner's own size.
PEAK_SCRIPT = r"""
import json, os, sys
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
before = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
from archive.ingest import ingest_file
result = ingest_file(sys.argv[1], filename="declared.png")
peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(json.dumps({"status": result.status, "reason": result.reason, "peak_mb": peak / 1024,
                  "before_mb": before / 1024}))
"""
CEILING_MB = 300


def ingest_in_a_fresh_process(picture: Path, tmp_path: Path) -> dict:
    """Ingest ``picture`` in a child process; return its status, reason and peak RSS."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'peak.sqlite3'}",
        "ARCHIVE_MEDIA_ROOT": str(tmp_path / "media"),
    }
    run = subprocess.run(
        [sys.executable, "-c", PEAK_SCRIPT, str(picture)],
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


needs_proc = pytest.mark.skipif(
    not Path("/proc/self/status").exists(), reason="reads VmHWM (Linux)"
)


@needs_proc
def test_a_small_png_declaring_118_megapixels_is_ingested_within_300_mb(tmp_path):
    """The 115 KB PNG of the red team took the server to 735 MB; now it is refused unread."""
    side = 10_860  # 117.9 megapixels, under ARCHIVE_MAX_PIXELS (120 M)
    picture = tmp_path / "declared.png"
    picture.write_bytes(declared_png(side, side))
    assert picture.stat().st_size < 1_000_000
    report = ingest_in_a_fresh_process(picture, tmp_path)
    assert report["peak_mb"] < CEILING_MB, report
    assert report["status"] == REJECTED
    assert "118 megapixels" in report["reason"] and "decoded in full" in report["reason"]
    assert not any(p.is_file() for p in (tmp_path / "media").rglob("*"))


@needs_proc
def test_the_largest_png_allowed_costs_its_decode_and_little_more(tmp_path):
    """40 MP of RGBA decode into 160 MB; shrinking in strips keeps the rest small."""
    side = 6_324  # 39.99 megapixels, just under ARCHIVE_MAX_DECODE_PIXELS
    picture = tmp_path / "largest.png"
    picture.write_bytes(declared_png(side, side))
    report = ingest_in_a_fresh_process(picture, tmp_path)
    assert report["status"] == CREATED, report
    assert report["peak_mb"] - report["before_mb"] < 200, report


def test_the_decode_budget_refuses_pngs_but_jpegs_are_drafted(settings, media_storage):
    settings.ARCHIVE_MAX_DECODE_PIXELS = 1_000_000
    refused = ingest_file(png_bytes("budget", size=(1500, 1000)), filename="wide.png")
    assert refused.status == REJECTED and "1 megapixels" in refused.reason
    assert not Asset.objects.exists() and stored_files(media_storage) == []
    # A JPEG is decoded at 1/8 scale for its thumbnail: far under the budget.
    drafted = ingest_file(jpeg_bytes("budget", size=(3000, 2000)), filename="big.jpg")
    assert drafted.status == CREATED, drafted.reason


@pytest.mark.parametrize("mode", ["RGBA", "P", "I;16", "1", "LA"])
def test_large_pictures_are_shrunk_before_flattening_and_keep_their_shape(mode):
    picture = Image.new("RGB", (2400, 1200), (200, 40, 40)).convert(mode)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    result = ingest_file(buffer.getvalue(), filename=f"{mode}.png")
    assert result.status == CREATED, result.reason
    thumb = Image.open(default_storage.open(result.asset.thumbnail))
    assert thumb.size == (320, 160)


def test_a_shrunk_picture_is_still_turned_upright():
    picture = Image.new("RGB", (2400, 1200), "white")
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # shown turned a quarter: portrait
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", exif=exif)
    result = ingest_file(buffer.getvalue(), filename="turned.png")
    assert result.status == CREATED, result.reason
    thumb = Image.open(default_storage.open(result.asset.thumbnail))
    assert thumb.size == (160, 320)


def test_a_stored_original_over_a_lowered_budget_fails_its_processing_not_the_page(settings):
    result = ingest_file(png_bytes("lowered", size=(1500, 1000)), filename="scan.png")
    assert result.status == CREATED, result.reason
    asset = result.asset
    default_storage.delete(asset.preview)  # lost: the next view asks for it again
    settings.ARCHIVE_MAX_DECODE_PIXELS = 1_000_000
    assert stored_rendition(asset, "preview") is None
    asset.refresh_from_db()
    assert asset.processing_state == "failed"
    assert "megapixels" in asset.processing_error, "the reason is kept for archivists"
