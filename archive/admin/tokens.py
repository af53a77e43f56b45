"""API tokens in the admin: made for a user (the token shown once), revoked, listed.

No role's group holds the token permissions: superusers manage tokens (or a group an
administrator grants ``archive.*_apitoken`` to).
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils import timezone

from archive.models import ApiToken
from archive.tokens import fill_new_token


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    list_filter = (("revoked_at", admin.EmptyFieldListFilter),)
    list_select_related = ("user",)
    search_fields = ("name", "user__username", "prefix")
    actions = ["revoke"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("user", "name")
        return ("user", "name", "prefix", "created_at", "last_used_at", "revoked_at")

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        # A token's user never changes: a new user needs a new token.
        return ("user", "prefix", "created_at", "last_used_at", "revoked_at")

    def save_model(self, request, obj, form, change):
        if not change:
            # Kept on the object only until response_add shows it; never stored.
            obj.shown_once = fill_new_token(obj)
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        """Show the new token once, on its own page, instead of the usual redirect."""
        return TemplateResponse(
            request,
            "admin/archive/apitoken/created.html",
            {
                **self.admin_site.each_context(request),
                "title": "API token made",
                "opts": self.opts,
                "row": obj,
                "token": obj.shown_once,
            },
        )

    @admin.action(description="Revoke the selected tokens (refused from now on)")
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, f"{count} token(s) revoked.", messages.SUCCESS)
