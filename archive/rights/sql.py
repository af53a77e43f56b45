"""The search filter ``usable:<medium>``: the "can I use it?" rules' mirror as one condition.

``usable_condition`` selects the assets whose verdict for a medium on a day, no territory
asked, is not "no" (``rules.usability``). Leases, licences and the asset's category are
EXISTS tests on indexed columns; which supplier agreement applies to which category, and
whether its quota is used up, are decided in Python for the few agreements in force (a
handful of suppliers) and passed in as lists. ``tests/rights/test_sql.py`` checks that this
mirror and the rules agree.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Exists, OuterRef, Q

from archive.models import Licence, MediaLease, SupplierAgreement, UsageCategory, UsageRights
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


def _in_force(prefix: str, start: str, end: str, on: date) -> Q:
    return (Q(**{f"{prefix}{start}__isnull": True}) | Q(**{f"{prefix}{start}__lte": on})) & (
        Q(**{f"{prefix}{end}__isnull": True}) | Q(**{f"{prefix}{end}__gte": on})
    )


def in_category(code: str | None) -> Q:
    """Return the assets of a usage category (``None``: of none recorded)."""
    if code is None:
        return ~Exists(UsageRights.objects.filter(asset=OuterRef("pk"), category__isnull=False))
    return Exists(UsageRights.objects.filter(asset=OuterRef("pk"), category__code=code))


def agreement_conditions(medium: str, on: date) -> tuple[Q, Q]:
    """Return the conditions "the agreement that applies covers the medium" and "the agreement
    that applies is over its quota", decided per supplier and category in Python."""
    suppliers = set(SupplierAgreement.objects.in_force(on).values_list("supplier_id", flat=True))
    covered, over = Q(pk__in=[]), Q(pk__in=[])
    if not suppliers:
        return covered, over
    codes: list[str | None] = [None, *UsageCategory.objects.values_list("code", flat=True)]
    categories = {category.code: category for category in UsageCategory.objects.all()}
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
            condition = Q(credit_id=supplier) & _any_category(found)
            if target == "covered":
                covered |= condition
            else:
                over |= condition
    return covered, over


def _any_category(codes: list[str | None]) -> Q:
    condition = Q(pk__in=[])
    named = [code for code in codes if code is not None]
    if None in codes:
        condition |= in_category(None)
    if named:
        condition |= Exists(
            UsageRights.objects.filter(asset=OuterRef("pk"), category__code__in=named)
        )
    return condition


def usable_condition(medium: str, on: date) -> Q:
    """Return the condition on assets of a verdict other than "no" for ``medium`` on ``on``."""
    scopes = relevant_scopes(medium)
    leases = MediaLease.objects.filter(asset=OuterRef("pk"), scope__in=scopes).filter(
        _in_force("", "starts_on", "ends_on", on)
    )
    denied = Exists(leases.filter(access=DENY))
    allowed = Exists(leases.filter(access=ALLOW))
    current = Licence.objects.filter(asset=OuterRef("pk")).filter(
        _in_force("", "starts_on", "expires_on", on)
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
