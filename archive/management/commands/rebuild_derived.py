"""Recompute every asset's derived data: the licence and placement facts, the search, and
the quotas' uses."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.core.management.base import BaseCommand

from archive.audit.facts import rebuild_facts
from archive.rights.usage import rebuild_usage
from archive.search import rebuild_search_index


class Command(BaseCommand):
    help = (
        "Recompute the licence report's facts, the search index and the quotas' uses from the"
        " catalogue (after a bulk load, a raw SQL edit or a repair)."
    )
    # What to rebuild, in order (the search reads nothing from the facts, but a report and a
    # search made after the command should both see the repair).
    steps: tuple[tuple[str, Callable[[], int], str], ...] = (
        ("licence facts", rebuild_facts, "assets"),
        ("search index", rebuild_search_index, "assets"),
        ("quotas' uses", rebuild_usage, "supplier days"),
    )

    def handle(self, *args, **options) -> None:
        for label, rebuild, unit in self.steps:
            started = time.perf_counter()
            count = rebuild()
            seconds = time.perf_counter() - started
            self.stdout.write(
                f"rebuilt the {label}: {count} {unit} in {seconds:.1f} s"
                f" ({count / max(seconds, 1e-6):,.0f} {unit}/s)"
            )
