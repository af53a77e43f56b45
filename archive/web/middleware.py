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
