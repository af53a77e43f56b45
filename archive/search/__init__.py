"""Search: the query language, the per-asset search documents and the two full-text backends.

What belongs here: parsing what a journalist types into terms and field filters (pure
functions), building and refreshing each asset's ``AssetSearchDocument``, and running a search
with facets on SQLite FTS5 or PostgreSQL full-text search, whichever database is in use.

Both backends index the same folded text (lower case, accents and punctuation removed, done
here in Python) and receive queries built from the same folded tokens, so they find the same
assets; only ranking differs (bm25 on SQLite, ts_rank on PostgreSQL).
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import close_old_connections, connection
from django.db.models import (
    Case,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import Expression, RawSQL
from django.db.models.signals import post_delete, post_save, pre_save

from archive.models import (
    Article,
    Asset,
    AssetSearchDocument,
    Claim,
    Credit,
    CreditAlias,
    Illustration,
    Placement,
)
from archive.models.licences import licence_status_expression
from archive.text import MAX_ID, credit_key, record_id

# TEMPORARY during the redesign (the packed facet key goes): 
KIND_CODES = {"photo": 1, "still": 2, "social": 3, "graphic": 4, "video": 5}
FACET_YEARS = 10000
FTS_TABLE = "archive_asset_fts"
DOCUMENT_TABLE = "archive_assetsearchdocument"
DOCUMENT_FIELDS = ("title", "caption", "credit", "creator", "claims", "claimant", "article")
# bm25 column weights, in DOCUMENT_FIELDS order: a word in the title counts most.
BM25_WEIGHTS = (10.0, 5.0, 5.0, 2.0, 3.0, 2.0, 2.0)
# PostgreSQL has four weights; claimant and article get their own so field terms can use them.
PG_WEIGHTS = {
    "title": "A",
    "credit": "A",
    "caption": "B",
    "claims": "B",
    "creator": "B",
    "article": "C",
    "claimant": "D",
}
# Ranking every hit of a broad query costs time proportional to the hits; above this many
# hits the results come newest first instead (the page says so).
RANK_LIMIT = getattr(settings, "ARCHIVE_SEARCH_RANK_LIMIT", 5000)
# Claimant and article counts join every hit to placements and claims; above this many hits
# they are left out (the page says so) and the other facets are still counted exactly.
FACET_JOIN_LIMIT = getattr(settings, "ARCHIVE_SEARCH_FACET_JOIN_LIMIT", 20000)
PER_PAGE = 24
MAX_QUERY_CHARACTERS = 1000
FACET_SIZE = 15

TEXT_FIELDS = {"claimant", "article"}
FILTER_FIELDS = {"credit", "kind", "status", "article"}
KNOWN_FIELDS = TEXT_FIELDS | FILTER_FIELDS
LICENCE_STATUSES = ("valid", "expiring", "expired", "none")
CLAIM_STATUSES = tuple(Claim.Status.values)


# --- folding and parsing (pure) ---------------------------------------------------------


def fold(text: str) -> str:
    """Return ``text`` lower-cased, without accents, with punctuation turned into spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", bare).split())


def fold_words(text: str) -> tuple[str, ...]:
    """Split ``text`` into folded words."""
    return tuple(fold(text).split())


@dataclass(frozen=True)
class Term:
    """A word or phrase to find: all ``words`` in order; the last one a prefix if ``prefix``."""

    words: tuple[str, ...]
    prefix: bool = False
    negated: bool = False
    column: str | None = None


@dataclass(frozen=True)
class FieldFilter:
    """A ``field:value`` term that filters rather than matches text (credit, kind, status)."""

    field: str
    value: str
    negated: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[Term, ...] = ()
    filters: tuple[FieldFilter, ...] = ()
    messages: tuple[str, ...] = ()

    @property
    def positive(self) -> tuple[Term, ...]:
        return tuple(term for term in self.terms if not term.negated)

    @property
    def negative(self) -> tuple[Term, ...]:
        return tuple(term for term in self.terms if term.negated)

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.filters


TOKEN = re.compile(
    r"""
    (?P<neg>-)?
    (?:(?P<field>[A-Za-z_]+):)?
    (?:"(?P<phrase>[^"]*)(?:"|$)|(?P<word>[^\s"]+))
    """,
    re.VERBOSE,
)


def parse_query(text: str) -> ParsedQuery:
    """Parse what a person typed into terms, field filters and friendly messages; never raise."""
    terms: list[Term] = []
    filters: list[FieldFilter] = []
    messages: list[str] = []
    negate_next = False
    text = text or ""
    if len(text) > MAX_QUERY_CHARACTERS:
        # Cut at a space, so that no word is searched for half-typed.
        text = text[: MAX_QUERY_CHARACTERS + 1].rsplit(None, 1)[0][:MAX_QUERY_CHARACTERS]
        messages.append(
            f"Only the first {len(text):,} characters of the search were used; "
            "the rest was left out."
        )
    for match in TOKEN.finditer(text):
        raw_word = match.group("word")
        if match.group("field") is None and raw_word in ("AND", "OR", "NOT"):
            if raw_word == "NOT":
                negate_next = True
            elif raw_word == "OR":
                messages.append("OR is not supported: every word must match.")
            continue
        bare_field = (raw_word or "").rstrip(":").lower()
        typed_field = match.group("field") is None and (raw_word or "").endswith(":")
        if typed_field and bare_field in KNOWN_FIELDS:
            messages.append(
                f"“{bare_field}:” needs a value, like {bare_field}:{example(bare_field)}."
            )
            continue
        negated = bool(match.group("neg")) or negate_next
        negate_next = False
        name = (match.group("field") or "").lower()
        is_phrase = match.group("phrase") is not None
        value = match.group("phrase") if is_phrase else raw_word
        if name and name not in KNOWN_FIELDS:
            # Not a field we know (``C:3PO``, ``http://``): search for the text as typed.
            value = f"{match.group('field')}:{value}"
            name = ""
        prefix = value.rstrip().endswith("*")
        if name in FILTER_FIELDS and not (name == "article" and not value.strip().isdigit()):
            cleaned = value.strip().strip("*").strip()
            if cleaned:
                filters.append(FieldFilter(name, cleaned, negated))
            else:
                messages.append(f"“{name}:” needs a value, like {name}:{example(name)}.")
            continue
        words = fold_words(value)
        if not words:
            continue
        column = name if name in TEXT_FIELDS else None
        terms.append(Term(words, prefix=prefix, negated=negated, column=column))
    if not terms and not filters and re.fullmatch(r"(\s*\b(AND|OR|NOT)\b)+\s*", text or ""):
        messages.append(
            "AND, OR and NOT join words (every word must match; NOT excludes the next); "
            "on their own they search for nothing, so everything is shown."
        )
    query = ParsedQuery(tuple(terms), tuple(filters), tuple(messages))
    if query.negative and not query.positive and not query.filters:
        messages.append("Only excluded words given: showing everything without them.")
        query = ParsedQuery(query.terms, query.filters, tuple(messages))
    return query


def example(field_name: str) -> str:
    return {
        "credit": "getty",
        "kind": "photo",
        "status": "expired",
        "article": "putin",
        "claimant": "zelensky",
    }.get(field_name, "word")


def fts5_term(term: Term) -> str:
    """Render one term as an FTS5 phrase (each word quoted, so no user text is syntax)."""
    phrase = '"' + " ".join(term.words) + '"' + (" *" if term.prefix else "")
    return f"{term.column} : {phrase}" if term.column else phrase


def fts5_match(terms: Sequence[Term]) -> str:
    """Return the FTS5 MATCH expression for ``terms`` (positives ANDed, negatives NOTed)."""
    positive = [fts5_term(term) for term in terms if not term.negated]
    negative = [fts5_term(term) for term in terms if term.negated]
    if not positive:
        return " OR ".join(negative)
    expression = " AND ".join(positive)
    if negative:
        expression = f"({expression}) NOT ({' OR '.join(negative)})"
    return expression


def tsquery_term(term: Term) -> str:
    """Render one term as a PostgreSQL tsquery (lexemes quoted; weight for field terms)."""
    weight = PG_WEIGHTS[term.column] if term.column else ""
    lexemes = []
    for index, word in enumerate(term.words):
        last = index == len(term.words) - 1
        marks = ("*" if term.prefix and last else "") + weight
        lexemes.append(f"'{word}'" + (f":{marks}" if marks else ""))
    return "(" + " <-> ".join(lexemes) + ")"


def tsquery(terms: Sequence[Term]) -> str:
    """Return the tsquery text for ``terms`` (positives ANDed, negatives NOTed)."""
    positive = [tsquery_term(term) for term in terms if not term.negated]
    negative = [tsquery_term(term) for term in terms if term.negated]
    if not positive:
        return " | ".join(negative)
    expression = " & ".join(positive)
    if negative:
        expression += " & !(" + " | ".join(negative) + ")"
    return expression


# --- backends -----------------------------------------------------------------------------


def matching_sql(terms: Sequence[Term]) -> tuple[str, list]:
    """Return SQL selecting the ids of assets whose document matches ``terms``."""
    if connection.vendor == "postgresql":
        # OFFSET 0 keeps the planner from folding this into the outer query: the hits come
        # from the GIN index first, rather than a credit's every asset being tested one by one.
        return (
            f"SELECT asset_id AS id FROM {DOCUMENT_TABLE} "
            "WHERE search_vector @@ to_tsquery('simple', %s) OFFSET 0",
            [tsquery(terms)],
        )
    return f"SELECT rowid AS id FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [fts5_match(terms)]


def page_statement(
    terms: Sequence[Term],
    candidates: QuerySet | None,
    *,
    ranked: bool,
    offset: int,
    limit: int,
) -> tuple[str, list]:
    """Return SQL giving one page of the ids of assets matching ``terms`` (and among
    ``candidates``): best first then newest when ``ranked``, else newest first.

    Newest is the highest id (ids grow with ``created_at``), so the page comes from the
    full-text index alone: ranked, it scores the hits; newest first, the index yields them in
    descending id order and stops after the page. ``candidates`` (the filters) are checked
    per hit, by primary key, rather than listed in full.
    """
    order = "rowid DESC"
    if connection.vendor == "postgresql":
        where, params = "", []
        if candidates is not None:
            sql, params = candidates.order_by().values("id").query.sql_with_params()
            where, params = f" AND asset_id IN ({sql})", list(params)
        text = tsquery(terms)
        rank = "ts_rank(search_vector, to_tsquery('simple', %s)) DESC, " if ranked else ""
        # Ranking filtered hits: the hits first, from the GIN index (OFFSET 0: see
        # matching_sql). Newest first: the primary key walked backwards, stopping at the page.
        fence = " OFFSET 0" if ranked and candidates is not None else ""
        query = (
            f"SELECT asset_id FROM (SELECT asset_id, search_vector FROM {DOCUMENT_TABLE}"
            f" WHERE search_vector @@ to_tsquery('simple', %s){fence}) hits"
            " WHERE TRUE" + where + f" ORDER BY {rank}asset_id DESC LIMIT %s OFFSET %s"
        )
        arguments = [text, *params, *([text] if ranked else []), limit, offset]
    else:
        where, params = "", []
        if candidates is not None:
            table = connection.ops.quote_name(Asset._meta.db_table)
            own = (
                candidates.order_by().values("id").extra(where=[f"{table}.id = {FTS_TABLE}.rowid"])
            )
            sql, params = own.query.sql_with_params()
            where, params = f" AND EXISTS ({sql})", list(params)
        if ranked:
            weights = ", ".join(str(weight) for weight in BM25_WEIGHTS)
            order = f"bm25({FTS_TABLE}, {weights}), rowid DESC"
        query = (
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s" + where + f" ORDER BY"
            f" {order} LIMIT %s OFFSET %s"
        )
        arguments = [fts5_match(terms), *params, limit, offset]
    return query, arguments


# --- running a search's statements -------------------------------------------------------

_workers: ThreadPoolExecutor | None = None
_workers_lock = threading.Lock()


def _forget_workers() -> None:
    """In a forked child: its parent's threads (and their connections) did not come along."""
    global _workers, _workers_lock
    _workers, _workers_lock = None, threading.Lock()


os.register_at_fork(after_in_child=_forget_workers)


def worker_pool() -> ThreadPoolExecutor:
    """Return this process's threads for a search's parallel statements (made on first use;
    shared by the process's requests, each of which also runs one statement itself)."""
    global _workers
    with _workers_lock:
        if _workers is None:
            threads = max(1, settings.ARCHIVE_SEARCH_WORKERS)
            _workers = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="search")
        return _workers


def parallel_allowed() -> bool:
    """Whether a search's statements may run on other connections than this thread's.

    SQLite only: it runs each statement on one core, and its readers do not block each other
    (PostgreSQL plans parallel workers itself). Not inside a transaction, however opened
    (``atomic``, autocommit turned off, a raw BEGIN): other connections cannot see what it
    has not committed.
    """
    if settings.ARCHIVE_SEARCH_WORKERS < 2 or connection.vendor != "sqlite":
        return False
    if connection.in_atomic_block or not connection.get_autocommit():
        return False
    return not (connection.connection is not None and connection.connection.in_transaction)


def id_ranges() -> list[tuple[int, int]]:
    """Return the id ranges a search's counts are split into, to run in parallel (see
    split_ids), the first and last open-ended (an asset added meanwhile, or given an id
    outside them, is still counted once); none (one statement) when statements may not run
    in parallel.

    As PostgreSQL gives a scan parallel workers only above a table size: on a small archive
    handing a statement to a thread costs more than it saves (at 100 000 assets a one-word
    search's counts took 0.55 ms on one connection, 0.94 ms split in two; at 1 000 000 a
    phrase's 34 ms took 20).
    """
    if not parallel_allowed():
        return []
    top = Asset.objects.aggregate(top=Max("id"))["top"] or 0
    ranges = split_ids(top, settings.ARCHIVE_SEARCH_PART_SIZE, settings.ARCHIVE_SEARCH_WORKERS)
    if ranges:
        ranges[0] = (-MAX_ID - 1, ranges[0][1])
        ranges[-1] = (ranges[-1][0], MAX_ID)
    return ranges


def split_ids(top: int, part_size: int, workers: int) -> list[tuple[int, int]]:
    """Split the ids 1 to ``top`` into one range per ``part_size`` ids, at most ``workers``
    ranges of about equal size; none when that makes fewer than two."""
    count = min(workers, -(-top // max(1, part_size)))
    if count < 2:
        return []
    step = -(-top // count)
    return [(first, min(top, first + step - 1)) for first in range(1, top + 1, step)]


def fetch_rows(sql: str, params: Sequence) -> list[tuple]:
    """Run one read-only statement on this thread's connection; return its rows."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def fetch_rows_on_worker(sql: str, params: Sequence) -> list[tuple]:
    """fetch_rows on a search thread, whose connection no request recycles: closed here once
    older than the connections' maximum age (``ARCHIVE_DB_CONN_MAX_AGE``), as a request's is."""
    close_old_connections()
    try:
        return fetch_rows(sql, params)
    finally:
        close_old_connections()


def run_statements(statements: Sequence[tuple[str, Sequence]], parallel: bool) -> list[list]:
    """Return each statement's rows, in order: run side by side when ``parallel`` (this
    thread runs the first, the search threads the others, each on its own connection), else
    one after the other on this thread's connection."""
    if not parallel or len(statements) < 2:
        return [fetch_rows(sql, params) for sql, params in statements]
    pool = worker_pool()
    pending = [pool.submit(fetch_rows_on_worker, sql, params) for sql, params in statements[1:]]
    try:
        first = fetch_rows(*statements[0])
    finally:
        # Never leave a statement of this search running after it: wait for the others.
        wait(pending)
    return [first, *(future.result() for future in pending)]


# --- searching ----------------------------------------------------------------------------


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

    def active(self) -> dict[str, object]:
        return {name: value for name, value in vars(self).items() if value not in ("", None)}


@dataclass
class SearchResults:
    assets: list[Asset]
    total: int
    page: int
    num_pages: int
    ranked: bool
    facets: dict[str, list[dict]] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def credits_matching(value: str) -> list[int]:
    """Return ids of credits with ``value`` as name or alias; else aliases starting with it.

    A list, not a subquery: with the ids written into the query, the planner knows how many
    assets the credit has (a large agency's or a rare one's) and plans accordingly.
    """
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
    """Return the condition "credited to one of ``ids``" (none: matches nothing).

    PostgreSQL gets the ids written into the query, so it estimates a large agency's share
    from its statistics. SQLite gets them as a subquery: with a literal it drives a word
    search through the id index, and with a subquery through the credit index, whose
    entries for one credit lie together (about 15 % faster on a 1M archive).
    """
    if not ids:
        return Q(pk__isnull=True)  # an empty IN list cannot be written as SQL
    if connection.vendor == "postgresql":
        return Q(credit_id__in=ids)
    return Q(credit_id__in=Credit.objects.filter(pk__in=ids).values("pk"))


def apply_field_filter(
    assets: QuerySet, term: FieldFilter, messages: list[str], on: date | None
) -> QuerySet:
    """Narrow ``assets`` by one ``field:value`` term; explain values that mean nothing."""
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
            return assets
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
            return assets
    else:  # article:<id>
        article = record_id(value)
        if article is None:  # beyond the database's integers: no article has it
            messages.append(f"No article has the number {term.value}.")
            condition = Q(pk__isnull=True)  # matches nothing
        else:
            links = Placement.objects.filter(article_id=article)
            condition = Q(id__in=links.values("asset_id"))
    return assets.exclude(condition) if term.negated else assets.filter(condition)


def utc_midnight(day: date) -> datetime:
    """Return the start of ``day`` in UTC (date filters and the year facet use UTC days)."""
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def credit_prefilter(ids: list[int]) -> Term | None:
    """Return a full-text term that narrows the hits to one credit early, if it can.

    The exact credit filter still applies; this lets the full-text index intersect a word
    with the credit before any row is read, so ``credit:getty shoigu`` costs what its hits do.
    """
    if len(ids) != 1:
        return None
    name = Credit.objects.filter(pk=ids[0]).values_list("name", flat=True).first()
    words = fold_words(name or "")
    return Term(words, column="credit") if words else None


def chosen_credits(terms: Sequence[FieldFilter], filters: SearchFilters) -> list[list[int]]:
    """Return the credits each ``credit:`` term (not excluded) and the credit filter (a
    credit facet clicked) name, resolved once per search."""
    chosen = [
        credits_matching(term.value)
        for term in terms
        if term.field == "credit" and not term.negated
    ]
    value = str(filters.credit)
    if value and value != NO_CREDIT:
        chosen.append(credit_ids(value))
    return chosen


def credit_prefilters(chosen: list[list[int]]) -> tuple[Term, ...]:
    """Return full-text terms narrowing the hits to the ``chosen`` credits' names."""
    prefilters = (credit_prefilter(ids) for ids in chosen)
    return tuple(term for term in prefilters if term is not None)


NO_CREDIT = "0"  # the credit filter's (and facet's) value for assets with no credit


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
    if filters.date_from:
        assets = assets.filter(date_taken__gte=utc_midnight(filters.date_from))
    if filters.date_to and filters.date_to < date.max:
        assets = assets.filter(date_taken__lt=utc_midnight(filters.date_to + timedelta(days=1)))
    return assets


def result_queryset(on: date | None = None) -> QuerySet:
    """Assets with everything a result shows: credit, licence status, claims, captions."""
    return (
        Asset.objects.with_listing_data()
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


# The hits' credit, kind, year (stored as ``Asset.facet_base``) and licence status packed
# into one integer (see facet_key): the hits are grouped by that one integer (a fraction of
# the cost of grouping by four columns), and the few thousand groups are added up per facet
# in the same statement. The licence status comes from the window stored on each asset (no
# licence join). Rows: (facet number in FACET_PARTS, value, count).
FACET_SQL = """
WITH groups AS MATERIALIZED (
    SELECT k, COUNT(*) AS n FROM ({hits}) hits GROUP BY k
)
SELECT 0, k / {credit}, SUM(n) FROM groups GROUP BY k / {credit}
UNION ALL SELECT 1, k / {kind} - k / {credit} * 8, SUM(n) FROM groups
    GROUP BY k / {kind} - k / {credit} * 8
UNION ALL SELECT 2, k - k / 8 * 8, SUM(n) FROM groups GROUP BY k - k / 8 * 8
UNION ALL SELECT 3, k / 8 - k / {kind} * {years}, SUM(n) FROM groups
    GROUP BY k / 8 - k / {kind} * {years}
""".format(credit=8 * FACET_YEARS * 8, kind=8 * FACET_YEARS, years=FACET_YEARS, hits="{hits}")
FACET_PARTS = ("credit", "kind", "licence_status", "year")
# Claimant and article counts join every hit to placements and claims: run only for searches
# with at most FACET_JOIN_LIMIT hits. CROSS JOIN makes SQLite start from the hits; each facet
# keeps its FACET_SIZE largest counts with a bounded sort (a hit's articles are mostly its
# own: thousands of groups of one).
JOINED_FACET_SQL = """
WITH hits AS MATERIALIZED ({hits})
SELECT * FROM (
    SELECT 'claimant' AS facet, c.claimant AS value, COUNT(DISTINCT i.asset_id) AS n
    FROM hits h CROSS JOIN archive_illustration i CROSS JOIN archive_claim c
    WHERE i.asset_id = h.id AND c.id = i.claim_id AND c.claimant <> ''
    GROUP BY c.claimant
    ORDER BY n DESC, c.claimant
    LIMIT %s
) claimants
UNION ALL
SELECT * FROM (
    SELECT 'article' AS facet, CAST(p.article_id AS TEXT) AS value,
        COUNT(DISTINCT p.asset_id) AS n
    FROM hits h CROSS JOIN archive_placement p
    WHERE p.asset_id = h.id
    GROUP BY p.article_id
    ORDER BY n DESC, p.article_id
    LIMIT %s
) articles
"""
STATUS_CODES = {status: code for code, status in enumerate(LICENCE_STATUSES, start=1)}
KIND_NAMES = {code: kind for kind, code in KIND_CODES.items()}
STATUS_NAMES = {code: status for status, code in STATUS_CODES.items()}


def facet_key(on: date | None = None) -> Expression:
    """Return SQL packing an asset's stored ``facet_base`` (credit, kind, year) and its
    licence status on ``on`` into one integer: facet_base * 8 + status."""
    status = licence_status_expression(on, codes=STATUS_CODES)
    return ExpressionWrapper(F("facet_base") * 8 + status, output_field=IntegerField())


def unpack_facet_key(key: int) -> tuple[int | None, str | None, str | None, int | None]:
    """Return the credit id, kind, licence status and year packed by ``facet_key``."""
    rest, status = divmod(key, 8)
    rest, year = divmod(rest, FACET_YEARS)
    credit, kind = divmod(rest, 8)
    return credit or None, KIND_NAMES.get(kind), STATUS_NAMES.get(status), year or None


@dataclass(frozen=True)
class Hits:
    """SQL selecting the ids of a search's full-text hits, and the credits they must have
    when credits are the search's only filter (``None``: no filter at all)."""

    sql: str
    params: list
    credits: tuple[int, ...] | None = None

    def within(self, first: int, last: int) -> Hits:
        """The hits with ids from ``first`` to ``last`` (the full-text index seeks to them)."""
        return replace(
            self,
            sql=f"SELECT id FROM ({self.sql}) WHERE id BETWEEN %s AND %s",
            params=[*self.params, first, last],
        )


def hit_rows(hits: Hits, select: Expression | None = None, alias: str = "id") -> tuple[str, list]:
    """Return SQL giving ``select`` (default: the id) as ``alias`` for each matching hit,
    reading the hits first and then each one's asset.

    Written as ``id IN (hits)``, SQLite first copies the hits into a temporary index; joined
    from the hits, which the full-text index yields in id order, it seeks each asset in turn
    (about a tenth less time at 26 000 hits). With a credit, the seeks go through the credit
    index: SQLite's planner rates it and the id index alike and, depending on the order the
    indexes were made in, picked the one that took 30 % longer.
    """
    return hit_rows_each([hits], select, alias)[0]


def compiled_select(select: Expression | None) -> tuple[str, list]:
    """Return ``select`` compiled as a column of the asset table (default: its id)."""
    query = Asset.objects.all().query
    if select is None:
        return f"{connection.ops.quote_name(Asset._meta.db_table)}.id", []
    sql, params = query.get_compiler(connection=connection).compile(
        select.resolve_expression(query)
    )
    return sql, list(params)


def through_credits(credits: Sequence[int]) -> tuple[str, str]:
    """Return the asset table read through the credit index (SQLite is told to), and the
    condition "credited to one of ``credits``" with the ids written in."""
    table = connection.ops.quote_name(Asset._meta.db_table)
    source = f"{table} INDEXED BY asset_credit_facets" if connection.vendor == "sqlite" else table
    return source, f"{table}.credit_id IN ({', '.join(str(int(pk)) for pk in credits)})"


def hit_rows_each(
    parts: Sequence[Hits], select: Expression | None = None, alias: str = "id"
) -> list[tuple[str, list]]:
    """Return hit_rows for each of ``parts``, ``select`` compiled once."""
    table = connection.ops.quote_name(Asset._meta.db_table)
    select_sql, params = compiled_select(select)
    statements = []
    for hits in parts:
        source, where = table, f"{table}.id = hit.id"
        if hits.credits is not None:
            source, credited = through_credits(hits.credits)
            where += f" AND {credited}"
        statements.append(
            (
                f"SELECT {select_sql} AS {alias} FROM ({hits.sql}) hit"
                f" CROSS JOIN {source} WHERE {where}",
                [*params, *hits.params],
            )
        )
    return statements


def credited_rows_each(
    credits: Sequence[int], ranges: Sequence[tuple[int, int]], select: Expression, alias: str
) -> list[tuple[str, list]]:
    """Return SQL giving ``select`` as ``alias`` for the assets credited to ``credits``, one
    statement per id range, each reading its part of the credits' range of the credit index.

    Written as a queryset filtered by the id range, SQLite scanned the whole id range instead
    (``credit:afp`` at 1M: 200 ms a part against 35 ms unsplit).
    """
    table = connection.ops.quote_name(Asset._meta.db_table)
    select_sql, params = compiled_select(select)
    source, credited = through_credits(credits)
    return [
        (
            f"SELECT {select_sql} AS {alias} FROM {source}"
            f" WHERE {credited} AND {table}.id BETWEEN %s AND %s",
            [*params, first, last],
        )
        for first, last in ranges
    ]


PageStatement = Callable[[int], "tuple[str, Sequence] | None"]


def facet_counts(
    matched: QuerySet,
    on: date | None = None,
    hits: Hits | None = None,
    beside: PageStatement | None = None,
    credits: tuple[int, ...] | None = None,
) -> tuple[int, dict[str, list[dict]], list]:
    """Count the matching assets, and them by credit, kind, licence status, claimant, article
    and year taken: one query grouping the hits, one joining them when few, two for labels.

    ``hits``, the same search's full-text hits (when no filter but a credit narrows them),
    has them read first rather than looked up in a list (see hit_rows); ``credits``, when
    ``matched`` are exactly the assets credited to them (no words, no other filter), lets a
    split count read each part of their range of the credit index. ``beside``, given
    the total, returns one more statement (a page of results) to run beside the joined
    counts; its rows come back third. On a large archive the hits' grouping is split by id
    range and run in parallel, then the joined counts beside that statement (see id_ranges).
    """
    nothing: tuple[int, dict[str, list[dict]], list] = (0, {n: [] for n in FACET_NAMES}, [])
    if hits is not None and hits.credits == ():
        return nothing
    ranges = id_ranges()
    try:
        if hits is not None:
            # The full-text index seeks to each range's hits.
            ids = hit_rows(hits) if hits.credits is not None else (hits.sql, hits.params)
            pieces = [hits.within(*pair) for pair in ranges] or [hits]
            keys = hit_rows_each(pieces, facet_key(on), "k")
        else:
            ids = matched.order_by().values("id").query.sql_with_params()
            if credits and ranges:
                keys = credited_rows_each(credits, ranges, facet_key(on), "k")
            else:
                # Other filters are not split: an id range beside them led SQLite to scan
                # the range instead of their index.
                query = matched.order_by().annotate(k=facet_key(on)).values("k").query
                keys = [query.sql_with_params()]
    except EmptyResultSet:
        return nothing
    parts = run_statements(
        [(FACET_SQL.format(hits=sql), params) for sql, params in keys], parallel=bool(ranges)
    )
    tallies: dict[str, Counter] = {name: Counter() for name in FACET_NAMES}
    for part, code, count in (row for rows in parts for row in rows):
        name, code = FACET_PARTS[part], int(code)
        value = {
            "credit": str(code or NO_CREDIT),
            "kind": KIND_NAMES.get(code),
            "licence_status": STATUS_NAMES.get(code),
            "year": str(code) if code else None,
        }[name]
        if value is not None:
            tallies[name][value] += int(count)
    total = sum(tallies["credit"].values())
    joined = []
    if 0 < total <= FACET_JOIN_LIMIT:
        # One statement for both: split in two beside the page, three statements on two
        # cores took longer (at 1M, one word: 8.6 ms against 6.6).
        joined = [(JOINED_FACET_SQL.format(hits=ids[0]), [*ids[1], FACET_SIZE, FACET_SIZE])]
    page = beside(total) if beside is not None else None
    results = run_statements([*joined, *([page] if page else [])], parallel=bool(ranges))
    for rows in results[: len(joined)]:
        for facet, value, count in rows:
            tallies[facet][value] += count
    grouped = {name: list(tally.items()) for name, tally in tallies.items()}
    grouped["credit"] = sorted(grouped["credit"], key=lambda row: (-row[1], row[0]))[:FACET_SIZE]
    credit_names = dict(
        Credit.objects.filter(pk__in=[int(v) for v, _ in grouped["credit"]]).values_list(
            "pk", "name"
        )
    )
    headlines = dict(
        Article.objects.filter(pk__in=[int(v) for v, _ in grouped["article"]]).values_list(
            "pk", "headline"
        )
    )
    kind_labels = dict(Asset.Kind.choices)
    labels = {
        "credit": lambda value: credit_names.get(int(value), "(no credit)"),
        "article": lambda value: headlines.get(int(value), value),
        "kind": lambda value: kind_labels.get(value, value),
    }
    facets: dict[str, list[dict]] = {}
    for name in FACET_NAMES:
        rows_for = sorted(grouped[name], key=lambda row: (-row[1], row[0]))
        if name == "year":
            rows_for = sorted(rows_for, key=lambda row: row[0], reverse=True)
        label = labels.get(name, lambda value: value)
        facets[name] = [
            {"value": value, "label": label(value), "count": count}
            for value, count in rows_for
            if count > 0
        ]
    return total, facets, results[-1] if page else []


FACET_NAMES = ("credit", "kind", "licence_status", "claimant", "article", "year")


def match_words(
    candidates: QuerySet, parsed: ParsedQuery, filters: SearchFilters | None = None
) -> tuple[QuerySet, tuple[Term, ...], Hits | None]:
    """Narrow ``candidates`` to the assets whose documents match the query's words.

    Returns the matching assets, the full-text terms used (the words and any credit
    prefilter) and, when there are words to find, the full-text hits (see Hits).
    """
    filters = filters or SearchFilters()
    if parsed.positive:
        chosen = chosen_credits(parsed.filters, filters)
        full_text = parsed.terms + credit_prefilters(chosen)
        sql, params = matching_sql(full_text)
        hits = Hits(sql, list(params), only_credits(parsed.filters, filters, chosen))
        return candidates.filter(id__in=RawSQL(sql, params)), full_text, hits
    if parsed.negative:
        sql, params = matching_sql(parsed.negative)
        return candidates.exclude(id__in=RawSQL(sql, params)), parsed.negative, None
    return candidates, (), None


def only_credits(
    terms: Sequence[FieldFilter], filters: SearchFilters, chosen: list[list[int]]
) -> tuple[int, ...] | None:
    """Return the credits a search is narrowed to when credits (``chosen``, see
    chosen_credits) are its only filter; ``None`` when it has no filter at all, or another
    filter narrows it too."""
    if any(term.field != "credit" or term.negated for term in terms):
        return None
    if any(name != "credit" for name in filters.active()) or str(filters.credit) == NO_CREDIT:
        return None
    return tuple(sorted(set.intersection(*map(set, chosen)))) if chosen else None


def admin_search(assets: QuerySet, text: str) -> QuerySet:
    """Narrow ``assets`` as the admin's search box asks, through the full-text index.

    The same query language as /search/, every word also taken as a prefix (the box is
    used to look an asset up while typing, as in the autocomplete of other forms); a
    number also finds the asset with that id and a SHA-256 the file with that checksum.
    The Django admin's own way (``icontains`` over the fields) reads every row: seconds
    per keystroke on a large archive.
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
    matched, _, _ = match_words(narrowed, parsed)
    number = record_id(text.lstrip("#"))
    if number is not None:
        # The asset with that number first (where the caller keeps this order, as the
        # autocomplete does), then the words' matches newest first.
        first = Case(When(pk=number, then=Value(0)), default=Value(1))
        found = assets.filter(Q(pk=number) | Q(pk__in=matched.values("pk")))
        return found.order_by(first, "-pk")
    return matched


def search_assets(
    text: str,
    filters: SearchFilters | None = None,
    *,
    page: int = 1,
    per_page: int = PER_PAGE,
    with_facets: bool = True,
    on: date | None = None,
) -> SearchResults:
    """Run a search: parse ``text``, apply filters, rank or order by newest, count facets."""
    parsed = parse_query(text)
    messages = list(parsed.messages)
    candidates = filtered_assets(filters or SearchFilters(), on=on)
    for term in parsed.filters:
        candidates = apply_field_filter(candidates, term, messages, on)
    narrowed = bool(parsed.filters) or bool((filters or SearchFilters()).active())
    matched, full_text, hits = match_words(candidates, parsed, filters)
    if narrowed and hits is not None and hits.credits is None:
        # A filter other than a credit may be much narrower than the words: the database
        # chooses which to read first. (Unfiltered, the hits are the matches; narrowed by a
        # credit, they were narrowed by its name in the full-text index already.)
        hits = None

    def paging(total: int) -> tuple[int, int]:
        """Return the number of pages and the page shown (the last when past it)."""
        pages = max(1, -(-total // per_page))
        return pages, min(max(1, page), pages)

    def page_of(total: int) -> tuple[str, Sequence] | None:
        """Return the statement giving the ids of the page shown."""
        offset = (paging(total)[1] - 1) * per_page
        if parsed.positive:
            return page_statement(
                full_text,
                candidates if narrowed else None,
                ranked=total <= RANK_LIMIT,
                offset=offset,
                limit=per_page,
            )
        # Newest archived first: ids grow with created_at, and the id order lets the
        # database walk the primary key backwards and stop after one page.
        newest = matched.order_by("-id").values("id")[offset : offset + per_page]
        try:
            return newest.query.sql_with_params()
        except EmptyResultSet:
            return None

    credits_only = None
    if hits is None and not parsed.terms:
        chosen = filters or SearchFilters()
        credits_only = only_credits(parsed.filters, chosen, chosen_credits(parsed.filters, chosen))
    if with_facets:
        total, facets, rows = facet_counts(matched, on, hits, beside=page_of, credits=credits_only)
        chosen = filters or SearchFilters()
        for name, value in (("claimant", chosen.claimant), ("article", chosen.article)):
            if value:
                # An asset may have several claimants and articles: the others' counts
                # here are of the chosen one's assets, but their links replace the choice,
                # which would show a different number. Shown like the credit facet: the
                # chosen value alone.
                facets[name] = [row for row in facets[name] if row["value"] == str(value)]
    else:
        total, facets = matched.count(), {}
        statement = page_of(total)
        rows = fetch_rows(*statement) if statement else []
    ids = [row[0] for row in rows]
    num_pages, page = paging(total)
    ranked = bool(parsed.positive) and total <= RANK_LIMIT
    if parsed.positive and not ranked:
        messages.append(
            f"{total:,} matches: too many to rank by relevance, so the newest come first. "
            "Add a word or a filter to narrow them."
        )
    if with_facets and total > FACET_JOIN_LIMIT:
        messages.append(
            f"Claimant and article counts are shown for searches of up to {FACET_JOIN_LIMIT:,} "
            "matches."
        )
    by_id = {asset.pk: asset for asset in result_queryset(on).filter(pk__in=ids)}
    assets = [by_id[pk] for pk in ids if pk in by_id]
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
    )


def filters_from_params(params) -> SearchFilters:
    """Read filters from request parameters, ignoring values that mean nothing."""

    def number(name: str) -> int | None:
        return record_id(params.get(name) or "")

    def day(name: str) -> date | None:
        try:
            return date.fromisoformat((params.get(name) or "").strip())
        except ValueError:
            return None

    kind = (params.get("kind") or "").strip()
    status = (params.get("licence_status") or "").strip()
    return SearchFilters(
        credit=(params.get("credit") or "").strip()[:200],
        kind=kind if kind in Asset.Kind.values else "",
        licence_status=status if status in LICENCE_STATUSES else "",
        claimant=(params.get("claimant") or "").strip()[:300],
        claim=number("claim"),
        article=number("article"),
        date_from=day("date_from"),
        date_to=day("date_to"),
    )


def page_number(params) -> int:
    """Read the page number, 1 when missing or nonsense."""
    value = (params.get("page") or "").strip()
    return int(value) if value.isdigit() and len(value) < 9 else 1
