"""The admin home's dashboard panels (archive/admin/dashboard.py), for the index template."""

from __future__ import annotations

from django import template

from archive.admin.dashboard import dashboard_panels

register = template.Library()


@register.simple_tag(takes_context=True)
def archive_dashboard(context) -> list:
    """Return the dashboard panels the page's user may see."""
    return dashboard_panels(context["request"].user)
