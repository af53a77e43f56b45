"""Template filters for showing catalogue values the way a newsroom prints them."""

from __future__ import annotations

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from archive.text import format_figure

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
    return format_figure(
        getattr(claim, "figure", None), getattr(claim, "figure_high", None), claim.unit
    )


_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data: dict) -> str:
    """A schema.org object as a JSON-LD block: data, never run, so the CSP allows it.

    ``<``, ``>`` and ``&`` are escaped inside the JSON, so no text in it can close the block.
    """
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.simple_tag
def media_url(asset, rendition: str) -> str:
    """The role-checked URL of an asset's file, naming its content so browsers keep it."""
    from archive.web.media import media_url as url

    return url(asset, rendition)
