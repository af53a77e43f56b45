"""Search: the query language, the search documents, the full-text backends and the facets.

``query`` parses what a journalist types (pure); ``documents`` writes each asset's search
document and has the backend index it; ``backends`` holds one module per database (SQLite
FTS5, PostgreSQL tsvector) behind one interface; ``facets`` counts; ``service`` is the one
entry point that views, the API and the admin call. Both backends index the same folded text
and receive the same folded words, so they find the same assets; only ranking differs.
"""

from __future__ import annotations

from archive.search.documents import rebuild_search_index, refresh_search_documents
from archive.search.facets import LICENCE_STATUSES, NO_CREDIT
from archive.search.query import FieldFilter, ParsedQuery, Term, parse_query
from archive.search.service import (
    SearchFilters,
    SearchResults,
    admin_search,
    filters_from_params,
    page_number,
    read_filter_params,
    result_queryset,
    search_assets,
)

__all__ = [
    "LICENCE_STATUSES",
    "NO_CREDIT",
    "FieldFilter",
    "ParsedQuery",
    "SearchFilters",
    "SearchResults",
    "Term",
    "admin_search",
    "filters_from_params",
    "page_number",
    "read_filter_params",
    "parse_query",
    "rebuild_search_index",
    "refresh_search_documents",
    "result_queryset",
    "search_assets",
]
