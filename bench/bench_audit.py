"""Benchmark the licence report at scale: summary + first page, and the full CSV export.

Each figure is compared with a baseline measured in the same run: the rules evaluated in
Python over every asset loaded as model instances (licences, placements and look-alikes
prefetched, the whole archive in memory), which is what a report written naively does.
Every measurement runs in a fresh child process so its peak memory (VmHWM) is its own.

    .venv/bin/python bench/bench_audit.py [--assets 100000] [--db /tmp/bench-audit.sqlite3]

The archive is generated once into its own SQLite file (never the project's database) and
reused while its size matches.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.audit.mixed_archive import build_mixed_archive  # noqa: E402

DEFAULT_DB = Path("/tmp/caption-archive-bench-audit.sqlite3")


def setup_django(db_path: Path | None) -> None:
    """Point Django at the benchmark database (when given) and set it up."""
    sys.path.insert(0, str(ROOT))
    if db_path is not None:
        os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def naive_reports(today: date, warning_days: int) -> list:
    """The baseline: every asset as a model instance, the rules evaluated one by one."""
    from archive import audit
    from archive.models import Asset, CreditAlias

    aliases = {alias.key: alias.credit_id for alias in CreditAlias.objects.all()}
    reports = []
    assets = Asset.objects.select_related("credit", "near_duplicate_of").prefetch_related(
        "licences", "placements", "look_alikes"
    )
    for asset in assets.order_by("id"):
        credit = asset.credit
        look_alikes = [other.credit_id for other in asset.look_alikes.all()]
        if asset.near_duplicate_of is not None:
            look_alikes.insert(0, asset.near_duplicate_of.credit_id)
        facts = audit.AssetFacts(
            id=asset.pk,
            credit_id=asset.credit_id,
            credit_name=credit.name if credit else "",
            credit_kind=credit.kind if credit else "unknown",
            credit_reviewed=bool(credit and credit.reviewed),
            embedded_credit=audit.embedded_credit(asset.embedded_metadata),
            stored=bool(asset.file.name),
            licences=tuple(
                audit.LicenceFacts(
                    lic.pk,
                    lic.licence_type,
                    lic.licensor,
                    lic.starts_on,
                    lic.expires_on,
                    lic.verified_at is not None,
                )
                for lic in sorted(asset.licences.all(), key=lambda lic: lic.pk)
            ),
            placements=tuple(
                audit.PlacementFacts(p.article_id, p.credit_id, p.credit_line)
                for p in asset.placements.all()
            ),
            look_alike_credit_ids=tuple(look_alikes),
        )
        reports.append(
            audit.AssetReport(
                id=asset.pk,
                title=asset.title,
                kind=asset.kind,
                name=asset.display_name,
                credit_id=asset.credit_id,
                credit_name=facts.credit_name,
                article_ids=tuple(dict.fromkeys(p.article_id for p in facts.placements)),
                findings=audit.evaluate(
                    facts, today=today, warning_days=warning_days, aliases=aliases
                ),
            )
        )
    return reports


def peak_rss_mb() -> float:
    """Return this process's peak resident memory (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(task: str) -> dict:
    """Run one task in this (child) process and return its time, peak memory and output."""
    from django.conf import settings
    from django.test import Client
    from django.utils import timezone

    from archive import audit
    from archive.models import Asset
    from archive.roles import create_demo_accounts

    today = timezone.localdate()
    days = settings.ARCHIVE_EXPIRY_WARNING_DAYS
    result: dict = {"task": task}
    if task in ("page", "csv"):
        from django.contrib.auth import get_user_model

        create_demo_accounts("bench-password-1")
        client = Client()
        client.force_login(get_user_model().objects.get(username="auditor"))
        if task == "page":
            client.get("/reports/licences/")  # warm-up: templates, URL resolver
    base = peak_rss_mb()
    started = time.perf_counter()
    if task == "page":
        response = client.get("/reports/licences/")
        assert response.status_code == 200
        result["bytes"] = len(response.content)
    elif task == "csv":
        response = client.get("/reports/licences/?format=csv")
        lines = 0
        for piece in response.streaming_content:
            lines += piece.count(b"\n")
        result["lines"] = lines - 1
    elif task == "rebuild-facts":
        from archive.audit.facts import rebuild_facts

        result["rows"] = rebuild_facts()
    elif task == "naive-page":
        reports = naive_reports(today, days)
        counts: dict = {}
        for report in reports:
            for finding in report.findings:
                key = (report.credit_name, finding.kind)
                counts[key] = counts.get(key, 0) + 1
        result["bytes"] = len(json.dumps(sorted(counts.items())))
    elif task == "naive-csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(audit.CSV_COLUMNS)
        for report in naive_reports(today, days):
            writer.writerows(audit.csv_rows(report))
        result["lines"] = buffer.getvalue().count("\n") - 1
    result["seconds"] = time.perf_counter() - started
    result["peak_mb"] = peak_rss_mb()
    result["base_mb"] = base
    result["assets"] = Asset.objects.count()
    return result


def run_child(task: str, db: Path) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--child", task, "--db", str(db)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def prepare(db: Path, assets: int) -> None:
    """Create (or reuse) the benchmark database holding ``assets`` generated assets."""
    setup_django(db)
    from django.core.management import call_command
    from django.db import connection

    from archive.models import Asset

    call_command("migrate", verbosity=0)
    have = Asset.objects.count()
    if have != assets:
        if have:
            connection.close()
            db.unlink()
            return prepare(db, assets)
        from archive.audit.facts import rebuild_facts
        from archive.search.documents import rebuild_search_index

        started = time.perf_counter()
        build_mixed_archive(assets, rebuild=False)
        loaded = time.perf_counter()
        rebuild_facts()
        facts = time.perf_counter()
        rebuild_search_index()
        done = time.perf_counter()
        print(
            f"generated {assets} assets in {done - started:.1f} s: rows {loaded - started:.1f} s, "
            f"rebuild_facts {facts - loaded:.1f} s ({assets / (facts - loaded):.0f} assets/s), "
            f"search documents {done - facts:.1f} s"
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # after the bulk load and after migrations: fresh statistics


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assets", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=5, help="page measurements (p50, p95)")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        setup_django(args.db)
        print(json.dumps(measure(args.child)))
        return
    prepare(args.db, args.assets)
    pages = sorted(run_child("page", args.db)["seconds"] for _ in range(max(1, args.runs)))
    rebuilt = run_child("rebuild-facts", args.db)
    rows = []
    for figure, task, baseline_task in (
        ("report page (summary + first 50)", "page", "naive-page"),
        ("CSV export, every line", "csv", "naive-csv"),
    ):
        fast = run_child(task, args.db)
        slow = run_child(baseline_task, args.db)
        rows.append((figure, fast, slow))
    print(f"\nlicence report at {rows[0][1]['assets']} assets (SQLite, 2 shared cores: noisy)")
    print(f"{'figure':36} {'ours':>9} {'baseline':>9} {'ratio':>7} {'peak MB':>8} {'base MB':>8}")
    for figure, fast, slow in rows:
        print(
            f"{figure:36} {fast['seconds']:8.3f}s {slow['seconds']:8.3f}s "
            f"{slow['seconds'] / fast['seconds']:6.1f}x {fast['peak_mb']:8.1f} {fast['base_mb']:8.1f}"
        )
        print(
            f"{'  baseline memory':36} {'':9} {'':9} {'':7} {slow['peak_mb']:8.1f} {slow['base_mb']:8.1f}"
        )
    p50 = pages[len(pages) // 2]
    p95 = pages[min(len(pages) - 1, math.ceil(0.95 * len(pages)) - 1)]  # nearest rank
    print(
        f"report page over {len(pages)} runs: p50 {p50:.3f}s, p95 {p95:.3f}s "
        f"(target 0.500s; baseline {rows[0][2]['seconds']:.3f}s, ratio at p95 "
        f"{rows[0][2]['seconds'] / p95:.1f}x); all: {', '.join(f'{t:.3f}' for t in pages)}"
    )
    csv_fast = rows[1][1]
    print(f"CSV lines written: {csv_fast['lines']} (baseline {rows[1][2]['lines']})")
    print(
        f"rebuild_facts: {rebuilt['rows']} rows in {rebuilt['seconds']:.1f} s "
        f"({rebuilt['rows'] / rebuilt['seconds']:.0f} assets/s; target 5000)"
    )


if __name__ == "__main__":
    main()
