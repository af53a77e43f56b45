"""A bag exported as a training set: recorded, warned about, a licence finding for pictures
whose data mining terms forbid AI training, and the provenance fields travel in bags."""

from __future__ import annotations

import io

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
    rows = "".join(lines).splitlines()[1:]
    assert len(rows) == 1 and rows[0].startswith(f"{forbidden.pk},")
    assert rows[0].endswith(",DMI-PROHIBITED-AIMLTRAINING")
    page = audit.report_page(filters, page_number=1, today=today, warning_days=30)
    assert [r.id for r in page["reports"]] == [forbidden.pk]


def test_provenance_fields_and_training_exports_travel_in_a_bag(seeded, tmp_path, media_storage):
    asset = Asset.objects.get(kind="social")
    asset.digital_source_type = "compositeWithTrainedAlgorithmicMedia"
    asset.ai_system, asset.ai_prompt = "Firefly", "swap the sky"
    asset.data_mining, asset.other_constraints = "DMI-PROHIBITED", "Ask first."
    asset.licensor_name, asset.licensor_url = "X Corp", "https://x.example/licence"
    asset.persons_shown = ["A. Person"]
    asset.location_city, asset.location_country_code = "Kyiv", "UA"
    asset.alt_text = "A post on a phone"
    asset.save()
    call_command(
        "export_bag", str(tmp_path / "first"), "--training-set", "v1", stderr=io.StringIO()
    )
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
    assert restored.persons_shown == ["A. Person"] and restored.forbids_ai_training
    assert audit.AI_TRAINING_EXPORT in findings_of(restored)
