"""Fixity: a flipped byte and a deleted file are found, recorded, and fail the command."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from archive.ingest import ingest_file
from archive.models import Asset, FixityCheck
from tests.factories import jpeg_bytes
from tests.helpers import manage_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_assets():
    return [ingest_file(jpeg_bytes(f"fix-{n}"), filename=f"{n}.jpg").asset for n in range(3)]


def run_fixity(*args) -> tuple[int, str]:
    from io import StringIO

    out = StringIO()
    try:
        call_command("fixity", *args, stdout=out)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue()


def test_all_good_exits_zero_and_records_checks(three_assets):
    code, output = run_fixity()
    assert code == 0
    assert "3 file(s) checked: 3 ok, 0 missing, 0 altered" in output
    assert FixityCheck.objects.filter(result="ok").count() == 3
    assert set(Asset.objects.values_list("fixity_status", flat=True)) == {"ok"}
    assert not Asset.objects.filter(fixity_checked_at__isnull=True).exists()


def test_flipped_byte_and_deleted_file_are_reported(three_assets, media_storage):
    altered, missing, fine = three_assets
    path = media_storage / altered.file.name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    (media_storage / missing.file.name).unlink()

    code, output = run_fixity("--json")
    assert code == 1
    report = json.loads(output)
    assert report["checked"] == 3 and report["ok"] == 1
    assert [item["asset_id"] for item in report["altered"]] == [altered.pk]
    assert [item["asset_id"] for item in report["missing"]] == [missing.pk]
    altered.refresh_from_db()
    missing.refresh_from_db()
    fine.refresh_from_db()
    assert (altered.fixity_status, missing.fixity_status, fine.fixity_status) == (
        "altered",
        "missing",
        "ok",
    )
    assert FixityCheck.objects.get(asset=altered).detail.startswith(altered.file.name)

    code, text = run_fixity()
    assert code == 1
    assert f"#{altered.pk} ALTERED" in text and f"#{missing.pk} MISSING" in text


@pytest.mark.parametrize("bad_name", ["../../secret.txt", "/etc/passwd", "originals/../../x"])
def test_a_bad_path_is_a_failure_of_that_asset_and_the_check_goes_on(three_assets, bad_name):
    bad, *rest = three_assets
    Asset.objects.filter(pk=bad.pk).update(file=bad_name, thumbnail="/etc/hosts")

    code, output = run_fixity("--json")
    assert code == 1
    report = json.loads(output)
    assert report["checked"] == 3 and report["ok"] == 2
    assert [item["asset_id"] for item in report["missing"]] == [bad.pk]
    assert "is refused" in report["missing"][0]["detail"]
    assert FixityCheck.objects.get(asset=bad).result == "missing"
    assert FixityCheck.objects.filter(asset__in=rest, result="ok").count() == 2


# Run in a process of its own on a SQLite file: the test database is in memory, where a
# second connection cannot commit beside the first.
RACE = """
import sqlite3
from django.conf import settings
from archive.ingest import ingest_file
from archive.preservation import fixity
from tests.factories import jpeg_bytes

for n in range(3):
    ingest_file(jpeg_bytes(f"race-{n}"), filename=f"r{n}.jpg")
real_check = fixity.check_asset

def check_while_a_worker_commits(asset):
    other = sqlite3.connect(settings.DATABASES["default"]["NAME"])
    other.execute("UPDATE archive_asset SET title = title || '.' WHERE id = ?", (asset.pk,))
    other.commit()
    other.close()
    return real_check(asset)

fixity.check_asset = check_while_a_worker_commits
report = fixity.check_fixity(batch_size=1)
print("checked", report.checked, "problems", len(report.problems))
"""


def test_fixity_records_its_checks_while_others_write_on_sqlite(tmp_path):
    """A cron fixity run goes on while uploads are processed (SQLite: WAL, one writer)."""

    manage = manage_in(tmp_path)

    assert manage("migrate", "--noinput").returncode == 0
    done = manage("shell", "-c", RACE)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().splitlines()[-1].split() == ["checked", "3", "problems", "0"]
