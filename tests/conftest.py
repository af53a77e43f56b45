"""Shared fixtures: isolated media storage, role users and their clients, test files."""

from __future__ import annotations

import os

import pytest

from tests.factories import jpeg_bytes  # noqa: F401  (re-exported for convenience)

# Playwright's sync API runs an event loop in the test thread; the ORM is used beside it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "test-password-123"


@pytest.fixture(autouse=True)
def no_throttling(settings):
    """Count no request rates (each costs cache queries the query budgets do not expect);
    tests/web/test_operations.py turns them on."""
    settings.ARCHIVE_API_THROTTLE_RATE = "off"
    settings.ARCHIVE_SEARCH_THROTTLE_RATE = "off"
    settings.ARCHIVE_CHECK_THROTTLE_RATE = "off"


@pytest.fixture(autouse=True)
def tasks_run_at_once(request, settings, monkeypatch):
    """Run background tasks at once, inside the test, unless it is marked ``queued_tasks``.

    The immediate backend, and enqueued without waiting for a commit (a test's transaction
    never commits): tests that are not about background work see an upload's thumbnail,
    preview and look-alike right after ``ingest_file``, as before the work moved to a worker.
    Tests marked ``queued_tasks`` keep the database backend and real commits
    (tests/test_background.py).
    """
    if request.node.get_closest_marker("queued_tasks"):
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
        return
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    monkeypatch.setattr("archive.background.on_commit", lambda callback: callback())


@pytest.fixture(autouse=True)
def media_storage(settings, tmp_path):
    """Give every test its own empty media folder, so no test writes into media/."""
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = root
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": root, "base_url": settings.MEDIA_URL},
        },
    }
    settings.ARCHIVE_STORAGE = "filesystem"
    return root


@pytest.fixture
def role_users(db):
    from django.contrib.auth import get_user_model

    from archive.roles import create_demo_accounts

    create_demo_accounts(PASSWORD)
    User = get_user_model()
    return {
        user.username: user
        for user in User.objects.filter(username__in=["archivist", "journalist", "auditor"])
    }


def client_for(client_class, user):
    client = client_class()
    client.force_login(user)
    return client


@pytest.fixture
def archivist_client(role_users, client):
    client.force_login(role_users["archivist"])
    return client


@pytest.fixture
def journalist_client(role_users, client):
    client.force_login(role_users["journalist"])
    return client


@pytest.fixture
def auditor_client(role_users, client):
    client.force_login(role_users["auditor"])
    return client


@pytest.fixture
def seeded(db):
    """The seed article loaded through the real seed loader."""
    from archive.seeding import load_seed

    return load_seed()


@pytest.fixture
def trusting_tests(settings, tmp_path):
    """Trust the signer of ``tests.c2pa_signing``'s test chain (Content Credentials)."""
    from tests.c2pa_signing import trust_signing_chain

    return trust_signing_chain(settings, tmp_path)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive Debian's Chromium (never a downloaded browser)."""
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def small_archive(db):
    """Four assets, two credits (one with an alias): for the admin list and search pages."""
    from archive.models import Credit
    from tests.helpers import make_asset

    getty = Credit.objects.create(name="GETTY", reviewed=True)
    getty.aliases.create(alias="Getty Images")
    reuters = Credit.objects.create(name="REUTERS", reviewed=True)
    assets = [
        make_asset(1, title="Sergei Shoigu at a briefing", credit=getty),
        make_asset(2, title="Pontoon crossing near Kherson", credit=reuters),
        make_asset(3, title="Shoigu and Gerasimov", credit=reuters, kind="video"),
        make_asset(4, title="A tank in Bakhmut", description="mobilised reservists"),
    ]
    return {"getty": getty, "reuters": reuters, "assets": assets}
