"""A generated archive with a mix of licences, placements, credits and look-alikes, for the
audit's tests and its benchmark (``bench/bench_audit.py`` imports it from here).

Rows are made with ``bulk_create`` (no signals), then the derived data is rebuilt once.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

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
# How pictures were made and what their rights holders allow (drawn from a second random
# stream, so the licences, placements and credits above stay the same for a seed).
SOURCE_TYPES = [
    "",
    "",
    "",
    "digitalCapture",
    "trainedAlgorithmicMedia",
    "compositeWithTrainedAlgorithmicMedia",
    "algorithmicMedia",
    "compositeSynthetic",
]
DATA_MINING = [
    "",
    "",
    "DMI-ALLOWED",
    "DMI-UNSPECIFIED",
    "DMI-PROHIBITED-AIMLTRAINING",
    "DMI-PROHIBITED-GENAIMLTRAINING",
    "DMI-PROHIBITED-SEECONSTRAINT",
]
CAPTIONS = [
    "Troops near Kherson",
    "",
    "AI-generated image of a flood",
    "Image générée par l'IA",
    "Illustration made with Midjourney",
    "Flooded street",
]


def spellings(name: str, aliases: list[str]) -> list[str]:
    """Return ways a credit is written: its name, aliases, and case and spacing variants."""
    return [name, *aliases, name.lower(), f" {name.upper()} "]


def build_mixed_archive(
    count: int, *, seed: int = 5, today: date | None = None, rebuild: bool = True
) -> None:
    """Create ``count`` assets with a mix of licences, placements, credits and look-alikes
    (then rebuild the derived data, unless ``rebuild`` is false: the caller does it)."""
    from django.db import transaction
    from django.utils import timezone

    from archive.derived import rebuild_all
    from archive.models import (
        Article,
        Asset,
        Credit,
        CreditAlias,
        DatasetExport,
        DatasetExportItem,
        Licence,
        MediaLease,
        Placement,
        SupplierAgreement,
        UsageCategory,
        UsageRights,
    )
    from archive.rights.defaults import ensure_default_categories
    from archive.text import credit_key

    rng = random.Random(seed)
    provenance = random.Random(seed + 1000)
    rights = random.Random(seed + 2000)  # leases: a third stream, leaving the others as they were
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
                digital_source_type=provenance.choice(SOURCE_TYPES),
                data_mining=provenance.choice(DATA_MINING),
            )
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
                        caption=provenance.choice(CAPTIONS),
                    )
                )
        Licence.objects.bulk_create(licences, batch_size=2000)
        Placement.objects.bulk_create(placements, batch_size=2000)
        # One export declared as a training set, holding about a third of the pictures.
        export = DatasetExport.objects.create(purpose=f"mixed archive {seed}")
        DatasetExportItem.objects.bulk_create(
            (
                DatasetExportItem(export=export, asset=asset)
                for asset in assets
                if provenance.random() < 0.35
            ),
            batch_size=2000,
        )
        # Usage rights: Reuters' agreement has a small monthly quota and a credit line to
        # print, AP's a credit line; a few placed pictures have a lease denying use around
        # the day one of their articles ran (a breach), a few one elsewhere (none).
        by_name = {credit.name: credit for credit, _ in credits}
        for name, quota, line in (("Reuters", 3, "REUTERS/"), ("AP", None, "AP Photo")):
            SupplierAgreement.objects.get_or_create(
                supplier=by_name[name],
                defaults={"monthly_quota": quota, "required_credit_line": line, "cost": "free"},
            )
        # Agreements the licence audit reads (their own stream of choices): GETTY's covers
        # its agency pictures until three weeks from today (others of its pictures it does
        # not cover), Twitter's covers social media only (no picture printed in an article),
        # Express's covered its pictures until 100 days ago; two fifths of the pictures have
        # a usage category.
        terms = random.Random(seed + 3000)
        ensure_default_categories()
        categories = list(UsageCategory.objects.order_by("id"))
        UsageRights.objects.bulk_create(
            (
                UsageRights(asset=asset, category=terms.choice(categories))
                for asset in assets
                if terms.random() < 0.4
            ),
            batch_size=2000,
        )
        for name, code, starts, ends, published in (
            ("GETTY", "agency", -400, 20, True),
            ("Twitter", None, -800, None, False),
            ("Express", None, -800, -100, True),
        ):
            agreement, created = SupplierAgreement.objects.get_or_create(
                supplier=by_name[name],
                name=f"mixed archive {name}",
                defaults={
                    "starts_on": today + timedelta(days=starts),
                    "ends_on": None if ends is None else today + timedelta(days=ends),
                    "cost": "pay",
                    "web": published,
                    "print": published,
                    "social": not published,
                },
            )
            if created and code:
                agreement.categories.set(UsageCategory.objects.filter(code=code))
        published = {article.pk: article.published_on for article in articles}
        leases = []
        for placement in placements:
            roll = rights.random()
            if roll < 0.05:
                day = published[placement.article_id] + timedelta(days=rights.choice([-3, 400]))
                leases.append(
                    MediaLease(
                        asset=placement.asset,
                        access="deny",
                        starts_on=day,
                        ends_on=day + timedelta(days=rights.choice([5, 30])),
                        note="mixed archive",
                    )
                )
            elif roll < 0.07:
                leases.append(MediaLease(asset=placement.asset, access="allow"))
        MediaLease.objects.bulk_create(leases, batch_size=2000)
        # bulk_create sends no signals: the derived data is computed once, in bulk.
        if rebuild:
            rebuild_all()
