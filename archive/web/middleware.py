"""Request-level protections that must run before a view reads anything."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class RequestSizeLimitMiddleware:
    """Refuse a request whose declared body is over ARCHIVE_MAX_REQUEST_BYTES, unread."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.ARCHIVE_MAX_REQUEST_BYTES
        if length > limit:
            return HttpResponse(
                f"This upload is too large ({length / 1048576:.1f} MB); the limit is "
                f"{limit / 1048576:.0f} MB per request.",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class ReadYourWritesMiddleware:
    """With replicas: a user's requests read from the primary for a while after a write.

    A request that may write (any method but GET, HEAD, OPTIONS), the admin, and every
    request carrying the signed ``archive_primary`` cookie read from the primary; a request
    that wrote sets that cookie for ``ARCHIVE_REPLICA_PIN_SECONDS``. Runs before the session
    is read, so the cookie covers the login itself.
    """

    COOKIE = "archive_primary"
    SALT = "archive.read-your-writes"
    SAFE = frozenset({"GET", "HEAD", "OPTIONS"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from config import routers

        if not routers.replicas():
            return self.get_response(request)
        seconds = settings.ARCHIVE_REPLICA_PIN_SECONDS
        recent = request.get_signed_cookie(
            self.COOKIE, default=None, salt=self.SALT, max_age=seconds
        )
        token = routers.pin(
            request.method not in self.SAFE
            or request.path.startswith("/admin/")
            or recent is not None
        )
        try:
            response = self.get_response(request)
            wrote = request.method not in self.SAFE or routers.wrote()
        finally:
            routers.unpin(token)
        if wrote:
            response.set_signed_cookie(
                self.COOKIE,
                "1",
                salt=self.SALT,
                max_age=seconds,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response
