"""The licences' admin."""

from __future__ import annotations

from django.contrib import admin

from archive.admin.base import HistoryAdmin, VerifierChoiceMixin
from archive.models import Licence


@admin.register(Licence)
class LicenceAdmin(VerifierChoiceMixin, HistoryAdmin):
    list_display = ["asset", "licence_type", "licensor", "expires_on", "verified_at", "is_demo"]
    list_filter = ["licence_type", "is_demo", "expires_on"]
    search_fields = ["licensor", "reference", "asset__title"]
    autocomplete_fields = ["asset"]
    list_select_related = ["asset"]
    # Newest first through the primary key (the model's order, by asset and start, sorts
    # every licence before showing the first page).
    ordering = ["-id"]
    show_full_result_count = False

    def save_model(self, request, obj, form, change):
        if obj.verified_at and obj.verified_by_id is None:
            obj.verified_by = request.user  # who ticked it, when nobody was named
        super().save_model(request, obj, form, change)
