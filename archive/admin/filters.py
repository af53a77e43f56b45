"""The list filters the catalogue's admins share: licence status, fixity, files awaited, recent
articles."""

from __future__ import annotations

from django.contrib import admin

from archive.models import (
    Article,
    Placement,
)
from archive.text import record_id


class LicenceStatusFilter(admin.SimpleListFilter):
    title = "licence status"
    parameter_name = "licence_status"

    def lookups(self, request, model_admin):
        return [
            ("none", "No licence"),
            ("expired", "Expired"),
            ("expiring", "Expiring soon"),
            ("valid", "Valid"),
        ]

    def queryset(self, request, queryset):
        if self.value() in {"none", "expired", "expiring", "valid"}:
            return queryset.with_licence_status().filter(licence_status=self.value())
        return queryset


class FixityFilter(admin.SimpleListFilter):
    title = "fixity"
    parameter_name = "fixity"

    def lookups(self, request, model_admin):
        return [("failing", "Missing or altered"), ("unchecked", "Never checked")]

    def queryset(self, request, queryset):
        if self.value() == "failing":
            return queryset.filter(fixity_status__in=["missing", "altered"])
        if self.value() == "unchecked":
            return queryset.filter(fixity_checked_at__isnull=True)
        return queryset


class AwaitingFileFilter(admin.SimpleListFilter):
    title = "file"
    parameter_name = "awaiting_file"

    def lookups(self, request, model_admin):
        return [("yes", "Awaiting its file"), ("no", "Has its file")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(asset__isnull=self.value() == "yes")
        return queryset


class RecentArticleFilter(admin.SimpleListFilter):
    """Filter by article: the most recent ones listed, any other by its id in the address.

    (The admin's related-field filter lists every article: tens of thousands of links, and
    a second or more to build each page.)
    """

    title = "article"
    parameter_name = "article"
    listed = 15
    #: the lookup from the filtered model to the article's id
    field = "article_id"

    def lookups(self, request, model_admin):
        recent = Article.objects.order_by("-published_on", "-id")[: self.listed]
        choices = [(str(article.pk), str(article)[:60]) for article in recent]
        chosen = record_id(self.value())
        if chosen is not None and str(chosen) not in dict(choices):
            article = Article.objects.filter(pk=chosen).first()
            if article is not None:
                choices.insert(0, (str(chosen), str(article)[:60]))
        return choices

    def queryset(self, request, queryset):
        if self.value():
            # An id too big to exist (or not a number) names no article.
            return queryset.filter(**{self.field: record_id(self.value()) or -1})
        return queryset


class AssetArticleFilter(RecentArticleFilter):
    def queryset(self, request, queryset):
        if self.value():
            placed = Placement.objects.filter(article_id=record_id(self.value()) or -1)
            return queryset.filter(pk__in=placed.values("asset_id"))
        return queryset
