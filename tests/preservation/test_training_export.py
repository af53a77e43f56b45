"""A bag exported as a training set: recorded, warned about, a licence finding for pictures
whose data mining terms forbid AI training, and the provenance fields travel in bags."""

from __future__ import annotations

import csv
import io
import json

import bagit
import pytest
from django.core.management import call_command
from django.utils import timezone

from archive import audit
from archive.models import Asset, DatasetExport, DatasetExportItem
from tests.preservation.test_bag import snapshot, wipe

pytestmark = pytest.mark.django_db


def findings_of(asset: Asset) -> dict[str, str]:
    return {f.kind: f.detail for f in audit.findings_for_asset(asset.pk)}


def test_a_plain_bag_is_no_training_set(seeded, tmp_path):
    call_command("export_bag", str(tmp_path / "bag"), stdout=io.StringIO())
    assert not DatasetExport.objects.exists()
    assert "Training-Set-Purpose" not in bagit.Bag(str(tmp_path / "bag")).info


def test_a_training_set_is_recorded_and_forbidden_pictures_become_findings(seeded, tmp_path):
    forbidden = Asset.objects.get(kind="social")
    forbidden.data_mining = "DMI-PROHIBITED-AIMLTRAINING"
    forbidden.save()
    allowed = Asset.objects.filter(kind="photo").first()
    allowed.data_mining = "DMI-ALLOWED"
    allowed.save()
    assert audit.AI_TRAINING_EXPORT not in findings_of(forbidden)

    out, err = io.StringIO(), io.StringIO()
    bag_dir = tmp_path / "bag"
    call_command(
        "export_bag", str(bag_dir), "--training-set", "captioning model", stdout=out, stderr=err
    )
    export = DatasetExport.objects.get()
    assert export.purpose == "captioning model" and export.destination == str(bag_dir)
    assert DatasetExportItem.objects.filter(export=export).count() == Asset.objects.count()
    assert f"training-set export #{export.pk}" in out.getvalue()
    assert f"#{forbidden.pk}" in err.getvalue() and "forbid AI training" in err.getvalue()
    assert bagit.Bag(str(bag_dir)).info["Training-Set-Purpose"] == "captioning model"

    detail = findings_of(forbidden)[audit.AI_TRAINING_EXPORT]
    assert "DMI-PROHIBITED-AIMLTRAINING" in detail and "captioning model" in detail
    assert audit.AI_TRAINING_EXPORT not in findings_of(allowed)
    # The report's count is its rows, on the page and in the CSV.
    today = timezone.localdate()
    summary = audit.summarise(Asset.objects.all(), today=today, warning_days=30)
    assert summary.totals[audit.AI_TRAINING_EXPORT] == 1
    filters = audit.ReportFilters(finding=audit.AI_TRAINING_EXPORT)
    lines = list(audit.csv_lines(filters, today=today, warning_days=30))
    rows = list(csv.DictReader(io.StringIO("".join(lines))))
    assert len(rows) == 1 and rows[0]["asset_id"] == str(forbidden.pk)
    assert rows[0]["data_mining"] == "DMI-PROHIBITED-AIMLTRAINING"
    page = audit.report_page(filters, page_number=1, today=today, warning_days=30)
    assert [r.id for r in page["reports"]] == [forbidden.pk]


# Every issue-15 field of the catalogue, each with a value of its own.
PROVENANCE_FIELDS = {
    "digital_source_type": "compositeWithTrainedAlgorithmicMedia",
    "ai_system": "Firefly",
    "ai_system_version": "3.1",
    "ai_prompt": "swap the sky",
    "ai_prompt_writer": "Léa Martin",
    "data_mining": "DMI-PROHIBITED",
    "other_constraints": "Ask first.",
    "licensor_name": "X Corp",
    "licensor_url": "https://x.example/licence",
    "copyright_owner": "X Holdings",
    "image_supplier": "X Wire",
    "web_statement": "https://x.example/rights",
    "alt_text": "A post on a phone",
    "extended_description": "A phone held up, the post's text legible.",
    "persons_shown": ["A. Person", "B. Person"],
    "location_sublocation": "Maidan",
    "location_city": "Kyiv",
    "location_state": "Kyiv City",
    "location_country": "Ukraine",
    "location_country_code": "UA",
    "other_locations_shown": [{"city": "Lviv", "country": "Ukraine"}, {"sublocation": "Quay"}],
}


def with_provenance(asset: Asset) -> Asset:
    for name, value in PROVENANCE_FIELDS.items():
        setattr(asset, name, value)
    asset.full_clean()
    asset.save()
    return asset


def test_provenance_fields_and_training_exports_travel_in_a_bag(seeded, tmp_path, media_storage):
    asset = with_provenance(Asset.objects.get(kind="social"))
    call_command(
        "export_bag", str(tmp_path / "first"), "--training-set", "v1", stderr=io.StringIO()
    )
    # The training set's records carry every field.
    records = json.loads((tmp_path / "first" / "data" / "records.json").read_text("utf-8"))
    row = next(r for r in records if r["model"] == "archive.asset" and r["pk"] == asset.pk)
    assert {name: row["fields"][name] for name in PROVENANCE_FIELDS} == PROVENANCE_FIELDS
    before = snapshot()
    assert before["records"]["archive.DatasetExportItem"]
    bag_dir = tmp_path / "bag"
    call_command("export_bag", str(bag_dir), stdout=io.StringIO())
    wipe(media_storage)
    call_command("import_bag", str(bag_dir), stdout=io.StringIO())
    after = snapshot()
    for label, rows in before["records"].items():
        assert after["records"][label] == rows, label
    restored = Asset.objects.get(pk=asset.pk)
    assert {name: getattr(restored, name) for name in PROVENANCE_FIELDS} == PROVENANCE_FIELDS
    assert restored.forbids_ai_training
    assert audit.AI_TRAINING_EXPORT in findings_of(restored)


def test_the_licence_reports_exports_carry_every_provenance_field(seeded):
    """The CSV (page and command) and the JSON lines: one column per issue-15 field."""
    asset = with_provenance(Asset.objects.get(kind="social"))
    today = timezone.localdate()
    lines = audit.csv_lines(audit.ReportFilters(), today=today, warning_days=30)
    rows = [
        r for r in csv.DictReader(io.StringIO("".join(lines))) if r["asset_id"] == str(asset.pk)
    ]
    assert rows
    for row in rows:
        texts = {  # every field written as it is (a KeyError if a column is missing)
            name: row[name]
            for name, value in PROVENANCE_FIELDS.items()
            if isinstance(value, str) and not name.startswith("location_")
        }
        assert texts == {name: PROVENANCE_FIELDS[name] for name in texts}
        assert row["persons_shown"] == "A. Person; B. Person"
        assert row["location_shown"] == "Maidan, Kyiv, Kyiv City, Ukraine"
        assert row["other_locations_shown"] == "Lviv, Ukraine | Quay"
    out = io.StringIO()
    call_command("licence_report", "--format", "json", stdout=out)
    items = [json.loads(line) for line in out.getvalue().splitlines()]
    item = next(i for i in items if i["asset_id"] == asset.pk)
    assert item["persons_shown"] == PROVENANCE_FIELDS["persons_shown"]
    assert item["location_shown"] == {
        "sublocation": "Maidan",
        "city": "Kyiv",
        "state": "Kyiv City",
        "country": "Ukraine",
        "country_code": "UA",
    }
    assert item["other_locations_shown"] == PROVENANCE_FIELDS["other_locations_shown"]
    assert item["ai_prompt_writer"] == "Léa Martin" and item["image_supplier"] == "X Wire"
