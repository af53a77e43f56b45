"""A small archive for the pre-publication check, and a draft whose pictures get each verdict.

Shared by the check's tests and the page's and API's (plain functions, no fixtures).
"""

from __future__ import annotations

from datetime import date

from archive.models import (
    Article,
    Asset,
    Claim,
    Credit,
    CreditAlias,
    Illustration,
    Placement,
    SupplierAgreement,
    UsageCategory,
    UsageRights,
)
from archive.rights.defaults import ensure_default_categories

DAY = date(2026, 6, 15)

DRAFT = """Minister visits the front

By A Reporter

The minister went to the front on Monday, officials said.

Sergei Shoigu

Sergei Shoigu at the front line (Image: GETTY)

The army said 950 soldiers were killed on Sunday.

Tanks

Tanks on the road (Image: Alamy)

A drone

A drone over the city (Image: Staff)

A map

The map of the region (Image: Nobody Known)

Officials said more would follow.
"""


def build_desk_archive() -> dict:
    """Return the records the draft's pictures match.

    1. Shoigu (Getty, matched by an earlier placement's caption): the Getty agreement asks
       for "Getty Images" (GETTY is its alias), 2 uses a month, one used this month; a
       look-alike illustrated a claim rated false.
    2. Tanks (Getty, matched by the file hash given): over the quota after picture 1; its
       printed credit (Alamy) is not the one required.
    3. A drone (staff, matched by its catalogued caption): AI-generated, caption silent.
    4. A map: not in the archive.
    """
    getty = Credit.objects.create(name="GETTY", kind=Credit.Kind.AGENCY)
    CreditAlias.objects.create(credit=getty, alias="Getty Images")
    staff = Credit.objects.create(name="Staff", kind=Credit.Kind.IN_HOUSE)
    ensure_default_categories()  # a transactional test before may have emptied the table
    categories = {c.code: c for c in UsageCategory.objects.all()}
    agreement = SupplierAgreement.objects.create(
        supplier=getty,
        required_credit_line="Getty Images",
        monthly_quota=2,
        cost="pay",
        starts_on=date(2026, 1, 1),
    )
    agreement.categories.set([categories["agency"]])
    shoigu = Asset.objects.create(
        sha256="a" * 64, title="Shoigu", credit=getty, phash="0123456789abcdef"
    )
    tanks = Asset.objects.create(sha256="b" * 64, title="Tanks", credit=getty)
    drone = Asset.objects.create(
        sha256="c" * 64,
        title="Drone",
        credit=staff,
        description="A drone over the city",
        digital_source_type="trainedAlgorithmicMedia",
    )
    look_alike = Asset.objects.create(
        sha256="d" * 64,
        title="Shoigu again",
        credit=getty,
        phash="0123456789abcdee",
        near_duplicate_of=shoigu,  # as the ingest records it: one bit apart
    )
    for asset in (shoigu, tanks):
        UsageRights.objects.create(asset=asset, category=categories["agency"])
    UsageRights.objects.create(asset=drone, category=categories["staff"])
    earlier = Article.objects.create(
        headline="Earlier", publication="The Test", published_on=date(2026, 6, 2)
    )
    Placement.objects.create(
        article=earlier,
        asset=shoigu,
        position=1,
        caption="Sergei Shoigu at the front line",
        credit_line="(Image: GETTY)",
    )
    claim = Claim.objects.create(
        article=earlier, text="Shoigu was at the front", status=Claim.Status.FALSE
    )
    Illustration.objects.create(claim=claim, asset=look_alike)
    return {
        "getty": getty,
        "agreement": agreement,
        "shoigu": shoigu,
        "tanks": tanks,
        "drone": drone,
        "look_alike": look_alike,
        "claim": claim,
    }
