"""The full-text backends, one module per database, chosen by the connection's vendor."""

from __future__ import annotations

from django.db import connection

from archive.search.backends.base import SearchBackend
from archive.search.backends.postgres import PostgresBackend
from archive.search.backends.sqlite import SQLiteBackend

BACKENDS: dict[str, SearchBackend] = {
    "sqlite": SQLiteBackend(),
    "postgresql": PostgresBackend(),
}


def get_backend() -> SearchBackend:
    """Return the backend of the database in use."""
    try:
        return BACKENDS[connection.vendor]
    except KeyError:
        raise NotImplementedError(f"No search backend for {connection.vendor}.") from None
