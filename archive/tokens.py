"""API tokens: made (shown once), hashed at rest, checked for the JSON API's Bearer login."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from archive.models import ApiToken

PREFIX = "ca_"
# last_used_at is written at most this often per token, not on every call.
USE_RECORD_INTERVAL = timedelta(minutes=5)


def hash_token(token: str) -> str:
    """Return the SHA-256 a token is stored as (tokens are random: no salt or stretching)."""
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(*, user, name: str) -> tuple[ApiToken, str]:
    """Make a token for the user; return the row and the token, which is not kept anywhere."""
    row = ApiToken(user=user, name=name)
    token = fill_new_token(row)
    row.save()
    return row, token


def fill_new_token(row: ApiToken) -> str:
    """Give an unsaved row (the admin's add form) a fresh token; return the token."""
    token = PREFIX + secrets.token_urlsafe(32)
    row.prefix = token[:10]
    row.key_hash = hash_token(token)
    return token


def token_user(token: str):
    """Return the active token's user, or None for an unknown or revoked token."""
    if not token.startswith(PREFIX) or len(token) > 200:
        return None
    row = ApiToken.objects.active().select_related("user").filter(key_hash=hash_token(token))
    row = row.first()
    if row is None:
        return None
    now = timezone.now()
    if row.last_used_at is None or now - row.last_used_at > USE_RECORD_INTERVAL:
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
    return row.user


class BearerTokenAuth(HttpBearer):
    """django-ninja auth: ``Authorization: Bearer <token>`` logs the call in as its user."""

    def authenticate(self, request: HttpRequest, token: str):
        user = token_user(token)
        if user is None:
            return None
        # The view, the permission checks and the access log all see the token's user.
        request.user = user
        return user
