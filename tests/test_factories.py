"""The shared factories build what they say: real files, linked records, one credit per name."""

from __future__ import annotations

import hashlib
import io
import os

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from archive.models import Asset, Credit
from tests.factories import (
    AssetFactory,
    CreditFactory,
    IllustrationFactory,
    LicenceFactory,
    PlacementFactory,
    grow_archive,
    video_bytes,
)

pytestmark = pytest.mark.django_db


def test_an_asset_is_stored_as_a_real_jpeg_named_by_its_hash():
    asset = AssetFactory()
    with default_storage.open(asset.file.name, "rb") as handle:
        data = handle.read()
    assert asset.sha256 == hashlib.sha256(data).hexdigest() and asset.bytes == len(data)
    assert asset.sha256 in asset.file.name
    with Image.open(io.BytesIO(data)) as image:
        assert (image.format, image.size) == ("JPEG", (asset.width, asset.height))
    assert AssetFactory().sha256 != asset.sha256  # each picture looks different


def test_an_asset_without_a_file_writes_nothing(media_storage):
    first, second = AssetFactory.create_batch(2, without_file=True)
    assert not first.file and first.sha256 != second.sha256
    assert not any(files for _, _, files in os.walk(media_storage))


def test_records_link_up_and_credits_are_one_per_name():
    placement = PlacementFactory()
    illustration = IllustrationFactory(asset=placement.asset)
    licence = LicenceFactory(asset=placement.asset)
    assert placement.asset.illustrations.get() == illustration
    assert placement.asset.licences.get() == licence
    assert CreditFactory(name="GETTY") == CreditFactory(name="GETTY")
    assert Credit.objects.matching("getty").count() == 1


def test_grow_archive_adds_placed_claim_linked_assets(seeded):
    before = Asset.objects.count()
    grow_archive(5)
    grown = Asset.objects.filter(title__startswith="Russian soldiers extra")
    assert Asset.objects.count() == before + 5 == before + grown.count()
    assert all(asset.placements.exists() and asset.illustrations.exists() for asset in grown)


def test_video_bytes_is_a_playable_video():
    import av

    with av.open(io.BytesIO(video_bytes(seconds=1, fps=10))) as container:
        assert sum(1 for _ in container.decode(video=0)) == 10
