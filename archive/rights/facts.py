"""The rights rules' facts, read from the database, and the verdicts the pages and API show.

Facts for any number of assets come in a fixed number of queries. Which placements count
against an agreement's quota is defined once (``agreement_uses``, the licence report's rule
too); a verdict reads the month's uses from the counts ``archive.rights.usage`` keeps (a
lookup of at most a month of rows), which the tests hold equal to that definition.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from archive.models import (
    Asset,
    Licence,
    MediaLease,
    Placement,
    SupplierAgreement,
    UsageCategory,
    UsageRights,
)
from archive.provenance import ai_source_type
from archive.rights.media import MEDIA
from archive.rights.rules import (
    AgreementTerms,
    CategoryTerms,
    LeaseTerms,
    LicenceTerms,
    RightsFacts,
    Usability,
    UsageRequest,
    applicable_agreement,
    denials,
    required_credit,
    territory_codes,
    usability,
)
from archive.rights.usage import uses_between


def month_bounds(day: date) -> tuple[date, date]:
    """Return the first and last day of ``day``'s calendar month."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def agreement_terms(agreement: SupplierAgreement, category_codes: list[str]) -> AgreementTerms:
    return AgreementTerms(
        id=agreement.pk,
        supplier=agreement.supplier.name if agreement.supplier_id else "",
        supplier_id=agreement.supplier_id,
        categories=tuple(category_codes),
        media=agreement.media,
        territories=territory_codes(agreement.territories),
        required_credit_line=agreement.required_credit_line,
        monthly_quota=agreement.monthly_quota,
        starts_on=agreement.starts_on,
        ends_on=agreement.ends_on,
        cost=agreement.cost,
        restrictions=agreement.restrictions,
    )


def agreements_of(supplier_ids: Iterable[int] | None) -> dict[int, list[AgreementTerms]]:
    """Return each supplier's agreements (newest first; ``None``: every supplier's), in two
    queries."""
    agreements = SupplierAgreement.objects.select_related("supplier")
    if supplier_ids is not None:
        agreements = agreements.filter(supplier_id__in=set(supplier_ids))
    agreements = list(agreements)
    codes: dict[int, list[str]] = defaultdict(list)
    links = SupplierAgreement.categories.through.objects.filter(
        supplieragreement_id__in=[a.pk for a in agreements]
    ).order_by("usagecategory__position", "usagecategory__name")
    for agreement_id, code in links.values_list("supplieragreement_id", "usagecategory__code"):
        codes[agreement_id].append(code)
    by_supplier: dict[int, list[AgreementTerms]] = defaultdict(list)
    for agreement in agreements:
        by_supplier[agreement.supplier_id].append(agreement_terms(agreement, codes[agreement.pk]))
    return by_supplier


def agreement_uses(agreement: AgreementTerms, first: date, last: date) -> QuerySet:
    """Return the placements that count against an agreement's quota between two days: of
    pictures credited to its supplier, in its categories (or none), published in its window."""
    if agreement.starts_on and agreement.starts_on > first:
        first = agreement.starts_on
    if agreement.ends_on and agreement.ends_on < last:
        last = agreement.ends_on
    uses = Placement.objects.filter(
        asset__credit_id=agreement.supplier_id,
        article__published_on__gte=first,
        article__published_on__lte=last,
    )
    if agreement.categories:
        uses = uses.filter(
            ~Exists(UsageRights.objects.filter(asset=OuterRef("asset_id"), category__isnull=False))
            | Exists(
                UsageRights.objects.filter(
                    asset=OuterRef("asset_id"), category__code__in=agreement.categories
                )
            )
        )
    return uses


def quota_used(agreement: AgreementTerms | None, day: date) -> int:
    """Return how many uses an agreement with a quota has had in ``day``'s month (0 without):
    ``agreement_uses`` counted, read from the kept counts."""
    if agreement is None or agreement.monthly_quota is None:
        return 0
    first, last = month_bounds(day)
    if agreement.starts_on and agreement.starts_on > first:
        first = agreement.starts_on
    if agreement.ends_on and agreement.ends_on < last:
        last = agreement.ends_on
    if first > last:
        return 0
    return uses_between(agreement.supplier_id, agreement.categories, first, last)


def rights_facts(asset_ids: Iterable[int], *, on: date) -> dict[int, RightsFacts]:
    """Return the rules' facts of some assets on a day, in a fixed number of queries."""
    ids = list(asset_ids)
    assets = list(
        Asset.objects.filter(pk__in=ids).values_list(
            "id", "credit_id", "digital_source_type", "data_mining", "c2pa_state", "video_id"
        )
    )
    # Valid Content Credentials may declare AI where the IPTC field does not (few are read).
    credentials = Asset.objects.credential_summaries((row[0], row[4]) for row in assets)
    licences: dict[int, list[LicenceTerms]] = defaultdict(list)
    for row in (
        Licence.objects.filter(asset_id__in=ids)
        .order_by("id")
        .values_list(
            "asset_id",
            "id",
            "licence_type",
            "starts_on",
            "expires_on",
            "territory",
            "verified_at",
            "restrictions",
        )
    ):
        licences[row[0]].append(
            LicenceTerms(row[1], row[2], row[3], row[4], row[5], row[6] is not None, row[7])
        )
    # Their leases, and those of the videos the stills among them were cut from
    # (rules.leases_in_effect), in one query.
    videos = {row[5] for row in assets if row[5]}
    leases: dict[int, list[LeaseTerms]] = defaultdict(list)
    for row in (
        MediaLease.objects.filter(asset_id__in=videos.union(ids))
        .order_by("starts_on", "id")
        .values_list("asset_id", "id", "access", "scope", "starts_on", "ends_on", "note")
    ):
        leases[row[0]].append(LeaseTerms(*row[1:]))
    own: dict[int, tuple[int | None, str]] = {
        asset_id: (category_id, restrictions)
        for asset_id, category_id, restrictions in UsageRights.objects.filter(
            asset_id__in=ids
        ).values_list("asset_id", "category_id", "restrictions")
    }
    categories = {
        category.pk: CategoryTerms(
            category.code,
            category.name,
            category.cost,
            category.needs_licence,
            category.restrictions,
        )
        for category in UsageCategory.objects.filter(
            pk__in={category_id for category_id, _ in own.values() if category_id}
        )
    }
    agreements = agreements_of(row[1] for row in assets if row[1])
    quotas: dict[int, int] = {}
    facts = {}
    for pk, credit_id, source_type, data_mining, c2pa_state, video_id in assets:
        category_id, restrictions = own.get(pk, (None, ""))
        category = categories.get(category_id)
        supplier = tuple(agreements.get(credit_id, ())) if credit_id else ()
        agreement = applicable_agreement(supplier, category.code if category else None, on)
        used = 0
        if agreement is not None and agreement.monthly_quota is not None:
            if agreement.id not in quotas:
                quotas[agreement.id] = quota_used(agreement, on)
            used = quotas[agreement.id]
        facts[pk] = RightsFacts(
            id=pk,
            licences=tuple(licences.get(pk, ())),
            leases=tuple(leases.get(pk, ())),
            video_leases=tuple(
                replace(lease, video_id=video_id) for lease in leases.get(video_id, ())
            ),
            category=category,
            agreements=supplier,
            quota_used=used,
            restrictions=restrictions,
            digital_source_type=ai_source_type(source_type, c2pa_state, credentials.get(pk))
            or source_type,
            data_mining=data_mining,
        )
    return facts


def usability_of(asset_ids: Iterable[int], request: UsageRequest) -> dict[int, Usability]:
    """Return "can I use it?" for some assets, one request."""
    return {
        pk: usability(facts, request, warning_days=settings.ARCHIVE_EXPIRY_WARNING_DAYS)
        for pk, facts in rights_facts(asset_ids, on=request.on).items()
    }


def usability_for(
    asset_id: int, *, medium: str, on: date | None = None, territory: str = ""
) -> Usability | None:
    """Return "can I use it?" for one asset (None if there is no such asset)."""
    request = UsageRequest(medium=medium, on=on or timezone.localdate(), territory=territory)
    return usability_of([asset_id], request).get(asset_id)


def usability_by_medium(
    asset_id: int,
    *,
    on: date | None = None,
    territory: str = "",
    facts: RightsFacts | None = None,
) -> dict[str, Usability]:
    """Return the verdict on each medium for one day and territory (the asset page's table;
    ``facts``: the asset's, when the caller has read them for that day)."""
    on = on or timezone.localdate()
    if facts is None:
        facts = rights_facts([asset_id], on=on).get(asset_id)
    if facts is None:
        return {}
    warning_days = settings.ARCHIVE_EXPIRY_WARNING_DAYS
    return {
        medium: usability(facts, UsageRequest(medium, on, territory), warning_days=warning_days)
        for medium in MEDIA
    }


@dataclass(frozen=True)
class CreditLineToCopy:
    """The credit line to print with an asset, and the rule that requires it ("": none does,
    it is the credit as recorded)."""

    line: str
    required_by: str = ""


def credit_line_to_copy(facts: RightsFacts | None, recorded: str, *, on: date) -> CreditLineToCopy:
    """Return the credit line the asset page's copy button copies: the one the supplier
    agreement in force requires (``rules.required_credit``), else the recorded one."""
    agreement = required_credit(facts, on) if facts is not None else None
    if agreement is None:
        return CreditLineToCopy(recorded)
    return CreditLineToCopy(
        agreement.required_credit_line,
        f"the {agreement.supplier or 'supplier'} agreement (#{agreement.id})",
    )


def download_refusal(asset_id: int, *, on: date | None = None) -> str:
    """Return why a download of the asset is refused (a lease denying its use today), or "".
    A still is bound by the leases of the video it was cut from too
    (``rules.leases_in_effect``), as a takedown of the video reaches its stills."""
    on = on or timezone.localdate()
    rows = (
        MediaLease.objects.filter(Q(asset_id=asset_id) | Q(asset__stills__id=asset_id))
        .filter(access=MediaLease.Access.DENY)
        .in_force(on)
        .values_list("id", "access", "scope", "starts_on", "ends_on", "note", "asset_id")
    )
    leases = [
        LeaseTerms(*terms, video_id=None if owner == asset_id else owner) for *terms, owner in rows
    ]
    return "; ".join(point.text for point in denials(leases, on))
