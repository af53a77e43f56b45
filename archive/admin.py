"""The archivists' admin: declarative first, hooks only where the ingest path must be used."""

from __future__ import annotations

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from archive.models import (
    Article,
    Asset,
    Claim,
    Credit,
    CreditAlias,
    Illustration,
    Licence,
    Placement,
)

admin.site.site_header = "Caption Archive"
admin.site.site_title = "Caption Archive admin"
admin.site.index_title = "Catalogue"


def thumbnail_tag(asset: Asset | None, width: int = 80):
    if asset is None or not asset.thumbnail:
        return "—"
    return format_html(
        '<img src="{}" alt="" width="{}" loading="lazy">',
        reverse("archive:asset-media", args=[asset.pk, "thumbnail"]),
        width,
    )


class CreditAliasInline(admin.TabularInline):
    model = CreditAlias
    extra = 1
    fields = ["alias"]


@admin.action(description="Mark selected credits as reviewed")
def mark_reviewed(modeladmin, request, queryset):
    updated = queryset.update(reviewed=True)
    messages.success(request, f"{updated} credit(s) marked as reviewed.")


@admin.register(Credit)
class CreditAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "reviewed", "alias_list", "created_at"]
    list_filter = ["reviewed", "kind"]
    search_fields = ["name", "aliases__alias"]
    inlines = [CreditAliasInline]
    actions = [mark_reviewed]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description="Aliases")
    def alias_list(self, credit: Credit) -> str:
        return ", ".join(
            alias.alias for alias in credit.aliases.all() if alias.alias != credit.name
        )


class PlacementInline(admin.TabularInline):
    model = Placement
    extra = 0
    fields = [
        "article",
        "position",
        "kind",
        "title",
        "caption",
        "credit_line",
        "credit",
        "alt_text",
    ]
    autocomplete_fields = ["article", "credit"]


class LicenceInline(admin.StackedInline):
    model = Licence
    extra = 0
    fields = [
        ("licence_type", "licensor", "reference"),
        ("starts_on", "expires_on", "territory"),
        "permitted_uses",
        "restrictions",
        "document",
        ("verified_by", "verified_at", "is_demo"),
        "notes",
    ]
    autocomplete_fields = ["verified_by"]


class IllustrationInline(admin.TabularInline):
    model = Illustration
    extra = 0
    fields = ["claim", "note"]
    autocomplete_fields = ["claim"]


@admin.register(Asset)
class AssetAdmin(SimpleHistoryAdmin):
    list_display = ["thumb", "id", "title", "kind", "credit", "format", "dimensions", "created_at"]
    list_display_links = ["thumb", "id", "title"]
    list_filter = ["kind", "credit", "placements__article"]
    list_select_related = ["credit"]
    search_fields = [
        "title",
        "description",
        "credit__name",
        "credit__aliases__alias",
        "creator",
        "sha256",
    ]
    autocomplete_fields = ["credit", "video"]
    readonly_fields = [
        "preview_image",
        "sha256",
        "phash",
        "format",
        "mime_type",
        "width",
        "height",
        "bytes",
        "duration",
        "original_filename",
        "near_duplicate_link",
        "embedded_metadata",
        "metadata_warnings",
        "edited_fields",
        "created_by",
        "created_at",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "preview_image",
                    "kind",
                    "title",
                    "description",
                    "credit",
                    "creator",
                    "copyright_notice",
                    "source",
                    "date_taken",
                    "keywords",
                    "web_statement",
                    "usage_terms",
                ]
            },
        ),
        ("Still", {"fields": ["video", "timecode"], "classes": ["collapse"]}),
        (
            "File",
            {
                "fields": [
                    "sha256",
                    "phash",
                    "format",
                    "mime_type",
                    "width",
                    "height",
                    "bytes",
                    "duration",
                    "original_filename",
                    "near_duplicate_link",
                    "created_by",
                    "created_at",
                ]
            },
        ),
        (
            "Embedded metadata (read-only)",
            {
                "fields": ["embedded_metadata", "metadata_warnings", "edited_fields"],
                "classes": ["collapse"],
            },
        ),
    ]
    inlines = [PlacementInline, LicenceInline, IllustrationInline]
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        # New files come in through the upload page, which runs the ingest pipeline.
        return False

    @admin.display(description="")
    def thumb(self, asset: Asset):
        return thumbnail_tag(asset)

    @admin.display(description="Preview")
    def preview_image(self, asset: Asset):
        return thumbnail_tag(asset, width=320)

    @admin.display(description="Size")
    def dimensions(self, asset: Asset) -> str:
        return f"{asset.width}×{asset.height}" if asset.width else "—"

    @admin.display(description="Looks like")
    def near_duplicate_link(self, asset: Asset):
        if not asset.near_duplicate_of_id:
            return "—"
        return format_html(
            '<a href="{}">#{}</a>',
            reverse("admin:archive_asset_change", args=[asset.near_duplicate_of_id]),
            asset.near_duplicate_of_id,
        )

    def save_model(self, request, asset: Asset, form, change) -> None:
        # What an archivist types always wins over embedded metadata: remember which fields.
        if change:
            typed = set(asset.edited_fields) | set(form.changed_data)
            asset.edited_fields = sorted(typed)
        super().save_model(request, asset, form, change)


@admin.register(Licence)
class LicenceAdmin(SimpleHistoryAdmin):
    list_display = ["asset", "licence_type", "licensor", "expires_on", "verified_at", "is_demo"]
    list_filter = ["licence_type", "is_demo", "expires_on"]
    search_fields = ["licensor", "reference", "asset__title"]
    autocomplete_fields = ["asset", "verified_by"]
    list_select_related = ["asset"]


class ArticlePlacementInline(admin.TabularInline):
    model = Placement
    extra = 0
    fields = ["position", "kind", "asset", "title", "caption", "credit_line", "credit", "alt_text"]
    autocomplete_fields = ["asset", "credit"]
    ordering = ["position"]


class ClaimInline(admin.StackedInline):
    model = Claim
    extra = 0
    fields = [
        ("claimant", "status", "status_wording"),
        "text",
        ("figure", "unit", "claimed_on"),
        "sentence",
    ]


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["headline", "publication", "published_on", "url"]
    list_filter = ["publication", "published_on"]
    search_fields = ["headline", "publication", "url"]
    inlines = [ArticlePlacementInline, ClaimInline]
    readonly_fields = ["source_hash"]


@admin.register(Placement)
class PlacementAdmin(SimpleHistoryAdmin):
    list_display = ["article", "position", "kind", "caption", "credit_line", "asset"]
    list_filter = ["kind", "article"]
    search_fields = ["caption", "credit_line", "alt_text", "article__headline"]
    autocomplete_fields = ["article", "asset", "credit"]
    list_select_related = ["article", "asset"]


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):
    list_display = ["text", "claimant", "figure", "unit", "status", "article"]
    list_filter = ["status", "claimant", "article"]
    search_fields = ["text", "claimant", "sentence"]
    autocomplete_fields = ["article"]
    inlines = [IllustrationInline]
    list_select_related = ["article"]


@admin.register(Illustration)
class IllustrationAdmin(SimpleHistoryAdmin):
    list_display = ["asset", "claim", "note"]
    autocomplete_fields = ["asset", "claim"]
    list_select_related = ["asset", "claim"]
    search_fields = ["claim__text", "asset__title"]
