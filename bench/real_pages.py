"""Real newsrooms' pages for the article scorer, fetched from a pinned package, never committed.

    .venv/bin/python bench/real_pages.py            (prints the folders it filled)

Our own corpora are invented pages in real house styles. These are pages that real newsrooms
published, saved by other projects as their test data and shipped in their source
distributions on PyPI: `real/` from newspaper4k (CNN, TIME, Wired, Yonhap, BBC Burmese and
Chinese, Nikkei, LSM ...), `real2/` and `real3/` from trafilatura (the Guardian, Süddeutsche,
Zeit, DW, Reuters, Spiegel, FAZ ...; magazines, trade press and blogs). The pages belong to
their publishers, so the repository keeps only our hand-written answer keys and each folder's
`pages.json`: which file of which source distribution each key answers, with the SHA-256 of the distribution and of every page.
`materialise(folder)` downloads the distribution through pip (the index pip is configured
with; nothing else), checks both digests and writes the pages beside copies of the keys under
`bench/out/<folder's name>/`, a folder the scorer and `tests/fixtures/articles/check_keys.py`
read like any corpus folder.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
OUT = ROOT / "bench" / "out"


def real_sets() -> list[Path]:
    """Every folder of keys to real pages (one `pages.json` each), in name order."""
    return sorted(path.parent for path in FIXTURES.glob("real*/pages.json"))


class FetchError(RuntimeError):
    """The pages could not be fetched or did not match their recorded digests."""


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest(keys: Path) -> dict:
    return json.loads((keys / "pages.json").read_text(encoding="utf-8"))


def _distribution(spec: dict, downloads: Path) -> Path:
    """The source distribution, downloaded once and checked against its recorded digest."""
    path = downloads / spec["sdist"]
    if not path.exists() or _sha256(path.read_bytes()) != spec["sha256"]:
        downloads.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=downloads) as tmp:
            command = [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--no-binary",
                ":all:",
                "--dest",
                tmp,
                f"{spec['package']}=={spec['version']}",
            ]
            done = subprocess.run(command, capture_output=True, text=True)
            fetched = Path(tmp) / spec["sdist"]
            if done.returncode != 0 or not fetched.exists():
                raise FetchError(
                    f"pip could not download {spec['sdist']}: {done.stderr.strip()[-500:]}"
                )
            if _sha256(fetched.read_bytes()) != spec["sha256"]:
                raise FetchError(f"{spec['sdist']}: its SHA-256 is not the recorded one")
            fetched.replace(path)
    return path


def materialise(keys: Path) -> Path:
    """Fill bench/out/<keys' name> with every keyed page of `keys` and its key; return it."""
    dest = OUT / keys.name
    spec = manifest(keys)
    keyed = sorted(keys.glob("*.key.json"))
    wanted = {
        name: page
        for name, page in spec["pages"].items()
        if (keys / (Path(name).stem + ".key.json")).exists()
    }
    dest.mkdir(parents=True, exist_ok=True)
    keep = set(wanted) | {key.name for key in keyed}
    for stale in dest.iterdir():
        if stale.is_file() and stale.name not in keep:
            stale.unlink()
    missing = [name for name, page in wanted.items() if not _page_ok(dest / name, page)]
    if missing:
        sdist = _distribution(spec, OUT / "downloads")
        with tarfile.open(sdist) as archive:
            for name in missing:
                member = archive.extractfile(wanted[name]["member"])
                if member is None:
                    raise FetchError(f"{wanted[name]['member']} is not in {spec['sdist']}")
                data = member.read()
                if _sha256(data) != wanted[name]["sha256"]:
                    raise FetchError(f"{name}: the page's SHA-256 is not the recorded one")
                (dest / name).write_bytes(data)
    for key in keyed:
        shutil.copyfile(key, dest / key.name)
    return dest


def _page_ok(path: Path, page: dict) -> bool:
    return path.exists() and _sha256(path.read_bytes()) == page["sha256"]


if __name__ == "__main__":
    try:
        for folder in real_sets():
            print(materialise(folder))
    except FetchError as error:
        sys.exit(f"real_pages: {error}")
