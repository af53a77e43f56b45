"""Test files made in code (Pillow pictures, PyAV videos) and factory_boy model factories.

The factories write rows directly, not through the ingest pipeline: fast, for tests about
what is done with records. Tests about how files come in call `archive.ingest.ingest_file`.
"""

from __future__ import annotations

import hashlib
import io
import random

import av
import factory
from django.core.files.base import ContentFile
from factory.django import DjangoModelFactory
from PIL import Image, ImageDraw

from archive.models import Article, Asset, Claim, Credit, Illustration, Licence, Placement
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
    size: tuple[int, int] = (640, 480),
    *,
    quality: int = 90,
    xmp_fields: dict | None = None,
    exif: bytes | Image.Exif | None = None,
    image: Image.Image | None = None,
) -> bytes:
    """Encode ``picture(seed, size)`` (or ``image``) as a JPEG, with XMP or EXIF if given."""
    image = image or picture(seed, size)
    buffer = io.BytesIO()
    options = {"quality": quality}
    if xmp_fields:
        options["xmp"] = build_xmp_packet(**xmp_fields)
    if exif is not None:
        options["exif"] = exif
    image.save(buffer, "JPEG", **options)
    return buffer.getvalue()


def png_bytes(seed: int | str = 1, size: tuple[int, int] = (320, 240), mode: str = "RGB") -> bytes:
    """Encode ``picture(seed, size)`` as a PNG in ``mode``."""
    image = picture(seed, size)
    if mode != "RGB":
        image = image.convert(mode)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def video_bytes(
    seconds: float = 2.0,
    fps: int = 10,
    size: tuple[int, int] = (160, 120),
    container: str = "mp4",
    codec: str = "libx264",
) -> bytes:
    """Encode a short video whose frames fade from green to red."""
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format=container) as output:
        stream = output.add_stream(codec, rate=fps)
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        for index in range(int(seconds * fps)):
            shade = int(255 * index / (seconds * fps))
            frame = av.VideoFrame.from_image(Image.new("RGB", size, (shade, 255 - shade, 80)))
            frame.pts = index
            for packet in stream.encode(frame):
                output.mux(packet)
        for packet in stream.encode():
            output.mux(packet)
    return buffer.getvalue()


class CreditFactory(DjangoModelFactory):
    """A credit (saving it makes its name one of its aliases); one row per name."""

    class Meta:
        model = Credit
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Agency {n}")
    kind = Credit.Kind.AGENCY


class AssetFactory(DjangoModelFactory):
    """A photo with a real JPEG stored under its content hash.

    ``without_file=True`` leaves the file out (many rows, no disk): the sha256 is then made up.
    """

    class Meta:
        model = Asset

    class Params:
        picture_seed = factory.Sequence(lambda n: f"asset-{n}")
        without_file = False
        jpeg = factory.LazyAttribute(
            lambda o: None if o.without_file else jpeg_bytes(o.picture_seed, (o.width, o.height))
        )

    kind = Asset.Kind.PHOTO
    title = factory.Sequence(lambda n: f"Picture {n}")
    format = "jpeg"
    mime_type = factory.Maybe("without_file", "", "image/jpeg")
    width = factory.Maybe("without_file", None, 160)
    height = factory.Maybe("without_file", None, 120)
    sha256 = factory.Maybe(
        "without_file",
        factory.Sequence(lambda n: f"fac{n:061x}"),
        factory.LazyAttribute(lambda o: hashlib.sha256(o.jpeg).hexdigest()),
    )
    bytes = factory.LazyAttribute(lambda o: len(o.jpeg) if o.jpeg else 0)
    file = factory.LazyAttribute(
        lambda o: ContentFile(o.jpeg, name="picture.jpg") if o.jpeg else ""
    )


class LicenceFactory(DjangoModelFactory):
    class Meta:
        model = Licence

    asset = factory.SubFactory(AssetFactory)
    licence_type = Licence.Type.RIGHTS_MANAGED
    licensor = factory.Sequence(lambda n: f"Licensor {n}")


class ArticleFactory(DjangoModelFactory):
    class Meta:
        model = Article

    headline = factory.Sequence(lambda n: f"Story {n}")
    publication = "The Daily Test"


class ClaimFactory(DjangoModelFactory):
    class Meta:
        model = Claim

    article = factory.SubFactory(ArticleFactory)
    text = factory.Sequence(lambda n: f"Claim number {n}")
    claimant = "A spokesperson"


class PlacementFactory(DjangoModelFactory):
    class Meta:
        model = Placement

    article = factory.SubFactory(ArticleFactory)
    asset = factory.SubFactory(AssetFactory)
    position = factory.Sequence(lambda n: n + 1)
    caption = factory.Sequence(lambda n: f"Caption {n} (Image: Agency)")


class IllustrationFactory(DjangoModelFactory):
    class Meta:
        model = Illustration

    asset = factory.SubFactory(AssetFactory)
    claim = factory.SubFactory(ClaimFactory)


def grow_archive(count: int) -> None:
    """Add ``count`` captioned, credited, placed and claim-linked assets (no files) to the
    seeded archive (their credit is its GETTY)."""
    getty = Credit.objects.get(name="GETTY")
    article = ArticleFactory(headline=f"Growth story {count}")
    claim = ClaimFactory(article=article, text="Extra soldiers were seen", claimant="Growth desk")
    for index in range(count):
        asset = AssetFactory(
            without_file=True,
            sha256=f"{count:04d}{index:060d}",
            title=f"Russian soldiers extra {index}",
            description="Russian soldiers near Kyïv",
            credit=getty,
        )
        PlacementFactory(article=article, asset=asset, position=index + 1, caption="Printed")
        IllustrationFactory(asset=asset, claim=claim)
