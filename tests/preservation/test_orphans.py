"""`fixity --orphans`: files no record names and licence documents that are gone are found;
`--quarantine` moves orphans aside with a report, and deletes nothing."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from archive.ingest import ingest_file
from archive.models import Licence
from archive.preservation.fixity import find_orphans
from tests.factories import LicenceFactory, jpeg_bytes

pytestmark = pytest.mark.django_db


def run_fixity(*args) -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("fixity", *args, stdout=out)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue()


def put(root: Path, name: str, data: bytes) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


@pytest.fixture
def archived(media_storage):
    return ingest_file(jpeg_bytes("kept"), filename="kept.jpg").asset


def test_a_clean_archive_has_no_orphans(archived):
    code, output = run_fixity("--orphans")
    assert code == 0
    assert "3 stored file(s) looked at: 0 named by no record, 0 licence document(s) missing" in (
        output
    )


def test_the_checkouts_placeholder_in_media_is_not_an_orphan(archived, media_storage):
    # A clone of the repository holds media/.gitkeep (git keeps no empty folder): a fresh
    # `make run` archive must pass `fixity --orphans`, and --quarantine must not move it.
    put(media_storage, ".gitkeep", b"")
    put(media_storage, "originals/.gitkeep", b"a placeholder deeper down is a stray file")

    code, output = run_fixity("--orphans", "--quarantine", "--json")
    report = json.loads(output)
    assert [o["file"] for o in report["orphans"]] == ["originals/.gitkeep"]
    assert (media_storage / ".gitkeep").exists()
    assert code == 0


def test_files_no_record_names_are_orphans(archived, media_storage):
    suffixed = archived.file.name.replace(".jpeg", "_Ab3dE9x.jpeg")
    put(media_storage, suffixed, b"a second copy")
    put(media_storage, "originals/00/" + "00" * 32 + ".jpeg", b"left by a crash")
    put(media_storage, "stray.txt", b"loose at the top")
    put(media_storage, "staging/somewhere/x.jpeg", b"staging is not the archive")
    put(media_storage, "quarantine/20260101T000000Z/y.jpeg", b"nor is quarantine")

    code, output = run_fixity("--orphans", "--json")
    assert code == 1
    report = json.loads(output)
    assert sorted(o["file"] for o in report["orphans"]) == sorted(
        [suffixed, "originals/00/" + "00" * 32 + ".jpeg", "stray.txt"]
    )
    assert report["stored"] == 6  # the original, its thumbnail and preview, three orphans
    assert report["ok"] == 1  # the original itself is fine
    # Nothing was moved or deleted without --quarantine.
    assert (media_storage / suffixed).read_bytes() == b"a second copy"


def test_quarantine_moves_orphans_aside_with_a_report(archived, media_storage):
    put(media_storage, "originals/00/orphan.jpeg", b"left by a crash")
    code, output = run_fixity("--orphans", "--quarantine")
    assert code == 0, output
    assert "ORPHAN originals/00/orphan.jpeg (15 bytes), moved to quarantine/" in output
    assert not (media_storage / "originals/00/orphan.jpeg").exists()
    [folder] = (media_storage / "quarantine").iterdir()
    assert (folder / "originals/00/orphan.jpeg").read_bytes() == b"left by a crash"
    report = json.loads((folder / "report.json").read_text())
    [moved] = report["files"]
    assert moved["file"] == "originals/00/orphan.jpeg" and moved["bytes"] == 15
    assert moved["moved_to"] == f"quarantine/{folder.name}/originals/00/orphan.jpeg"
    assert len(moved["sha256"]) == 64
    # The archive's own files stayed; a second run finds nothing.
    assert (media_storage / archived.file.name).exists()
    assert run_fixity("--orphans")[0] == 0


def test_a_file_named_only_by_an_earlier_version_is_not_an_orphan(media_storage):
    licence = LicenceFactory()
    licence.document.save("first.pdf", ContentFile(b"%PDF first"))
    first = licence.document.name
    licence.document.save("second.pdf", ContentFile(b"%PDF second"))
    assert find_orphans().orphans == []
    assert Licence.history.filter(document=first).exists()


def test_a_licence_document_that_is_gone_is_reported(media_storage):
    licence = LicenceFactory()
    licence.document.save("terms.pdf", ContentFile(b"%PDF terms"))
    (media_storage / licence.document.name).unlink()
    code, output = run_fixity("--orphans")
    assert code == 1
    assert f"licence #{licence.pk} MISSING document: {licence.document.name}" in output


def test_a_bad_path_on_a_licence_is_reported_not_raised(media_storage):
    licence = LicenceFactory()
    Licence.objects.filter(pk=licence.pk).update(document="../../etc/passwd")
    report = find_orphans()
    assert report.documents_missing == [(licence.pk, "../../etc/passwd")]


def test_plain_fixity_finishes_interrupted_writes_first(archived, media_storage):
    # A committed write whose files were never moved: fixity must not call them missing.
    import subprocess

    from archive.models import StagedFile
    from archive.preservation.staging import this_host

    child = subprocess.Popen(["true"])
    child.wait()
    operation = f"staging/{this_host()}-{child.pid}-1-0123456789ab"
    put(
        media_storage,
        f"{operation}/{archived.file.name}",
        (media_storage / archived.file.name).read_bytes(),
    )
    (media_storage / archived.file.name).unlink()
    StagedFile.objects.create(operation=operation, name=archived.file.name)
    code, output = run_fixity()
    assert code == 0, output
    assert "recovery: 1 file(s) of interrupted writes published" in output
