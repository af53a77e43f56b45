"""Benchmark the upload request: what ``ingest_file`` spends before the background task.

Tasks are queued in the database (``ARCHIVE_TASKS_BACKEND=database``) and no worker runs, so
the timed call is exactly the request's share: validation, hashing, metadata, storage, the
row and the queued task. Two kinds of 24-megapixel JPEG (``bench_ingest.py``'s, reused from
``bench/out/ingest/``): plain, and signed with Content Credentials (C2PA) by a test chain.
Each step the request may take is timed alone on the same files, for the breakdown:

- **baseline**: read the file and SHA-256 its bytes, what any upload must do;
- probe + decode check (``probe`` and ``check_decodable``: a damaged picture refused);
- IPTC/XMP/EXIF (``read_metadata``); C2PA (``read_content_credentials``).

    .venv/bin/python bench/bench_upload_request.py [--count 10]
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import bench_ingest  # noqa: E402


def signed_copies(paths: list[Path]) -> list[Path]:
    """Return each JPEG signed with Content Credentials, made once next to it."""
    from tests.c2pa_signing import sign_jpeg

    signed = []
    for path in paths:
        target = path.with_name(path.stem + "-signed.jpg")
        if not target.exists():
            target.write_bytes(sign_jpeg(path.read_bytes(), title=path.name))
        signed.append(target)
    return signed


def median_ms(function, paths: list[Path]) -> float:
    times = []
    for path in paths:
        started = time.perf_counter()
        function(path)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-upload-") as workdir:
        # The request only: the task is queued in the database and no worker takes it.
        bench_ingest.setup_django(Path(workdir), tasks="database")
        from archive.ingest import CREATED, ingest_file
        from archive.ingest.credentials import read_content_credentials
        from archive.ingest.metadata import read_metadata
        from archive.ingest.pipeline import check_decodable
        from archive.ingest.validation import probe
        from archive.models import Asset

        plain = bench_ingest.corpus(options.count)
        signed = signed_copies(plain)

        def baseline(path: Path) -> None:
            hashlib.sha256(path.read_bytes()).hexdigest()

        def probe_and_check(path: Path) -> None:
            check_decodable(probe(path.read_bytes()))

        def metadata(path: Path) -> None:
            data = path.read_bytes()
            read_metadata(data, probe(data).image)

        def credentials(path: Path) -> None:
            read_content_credentials(path.read_bytes(), mime_type="image/jpeg")

        def request(path: Path) -> None:
            result = ingest_file(path, filename=path.name)
            if result.status != CREATED:
                raise SystemExit(f"{path.name}: {result.describe()}")

        baseline(plain[0])  # warm imports and the page cache
        credentials(signed[0])
        rows = []
        for label, files in (("plain", plain), ("C2PA-signed", signed)):
            base = median_ms(baseline, files)
            figures = [
                ("probe + decode check", median_ms(probe_and_check, files)),
                ("IPTC/XMP/EXIF", median_ms(metadata, files)),
                ("C2PA read + validate", median_ms(credentials, files)),
                ("upload request (ingest_file, task queued)", median_ms(request, files)),
            ]
            rows.append((label, base, figures))
        pending = Asset.objects.filter(processing_state="pending").count()

    size = statistics.median(path.stat().st_size for path in plain) / 1e6
    print(f"{options.count} JPEGs of 6000×4000 ({size:.1f} MB median), plain and C2PA-signed")
    print(f"{'figure (per file, median)':<50}{'ms':>9}{'baseline':>10}{'ratio':>8}")
    for label, base, figures in rows:
        print(f"-- {label}: baseline = read + sha256")
        for name, value in figures:
            print(f"{name:<50}{value:>9.1f}{base:>10.1f}{value / base:>8.2f}")
    print(f"assets left pending for a worker: {pending}")


if __name__ == "__main__":
    main()
