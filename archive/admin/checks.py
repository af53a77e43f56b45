"""Pre-publication checks in the admin: listed and read, never added, changed or deleted
(a check is a record of what the desk was told)."""

from __future__ import annotations

import json

from django.contrib import admin
from django.utils.html import format_html

from archive.models import PrepublicationCheck


@admin.register(PrepublicationCheck)
class PrepublicationCheckAdmin(admin.ModelAdmin):
    list_display = ("checked_at", "user", "via", "title", "medium", "publication_date", "verdict")
    list_filter = ("verdict", "medium", "via")
    list_select_related = ("user",)
    search_fields = ("title", "draft_sha256", "user__username")
    date_hierarchy = "checked_at"
    fields = (
        "checked_at",
        "user",
        "via",
        "title",
        "draft_sha256",
        "medium",
        "publication_date",
        "territory",
        "verdict",
        "verdicts",
    )
    readonly_fields = fields

    @admin.display(description="Verdicts per picture")
    def verdicts(self, obj: PrepublicationCheck) -> str:
        return format_html("<pre>{}</pre>", json.dumps(obj.pictures, indent=2, ensure_ascii=False))

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
