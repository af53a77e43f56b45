"""The archived asset a printed picture is: by the file the page names (a SHA-256 in its
address, else its file name), by an earlier placement with the same caption and credit line,
or by an asset catalogued with the same caption and credit. Batched: a draft's pictures are
matched in a fixed number of queries (the article import's review and the pre-publication
check alike).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django.db.models import F, Func, TextField

from archive.articles.draft import DraftPlacement
from archive.models import Asset, AssetSearchDocument, Credit, Placement
from archive.models.articles import CAPTION_KEY_LENGTH
from archive.text import single_spaced, text_key

MATCH_FILE = "same file"
MATCH_CAPTION = "same caption and credit line"
MATCH_ARTICLE = "already archived with this article"
MATCH_DESCRIPTION = "same caption and credit as the archived asset"

_SHA256_RE = re.compile(r"(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])")


def _file_name(src: str) -> str:
    """Return the file name a picture's URL ends in (decoded, without query or fragment)."""
    path = urlsplit(src).path if "://" in src or src.startswith("/") else src.split("?")[0]
    return PurePosixPath(unquote(path)).name[:255]


def match_asset_by_file(src: str) -> Asset | None:
    """Return the archived asset a picture's URL names: by a SHA-256 in it, else by file name."""
    return match_assets_by_file([src]).get(src)


def match_assets_by_file(srcs: list[str]) -> dict[str, Asset]:
    """Return, per picture URL, the archived asset it names (by a SHA-256 in it, else by file
    name), in two queries whatever the number of URLs."""
    hashes = {src: _SHA256_RE.findall(unquote(src).lower()) for src in srcs if src}
    names = {src: _file_name(src) for src in srcs if src}
    by_hash = Asset.objects.in_bulk(
        {h for found in hashes.values() for h in found}, field_name="sha256"
    )
    by_name: dict[str, Asset] = {}
    wanted = {name for src, name in names.items() if name and not _first(hashes[src], by_hash)}
    if wanted:
        for asset in Asset.objects.filter(original_filename__in=wanted).order_by("-id"):
            by_name[asset.original_filename] = asset  # the first archived wins
    found = {}
    for src in hashes:
        asset = _first(hashes[src], by_hash) or by_name.get(names[src])
        if asset is not None:
            found[src] = asset
    return found


def _first(hashes: list[str], by_hash: dict[str, Asset]) -> Asset | None:
    return next((by_hash[h] for h in hashes if h in by_hash), None)


class CaptionStart(Func):
    """The placements' caption index's expression (``Substr("caption", 1, 100)``), its
    numbers written into the SQL as the index's definition has them: given as parameters
    (as ``Substr`` gives them on SQLite) the expression would not match the index."""

    output_field = TextField()

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        function = "SUBSTRING" if connection.vendor == "postgresql" else "SUBSTR"
        return f"{function}({sql}, 1, {int(CAPTION_KEY_LENGTH)})", params


def match_asset_by_caption(placement: DraftPlacement) -> Asset | None:
    """Return the asset of an earlier placement printed with the same caption and credit line."""
    return match_assets_by_caption([placement]).get(placement.position)


def match_assets_by_caption(placements: list[DraftPlacement]) -> dict[int, Asset]:
    """Return, per placement position, the asset of the earliest placement printed with the
    same caption and credit line (a video for a video, else a picture), in one query."""
    captioned = [p for p in placements if p.caption]
    if not captioned:
        return {}
    earlier = (
        # The caption's start first: the placements' caption index holds it.
        Placement.objects.alias(caption_start=CaptionStart("caption"))
        .filter(
            caption_start__in={p.caption[:CAPTION_KEY_LENGTH] for p in captioned},
            caption__in={p.caption for p in captioned},
            credit_line__in={p.credit_line for p in captioned},
            asset__isnull=False,
        )
        .select_related("asset")
        .order_by()  # sorted here: ordered by id, SQLite would scan the table in that order
    )
    first: dict[tuple[str, str, bool], Asset] = {}
    for placed in sorted(earlier, key=lambda placed: placed.pk):
        key = (placed.caption, placed.credit_line, placed.asset.kind == Asset.Kind.VIDEO)
        first.setdefault(key, placed.asset)
    found = {}
    for placement in captioned:
        asset = first.get((placement.caption, placement.credit_line, placement.kind == "video"))
        if asset is not None:
            found[placement.position] = asset
    return found


def match_asset_by_description(placement: DraftPlacement, credit: Credit | None) -> Asset | None:
    """Return the archived asset catalogued with this caption, word for word, and this credit."""
    if credit is None:
        return None
    return match_assets_by_description([(placement, credit.pk)]).get(placement.position)


def match_assets_by_description(
    placements: list[tuple[DraftPlacement, int | None]],
) -> dict[int, Asset]:
    """Return, per placement position, the archived asset catalogued with its caption, word
    for word, and its credit (each placement given with its printed credit's id), in one query.

    The caption is compared with whitespace folded (a caption embedded with a line break
    matches the one printed on one line), alone or followed by its printed credit line; the
    credit through its aliases (the id is the printed name already resolved), so case and
    the agency's other spellings do not matter. The description is found through its key in
    the search documents (``text_key``, indexed): an index lookup, whatever the archive's
    size; the earliest asset of the right kind wins.
    """
    wanted = []
    for placement, credit_id in placements:
        caption = single_spaced(placement.caption)
        if not caption or credit_id is None:
            continue
        keys = {text_key(caption), text_key(f"{caption} {placement.credit_line}")}
        wanted.append((placement, credit_id, keys))
    if not wanted:
        return {}
    # The documents with these keys first (a subquery, so that the key's index leads whatever
    # the statistics say), then their assets by primary key.
    keyed = AssetSearchDocument.objects.filter(
        description_key__in=set().union(*(keys for _, _, keys in wanted))
    ).values("asset_id")
    rows = (
        Asset.objects.filter(pk__in=keyed, credit_id__in={credit_id for _, credit_id, _ in wanted})
        .annotate(description_key=F("search_document__description_key"))
        .order_by("id")
    )
    found: dict[int, Asset] = {}
    for asset in rows:
        for placement, credit_id, keys in wanted:
            if placement.position in found or asset.credit_id != credit_id:
                continue
            if (asset.kind == Asset.Kind.VIDEO) != (placement.kind == "video"):
                continue
            if asset.description_key in keys:
                found[placement.position] = asset
    return found
