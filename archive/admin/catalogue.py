"""The catalogue's ModelAdmins (credits, assets, licences, articles, placements, claims,
illustrations): declarative first, hooks only where the ingest path must be used."""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from archive import background
from archive.admin.article_import import import_urls
from archive.admin.bulk_edit import bulk_edit_assets
from archive.admin.rights import MediaLeaseInline, UsageRightsInline
from archive.admin.upload import processing_status, upload_one_file, upload_page
from archive.admin.widgets import LOCATION_HELP, KeywordsField, LinesField, LocationsField
from archive.ingest import CREATED, DUPLICATE, cut_still
from archive.ingest.pipeline import PROCESSED_FIELDS
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
from archive.search import admin_search
from archive.services import merge_credits
from archive.text import record_id
from archive.web.media import media_url

#: the asset list's two views, chosen by ?view= and remembered in the session
GRID_PARAM = "view"
GRID_SESSION_KEY = "archive_asset_list_view"
ASSET_VIEWS = ("list", "grid")


class VerifierChoiceMixin:
    """``Licence.verified_by`` as a plain choice of the staff who verify licences.

    (Not an autocomplete: that asks the user admin, which archivists may not open, and the
    field answered "The results could not be loaded".)
    """

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "verified_by":
            from django.contrib.auth import get_user_model

            kwargs["queryset"] = get_user_model().objects.filter(is_active=True, is_staff=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def thumbnail_tag(asset: Asset | None, width: int = 80):
    if asset is None or not asset.thumbnail:
        return "—"
    return format_html(
        '<img src="{}" alt="{}" width="{}" loading="lazy">',
        media_url(asset, "thumbnail"),
        asset.display_name,
        width,
    )


class HistoryAdmin(SimpleHistoryAdmin):
    """simple_history's admin with a readable history page and a reason on every edit."""

    object_history_list_template = "admin/archive/object_history_list.html"

    def save_model(self, request, obj, form, change) -> None:
        obj._change_reason = self.change_reason(form, change)
        super().save_model(request, obj, form, change)

    def change_reason(self, form, change) -> str:
        """The reason the history shows for this save (history_change_reason: 100 chars)."""
        if change and form.changed_data:
            reason = f"Edited in the admin: {', '.join(form.changed_data)}"
        elif change:
            # Saved for its inlines (placements, licences, a still cut): its own fields as were.
            reason = "Saved in the admin with its own fields unchanged"
        else:
            reason = "Added in the admin"
        return reason[:100]


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


class PlacementInline(admin.StackedInline):
    # Stacked, a few fields a line: as a table, ten columns with two text boxes made the
    # asset's page 2 692 px wide in a 1 366 px window.
    model = Placement
    extra = 0
    fields = [
        ("article", "position", "print_page", "kind"),
        "title",
        "caption",
        ("credit_line", "credit"),
        ("source", "creator"),
        "alt_text",
    ]
    autocomplete_fields = ["article", "credit"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}


class LicenceInline(VerifierChoiceMixin, admin.StackedInline):
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


class IllustrationInline(admin.TabularInline):
    """On an asset's page: the claims it illustrates."""

    model = Illustration
    extra = 0
    fields = ["claim", "note"]
    autocomplete_fields = ["claim"]


class ClaimIllustrationInline(admin.TabularInline):
    """On a claim's page: the assets that illustrate it (found through the search index)."""

    model = Illustration
    extra = 0
    fields = ["asset", "note"]
    autocomplete_fields = ["asset"]
    verbose_name = "picture illustrating this claim"
    verbose_name_plural = "pictures illustrating this claim"


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


class CutStillForm(forms.ModelForm):
    """A still of the video: existing ones are shown as they are; a new timecode cuts one."""

    class Meta:
        model = Asset
        fields = ["timecode", "title", "credit"]
        help_texts = {
            "timecode": "Seconds into the video; the frame is cut on the server.",
            "credit": "Leave empty to inherit the video's credit.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A new row becomes a still, so the model's rules (timecode within the video,
        # one still per timecode) apply as form errors.
        self.instance.kind = Asset.Kind.STILL
        self.fields["timecode"].required = True
        if self.instance.pk:
            for field in self.fields.values():
                field.disabled = True


class CutStillInline(admin.TabularInline):
    model = Asset
    fk_name = "video"
    form = CutStillForm
    extra = 1
    can_delete = False
    verbose_name = "still cut from this video"
    verbose_name_plural = "Stills cut from this video (add a timecode to cut one)"
    fields = ["still_thumb", "timecode", "title", "credit"]
    readonly_fields = ["still_thumb"]
    autocomplete_fields = ["credit"]
    ordering = ["timecode"]

    @admin.display(description="Still")
    def still_thumb(self, still: Asset):
        if not still.pk:
            return ""
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:archive_asset_change", args=[still.pk]),
            thumbnail_tag(still, width=120),
        )


@admin.register(Asset)
class AssetAdmin(HistoryAdmin):
    list_display = [
        "thumb",
        "id",
        "name",
        "kind",
        "credit",
        "format",
        "dimensions",
        "created_at",
        "processing",
    ]
    list_display_links = ["thumb", "id", "name"]
    list_filter = [
        "kind",
        "processing_state",
        ("credit", admin.RelatedOnlyFieldListFilter),
        LicenceStatusFilter,
        AssetArticleFilter,
        "digital_source_type",
        "data_mining",
        FixityFilter,
        "c2pa_state",
        "created_at",
    ]
    list_select_related = ["credit"]
    # Counting a million rows twice per page (filtered and in all) costs more than it tells.
    show_full_result_count = False
    # Newest first by id (ids grow with created_at): a search's page is then read from its
    # hits in id order and stops after one page, rather than sorting every hit by date.
    ordering = ["-id"]
    search_fields = [
        "title",
        "description",
        "credit__name",
        "credit__aliases__alias",
        "creator",
        "sha256",
    ]
    autocomplete_fields = ["credit", "video"]
    # A typed address without a scheme is read as https (Django 6's default, asked for now).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
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
        "processing",
        "embedded_metadata_pretty",
        "content_credentials_panel",
        "c2pa_manifest_store_pretty",
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
        (
            "How it was made (IPTC digital source, AI)",
            {
                "fields": [
                    "digital_source_type",
                    ("ai_system", "ai_system_version"),
                    "ai_prompt",
                    "ai_prompt_writer",
                ]
            },
        ),
        (
            "Rights holders and data mining (PLUS)",
            {
                "fields": [
                    ("licensor_name", "licensor_url"),
                    "copyright_owner",
                    "image_supplier",
                    "data_mining",
                    "other_constraints",
                ]
            },
        ),
        (
            "Accessibility and what it shows",
            {
                "fields": [
                    "alt_text",
                    "extended_description",
                    "persons_shown",
                    ("location_sublocation", "location_city"),
                    ("location_state", "location_country", "location_country_code"),
                    "other_locations_shown",
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
                    "processing",
                    "created_by",
                    "created_at",
                ]
            },
        ),
        (
            "Content Credentials (C2PA, read-only)",
            {"fields": ["content_credentials_panel"]},
        ),
        (
            "C2PA manifest store (read-only)",
            {"fields": ["c2pa_manifest_store_pretty"], "classes": ["collapse"]},
        ),
        (
            "Embedded metadata (read-only)",
            {
                "fields": ["embedded_metadata_pretty", "metadata_warnings", "edited_fields"],
                "classes": ["collapse"],
            },
        ),
    ]
    inlines = [
        PlacementInline,
        LicenceInline,
        UsageRightsInline,
        MediaLeaseInline,
        IllustrationInline,
    ]
    actions = [bulk_edit_assets, "retry_processing"]
    # No date hierarchy: it lists the distinct dates of every asset on each page (4 s at
    # 1M assets); "created_at" in the filters offers today, this week, month and year.

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "keywords":
            # Typed and shown as tags, not as the JSON list they are stored as.
            return KeywordsField(label=db_field.verbose_name.capitalize(), required=False, **kwargs)
        if db_field.name == "persons_shown":
            # One name a line, not the JSON list: a name may hold a comma ("Doe, Jane").
            return LinesField(
                label=db_field.verbose_name.capitalize(),
                required=False,
                help_text="People shown, one name a line (IPTC Person Shown).",
                **kwargs,
            )
        if db_field.name == "other_locations_shown":
            # One location a line, its parts between semicolons, not the JSON list.
            return LocationsField(
                label=db_field.verbose_name.capitalize(),
                required=False,
                help_text=LOCATION_HELP,
                **kwargs,
            )
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and db_field.name in PROCESSED_FIELDS:
            # Also filled by the background task (from Content Credentials) after the upload:
            # "changed" is judged against the value the form showed, not the row's now.
            formfield.show_hidden_initial = True
        return formfield

    def get_search_results(self, request, queryset, search_term):
        # The full-text index, not icontains over every row (also for the autocomplete of
        # the licence, placement and illustration forms).
        if not search_term.strip():
            return queryset, False
        return admin_search(queryset, search_term), False

    def has_add_permission(self, request) -> bool:
        # New files come in through the upload page, which runs the ingest pipeline.
        return False

    def changelist_view(self, request, extra_context=None):
        # The list or a grid of thumbnails: ?view= sets it and the session remembers it, so
        # filter and page links (which do not carry ?view=) keep it. The parameter is taken
        # out before the admin reads the query, which would take it for a field lookup.
        if request.GET.get(GRID_PARAM) in ASSET_VIEWS:
            request.session[GRID_SESSION_KEY] = request.GET[GRID_PARAM]
        if GRID_PARAM in request.GET:
            request.GET = request.GET.copy()
            del request.GET[GRID_PARAM]
        view = request.session.get(GRID_SESSION_KEY, "list")
        query = request.GET.copy()
        links = {}
        for name in ASSET_VIEWS:
            query[GRID_PARAM] = name
            links[name] = f"?{query.urlencode()}"
        extra_context = {
            **(extra_context or {}),
            "asset_view": view,
            "asset_view_links": links,
        }
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        upload = [
            path(
                "upload/",
                self.admin_site.admin_view(self.upload_view),
                name="archive_asset_upload",
            ),
            path(
                "upload/file/",
                self.admin_site.admin_view(self.upload_file_view),
                name="archive_asset_upload_file",
            ),
            path(
                "processing/",
                self.admin_site.admin_view(self.processing_view),
                name="archive_asset_processing",
            ),
        ]
        return upload + super().get_urls()

    def upload_view(self, request):
        return upload_page(request, self)

    def upload_file_view(self, request):
        return upload_one_file(request, self)

    def processing_view(self, request):
        return processing_status(request, self)

    @admin.display(description="processing", ordering="processing_state")
    def processing(self, asset: Asset):
        """The background work's state; a failure with its reason (archivists retry it)."""
        if asset.processing_state == Asset.Processing.FAILED:
            return format_html(
                '<span class="processing-failed">failed: {}</span>', asset.processing_error
            )
        if asset.processing_state == Asset.Processing.PENDING:
            note = f" ({asset.processing_error})" if asset.processing_error else ""
            return format_html('<span class="processing-pending">processing{}</span>', note)
        return "ready"

    @admin.action(
        description="Retry processing (thumbnail, preview, look-alikes)",
        permissions=["change"],
    )
    def retry_processing(self, request, queryset):
        count = background.retry_processing(queryset.values_list("pk", flat=True))
        self.message_user(
            request,
            f"{count} asset{'s' if count != 1 else ''} queued for processing again.",
            messages.SUCCESS,
        )

    def get_inlines(self, request, obj):
        # Only a video has stills to cut.
        if obj is not None and obj.kind == Asset.Kind.VIDEO:
            return [CutStillInline, *self.inlines]
        return self.inlines

    def save_formset(self, request, form, formset, change) -> None:
        if formset.model is not Asset:
            return super().save_formset(request, form, formset, change)
        # New stills are cut from the video on the server through the ingest path, never
        # saved from the form: the form only carries the timecode and the optional fields.
        video = formset.instance
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for still_form in formset.extra_forms:
            if not still_form.has_changed() or not still_form.cleaned_data:
                continue
            data = still_form.cleaned_data
            result = cut_still(
                video,
                data["timecode"],
                user=request.user,
                credit=data.get("credit"),
                fields={"title": data.get("title", "")},
            )
            if result.status == CREATED:
                formset.new_objects.append(result.asset)
                messages.success(request, f"Still #{result.asset_id} cut at {data['timecode']} s.")
            elif result.status == DUPLICATE:
                messages.warning(request, f"The still at that timecode is #{result.asset_id}.")
            else:
                messages.error(request, f"No still cut at {data['timecode']} s: {result.reason}")
        return None

    @admin.display(description="")
    def thumb(self, asset: Asset):
        return thumbnail_tag(asset)

    @admin.display(description="name", ordering="title")
    def name(self, asset: Asset) -> str:
        return asset.display_name

    @admin.display(description="Preview")
    def preview_image(self, asset: Asset):
        return thumbnail_tag(asset, width=320)

    @admin.display(description="Embedded metadata")
    def embedded_metadata_pretty(self, asset: Asset):
        if not asset.embedded_metadata:
            return "—"
        text = json.dumps(asset.embedded_metadata, indent=2, ensure_ascii=False, sort_keys=True)
        return format_html('<pre class="embedded-metadata">{}</pre>', text)

    @admin.display(description="Content Credentials")
    def content_credentials_panel(self, asset: Asset):
        # The asset page's own panel, so both say the same.
        return render_to_string("archive/_content_credentials.html", {"asset": asset})

    @admin.display(description="Manifest store (JSON)")
    def c2pa_manifest_store_pretty(self, asset: Asset):
        if not asset.c2pa_manifest_store:
            return "—"
        text = json.dumps(asset.c2pa_manifest_store, indent=2, ensure_ascii=False)
        return format_html('<pre class="embedded-metadata">{}</pre>', text)

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
            # The background task may have finished since the form was opened (renditions,
            # look-alike, credentials, state): its columns are not written back from the
            # form's older copy, unless the archivist changed one (the digital source type).
            kept = set(PROCESSED_FIELDS) - set(form.changed_data)
            asset._change_reason = self.change_reason(form, change)
            asset._history_user = request.user
            asset.save(
                update_fields=[
                    field.name
                    for field in Asset._meta.concrete_fields
                    if not field.primary_key and field.name not in kept
                ]
            )
            return
        super().save_model(request, asset, form, change)


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
