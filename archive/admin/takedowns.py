"""Takedown requests in the admin: recording one lists every placement it reaches."""

from __future__ import annotations

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from archive import takedowns
from archive.models import TakedownRequest


@admin.register(TakedownRequest)
class TakedownRequestAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "received_on", "deadline", "requested_by", "status", "page_link"]
    list_filter = ["status", "scope", "received_on"]
    search_fields = ["requested_by", "reason", "credit__name", "asset__title"]
    autocomplete_fields = ["credit", "asset", "licence"]
    readonly_fields = ["status", "page_link"]
    fields = [
        "scope",
        "credit",
        "licence",
        "asset",
        "requested_by",
        "received_on",
        "deadline",
        "reason",
        "status",
        "page_link",
    ]

    @admin.display(description="placements")
    def page_link(self, takedown: TakedownRequest):
        if takedown.pk is None:
            return "listed once the request is saved"
        return format_html(
            '<a href="{}">{} placement(s), their state and a CSV</a>',
            takedown.get_absolute_url(),
            takedown.items.count(),
        )

    def get_changeform_initial_data(self, request):
        # A request is recorded the day it arrives, as a rule: today unless the desk says.
        return {"received_on": timezone.localdate(), **super().get_changeform_initial_data(request)}

    def response_add(self, request, obj, post_url_continue=None):
        # What the desk wants next is the list of placements the request reaches.
        if "_addanother" in request.POST or "_continue" in request.POST or "_popup" in request.POST:
            return super().response_add(request, obj, post_url_continue)
        super().response_add(request, obj, post_url_continue)  # its "added" message
        return HttpResponseRedirect(obj.get_absolute_url())

    def save_model(self, request, obj, form, change):
        if obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        added = takedowns.record_items(obj)
        if added:
            messages.info(
                request, f"{added} placement(s) reached by this takedown were added to it."
            )
