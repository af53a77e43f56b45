"""Thumbnails, previews and perceptual hashes, made cheaply from a picture or a video frame.

A JPEG is decoded at reduced size (``Image.draft``): a 6000×4000 original is never decoded in
full to make a 1600-pixel preview. Other formats (PNG, WebP, TIFF, GIF) can only be decoded in
full, so they are refused before decoding when larger than ``ARCHIVE_MAX_DECODE_PIXELS``, and
shrunk (``Image.reduce``) right after, before any copy is made. EXIF orientation is applied
before anything is made or hashed, so a rotated copy of a picture hashes like the upright one.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

import imagehash
import numpy
from django.conf import settings
from PIL import ExifTags, Image, ImageOps

from archive.ingest.validation import IngestRefused

logger = logging.getLogger(__name__)


@dataclass
class Renditions:
    thumbnail: bytes
    phash: str  # 16 hex digits
    preview: bytes | None = None  # made when asked (the background task asks)


def flatten(image: Image.Image) -> Image.Image:
    """Return an 8-bit RGB copy of any mode: CMYK, 16-bit, palette, with or without alpha."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        array = numpy.asarray(image, dtype=numpy.float64)
        top = array.max() if array.size else 0
        scale = 255.0 / top if top > 255 else 1.0
        image = Image.fromarray(numpy.clip(array * scale, 0, 255).astype(numpy.uint8), "L")
    if image.mode == "P":
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "RGB" and "transparency" in image.info):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    if image.mode != "RGB":
        image = image.convert("RGB")
    return image


def encode_jpeg(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=False, progressive=False)
    return buffer.getvalue()


def check_decode_budget(image: Image.Image) -> None:
    """Refuse a picture whose decode (after any draft) would exceed the memory budget.

    A decoded picture takes up to 4 bytes a pixel (Pillow keeps RGB as RGBX), so the budget
    in pixels bounds the memory one decode takes: a 100 KB PNG can declare 118 megapixels.
    """
    budget = settings.ARCHIVE_MAX_DECODE_PIXELS
    width, height = image.size
    if width * height > budget:
        raise IngestRefused(
            f"the picture is {width}×{height} ({width * height / 1e6:.0f} megapixels); "
            f"{image.format or 'this'} pictures are decoded in full, which the archive does up to "
            f"{budget / 1e6:.0f} megapixels: save it as JPEG, or as a smaller copy"
        )


# EXIF orientation -> the turn that shows the picture upright (as ImageOps.exif_transpose).
_TURNS = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# Modes Image.reduce cannot average (palette indices, 1-bit, 16-bit): converted first.
_REDUCE_AS = {"1": "L", "P": "RGBA", "PA": "RGBA", "I;16": "I", "I;16B": "I", "I;16L": "I"}


def shrink_for(image: Image.Image, longest: int) -> Image.Image:
    """Shrink a decoded picture by a whole factor while it is over 3× ``longest``.

    Box averaging (``Image.reduce``), a strip at a time: reducing RGBA (or a palette or 16-bit
    picture, converted first) in one go would copy the whole decode once more.
    """
    factor = max(image.size) // (3 * longest)
    if factor < 2:
        return image
    mode = _REDUCE_AS.get(image.mode, "I" if image.mode.startswith("I;16") else image.mode)
    width, height = image.size
    reduced = Image.new(mode, (-(-width // factor), -(-height // factor)))
    step = factor * 64
    for top in range(0, height, step):
        strip = image.crop((0, top, width, min(top + step, height)))
        if strip.mode != mode:
            strip = strip.convert(mode)
        reduced.paste(strip.reduce(factor), (0, top // factor))
    reduced.info = dict(image.info)
    return reduced


def decode_upright(image: Image.Image, longest: int) -> Image.Image:
    """Decode a picture at no more than about ``longest`` pixels, upright, as 8-bit RGB."""
    try:
        if image.format == "JPEG":
            # Decode at 1/2, 1/4 or 1/8 scale straight from the DCT: the big saving.
            image.draft("RGB", (longest, longest))
        if getattr(image, "n_frames", 1) > 1:
            image.seek(0)  # the first frame of an animated GIF or a multi-page TIFF
        check_decode_budget(image)
        image.load()
        shrunk = shrink_for(image, longest)
        if shrunk is image:
            # In place: a copy of a 3000×2000 decode costs as much as making the thumbnail.
            ImageOps.exif_transpose(image, in_place=True)
        else:
            orientation = image.getexif().get(ExifTags.Base.Orientation, 1)
            image.close()  # the full decode goes now, before any other copy is made
            if orientation in _TURNS:
                shrunk = shrunk.transpose(_TURNS[orientation])
            image = shrunk
        return flatten(image)
    except IngestRefused:
        raise
    except Exception:  # truncated data, broken codecs: Pillow raises many types
        raise IngestRefused(
            "the picture's data is damaged or truncated and cannot be shown"
        ) from None


def render(image: Image.Image, *, with_preview: bool = False) -> Renditions:
    """Make the thumbnail and pHash (and, if asked, the preview) of an opened picture.

    Decoding a 6000×4000 JPEG at 1/8 scale for a 320-pixel thumbnail costs a fraction of the
    1/2-scale decode a 1600-pixel preview needs, so the preview is made only when asked.
    """
    preview_size = settings.ARCHIVE_PREVIEW_SIZE
    thumb_size = settings.ARCHIVE_THUMBNAIL_SIZE
    picture = decode_upright(image, preview_size if with_preview else thumb_size)
    preview = None
    if with_preview:
        preview = make_preview(picture)
    picture.thumbnail((thumb_size, thumb_size), Image.Resampling.LANCZOS, reducing_gap=3.0)
    thumbnail = encode_jpeg(picture, 80)
    # pHash shrinks to 32×32 anyway: the thumbnail gives the same bits (at most 2 of 64 differ
    # in our trials) five times faster than the preview.
    phash = str(imagehash.phash(picture))
    return Renditions(thumbnail=thumbnail, preview=preview, phash=phash)


def make_preview(picture: Image.Image) -> bytes:
    """Encode the preview of a decoded picture (the picture is shrunk in place)."""
    size = settings.ARCHIVE_PREVIEW_SIZE
    # The draft already scaled by 1/2, 1/4 or 1/8 in the DCT, so what is left is a gentle
    # reduction (under 2× for a JPEG): bilinear, antialiased by Pillow, looks the same as
    # Lanczos there at a third of the cost.
    picture.thumbnail((size, size), Image.Resampling.BILINEAR, reducing_gap=3.0)
    return encode_jpeg(picture, 85)


def storage_names(sha256: str, extension: str) -> tuple[str, str, str]:
    """Return the storage names of an original, its thumbnail and its preview."""
    folder = sha256[:2]
    return (
        f"originals/{folder}/{sha256}.{extension}",
        f"renditions/{folder}/{sha256}-thumb.jpg",
        f"renditions/{folder}/{sha256}-preview.jpg",
    )


VIDEO_FORMATS = ("mp4", "mov", "webm", "mkv")


def source_picture(asset) -> Image.Image | None:
    """Open the stored original as a picture (a video's poster frame); None if it is gone."""
    from django.core.files.storage import default_storage

    from archive.ingest.video import poster_frame

    if not asset.file.name or not default_storage.exists(asset.file.name):
        return None
    with default_storage.open(asset.file.name, "rb") as handle:
        data = handle.read()
    try:
        if asset.format in VIDEO_FORMATS:
            return poster_frame(data)
        return Image.open(io.BytesIO(data))
    except IngestRefused:
        raise
    except Exception as error:  # the bytes were read: their damage will not pass on a retry
        raise IngestRefused(
            f"the stored original cannot be opened ({type(error).__name__}: {error})"
        ) from None


def save_rendition(asset, field_name: str, name: str, content: bytes) -> str:
    """Store a rendition under its fixed name and record it on the asset."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    if default_storage.exists(name):
        # Left by an earlier run of the same task: the name is derived from the content
        # hash, so what is there is what we would write.
        stored = name
    else:
        stored = default_storage.save(name, ContentFile(content))
    setattr(asset, field_name, stored)
    type(asset).objects.filter(pk=asset.pk).update(**{field_name: stored})
    return stored


def make_missing_renditions(asset) -> None:
    """Make the thumbnail, preview and pHash an asset lacks from its stored original.

    What is stored is kept, so running this again changes nothing. Run by the background task
    (archive/background.py), never inside a page request. Raises IngestRefused when the
    original is gone or cannot be decoded.
    """
    from django.core.files.storage import default_storage

    from archive.phash import is_phash

    _, thumb_name, preview_name = storage_names(asset.sha256, asset.format)
    wanted = [
        (field_name, name)
        for field_name, name in (("thumbnail", thumb_name), ("preview", preview_name))
        if not (getattr(asset, field_name) and default_storage.exists(getattr(asset, field_name)))
    ]
    if not wanted and is_phash(asset.phash):
        return
    picture = source_picture(asset)
    if picture is None:
        raise IngestRefused("the original is missing from storage; run `manage.py fixity`")
    made = render(picture, with_preview=True)
    contents = {"thumbnail": made.thumbnail, "preview": made.preview}
    for field_name, name in wanted:
        save_rendition(asset, field_name, name, contents[field_name])
    if not is_phash(asset.phash):
        asset.phash = made.phash
        type(asset).objects.filter(pk=asset.pk).update(phash=made.phash)


def stored_rendition(asset, rendition: str) -> str | None:
    """Return the storage name of ``rendition`` ("original", "thumbnail" or "preview").

    Never makes one: a thumbnail or preview not (or no longer) in storage is asked of the
    background worker (archive.background.request_processing) and None is returned, as when
    the original is gone; the page shows a placeholder meanwhile.
    """
    from django.core.files.storage import default_storage

    from archive.background import request_processing

    name = asset.file.name if rendition == "original" else getattr(asset, rendition)
    if name and default_storage.exists(name):
        return name
    if rendition != "original" and request_processing(asset.pk):
        # Made already only where tasks run at once (ARCHIVE_TASKS_BACKEND=immediate, tests).
        name = type(asset).objects.filter(pk=asset.pk).values_list(rendition, flat=True).first()
        if name and default_storage.exists(name):
            setattr(asset, rendition, name)
            return name
    return None
