"""Content Credentials in a BagIt bag: the records carry each asset's state, summary and
manifest store, the originals their manifests; a restore reads them again and takes nothing
on the bag's word."""

from __future__ import annotations

import io
import json

import bagit
import c2pa
import pytest
from django.core.management import call_command

from archive.ingest import ingest_file
from archive.models import Asset
from archive.preservation.bag import export_bag, import_bag
from tests.c2pa_signing import sign_jpeg, tampered
from tests.factories import jpeg_bytes
from tests.preservation.test_bag import wipe

pytestmark = pytest.mark.django_db
FIELDS = ("c2pa_state", "c2pa_summary", "c2pa_manifest_store")


@pytest.fixture
def credentialled(trusting_tests):
    assets = {}
    for state, data in (
        ("trusted", sign_jpeg(jpeg_bytes("bag-trusted", (320, 240)))),
        ("invalid", tampered(sign_jpeg(jpeg_bytes("bag-tampered", (320, 240))))),
        ("none", jpeg_bytes("bag-plain", (320, 240))),
    ):
        asset = ingest_file(data, filename=f"{state}.jpg").asset
        assert asset.c2pa_state == state
        assets[state] = asset.pk
    return assets


def credentials() -> dict[int, tuple]:
    return {row[0]: row[1:] for row in Asset.objects.values_list("pk", *FIELDS)}


def test_a_round_trip_keeps_the_credentials(credentialled, tmp_path, media_storage):
    before = credentials()
    bag_dir = tmp_path / "bag"
    call_command("export_bag", str(bag_dir))
    records = json.loads((bag_dir / "data" / "records.json").read_text("utf-8"))
    exported = {r["pk"]: r["fields"] for r in records if r["model"] == "archive.asset"}
    assert exported[credentialled["trusted"]]["c2pa_state"] == "trusted"
    assert exported[credentialled["invalid"]]["c2pa_summary"]["failures"][0]["code"] == (
        "assertion.dataHash.mismatch"
    )
    assert exported[credentialled["trusted"]]["c2pa_manifest_store"]["validation_state"] == (
        "Trusted"
    )
    # The original in the bag still carries its manifest, byte for byte.
    original = bag_dir / "data" / "files" / Asset.objects.get(pk=credentialled["trusted"]).file.name
    store = json.loads(c2pa.Reader("image/jpeg", io.BytesIO(original.read_bytes())).json())
    assert store["validation_state"] == "Valid"  # this reader has no trust anchors

    wipe(media_storage)
    summary = import_bag(bag_dir)
    assert credentials() == before
    assert summary.credentials_checked == 3 and summary.credentials_changed == []
    assert (
        "Content Credentials read again: 3 original(s), 0 not in the state the bag recorded"
        in summary.report_lines()
    )


def test_a_restore_does_not_take_the_bags_word_for_it(credentialled, tmp_path, media_storage):
    bag_dir = tmp_path / "bag"
    export_bag(bag_dir)
    records = json.loads((bag_dir / "data" / "records.json").read_text("utf-8"))
    for record in records:
        if record["model"] == "archive.asset" and record["pk"] == credentialled["none"]:
            record["fields"]["c2pa_state"] = "trusted"
            record["fields"]["c2pa_summary"] = {"signer": "Forged Agency"}
    (bag_dir / "data" / "records.json").write_text(json.dumps(records), "utf-8")
    bagit.Bag(str(bag_dir)).save(manifests=True)

    wipe(media_storage)
    summary = import_bag(bag_dir)
    restored = Asset.objects.get(pk=credentialled["none"])
    assert (restored.c2pa_state, restored.c2pa_summary) == ("none", {})
    assert [(c.asset_id, c.before, c.after) for c in summary.credentials_changed] == [
        (credentialled["none"], "trusted", "none")
    ]
    assert (
        f"#{credentialled['none']} Content Credentials: the bag said trusted, the file reads none"
        in summary.report_lines()
    )


def test_the_command_reads_unchecked_originals_and_everything_on_request(
    credentialled, settings, capsys
):
    Asset.objects.filter(pk=credentialled["trusted"]).update(c2pa_state="", c2pa_summary={})
    call_command("read_content_credentials")
    assert "1 original(s) read, 1 changed state." in capsys.readouterr().out
    assert Asset.objects.get(pk=credentialled["trusted"]).c2pa_state == "trusted"

    settings.ARCHIVE_C2PA_TRUST_ANCHORS = ""  # the anchors changed: read everything again
    call_command("read_content_credentials", "--all")
    out = capsys.readouterr().out
    assert f"#{credentialled['trusted']}: Valid, signer trusted → Valid, signer not trusted" in out
    assert "3 original(s) read, 1 changed state." in out
    assert Asset.objects.get(pk=credentialled["trusted"]).c2pa_state == "untrusted"
