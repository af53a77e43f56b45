"""Benchmark ingest: 24-megapixel JPEGs end to end against the floor measured in the same run.

Generates camera-sized JPEGs (6000×4000, textured like a photograph, with an XMP packet
carrying a caption and a credit) once into ``bench/out/ingest/`` (git-ignored, reused), then
for each file times

- **ingest**: ``ingest_file(path)`` end to end (read, hash, probe, metadata, renditions,
  look-alike search, storage writes, database rows) into a temporary SQLite database and a
  temporary media folder;
- **floor**: what any ingest must do at least, with Pillow and hashlib alone: read the file,
  SHA-256 of its bytes, open it with ``draft`` at thumbnail size, make one thumbnail and
  encode it as JPEG;
- for reference, decoding alone at the scale the 1600-pixel preview needs (1/2 here, against
  the floor's 1/8): the part of the gap that making the preview at ingest costs.

Floor and ingest alternate file by file, so both see the same noise from the shared cores.

    .venv/bin/python bench/bench_ingest.py [--count 50] [--profile]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import logging
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "ingest"
SIZE = (6000, 4000)


def setup_django(workdir: Path, *, tasks: str = "immediate") -> None:
    """Point Django at a throw-away SQLite database and media folder, then migrate."""
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["ARCHIVE_MEDIA_ROOT"] = str(workdir / "media")
    os.environ["ARCHIVE_STORAGE"] = "filesystem"
    os.environ.pop("ARCHIVE_PRODUCTION", None)
    # End to end: the background task (renditions, pHash, look-alikes) runs at once, in the
    # timed call, as it did when all of it ran in the request ("database": queued only).
    os.environ["ARCHIVE_TASKS_BACKEND"] = tasks
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    for name in ("archive.ingest", "archive.background"):
        logging.getLogger(name).setLevel(logging.WARNING)  # no line per file


def make_photo(seed: int) -> bytes:
    """Draw a 6000×4000 picture with photographic texture and encode it like a camera."""
    from PIL import Image, ImageDraw, ImageFilter

    from archive.preservation.xmp import build_xmp_packet

    rng = random.Random(seed)
    small = Image.new("RGB", (600, 400), tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(small)
    for _ in range(40):
        x, y, r = rng.randrange(600), rng.randrange(400), rng.randrange(10, 160)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
    image = small.resize(SIZE, Image.Resampling.BICUBIC).filter(ImageFilter.GaussianBlur(3))
    # Sensor-like grain, so the file is as large and as slow to decode as a real photograph's.
    grain = Image.effect_noise(SIZE, 24).convert("RGB")
    image = Image.blend(image, grain, 0.18)
    buffer = io.BytesIO()
    xmp = build_xmp_packet(
        description=f"Benchmark photograph number {seed}, a crowd at dusk",
        credit=rng.choice(["GETTY", "Reuters", "AFP via Getty Images", "PA Wire"]),
        creator="Bench Photographer",
        headline=f"Bench {seed}",
    )
    image.save(buffer, "JPEG", quality=92, xmp=xmp)
    return buffer.getvalue()


def corpus(count: int) -> list[Path]:
    """Return ``count`` generated JPEGs, making the missing ones."""
    OUT.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in range(count):
        path = OUT / f"photo-{seed:03d}.jpg"
        if not path.exists():
            path.write_bytes(make_photo(seed))
        paths.append(path)
    return paths


def floor(path: Path) -> None:
    """Do the least any ingest must: read, hash, open at reduced size, one thumbnail."""
    from PIL import Image

    data = path.read_bytes()
    hashlib.sha256(data).hexdigest()
    image = Image.open(io.BytesIO(data))
    image.draft("RGB", (320, 320))
    image.thumbnail((320, 320))
    image.save(io.BytesIO(), "JPEG", quality=80)


def preview_decode(path: Path) -> None:
    """Only decode at the scale a 1600-pixel preview needs (1/2 for 6000×4000): for reference."""
    from PIL import Image

    image = Image.open(io.BytesIO(path.read_bytes()))
    image.draft("RGB", (1600, 1600))
    image.load()


def timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--profile", action="store_true", help="cProfile the ingest runs")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as workdir:
        setup_django(Path(workdir))
        from archive.ingest import CREATED, ingest_file

        started = time.perf_counter()
        paths = corpus(options.count)
        made = time.perf_counter() - started
        sizes = [path.stat().st_size for path in paths]
        print(
            f"{len(paths)} JPEGs of {SIZE[0]}×{SIZE[1]}, median {statistics.median(sizes) / 1e6:.1f} MB"
            f" (ready in {made:.0f} s)"
        )
        floor(paths[0])  # warm imports and caches for both sides
        profiler = None
        if options.profile:
            import cProfile

            profiler = cProfile.Profile()
        floors, ingests, decodes = [], [], []
        for path in paths:
            floors.append(timed(floor, path))
            decodes.append(timed(preview_decode, path))
            if profiler:
                profiler.enable()
            started = time.perf_counter()
            result = ingest_file(path, filename=path.name)
            ingests.append(time.perf_counter() - started)
            if profiler:
                profiler.disable()
            if result.status != CREATED:
                raise SystemExit(f"{path.name}: {result.describe()}")

    floor_ms = statistics.median(floors) * 1000
    ingest_ms = statistics.median(ingests) * 1000
    print()
    print(f"{'figure (per image, median)':<44}{'ms':>10}")
    print(f"{'floor: read + sha256 + draft + thumbnail':<44}{floor_ms:>10.1f}")
    print(f"{'ingest_file end to end':<44}{ingest_ms:>10.1f}")
    decode_ms = statistics.median(decodes) * 1000
    print(f"{'(reference: decode at preview scale only)':<44}{decode_ms:>10.1f}")
    print(f"{'ratio ingest / floor (aim ≤ 1.5)':<44}{ingest_ms / floor_ms:>10.2f}")
    spread = statistics.quantiles(ingests, n=10)
    print(
        f"ingest p10–p90 {spread[0] * 1000:.0f}–{spread[-1] * 1000:.0f} ms; "
        "2 shared cores: expect ±10% between runs"
    )
    if profiler:
        import pstats

        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
