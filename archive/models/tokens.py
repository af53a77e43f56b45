"""API tokens: a user's key for the JSON API, kept only as a hash.

Made and revoked in the admin (``archive.admin.tokens``); checked by ``archive.tokens``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> ApiTokenQuerySet:
        """Tokens not revoked whose user may still log in."""
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class ApiToken(models.Model):
    """A token a program (a CMS, a script) sends as ``Authorization: Bearer ...``.

    The call acts as the token's user, with that user's role; the token itself is shown once
    when it is made and only its SHA-256 is stored.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        help_text="The API acts as this user, with this user's role.",
    )
    name = models.CharField(
        max_length=200, help_text="What the token is for, e.g. “CMS picture picker”."
    )
    prefix = models.CharField(
        max_length=12,
        editable=False,
        help_text="The token's first characters, to recognise it (the rest is not kept).",
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="Refused from this moment on."
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…, {self.user})"
