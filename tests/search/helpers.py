"""Helpers shared by the search tests."""

from __future__ import annotations

from archive.models import Asset


def ids(results) -> list[int]:
    return [asset.pk for asset in results.assets]


def seeded_asset(title: str) -> Asset:
    return Asset.objects.filter(title=title).order_by("id").first()
