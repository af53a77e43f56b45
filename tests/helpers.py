"""Helpers tests share that are not factories: what a form posts back, what is on disk."""

from __future__ import annotations

import os

from bs4 import BeautifulSoup
from django.urls import reverse

from archive.models import Asset


def stored_files(root) -> list[str]:
    return sorted(
        os.path.relpath(os.path.join(folder, name), root)
        for folder, _, names in os.walk(root)
        for name in names
    )


def form_data(response) -> dict:
    """Collect what the browser would post back from the admin's change form."""
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find("form", id=lambda value: value and value.endswith("_form"))
    data: dict[str, object] = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("disabled") is not None:
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            chosen = [option.get("value", "") for option in field.find_all("option", selected=True)]
            if field.get("multiple") is not None:
                data[name] = chosen
            elif chosen:
                data[name] = chosen[0]
        elif field.get("type") in ("checkbox", "radio"):
            if field.get("checked") is not None:
                data[name] = field.get("value", "on")
        elif field.get("type") not in ("submit", "button", "file"):
            data[name] = field.get("value", "")
    return data


def make_asset(index: int, **fields) -> Asset:
    """An asset with a made-up hash and no file: for list and search pages."""
    return Asset.objects.create(sha256=f"{index:064x}", **fields)


def changelist(client, **params):
    """Return the admin asset list's rows for these query parameters."""
    response = client.get(reverse("admin:archive_asset_changelist"), params)
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


def manage_in(folder):
    """A ``manage(*args)`` that runs ``manage.py`` in a process of its own, on an archive of its
    own in ``folder`` (a SQLite file and a media folder; tasks run at once, no replica), for
    tests of what happens between processes (SQLite's one writer, standard output)."""
    import subprocess
    import sys
    from pathlib import Path

    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{Path(folder) / 'db.sqlite3'}",
        "ARCHIVE_MEDIA_ROOT": str(Path(folder) / "media"),
        "ARCHIVE_TASKS_BACKEND": "immediate",
    }
    env.pop("DATABASE_REPLICA_URLS", None)
    project = Path(__file__).resolve().parents[1]

    def manage(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    return manage
