"""The admins of articles, placements, claims and illustrations."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db import models

from archive.admin.article_import import import_urls
from archive.admin.base import HistoryAdmin
from archive.admin.filters import AwaitingFileFilter, RecentArticleFilter
from archive.models import (
    Article,
    Claim,
    Illustration,
    Placement,
)


class ClaimIllustrationInline(admin.TabularInline):
    """On a claim's page: the assets that illustrate it (found through the search index)."""

    model = Illustration
    extra = 0
    fields = ["asset", "note"]
    autocomplete_fields = ["asset"]
    verbose_name = "picture illustrating this claim"
    verbose_name_plural = "pictures illustrating this claim"


class ArticlePlacementInline(admin.StackedInline):
    # Stacked for the same reason as PlacementInline: a table of ten columns overflowed.
    model = Placement
    extra = 0
    fields = [
        ("position", "print_page", "kind", "asset"),
        "title",
        "caption",
        ("credit_line", "credit"),
        ("source", "creator"),
        "alt_text",
    ]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}
    autocomplete_fields = ["asset", "credit"]
    ordering = ["position"]


class ClaimInline(admin.StackedInline):
    model = Claim
    extra = 0
    fields = [
        ("claimant", "claimant_wording", "status", "status_wording"),
        "text",
        ("figure", "figure_high", "unit", "claimed_on"),
        "sentence",
    ]


@admin.register(Article)
class ArticleAdmin(HistoryAdmin):
    list_display = ["headline", "publication", "published_on", "url"]
    list_filter = ["publication", "published_on"]
    search_fields = ["headline", "publication", "url"]
    inlines = [ArticlePlacementInline, ClaimInline]
    readonly_fields = ["source_hash"]
    # The "Import article" object tool, and on each article a link to its placements' files;
    # the import pages live in archive/admin/article_import.py.
    change_list_template = "admin/archive/article_import_changelist.html"
    change_form_template = "admin/archive/article_import_changeform.html"

    def get_urls(self):
        return import_urls(self) + super().get_urls()


@admin.register(Placement)
class PlacementAdmin(HistoryAdmin):
    list_display = ["article", "position", "kind", "caption", "credit_line", "asset"]
    list_filter = ["kind", AwaitingFileFilter, RecentArticleFilter]
    search_fields = ["caption", "credit_line", "source", "creator", "alt_text", "article__headline"]
    autocomplete_fields = ["article", "asset", "credit"]
    list_select_related = ["article", "asset"]
    show_full_result_count = False


@admin.register(Claim)
class ClaimAdmin(HistoryAdmin):
    list_display = ["text", "claimant", "figure", "unit", "status", "article"]
    list_filter = ["status", "claimant", RecentArticleFilter]
    search_fields = ["text", "claimant", "sentence"]
    autocomplete_fields = ["article"]
    inlines = [ClaimIllustrationInline]
    list_select_related = ["article"]
    show_full_result_count = False


@admin.register(Illustration)
class IllustrationAdmin(HistoryAdmin):
    list_display = ["asset", "claim", "note"]
    autocomplete_fields = ["asset", "claim"]
    list_select_related = ["asset", "claim"]
    search_fields = ["claim__text", "asset__title"]
    show_full_result_count = False
