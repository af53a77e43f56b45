"""Template filters for showing catalogue values the way a newsroom prints them."""

from __future__ import annotations

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def licence_status_label(status: str) -> str:
    """Name a licence status (valid, expiring, expired, none) in the licence report's words."""
    from archive.audit.rules import LICENCE_STATUS_LABELS

    return LICENCE_STATUS_LABELS.get(status or "", status or "")


@register.filter
def figure(claim) -> str:
    """Format a claim's figure with its unit: ``12,730 soldiers``, ``12–15 drones``; years stay
    ``1959``."""
    value = getattr(claim, "figure", None)
    if value is None:
        return ""
    year = "year" in (claim.unit or "").lower()
    text = _number(value, year)
    high = getattr(claim, "figure_high", None)
    if high is not None and Decimal(high) != Decimal(value):
        text = f"{text}–{_number(high, year)}"
    return f"{text} {claim.unit}".strip()


def _number(value, year: bool) -> str:
    number = Decimal(value)
    whole = number == number.to_integral_value()
    if year:
        return f"{number:.0f}" if whole else f"{number}"
    return f"{number:,.0f}" if whole else f"{number:,.2f}".rstrip("0").rstrip(".")
