"""Rebuild every asset's search document and the full-text index."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from archive.search import rebuild_search_index


class Command(BaseCommand):
    help = "Rebuild the search documents and the full-text index (after bulk loads or repairs)."

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        count = rebuild_search_index()
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"rebuilt the search index: {count} assets in {seconds:.1f} s"
            f" ({count / max(seconds, 1e-6):,.0f} assets/s)"
        )
