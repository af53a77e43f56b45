"""Search documents: the folded text each asset is found by, and its facet columns.

The one writer of ``AssetSearchDocument``. ``refresh_search_documents`` rewrites some assets'
documents and re-indexes them in the same transaction (``archive.derived`` calls it for every
write that touches them); ``rebuild_search_index`` rewrites them all in bulk, then has the
backend build its full-text index once.

The licence window (``LICENCE_WINDOW``) is copied from the asset's ``AssetFacts``, whose
definition it is: the facts are written first (``archive.derived.refresh_assets`` and
``rebuild_all`` call their owner before this one), so a facet counts licence statuses from
the documents alone. The dates are stored, never a status: the status is today's when counted.

The ``title`` column holds the title, or for an untitled upload the stem of its file's
original name (``search_title``: ``IMG_4021``, ``ukraine-strike-3``, as the pages name it by
the file), folded like every text into words split on ``-``, ``_`` and ``.``, so it is found
by the name the desk knows it by, as a phrase (``IMG_4021`` is searched as "img 4021").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC

from django.db import connection, transaction
from django.db.models import Max, Min, Q
from django.db.models.functions import ExtractYear

from archive.models import Asset, AssetSearchDocument, Credit, CreditAlias, Illustration, Placement
from archive.models.assets import is_locations
from archive.search.backends import get_backend
from archive.search.backends.base import DOCUMENT_FIELDS
from archive.text import search_fold, text_key

# The facts' licence window, read by ``licence_status_expression(window="")`` on the document.
LICENCE_WINDOW = (
    "licence_count",
    "licence_starts_on",
    "licence_expires_on",
    "licence_window_single",
)
WRITTEN_FIELDS = (
    "credit_id",
    "kind",
    "year_taken",
    *LICENCE_WINDOW,
    "description_key",
    *DOCUMENT_FIELDS,
)
DOCUMENT_COLUMNS = ("asset_id", *WRITTEN_FIELDS)
REFRESH_CHUNK = 500
REBUILD_CHUNK = 20_000
WRITE_BATCH = 1000  # rows a statement (fewer on SQLite: its limit on parameters)


def filename_stem(filename: str) -> str:
    """Return a file's original name without its folders and its last extension."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    stem, dot, _ = name.rpartition(".")
    return stem if dot and stem else name


def search_title(title: str, filename: str) -> str:
    """Return the text of the ``title`` column: the title, else the file name's stem."""
    return title if (title or "").strip() else filename_stem(filename)


def joined(values: Iterable[str]) -> str:
    """Fold several texts into one column, each distinct text once, in order."""
    return search_fold(" \n ".join(dict.fromkeys(value for value in values if value)))


def shown_names(persons: object) -> list[str]:
    """The names in an asset's ``persons_shown`` (a JSON list; anything else names no one)."""
    if not isinstance(persons, list):
        return []
    return [name for name in persons if isinstance(name, str)]


def other_places(locations: object) -> list[str]:
    """The parts of an asset's ``other_locations_shown`` (anything else names no place)."""
    if not is_locations(locations):
        return []
    return [part for place in locations for part in place.values() if part]


def caption_texts(
    description: str,
    extended: str,
    alt_text: str,
    persons: object,
    places: Iterable[str],
    others: object,
) -> list[str]:
    """The texts of the ``caption`` column: what the picture shows, as catalogued (the
    caption, its extended description and alt text, the people and places shown)."""
    return [
        description,
        extended,
        alt_text,
        *shown_names(persons),
        *places,
        *other_places(others),
    ]


def written_texts(asset: Asset, names: list[str]) -> dict[str, list[str]]:
    """Return the texts each column of ``asset``'s document is folded from, as written
    (``names``: its credit's name and aliases), from the asset as search results load it
    (placements with their articles, illustrations with their claims, prefetched): what a
    result's snippets are cut from."""
    placements = list(asset.placements.all())
    claims = [illustration.claim for illustration in asset.illustrations.all()]
    places = (
        asset.location_sublocation,
        asset.location_city,
        asset.location_state,
        asset.location_country,
    )
    return {
        "title": [search_title(asset.title, asset.original_filename)],
        "caption": caption_texts(
            asset.description,
            asset.extended_description,
            asset.alt_text,
            asset.persons_shown,
            places,
            asset.other_locations_shown,
        ),
        "printed_caption": [text for p in placements for text in (p.title, p.caption)],
        "credit": names,
        "printed_credit": [placement.credit_line for placement in placements],
        "creator": [asset.creator],
        "claims": [claim.text for claim in claims],
        "claimant": [claim.claimant for claim in claims],
        "article": [placement.article.headline for placement in placements],
        "publication": [placement.article.publication for placement in placements],
    }


def credit_names(credit_ids: Iterable[int]) -> dict[int, list[str]]:
    """Return each credit's name followed by its aliases."""
    names: dict[int, list[str]] = {}
    wanted = {pk for pk in credit_ids if pk}
    if not wanted:
        return names
    for pk, name in Credit.objects.filter(pk__in=wanted).values_list("pk", "name"):
        names[pk] = [name]
    aliases = CreditAlias.objects.filter(credit_id__in=wanted).order_by("credit_id", "alias")
    for pk, alias in aliases.values_list("credit_id", "alias"):
        names.setdefault(pk, []).append(alias)
    return names


def build_documents(
    *, ids: list[int] | None = None, id_range: tuple[int, int] | None = None
) -> list[tuple]:
    """Build the document rows (``DOCUMENT_COLUMNS``) of the assets with these ``ids``, or
    ids in ``id_range`` (first included, last excluded), in five queries whatever their
    number."""

    def selected(field: str) -> Q:
        if ids is not None:
            return Q(**{f"{field}__in": ids})
        first, last = id_range
        return Q(**{f"{field}__gte": first, f"{field}__lt": last})

    assets = list(
        Asset.objects.filter(selected("id"))
        .order_by("id")
        .annotate(year=ExtractYear("date_taken", tzinfo=UTC))
        .values_list(
            "id",
            "title",
            "original_filename",
            "description",
            "creator",
            "credit_id",
            "kind",
            "year",
            # Found by the words of the caption too: what the picture shows, as catalogued.
            "extended_description",
            "alt_text",
            "persons_shown",
            "other_locations_shown",
            "location_sublocation",
            "location_city",
            "location_state",
            "location_country",
            *(f"facts__{field}" for field in LICENCE_WINDOW),
        )
    )
    if not assets:
        return []
    related = selected("asset_id")
    # As printed where the asset ran: the heading, caption and credit line of each placement,
    # and the headline and publication of its articles.
    printed: dict[int, list[str]] = defaultdict(list)
    credit_lines: dict[int, list[str]] = defaultdict(list)
    headlines: dict[int, list[str]] = defaultdict(list)
    publications: dict[int, list[str]] = defaultdict(list)
    for asset_id, title, caption, credit_line, headline, publication in (
        Placement.objects.filter(related)
        .order_by("asset_id", "id")
        .values_list(
            "asset_id",
            "title",
            "caption",
            "credit_line",
            "article__headline",
            "article__publication",
        )
    ):
        printed[asset_id] += [title, caption]
        credit_lines[asset_id].append(credit_line)
        headlines[asset_id].append(headline)
        publications[asset_id].append(publication)
    claims: dict[int, list[str]] = defaultdict(list)
    claimants: dict[int, list[str]] = defaultdict(list)
    for asset_id, text, claimant in (
        Illustration.objects.filter(related)
        .order_by("asset_id", "id")
        .values_list("asset_id", "claim__text", "claim__claimant")
    ):
        claims[asset_id].append(text)
        claimants[asset_id].append(claimant)
    names = credit_names(row[5] for row in assets)
    # Credits, creators, headlines and claims repeat across assets: fold each text once.
    folded: dict[str, str] = {}

    def once(texts: Iterable[str]) -> str:
        key = " \n ".join(dict.fromkeys(text for text in texts if text))
        if key not in folded:
            folded[key] = search_fold(key)
        return folded[key]

    return [
        (
            pk,
            credit_id,
            kind,
            year,
            *window,
            text_key(description) or f"#{pk}",
            search_fold(search_title(title, filename)),
            joined(caption_texts(description, extended, alt_text, persons, places, others)),
            joined(printed[pk]),
            once(names.get(credit_id, [])),
            once(credit_lines[pk]),
            once([creator]),
            once(claims[pk]),
            once(claimants[pk]),
            once(headlines[pk]),
            once(publications[pk]),
        )
        for (
            pk,
            title,
            filename,
            description,
            creator,
            credit_id,
            kind,
            year,
            extended,
            alt_text,
            persons,
            others,
            *places,
            window,
        ) in ((*row[: -len(LICENCE_WINDOW)], row[-len(LICENCE_WINDOW) :]) for row in assets)
    ]


def write(rows: list[tuple], *, into_empty: bool = False) -> None:
    """Insert or overwrite these document rows: many rows a statement, no model instances.

    ``into_empty``: the table holds none of these assets' documents (a rebuild has cleared
    it), so PostgreSQL takes them through ``COPY``, its bulk loader.
    """
    table = AssetSearchDocument._meta.db_table
    if into_empty and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            with cursor.cursor.copy(
                f"COPY {table} ({', '.join(DOCUMENT_COLUMNS)}) FROM STDIN"
            ) as copy:
                for row in rows:
                    copy.write_row(row)
        return
    updates = ", ".join(f"{name} = excluded.{name}" for name in WRITTEN_FIELDS)
    row = "(" + ", ".join(["%s"] * len(DOCUMENT_COLUMNS)) + ")"
    limit = connection.features.max_query_params or 10_000
    batch = max(1, min(WRITE_BATCH, limit // len(DOCUMENT_COLUMNS)))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch):
            chunk = rows[start : start + batch]
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(DOCUMENT_COLUMNS)})"
                f" VALUES {', '.join([row] * len(chunk))}"
                f" ON CONFLICT (asset_id) DO UPDATE SET {updates}",
                [value for values in chunk for value in values],
            )


def refresh_search_documents(asset_ids: Iterable[int | None]) -> int:
    """Rewrite and re-index the search documents of these assets; return how many."""
    ids = sorted({pk for pk in asset_ids if pk})
    backend = get_backend()
    written = 0
    for start in range(0, len(ids), REFRESH_CHUNK):
        chunk = ids[start : start + REFRESH_CHUNK]
        with transaction.atomic():
            documents = build_documents(ids=chunk)
            backend.forget(chunk)
            write(documents)
            backend.index([row[0] for row in documents])
        written += len(documents)
    return written


def rebuild_search_index() -> int:
    """Rewrite every asset's search document in bulk, then build the full-text index once;
    return how many documents were written."""
    bounds = Asset.objects.aggregate(first=Min("id"), last=Max("id"))
    backend = get_backend()
    written = 0
    with transaction.atomic():
        cleared = backend.clear()
        if bounds["first"] is not None:
            for start in range(bounds["first"], bounds["last"] + 1, REBUILD_CHUNK):
                documents = build_documents(id_range=(start, start + REBUILD_CHUNK))
                write(documents, into_empty=cleared)
                written += len(documents)
        backend.rebuild()
    return written
