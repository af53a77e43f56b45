"""The search filter ``usable:<medium>``: the "can I use it?" rules' mirror as one condition.

``usable_condition`` selects the assets whose verdict for a medium on a day, no territory
asked, is not "no" (``rules.usability``). What it reads of an asset is its ``AssetFacts``
row (kept by ``archive.audit.facts``: the licence window and kinds, the usage category, and
the asset's credit, video and data-mining terms copied from its row), one entry of a
covering index, and its leases in force (a still's video's too), one search of the
leases' index on (asset, access, scope) each: a search tests its hits one by one, so nothing is built over
the whole archive first. The licence rows are read only for the few assets whose window has
a gap or that hold both kinds of licence (a set built once from a partial index). The day is a
parameter compared in SQL, so nothing kept goes stale at midnight. Which supplier agreement
applies to which category, and whether its quota is used up, are decided in Python for the
few agreements in force (a handful of suppliers) and passed in as lists of category ids.
``tests/rights/test_sql.py`` checks that this mirror and the rules agree.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Exists, OuterRef, Q

from archive.models import AssetFacts, Licence, MediaLease, SupplierAgreement, UsageCategory
from archive.provenance import NO_AI_TRAINING
from archive.rights.facts import agreements_of, quota_used
from archive.rights.media import PRINT, SYNDICATION, TRAINING
from archive.rights.rules import (
    ALLOW,
    DENY,
    OVER_QUOTA,
    SOCIAL_EMBED,
    applicable_agreement,
    derive_cost,
    relevant_scopes,
)

# AssetFacts.licence_kinds: 2 another type than a social embed, 3 both.
OTHER_TYPE, BOTH_KINDS = 2, 3


def _in_force(prefix: str, start: str, end: str, on: date) -> Q:
    return (Q(**{f"{prefix}{start}__isnull": True}) | Q(**{f"{prefix}{start}__lte": on})) & (
        Q(**{f"{prefix}{end}__isnull": True}) | Q(**{f"{prefix}{end}__gte": on})
    )


def in_category(code: str | None) -> Q:
    """Return the assets of a usage category (``None``: of none recorded), from their facts."""
    if code is None:
        return Q(facts__usage_category_id__isnull=True)
    return Q(facts__usage_category_id__in=UsageCategory.objects.filter(code=code).values("pk"))


def agreement_conditions(medium: str, on: date) -> tuple[Q, Q]:
    """Return the conditions "the agreement that applies covers the medium" and "the agreement
    that applies is over its quota", decided per supplier and category in Python."""
    suppliers = set(SupplierAgreement.objects.in_force(on).values_list("supplier_id", flat=True))
    covered, over = Q(pk__in=[]), Q(pk__in=[])
    if not suppliers:
        return covered, over
    categories = {category.code: category for category in UsageCategory.objects.all()}
    codes: list[str | None] = [None, *categories]
    used: dict[int, int] = {}
    for supplier, agreements in agreements_of(suppliers).items():
        covering, spent = [], []
        for code in codes:
            agreement = applicable_agreement(agreements, code, on)
            if agreement is None:
                continue
            if medium in agreement.media:
                covering.append(code)
            if agreement.monthly_quota is not None:
                if agreement.id not in used:
                    used[agreement.id] = quota_used(agreement, on)
                cost = derive_cost(categories.get(code), agreement, used[agreement.id])
                if cost == OVER_QUOTA:
                    spent.append(code)
        for found, target in ((covering, "covered"), (spent, "over")):
            if not found:
                continue
            condition = Q(facts__credit_id=supplier) & _any_category(found, categories)
            if target == "covered":
                covered |= condition
            else:
                over |= condition
    return covered, over


def _any_category(codes: list[str | None], categories: dict[str, UsageCategory]) -> Q:
    condition = Q(pk__in=[])
    named = [categories[code].pk for code in codes if code is not None]
    if None in codes:
        condition |= in_category(None)
    if named:
        condition |= Q(facts__usage_category_id__in=named)
    return condition


def licensed(on: date, *, embed: bool) -> Q:
    """Return the assets with a licence in force on ``on`` (``embed=False``: one other than a
    social embed): from the kept window when one licence spans it, else from the rows."""
    window = Q(facts__licence_count__gt=0, facts__licence_window_single=True) & _in_force(
        "facts__", "licence_starts_on", "licence_expires_on", on
    )
    # The rows are read only where the window may not answer: a gap in it, or (for a licence
    # other than an embed) both kinds of licence; a few assets, found through the partial
    # index asset_facts_rows_decide (its condition, written the same way). Where the window
    # answers, the rows say the same.
    decide = AssetFacts.objects.filter(Q(licence_window_single=False) | Q(licence_kinds=BOTH_KINDS))
    rows = Licence.objects.filter(_in_force("", "starts_on", "expires_on", on))
    if not embed:
        window &= Q(facts__licence_kinds=OTHER_TYPE)
        rows = rows.exclude(licence_type=SOCIAL_EMBED)
    rows = rows.filter(asset_id__in=decide.values("asset_id"))
    return window | Q(pk__in=rows.values("asset_id"))


def usable_condition(medium: str, on: date) -> Q:
    """Return the condition on assets of a verdict other than "no" for ``medium`` on ``on``.

    The rules refuse when a lease denies; otherwise, unless a lease allows, when a licence is
    needed (the category does not waive it) and neither a licence in force (for print,
    syndication and training one other than an embed) nor the supplier's agreement covers
    the medium, or when the agreement's quota is used up; and for training, when the data
    mining terms forbid it. The negation of that, written positively.
    """
    # The leases are tested per asset, through the index on (asset, access, scope): as sets
    # they were built in full by every statement (SQLite's list of 11 000 ids each, 30-60 ms)
    # however few the hits, and a search runs three statements. They come after the tests of
    # the asset's own row and facts, which decide most assets (SQLite evaluates in the order
    # written): an allow lease is looked for only where nothing else covers the use, and a
    # video's leases only for a still (rules.leases_in_effect: a still carries them).
    own, video = (
        MediaLease.objects.filter(asset=OuterRef(owner), scope__in=relevant_scopes(medium)).filter(
            _in_force("", "starts_on", "ends_on", on)
        )
        for owner in ("pk", "facts__video_id")
    )
    still = Q(facts__video_id__isnull=False)
    denied = Exists(own.filter(access=DENY)) | (still & Exists(video.filter(access=DENY)))
    allowed = Exists(own.filter(access=ALLOW)) | (still & Exists(video.filter(access=ALLOW)))
    waivers = UsageCategory.objects.filter(needs_licence=False).values_list("pk", flat=True)
    waived = Q(facts__usage_category_id__in=list(waivers))
    covered, over_quota = agreement_conditions(medium, on)
    licence = licensed(on, embed=medium not in (PRINT, SYNDICATION, TRAINING))
    usable = (((waived | covered | licence) & ~over_quota) | allowed) & ~denied
    if medium == TRAINING:
        usable &= ~Q(facts__data_mining__in=NO_AI_TRAINING)
    return usable
