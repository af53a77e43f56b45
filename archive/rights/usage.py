"""The uses a monthly quota counts, kept per supplier, usage category and day
(``SupplierDayUsage``): the one writer of that table, and the quota's lookup.

A use is a placement of an asset credited to the supplier, in an article with a publication
day; its key is (the asset's credit, the asset's usage category or 0, that day). Every write
that can move a placement's key (a placement saved or deleted, an article's day, an asset's
credit, its usage category) reaches ``recount`` with the keys before and after it: from
``archive.derived``'s signals, or from the bulk paths themselves (a credit merge, a restore,
benchmark loaders: ``rebuild_usage``). ``recount`` locks each key's row, then counts the
key's placements: a concurrent writer of the same key waits for the lock and counts after
the first one's commit, so no use is lost (PostgreSQL's row lock; SQLite has one writer).
``check_usage`` compares the table with a full count (``manage.py rebuild_quota_usage``).
The readers: ``uses_between`` (one agreement's month, for a verdict) and ``monthly_uses``
(every month of many agreements, for the licence report).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.db.models import Count, F, IntegerField, Q, Sum, Value
from django.db.models.functions import Coalesce

from archive.models import Placement, SupplierDayUsage, UsageCategory
from archive.rights.rules import AgreementTerms

#: (credit id, usage category id or 0, publication day)
UseKey = tuple[int, int, date]


def counted_placements(condition: Q | None = None):
    """Return, per key, how many placements count as uses (those matching ``condition``)."""
    placements = Placement.objects.filter(
        asset__credit__isnull=False, article__published_on__isnull=False
    )
    if condition is not None:
        placements = placements.filter(condition)
    return (
        placements.annotate(
            use_credit=F("asset__credit_id"),
            use_category=Coalesce(
                "asset__usage_rights__category_id", Value(0), output_field=IntegerField()
            ),
            use_day=F("article__published_on"),
        )
        .order_by()
        .values_list("use_credit", "use_category", "use_day")
        .annotate(uses=Count("id"))
    )


def keys_of(condition: Q) -> set[UseKey]:
    """Return the keys the placements matching ``condition`` count under now."""
    return {(credit, category, day) for credit, category, day, _ in counted_placements(condition)}


@transaction.atomic
def recount(keys: Iterable[UseKey]) -> None:
    """Bring the rows of these keys up to date: lock them (made at 0 if missing), then count
    their placements."""
    keys = set(keys)
    if not keys:
        return
    SupplierDayUsage.objects.bulk_create(
        [SupplierDayUsage(credit_id=c, category=k, day=d, uses=0) for c, k, d in keys],
        ignore_conflicts=True,
    )
    credits, days = {c for c, _, _ in keys}, {d for _, _, d in keys}
    # Locked in one order (credit, day, category) so two writers cannot deadlock.
    rows = {
        (row.credit_id, row.category, row.day): row
        for row in SupplierDayUsage.objects.select_for_update()
        .filter(credit_id__in=credits, day__in=days)
        .order_by("credit_id", "day", "category")
    }
    counted = {
        (credit, category, day): uses
        for credit, category, day, uses in counted_placements(
            Q(asset__credit_id__in=credits, article__published_on__in=days)
        )
    }
    changed = []
    for key in keys:
        row = rows[key]
        if row.uses != counted.get(key, 0):
            row.uses = counted.get(key, 0)
            changed.append(row)
    SupplierDayUsage.objects.bulk_update(changed, ["uses"])


def recount_credits(credit_ids: Iterable[int]) -> None:
    """Recount every key of these suppliers (after a bulk write moved assets between them)."""
    ids = set(credit_ids)
    if ids:
        held = SupplierDayUsage.objects.filter(credit_id__in=ids)
        recount(
            set(held.values_list("credit_id", "category", "day"))
            | keys_of(Q(asset__credit_id__in=ids))
        )


@transaction.atomic
def rebuild_usage() -> int:
    """Recount every key from the placements (after a bulk load or a restore); return how
    many rows there are."""
    SupplierDayUsage.objects.all().delete()
    rows = [
        SupplierDayUsage(credit_id=credit, category=category, day=day, uses=uses)
        for credit, category, day, uses in counted_placements()
    ]
    SupplierDayUsage.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


def check_usage() -> list[tuple[UseKey, int, int]]:
    """Return each key whose stored uses differ from a full count: (key, stored, counted)."""
    stored = {
        (credit, category, day): uses
        for credit, category, day, uses in SupplierDayUsage.objects.filter(uses__gt=0)
        .order_by()
        .values_list("credit_id", "category", "day", "uses")
    }
    counted = {
        (credit, category, day): uses for credit, category, day, uses in counted_placements()
    }
    return sorted(
        (key, stored.get(key, 0), counted.get(key, 0))
        for key in stored.keys() | counted.keys()
        if stored.get(key, 0) != counted.get(key, 0)
    )


def uses_between(supplier_id: int, categories: Iterable[str], first: date, last: date) -> int:
    """Return the uses of a supplier's pictures between two days (both included): in these
    usage categories (by code) or none, or in any category when none is given."""
    rows = SupplierDayUsage.objects.filter(credit_id=supplier_id, day__gte=first, day__lte=last)
    codes = list(categories)
    if codes:
        rows = rows.filter(
            Q(category=0)
            | Q(category__in=UsageCategory.objects.filter(code__in=codes).values("pk"))
        )
    return rows.aggregate(total=Sum("uses"))["total"] or 0


def monthly_uses(agreements: Iterable[AgreementTerms]) -> dict[tuple[int, date], int]:
    """Return the uses each agreement counted in each month, keyed by (agreement id, the
    month's first day), months without uses left out: what ``uses_between`` gives for one
    agreement and month (the days of its window, its categories or none), for all at once."""
    by_supplier: dict[int, list[AgreementTerms]] = defaultdict(list)
    for agreement in agreements:
        if agreement.supplier_id is not None:
            by_supplier[agreement.supplier_id].append(agreement)
    if not by_supplier:
        return {}
    codes = dict(UsageCategory.objects.values_list("pk", "code"))
    months: dict[tuple[int, date], int] = defaultdict(int)
    for supplier, category, day, uses in (
        SupplierDayUsage.objects.filter(credit_id__in=by_supplier, uses__gt=0)
        .order_by()
        .values_list("credit_id", "category", "day", "uses")
    ):
        for agreement in by_supplier[supplier]:
            if agreement.in_force(day) and (
                not agreement.categories
                or category == 0
                or codes.get(category) in agreement.categories
            ):
                months[(agreement.id, day.replace(day=1))] += uses
    return dict(months)
