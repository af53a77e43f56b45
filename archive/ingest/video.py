"""Videos with PyAV: probe a container, grab a poster frame, cut a frame at a timecode."""

from __future__ import annotations

import io
import math

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
    """Return the duration the header declares (not to be trusted: see measured_duration)."""
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return container.duration / av.time_base
    return None


# Frames per second no real video exceeds: the packet count a measurement reads is bounded
# by the duration limit times this, so a file of millions of tiny packets is not read to the end.
MAX_FRAME_RATE = 240


def measured_duration(data: bytes, limit: float) -> float:
    """Measure the video's length from its packets' timestamps, reading no frame.

    A container's header may declare any duration (1 s, NaN, infinity, 1e300, negative) over
    hours of frames: the packets' presentation times are what a player shows. Reading stops as
    soon as the length passes ``limit``, or after ``limit * MAX_FRAME_RATE`` packets.
    """
    max_packets = int(limit * MAX_FRAME_RATE) + 1000
    first = end = None
    with av.open(io.BytesIO(data), mode="r") as container:
        stream = container.streams.video[0]
        time_base = stream.time_base
        if not time_base or time_base <= 0:
            raise IngestRefused(
                "the video's time base is missing, so its length cannot be measured"
            )
        for count, packet in enumerate(container.demux(stream)):
            stamp = packet.pts if packet.pts is not None else packet.dts
            if stamp is None:
                continue  # the demuxer's empty flush packet
            first = stamp if first is None else min(first, stamp)
            end = max(end if end is not None else stamp, stamp + max(packet.duration or 0, 0))
            if float((end - first) * time_base) > limit:
                break  # already too long: no need to read the rest
            if count >= max_packets:
                raise IngestRefused(
                    f"the video has more than {max_packets} frames for its {limit} s limit"
                )
    if first is None:
        raise IngestRefused("the video's frames carry no timestamps, so its length is unknown")
    seconds = float((end - first) * time_base)
    if not math.isfinite(seconds) or seconds < 0:
        raise IngestRefused(f"the video's measured length ({seconds} s) is not a real duration")
    return seconds


def probe_video(data: bytes) -> Probe:
    """Open a video, check it has frames and is within the duration limit.

    The duration stored is measured from the packets, not read from the header; a header
    that declares a negative or non-finite duration marks a crafted file and is refused.
    """
    try:
        with av.open(io.BytesIO(data), mode="r") as container:
            if not container.streams.video:
                raise IngestRefused("the file has no video track (is it audio only?)")
            stream = container.streams.video[0]
            our_format = container_format(container)
            declared = stream_duration(container, stream)
            first = next(container.decode(stream), None)
            if first is None:
                raise IngestRefused("the video has no frames")
            width, height = first.width, first.height
        if declared is not None and (not math.isfinite(declared) or declared < 0):
            raise IngestRefused(
                f"the video's header declares an impossible duration ({declared:g} s)"
            )
        limit = settings.ARCHIVE_MAX_VIDEO_SECONDS
        duration = measured_duration(data, limit)
    except IngestRefused:
        raise
    except (av.FFmpegError, StopIteration, ValueError, IndexError, OverflowError):
        raise IngestRefused(
            "the video cannot be read: the file is cut short, damaged or in a form we cannot decode"
        ) from None
    if duration > limit:
        raise IngestRefused(f"the video is at least {duration:.0f} s long; the limit is {limit} s")
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


def poster_frame(source, duration: float | None = None) -> Image.Image:
    """Return the frame used as the video's poster: one second in, or the first frame.

    ``duration`` is the measured one when known; the header's is used only if it is sane.
    """
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    if duration is None:
        with av.open(source, mode="r") as container:
            stream = container.streams.video[0]
            duration = stream_duration(container, stream)
        source.seek(0)
    if duration is None or not math.isfinite(duration) or duration < 0:
        duration = 0
    return frame_at(source, min(1.0, duration / 2))
