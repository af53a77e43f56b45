"""Benchmark "can I use it?": one asset's verdict, and the search filter ``usable:web``.

An archive of ``--assets`` pictures with three placements each (the goal's 1M assets and 3M
placements, scaled), five suppliers with agreements (one with a monthly quota, one limited to
some categories), a usage category on a third of the pictures, a licence on most and a lease
on a few, is generated once into its own SQLite file (never the project's database).

Figures, each with a baseline measured in the same run:

1. the verdict for one asset (``rights.facts.usability_for``: a fixed number of indexed
   queries, the month's quota a lookup of the kept uses), p50 and p95 over random assets; baseline: the
   same rules fed naively (the asset's supplier's placements loaded as model instances and
   counted in Python);
2. the search filter ``usable:web`` counting every usable asset in SQL
   (``rights.sql.usable_condition``); baseline: the rules run in Python over every asset.

    .venv/bin/python bench/bench_rights.py [--assets 100000] [--db /tmp/...sqlite3]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DB = Path("/tmp/caption-archive-bench-rights.sqlite3")
DAY = date(2026, 6, 15)
SUPPLIERS = ("Reuters", "GETTY", "AP", "AFP", "PA Media")


def setup_django(db_path: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def build(count: int) -> None:
    """Generate ``count`` assets, 3 placements each, with agreements, categories, licences
    and leases (bulk inserts, then the one derived table the rights read: the quota's uses)."""
    from django.db import transaction

    from archive.models import (
        Article,
        Asset,
        Credit,
        Licence,
        MediaLease,
        Placement,
        SupplierAgreement,
        UsageCategory,
        UsageRights,
    )
    from archive.rights.usage import rebuild_usage

    rng = random.Random(19)
    with transaction.atomic():
        credits = [
            Credit.objects.get_or_create(name=name, defaults={"kind": "agency"})[0]
            for name in SUPPLIERS
        ]
        categories = list(UsageCategory.objects.all())
        agency = UsageCategory.objects.get(code="agency")
        for index, credit in enumerate(credits):
            agreement = SupplierAgreement.objects.create(
                supplier=credit,
                monthly_quota=5000 if index == 0 else None,
                required_credit_line=f"{credit.name}/" if index < 3 else "",
                starts_on=date(2021, 1, 1),
                social=index % 2 == 0,
            )
            if index == 1:
                agreement.categories.set([agency])
        articles = Article.objects.bulk_create(
            Article(
                headline=f"Rights bench {n}",
                published_on=date(2021, 7, 1) + timedelta(days=rng.randrange(5 * 365)),
            )
            for n in range(max(1, count // 20))
        )
        assets = Asset.objects.bulk_create(
            (
                Asset(
                    sha256=f"{n:064x}",
                    title=f"Rights bench {n}",
                    credit=credits[rng.randrange(len(credits))] if rng.random() < 0.9 else None,
                    data_mining=rng.choice(["", "", "DMI-PROHIBITED-AIMLTRAINING"]),
                )
                for n in range(count)
            ),
            batch_size=5000,
        )
        UsageRights.objects.bulk_create(
            (
                UsageRights(asset=asset, category=rng.choice(categories))
                for asset in assets
                if rng.random() < 0.33
            ),
            batch_size=5000,
        )
        Licence.objects.bulk_create(
            (
                Licence(
                    asset=asset,
                    licence_type=rng.choice(["rights_managed", "editorial", "social_embed"]),
                    starts_on=date(2020, 1, 1),
                    expires_on=rng.choice([None, date(2025, 1, 1), date(2027, 1, 1)]),
                )
                for asset in assets
                if rng.random() < 0.8
            ),
            batch_size=5000,
        )
        MediaLease.objects.bulk_create(
            (
                MediaLease(
                    asset=asset,
                    access=rng.choice(["deny", "allow"]),
                    starts_on=DAY - timedelta(days=(back := rng.randrange(60))),
                    ends_on=DAY - timedelta(days=back) + timedelta(days=rng.randrange(120)),
                )
                for asset in assets
                if rng.random() < 0.03
            ),
            batch_size=5000,
        )
        positions: dict[int, int] = {}
        placements = []
        for asset in assets:
            for _ in range(3):
                article = articles[rng.randrange(len(articles))]
                positions[article.pk] = positions.get(article.pk, 0) + 1
                placements.append(
                    Placement(article=article, asset=asset, position=positions[article.pk])
                )
            if len(placements) >= 30_000:
                Placement.objects.bulk_create(placements, batch_size=5000)
                placements = []
        Placement.objects.bulk_create(placements, batch_size=5000)
        rebuild_usage()  # bulk inserts send no signal


def prepare(db: Path, count: int) -> None:
    setup_django(db)
    from django.core.management import call_command
    from django.db import connection

    from archive.models import Asset

    call_command("migrate", verbosity=0)
    have = Asset.objects.count()
    if have != count:
        if have:  # another size: start again on a new file
            connection.close()
            db.unlink()
            call_command("migrate", verbosity=0)
        started = time.perf_counter()
        build(count)
        print(f"generated {count} assets in {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def naive_usability(asset_id: int, medium: str, on: date):
    """The baseline: model instances, and the quota counted over the supplier's placements
    in Python."""
    from archive.models import Asset, Placement
    from archive.rights.facts import agreement_terms, month_bounds
    from archive.rights.rules import (
        CategoryTerms,
        LeaseTerms,
        LicenceTerms,
        RightsFacts,
        UsageRequest,
        applicable_agreement,
        territory_codes,
        usability,
    )

    asset = Asset.objects.select_related("credit").get(pk=asset_id)
    rights = getattr(asset, "usage_rights", None)
    category = rights.category if rights else None
    agreements = []
    if asset.credit is not None:
        for agreement in asset.credit.agreements.all():
            codes = [c.code for c in agreement.categories.all()]
            agreements.append(agreement_terms(agreement, codes))
    terms = (
        CategoryTerms(category.code, category.name, category.cost, category.needs_licence)
        if category
        else None
    )
    agreement = applicable_agreement(agreements, category.code if category else None, on)
    used = 0
    if agreement is not None and agreement.monthly_quota is not None:
        first, last = month_bounds(on)
        for placement in Placement.objects.filter(asset__credit=asset.credit).select_related(
            "article", "asset__usage_rights__category"
        ):
            published = placement.article.published_on
            own = getattr(placement.asset, "usage_rights", None)
            code = own.category.code if own and own.category else None
            if published and first <= published <= last and agreement.covers_category(code):
                used += 1
    facts = RightsFacts(
        id=asset.pk,
        licences=tuple(
            LicenceTerms(
                lic.pk, lic.licence_type, lic.starts_on, lic.expires_on, lic.territory, False
            )
            for lic in asset.licences.all()
        ),
        leases=tuple(
            LeaseTerms(x.pk, x.access, x.scope, x.starts_on, x.ends_on, x.note)
            for x in asset.leases.all()
        ),
        category=terms,
        agreements=tuple(agreements),
        quota_used=used,
        data_mining=asset.data_mining,
    )
    assert territory_codes("") == frozenset()
    return usability(facts, UsageRequest(medium, on))


def timed(function, *args) -> tuple[float, object]:
    started = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - started, result


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assets", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args(argv)
    prepare(args.db, args.assets)
    from archive.models import Asset, Placement, SupplierAgreement
    from archive.rights.facts import usability_for, usability_of
    from archive.rights.rules import UsageRequest
    from archive.rights.sql import usable_condition

    rng = random.Random(7)
    top = Asset.objects.order_by("-id").values_list("id", flat=True).first()
    # Pictures of the supplier with the quota (the slow path) and any picture.
    quota = SupplierAgreement.objects.filter(monthly_quota__isnull=False).first()
    quota_ids = list(
        Asset.objects.filter(credit_id=quota.supplier_id).values_list("id", flat=True)[:5000]
    )
    groups = {
        "any picture": [rng.randrange(1, top + 1) for _ in range(args.samples // 2)],
        "a picture under a quota": rng.sample(quota_ids, min(len(quota_ids), args.samples // 2)),
    }
    ours: dict[str, list[float]] = {}
    naive: dict[str, list[float]] = {}
    for group, samples in groups.items():
        ours[group], naive[group] = [], []
        for asset_id in samples:
            seconds, fast = timed(lambda pk: usability_for(pk, medium="web", on=DAY), asset_id)
            ours[group].append(seconds)
            if len(naive[group]) < 10:  # the baseline is slow: 10 samples a group
                seconds, slow = timed(naive_usability, asset_id, "web", DAY)
                naive[group].append(seconds)
                assert fast.verdict == slow.verdict, asset_id
    placements = Placement.objects.count()
    count_seconds, usable = timed(
        lambda: Asset.objects.filter(usable_condition("web", DAY)).count()
    )
    limit = min(args.assets, 20_000)
    ids = list(Asset.objects.order_by("id").values_list("id", flat=True)[:limit])
    started = time.perf_counter()
    python_usable = 0
    for start in range(0, len(ids), 2000):
        chunk = usability_of(ids[start : start + 2000], UsageRequest("web", DAY))
        python_usable += sum(answer.usable for answer in chunk.values())
    python_seconds = (time.perf_counter() - started) * args.assets / limit
    print(
        f'\n"can I use it?" at {args.assets} assets, {placements} placements '
        "(SQLite, 2 shared cores: noisy)"
    )
    print(f"{'figure':44} {'ours':>10} {'baseline':>10} {'ratio':>7}")
    for group in groups:
        for label, share in (("p50", 0.5), ("p95", 0.95)):
            fast, slow = percentile(ours[group], share), percentile(naive[group], share)
            print(
                f"{'one verdict (web), ' + group + ', ' + label:44} {fast * 1000:8.2f}ms "
                f"{slow * 1000:8.2f}ms {slow / fast:6.1f}x"
            )
    print(
        f"{'usable:web, count of every asset (SQL)':44} {count_seconds:9.2f}s "
        f"{python_seconds:9.2f}s {python_seconds / count_seconds:6.1f}x"
    )
    print(
        f"({args.samples} verdicts, 20 for the baseline; {usable} assets usable on the "
        f"web; the Python baseline ran over {limit} assets and is scaled to all; goal: one "
        "verdict <= 10 ms at 1M assets)"
    )


if __name__ == "__main__":
    main()
