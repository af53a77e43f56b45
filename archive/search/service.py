"""Running a search: the one entry point the search page, the API and the admin call.

``search_assets`` parses the text, applies the filters, asks the backend for the full-text
hits and one page, and counts the facets; ``admin_search`` narrows the admin's lists the
same way; ``filters_from_params`` and ``page_number`` read request parameters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db.models import Case, Prefetch, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.utils import timezone

from archive.models import Asset, Claim, Credit, CreditAlias, Illustration, Placement
from archive.provenance import (
    C2PA_SEARCH_VALUES,
    SOURCE_GROUPS,
    data_mining_matching,
    source_types_matching,
)
from archive.search.backends import get_backend
from archive.search.documents import written_texts
from archive.search.facets import (
    C2PA_FACET_VALUES,
    LICENCE_STATUSES,
    NO_CREDIT,
    SURELY_BEYOND,
    Hits,
    count_hits,
)
from archive.search.names import NAME_FIELDS, name_condition, names_holding
from archive.search.query import FieldFilter, ParsedQuery, Term, parse_field, parse_query
from archive.search.snippets import FieldMatch, field_matches, shown_snippets
from archive.text import credit_key, record_id, search_words
from config.routers import read_connection

PER_PAGE = 24
CLAIM_STATUSES = tuple(Claim.Status.values)


@dataclass
class SearchFilters:
    """Filters chosen outside the query text (facet links, API parameters)."""

    credit: str = ""
    kind: str = ""
    licence_status: str = ""
    claimant: str = ""
    claim: int | None = None
    article: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    c2pa: str = ""  # a Content Credentials state (the facet's value)

    def active(self) -> dict[str, object]:
        return {name: value for name, value in vars(self).items() if value not in ("", None)}


@dataclass
class SearchResults:
    """One page of a search's assets, its total, facets and messages for the reader."""

    assets: list[Asset]
    total: int
    page: int
    num_pages: int
    ranked: bool
    facets: dict[str, list[dict]] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    # Beyond ARCHIVE_SEARCH_EXACT_LIMIT hits the total and the facets' counts are estimates
    # from a sample (shown as "about N" and "≈"). The total is exact again when the page
    # shows where the results end (the facets' counts stay estimated).
    estimated: bool = False
    facets_estimated: bool = False
    # Why each asset on the page matched: the fields its words were found in (by asset id).
    matches: dict[int, list[FieldMatch]] = field(default_factory=dict)

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def credits_matching(value: str) -> list[int]:
    """Return ids of credits with ``value`` as name or alias; else aliases starting with it."""
    key = credit_key(value)
    if not key:
        return []
    aliases = CreditAlias.objects.filter(key=key)
    if not aliases.exists():
        aliases = CreditAlias.objects.filter(key__startswith=key)
    return sorted(set(aliases.values_list("credit_id", flat=True)))


def credit_ids(value: str) -> list[int]:
    """Return the credits the credit filter's ``value`` names: an id (a facet link), or a
    name or alias (typed)."""
    if value.isdigit():
        credit = record_id(value)
        return [] if credit is None else [credit]
    return credits_matching(value)


def credited_to(ids: list[int]) -> Q:
    """Return the condition "credited to one of ``ids``" (none: matches nothing)."""
    if not ids:
        return Q(pk__isnull=True)  # an empty IN list cannot be written as SQL
    return Q(credit_id__in=ids)


def apply_field_filter(
    assets: QuerySet, term: FieldFilter, messages: list[str], on: date | None
) -> QuerySet:
    """Narrow ``assets`` by one ``field:value`` term; explain values that mean nothing."""
    condition = field_condition(term, messages, on)
    if condition is None:
        return assets
    return assets.exclude(condition) if term.negated else assets.filter(condition)


def field_condition(term: FieldFilter, messages: list[str], on: date | None) -> Q | None:
    """Return the condition one ``field:value`` term asks for; ``None`` (and a message) when
    the value means nothing, so the term is left out."""
    value = term.value.lower()
    if term.field == "credit":
        matching = credits_matching(term.value)
        condition = credited_to(matching)
        if not matching:
            messages.append(f"No credit is called “{term.value}”.")
    elif term.field == "kind":
        kinds = [k for k, label in Asset.Kind.choices if k == value or label.lower() == value]
        kinds = kinds or [k for k in Asset.Kind.values if k.startswith(value)]
        if not kinds:
            messages.append(
                f"“kind:{term.value}” is not a kind; try one of {', '.join(Asset.Kind.values)}."
            )
            return None
        condition = Q(kind__in=kinds)
    elif term.field == "status":
        if value in LICENCE_STATUSES:
            ids = Asset.objects.with_licence_status(on=on).filter(licence_status=value)
            condition = Q(id__in=ids.values("id"))
        elif value in CLAIM_STATUSES:
            links = Illustration.objects.filter(claim__status=value)
            condition = Q(id__in=links.values("asset_id"))
        else:
            known = ", ".join(LICENCE_STATUSES + CLAIM_STATUSES)
            messages.append(f"“status:{term.value}” is not a status; try one of {known}.")
            return None
    elif term.field == "source_type":
        codes = source_types_matching(term.value)
        if value in ("none", "unknown", "unstated"):
            condition = Q(digital_source_type="")
        elif not codes:
            messages.append(
                f"“source_type:{term.value}” is not a digital source type; try ai, "
                f"{', '.join(SOURCE_GROUPS)} or a code such as trainedAlgorithmicMedia."
            )
            return None
        else:
            condition = Q(digital_source_type__in=codes)
    elif term.field == "data_mining":
        codes = data_mining_matching(term.value)
        if value in ("none", "unknown", "unstated"):
            condition = Q(data_mining="")
        elif not codes:
            messages.append(
                f"“data_mining:{term.value}” is not a data mining value; try prohibited "
                "(forbids AI training), allowed, unspecified or a code such as "
                "DMI-PROHIBITED-AIMLTRAINING."
            )
            return None
        else:
            condition = Q(data_mining__in=codes)
    elif term.field == "c2pa":
        if value not in C2PA_SEARCH_VALUES:
            messages.append(
                f"“c2pa:{term.value}” is not a Content Credentials state; try one of "
                f"{', '.join(C2PA_SEARCH_VALUES)}."
            )
            return None
        condition = Q(c2pa_state__in=C2PA_SEARCH_VALUES[value])
    elif term.field == "usable":
        # Usable on a medium today (or on the search's day): the rights rules' SQL mirror,
        # imported here because the rights rules import the audit, which imports the search.
        from archive.rights.media import MEDIA
        from archive.rights.sql import usable_condition

        if value not in MEDIA:
            messages.append(
                f"“usable:{term.value}” is not a medium; try one of {', '.join(MEDIA)}."
            )
            return None
        condition = usable_condition(value, on or timezone.localdate())
    elif term.field in NAME_FIELDS:
        condition = name_condition(term.field, term.value, messages)
    else:  # article:<id>
        article = record_id(value)
        if article is None:  # beyond the database's integers: no article has it
            messages.append(f"No article has the number {term.value}.")
            condition = Q(pk__isnull=True)  # matches nothing
        else:
            links = Placement.objects.filter(article_id=article)
            condition = Q(id__in=links.values("asset_id"))
    return condition


def claims_by_claimant(claims: QuerySet, value: str) -> QuerySet:
    """Narrow ``claims`` to those whose claimant the search's ``claimant:value`` finds: the
    value's folded words in order within the claimant's (the last a prefix if it ends in
    ``*``), so ``zelensky`` finds "Volodymyr Zelensky" as the search does."""
    terms = parse_field("claimant", value).terms
    names = Claim.objects.order_by().values_list("claimant", flat=True).distinct()
    return claims.filter(claimant__in=names_holding(names, terms)) if terms else claims.none()


def utc_midnight(day: date) -> datetime:
    """Return the start of ``day`` in UTC (date filters and the year facet use UTC days)."""
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def credit_prefilters(terms: Sequence[FieldFilter], filters: SearchFilters) -> tuple[Term, ...]:
    """Return full-text terms naming the one credit each ``credit:`` term or credit filter
    chose, so the full-text index narrows the hits to it before any row is read (the exact
    credit filter still applies)."""
    chosen = [credits_matching(t.value) for t in terms if t.field == "credit" and not t.negated]
    if filters.credit and str(filters.credit) != NO_CREDIT:
        chosen.append(credit_ids(str(filters.credit)))
    single = [ids[0] for ids in chosen if len(ids) == 1]
    names = dict(Credit.objects.filter(pk__in=single).values_list("pk", "name"))
    prefilters = (search_words(names.get(pk, "")) for pk in single)
    return tuple(Term(words, column="credit") for words in prefilters if words)


def filtered_assets(filters: SearchFilters, on: date | None = None) -> QuerySet:
    """Assets narrowed by the filters chosen outside the query text."""
    assets = Asset.objects.all()
    if str(filters.credit) == NO_CREDIT:
        assets = assets.filter(credit__isnull=True)
    elif filters.credit:
        assets = assets.filter(credited_to(credit_ids(str(filters.credit))))
    if filters.kind:
        assets = assets.filter(kind=filters.kind)
    if filters.licence_status:
        ids = Asset.objects.with_licence_status(on=on).filter(licence_status=filters.licence_status)
        assets = assets.filter(id__in=ids.values("id"))
    if filters.claimant:
        links = Illustration.objects.filter(claim__claimant=filters.claimant)
        assets = assets.filter(id__in=links.values("asset_id"))
    if filters.claim:
        assets = assets.filter(
            id__in=Illustration.objects.filter(claim_id=filters.claim).values("asset_id")
        )
    if filters.article:
        links = Placement.objects.filter(article_id=filters.article)
        assets = assets.filter(id__in=links.values("asset_id"))
    if filters.c2pa in C2PA_FACET_VALUES:
        assets = assets.filter(c2pa_state=C2PA_FACET_VALUES[filters.c2pa])
    if filters.date_from:
        assets = assets.filter(date_taken__gte=utc_midnight(filters.date_from))
    if filters.date_to and filters.date_to < date.max:
        assets = assets.filter(date_taken__lt=utc_midnight(filters.date_to + timedelta(days=1)))
    return assets


def page_matches(
    assets: Sequence[Asset], snippets: dict[int, dict], terms: Sequence[Term]
) -> dict[int, list[FieldMatch]]:
    """Why each of a page's ``assets`` matched: the fields the engine found the ``terms`` in
    (``snippets``, by asset), each with a snippet of its text as written. The assets come
    with what their documents are written from (``result_queryset``); only the credits'
    aliases are read, in one query, and only if a credit matched."""
    found = [asset for asset in assets if snippets.get(asset.pk)]
    aliases: dict[int, list[str]] = {}
    credits = {asset.credit_id for asset in found if "credit" in snippets[asset.pk]}
    credits.discard(None)
    if credits:
        for pk, alias in (
            CreditAlias.objects.filter(credit_id__in=credits)
            .order_by("credit_id", "alias")
            .values_list("credit_id", "alias")
        ):
            aliases.setdefault(pk, []).append(alias)
    matches = {}
    for asset in found:
        names = [asset.credit.name, *aliases.get(asset.credit_id, [])] if asset.credit else []
        texts = written_texts(asset, names)
        matches[asset.pk] = field_matches(shown_snippets(snippets[asset.pk], texts, terms))
    return matches


def result_queryset(on: date | None = None) -> QuerySet:
    """Assets with everything a result shows: credit, licence status, claims, captions."""
    return (
        Asset.objects.with_listing_data()
        .defer("c2pa_manifest_store")  # up to ARCHIVE_C2PA_MAX_STORE_BYTES each; no list shows it
        .with_licence_status(on=on)
        .prefetch_related(
            Prefetch(
                "illustrations",
                queryset=Illustration.objects.select_related("claim").order_by("claim_id"),
            ),
            Prefetch(
                "placements",
                queryset=Placement.objects.select_related("article").order_by(
                    "article__published_on", "position"
                ),
            ),
        )
    )


def match_words(
    candidates: QuerySet, parsed: ParsedQuery, prefilters: tuple[Term, ...] = ()
) -> QuerySet:
    """Narrow ``candidates`` to the assets whose documents match the query's words (and the
    ``prefilters``' credit names, so the full-text index intersects them first)."""
    backend = get_backend()
    if parsed.positive:
        sql, params = backend.matching(parsed.terms + prefilters)
        return candidates.filter(id__in=RawSQL(sql, params))
    if parsed.negative:
        sql, params = backend.matching(parsed.negative)
        return candidates.exclude(id__in=RawSQL(sql, params))
    return candidates


def admin_search(assets: QuerySet, text: str) -> QuerySet:
    """Narrow ``assets`` as the admin's search box asks, through the full-text index.

    The same query language as /search/, every word also taken as a prefix (the box is used
    to look an asset up while typing); a number also finds the asset with that id and a
    SHA-256 the file with that checksum. (The admin's own ``icontains`` reads every row.)
    """
    text = (text or "").strip()
    if re.fullmatch(r"[0-9a-fA-F]{64}", text):
        return assets.filter(sha256=text.lower())
    parsed = parse_query(text)
    words = tuple(
        term if len(term.words) > 1 else replace(term, prefix=True) for term in parsed.terms
    )
    parsed = replace(parsed, terms=words)
    narrowed = assets
    for term in parsed.filters:
        narrowed = apply_field_filter(narrowed, term, [], None)
    matched = match_words(narrowed, parsed, credit_prefilters(parsed.filters, SearchFilters()))
    number = record_id(text.lstrip("#"))
    if number is not None:
        # The asset with that number first (where the caller keeps this order, as the
        # autocomplete does), then the words' matches newest first.
        first = Case(When(pk=number, then=Value(0)), default=Value(1))
        found = assets.filter(Q(pk=number) | Q(pk__in=matched.values("pk")))
        return found.order_by(first, "-pk")
    return matched


def fetch_rows(sql: str, params: Sequence) -> list[tuple]:
    """Run one read-only statement (on a replica when there are some); return its rows."""
    with read_connection().cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def search_assets(
    text: str,
    filters: SearchFilters | None = None,
    *,
    page: int = 1,
    per_page: int = PER_PAGE,
    with_facets: bool = True,
    with_matches: bool = False,
    on: date | None = None,
    also: Sequence[ParsedQuery] = (),
) -> SearchResults:
    """Run a search: parse ``text``, apply filters, rank or order by newest, count facets.

    ``also`` are ``field:value`` words given apart from the text (the API's parameters,
    parsed by ``parse_field``): they are searched for as if typed. ``with_matches``: say why
    each asset on the page matched (fields and snippets).
    """
    filters = filters or SearchFilters()
    rank_limit = settings.ARCHIVE_SEARCH_RANK_LIMIT
    exact_limit = settings.ARCHIVE_SEARCH_EXACT_LIMIT
    join_limit = settings.ARCHIVE_SEARCH_FACET_JOIN_LIMIT
    backend = get_backend()
    parsed = parse_query(text)
    for extra in also:
        parsed = ParsedQuery(
            parsed.terms + extra.terms,
            parsed.filters + extra.filters,
            parsed.messages + extra.messages,
        )
    messages = list(parsed.messages)
    candidates = filtered_assets(filters, on=on)
    for term in parsed.filters:
        candidates = apply_field_filter(candidates, term, messages, on)
    narrowed = bool(parsed.filters) or bool(filters.active())
    prefilters = credit_prefilters(parsed.filters, filters)
    matched = match_words(candidates, parsed, prefilters)
    full_text = parsed.terms + prefilters

    # What the counts read: the full-text hits (among the other conditions' assets, when
    # anything narrows), the matching assets when there are no positive words, every
    # document when nothing narrows at all. Counted exactly up to the limit (the count stops
    # there), beyond it estimated from the backend's sample.
    if parsed.positive:
        hits = Hits(full_text, candidates if narrowed else None)
    else:
        hits = Hits((), matched if parsed.terms or narrowed else None)
    counting = {"with_facets": with_facets, "on": on, "join_limit": join_limit}
    sample, counts, exact = None, None, 0
    surely = SURELY_BEYOND * exact_limit
    if hits.expected() >= surely:
        # Far more hits expected (PostgreSQL's planner): the sample first, which reads the
        # same share of the documents at any size, where the capped count reads the words'
        # whole posting lists (credit:getty shoigu, two of a quarter of the documents each:
        # 65 ms at 1M, 201 ms at 5M). Counted exactly only if the sample finds fewer.
        sample = backend.sample(keyed=not hits.full_text)
        counts = count_hits(hits, exact=0, sample=sample, **counting)
    if counts is None or counts.total < surely:
        exact = hits.capped(exact_limit)
        if exact <= exact_limit:
            sample, counts = None, None
        elif sample is None:
            if prefilters and not parsed.terms:
                # Filters alone, one of them a credit: the estimate reads the credit's
                # full-text hits (each tested against the filters) rather than testing every
                # document for the sample (credit:afp at 1M, SQLite: 128 -> 35 ms). The exact
                # count above stays the assets', so an asset whose document is not yet written
                # is left out of an estimate only.
                hits = Hits(prefilters, candidates)
            # Without words the counts read the documents themselves: a keyed sample reads
            # only its own (usable:web alone at 1M, SQLite: not every one of the 1M entries).
            sample = backend.sample(keyed=not hits.full_text)
        else:  # the sample's counts stand; the total is at least the hits counted
            counts.total = max(counts.total, exact)
    estimated = sample is not None
    if counts is None:
        counts = count_hits(hits, exact=exact, sample=sample, **counting)
    total, facets = counts.total, counts.facets
    for name, value in (("claimant", filters.claimant), ("article", filters.article)):
        if value and with_facets:
            # An asset may have several claimants and articles: the others' counts here are
            # of the chosen one's assets, but their links replace the choice, which would
            # show a different number. Shown like the credit facet: the chosen value alone.
            facets[name] = [row for row in facets[name] if row["value"] == str(value)]

    num_pages = max(1, -(-total // per_page))
    # An estimated total may be off either way, so a page past its estimated end is looked
    # for (below, the real end is found if it is not there).
    page = max(1, page) if estimated else min(max(1, page), num_pages)
    ranked = bool(parsed.positive) and not estimated and total <= rank_limit

    def page_rows(offset: int, limit: int) -> list[tuple]:
        if parsed.positive:
            sql, params = backend.page(
                full_text,
                candidates if narrowed else None,
                ranked=ranked,
                offset=offset,
                limit=limit,
                hits=total,
            )
            return fetch_rows(sql, params)
        # Newest archived first: ids grow with created_at, so the database walks the
        # primary key backwards and stops after one page.
        try:
            return list(matched.order_by("-id").values_list("id")[offset : offset + limit])
        except EmptyResultSet:
            return []

    sampled = estimated
    offset = (page - 1) * per_page
    # One row past the page says whether the results go on, so the pages shown follow the
    # hits, not the estimate.
    rows = page_rows(offset, per_page + 1 if estimated else per_page)
    if estimated and len(rows) <= per_page:
        # The results end on this page or before it: the count is known now.
        guess = total
        if rows:
            total = offset + len(rows)
        else:  # past the end: fewer hits than the page's offset, counted exactly
            total = hits.capped(offset)
            page = max(1, -(-total // per_page))
            offset = (page - 1) * per_page
            rows = page_rows(offset, per_page)
        estimated, num_pages = False, page
        if total != guess:
            messages.append(
                f"{total:,} matches in all, not about {guess:,} as estimated: the results "
                f"end on page {page}."
            )
    elif estimated and page >= num_pages:
        # More hits than estimated: there is a next page.
        total, num_pages = max(total, offset + len(rows)), page + 1
    rows = rows[:per_page]
    ids = [row[0] for row in rows]
    if parsed.positive and not ranked:
        messages.append(
            f"{'About ' if estimated else ''}{total:,} matches: too many to rank by relevance, "
            "so the newest come first. Add a word or a filter to narrow them."
        )
    if with_facets and (sampled or total > join_limit):
        messages.append(
            f"Claimant and article counts (and Content Credentials) are shown for searches of "
            f"up to {min(join_limit, exact_limit):,} matches."
        )
    if sampled and (with_facets or estimated):
        messages.append(
            f"Counts above {exact_limit:,} matches are estimated from a sample of the archive."
        )
    by_id = {asset.pk: asset for asset in result_queryset(on).filter(pk__in=ids)}
    assets = [by_id[pk] for pk in ids if pk in by_id]
    wanted = with_matches and parsed.positive
    snippets = backend.snippets(parsed.positive, ids) if wanted else {}
    matches = page_matches(assets, snippets, parsed.positive)
    for asset in assets:
        asset.search_matches = matches.get(asset.pk, [])
    if total == 0 and not messages:
        messages.append("Nothing matches. Try fewer words, a prefix like mobilis*, or no filters.")
    return SearchResults(
        assets=assets,
        total=total,
        page=page,
        num_pages=num_pages,
        ranked=ranked,
        facets=facets,
        messages=messages,
        matches=matches,
        estimated=estimated,
        facets_estimated=sampled and with_facets,
    )


def filters_from_params(params) -> SearchFilters:
    """Read filters from request parameters, ignoring values that mean nothing."""
    return read_filter_params(params)[0]


def read_filter_params(params) -> tuple[SearchFilters, list[str]]:
    """Read filters from request parameters; with them, a message for each value given that
    means nothing and so was ignored (a journalist who typed ``?kind=bogus`` into the address
    is told, as the search box tells ``kind:bogus``)."""
    ignored: list[str] = []

    def number(name: str) -> int | None:
        text = (params.get(name) or "").strip()
        value = record_id(text)
        if text and value is None:
            ignored.append(
                f"{FILTER_PARAM_NAMES[name]} {text[:40]!r} is not a record's number: ignored."
            )
        return value

    def day(name: str) -> date | None:
        text = (params.get(name) or "").strip()
        try:
            return date.fromisoformat(text) if text else None
        except ValueError:
            ignored.append(
                f"{FILTER_PARAM_NAMES[name]} {text[:40]!r} is not a date (YYYY-MM-DD): ignored."
            )
            return None

    def choice(name: str, known) -> str:
        text = (params.get(name) or "").strip()
        if text and text not in known:
            ignored.append(
                f"{FILTER_PARAM_NAMES[name]} {text[:40]!r} is not one of "
                f"{', '.join(known)}: ignored."
            )
            return ""
        return text

    filters = SearchFilters(
        credit=(params.get("credit") or "").strip()[:200],
        kind=choice("kind", Asset.Kind.values),
        licence_status=choice("licence_status", LICENCE_STATUSES),
        claimant=(params.get("claimant") or "").strip()[:300],
        claim=number("claim"),
        article=number("article"),
        date_from=day("date_from"),
        date_to=day("date_to"),
        c2pa=choice("c2pa", C2PA_FACET_VALUES),
    )
    return filters, ignored


# How the filters' address parameters are named in a message to the reader.
FILTER_PARAM_NAMES = {
    "kind": "Kind",
    "licence_status": "Licence status",
    "c2pa": "Content Credentials",
    "claim": "Claim",
    "article": "Article",
    "date_from": "Taken from",
    "date_to": "Taken to",
}


def page_number(params) -> int:
    """Read the page number, 1 when missing or nonsense."""
    value = (params.get("page") or "").strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) < 9 else 1
