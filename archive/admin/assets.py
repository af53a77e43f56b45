"""The assets' admin: the list and its grid, the change form with its placements, licences and
illustrations, stills cut from a video, the upload pages it routes to; declarative first,
hooks only where the ingest path must be used."""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.html import format_html

from archive import background
from archive.admin.base import HistoryAdmin, VerifierChoiceMixin, thumbnail_tag
from archive.admin.bulk_edit import bulk_edit_assets
from archive.admin.filters import (
    AssetArticleFilter,
    FixityFilter,
    LicenceStatusFilter,
)
from archive.admin.rights import MediaLeaseInline, UsageRightsInline
from archive.admin.upload import processing_status, upload_one_file, upload_page
from archive.admin.widgets import LOCATION_HELP, KeywordsField, LinesField, LocationsField
from archive.ingest import CREATED, DUPLICATE, cut_still
from archive.ingest.pipeline import PROCESSED_FIELDS
from archive.models import (
    Asset,
    Illustration,
    Licence,
    Placement,
)
from archive.search import admin_search

#: the asset list's two views, chosen by ?view= and remembered in the session
GRID_PARAM = "view"
GRID_SESSION_KEY = "archive_asset_list_view"
ASSET_VIEWS = ("list", "grid")


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

    def history_view(self, request, object_id, extra_context=None):
        # The claim links and licences keep their own history tables: shown here too, since
        # "who linked this claim, who changed that licence" is asked of the asset.
        extra_context = {**(extra_context or {}), "linked_history": linked_history(object_id)}
        return super().history_view(request, object_id, extra_context)

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


LINKED_HISTORY_LIMIT = 200


def linked_history(asset_id) -> list[dict]:
    """The latest changes to an asset's claim links and licences, newest first, each with its
    fields' before → after (up to ``LINKED_HISTORY_LIMIT`` of each)."""
    from archive.models import Claim

    rows = []
    for model in (Illustration, Licence):
        records = list(
            model.history.filter(asset_id=asset_id)
            .select_related("history_user")
            .order_by("-history_date", "-history_id")[:LINKED_HISTORY_LIMIT]
        )
        claims = (
            Claim.objects.in_bulk({record.claim_id for record in records})
            if model is Illustration
            else {}
        )
        previous = {}
        for record in reversed(records):  # oldest first, to compare each with the one before
            before = previous.get(record.id)
            previous[record.id] = record
            changes = []
            if record.history_type == "~" and before is not None:
                delta = record.diff_against(before, foreign_keys_are_objs=False)
                changes = [
                    (model._meta.get_field(change.field).verbose_name, change.old, change.new)
                    for change in delta.changes
                ]
            if model is Illustration:
                claim = claims.get(record.claim_id)
                label = f"Claim link: {claim.text if claim else f'claim #{record.claim_id}'}"
            else:
                licensor = f" from {record.licensor}" if record.licensor else ""
                label = f"Licence #{record.id}: {record.get_licence_type_display()}{licensor}"
            rows.append(
                {
                    "when": record.history_date,
                    "what": record.get_history_type_display(),
                    "label": label,
                    "who": record.history_user,
                    "reason": record.history_change_reason,
                    "changes": changes,
                }
            )
    rows.sort(key=lambda row: row["when"], reverse=True)
    return rows
