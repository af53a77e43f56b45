"""The licence report's usage-rights findings, gathered from the database.

A ``RightsContext`` is read once per report: every supplier agreement (and, when the audit's
SQL first asks, the usage categories' codes and which need no licence), and the placements
past a monthly quota (the months over quota read from the uses ``archive.rights.usage``
keeps, the uses of those months then ranked by ``rules.uses_over_quota``). ``rights_findings_for`` gives the findings
of a chunk of assets in two queries; ``candidates`` narrows a selection of assets, in SQL,
to those that may have one (the summary and the finding filter decide those with the rules).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Exists, OuterRef, Q, QuerySet

from archive.audit.rules import AgreementFacts, Finding
from archive.models import MediaLease, Placement, UsageCategory
from archive.rights.facts import agreements_of, month_bounds
from archive.rights.media import PRINT, WEB
from archive.rights.rules import (
    DENY,
    USE,
    AgreementTerms,
    LeaseTerms,
    UseFacts,
    credit_identity_of,
    report_findings,
    uses_over_quota,
)
from archive.rights.usage import monthly_uses
from archive.text import printed_credit_name


@dataclass
class RightsContext:
    """What every chunk of the report shares: agreements by supplier, uses over quota."""

    agreements: dict[int, list[AgreementTerms]] = field(default_factory=dict)
    # placement id -> (asset id, description)
    over_quota: dict[int, tuple[int, str]] = field(default_factory=dict)
    # usage category id -> (its code, whether it needs a licence); read when first asked
    category_terms: dict[int, tuple[str, bool]] | None = None

    @classmethod
    def load(cls) -> RightsContext:
        context = cls.agreements_only()
        quotas = [
            a for group in context.agreements.values() for a in group if a.monthly_quota is not None
        ]
        context.over_quota = placements_over_quota(quotas)
        return context

    @classmethod
    def agreements_only(cls) -> RightsContext:
        """Read the agreements, not the uses over quota."""
        return cls(dict(agreements_of(None)))

    def _category_terms(self) -> dict[int, tuple[str, bool]]:
        if self.category_terms is None:
            self.category_terms = {
                pk: (code, needed)
                for pk, code, needed in UsageCategory.objects.values_list(
                    "id", "code", "needs_licence"
                )
            }
        return self.category_terms

    @property
    def categories(self) -> dict[int, str]:
        """Each usage category's code, by id (one query, the first time)."""
        return {pk: code for pk, (code, _) in self._category_terms().items()}

    @property
    def waivers(self) -> frozenset[int]:
        """The usage categories that need no licence (their ids)."""
        return frozenset(pk for pk, (_, needed) in self._category_terms().items() if not needed)

    @property
    def over_quota_descriptions(self) -> dict[int, str]:
        return {pk: text for pk, (_, text) in self.over_quota.items()}


# The media an article is published on: an agreement covering neither does not license a
# picture printed in one.
PUBLISHED = frozenset({WEB, PRINT})


def agreement_facts(
    agreements: Iterable[AgreementTerms], category: str | None
) -> tuple[AgreementFacts, ...]:
    """Return a supplier's agreements as the licence audit reads them for one of its assets of
    a usage category (``None``: none recorded): whether each covers it (``rules.usability``
    reads ``covers_category`` the same way) and publication."""
    return tuple(
        AgreementFacts(
            agreement.id,
            agreement.supplier,
            agreement.starts_on,
            agreement.ends_on,
            covers=agreement.covers_category(category) and bool(agreement.media & PUBLISHED),
        )
        for agreement in agreements
    )


def counts_against(agreement: AgreementTerms, supplier: int | None, category, day) -> bool:
    """Return whether a use counts against an agreement's quota (``facts.agreement_uses``)."""
    return (
        supplier == agreement.supplier_id
        and day is not None
        and agreement.in_force(day)
        and (not agreement.categories or category is None or category in agreement.categories)
    )


def placements_over_quota(agreements: list[AgreementTerms]) -> dict[int, tuple[int, str]]:
    """Return the placements past their agreement's monthly quota: the months over quota
    read from the kept uses (``usage.monthly_uses``, their one owner), then one query for
    those months' uses, ranked by the rules."""
    if not agreements:
        return {}
    months = monthly_uses(agreements)
    by_id = {agreement.id: agreement for agreement in agreements}
    over = [
        (by_id[agreement_id], month)
        for (agreement_id, month), count in months.items()
        if count > by_id[agreement_id].monthly_quota
    ]
    if not over:
        return {}
    uses = Placement.objects.filter(
        asset__credit_id__in={agreement.supplier_id for agreement, _ in over},
        article__published_on__isnull=False,
    )
    fields = ("asset__credit_id", "asset__usage_rights__category__code")
    within = reduce(
        or_,
        (
            Q(asset__credit_id=agreement.supplier_id)
            & Q(article__published_on__range=month_bounds(month))
            for agreement, month in over
        ),
    )
    rows = list(
        uses.filter(within).values_list(
            "id", "asset_id", "article__published_on", "article_id", *fields
        )
    )
    result = {}
    for agreement, month in over:
        month_uses = [
            UseFacts(pk, asset_id, day, article_id)
            for pk, asset_id, day, article_id, supplier, category in rows
            if (day.year, day.month) == (month.year, month.month)
            and counts_against(agreement, supplier, category, day)
        ]
        quota = agreement.monthly_quota
        total = months[(agreement.id, month)]
        for use in uses_over_quota(month_uses, quota):
            result[use.placement_id] = (
                use.asset_id,
                f"article #{use.article_id}: one of {total} uses in {month:%Y-%m}, over the "
                f"{agreement.supplier or 'supplier'} quota of {quota}",
            )
    return result


def rights_findings_for(
    assets: Iterable[tuple[int, int | None]],
    *,
    context: RightsContext,
    aliases: Mapping[str, int],
) -> dict[int, list[Finding]]:
    """Return the usage-rights findings of ``(asset id, credit id)`` pairs, in two queries."""
    credits = dict(assets)
    ids = list(credits)
    if not ids:
        return {}
    uses: dict[int, list[UseFacts]] = defaultdict(list)
    categories: dict[int, str | None] = {}
    videos: dict[int, int] = {}  # still -> the video it was cut from
    for pk, asset_id, published_on, article_id, credit_id, credit_line, category, video in (
        Placement.objects.filter(asset_id__in=ids)
        .order_by("article__published_on", "id")
        .values_list(
            "id",
            "asset_id",
            "article__published_on",
            "article_id",
            "credit_id",
            "credit_line",
            "asset__usage_rights__category__code",
            "asset__video_id",
        )
    ):
        uses[asset_id].append(
            UseFacts(pk, asset_id, published_on, article_id, credit_id, credit_line)
        )
        categories[asset_id] = category
        if video is not None:
            videos[asset_id] = video
    # A still is bound by its video's deny leases too (rules.leases_in_effect).
    stills_of: dict[int, list[int]] = defaultdict(list)
    for still, video in videos.items():
        stills_of[video].append(still)
    leases: dict[int, list[LeaseTerms]] = defaultdict(list)
    for row in (
        MediaLease.objects.filter(asset_id__in=[*uses, *stills_of], access=DENY, scope=USE)
        .order_by("starts_on", "id")
        .values_list("asset_id", "id", "access", "scope", "starts_on", "ends_on", "note")
    ):
        if row[0] in uses:
            leases[row[0]].append(LeaseTerms(*row[1:]))
        for still in stills_of.get(row[0], ()):
            leases[still].append(LeaseTerms(*row[1:], video_id=row[0]))
    over = context.over_quota_descriptions
    found = {}
    for asset_id, asset_uses in uses.items():
        findings = report_findings(
            uses=asset_uses,
            leases=leases.get(asset_id, ()),
            over_quota=over,
            agreements=context.agreements.get(credits[asset_id], ()),
            category=categories.get(asset_id),
            aliases=aliases,
        )
        if findings:
            found[asset_id] = findings
    return found


def candidates(context: RightsContext, aliases: Mapping[str, int]) -> Q:
    """Return a condition on assets that holds for every asset with a usage-rights finding
    (and for few others): placed under a deny lease (its own, or for a still its video's),
    placed over quota, or placed under an
    agreement that requires a credit line with a line not matched to that credit."""
    placed = Placement.objects.filter(asset=OuterRef("pk"))
    deny = MediaLease.objects.filter(access=DENY, scope=USE)
    condition = Exists(deny.filter(asset=OuterRef("pk"))) | (
        Q(video__isnull=False) & Exists(deny.filter(asset=OuterRef("video_id")))
    )
    condition &= Exists(placed)
    condition |= Q(pk__in={asset_id for asset_id, _ in context.over_quota.values()})
    for supplier, agreements in context.agreements.items():
        required = {
            credit_identity_of(printed_credit_name(a.required_credit_line), aliases)
            for a in agreements
            if a.required_credit_line
        }
        required.discard(None)
        if not required:
            continue
        if len(required) == 1 and isinstance(identity := next(iter(required)), int):
            # A line matched to the required credit is printed as required.
            odd = placed.filter(Q(credit_id__isnull=True) | ~Q(credit_id=identity))
            condition |= Q(credit_id=supplier) & Exists(odd)
        else:
            condition |= Q(credit_id=supplier) & Exists(placed)
    return condition


def findings_among(
    assets: QuerySet, *, context: RightsContext, aliases: Mapping[str, int], chunk: int = 2000
) -> dict[int, tuple[int | None, list[Finding]]]:
    """Return the usage-rights findings (with the asset's credit) of a selection of assets."""
    rows = list(
        assets.filter(candidates(context, aliases)).order_by("id").values_list("id", "credit_id")
    )
    result: dict[int, tuple[int | None, list[Finding]]] = {}
    credits = dict(rows)
    for start in range(0, len(rows), chunk):
        found = rights_findings_for(rows[start : start + chunk], context=context, aliases=aliases)
        for asset_id, findings in found.items():
            result[asset_id] = (credits[asset_id], findings)
    return result
