"""Look-alikes: what real transformations do to a pHash, and the band index at 1M stored hashes.

1. Pictures: the JPEG fixtures of tests/fixtures/metadata and generated photographs, each
   transformed as newsrooms do (resized to half, recompressed at quality 60, cropped 5 %,
   brightened and darkened 10 %, a small caption burnt in; and mirrored, which is not expected
   to match). Printed: for each transformation, how many copies fall within the near-duplicate
   distance of their original (what the threshold catches), and how many pairs of different
   pictures fall within it (false look-alikes).
2. The index: a SQLite archive of 1M assets with random hashes plus those pictures
   (bench/out/lookalikes-1000000.sqlite3, generated once). Every transformed copy is looked up
   through the bands (`archive.ingest.pipeline.look_alikes`); recall is measured against a
   brute-force scan of every stored hash (numpy, same run), and the lookup's time against the
   full scan's.

    .venv/bin/python bench/bench_lookalikes.py [--size 1000000]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
FIXTURES = ROOT / "tests" / "fixtures" / "metadata"
GENERATED = 60


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def generated_photo(seed: int):
    """A 900×600 picture with shapes, gradients and grain: unlike any other seed's."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    image = Image.new("RGB", (900, 600), tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randrange(6, 16)):
        box = (
            sorted(rng.randrange(900) for _ in range(2)),
            sorted(rng.randrange(600) for _ in range(2)),
        )
        colour = tuple(rng.randrange(256) for _ in range(3))
        shape = (box[0][0], box[1][0], box[0][1] + 20, box[1][1] + 20)
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)(shape, fill=colour)
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(1, 4)))
    noise = Image.effect_noise((900, 600), rng.uniform(8, 30)).convert("RGB")
    return Image.blend(image, noise, 0.15)


def transformations():
    from PIL import ImageDraw, ImageEnhance, ImageOps

    def resized(image):
        return image.resize((image.width // 2, image.height // 2))

    def recompressed(image):
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=60)
        buffer.seek(0)
        from PIL import Image

        return Image.open(buffer).convert("RGB")

    def cropped(image):
        dx, dy = image.width // 40, image.height // 40
        return image.crop((dx, dy, image.width - dx, image.height - dy))

    def captioned(image):
        image = image.copy()
        draw = ImageDraw.Draw(image)
        size = max(10, image.height // 40)  # a credit in a corner, a fortieth of the height
        top = image.height - int(1.4 * size)
        draw.rectangle((0, top, image.width // 4, image.height), fill="black")
        draw.text((size // 3, top + size // 5), "Photo: Agency/Name", fill="white")
        return image

    return {
        "resized to half": resized,
        "JPEG quality 60": recompressed,
        "cropped 5 %": cropped,
        "brightness +10 %": lambda image: ImageEnhance.Brightness(image).enhance(1.1),
        "brightness -10 %": lambda image: ImageEnhance.Brightness(image).enhance(0.9),
        "small caption burnt in": captioned,
        "mirrored (not expected)": ImageOps.mirror,
    }


def pictures():
    from PIL import Image

    found = []
    for path in sorted(FIXTURES.glob("*.jpg")):
        with Image.open(path) as image:
            found.append((path.name, image.convert("RGB")))
    found += [(f"generated-{seed}", generated_photo(seed)) for seed in range(GENERATED)]
    return found


def setup_django(database: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def fill(size: int, originals: dict[str, str]) -> None:
    """Store ``size`` assets with random hashes, then the originals' hashes."""
    from django.db import transaction

    from archive.models import Asset

    rng = random.Random(2026)
    batch, made = [], 0
    hashes = [f"{rng.getrandbits(64):016x}" for _ in range(size)] + list(originals.values())
    for index, phash in enumerate(hashes, start=1):
        batch.append(Asset(sha256=f"{index:064x}", phash=phash, format="jpeg"))
        if len(batch) == 20_000:
            with transaction.atomic():
                Asset.objects.bulk_create(batch)
            made += len(batch)
            batch = []
    with transaction.atomic():
        Asset.objects.bulk_create(batch)


def child(size: int) -> None:
    import numpy as np
    from django.conf import settings

    from archive.ingest.renditions import render
    from archive.models import Asset
    from archive.phash import phash_distance

    distance = settings.ARCHIVE_NEAR_DUPLICATE_DISTANCE
    started = time.perf_counter()
    originals = {name: render(image).phash for name, image in pictures()}
    copies = []  # (transformation, original name, phash)
    for name, image in pictures():
        for label, transform in transformations().items():
            copies.append((label, name, render(transform(image)).phash))
    print(
        f"  hashed {len(copies)} copies in {time.perf_counter() - started:.0f} s", file=sys.stderr
    )

    rows = {}
    for label in transformations():
        mine = [c for c in copies if c[0] == label]
        gaps = [phash_distance(originals[name], phash) for _l, name, phash in mine]
        rows[label] = {
            "copies": len(mine),
            "within": sum(gap <= distance for gap in gaps),
            "median": statistics.median(gaps),
            "max": max(gaps),
        }
    names = list(originals)
    pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
    false_pairs = sum(phash_distance(originals[a], originals[b]) <= distance for a, b in pairs)

    marker = OUT / f"lookalikes-{size}.done"
    if not marker.exists() or Asset.objects.count() != size + len(originals):
        Asset.objects.all().delete()
        started = time.perf_counter()
        fill(size, originals)
        marker.write_text(str(size))
        print(f"  stored {size:,} hashes in {time.perf_counter() - started:.0f} s", file=sys.stderr)

    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.execute("ANALYZE")

    from archive.ingest.pipeline import look_alikes

    def load_all():
        ids, values = [], []
        for pk, phash in (
            Asset.objects.exclude(phash="").values_list("id", "phash").iterator(50_000)
        ):
            ids.append(pk)
            values.append(int(phash, 16))
        return np.array(ids), np.array(values, dtype=np.uint64)

    ids, stored = load_all()

    index_times, expected_total, found_total, candidates = [], 0, 0, []
    for _label, _name, phash in copies:
        begin = time.perf_counter()
        found = {asset.pk for _d, asset in look_alikes(phash, max_distance=distance)}
        index_times.append((time.perf_counter() - begin) * 1000)
        candidates.append(Asset.objects.look_alikes_of(phash, distance).count())
        gaps = np.bitwise_count(stored ^ np.uint64(int(phash, 16)))
        expected = set(ids[gaps <= distance].tolist())
        expected_total += len(expected)
        found_total += len(expected & found)
    # The baseline: what a lookup without the bands costs, reading every stored hash.
    scan_times = []
    for _label, _name, phash in copies[:: max(1, len(copies) // 7)]:
        begin = time.perf_counter()
        all_ids, all_hashes = load_all()
        gaps = np.bitwise_count(all_hashes ^ np.uint64(int(phash, 16)))
        all_ids[gaps <= distance].tolist()
        scan_times.append((time.perf_counter() - begin) * 1000)
    print(
        json.dumps(
            {
                "size": size,
                "stored": int(len(stored)),
                "distance": distance,
                "pictures": len(originals),
                "rows": rows,
                "pairs": len(pairs),
                "false_pairs": false_pairs,
                "lookups": len(copies),
                "expected": expected_total,
                "found": found_total,
                "index_p50": statistics.median(index_times),
                "index_p95": percentile(index_times, 0.95),
                "candidates_p50": statistics.median(candidates),
                "candidates_max": max(candidates),
                "scan_p50": statistics.median(scan_times),
                "scan_p95": percentile(scan_times, 0.95),
                "scan_lookups": len(scan_times),
            }
        )
    )


def table(result: dict) -> str:
    lines = [
        f"{result['pictures']} pictures ({len(list(FIXTURES.glob('*.jpg')))} fixtures, "
        f"{GENERATED} generated); near-duplicate distance {result['distance']} bits",
        "",
        f"{'transformation':26} {'copies':>6} {'within':>7} {'share':>7} {'median':>7} {'max':>4}",
    ]
    for label, row in result["rows"].items():
        lines.append(
            f"{label:26} {row['copies']:>6} {row['within']:>7} "
            f"{row['within'] / row['copies']:>7.0%} {row['median']:>7.1f} {row['max']:>4}"
        )
    lines += [
        f"false look-alikes: {result['false_pairs']} of {result['pairs']:,} pairs of different "
        f"pictures within {result['distance']} bits ({result['false_pairs'] / result['pairs']:.2%})",
        "",
        f"index over {result['stored']:,} stored hashes (SQLite), {result['lookups']} lookups:",
        f"{'figure':34} {'bands':>9} {'full scan':>10} {'ratio':>7}",
        f"{'recall (found / within distance)':34} "
        f"{result['found'] / max(result['expected'], 1):>9.1%} {'100.0%':>10} "
        f"{result['found'] / max(result['expected'], 1):>7.2f}  "
        f"({result['found']} of {result['expected']} stored hashes within the distance)",
        f"{'lookup p50 ms':34} {result['index_p50']:>9.2f} {result['scan_p50']:>10.2f} "
        f"{result['scan_p50'] / result['index_p50']:>6.1f}x",
        f"{'lookup p95 ms (goal <= 20)':34} {result['index_p95']:>9.2f} {result['scan_p95']:>10.2f} "
        f"{result['scan_p95'] / result['index_p95']:>6.1f}x",
        f"candidates measured per lookup: median {result['candidates_p50']:,.0f}, "
        f"most {result['candidates_max']:,}; the full scan reads every stored hash "
        f"for each lookup ({result['scan_lookups']} of them timed)",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    database = OUT / f"lookalikes-{args.size}.sqlite3"
    if args.child:
        setup_django(database)
        child(args.size)
        return 0
    output = subprocess.run(
        [sys.executable, __file__, "--child", "--size", str(args.size)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"},
    )
    sys.stderr.write(output.stderr)
    print(table(json.loads(output.stdout.strip().splitlines()[-1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
