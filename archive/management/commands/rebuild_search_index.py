"""Rebuild every asset's search document and the full-text index."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from archive.search import rebuild_search_index


class Command(BaseCommand):
    help = "Rebuild the search documents and the full-text index (after bulk loads or repairs)."

    def handle(self, *args, **options) -> None:
        count = rebuild_search_index()
        self.stdout.write(f"rebuilt the search index: {count} assets")
