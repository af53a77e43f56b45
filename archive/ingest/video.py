"""Videos with PyAV: probe a container, grab a poster frame, cut a frame at a timecode."""

from __future__ import annotations

import io

import av
from django.conf import settings
from PIL import Image

from archive.ingest.validation import VIDEO_MIME, IngestRefused, Probe


def container_format(container) -> str:
    names = container.format.name.split(",")
    if "mp4" in names or "mov" in names:
        major = "mp4"
        return "mov" if "qt" in (container.metadata.get("major_brand", "").strip()) else major
    if "webm" in names or "matroska" in names:
        codec = container.streams.video[0].codec_context.name if container.streams.video else ""
        return "webm" if codec in ("vp8", "vp9", "av1") else "mkv"
    raise IngestRefused(f"the video container {container.format.name!r} is not accepted")


def stream_duration(container, stream) -> float | None:
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return container.duration / av.time_base
    return None


def probe_video(data: bytes) -> Probe:
    """Open a video, check it has frames and is within the duration limit."""
    try:
        with av.open(io.BytesIO(data), mode="r") as container:
            if not container.streams.video:
                raise IngestRefused("the file has no video track (is it audio only?)")
            stream = container.streams.video[0]
            our_format = container_format(container)
            duration = stream_duration(container, stream)
            first = next(container.decode(stream), None)
            if first is None:
                raise IngestRefused("the video has no frames")
            width, height = first.width, first.height
    except IngestRefused:
        raise
    except (av.FFmpegError, StopIteration, ValueError, IndexError) as error:
        raise IngestRefused(f"the video cannot be read ({type(error).__name__})") from None
    limit = settings.ARCHIVE_MAX_VIDEO_SECONDS
    if duration is not None and duration > limit:
        raise IngestRefused(f"the video is {duration:.0f} s long; the limit is {limit} s")
    if width * height > settings.ARCHIVE_MAX_PIXELS:
        raise IngestRefused("the video's frame size is over the pixel limit")
    return Probe("video", our_format, VIDEO_MIME[our_format], width, height, duration=duration)


def frame_at(source, timecode: float) -> Image.Image:
    """Return the frame shown at ``timecode`` seconds as an RGB Pillow image.

    Seeks to the keyframe before the timecode, then decodes forward and keeps the last frame
    whose presentation time is not past it: a bare seek would return the keyframe.
    """
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    with av.open(source, mode="r") as container:
        stream = container.streams.video[0]
        time_base = stream.time_base
        target = int(timecode / time_base) if time_base else 0
        if target > 0:
            container.seek(target, stream=stream, backward=True, any_frame=False)
        chosen = None
        for frame in container.decode(stream):
            if frame.pts is not None and chosen is not None and frame.pts > target:
                break
            chosen = frame
            if frame.pts is not None and frame.pts >= target:
                break
        if chosen is None:
            raise IngestRefused(f"the video has no frame at {timecode:.2f} s")
        return chosen.to_image()


def poster_frame(source) -> Image.Image:
    """Return the frame used as the video's poster: one second in, or the first frame."""
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    with av.open(source, mode="r") as container:
        stream = container.streams.video[0]
        duration = stream_duration(container, stream) or 0
    source.seek(0)
    return frame_at(source, min(1.0, duration / 2))
