"""Credits and their aliases: one normalised key, unique across credits."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from archive.models import Credit, CreditAlias
from archive.text import credit_key
from tests.factories import CreditFactory

pytestmark = pytest.mark.django_db


def test_credit_key_ignores_case_accents_and_punctuation():
    assert credit_key("GETTY") == credit_key("getty.") == credit_key(" Getty ")
    assert credit_key("Agence France-Presse") == credit_key("agence france presse")
    assert credit_key("Kyïv Post") == credit_key("kyiv post")
    assert credit_key("Getty Images") != credit_key("GETTY")


def test_credit_name_becomes_an_alias_and_aliases_are_unique():
    getty = CreditFactory(name="GETTY")
    CreditAlias.objects.create(credit=getty, alias="Getty Images")
    assert list(Credit.objects.matching("getty images")) == [getty]
    assert list(Credit.objects.matching("Getty")) == [getty]
    other = CreditFactory(name="Reuters")
    with pytest.raises(IntegrityError), transaction.atomic():
        CreditAlias.objects.create(credit=other, alias="GETTY IMAGES")


def test_credit_clean_refuses_a_name_that_is_another_credits_alias():
    getty = CreditFactory(name="GETTY")
    CreditAlias.objects.create(credit=getty, alias="Getty Images")
    with pytest.raises(ValidationError, match="already an alias"):
        Credit(name="getty images").full_clean()
