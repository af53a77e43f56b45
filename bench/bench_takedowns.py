"""Takedown impact at scale: an agency's licence covering 5 % of the archive.

The archive (generated once into bench/out/takedowns-<assets>.sqlite3, reused while its size
matches): ``--assets`` pictures under 20 credits, one credit holding 5 % of them; three
placements per asset over articles of ten; one video in 50 with two stills cut from it; one
picture in 40 a look-alike of another. Timed, best of ``--reps``:

- impact: what the takedown reaches (``how_reached``) and the first page of its placements;
- CSV: every placement it reaches streamed as CSV to the end;
- baseline, same run: the same list built the naive way, asset by asset through the ORM
  (its placements, its stills, its look-alikes: a few queries per asset), on 2 000 of the
  credit's assets, scaled to all of them.

    .venv/bin/python bench/bench_takedowns.py [--assets 1000000] [--reps 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
CREDITS = 20
SHARE = 0.05  # the supplier's part of the archive
BATCH = 5000


def setup(db: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def build(assets: int) -> None:
    """Generate the archive with bulk inserts (no signals, no files)."""
    from django.core.management import call_command
    from django.db import transaction

    from archive.models import Article, Asset, Credit, Placement

    call_command("migrate", verbosity=0)
    if Asset.objects.count() == assets:
        return
    credits = [
        Credit.objects.create(name=f"Agency {i}", kind=Credit.Kind.AGENCY) for i in range(CREDITS)
    ]
    supplier = credits[0]
    next_id = 1
    with transaction.atomic():
        articles = [
            Article(
                headline=f"Story {i}", publication="The Bench", url=f"https://bench.example/{i}"
            )
            for i in range(assets * 3 // 10)
        ]
        Article.objects.bulk_create(articles, batch_size=BATCH)
        article_ids = list(Article.objects.values_list("id", flat=True))
        rows: list[Asset] = []
        for i in range(assets):
            pk = next_id
            next_id += 1
            credit = supplier if i % round(1 / SHARE) == 0 else credits[1 + i % (CREDITS - 1)]
            kind = Asset.Kind.PHOTO
            video = timecode = None
            near = None
            if i % 50 == 0:
                kind = Asset.Kind.VIDEO
            elif i % 50 in (1, 2):
                kind, video, timecode = Asset.Kind.STILL, pk - (i % 50), float(i % 50)
            elif i % 40 == 7 and pk > 10:
                near = pk - 5
            rows.append(
                Asset(
                    id=pk,
                    kind=kind,
                    title=f"Picture {pk}",
                    credit=credit,
                    sha256=f"{pk:064x}",
                    format="jpeg",
                    video_id=video,
                    timecode=timecode,
                    near_duplicate_of_id=near,
                )
            )
            if len(rows) == BATCH:
                Asset.objects.bulk_create(rows)
                rows = []
        Asset.objects.bulk_create(rows)
        placements: list[Placement] = []
        for pk in range(1, assets + 1):
            for n in range(3):
                article = article_ids[(pk * 3 + n) % len(article_ids)]
                placements.append(
                    Placement(
                        article_id=article,
                        asset_id=pk,
                        position=(pk * 3 + n) // len(article_ids) + 1 + n * 1000,
                        caption=f"Caption of {pk} (Image: Agency)",
                        credit_line="(Image: Agency)",
                    )
                )
            if len(placements) >= BATCH:
                Placement.objects.bulk_create(placements)
                placements = []
        Placement.objects.bulk_create(placements)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def timed(function, reps: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(reps):
        started = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assets", type=int, default=1_000_000)
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    db = OUT / f"takedowns-{args.assets}.sqlite3"
    setup(db)
    started = time.perf_counter()
    build(args.assets)
    print(f"archive ready in {time.perf_counter() - started:.0f} s: {db}")

    from django.core.paginator import Paginator

    from archive import takedowns
    from archive.models import Asset, Credit, Placement

    supplier = Credit.objects.get(name="Agency 0")
    base = takedowns.base_assets(credit=supplier)

    def impact():
        ways = takedowns.how_reached(base)
        page = list(Paginator(takedowns.impact(base), 100).get_page(1).object_list)
        return ways, page

    def stream_csv():
        ways = takedowns.how_reached(base)
        lines = 0
        size = 0
        for line in takedowns.csv_rows(takedowns.impact(base), ways, {}):
            lines += 1
            size += len(line)
        return lines - 1, size

    impact_s, (ways, _page) = timed(impact, args.reps)
    csv_s, (rows, size) = timed(stream_csv, args.reps)

    sample = list(Asset.objects.filter(credit=supplier).order_by("id")[:2000])

    def naive():
        found = []
        for asset in sample:
            found.extend(asset.placements.all())
            for still in Asset.objects.filter(video=asset):
                found.extend(still.placements.all())
            if asset.video_id:
                for still in Asset.objects.filter(video_id=asset.video_id).exclude(pk=asset.pk):
                    found.extend(still.placements.all())
            for other in asset.look_alikes.all():
                found.extend(other.placements.all())
            if asset.near_duplicate_of_id:
                found.extend(Placement.objects.filter(asset_id=asset.near_duplicate_of_id))
        return found

    naive_s, _ = timed(naive, 1)
    supplier_assets = Asset.objects.filter(credit=supplier).count()
    naive_all = naive_s * supplier_assets / len(sample)

    print()
    print(
        f"{args.assets:,} assets, {Placement.objects.count():,} placements; the supplier "
        f"holds {supplier_assets:,} assets; the takedown reaches {len(ways):,} assets, "
        f"{rows:,} placements ({size / 1e6:.1f} MB of CSV)"
    )
    print(f"{'figure':44} {'measured':>10} {'baseline':>10} {'ratio':>7} {'goal':>8}")
    print(
        f"{'impact: reached assets + first page (s)':44} {impact_s:10.3f} "
        f"{naive_all:10.1f} {naive_all / impact_s:7.0f} {'≤ 1.0':>8}"
    )
    print(
        f"{'CSV of every placement, streamed (s)':44} {csv_s:10.3f} "
        f"{naive_all:10.1f} {naive_all / csv_s:7.0f} {'≤ 1.0':>8}"
    )
    print(
        f"baseline: asset by asset through the ORM, {naive_s:.1f} s for {len(sample):,} of "
        f"the supplier's assets, scaled to {supplier_assets:,}"
    )


if __name__ == "__main__":
    main()
