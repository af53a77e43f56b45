"""Validate a file by its content: what it really is, whether we accept it, and why not.

The file name and the declared content type are never trusted. Pictures are opened with
Pillow (header only: no pixel is decoded here); videos are probed with PyAV, and only when
the first bytes say the file is an MP4/MOV or Matroska/WebM container, so FFmpeg's many
demuxers never see arbitrary input.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from PIL import Image, UnidentifiedImageError

# Pillow format name -> (our format, MIME type)
IMAGE_FORMATS = {
    "JPEG": ("jpeg", "image/jpeg"),
    "MPO": ("jpeg", "image/jpeg"),  # camera JPEGs with an extra frame; the first is a JPEG
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
    "GIF": ("gif", "image/gif"),
    "TIFF": ("tiff", "image/tiff"),
}
VIDEO_MIME = {
    "mp4": "video/mp4",
    "mov": "video/quicktime",
    "webm": "video/webm",
    "mkv": "video/x-matroska",
}


class IngestRefused(Exception):
    """A file the archive will not take, with a reason a person understands."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Probe:
    """What a file turned out to be."""

    media: str  # "image" or "video"
    format: str  # jpeg, png, webp, gif, tiff, mp4, mov, webm, mkv
    mime_type: str
    width: int
    height: int
    duration: float | None = None
    image: Image.Image | None = None  # opened, not loaded


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def describe_other_content(head: bytes) -> str | None:
    """Name what a file is when it is clearly not a picture or a video, else None."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"%pdf"):
        return "this file is a PDF document, not a picture or a video"
    if b"<svg" in stripped[:2048]:
        return "this file is an SVG drawing, not a photo"
    if (
        stripped.startswith((b"<!doctype html", b"<html", b"<head", b"<body"))
        or b"<html" in stripped[:1024]
    ):
        return "this file is a web page (HTML), not a picture or a video"
    if stripped.startswith(b"<?xml") or stripped.startswith(b"<"):
        return "this file is an XML or markup document, not a picture or a video"
    if head.startswith(b"PK\x03\x04"):
        return "this file is a ZIP archive; upload it through the bulk upload, which unpacks it"
    if head.startswith((b"ID3", b"fLaC", b"OggS")) or head[8:12] == b"WAVE":
        return "this file is audio, not a picture or a video"
    if head.startswith(b"8BPS"):
        return "this file is a Photoshop document; export it as JPEG, PNG or TIFF first"
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif"):
        return "HEIC/AVIF pictures are not accepted yet; export it as JPEG or PNG"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if text and all(ch.isprintable() or ch in "\r\n\t" for ch in text[:512]):
        return "this file is plain text, not a picture or a video"
    return None


def looks_like_video(head: bytes) -> bool:
    return head[4:8] == b"ftyp" or head.startswith(b"\x1a\x45\xdf\xa3")


def probe(data: bytes) -> Probe:
    """Identify ``data`` and check it against the limits; raise IngestRefused if we refuse it."""
    if not data:
        raise IngestRefused("the file is empty")
    limit = settings.ARCHIVE_MAX_UPLOAD_BYTES
    if len(data) > limit:
        raise IngestRefused(
            f"the file is too large ({megabytes(len(data))}; the limit is {megabytes(limit)})"
        )
    head = data[:4096]
    if looks_like_video(head) and head[4:12] not in (
        b"ftypheic",
        b"ftypheix",
        b"ftypmif1",
        b"ftypavif",
    ):
        from archive.ingest.video import probe_video

        return probe_video(data)
    other = describe_other_content(head)
    if other:
        raise IngestRefused(other)
    return probe_image(data)


def probe_image(data: bytes) -> Probe:
    """Open a picture's header with Pillow and check its format and size."""
    max_pixels = settings.ARCHIVE_MAX_PIXELS
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice it; we refuse at the limit.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            Image.MAX_IMAGE_PIXELS = max_pixels
            image = Image.open(io.BytesIO(data))
            image.size  # noqa: B018 - touch the header
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise IngestRefused(
            f"the picture declares more pixels than the limit of {max_pixels / 1e6:.0f} megapixels "
            "and was refused as a possible decompression bomb"
        ) from None
    except UnidentifiedImageError:
        raise IngestRefused(
            "the file is not a picture or a video we can read (JPEG, PNG, WebP, GIF, TIFF, "
            "MP4, MOV or WebM)"
        ) from None
    except Exception:  # Pillow raises many types on damaged headers
        raise IngestRefused(
            "the picture's header is damaged: the file is cut short or is not the picture its "
            "name says"
        ) from None
    if image.format not in IMAGE_FORMATS:
        raise IngestRefused(
            f"{image.format} pictures are not accepted; use JPEG, PNG, WebP, GIF or TIFF"
        )
    width, height = image.size
    if width < 1 or height < 1:
        raise IngestRefused("the picture has no pixels")
    if width * height > max_pixels:
        raise IngestRefused(
            f"the picture is {width}×{height} ({width * height / 1e6:.0f} megapixels), over the "
            f"limit of {max_pixels / 1e6:.0f} megapixels"
        )
    our_format, mime = IMAGE_FORMATS[image.format]
    return Probe("image", our_format, mime, width, height, image=image)
