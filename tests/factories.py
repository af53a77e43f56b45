"""Test files made in code with Pillow, and model factories."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw

from archive.preservation.xmp import build_xmp_packet


def picture(seed: int | str = 1, size: tuple[int, int] = (640, 480)) -> Image.Image:
    """Draw a picture whose look depends on ``seed`` (different seeds look different)."""
    rng = random.Random(seed)
    image = Image.new("RGB", size, tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        r = rng.randrange(20, max(21, size[0] // 3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
    return image


def jpeg_bytes(
    seed: int | str = 1,
    size=(640, 480),
    *,
    quality=90,
    xmp_fields: dict | None = None,
    exif=None,
    image=None,
) -> bytes:
    image = image or picture(seed, size)
    buffer = io.BytesIO()
    options = {"quality": quality}
    if xmp_fields:
        options["xmp"] = build_xmp_packet(**xmp_fields)
    if exif is not None:
        options["exif"] = exif
    image.save(buffer, "JPEG", **options)
    return buffer.getvalue()


def png_bytes(seed: int | str = 1, size=(320, 240), mode="RGB") -> bytes:
    image = picture(seed, size)
    if mode != "RGB":
        image = image.convert(mode)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def grow_archive(count: int) -> None:
    """Add ``count`` captioned, credited, placed and claim-linked assets (no files) to the
    seeded archive (their credit is its GETTY)."""
    from archive.models import Article, Asset, Claim, Credit, Illustration, Placement

    getty = Credit.objects.get(name="GETTY")
    article = Article.objects.create(headline=f"Growth story {count}")
    claim = Claim.objects.create(
        article=article, text="Extra soldiers were seen", claimant="Growth desk"
    )
    for index in range(count):
        asset = Asset.objects.create(
            sha256=f"{count:04d}{index:060d}",
            format="jpeg",
            title=f"Russian soldiers extra {index}",
            description="Russian soldiers near Kyïv",
            credit=getty,
        )
        Placement.objects.create(
            article=article, asset=asset, position=index + 1, caption="Printed"
        )
        Illustration.objects.create(asset=asset, claim=claim)
