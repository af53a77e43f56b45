"""Tests against a real PostgreSQL streaming replica, run by .ci/run (``make test-replica``).

They need two servers (a primary and its replica) that .ci/run starts; ``make test`` does not
collect them. Here the database is the real one named in DATABASE_URL (a test database made
on the primary would reach the replica only after its creation, and the replica is read-only),
migrated once for the session; each test leaves the tables empty.
"""

from __future__ import annotations

import os

import pytest

if not os.environ.get("ARCHIVE_REPLICA_TESTS"):
    collect_ignore_glob = ["test_*.py"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_blocker):
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("migrate", database="default", verbosity=0)
