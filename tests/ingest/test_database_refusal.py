"""`ingest` when the database cannot take a row: that file is rejected, the batch goes on."""

from __future__ import annotations

import io
import json

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import OperationalError

from archive.models import Asset
from tests.factories import jpeg_bytes, png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def batch(tmp_path):
    root = tmp_path / "batch"
    root.mkdir()
    (root / "a.jpg").write_bytes(jpeg_bytes("locked-a"))
    (root / "b.png").write_bytes(png_bytes("locked-b"))
    (root / "c.jpg").write_bytes(jpeg_bytes("locked-c"))
    return root


@pytest.fixture
def locked_for_b(monkeypatch):
    """Make saving the row for b.png fail as SQLite does when another writer holds the lock."""
    save = Asset.save

    def refusing_save(self, *args, **kwargs):
        if self.original_filename == "b.png":
            raise OperationalError("database is locked")
        return save(self, *args, **kwargs)

    monkeypatch.setattr(Asset, "save", refusing_save)


def run(*args) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("ingest", *args, stdout=stdout, stderr=stderr)
        code = 0
    except SystemExit as exit:
        code = exit.code
    return code, stdout.getvalue(), stderr.getvalue()


def test_a_file_the_database_refused_is_rejected_and_the_batch_goes_on(
    batch, locked_for_b, media_storage
):
    code, out, _ = run(str(batch))
    lines = out.splitlines()
    assert code == 1
    assert lines[0].startswith(f"{batch}/a.jpg: created #")
    assert lines[1].startswith(f"{batch}/b.png: rejected: could not be stored")
    assert "database is locked" in lines[1]
    assert lines[2].startswith(f"{batch}/c.jpg: created #")
    assert lines[-1] == "3 file(s): 2 created, 0 duplicate, 1 rejected"
    assert sorted(Asset.objects.values_list("original_filename", flat=True)) == ["a.jpg", "c.jpg"]
    # Nothing of b.png is left in storage: two files (original and thumbnail at least) per
    # stored asset, and every stored file belongs to a row.
    stored = {
        p.relative_to(media_storage).as_posix() for p in media_storage.rglob("*") if p.is_file()
    }
    named = set()
    for asset in Asset.objects.all():
        named |= {asset.file.name, asset.thumbnail, asset.preview} - {""}
    assert stored == named


def test_json_reports_the_refusal_with_its_reason(batch, locked_for_b):
    code, out, err = run(str(batch), "--json")
    objects = {json.loads(line)["path"]: json.loads(line) for line in out.splitlines()}
    refused = objects[f"{batch}/b.png"]
    assert refused["status"] == "rejected" and "database is locked" in refused["reason"]
    assert objects[f"{batch}/c.jpg"]["status"] == "created"
    assert code == 1 and "1 rejected" in err


def test_sqlite_writers_wait_for_the_lock():
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite's busy timeout")
    assert database["OPTIONS"]["timeout"] >= 20
