"""Crash-safe writes on S3: staged objects are published by a server-side copy, swept when
abandoned, and orphans are found and quarantined in the bucket as on disk."""

from __future__ import annotations

import pytest

from archive.ingest import CREATED, ingest_file
from archive.models import StagedFile
from archive.preservation.fixity import find_orphans
from archive.preservation.staging import recover
from tests.factories import jpeg_bytes
from tests.ingest.test_storage_s3 import BUCKET, s3_server, s3_storage  # noqa: F401
from tests.preservation.test_staging import dead_operation

pytestmark = [pytest.mark.django_db, pytest.mark.s3]


def keys(client) -> set[str]:
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def test_an_ingest_on_s3_leaves_only_its_files(s3_storage):  # noqa: F811
    result = ingest_file(jpeg_bytes("s3-staged"), filename="s.jpg")
    assert result.status == CREATED
    assert keys(s3_storage) == {
        result.asset.file.name,
        result.asset.thumbnail,
        result.asset.preview,
    }
    assert not StagedFile.objects.exists()


def test_recovery_on_s3_publishes_and_sweeps(s3_storage):  # noqa: F811
    data = jpeg_bytes("s3-committed")
    asset = ingest_file(data, filename="c.jpg").asset
    committed = dead_operation()
    s3_storage.copy_object(
        Bucket=BUCKET,
        Key=f"{committed}/{asset.file.name}",
        CopySource={"Bucket": BUCKET, "Key": asset.file.name},
    )
    s3_storage.delete_object(Bucket=BUCKET, Key=asset.file.name)
    StagedFile.objects.create(operation=committed, name=asset.file.name)
    abandoned = dead_operation()
    s3_storage.put_object(Bucket=BUCKET, Key=f"{abandoned}/originals/00/x.jpeg", Body=b"half")

    result = recover()
    assert (result.published, result.swept, result.lost) == (1, 1, [])
    assert keys(s3_storage) == {asset.file.name, asset.thumbnail, asset.preview}
    body = s3_storage.get_object(Bucket=BUCKET, Key=asset.file.name)["Body"].read()
    assert body == data


def test_orphans_on_s3_are_found_and_quarantined(s3_storage):  # noqa: F811
    asset = ingest_file(jpeg_bytes("s3-orphan"), filename="o.jpg").asset
    s3_storage.put_object(Bucket=BUCKET, Key="originals/00/left.jpeg", Body=b"left behind")
    report = find_orphans()
    assert [orphan.name for orphan in report.orphans] == ["originals/00/left.jpeg"]
    report = find_orphans(quarantine=True)
    assert report.ok and report.quarantine.startswith("quarantine/")
    assert keys(s3_storage) == {
        asset.file.name,
        asset.thumbnail,
        asset.preview,
        f"{report.quarantine}/originals/00/left.jpeg",
        f"{report.quarantine}/report.json",
    }
    assert find_orphans().orphans == []
