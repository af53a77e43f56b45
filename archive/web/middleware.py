"""Request-level concerns that run around every view: the request's id and access log line,
the client's address behind trusted proxies, and refusing oversized bodies unread."""

from __future__ import annotations

import ipaddress
import logging
import re
import time
import uuid
from functools import lru_cache

from django.conf import settings
from django.contrib.auth import middleware as auth_middleware
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import DisallowedRedirect
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url

from config.logs import request_id as current_request_id

access_log = logging.getLogger("archive.requests")

# An incoming id is kept only if it is short and plain (it is logged and sent back).
REQUEST_ID_PATTERN = re.compile(r"[A-Za-z0-9._:-]{1,128}")


@lru_cache(maxsize=8)
def trusted_networks(proxies: tuple[str, ...]) -> tuple:
    """Parse ARCHIVE_TRUSTED_PROXIES (addresses or networks)."""
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def is_trusted_proxy(address: str) -> bool:
    """Whether a request from this address may tell us the client's address and request id."""
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in net for net in trusted_networks(tuple(settings.ARCHIVE_TRUSTED_PROXIES)))


def client_ip(request: HttpRequest) -> str:
    """Return the client's address: the connection's, unless it comes from a trusted proxy.

    Behind trusted proxies, X-Forwarded-For is read from the right (each proxy appends the
    address it saw) and the first address that is not a trusted proxy is the client; anything
    further left was written by the client itself and is ignored.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    if not is_trusted_proxy(remote):
        return remote
    forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed([hop for hop in forwarded if hop]):
        if not is_trusted_proxy(hop):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return remote  # garbled header: fall back to the proxy's own address
    return remote


class RequestIdMiddleware:
    """Give each request an id (a trusted proxy's X-Request-ID, or a new one), send it back in
    the X-Request-ID header, and log one access line when the response is ready."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        if (
            incoming
            and REQUEST_ID_PATTERN.fullmatch(incoming)
            and is_trusted_proxy(request.META.get("REMOTE_ADDR", ""))
        ):
            request.request_id = incoming
        else:
            request.request_id = uuid.uuid4().hex
        token = current_request_id.set(request.request_id)
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.request_id
            user = getattr(request, "user", None)
            access_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "user": user.get_username() if user and user.is_authenticated else "",
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "client_ip": client_ip(request),
                },
            )
            return response
        finally:
            current_request_id.reset(token)


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


class LoginRequiredMiddleware(auth_middleware.LoginRequiredMiddleware):
    """Django's, for an address too long to come back to after login (over the 16 384
    characters Django lets a redirect carry: a huge search): the login page then brings the
    visitor back to the page without its query, instead of a bare 400 and, for any visitor
    without login, an error with its traceback in the log."""

    def handle_no_permission(self, request, view_func):
        try:
            return super().handle_no_permission(request, view_func)
        except DisallowedRedirect:
            login_url = resolve_url(self.get_login_url(view_func))
            try:
                return redirect_to_login(
                    request.path, login_url, self.get_redirect_field_name(view_func)
                )
            except DisallowedRedirect:  # the path alone is too long: the login page only
                return HttpResponseRedirect(login_url)
