"""The real newsrooms' pages: fetched from a pinned source distribution, checked, never committed."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_real_pages():
    spec = importlib.util.spec_from_file_location("real_pages", ROOT / "bench" / "real_pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def fake_package(tmp_path, monkeypatch):
    """A module pointed at a keys folder and a local source distribution of two pages."""
    real_pages = load_real_pages()
    pages = {
        "pkg-1.0/tests/a.html": b"<html><body><p>Page A</p></body></html>",
        "pkg-1.0/tests/b.html": b"<html><body><p>Page B</p></body></html>",
    }
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in pages.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    sdist = buffer.getvalue()
    keys = tmp_path / "keys"
    keys.mkdir()
    spec = {
        "package": "pkg",
        "version": "1.0",
        "sdist": "pkg-1.0.tar.gz",
        "sha256": _sha(sdist),
        "pages": {
            "01_alpha_one.html": {
                "member": "pkg-1.0/tests/a.html",
                "sha256": _sha(pages["pkg-1.0/tests/a.html"]),
            },
            "02_beta_two.html": {
                "member": "pkg-1.0/tests/b.html",
                "sha256": _sha(pages["pkg-1.0/tests/b.html"]),
            },
        },
    }
    (keys / "pages.json").write_text(json.dumps(spec))
    downloads = tmp_path / "out" / "downloads"
    downloads.mkdir(parents=True)
    (downloads / "pkg-1.0.tar.gz").write_bytes(sdist)
    monkeypatch.setattr(real_pages, "OUT", tmp_path / "out")
    return real_pages, keys, tmp_path / "out"


def test_only_keyed_pages_are_written_beside_their_keys(fake_package):
    real_pages, keys, out = fake_package
    (keys / "01_alpha_one.key.json").write_text("{}")
    folder = real_pages.materialise(keys)
    assert folder == out / "keys"
    assert sorted(p.name for p in folder.iterdir()) == [
        "01_alpha_one.html",
        "01_alpha_one.key.json",
    ]
    assert (folder / "01_alpha_one.html").read_bytes().startswith(b"<html><body><p>Page A")


def test_a_key_removed_takes_its_page_away(fake_package):
    real_pages, keys, _ = fake_package
    (keys / "01_alpha_one.key.json").write_text("{}")
    (keys / "02_beta_two.key.json").write_text("{}")
    folder = real_pages.materialise(keys)
    assert len(list(folder.iterdir())) == 4
    (keys / "02_beta_two.key.json").unlink()
    folder = real_pages.materialise(keys)
    assert sorted(p.name for p in folder.iterdir()) == [
        "01_alpha_one.html",
        "01_alpha_one.key.json",
    ]


def test_a_page_that_is_not_the_recorded_one_is_refused(fake_package):
    real_pages, keys, _ = fake_package
    spec = json.loads((keys / "pages.json").read_text())
    spec["pages"]["01_alpha_one.html"]["sha256"] = "0" * 64
    (keys / "pages.json").write_text(json.dumps(spec))
    (keys / "01_alpha_one.key.json").write_text("{}")
    with pytest.raises(real_pages.FetchError, match="01_alpha_one.html"):
        real_pages.materialise(keys)


def test_a_distribution_that_is_not_the_recorded_one_is_fetched_again_and_refused(
    fake_package, monkeypatch
):
    real_pages, keys, out = fake_package
    (out / "downloads" / "pkg-1.0.tar.gz").write_bytes(b"tampered")
    (keys / "01_alpha_one.key.json").write_text("{}")
    calls = []

    def fake_pip(command, **kwargs):
        calls.append(command)
        dest = Path(command[command.index("--dest") + 1])
        (dest / "pkg-1.0.tar.gz").write_bytes(b"still not it")
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(real_pages.subprocess, "run", fake_pip)
    with pytest.raises(real_pages.FetchError, match="SHA-256"):
        real_pages.materialise(keys)
    assert calls and calls[0][-1] == "pkg==1.0"
    # The refused download is not kept in place of the good name.
    assert (out / "downloads" / "pkg-1.0.tar.gz").read_bytes() == b"tampered"


def test_the_real_sets_are_found():
    names = [folder.name for folder in load_real_pages().real_sets()]
    assert names[:3] == ["real", "real2", "real3"]


@pytest.mark.parametrize("name", ["real", "real2", "real3"])
def test_the_manifest_names_every_key_and_the_keys_match_their_pages(name):
    """Every committed key has its page in the manifest, and check_keys passes on them all."""
    real_pages = load_real_pages()
    keys_folder = real_pages.FIXTURES / name
    spec = real_pages.manifest(keys_folder)
    keys = sorted(keys_folder.glob("*.key.json"))
    for key in keys:
        assert key.name.removesuffix(".key.json") + ".html" in spec["pages"], key.name
    assert keys, f"{name} has no key"
    folder = real_pages.materialise(keys_folder)
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests/fixtures/articles/check_keys.py"), str(folder)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
