"""Licences: the rules about one licence's dates."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, transaction

from tests.factories import AssetFactory, LicenceFactory

pytestmark = pytest.mark.django_db


def test_licence_cannot_expire_before_it_starts():
    asset = AssetFactory(without_file=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        LicenceFactory(
            asset=asset, starts_on=datetime.date(2024, 1, 2), expires_on=datetime.date(2024, 1, 1)
        )
