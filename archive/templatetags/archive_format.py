"""Template filters for showing catalogue values the way a newsroom prints them."""

from __future__ import annotations

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def figure(claim) -> str:
    """Format a claim's figure with its unit: ``12,730 soldiers``; years stay ``1959``."""
    value = getattr(claim, "figure", None)
    if value is None:
        return ""
    number = Decimal(value)
    whole = number == number.to_integral_value()
    if "year" in (claim.unit or "").lower():
        text = f"{number:.0f}" if whole else f"{number}"
    else:
        text = f"{number:,.0f}" if whole else f"{number:,.2f}".rstrip("0").rstrip(".")
    return f"{text} {claim.unit}".strip()
