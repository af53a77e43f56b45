"""Benchmark the pre-publication check of a 20-picture article.

The archive is ``rights_archive``'s, shared with ``bench_rights`` (``--assets`` pictures,
``BENCH_ASSETS`` unless given, three placements each printed with a caption and credit line,
five suppliers with agreements, usage categories, licences, leases, a pHash on every picture,
one in 40 recorded as a look-alike of an earlier one), plus one picture in a hundred
illustrating a claim rated false or disputed. The draft
has 20 pictures: 12 printed with the caption and credit line of an earlier placement, 6 whose
file hash the CMS gives, 2 the archive does not hold.

Figures, each with a baseline measured in the same run:

1. the check (``archive.rights.check.check_draft``: parse, match, facts, verdicts, record),
   p50 and p95 over ``--reps`` runs, and its query count; baseline: the same check done
   picture by picture with the one-picture functions (the importer's matchers,
   ``usability_for``, the picture's look-alikes and claims).

    .venv/bin/python bench/bench_prepublication.py [--assets 1000000] [--reps 20] [--db URL]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_rights import percentile  # noqa: E402
from rights_archive import DAY, DEFAULT_ASSETS, engine, prepare  # noqa: E402

PICTURES = 20


def add_check_data() -> None:
    """Give one picture in a hundred a claim rated false or disputed (once)."""
    from django.db import connection, transaction

    from archive.models import Article, Asset, Claim, Illustration

    if Claim.objects.filter(text__startswith="Bench claim").exists():
        return
    rng = random.Random(23)
    with transaction.atomic():
        article = Article.objects.create(headline="Bench claims")
        top = Asset.objects.order_by("-id").values_list("id", flat=True).first()
        claims = Claim.objects.bulk_create(
            (
                Claim(
                    article=article,
                    text=f"Bench claim {n}",
                    status=rng.choice(["false", "disputed"]),
                )
                for n in range(top // 100)
            ),
            batch_size=5000,
        )
        Illustration.objects.bulk_create(
            (Illustration(claim=claim, asset_id=rng.randrange(1, top + 1)) for claim in claims),
            batch_size=5000,
            ignore_conflicts=True,
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def make_draft(rng: random.Random) -> tuple[str, dict[int, str]]:
    """Return a 20-picture draft and the file hashes its CMS gives (by position)."""
    from archive.models import Asset, Placement

    top = Asset.objects.order_by("-id").values_list("id", flat=True).first()
    blocks, hashes = [], {}
    for position in range(1, PICTURES + 1):
        asset = Asset.objects.select_related("credit").get(pk=rng.randrange(1, top + 1))
        credit = asset.credit.name if asset.credit_id else "Staff"
        caption = f"Bench picture {asset.pk} on the front line"
        if position <= 12:
            placement = Placement.objects.filter(asset=asset).order_by("id").first()
            Placement.objects.filter(pk=placement.pk).update(
                caption=caption, credit_line=f"(Image: {credit})"
            )
        elif position <= 18:
            hashes[position] = asset.sha256
        else:
            caption = f"A picture nobody archived, number {position}"
        blocks.append(
            f"Picture {position}\n\n{caption} (Image: {credit})\n\nParagraph {position}.\n"
        )
    text = "The bench story\n\nBy A Reporter\n\nIt begins here.\n\n" + "\n".join(blocks)
    return text, hashes


def naive_check(text: str, hashes: dict[int, str]) -> list[tuple[int | None, str]]:
    """The same check, picture by picture, with the one-picture functions."""
    from django.db.models import Q

    from archive.articles import parse_article
    from archive.articles.matching import (
        match_asset_by_caption,
        match_asset_by_description,
        match_asset_by_file,
    )
    from archive.models import Asset, Illustration
    from archive.rights.facts import usability_for
    from archive.services import resolve_credit

    draft = parse_article(text)
    answers = []
    for placement in draft.placements:
        asset = None
        if placement.position in hashes:
            asset = Asset.objects.filter(sha256=hashes[placement.position]).first()
        asset = (
            asset
            or match_asset_by_file(placement.src)
            or match_asset_by_caption(placement)
            or match_asset_by_description(placement, resolve_credit(placement.credit, create=False))
        )
        if asset is None:
            answers.append((None, "no"))
            continue
        answer = usability_for(asset.pk, medium="web", on=DAY)
        near = Asset.objects.filter(
            Q(near_duplicate_of=asset)
            | Q(pk=asset.near_duplicate_of_id)
            | Q(near_duplicate_of=asset.near_duplicate_of_id, near_duplicate_of__isnull=False)
        )
        ids = [asset.pk, *(other.pk for other in near if other.pk != asset.pk)]
        list(Illustration.objects.filter(asset_id__in=ids, claim__status__in=["false", "disputed"]))
        answers.append((asset.pk, answer.verdict))
    return answers


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assets", type=int, default=DEFAULT_ASSETS)
    parser.add_argument("--db", default="", help="a SQLite file or a postgres:// URL")
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument(
        "--baseline-reps", type=int, default=0, help="runs of the baseline (reps / 4, at least 3)"
    )
    args = parser.parse_args(argv)
    prepare(args.db, args.assets)
    add_check_data()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from archive.articles import parse_article
    from archive.models import Placement
    from archive.rights.check import check_draft
    from archive.rights.rules import UsageRequest

    rng = random.Random(11)
    text, hashes = make_draft(rng)
    request = UsageRequest("web", DAY, "GB")
    ours, naive = [], []
    for _ in range(args.reps):
        started = time.perf_counter()
        result = check_draft(parse_article(text), request, user=None, via="api", hashes=hashes)
        ours.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as queries:
        check_draft(parse_article(text), request, user=None, via="api", hashes=hashes)
    for _ in range(args.baseline_reps or max(3, args.reps // 4)):
        started = time.perf_counter()
        slow = naive_check(text, hashes)
        naive.append(time.perf_counter() - started)
    matched = [
        (p.facts.asset_id, p.usability.verdict if p.usability else "no") for p in result.pictures
    ]
    assert [pk for pk, _ in matched] == [pk for pk, _ in slow], (matched, slow)
    assert [v for pk, v in matched if pk] == [v for pk, v in slow if pk], (matched, slow)
    print(
        f"\npre-publication check, {PICTURES}-picture article, at {args.assets} assets, "
        f"{Placement.objects.count():,} placements ({engine()}, 2 shared cores: noisy)"
    )
    print(f"{'figure':44} {'ours':>10} {'baseline':>10} {'ratio':>7}")
    for label, share in (("p50", 0.5), ("p95", 0.95)):
        fast, slow_seconds = percentile(ours, share), percentile(naive, share)
        print(
            f"{'check of the article, ' + label:44} {fast * 1000:8.1f}ms "
            f"{slow_seconds * 1000:8.1f}ms {slow_seconds / fast:6.1f}x"
        )
    print(
        f"({args.reps} checks, {len(naive)} for the baseline; {len(queries)} queries a check, "
        f"whatever the number of pictures; {sum(1 for pk, _ in matched if pk)} pictures "
        f"matched, {sum(len(p.facts.claims) > 0 for p in result.pictures)} with a rated "
        "claim; goal: <= 200 ms at 1M assets)"
    )


if __name__ == "__main__":
    main()
