"""The credits' admin: aliases inline, marking reviewed, merging credits."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.template.response import TemplateResponse

from archive.models import (
    Credit,
    CreditAlias,
)
from archive.services import merge_credits


class CreditAliasInline(admin.TabularInline):
    model = CreditAlias
    extra = 1
    fields = ["alias"]


@admin.action(description="Mark selected credits as reviewed")
def mark_reviewed(modeladmin, request, queryset):
    updated = queryset.update(reviewed=True)
    messages.success(request, f"{updated} credit(s) marked as reviewed.")


class MergeCreditsForm(forms.Form):
    target = forms.ModelChoiceField(
        queryset=Credit.objects.all(), label="Merge into", help_text="The credit that stays."
    )


@admin.action(description="Merge selected credits into…", permissions=["change"])
def merge_selected_credits(modeladmin, request, queryset):
    """Ask for the target credit, then merge the selected credits into it."""
    credits = list(queryset.annotate(asset_count=models.Count("assets")))
    form = MergeCreditsForm(request.POST if "apply" in request.POST else None)
    if form.is_valid():
        target = form.cleaned_data["target"]
        merged = merge_credits(credits, target, user=request.user)
        messages.success(request, f"{merged} credit(s) merged into “{target}”.")
        return None
    return TemplateResponse(
        request,
        "admin/archive/credit/merge.html",
        {
            **modeladmin.admin_site.each_context(request),
            "opts": Credit._meta,
            "title": "Merge credits",
            "credits": credits,
            "form": form,
        },
    )


@admin.register(Credit)
class CreditAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "reviewed", "alias_list", "created_at"]
    list_filter = ["reviewed", "kind"]
    search_fields = ["name", "aliases__alias"]
    inlines = [CreditAliasInline]
    actions = [mark_reviewed, merge_selected_credits]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description="Aliases")
    def alias_list(self, credit: Credit) -> str:
        return ", ".join(
            alias.alias for alias in credit.aliases.all() if alias.alias != credit.name
        )
