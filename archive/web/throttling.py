"""Request rates (django-ninja's throttles), for the JSON API and for the search page.

The rates are settings read on each request (``ARCHIVE_API_THROTTLE_RATE``,
``ARCHIVE_SEARCH_THROTTLE_RATE``); the counts live in the shared cache, so every app server
sees the same ones. A user is counted by id, an anonymous caller by address.
"""

from __future__ import annotations

import math
import threading
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja.throttling import UserRateThrottle

from archive.web.middleware import client_ip

OFF = {"off", "none", "0"}


# What ninja's throttle keeps on itself between allow_request() and wait(): per thread here,
# since one throttle object serves every request of a process (gunicorn's threads at once).
PER_REQUEST = frozenset({"key", "history", "now", "rate", "num_requests", "duration"})


class SettingRateThrottle(UserRateThrottle):
    """Throttle at the rate a setting names, keyed by user or by the real client address."""

    def __init__(self, setting: str, scope: str):
        object.__setattr__(self, "_local", threading.local())
        self.setting = setting
        self.scope = scope

    def __setattr__(self, name: str, value) -> None:
        if name in PER_REQUEST:
            setattr(self._local, name, value)
        else:
            object.__setattr__(self, name, value)

    def __getattr__(self, name: str):
        if name in PER_REQUEST:
            return getattr(self._local, name, None)
        raise AttributeError(name)

    def allow_request(self, request: HttpRequest) -> bool:
        rate = getattr(settings, self.setting)
        if not rate or rate.lower() in OFF:
            return True
        self.rate = rate
        self.num_requests, self.duration = self.parse_rate(rate)
        return super().allow_request(request)

    def get_ident(self, request: HttpRequest) -> str:
        return client_ip(request)


def api_throttle() -> SettingRateThrottle:
    """Return the JSON API's throttle."""
    return SettingRateThrottle("ARCHIVE_API_THROTTLE_RATE", scope="api")


def check_throttle() -> SettingRateThrottle:
    """Return the pre-publication check's throttle (its page's POSTs and its API call): a
    check parses a whole draft, so it has a rate of its own below the API's."""
    return SettingRateThrottle("ARCHIVE_CHECK_THROTTLE_RATE", scope="check")


def throttled(setting: str, scope: str, methods: tuple[str, ...] = ()):
    """Answer 429 (with Retry-After) once the user is over the rate the setting names;
    with `methods`, only requests of those methods are counted and held back."""

    def decorator(view):
        throttle = SettingRateThrottle(setting, scope)

        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            counted = not methods or request.method in methods
            if counted and not throttle.allow_request(request):
                wait = throttle.wait()
                response = HttpResponse(
                    "Too many requests: wait a moment and try again.",
                    status=429,
                    content_type="text/plain; charset=utf-8",
                )
                if wait is not None:
                    response["Retry-After"] = str(math.ceil(wait))
                return response
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
