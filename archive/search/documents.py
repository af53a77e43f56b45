"""Search documents: the folded text each asset is found by, written only here.

``refresh_search_documents`` rewrites the documents of some assets (``archive.derived`` calls
it for every write that touches them); ``rebuild_search_index`` rewrites them all.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.db.models import Prefetch, QuerySet

from archive.models import Asset, AssetSearchDocument, Illustration, Placement
from archive.text import fold

FTS_TABLE = "archive_asset_fts"
DOCUMENT_TABLE = "archive_assetsearchdocument"
DOCUMENT_FIELDS = ("title", "caption", "credit", "creator", "claims", "claimant", "article")


def document_texts(
    *,
    title: str,
    captions: Iterable[str],
    credit_names: Iterable[str],
    creator: str,
    claims: Iterable[str],
    claimants: Iterable[str],
    headlines: Iterable[str],
) -> dict[str, str]:
    """Return the folded text of each search document column."""

    def joined(values: Iterable[str]) -> str:
        return fold(" \n ".join(dict.fromkeys(value for value in values if value)))

    return {
        "title": fold(title),
        "caption": joined(captions),
        "credit": joined(credit_names),
        "creator": fold(creator),
        "claims": joined(claims),
        "claimant": joined(claimants),
        "article": joined(headlines),
    }


def build_document(asset: Asset) -> AssetSearchDocument:
    """Build the search document of an asset fetched with ``documents_queryset``."""
    placements = list(asset.placements.all())
    claims = [link.claim for link in asset.illustrations.all()]
    credit_names = []
    if asset.credit_id:
        credit_names = [asset.credit.name] + [alias.alias for alias in asset.credit.aliases.all()]
    texts = document_texts(
        title=asset.title,
        captions=[asset.description] + [placement.caption for placement in placements],
        credit_names=credit_names,
        creator=asset.creator,
        claims=[claim.text for claim in claims],
        claimants=[claim.claimant for claim in claims],
        headlines=[placement.article.headline for placement in placements],
    )
    return AssetSearchDocument(asset_id=asset.pk, **texts)


def documents_queryset() -> QuerySet:
    return Asset.objects.select_related("credit").prefetch_related(
        "credit__aliases",
        Prefetch("placements", queryset=Placement.objects.select_related("article")),
        Prefetch("illustrations", queryset=Illustration.objects.select_related("claim")),
    )


def refresh_search_documents(asset_ids: Iterable[int | None]) -> int:
    """Rebuild the search documents of these assets; return how many were written."""
    ids = sorted({pk for pk in asset_ids if pk})
    written = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        documents = [build_document(asset) for asset in documents_queryset().filter(pk__in=chunk)]
        AssetSearchDocument.objects.bulk_create(
            documents,
            update_conflicts=True,
            unique_fields=["asset"],
            update_fields=list(DOCUMENT_FIELDS),
        )
        written += len(documents)
    return written


def rebuild_search_index() -> int:
    """Rebuild every asset's search document and the full-text index; return the count."""
    AssetSearchDocument.objects.filter(asset__isnull=True).delete()
    written = refresh_search_documents(Asset.objects.values_list("pk", flat=True).iterator())
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {DOCUMENT_TABLE}")
    return written


