"""What the catalogue's ModelAdmins share: the history admin (a reason on every edit), the
choice of licence verifiers and the thumbnail in lists."""

from __future__ import annotations

from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from archive.models import Asset
from archive.web.media import media_url


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
