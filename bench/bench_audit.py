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
import random
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = Path("/tmp/caption-archive-bench-audit.sqlite3")

CREDITS = [
    # name, kind, reviewed, aliases
    ("GETTY", "agency", True, ["Getty", "Getty Images", "Getty Images News"]),
    ("Reuters", "agency", True, ["Reuters Pictures", "REUTERS/Staff"]),
    ("AP", "agency", True, ["Associated Press", "AP Photo"]),
    ("Twitter", "social", True, ["X", "Twitter Inc"]),
    ("Express", "in_house", True, ["Daily Express", "Express Newspapers"]),
    ("NC", "unknown", True, []),
    ("Jane Freelance", "individual", False, ["J. Freelance"]),
]
LICENCE_TYPES = ["rights_managed", "royalty_free", "editorial", "social_embed", "in_house"]


def setup_django(db_path: Path | None) -> None:
    """Point Django at the benchmark database (when given) and set it up."""
    sys.path.insert(0, str(ROOT))
    if db_path is not None:
        os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def spellings(name: str, aliases: list[str]) -> list[str]:
    """Return ways a credit is written: its name, aliases, and case and spacing variants."""
    return [name, *aliases, name.lower(), f" {name.upper()} "]


def build_mixed_archive(count: int, *, seed: int = 5, today: date | None = None) -> None:
    """Create ``count`` assets with a mix of licences, placements, credits and look-alikes."""
    from django.db import transaction
    from django.utils import timezone

    from archive.models import Article, Asset, Credit, CreditAlias, Licence, Placement
    from archive.text import credit_key

    rng = random.Random(seed)
    today = today or timezone.localdate()
    now = timezone.now()
    with transaction.atomic():
        credits = []
        for name, kind, reviewed, aliases in CREDITS:
            credit, _ = Credit.objects.get_or_create(
                name=name, defaults={"kind": kind, "reviewed": reviewed}
            )
            for alias in aliases:
                CreditAlias.objects.get_or_create(
                    key=credit_key(alias), defaults={"credit": credit, "alias": alias}
                )
            credits.append((credit, spellings(name, aliases)))
        offset = Asset.objects.count()
        articles = Article.objects.bulk_create(
            Article(
                headline=f"Bench article {offset + index}",
                published_on=date(2020, 1, 1) + timedelta(days=rng.randrange(2400)),
            )
            for index in range(max(1, count // 50))
        )
        assets = []
        for index in range(count):
            number = offset + index
            credit, names = (
                credits[rng.randrange(len(credits))] if rng.random() > 0.03 else (None, [])
            )
            embedded = {}
            roll = rng.random()
            if names and roll < 0.6:
                embedded = {"iptc": {}, "xmp": {"photoshop:Credit": rng.choice(names)}}
            elif roll < 0.65:
                embedded = {"iptc": {"Credit": rng.choice(["AFP", "EPA", "Getty Images"])}}
            asset = Asset(
                kind=rng.choice(["photo", "photo", "photo", "social", "graphic"]),
                file="" if rng.random() < 0.01 else f"originals/bench/{number}.jpg",
                sha256=f"{number:064x}",
                format="jpeg",
                title=f"Bench picture {number}",
                credit=credit,
                embedded_metadata=embedded,
            )
            asset.set_embedded_credit()  # what save() does; bulk_create skips save()
            assets.append(asset)
        assets = Asset.objects.bulk_create(assets, batch_size=2000)
        duplicates = []
        for asset in assets[1:]:
            if rng.random() < 0.02:
                asset.near_duplicate_of_id = assets[rng.randrange(len(assets))].pk
                if asset.near_duplicate_of_id != asset.pk:
                    duplicates.append(asset)
        Asset.objects.bulk_update(duplicates, ["near_duplicate_of"], batch_size=2000)
        licences, placements = [], []
        positions: dict[int, int] = {}
        expiries = [None, -400, -1, 0, 1, 29, 30, 31, 200, 900]
        for asset in assets:
            names = next((n for c, n in credits if c == asset.credit), ["Someone"])
            for _ in range(rng.choice([0, 1, 1, 1, 2, 3])):
                expiry = rng.choice(expiries)
                start = rng.choice([None, -500, -30, 0, 5]) if rng.random() < 0.5 else -700
                licensor = (
                    rng.choice(names) if rng.random() < 0.9 else rng.choice(["Reuters", "AFP", ""])
                )
                licences.append(
                    Licence(
                        asset=asset,
                        licence_type="social_embed"
                        if asset.kind == "social" and rng.random() < 0.7
                        else rng.choice(LICENCE_TYPES),
                        licensor=licensor,
                        licensor_key=credit_key(licensor),  # what save() does
                        starts_on=None if start is None else today + timedelta(days=start),
                        expires_on=None
                        if expiry is None
                        else today
                        + timedelta(days=max(expiry, -10_000 if start is None else start)),
                        verified_at=now if rng.random() < 0.8 else None,
                    )
                )
            for _ in range(rng.choice([0, 0, 1, 1, 2])):
                article = articles[rng.randrange(len(articles))]
                positions[article.pk] = positions.get(article.pk, 0) + 1
                printed = (
                    asset.credit if rng.random() < 0.92 else credits[rng.randrange(len(credits))][0]
                )
                placements.append(
                    Placement(
                        article=article,
                        asset=asset,
                        position=positions[article.pk],
                        credit=printed,
                        credit_line=f"(Image: {printed.name})" if printed else "",
                    )
                )
        Licence.objects.bulk_create(licences, batch_size=2000)
        Placement.objects.bulk_create(placements, batch_size=2000)
        refresh_licence_windows()  # bulk_create sends no signals
        refresh_placement_facts()


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
        started = time.perf_counter()
        build_mixed_archive(assets)
        print(f"generated {assets} assets in {time.perf_counter() - started:.1f} s")
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


if __name__ == "__main__":
    main()
