"""Benchmark search before and after a change, in the same run, on an archive already built.

Times ``search_assets`` (with all facets) for ``bench_search.QUERIES`` in this tree and in
another checkout of the project (``--before``, e.g. ``git archive <commit> | tar -x -C /tmp/before``),
each in its own process, taking turns (``--rounds`` times each, ``--reps`` searches a query a
turn) so both see the same load; prints hits, p50 and p95 of each, and the ratio. Reads the
database ``DATABASE_URL`` names and writes nothing: build the archive first with
``bench_search.py`` (its 1M PostgreSQL archive takes most of an hour). Named apart from the
``bench_*.py`` scripts so that ``make bench`` (which needs no other checkout) leaves it out.

    DATABASE_URL=postgres://.../search_bench_1m .venv/bin/python bench/compare_search.py \\
        --before /tmp/before [--rounds 3] [--reps 5] [--queries rights]

``--queries rights`` times ``RIGHTS_QUERIES`` instead, on the archive the rights benchmarks
generate (``bench/rights_archive.py``: built in SQL in minutes at 1M, where ``bench_search.py``
takes most of an hour): a description word in one picture in a hundred of the agencies'
pictures, four in five licensed, three placements each.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SELECTIVE_GOAL_MS, BROAD_GOAL_MS = 100, 500
# (name, query text, selective?) on bench/rights_archive.py's archive: every description is
# "A picture of the <word> at dawn" (each word of its WORDS in about 1 %), one credit of 20.
RIGHTS_QUERIES = [
    ("one word (1 %)", "harbour", True),
    ("phrase (1 %)", '"harbour at dawn"', True),
    ("rare word", "123457", True),
    ("credit filter", "credit:reuters", True),
    ("credit + word", "credit:reuters harbour", True),
    ("every asset's word", "dawn", False),
]


def child(reps: int, queries: list | None = None) -> None:
    """Time each query (``queries``, else ``bench_search.QUERIES``) in this process's tree;
    print one JSON row a query."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from archive.search import search_assets
    from bench.bench_search import QUERIES

    for name, text, _ in queries or QUERIES:
        results = search_assets(text)  # warm, as a running server would be
        times = []
        for _ in range(reps):
            started = time.perf_counter()
            results = search_assets(text)
            times.append((time.perf_counter() - started) * 1000)
        estimated = getattr(results, "estimated", False)
        row = {"query": name, "hits": results.total, "estimated": estimated, "times": times}
        print(json.dumps(row), flush=True)


def run_tree(tree: Path, reps: int, queries: list) -> list[dict]:
    """Run the child in ``tree`` (its code first on the path) and return its rows."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    output = subprocess.run(
        [sys.executable, "-c", CHILD.format(reps=reps, queries=json.dumps(queries))],
        cwd=tree,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


# The child runs this file's ``child`` against the tree's own code (cwd and path first).
CHILD = (
    "import json, runpy, sys; sys.path.insert(0, '.');"
    f"module = runpy.run_path({str(Path(__file__).resolve())!r});"
    "module['child']({reps}, json.loads({queries!r}))"
)


def table(after: dict[str, dict], before: dict[str, dict], queries: list) -> str:
    from bench.bench_search import percentile

    lines = [
        f"{'query':27} {'hits':>10} {'p50 ms':>8} {'p95 ms':>8} {'before hits':>11} "
        f"{'p50':>8} {'p95':>8} {'p95 ratio':>9}  goal (p95)"
    ]
    for name, _, selective in queries:
        now, then = after[name], before[name]
        p50, p95 = statistics.median(now["times"]), percentile(now["times"], 0.95)
        b50, b95 = statistics.median(then["times"]), percentile(then["times"], 0.95)
        goal = SELECTIVE_GOAL_MS if selective else BROAD_GOAL_MS
        hits = ("~" if now["estimated"] else "") + f"{now['hits']:,}"
        lines.append(
            f"{name:27} {hits:>10} {p50:>8.1f} {p95:>8.1f} {then['hits']:>11,} {b50:>8.1f} "
            f"{b95:>8.1f} {b95 / max(p95, 0.001):>8.1f}x  <= {goal}: "
            + ("met" if p95 <= goal else "NOT met")
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, type=Path, help="another checkout")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--queries", choices=("search", "rights"), default="search")
    options = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    if not (options.before / "archive" / "search").is_dir():
        raise SystemExit(f"{options.before} is not a checkout of the project.")
    from bench.bench_search import QUERIES

    queries = RIGHTS_QUERIES if options.queries == "rights" else QUERIES
    after: dict[str, dict] = {}
    before: dict[str, dict] = {}
    for round_number in range(options.rounds):
        for tree, rows in ((options.before, before), (ROOT, after)):
            for row in run_tree(tree, options.reps, queries):
                kept = rows.setdefault(row["query"], {**row, "times": []})
                kept["times"] += row["times"]
        print(f"  round {round_number + 1} of {options.rounds} done", file=sys.stderr)
    print(table(after, before, queries))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
