"""The usage-rights admin: the desk's categories, supplier agreements, and each asset's usage
rights and leases (also inline on the asset's page)."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from archive.models import MediaLease, SupplierAgreement, UsageCategory, UsageRights


class UsageRightsInline(admin.StackedInline):
    model = UsageRights
    extra = 0
    max_num = 1
    fields = ["category", "restrictions"]


class MediaLeaseInline(admin.TabularInline):
    model = MediaLease
    extra = 0
    fields = ["access", "scope", "starts_on", "ends_on", "note", "is_demo"]


@admin.register(UsageCategory)
class UsageCategoryAdmin(admin.ModelAdmin):  # a lookup list, like credits: no history
    list_display = ["name", "code", "cost", "needs_licence", "position"]
    list_editable = ["position"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"code": ["name"]}


@admin.register(SupplierAgreement)
class SupplierAgreementAdmin(SimpleHistoryAdmin):
    list_display = [
        "supplier",
        "name",
        "cost",
        "monthly_quota",
        "required_credit_line",
        "starts_on",
        "ends_on",
        "is_demo",
    ]
    list_filter = ["cost", "is_demo", "categories"]
    search_fields = ["name", "supplier__name", "required_credit_line"]
    autocomplete_fields = ["supplier"]
    filter_horizontal = ["categories"]
    list_select_related = ["supplier"]
    fieldsets = [
        (None, {"fields": [("supplier", "name"), "categories", ("starts_on", "ends_on")]}),
        (
            "Media and territories",
            {"fields": [("web", "print", "social", "syndication", "training"), "territories"]},
        ),
        (
            "Terms",
            {
                "fields": [
                    ("cost", "monthly_quota"),
                    "required_credit_line",
                    "restrictions",
                    "is_demo",
                ]
            },
        ),
    ]


@admin.register(UsageRights)
class UsageRightsAdmin(SimpleHistoryAdmin):
    list_display = ["asset", "category"]
    list_filter = ["category"]
    search_fields = ["asset__title", "restrictions"]
    autocomplete_fields = ["asset"]
    list_select_related = ["asset", "category"]
    ordering = ["-id"]


@admin.register(MediaLease)
class MediaLeaseAdmin(SimpleHistoryAdmin):
    list_display = ["asset", "access", "scope", "starts_on", "ends_on", "note", "is_demo"]
    list_filter = ["access", "scope", "is_demo"]
    search_fields = ["asset__title", "note"]
    autocomplete_fields = ["asset"]
    list_select_related = ["asset"]
    ordering = ["-id"]
    show_full_result_count = False
