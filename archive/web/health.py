"""``/healthz`` for load balancers: can this app server answer requests now?

Each check does the smallest real operation (a query, a write/read/delete of a tiny file in
storage, a cache round trip). The answer names each check and says "ok" or "failed", nothing
more (no login is needed, so it reveals no error text); the reason is logged with its
traceback. The background tasks' backlog is reported beside the checks (tasks waiting, the
oldest one's age, assets pending and failed): a backlog does not make this server unhealthy,
a queue that cannot be read does. The endpoint needs no login, so each of its queries reads an
index, never a table: the assets' counts read the processing state's index (milliseconds at a
million assets), the queue its own.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

log = logging.getLogger("archive.health")

PROBE = b"caption-archive health probe\n"


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("SELECT 1 did not answer 1")


def check_storage() -> None:
    name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(PROBE))
    try:
        with default_storage.open(name, "rb") as probe:
            if probe.read() != PROBE:
                raise RuntimeError("the probe read back differs from what was written")
    finally:
        default_storage.delete(name)


def check_cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 30)
    try:
        if cache.get(key) != "ok":
            raise RuntimeError("the cache did not return the value just set")
    finally:
        cache.delete(key)


def check_tasks() -> None:
    """Read the queue (its oldest waiting task), the one index-backed part of the backlog."""
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(status="READY").order_by("enqueued_at").values_list(
        "enqueued_at", flat=True
    ).first()


CHECKS: dict[str, Callable[[], None]] = {
    "database": check_database,
    "storage": check_storage,
    "cache": check_cache,
    "tasks": check_tasks,
}


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Answer 200 when every check passes, 503 when any fails; each check's result only."""
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
            results[name] = "ok"
        except Exception:
            log.exception("health check %s failed", name, extra={"check": name})
            results[name] = "failed"
    healthy = all(result == "ok" for result in results.values())
    answer = {"status": "ok" if healthy else "failed", "checks": results}
    if results.get("tasks") == "ok":
        from archive.background import backlog

        answer["backlog"] = backlog()
    return JsonResponse(
        answer,
        status=200 if healthy else 503,
    )
