"""The S3 path: files stored in a private bucket, served through short-lived signed URLs.

Runs against moto's S3 server on 127.0.0.1, started here.
"""

from __future__ import annotations

import socket
import urllib.request
from urllib.parse import parse_qs, urlparse

import boto3
import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from moto.server import ThreadedMotoServer

from archive.ingest import CREATED, ingest_file
from tests.factories import jpeg_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.s3]

BUCKET = "caption-archive-test"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_storage(s3_server, settings, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=BUCKET)
    settings.ARCHIVE_STORAGE = "s3"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_server,
                "region_name": "us-east-1",
                "access_key": "testing",
                "secret_key": "testing",
                "default_acl": None,
                "querystring_auth": True,
                "querystring_expire": 300,
                "file_overwrite": False,
                "signature_version": "s3v4",
                "addressing_style": "path",
            },
        },
    }
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def test_ingest_round_trip_through_s3(s3_storage, journalist_client):
    data = jpeg_bytes("s3", xmp_fields={"credit": "GETTY", "description": "On S3"})
    result = ingest_file(data, filename="s3.jpg")
    assert result.status == CREATED
    asset = result.asset
    keys = {item["Key"] for item in s3_storage.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert {asset.file.name, asset.thumbnail, asset.preview} <= keys
    stored = s3_storage.get_object(Bucket=BUCKET, Key=asset.file.name)["Body"].read()
    assert stored == data

    response = journalist_client.get(reverse("archive:asset-media", args=[asset.pk, "original"]))
    assert response.status_code == 302
    signed = urlparse(response["Location"])
    query = parse_qs(signed.query)
    assert query["X-Amz-Expires"] == ["300"]
    assert "X-Amz-Signature" in query
    with urllib.request.urlopen(response["Location"]) as fetched:  # noqa: S310 - loopback moto
        assert fetched.read() == data

    # The preview, made by the background task (at once in the tests), is served signed.
    response = journalist_client.get(reverse("archive:asset-media", args=[asset.pk, "preview"]))
    assert response.status_code == 302 and "X-Amz-Signature" in response["Location"]
    asset.refresh_from_db()
    keys = {item["Key"] for item in s3_storage.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert asset.preview in keys


def test_objects_are_private(s3_storage):
    result = ingest_file(jpeg_bytes("private"), filename="private.jpg")
    acl = s3_storage.get_object_acl(Bucket=BUCKET, Key=result.asset.file.name)
    assert all("AllUsers" not in str(grant["Grantee"]) for grant in acl["Grants"])
    assert "X-Amz-Signature" in default_storage.url(result.asset.file.name)


def test_anonymous_gets_no_signed_url(s3_storage, client):
    result = ingest_file(jpeg_bytes("anon"), filename="anon.jpg")
    response = client.get(reverse("archive:asset-media", args=[result.asset.pk, "preview"]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_refused_upload_leaves_nothing_in_the_bucket(s3_storage):
    result = ingest_file(
        b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", filename="x.jpg"
    )
    assert result.status == "rejected" and "SVG" in result.reason
    assert s3_storage.list_objects_v2(Bucket=BUCKET).get("KeyCount", 0) == 0


def test_signed_urls_are_reused_and_storage_is_not_asked_first(
    s3_storage, journalist_client, monkeypatch
):
    from django.core.cache import cache

    from archive.web.media import media_url

    cache.clear()
    result = ingest_file(jpeg_bytes("reuse"), filename="reuse.jpg")

    def no_round_trip(storage, name):
        raise AssertionError(f"storage asked whether {name} exists")

    monkeypatch.setattr(type(default_storage._wrapped), "exists", no_round_trip)
    url = media_url(result.asset, "thumbnail")
    first = journalist_client.get(url)
    assert first.status_code == 302 and "X-Amz-Signature" in first["Location"]
    # A browser may keep the redirect for half of the URL's life.
    assert first["Cache-Control"] == "private, max-age=150"
    import time

    time.sleep(1.1)  # a new signature would carry a new X-Amz-Date
    second = journalist_client.get(url)
    assert second["Location"] == first["Location"]
    with urllib.request.urlopen(second["Location"]) as fetched:  # noqa: S310 - loopback moto
        assert fetched.read()[:3] == b"\xff\xd8\xff"
