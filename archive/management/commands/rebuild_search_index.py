"""Rebuild every asset's search document and the full-text index."""

from __future__ import annotations

from archive.management.commands import rebuild_derived
from archive.search import rebuild_search_index


class Command(rebuild_derived.Command):
    help = "Rebuild the search documents and the full-text index (after bulk loads or repairs)."
    steps = (("search index", rebuild_search_index, "assets"),)
