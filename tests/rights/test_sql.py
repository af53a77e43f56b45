"""The search filter ``usable:<medium>`` selects exactly the assets the rules do not refuse."""

from __future__ import annotations

from datetime import date

import pytest

from archive.models import Asset, SupplierAgreement
from archive.rights.facts import quota_used, rights_facts, usability_of
from archive.rights.media import MEDIA
from archive.rights.rules import CONDITIONS, NO, YES, UsageRequest, applicable_agreement
from archive.rights.sql import usable_condition
from tests.rights.conftest import DAY

pytestmark = pytest.mark.django_db


def test_the_filter_agrees_with_the_rules(rights_archive):
    for day in (DAY, date(2026, 5, 20), date(2026, 7, 2)):
        for medium in MEDIA:
            verdicts = usability_of(rights_archive, UsageRequest(medium, day))
            expected = {pk for pk, answer in verdicts.items() if answer.usable}
            selected = set(
                Asset.objects.filter(pk__in=rights_archive)
                .filter(usable_condition(medium, day))
                .values_list("pk", flat=True)
            )
            assert selected == expected, (medium, day)
            # Each verdict is represented, so the comparison means something.
            kinds = {answer.verdict for answer in verdicts.values()}
            assert NO in kinds and (YES in kinds or CONDITIONS in kinds)


def test_the_archive_exercises_the_quota_and_every_reason(rights_archive):
    agreement = SupplierAgreement.objects.get(monthly_quota=2)
    facts = rights_facts(rights_archive, on=DAY)
    terms = applicable_agreement(facts[agreement.supplier.assets.first().pk].agreements, None, DAY)
    assert quota_used(terms, DAY) == 2
    reasons = {
        point.code
        for medium in MEDIA
        for answer in usability_of(rights_archive, UsageRequest(medium, DAY)).values()
        for point in answer.reasons
    }
    assert reasons >= {
        "deny_lease",
        "no_licence",
        "expired",
        "not_covered",
        "embed_only",
        "over_quota",
        "data_mining",
    }
