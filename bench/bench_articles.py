"""Article import against the corpus's answer keys: placements and claims, per article and total.

    .venv/bin/python bench/bench_articles.py [--misses]   (make bench runs it without)

The corpus is `tests/fixtures/articles/corpus/` (invented articles in many house styles, keys
written by hand from the articles); `holdout/` to `holdout8/` beside it hold articles
written after the parser was tuned on the corpus, each scored separately: how well the rules carry
to pages not seen. The table gives each figure beside its goal (issue 14) and
the ratio; `--misses` lists every missed, extra or wrong item. Last come `bench/out/real*/`:
pages real newsrooms published, with our keys (bench/real_pages.py fetches them).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from bench.real_pages import FetchError, materialise, real_sets  # noqa: E402
from tests.articles.scoring import (  # noqa: E402
    GOALS,
    SETS,
    figures,
    score_corpus,
)


def _pct(value: float) -> str:
    return f"{value * 100:5.1f} %"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument(
        "--no-real",
        action="store_true",
        help="skip the real newsrooms' pages (bench/real_pages.py fetches them through pip)",
    )
    args = parser.parse_args()
    for folder in SETS:
        if any(folder.glob("*.key.json")):
            report(folder, misses=args.misses)
    for keys in [] if args.no_real else real_sets():
        if not any(keys.glob("*.key.json")):
            continue
        try:
            folder = materialise(keys)
        except FetchError as error:
            sys.exit(f"real pages: {error} (--no-real scores the invented sets alone)")
        report(folder, misses=args.misses)


def report(folder: Path, *, misses: bool) -> None:
    total, each = score_corpus(folder)
    print(f"== {folder.relative_to(ROOT)}")
    print(
        f"{len(each)} articles, {total.placements_expected} placements, "
        f"{total.claims_expected} claims in the keys\n"
    )
    header = (
        f"{'article':34} {'plc rec':>7} {'plc prec':>8} {'exact k/cap/line/cred':>22} "
        f"{'clm rec':>7} {'clm prec':>8} {'date':>4}"
    )
    print(header)
    for score in each:
        exact = "/".join(
            f"{score.exact(n) * 100:.0f}" for n in ("kind", "caption", "credit_line", "credit")
        )
        print(
            f"{score.name[:34]:34} {score.placement_recall * 100:6.0f}% "
            f"{score.placement_precision * 100:7.0f}% {exact:>22} "
            f"{score.claim_recall * 100:6.0f}% {score.claim_precision * 100:7.0f}% "
            f"{'ok' if score.date_right == score.dates else 'no':>4}"
        )
    print()
    print(f"{'figure (total)':24} {'measured':>9} {'goal':>9} {'ratio':>6}  counts")
    counts = {
        "placement recall": (total.placements_paired, total.placements_expected),
        "placement precision": (total.placements_paired, total.placements_found),
        "kind exact": (total.kind_exact, total.placements_paired),
        "caption exact": (total.caption_exact, total.placements_paired),
        "credit line exact": (total.credit_line_exact, total.placements_paired),
        "credit exact": (total.credit_exact, total.placements_paired),
        "claim recall": (total.claims_paired, total.claims_expected),
        "claim precision": (total.claims_paired, total.claims_found),
    }
    for name, value in figures(total).items():
        goal = GOALS[name]
        part, whole = counts[name]
        flag = "met" if value >= goal else "MISSED"
        print(
            f"{name:24} {_pct(value):>9} {_pct(goal):>9} {value / goal:6.2f}  {part}/{whole} {flag}"
        )
    extra = {
        "source exact": (total.source_exact, total.placements_paired),
        "creator exact": (total.creator_exact, total.placements_paired),
        "claim unit right": (total.unit_right, total.claims_paired),
        "claimant right": (total.claimant_right, total.claims_paired),
        "date right": (total.date_right, total.dates),
    }
    for name, (part, whole) in extra.items():
        value = part / whole if whole else 1.0
        print(f"{name:24} {_pct(value):>9} {'':>9} {'':>6}  {part}/{whole}")
    print()
    if misses:
        print("\nmisses:")
        for miss in total.misses:
            print(" ", miss)


if __name__ == "__main__":
    main()
