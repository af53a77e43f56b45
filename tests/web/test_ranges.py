"""Byte ranges: the parser, and the media view serving parts of a video for its player."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from archive.models import Asset
from archive.web.ranges import Unsatisfiable, parse_range, read_span


@pytest.mark.parametrize(
    ("header", "size", "expected"),
    [
        (None, 100, None),
        ("", 100, None),
        ("bytes=0-", 100, (0, 99)),
        ("bytes=0-0", 100, (0, 0)),
        ("bytes=10-19", 100, (10, 19)),
        ("bytes=90-500", 100, (90, 99)),  # the end is clipped to the file
        ("bytes=-10", 100, (90, 99)),  # the last ten bytes
        ("bytes=-500", 100, (0, 99)),
        ("bytes = 5 - 9", 100, (5, 9)),
        ("bytes=5-2", 100, None),  # last before first: invalid, so ignored
        ("bytes=0-1,5-6", 100, None),  # several ranges: the whole file
        ("items=0-5", 100, None),  # another unit
        ("bytes=-", 100, None),
        ("bytes=abc-", 100, None),
        # More digits than Python reads as a number (4 300): still a position, past the end.
        ("bytes=0-" + "9" * 5000, 100, (0, 99)),
        ("bytes=-" + "9" * 5000, 100, (0, 99)),
        ("bytes=" + "0" * 5000 + "7-9", 100, (7, 9)),
        ("bytes=\u0661-", 100, None),  # an Arabic-Indic one: not a DIGIT of the RFC
    ],
)
def test_parse_range(header, size, expected):
    assert parse_range(header, size) == expected


@pytest.mark.parametrize(
    "header",
    [
        "bytes=100-",
        "bytes=150-200",
        "bytes=-0",
        "bytes=" + "9" * 5000 + "-",
        "bytes=-" + "0" * 5000,
    ],
)
def test_unsatisfiable_ranges(header):
    with pytest.raises(Unsatisfiable):
        parse_range(header, 100)


@pytest.mark.django_db
def test_a_range_of_thousands_of_digits_is_answered_not_a_server_error(seeded, client, role_users):
    client.force_login(role_users["journalist"])
    response = client.get(video_url(), HTTP_RANGE="bytes=" + "9" * 5000 + "-")
    assert response.status_code == 416
    whole = client.get(video_url(), HTTP_RANGE="bytes=0-" + "9" * 5000)
    assert whole.status_code == 206
    size = int(whole["Content-Range"].rpartition("/")[2])
    assert whole["Content-Range"] == f"bytes 0-{size - 1}/{size}"
    assert int(whole["Content-Length"]) == size


def test_read_span_reads_exactly_the_span_and_closes():
    handle = io.BytesIO(bytes(range(256)) * 1000)
    data = b"".join(read_span(handle, 1000, 200_999))
    assert data == (bytes(range(256)) * 1000)[1000:201_000]
    assert handle.closed


def video_url() -> str:
    video = Asset.objects.get(kind="video")
    return reverse("archive:asset-media", args=[video.pk, "original"]) + "?inline=1"


@pytest.mark.django_db
def test_video_is_served_in_parts_to_journalists(seeded, client, role_users):
    client.force_login(role_users["journalist"])
    whole = client.get(video_url())
    assert whole.status_code == 200
    assert whole["Accept-Ranges"] == "bytes"
    assert whole["Content-Disposition"].startswith("inline")
    body = b"".join(whole.streaming_content)
    size = len(body)
    assert size > 1000

    part = client.get(video_url(), HTTP_RANGE="bytes=100-599")
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 100-599/{size}"
    assert part["Content-Length"] == "500"
    assert part["Content-Type"] == "video/mp4"
    assert b"".join(part.streaming_content) == body[100:600]

    tail = client.get(video_url(), HTTP_RANGE="bytes=-50")
    assert tail.status_code == 206
    assert b"".join(tail.streaming_content) == body[-50:]

    beyond = client.get(video_url(), HTTP_RANGE=f"bytes={size}-")
    assert beyond.status_code == 416
    assert beyond["Content-Range"] == f"bytes */{size}"


@pytest.mark.django_db
def test_ranges_still_need_the_role(seeded, client, role_users):
    client.force_login(role_users["auditor"])
    response = client.get(video_url(), HTTP_RANGE="bytes=0-99")
    assert response.status_code == 403
    client.logout()
    response = client.get(video_url(), HTTP_RANGE="bytes=0-99")
    assert response.status_code == 302
