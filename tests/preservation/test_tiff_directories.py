"""TIFF downloads and the directories beyond IFD0: SubIFDs, EXIF, GPS and Interoperability.

When IFD0 and its metadata values end the file (a download of ours, uploaded again), a merge
writes them again in their place. Every directory reachable from IFD0 is walked first: if any
of them, or anything they point at, lies in that part, the file is kept whole (IFD0 appended);
directories that loop, lie outside the file or are too many mean the original and a sidecar.
The files are built here byte by byte (Pillow writes no SubIFDs) and read with exiftool and
Pillow before and after.
"""

from __future__ import annotations

import io
import struct
import zipfile

import pytest
from PIL import Image

from archive.preservation.tiff import MAX_DIRECTORIES, merge_into_tiff
from archive.preservation.xmp import UnsafeMetadata, build_xmp_packet
from tests.preservation.test_downloads import CATALOGUE, exiftool, tags
from tests.preservation.test_png_downloads import download
from tests.preservation.test_tiff_downloads import catalogue_asset

WIDTH, HEIGHT = 16, 8
# Where each pointer goes: (directory, tag) -> a place in the layout ("xmp": into the metadata
# values that a merge writes again).
LAYOUT = ("pixels", "thumbnail", "comment", "method", "format", "interop", "exif", "gps", "sub")


def ifd(entries: list[tuple[int, int, int, bytes | int]], next_at: int = 0) -> bytes:
    """A little-endian directory; a value is 4 bytes as stored, or an int for a LONG."""
    out = struct.pack("<H", len(entries))
    for tag, kind, count, field in sorted(entries):
        field = struct.pack("<I", field) if isinstance(field, int) else field.ljust(4, b"\x00")
        out += struct.pack("<HHI", tag, kind, count) + field
    return out + struct.pack("<I", next_at)


def image_entries(width: int, height: int, strip: int, length: int) -> list:
    return [
        (256, 3, 1, struct.pack("<H", width)),
        (257, 3, 1, struct.pack("<H", height)),
        (258, 3, 1, struct.pack("<H", 8)),
        (259, 3, 1, struct.pack("<H", 1)),
        (262, 3, 1, struct.pack("<H", 1)),
        (273, 4, 1, strip),
        (277, 3, 1, struct.pack("<H", 1)),
        (278, 3, 1, struct.pack("<H", height)),
        (279, 4, 1, length),
    ]


def tiff_with_directories(*, into_xmp: str = "", loop: str = "", chain: int = 0) -> bytes:
    """A grey TIFF: its strip, a SubIFD (a half-size sub-image with its own strip), an EXIF IFD
    (with a user comment and an Interoperability IFD), a GPS IFD, then XMP and IFD0, which end
    the file as in a download of ours. ``into_xmp`` names the one pointer sent into the XMP
    bytes instead ("exif", "interop", "gps", "sub-image"); ``loop`` makes one directory point
    back ("exif": at IFD0, "gps": past the end); ``chain`` hangs that many directories off
    the sub-image's next-IFD pointer."""
    pixels = bytes((x * 16 + y * 7) % 256 for y in range(HEIGHT) for x in range(WIDTH))
    thumbnail = bytes((x * 32) % 256 for y in range(HEIGHT // 2) for x in range(WIDTH // 2))
    comment = b"ASCII\x00\x00\x00Shot from the harbour wall"
    method = b"ASCII\x00\x00\x00GPS fix"
    file_format = b"TIFF-Special\x00"
    xmp = build_xmp_packet(title="Old title", credit="OUEST PHOTO")
    at: dict[str, int] = {name: 0 for name in (*LAYOUT, "xmp", "ifd0", "chain")}
    for _ in range(3):  # every offset is known once the sizes are: two passes settle them
        where = dict(at)
        exif_points = {"comment": where["xmp"] if into_xmp == "exif" else where["comment"]}
        parts = {
            "pixels": pixels,
            "thumbnail": thumbnail,
            "comment": comment,
            "method": method,
            "format": file_format,
            "interop": ifd(
                [
                    (0x0001, 2, 4, b"R98\x00"),
                    (
                        0x1000,
                        2,
                        len(file_format),
                        where["xmp"] if into_xmp == "interop" else where["format"],
                    ),
                ]
            ),
            "exif": ifd(
                [
                    (0x9000, 7, 4, b"0232"),
                    (0x9286, 7, len(comment), exif_points["comment"]),
                    (0xA005, 4, 1, where["interop"]),
                ],
                next_at=where["ifd0"] if loop == "exif" else 0,
            ),
            "gps": ifd(
                [
                    (0x0000, 1, 4, b"\x02\x03\x00\x00"),
                    (0x0001, 2, 2, b"N\x00"),
                    (
                        0x001B,
                        7,
                        len(method),
                        where["xmp"] if into_xmp == "gps" else where["method"],
                    ),
                ]
            ),
            "sub": ifd(
                [(254, 4, 1, 1)]
                + image_entries(
                    WIDTH // 2,
                    HEIGHT // 2,
                    where["xmp"] if into_xmp == "sub-image" else where["thumbnail"],
                    len(thumbnail),
                ),
                next_at=where["chain"] if chain else 0,
            ),
        }
        links = b""
        for index in range(chain):  # each a one-entry directory pointing at the next
            next_at = where["chain"] + 18 * (index + 1) if index + 1 < chain else 0
            links += ifd([(254, 4, 1, 1)], next_at=next_at)
        data = bytearray(b"II*\x00\x00\x00\x00\x00")
        for name in LAYOUT:
            data += b"\x00" * (len(data) % 2)
            at[name] = len(data)
            data += parts[name]
        data += b"\x00" * (len(data) % 2)
        at["chain"] = len(data)
        data += links
        at["xmp"] = len(data)
        data += xmp + b"\x00" * (len(xmp) % 2)
        at["ifd0"] = len(data)
        gps_at = len(data) + 4096 if loop == "gps" else where["gps"]
        data += ifd(
            image_entries(WIDTH, HEIGHT, where["pixels"], len(pixels))
            + [
                (330, 13, 1, where["sub"]),
                (700, 1, len(xmp), where["xmp"]),
                (34665, 4, 1, where["exif"]),
                (34853, 4, 1, gps_at),
            ]
        )
        data[4:8] = struct.pack("<I", at["ifd0"])
        if at == where:
            return bytes(data)
    raise AssertionError("the layout did not settle")


def read(data: bytes, tmp_path, name: str) -> dict:
    path = tmp_path / f"{name}.tif"
    path.write_bytes(data)
    return tags(exiftool(path, "-b"))


def pictures(data: bytes) -> list[bytes]:
    with Image.open(io.BytesIO(data)) as image:
        return [image.tobytes()]


# What exiftool reads from the directories beyond IFD0 (SubIFD, EXIF, Interop, GPS).
BEYOND_IFD0 = (
    "SubIFD:ImageWidth", "SubIFD:StripOffsets", "ExifIFD:UserComment", "ExifIFD:ExifVersion",
    "InteropIFD:InteropIndex", "InteropIFD:RelatedImageFileFormat", "GPS:GPSVersionID",
    "GPS:GPSLatitudeRef", "GPS:GPSProcessingMethod",
)  # fmt: skip


def test_a_tiff_whose_directories_lie_before_its_metadata_is_written_again_in_place(tmp_path):
    data = tiff_with_directories()
    before = read(data, tmp_path, "before")
    assert before["XMP-dc:Title"] == "Old title" and before["SubIFD:ImageWidth"] == WIDTH // 2
    merged = merge_into_tiff(data, CATALOGUE)
    assert merged[8 : data.index(b"<?xpacket")] == data[8 : data.index(b"<?xpacket")]
    assert len(merged) < len(data) + 4096  # rewritten in place: the old XMP is not kept
    assert merge_into_tiff(merged, CATALOGUE) == merged
    after = read(merged, tmp_path, "after")
    assert after["XMP-dc:Title"] == CATALOGUE["dc:title"]
    assert {key: after.get(key) for key in BEYOND_IFD0} == {
        key: before.get(key) for key in BEYOND_IFD0
    }
    assert pictures(merged) == pictures(data)


@pytest.mark.parametrize("into", ["exif", "interop", "gps", "sub-image"])
def test_a_pointer_from_beyond_ifd0_into_the_metadata_keeps_the_file_whole(into, tmp_path):
    """One value of a directory beyond IFD0 (at any depth) lies in the XMP: written again in
    place, it would read other bytes; so nothing is dropped, IFD0 is appended after it all."""
    data = tiff_with_directories(into_xmp=into)
    before = read(data, tmp_path, "before")
    merged = merge_into_tiff(data, CATALOGUE)
    assert merged[8 : len(data)] == data[8:]  # the whole original, then the new IFD0
    after = read(merged, tmp_path, "after")
    assert after["XMP-dc:Title"] == CATALOGUE["dc:title"]
    assert {key: after.get(key) for key in BEYOND_IFD0} == {
        key: before.get(key) for key in BEYOND_IFD0
    }
    assert pictures(merged) == pictures(data)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("options", "reason"),
    [
        ({"loop": "exif"}, "loop"),
        ({"loop": "gps"}, "outside the file"),
        ({"chain": MAX_DIRECTORIES + 5}, f"more than {MAX_DIRECTORIES} directories"),
    ],
    ids=["a-loop", "outside", "too-many"],
)
def test_directories_that_cannot_be_vouched_for_mean_the_original_and_a_sidecar(
    options, reason, journalist_client, tmp_path
):
    data = tiff_with_directories(**options)
    with pytest.raises(UnsafeMetadata, match=reason):
        merge_into_tiff(data, CATALOGUE)
    asset = catalogue_asset(data)
    response = download(journalist_client, asset)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        assert archive.read(f"asset-{asset.pk}-original.tif") == data
        sidecar = tmp_path / "s.xmp"
        sidecar.write_bytes(archive.read(f"asset-{asset.pk}-original.xmp"))
    assert exiftool(sidecar)["XMP-dc:Title"] == CATALOGUE["dc:title"]


def test_a_long_chain_within_the_bound_is_followed(tmp_path):
    data = tiff_with_directories(chain=MAX_DIRECTORIES - 10)
    merged = merge_into_tiff(data, CATALOGUE)
    assert read(merged, tmp_path, "after")["XMP-dc:Title"] == CATALOGUE["dc:title"]
    assert pictures(merged) == pictures(data)
