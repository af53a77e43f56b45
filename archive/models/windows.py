"""Date windows: a first and a last day, each optional (open), as licences, supplier
agreements and leases keep them; the one spelling of "covers the day" and "ends after it
starts"."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Q


def covering(on: date | models.Expression, *, starts: str = "starts_on", ends: str) -> Q:
    """Rows whose window covers the day ``on`` (an open side covers every day)."""
    return (Q(**{f"{starts}__isnull": True}) | Q(**{f"{starts}__lte": on})) & (
        Q(**{f"{ends}__isnull": True}) | Q(**{f"{ends}__gte": on})
    )


def ends_after_start(
    name: str, *, starts: str = "starts_on", ends: str, message: str
) -> models.CheckConstraint:
    """The constraint (checked by ``full_clean`` too) that a window does not end before it starts."""
    return models.CheckConstraint(
        name=name,
        condition=Q(**{f"{starts}__isnull": True})
        | Q(**{f"{ends}__isnull": True})
        | Q(**{f"{ends}__gte": models.F(starts)}),
        violation_error_message=message,
    )
