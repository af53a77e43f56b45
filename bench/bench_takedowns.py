"""Takedown impact at scale: an agency's licence covering 5 % of the archive.

The archive is ``rights_archive``'s, shared with ``bench_rights`` (generated once in SQL into
bench/out/rights-<assets>.sqlite3, or the PostgreSQL database ``--db`` names): ``--assets``
pictures (``BENCH_ASSETS`` unless given) under 20 credits, one (``Agency 0``) holding 5 % of
them; three placements per asset over articles of ten; one video in 50 with two stills cut
from it; one picture in 40 a look-alike of another. Timed, best of ``--reps``:

- impact: what the takedown reaches (``how_reached``) and the first page of its placements;
- CSV: every placement it reaches streamed as CSV to the end;
- baseline, same run: the same list built the naive way, asset by asset through the ORM
  (its placements, its stills, its look-alikes: a few queries per asset), on 2 000 of the
  credit's assets, scaled to all of them.

    .venv/bin/python bench/bench_takedowns.py [--assets 1000000] [--reps 3] [--db URL]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rights_archive import DEFAULT_ASSETS, TAKEDOWN_SUPPLIER, engine, prepare  # noqa: E402


def timed(function, reps: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(reps):
        started = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - started)
    return best, result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assets", type=int, default=DEFAULT_ASSETS)
    parser.add_argument("--db", default="", help="a SQLite file or a postgres:// URL")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args(argv)
    prepare(args.db, args.assets)

    from archive import takedowns
    from archive.models import Asset, Credit, Placement

    supplier = Credit.objects.get(name=TAKEDOWN_SUPPLIER)
    base = takedowns.base_assets(credit=supplier)

    def impact():
        ways = takedowns.how_reached(base)
        page = takedowns.impact_page(takedowns.impact(base), 1, 100).object_list
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
        f"{args.assets:,} assets, {Placement.objects.count():,} placements ({engine()}); "
        "the supplier "
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
