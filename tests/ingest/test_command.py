"""`python manage.py ingest`: its lines, JSON objects, summary, progress bar and exit codes."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command
from PIL import Image

from archive.models import Asset, Credit
from tests.factories import jpeg_bytes, png_bytes
from tests.helpers import manage_in

pytestmark = pytest.mark.django_db


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def folder(tmp_path):
    """A folder from an older archive: two pictures, a copy of one, a text file, a hidden file."""
    root = tmp_path / "old-archive"
    (root / "2019").mkdir(parents=True)
    (root / "2019" / "a.jpg").write_bytes(jpeg_bytes("cmd-a", xmp_fields={"credit": "PA"}))
    (root / "2019" / "b.png").write_bytes(png_bytes("cmd-b"))
    (root / "copy-of-a.jpg").write_bytes(jpeg_bytes("cmd-a", xmp_fields={"credit": "PA"}))
    (root / "readme.txt").write_bytes(b"scanned in 2019 by the library")
    (root / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    return root


def run(*args, stdout=None, stderr=None) -> tuple[int, str, str]:
    """Run the command; return its exit code, standard output and standard error."""
    stdout, stderr = stdout or io.StringIO(), stderr or io.StringIO()
    try:
        call_command("ingest", *args, stdout=stdout, stderr=stderr)
        code = 0
    except SystemExit as exit:
        code = exit.code
    return code, stdout.getvalue(), stderr.getvalue()


def test_one_line_per_file_a_summary_and_exit_1_when_something_was_rejected(folder):
    code, out, _ = run(str(folder))
    lines = out.splitlines()
    first = Asset.objects.get(original_filename="a.jpg")
    second = Asset.objects.get(original_filename="b.png")
    assert lines == [
        f"{folder}/2019/a.jpg: created #{first.pk}",
        f"{folder}/2019/b.png: created #{second.pk}",
        f"{folder}/copy-of-a.jpg: duplicate: already archived as #{first.pk}",
        f"{folder}/readme.txt: rejected: this file is plain text, not a picture or a video",
        "4 file(s): 2 created, 1 duplicate, 1 rejected",
    ]
    assert code == 1
    assert first.credit.name == "PA" and not first.credit.reviewed


def test_exit_0_when_nothing_was_rejected_even_with_duplicates(folder):
    (folder / "readme.txt").unlink()
    code, out, _ = run(str(folder / "2019"), str(folder / "copy-of-a.jpg"))
    assert code == 0
    assert out.splitlines()[-1] == "3 file(s): 2 created, 1 duplicate, 0 rejected"
    code, out, _ = run(str(folder))
    assert code == 0
    assert out.splitlines()[-1] == "3 file(s): 0 created, 3 duplicate, 0 rejected"


def test_json_gives_one_object_per_line_and_the_summary_on_stderr(folder):
    code, out, err = run(str(folder), "--json")
    objects = [json.loads(line) for line in out.splitlines()]
    first = Asset.objects.get(original_filename="a.jpg")
    assert [(item["path"], item["status"], item["asset_id"]) for item in objects] == [
        (f"{folder}/2019/a.jpg", "created", first.pk),
        (f"{folder}/2019/b.png", "created", Asset.objects.get(original_filename="b.png").pk),
        (f"{folder}/copy-of-a.jpg", "duplicate", first.pk),
        (f"{folder}/readme.txt", "rejected", None),
    ]
    assert {"path", "status", "asset_id", "reason"} <= set(objects[0])
    assert objects[3]["reason"] == "this file is plain text, not a picture or a video"
    assert err.strip() == "4 file(s): 2 created, 1 duplicate, 1 rejected"
    assert code == 1


def test_credit_and_kind_apply_to_every_file(folder):
    (folder / "readme.txt").unlink()
    code, _, _ = run(str(folder / "2019"), "--credit", "Getty Images", "--kind", "graphic")
    assert code == 0
    credit = Credit.objects.get(name="Getty Images")
    assert set(Asset.objects.values_list("credit", "kind")) == {(credit.pk, "graphic")}


def test_warnings_are_printed_under_their_file(tmp_path):
    buffer = io.BytesIO()
    broken_xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><unclosed'
    Image.new("RGB", (64, 48), "teal").save(buffer, "JPEG", xmp=broken_xmp)
    path = tmp_path / "w.jpg"
    path.write_bytes(buffer.getvalue())
    code, out, _ = run(str(path))
    lines = out.splitlines()
    assert lines[0].startswith(f"{path}: created #")
    assert lines[1] == "  warning: The XMP packet is not well-formed XML and was ignored."
    assert code == 0


def test_a_missing_path_is_an_error_before_anything_is_imported(folder):
    with pytest.raises(CommandError, match="no such file or folder"):
        call_command("ingest", str(folder), str(folder / "nope"), stdout=io.StringIO())
    assert Asset.objects.count() == 0


def test_a_progress_bar_is_drawn_on_a_terminal(folder, monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    run(str(folder))
    drawn = terminal.getvalue()
    assert drawn.count("\r") == 4
    assert "\r[#######.......................] 1/4" in drawn
    assert drawn.endswith("\r[##############################] 4/4\n")


def test_no_progress_bar_when_not_a_terminal_or_with_json(folder, monkeypatch):
    plain = io.StringIO()
    monkeypatch.setattr("sys.stderr", plain)
    run(str(folder))
    assert plain.getvalue() == ""
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    run(str(folder), "--json")
    assert "[" not in terminal.getvalue()


def test_json_output_holds_only_the_files_fates_and_the_logs_go_to_stderr(tmp_path):
    """A script reads `ingest --json` line by line: no log record may come between."""
    from pathlib import Path

    manage = manage_in(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jpg").write_bytes(jpeg_bytes("stdout-a"))
    (tmp_path / "in" / "b.png").write_bytes(png_bytes("stdout-b"))

    assert manage("migrate", "--noinput").returncode == 0
    done = manage("ingest", str(tmp_path / "in"), "--json")
    assert done.returncode == 0, done.stderr[-3000:]
    fates = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(Path(fate["path"]).name, fate["status"]) for fate in fates] == [
        ("a.jpg", "created"),
        ("b.png", "created"),
    ]
    logged = [json.loads(line) for line in done.stderr.splitlines() if line.startswith("{")]
    assert any(record["logger"] == "archive.ingest" for record in logged)
