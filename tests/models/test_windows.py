"""The shared date window: "covers the day" and "ends after it starts", open on either side."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db.models import DateField, Value

from archive.models import Licence, MediaLease, SupplierAgreement
from archive.models.windows import covering, ends_after_start
from tests.factories import AssetFactory, CreditFactory

pytestmark = pytest.mark.django_db

MAY_1, MAY_10, MAY_20 = date(2026, 5, 1), date(2026, 5, 10), date(2026, 5, 20)


def day(value: date | None) -> Value:
    return Value(value, output_field=DateField())


def row(starts: date | None, ends: date | None) -> dict:
    return {"starts_on": day(starts), "ends_on": day(ends)}


@pytest.mark.parametrize(
    "starts, ends, covers",
    [
        (None, None, True),
        (MAY_1, None, True),
        (None, MAY_20, True),
        (MAY_1, MAY_20, True),
        (MAY_10, MAY_10, True),  # the first and the last day count
        (MAY_20, None, False),
        (None, MAY_1, False),
        (MAY_1, date(2026, 5, 9), False),
    ],
)
def test_a_window_covers_a_day_between_its_first_and_last_open_or_not(starts, ends, covers):
    assert covering(MAY_10, ends="ends_on").check(row(starts, ends)) is covers


@pytest.mark.parametrize(
    "starts, ends, holds",
    [(None, None, True), (MAY_10, None, True), (None, MAY_1, True), (MAY_1, MAY_1, True),
     (MAY_10, MAY_1, False)],
)  # fmt: skip
def test_a_window_may_not_end_before_it_starts(starts, ends, holds):
    constraint = ends_after_start("window", ends="ends_on", message="Ends before it starts.")
    assert constraint.condition.check(row(starts, ends)) is holds


def test_the_field_names_are_the_callers():
    condition = covering(MAY_10, starts="from_day", ends="to_day")
    assert condition.check({"from_day": day(MAY_1), "to_day": day(MAY_1)}) is False
    assert condition.check({"from_day": day(MAY_1), "to_day": day(MAY_20)}) is True


def test_licences_agreements_and_leases_share_the_window():
    asset = AssetFactory(without_file=True)
    inverted = [
        Licence(asset=asset, starts_on=MAY_10, expires_on=MAY_1),
        SupplierAgreement(supplier=CreditFactory(), starts_on=MAY_10, ends_on=MAY_1),
        MediaLease(asset=asset, starts_on=MAY_10, ends_on=MAY_1),
    ]
    for record, message in zip(
        inverted,
        [
            "A licence cannot expire before it starts.",
            "An agreement cannot end before it starts.",
            "A lease cannot end before it starts.",
        ],
        strict=True,
    ):
        with pytest.raises(ValidationError, match=message):
            record.validate_constraints()
    Licence.objects.create(asset=asset, starts_on=MAY_1, expires_on=MAY_20)
    MediaLease.objects.create(asset=asset, starts_on=MAY_20)
    assert Licence.objects.current(MAY_10).count() == 1
    assert MediaLease.objects.in_force(MAY_10).count() == 0
    assert MediaLease.objects.in_force(MAY_20).count() == 1
