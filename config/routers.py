"""Reads to PostgreSQL replicas, writes to the primary, and each user's own writes read back.

With ``DATABASE_REPLICA_URLS`` set, the pages and API that only read (search, the report,
asset and claim pages) read from a replica. Everything else goes to the primary: writes;
reads inside a transaction; reads later in a request that wrote; the admin; and, for
``ARCHIVE_REPLICA_PIN_SECONDS`` after a user's write, that user's every request (a signed
cookie says so), so an archivist who saves a change sees it at once, whatever the replica's
lag. Sessions, accounts and lock-out records are always read from the primary: a login must
hold on the very next request.
"""

from __future__ import annotations

import contextvars
import random

from django.conf import settings
from django.db import connections, router

# Django loads this router at the first query, after the apps (so the models) are loaded.
from archive.models import Asset

PRIMARY = "default"
# Small, write-then-read-at-once tables: never worth a stale read.
# The task queue too: workers lock its rows (SELECT ... FOR UPDATE), which a replica refuses.
PRIMARY_APPS = frozenset({"sessions", "auth", "axes", "admin", "django_tasks_database"})

_pinned: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "archive_read_from_primary", default=False
)


_wrote: contextvars.ContextVar[bool] = contextvars.ContextVar("archive_wrote", default=False)


def replicas() -> list[str]:
    return settings.ARCHIVE_DATABASE_REPLICAS


def pin(value: bool = True) -> tuple[contextvars.Token, contextvars.Token]:
    """Send this context's reads to the primary (or not), and start counting its writes."""
    return _pinned.set(value), _wrote.set(False)


def unpin(tokens: tuple[contextvars.Token, contextvars.Token]) -> None:
    _pinned.reset(tokens[0])
    _wrote.reset(tokens[1])


def wrote() -> bool:
    """Whether this context has sent a write to the primary since ``pin``."""
    return _wrote.get()


def is_pinned() -> bool:
    return _pinned.get()


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        aliases = replicas()
        if (
            not aliases
            or _pinned.get()
            or model._meta.app_label in PRIMARY_APPS
            or connections[PRIMARY].in_atomic_block
        ):
            return PRIMARY
        return random.choice(aliases)

    def db_for_write(self, model, **hints):
        # What this request or command reads after writing must include its own write.
        _pinned.set(True)
        _wrote.set(True)
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # a replica holds the primary's data: same database, other copy

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


def read_connection():
    """The connection a read-only raw statement (search, report) runs on."""
    return connections[router.db_for_read(Asset)]
