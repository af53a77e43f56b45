"""Benchmark "can I use it?": one asset's verdict, and the search filter ``usable:web``.

The archive is ``rights_archive``'s: ``--assets`` pictures (``BENCH_ASSETS``, 100 000 unless
set; the goals' size is 1 000 000) with three placements each, five suppliers with agreements
(one with a monthly quota, one limited to some categories), a usage category on a third of
the pictures, a licence on most and a lease on a few, generated once in SQL into its own
SQLite file per size under bench/out/ (or the PostgreSQL database ``--db`` names; never the
project's database).

Figures, each with a baseline measured in the same run:

1. the verdict for one asset (``rights.facts.usability_for``: a fixed number of indexed
   queries, the month's quota a lookup of the kept uses), p50 and p95 over random assets; baseline: the
   same rules fed naively (the asset's supplier's placements loaded as model instances and
   counted in Python);
2. the search filter ``usable:web`` counting every usable asset in SQL
   (``rights.sql.usable_condition``); baseline: the rules run in Python over every asset;
3. the filter in a search (``search_assets`` with its facets): a word in one picture in a
   hundred with ``usable:web``, and ``usable:web`` alone; baseline: the same word without
   the filter, and a word in every picture;
4. the filter's count and searches against the condition as it was before it was set-based
   (``correlated_usable_condition``: correlated ``EXISTS`` tests per asset), in the same run.

    .venv/bin/python bench/bench_rights.py [--assets 1000000] [--db postgres://…/rights_bench]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rights_archive import DAY, DEFAULT_ASSETS, WORDS, engine, prepare  # noqa: E402


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


def correlated_usable_condition(medium: str, on: date):
    """The baseline of figure 4: ``usable_condition`` as it was (2026-12-03), each lease,
    licence and category test a correlated ``EXISTS`` evaluated per asset."""
    from django.db.models import Exists, OuterRef, Q

    from archive.models import Licence, MediaLease, UsageRights
    from archive.provenance import NO_AI_TRAINING
    from archive.rights.media import PRINT, SYNDICATION, TRAINING
    from archive.rights.rules import ALLOW, DENY, SOCIAL_EMBED, relevant_scopes
    from archive.rights.sql import agreement_conditions

    def in_force(start: str, end: str) -> Q:
        return (Q(**{f"{start}__isnull": True}) | Q(**{f"{start}__lte": on})) & (
            Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": on})
        )

    leases = MediaLease.objects.filter(
        Q(asset=OuterRef("pk")) | Q(asset=OuterRef("video_id")),  # a still's video's too
        scope__in=relevant_scopes(medium),
    ).filter(in_force("starts_on", "ends_on"))
    denied = Exists(leases.filter(access=DENY))
    allowed = Exists(leases.filter(access=ALLOW))
    current = Licence.objects.filter(asset=OuterRef("pk")).filter(
        in_force("starts_on", "expires_on")
    )
    licensed = Exists(current)
    fully_licensed = Exists(current.exclude(licence_type=SOCIAL_EMBED))
    needs_licence = ~Exists(
        UsageRights.objects.filter(asset=OuterRef("pk"), category__needs_licence=False)
    )
    covered, over_quota = agreement_conditions(medium, on)
    unlicensed = ~allowed & needs_licence & ~licensed & ~covered
    embed_only = ~allowed & needs_licence & ~covered & licensed & ~fully_licensed
    refused = denied | unlicensed | (~allowed & over_quota)
    if medium in (PRINT, SYNDICATION, TRAINING):
        refused |= embed_only
    if medium == TRAINING:
        refused |= Q(data_mining__in=NO_AI_TRAINING)
    return ~refused


def leases_first_usable_condition(medium: str, on: date):
    """A baseline of figure 4: ``usable_condition`` as it was at df8b4c7 (2026-12-04), its
    four lease tests written, and so evaluated by SQLite, before the asset's own facts."""
    from django.db.models import Exists, OuterRef, Q

    from archive.models import MediaLease, UsageCategory
    from archive.provenance import NO_AI_TRAINING
    from archive.rights.media import PRINT, SYNDICATION, TRAINING
    from archive.rights.rules import ALLOW, DENY, relevant_scopes
    from archive.rights.sql import _in_force, agreement_conditions, licensed

    own, video = (
        MediaLease.objects.filter(asset=OuterRef(owner), scope__in=relevant_scopes(medium)).filter(
            _in_force("", "starts_on", "ends_on", on)
        )
        for owner in ("pk", "video_id")
    )
    denied = Exists(own.filter(access=DENY)) | Exists(video.filter(access=DENY))
    allowed = Exists(own.filter(access=ALLOW)) | Exists(video.filter(access=ALLOW))
    waivers = UsageCategory.objects.filter(needs_licence=False).values_list("pk", flat=True)
    waived = Q(facts__usage_category_id__in=list(waivers))
    covered, over_quota = agreement_conditions(medium, on)
    licence = licensed(on, embed=medium not in (PRINT, SYNDICATION, TRAINING))
    usable = ~denied & (allowed | ((waived | covered | licence) & ~over_quota))
    if medium == TRAINING:
        usable &= ~Q(data_mining__in=NO_AI_TRAINING)
    return usable


def asset_row_usable_condition(medium: str, on: date):
    """A baseline of figure 4: ``usable_condition`` as it was at bd61c9f (2026-12-04), the
    asset's credit, video and data-mining terms read from the asset's row, not its facts."""
    from django.db.models import Exists, OuterRef, Q

    from archive.models import MediaLease, UsageCategory
    from archive.provenance import NO_AI_TRAINING
    from archive.rights.media import PRINT, SYNDICATION, TRAINING
    from archive.rights.rules import ALLOW, DENY, relevant_scopes
    from archive.rights.sql import _in_force, agreement_conditions, licensed

    own, video = (
        MediaLease.objects.filter(asset=OuterRef(owner), scope__in=relevant_scopes(medium)).filter(
            _in_force("", "starts_on", "ends_on", on)
        )
        for owner in ("pk", "video_id")
    )
    still = Q(video__isnull=False)
    denied = Exists(own.filter(access=DENY)) | (still & Exists(video.filter(access=DENY)))
    allowed = Exists(own.filter(access=ALLOW)) | (still & Exists(video.filter(access=ALLOW)))
    waivers = UsageCategory.objects.filter(needs_licence=False).values_list("pk", flat=True)
    waived = Q(facts__usage_category_id__in=list(waivers))
    covered, over_quota = agreement_conditions(medium, on)
    # The agreements' credit test as it was: the asset row's credit.
    covered, over_quota = (_credit_from_row(condition) for condition in (covered, over_quota))
    licence = licensed(on, embed=medium not in (PRINT, SYNDICATION, TRAINING))
    usable = (((waived | covered | licence) & ~over_quota) | allowed) & ~denied
    if medium == TRAINING:
        usable &= ~Q(data_mining__in=NO_AI_TRAINING)
    return usable


def _credit_from_row(condition):
    """``condition`` with its ``facts__credit_id`` tests read from the asset row instead."""
    from django.db.models import Q

    if not isinstance(condition, Q):
        return condition
    copy = Q.create(connector=condition.connector, negated=condition.negated)
    for child in condition.children:
        if isinstance(child, tuple) and child[0] == "facts__credit_id":
            child = ("credit_id", child[1])
        copy.children.append(_credit_from_row(child))
    return copy


def timed(function, *args) -> tuple[float, object]:
    started = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - started, result


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def search_times(queries: dict[str, str], reps: int) -> dict[str, tuple[float, float, int]]:
    """Time ``search_assets`` (with its facets, as the search page runs it) on each query:
    p50, p95 and the hits, after one warming run."""
    from archive.search import search_assets

    times = {}
    for label, text in queries.items():
        hits = search_assets(text, on=DAY).total
        runs = []
        for _ in range(reps):
            seconds, _ = timed(lambda text=text: search_assets(text, on=DAY))
            runs.append(seconds)
        times[label] = (percentile(runs, 0.5), percentile(runs, 0.95), hits)
    return times


def searches_side_by_side(
    queries: dict[str, str], reps: int, baseline=correlated_usable_condition, *, hashed=False
) -> tuple[dict[str, tuple[float, float, int]], dict[str, tuple[float, float, int]]]:
    """Time each query with ``usable_condition`` and with the ``baseline`` condition in turn
    (now, before, now, before, ...), so that a change of load weighs on both alike: p50, p95
    and the hits of each, after one warming run of each. ``hashed``: the baseline also draws
    the search's sample as it was at bd61c9f (every document's id hashed, none looked up)."""
    import archive.rights.sql as rights_sql
    from archive.search import search_assets
    from archive.search.backends import get_backend

    backend = type(get_backend())
    current, current_sample = rights_sql.usable_condition, backend.sample

    def hashed_sample(self, *, keyed: bool = False):
        return current_sample(self)

    settings = ((current, current_sample), (baseline, hashed_sample if hashed else current_sample))
    results: tuple[dict, dict] = ({}, {})
    try:
        for label, text in queries.items():
            runs: tuple[list[float], list[float]] = ([], [])
            hits = []
            for condition, sample in settings:  # the search imports it on each call
                rights_sql.usable_condition, backend.sample = condition, sample
                hits.append(search_assets(text, on=DAY).total)
            for _ in range(reps):
                for index, (condition, sample) in enumerate(settings):
                    rights_sql.usable_condition, backend.sample = condition, sample
                    seconds, _ = timed(lambda text=text: search_assets(text, on=DAY))
                    runs[index].append(seconds)
            for index in (0, 1):
                results[index][label] = (
                    percentile(runs[index], 0.5),
                    percentile(runs[index], 0.95),
                    hits[index],
                )
    finally:
        rights_sql.usable_condition, backend.sample = current, current_sample
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assets", type=int, default=DEFAULT_ASSETS)
    parser.add_argument("--db", default="", help="a SQLite file or a postgres:// URL")
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--reps", type=int, default=11, help="runs of each search")
    parser.add_argument(
        "--baseline",
        choices=("correlated", "leases-first", "asset-row", "bd61c9f"),
        default="correlated",
        help="figure 4's baseline with --searches-only: the correlated condition "
        "(2026-12-03), the set-based one with its lease tests first (df8b4c7) or the one "
        "reading the asset row's credit, video and data-mining terms (bd61c9f), or that "
        "with bd61c9f's hashed sample too (no keyed sample for a search without words)",
    )
    parser.add_argument(
        "--searches-only",
        action="store_true",
        help="only the filter in a search, against the correlated condition (figure 4)",
    )
    args = parser.parse_args(argv)
    prepare(args.db, args.assets)
    if args.searches_only:
        searches_only(args)
        return
    from django.db import connection

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
    # The baseline loads the supplier's placements: seconds each at 1M.
    baseline_samples = 10 if args.assets <= 200_000 else 3
    ours: dict[str, list[float]] = {}
    naive: dict[str, list[float]] = {}
    for group, samples in groups.items():
        ours[group], naive[group] = [], []
        for asset_id in samples:
            seconds, fast = timed(lambda pk: usability_for(pk, medium="web", on=DAY), asset_id)
            ours[group].append(seconds)
            if len(naive[group]) < baseline_samples:
                seconds, slow = timed(naive_usability, asset_id, "web", DAY)
                naive[group].append(seconds)
                assert fast.verdict == slow.verdict, asset_id
    placements = Placement.objects.count()
    count_seconds, usable = timed(
        lambda: Asset.objects.filter(usable_condition("web", DAY)).count()
    )
    before_seconds, before_usable = timed(
        lambda: Asset.objects.filter(correlated_usable_condition("web", DAY)).count()
    )
    assert usable == before_usable, (usable, before_usable)
    limit = min(args.assets, 20_000)
    ids = list(Asset.objects.order_by("id").values_list("id", flat=True)[:limit])
    started = time.perf_counter()
    python_usable = 0
    for start in range(0, len(ids), 2000):
        chunk = usability_of(ids[start : start + 2000], UsageRequest("web", DAY))
        python_usable += sum(answer.usable for answer in chunk.values())
    python_seconds = (time.perf_counter() - started) * args.assets / limit
    # The filter as a search: a word in about one picture in a hundred, with and without it
    # (the baseline is the same search without the filter, in the same run).
    word = WORDS[0]
    searches = search_times(
        {
            "word": word,
            "word usable:web": f"{word} usable:web",
            "a word in every picture": "bench",
            "usable:web alone": "usable:web",
        },
        args.reps,
    )
    # The same searches with the condition as it was (the search imports it on each call).
    import archive.rights.sql as rights_sql

    rights_sql.usable_condition = correlated_usable_condition
    try:
        before = search_times(
            {"word usable:web": f"{word} usable:web", "usable:web alone": "usable:web"},
            max(1, args.reps // 3),
        )
    finally:
        rights_sql.usable_condition = usable_condition
    print(
        f'\n"can I use it?" at {args.assets:,} assets, {placements:,} placements '
        f"({engine()}, {connection.vendor == 'sqlite' and 'file' or 'server'}; "
        "2 shared cores: noisy)"
    )
    print(f"{'figure':52} {'ours':>10} {'baseline':>10} {'ratio':>7}")
    for group in groups:
        for label, share in (("p50", 0.5), ("p95", 0.95)):
            fast, slow = percentile(ours[group], share), percentile(naive[group], share)
            print(
                f"{'one verdict (web), ' + group + ', ' + label:52} {fast * 1000:8.2f}ms "
                f"{slow * 1000:8.2f}ms {slow / fast:6.1f}x"
            )
    print(
        f"{'usable:web, count of every asset (SQL)':52} {count_seconds:9.2f}s "
        f"{python_seconds:9.2f}s {python_seconds / count_seconds:6.1f}x"
    )
    for with_filter, without in (
        ("word usable:web", "word"),
        ("usable:web alone", "a word in every picture"),
    ):
        for label, index in (("p50", 0), ("p95", 1)):
            fast, slow = searches[with_filter][index], searches[without][index]
            print(
                f"{'search “' + with_filter + '” vs “' + without + '”, ' + label:52} "
                f"{fast * 1000:8.1f}ms {slow * 1000:8.1f}ms {slow / fast:6.2f}x"
            )
    print(
        f"{'usable:web count, set-based vs correlated (before)':52} {count_seconds:9.2f}s "
        f"{before_seconds:9.2f}s {before_seconds / count_seconds:6.1f}x"
    )
    for query in ("word usable:web", "usable:web alone"):
        assert searches[query][2] == before[query][2], query
        for label, index in (("p50", 0), ("p95", 1)):
            fast, slow = searches[query][index], before[query][index]
            print(
                f"{'search “' + query + '” vs before, ' + label:52} "
                f"{fast * 1000:8.1f}ms {slow * 1000:8.1f}ms {slow / fast:6.2f}x"
            )
    hits = ", ".join(f"{label} {hits:,}" for label, (_, _, hits) in searches.items())
    print(
        f"({args.samples} verdicts, {baseline_samples} a group for the baseline; {usable:,} "
        f"assets usable on the web; the Python baseline ran over {limit:,} assets and is "
        f"scaled to all; searches with facets, {args.reps} runs, hits: {hits}; goals at 1M: "
        "one verdict <= 10 ms; the filter within the search goals, p95 <= 100 ms selective, "
        "<= 500 ms for a word in a third of the archive)"
    )


def searches_only(args: argparse.Namespace) -> None:
    """Figure 4's searches alone: each with the set-based and the correlated condition in
    turn; the load average before and after."""
    import os

    load = os.getloadavg()
    word = WORDS[0]
    queries = {"word usable:web": f"{word} usable:web", "usable:web alone": "usable:web"}
    baseline = {
        "correlated": correlated_usable_condition,
        "leases-first": leases_first_usable_condition,
        "asset-row": asset_row_usable_condition,
        "bd61c9f": asset_row_usable_condition,
    }[args.baseline]
    now, before = searches_side_by_side(
        queries, args.reps, baseline, hashed=args.baseline == "bd61c9f"
    )
    print(f"\nusable:web in a search at {args.assets:,} assets ({engine()}), {args.reps} runs each")
    print(f"{'figure':52} {'ours':>10} {'baseline':>10} {'ratio':>7}")
    for query in queries:
        if args.baseline == "bd61c9f":  # two samples: two estimates, within their error
            assert abs(now[query][2] - before[query][2]) <= 0.05 * before[query][2], query
        else:
            assert now[query][2] == before[query][2], query
        for label, index in (("p50", 0), ("p95", 1)):
            fast, slow = now[query][index], before[query][index]
            print(
                f"{'search “' + query + '” vs ' + args.baseline + ', ' + label:52} "
                f"{fast * 1000:8.1f}ms {slow * 1000:8.1f}ms {slow / fast:6.2f}x"
            )
    hits = ", ".join(
        f"{label} {hits:,} (baseline {before[label][2]:,})" for label, (_, _, hits) in now.items()
    )
    after = os.getloadavg()
    print(
        f"(hits: {hits}; baseline: {baseline.__name__}, timed in turn with ours; load "
        f"average {load[0]:.1f} before, "
        f"{after[0]:.1f} after)"
    )


if __name__ == "__main__":
    main()
