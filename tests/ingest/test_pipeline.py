"""The ingest pipeline: validation by content, duplicates, renditions, videos and stills,
and nothing half-saved."""

from __future__ import annotations

import io
import re
import zlib

import av
import pytest
from django.core.files.storage import default_storage
from PIL import Image

from archive.ingest import CREATED, DUPLICATE, REJECTED, cut_still, ingest_file
from archive.models import Asset, Credit, CreditAlias
from tests.factories import jpeg_bytes, picture, png_bytes, video_bytes
from tests.helpers import stored_files

pytestmark = pytest.mark.django_db


def test_a_jpeg_is_archived_with_renditions_and_metadata(media_storage):
    data = jpeg_bytes(
        "one",
        size=(1200, 800),
        xmp_fields={
            "description": "Troops near Kherson",
            "credit": "Getty Images",
            "creator": "A. Photographer",
            "rights": "© Getty Images 2022",
        },
    )
    getty = Credit.objects.create(name="GETTY", reviewed=True)
    CreditAlias.objects.create(credit=getty, alias="Getty Images")
    result = ingest_file(data, filename="DSC_0001.JPG")
    assert result.status == CREATED, result.reason
    asset = result.asset
    assert (asset.width, asset.height, asset.format, asset.bytes) == (1200, 800, "jpeg", len(data))
    assert asset.credit == getty, "matched through the alias"
    assert asset.description == "Troops near Kherson"
    assert asset.creator == "A. Photographer"
    assert asset.copyright_notice == "© Getty Images 2022"
    assert asset.original_filename == "DSC_0001.JPG"
    assert default_storage.open(asset.file.name).read() == data
    thumb = Image.open(default_storage.open(asset.thumbnail))
    assert max(thumb.size) == 320
    # Made by the background task (run at once in the tests: tests/conftest.py).
    preview = Image.open(default_storage.open(asset.preview))
    assert max(preview.size) == 1200
    assert asset.preview.endswith("-preview.jpg") and asset.processing_state == "ready"
    assert asset.file.name.startswith("originals/") and asset.sha256 in asset.file.name


def test_an_unknown_credit_is_created_unreviewed():
    result = ingest_file(
        jpeg_bytes("x", xmp_fields={"credit": "Kyïv Independent"}), filename="a.jpg"
    )
    assert result.asset.credit.name == "Kyïv Independent"
    assert result.asset.credit.reviewed is False
    again = ingest_file(
        jpeg_bytes("y", xmp_fields={"credit": "KYIV INDEPENDENT"}), filename="b.jpg"
    )
    assert again.asset.credit == result.asset.credit
    assert Credit.objects.count() == 1


def test_typed_fields_win_over_embedded_metadata():
    result = ingest_file(
        jpeg_bytes("typed", xmp_fields={"description": "Embedded caption", "credit": "Embedded"}),
        filename="t.jpg",
        credit="Typed credit",
        fields={"description": "Typed caption"},
    )
    asset = result.asset
    assert asset.description == "Typed caption" and asset.credit.name == "Typed credit"
    assert set(asset.edited_fields) == {"description", "credit"}


def test_the_same_bytes_are_never_stored_twice(media_storage):
    data = jpeg_bytes("dup")
    first = ingest_file(data, filename="first.jpg")
    files = stored_files(media_storage)
    second = ingest_file(data, filename="second.jpg")
    assert second.status == DUPLICATE and second.asset == first.asset
    assert second.describe() == f"duplicate: already archived as #{first.asset.pk}"
    assert stored_files(media_storage) == files
    assert Asset.objects.count() == 1


def test_a_resized_reencoded_copy_is_linked_as_a_look_alike():
    original = ingest_file(jpeg_bytes("look", size=(1200, 900)), filename="o.jpg").asset
    smaller = picture("look", (1200, 900)).resize((600, 450)).crop((6, 5, 594, 445))
    copy = ingest_file(jpeg_bytes(image=smaller, quality=70), filename="copy.jpg")
    assert copy.status == CREATED
    assert copy.asset.near_duplicate_of == original
    other = ingest_file(jpeg_bytes("unrelated", size=(1200, 900)), filename="u.jpg")
    assert other.asset.near_duplicate_of is None


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (
            b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
            "SVG drawing, not a photo",
        ),
        (b"<!DOCTYPE html><html><body>hi</body></html>", "web page (HTML)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (b"Just some words, renamed to .jpg\n", "plain text"),
        (b"\x00\x01\x02\x03garbage" * 10, "not a picture or a video we can read"),
        (jpeg_bytes("trunc")[:1500], "damaged or truncated"),
    ],
)
def test_bad_files_are_refused_with_a_reason_and_leave_nothing(data, reason, media_storage):
    result = ingest_file(data, filename="upload.jpg")
    assert result.status == REJECTED
    assert reason in result.reason
    assert not re.search(r"\(\w*(?:Error|Exception)\)", result.reason)  # words, no class name
    assert stored_files(media_storage) == []
    assert Asset.objects.count() == 0


def decompression_bomb_png(width=20000, height=20000) -> bytes:
    """A small PNG that declares 400 megapixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")
        )

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 0, 0, 0, 0])
    row = b"\x00" + b"\x00" * width
    data = zlib.compress(row * 10, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def test_decompression_bombs_are_refused(media_storage):
    result = ingest_file(decompression_bomb_png(), filename="bomb.png")
    assert result.status == REJECTED and "decompression bomb" in result.reason
    assert stored_files(media_storage) == []


def test_pixel_limit_is_a_setting(settings):
    settings.ARCHIVE_MAX_PIXELS = 100 * 100
    result = ingest_file(jpeg_bytes("big", size=(200, 200)), filename="big.jpg")
    assert result.status == REJECTED and "megapixels" in result.reason


def test_byte_limit_is_a_setting(settings):
    settings.ARCHIVE_MAX_UPLOAD_BYTES = 1000
    result = ingest_file(jpeg_bytes("big"), filename="big.jpg")
    assert result.status == REJECTED and "too large" in result.reason


@pytest.mark.parametrize("mode", ["CMYK", "P", "L", "RGBA", "I;16"])
def test_unusual_modes_are_accepted(mode):
    image = picture(mode, (300, 200))
    buffer = io.BytesIO()
    if mode == "CMYK":
        image.convert("CMYK").save(buffer, "JPEG")
    elif mode == "I;16":
        Image.frombytes("I;16", (300, 200), bytes(range(256)) * 468 + bytes(192)).save(
            buffer, "PNG"
        )
    else:
        image.convert(mode).save(buffer, "PNG")
    result = ingest_file(buffer.getvalue(), filename=f"{mode}.img")
    assert result.status == CREATED, result.reason
    assert Image.open(default_storage.open(result.asset.thumbnail)).mode == "RGB"


@pytest.mark.parametrize("fmt", ["WEBP", "GIF", "TIFF", "PNG"])
def test_other_picture_formats_by_content_not_name(fmt):
    buffer = io.BytesIO()
    picture(fmt, (200, 150)).save(buffer, fmt)
    result = ingest_file(buffer.getvalue(), filename="misnamed.txt")
    assert result.status == CREATED, result.reason
    assert result.asset.format == fmt.lower()


def test_exif_orientation_is_applied_to_renditions():
    image = Image.new("RGB", (400, 200), "red")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    result = ingest_file(jpeg_bytes(image=image, exif=exif), filename="rotated.jpg")
    thumb = Image.open(default_storage.open(result.asset.thumbnail))
    assert thumb.size[1] > thumb.size[0], "shown upright: portrait"


def test_a_video_gets_duration_poster_and_stills_cut_on_the_server():
    result = ingest_file(video_bytes(seconds=3), filename="clip.mp4", credit="NC")
    assert result.status == CREATED, result.reason
    video = result.asset
    assert video.kind == "video" and video.format == "mp4"
    assert video.duration == pytest.approx(3.0, abs=0.15)
    assert default_storage.exists(video.thumbnail)
    still = cut_still(video, 2.0)
    assert still.status == CREATED, still.reason
    assert (
        still.asset.kind == "still" and still.asset.video == video and still.asset.timecode == 2.0
    )
    assert still.asset.credit == video.credit, "a still inherits its video's credit"
    # The frame at 2.0 s of this fade is the one drawn at index 20 of 30.
    frame = Image.open(default_storage.open(still.asset.file.name)).convert("RGB")
    red = frame.getpixel((80, 60))[0]
    assert abs(red - int(255 * 20 / 30)) < 12
    assert cut_still(video, 2.0).status == DUPLICATE
    outside = cut_still(video, 9.0)
    assert outside.status == REJECTED and "outside the video" in outside.reason


def test_webm_video_is_accepted():
    result = ingest_file(
        video_bytes(seconds=1, container="webm", codec="libvpx-vp9"), filename="clip.webm"
    )
    assert result.status == CREATED, result.reason
    assert result.asset.format == "webm"


def test_video_duration_limit(settings):
    settings.ARCHIVE_MAX_VIDEO_SECONDS = 1
    result = ingest_file(video_bytes(seconds=2), filename="long.mp4")
    assert result.status == REJECTED and "limit is 1 s" in result.reason


def test_a_video_with_no_frames_is_refused(media_storage):
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format="mp4") as output:
        stream = output.add_stream("libx264", rate=10)
        stream.width, stream.height = 64, 64
    result = ingest_file(buffer.getvalue(), filename="empty.mp4")
    assert result.status == REJECTED
    assert stored_files(media_storage) == []


def test_a_failure_while_saving_the_row_removes_the_files(media_storage, monkeypatch):
    def explode(self, *args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(Asset, "save", explode)
    with pytest.raises(RuntimeError):
        ingest_file(png_bytes("boom"), filename="boom.png")
    monkeypatch.undo()
    assert stored_files(media_storage) == []
    assert Asset.objects.count() == 0


def test_a_look_alike_with_another_credit_is_flagged():
    original = ingest_file(
        jpeg_bytes("flag", size=(1200, 900), xmp_fields={"credit": "GETTY"}), filename="o.jpg"
    )
    smaller = picture("flag", (1200, 900)).resize((600, 450))
    same = ingest_file(
        jpeg_bytes(image=smaller, quality=60, xmp_fields={"credit": "Getty"}), filename="s.jpg"
    )
    assert same.near_duplicate_of == original.asset
    assert not any("check the credit" in w for w in same.warnings), "the same credit, by its name"
    copy = ingest_file(
        jpeg_bytes(image=smaller, quality=75, xmp_fields={"credit": "Twitter"}), filename="c.jpg"
    )
    assert copy.near_duplicate_of in (original.asset, same.asset)
    assert any("credited to GETTY" in w and "credited to Twitter" in w for w in copy.warnings)


def test_a_copy_of_a_copy_points_at_the_original_and_its_credit():
    """Credited like an earlier copy but not like the original: still a conflict."""
    image = picture("chain", (1200, 900))
    original = ingest_file(
        jpeg_bytes(image=image, xmp_fields={"credit": "GETTY"}), filename="o.jpg"
    )
    first = ingest_file(
        jpeg_bytes(image=image, quality=70, xmp_fields={"credit": "Twitter"}), filename="a.jpg"
    )
    second = ingest_file(
        jpeg_bytes(image=image, quality=60, xmp_fields={"credit": "Twitter"}), filename="b.jpg"
    )
    assert first.near_duplicate_of == original.asset
    assert second.near_duplicate_of == original.asset
    assert any("credited to GETTY" in w for w in second.warnings)


def test_provenance_fields_are_read_at_ingest(media_storage):
    from tests.ingest.test_metadata import METADATA

    data = (METADATA / "frameright__IPTC-PhotometadataRef-Std2021.1.jpg").read_bytes()
    asset = ingest_file(data, filename="ref2021.jpg").asset
    asset.refresh_from_db()
    assert asset.digital_source_type == "softwareImage"
    assert asset.digital_source_group == "other"
    assert asset.licensor_name == "Licensor Name 1 (ref2021.1); Licensor Name 2 (ref2021.1)"
    assert asset.licensor_url == "https://example.com/LicensorURL_1_ref2021.1"
    assert asset.image_supplier == "Image Supplier Name (ref2021.1)"
    assert asset.alt_text.startswith("This is the Alt Text description")
    assert asset.persons_shown == ["Person Shown 1 (ref2021.1)", "Person Shown 2 (ref2021.1)"]
    assert asset.location_shown == (
        "Sublocation (Location shown1) (ref2021.1), City (Location shown1) (ref2021.1), "
        "Province/State (Location shown1) (ref2021.1), CountryName (Location shown1) (ref2021.1)"
    )
    assert asset.location_country_code == "R17"
    assert asset.other_locations == [
        "Sublocation (Location shown2) (ref2021.1), City (Location shown2) (ref2021.1), "
        "Province/State (Location shown2) (ref2021.1), CountryName (Location shown2) (ref2021.1)"
    ]
    assert asset.other_locations_shown[0]["country_code"] == "R17"


def test_a_licensor_url_that_is_not_a_web_address_is_not_catalogued(media_storage):
    from tests.ingest.test_metadata import METADATA

    data = (METADATA / "nitmws__IPTC-PhotometadataRef-Std2019.1.jpg").read_bytes()
    asset = ingest_file(data, filename="ref2019.jpg").asset
    assert asset.licensor_url == ""  # "Licensor URL 1 (ref2019.1)"
    assert asset.embedded_metadata["xmp"]["plus:Licensor"][0]["plus:LicensorURL"]


def test_ai_fields_at_ingest_and_typed_values_win(media_storage):
    from tests.ingest.test_provenance_metadata import xmp_jpeg

    data = xmp_jpeg(
        "<Iptc4xmpExt:DigitalSourceType>"
        "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
        "</Iptc4xmpExt:DigitalSourceType>"
        "<Iptc4xmpExt:AISystemUsed>Midjourney</Iptc4xmpExt:AISystemUsed>"
        "<Iptc4xmpExt:AIPromptInformation>" + "a fox " * 20 + "</Iptc4xmpExt:AIPromptInformation>"
        "<plus:DataMining>http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED</plus:DataMining>"
    )
    asset = ingest_file(data, filename="fox.jpg", fields={"ai_system": "Midjourney v6"}).asset
    asset.refresh_from_db()
    assert (asset.digital_source_type, asset.digital_source_group) == (
        "trainedAlgorithmicMedia",
        "ai-generated",
    )
    assert asset.ai_system == "Midjourney v6" and "ai_system" in asset.edited_fields
    assert asset.ai_prompt.startswith("a fox a fox")
    assert asset.data_mining == "DMI-PROHIBITED" and asset.forbids_ai_training
