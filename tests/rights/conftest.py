"""A small archive with every kind of usage right: agreements (one over its quota, one ended),
categories, licences, leases and data mining terms, in many combinations."""

from __future__ import annotations

import random
from datetime import date

import pytest
from django.db.models import Q

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
from archive.rights.defaults import ensure_default_categories

DAY = date(2026, 6, 15)

LICENCES = {
    "none": [],
    "current": [("rights_managed", date(2026, 1, 1), None)],
    "expired": [("rights_managed", date(2025, 1, 1), date(2026, 5, 1))],
    "later": [("rights_managed", date(2026, 7, 1), None)],
    "embed": [("social_embed", None, None)],
    "embed+full": [("social_embed", None, None), ("editorial", None, date(2026, 12, 31))],
}
LEASES = {
    "none": [],
    "deny": [("deny", "use", date(2026, 6, 1), date(2026, 6, 30))],
    "deny-syndication": [("deny", "syndication", None, None)],
    "allow": [("allow", "use", None, None)],
    "lapsed-deny": [("deny", "use", date(2026, 5, 1), date(2026, 5, 31))],
    "allow+deny": [("allow", "use", None, None), ("deny", "use", None, None)],
}


@pytest.fixture
def rights_archive(db):
    """Return the ids of ~120 assets mixing credits, categories, licences and leases."""
    reuters = Credit.objects.create(name="Reuters", kind=Credit.Kind.AGENCY)
    getty = Credit.objects.create(name="Getty Images", kind=Credit.Kind.AGENCY)
    afp = Credit.objects.create(name="AFP", kind=Credit.Kind.AGENCY)
    ensure_default_categories()  # a transactional test before may have emptied the table
    categories = {c.code: c for c in UsageCategory.objects.all()}
    quota = SupplierAgreement.objects.create(
        supplier=reuters, monthly_quota=2, required_credit_line="REUTERS/", cost="free"
    )
    quota.categories.set([categories["agency"]])
    open_ended = SupplierAgreement.objects.create(
        supplier=getty, social=True, required_credit_line="Getty Images", cost="pay"
    )
    ended = SupplierAgreement.objects.create(supplier=afp, ends_on=date(2026, 5, 31))
    ended.categories.set([categories["agency"], categories["pool"]])
    assert open_ended.pk and ended.pk

    randomly = random.Random(19)
    credits = [None, reuters, getty, afp]
    codes = [None, "agency", "staff", "pr", "pool", "social-embed"]
    ids = []
    for index in range(120):
        asset = Asset.objects.create(
            sha256=f"{index + 7000:064x}",
            title=f"Rights {index}",
            credit=randomly.choice(credits),
            data_mining=randomly.choice(["", "DMI-PROHIBITED-AIMLTRAINING", "DMI-ALLOWED"]),
        )
        code = randomly.choice(codes)
        if code is not None or randomly.random() < 0.2:
            UsageRights.objects.create(
                asset=asset, category=categories.get(code), restrictions="Do not crop."
            )
        for licence_type, starts, expires in LICENCES[randomly.choice(list(LICENCES))]:
            Licence.objects.create(
                asset=asset, licence_type=licence_type, starts_on=starts, expires_on=expires
            )
        for access, scope, starts, ends in LEASES[randomly.choice(list(LEASES))]:
            MediaLease.objects.create(
                asset=asset, access=access, scope=scope, starts_on=starts, ends_on=ends
            )
        ids.append(asset.pk)
    # Two uses of Reuters pictures this month: its quota of two is used up.
    article = Article.objects.create(headline="Quota story", published_on=date(2026, 6, 2))
    used = Asset.objects.filter(credit=reuters).filter(
        Q(usage_rights__isnull=True)
        | Q(usage_rights__category__isnull=True)
        | Q(usage_rights__category__code="agency")
    )
    for position, asset in enumerate(used[:2], start=1):
        Placement.objects.create(article=article, asset=asset, position=position)
    return ids
