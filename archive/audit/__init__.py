"""The licence audit: rules as pure functions over plain data, and the report's rows.

The rules (``evaluate`` and the helpers it calls) take frozen dataclasses and return findings;
they never touch the database, so they are tested on their own and are the single source of
truth. Everything below the "Database" line only gathers those plain facts in a constant
number of queries (chunk by chunk for exports) and, for the summary counts at scale, computes
the findings in SQL with annotations that mirror the rules (a test checks that both agree on
a mixed archive); ``credit_mismatch`` compares the credit keys stored on save, resolved
through the alias table, and leaves to the rules only assets printed with a bare credit line.

Time-based findings (``expired``, ``expiring``) are computed when asked, from today's date:
nothing is stored, so they never go stale.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import islice
from typing import Any

from django import forms

from archive.text import MAX_ID, credit_key, record_id

MISSING = "missing"
EXPIRED = "expired"
EXPIRING = "expiring"
UNVERIFIED = "unverified"
EMBED_ONLY = "embed_only"
CREDIT_MISMATCH = "credit_mismatch"
DUPLICATE_CONFLICT = "duplicate_conflict"
UNKNOWN_CREDIT = "unknown_credit"
OK = "ok"

HIGH, MEDIUM, LOW, NONE = "high", "medium", "low", "none"

# Order is the order of the report's columns and of an asset's findings.
SEVERITY: dict[str, str] = {
    MISSING: HIGH,
    EXPIRED: HIGH,
    EMBED_ONLY: HIGH,
    EXPIRING: MEDIUM,
    CREDIT_MISMATCH: MEDIUM,
    DUPLICATE_CONFLICT: MEDIUM,
    UNVERIFIED: LOW,
    UNKNOWN_CREDIT: LOW,
    OK: NONE,
}
FINDINGS: tuple[str, ...] = tuple(SEVERITY)
LABELS: dict[str, str] = {
    MISSING: "No licence",
    EXPIRED: "Licence expired",
    EMBED_ONLY: "Embed-only, yet stored and published",
    EXPIRING: "Licence expiring soon",
    CREDIT_MISMATCH: "Credit mismatch",
    DUPLICATE_CONFLICT: "Look-alike credited elsewhere",
    UNVERIFIED: "Licence unverified",
    UNKNOWN_CREDIT: "Unknown or unreviewed credit",
    OK: "OK",
}
SEVERITY_RANK = {HIGH: 0, MEDIUM: 1, LOW: 2, NONE: 3}

SOCIAL_EMBED = "social_embed"
UNKNOWN_KIND = "unknown"


@dataclass(frozen=True, slots=True)
class LicenceFacts:
    id: int
    licence_type: str
    licensor: str = ""
    starts_on: date | None = None
    expires_on: date | None = None
    verified: bool = False


@dataclass(frozen=True, slots=True)
class PlacementFacts:
    article_id: int
    credit_id: int | None = None
    credit_line: str = ""


@dataclass(frozen=True, slots=True)
class AssetFacts:
    id: int
    credit_id: int | None = None
    credit_name: str = ""
    credit_kind: str = UNKNOWN_KIND
    credit_reviewed: bool = False
    embedded_credit: str = ""
    stored: bool = True
    licences: tuple[LicenceFacts, ...] = ()
    placements: tuple[PlacementFacts, ...] = ()
    # Credits of the asset it looks like and of the assets that look like it.
    look_alike_credit_ids: tuple[int | None, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str
    detail: str = ""
    licence_id: int | None = None

    @property
    def severity(self) -> str:
        return SEVERITY[self.kind]

    @property
    def label(self) -> str:
        return LABELS[self.kind]


# --------------------------------------------------------------------------------------------
# Rules


def in_force(licence: LicenceFacts, today: date) -> bool:
    """Return whether the licence covers ``today`` (an expiry date is the last valid day)."""
    started = licence.starts_on is None or licence.starts_on <= today
    return started and (licence.expires_on is None or licence.expires_on >= today)


def licence_findings(
    licences: Iterable[LicenceFacts],
    *,
    today: date,
    warning_days: int,
    stored: bool,
    placed: bool,
) -> list[Finding]:
    """Return the missing, expired, expiring, unverified and embed-only findings."""
    licences = list(licences)
    findings: list[Finding] = []
    current = [lic for lic in licences if in_force(lic, today)]
    expired = [lic for lic in licences if lic.expires_on is not None and lic.expires_on < today]
    if not current and not expired:
        later = [lic for lic in licences if lic.starts_on and lic.starts_on > today]
        detail = (
            f"only a licence starting {min(lic.starts_on for lic in later).isoformat()}"
            if later
            else "no licence recorded"
        )
        findings.append(Finding(MISSING, detail, later[0].id if later else None))
    elif not current:
        last = max(expired, key=lambda lic: lic.expires_on)
        findings.append(Finding(EXPIRED, f"expired {last.expires_on.isoformat()}", last.id))
    else:
        horizon = today + timedelta(days=warning_days)
        if all(lic.expires_on is not None and lic.expires_on <= horizon for lic in current):
            last = max(current, key=lambda lic: lic.expires_on)
            days = (last.expires_on - today).days
            findings.append(
                Finding(EXPIRING, f"expires {last.expires_on.isoformat()} ({days} d)", last.id)
            )
    if licences and not any(lic.verified for lic in licences):
        findings.append(Finding(UNVERIFIED, "no licence has been verified", licences[0].id))
    embeds = [lic for lic in licences if lic.licence_type == SOCIAL_EMBED]
    if (
        embeds
        and stored
        and placed
        and not any(lic.licence_type != SOCIAL_EMBED for lic in current)
    ):
        findings.append(
            Finding(
                EMBED_ONLY,
                "the licence allows embedding the post only, yet the file is stored and placed",
                embeds[0].id,
            )
        )
    return findings


_PRINTED = re.compile(
    r"^\s*\(?\s*(?:images?|pictures?|photos?|pics?|video|credit|source)\s*:\s*(?P<name>.*?)\s*\)?\s*$",
    re.IGNORECASE,
)


def printed_credit_name(credit_line: str) -> str:
    """Return the name in a printed credit line: ``(Image: GETTY)`` gives ``GETTY``."""
    match = _PRINTED.match(credit_line or "")
    return (match["name"] if match else credit_line or "").strip()


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return next((text for text in map(_text, value) if text), "")
    if isinstance(value, dict):
        return _text(value.get("x-default")) or next(
            (text for text in map(_text, value.values()) if text), ""
        )
    return ""


def embedded_credit(raw: Mapping[str, Any] | None) -> str:
    """Return the credit embedded in a file (XMP ``photoshop:Credit``, else IPTC ``Credit``)."""
    raw = raw or {}
    return _text((raw.get("xmp") or {}).get("photoshop:Credit")) or _text(
        (raw.get("iptc") or {}).get("Credit")
    )


@lru_cache(maxsize=65536)
def _key(text: str) -> str:
    return credit_key(text)


def credit_identity(text: str, aliases: Mapping[str, int]) -> int | str | None:
    """Return the credit id a name resolves to through aliases, else its key; None if blank."""
    key = _key(text or "")
    if not key:
        return None
    return aliases.get(key, f"?{key}")


def credit_mismatch(facts: AssetFacts, aliases: Mapping[str, int]) -> Finding | None:
    """Return a credit_mismatch finding when the credit, printed lines, licensors and the
    embedded credit do not all name the same credit (through aliases), else None."""
    named: dict[int | str, list[str]] = defaultdict(list)
    if facts.credit_id is not None:
        named[facts.credit_id].append(f"credit {facts.credit_name}")
    for placement in facts.placements:
        printed = printed_credit_name(placement.credit_line)
        identity = placement.credit_id or credit_identity(printed, aliases)
        if identity is not None:
            named[identity].append(f"printed {printed or placement.credit_line}")
    for licence in facts.licences:
        identity = credit_identity(licence.licensor, aliases)
        if identity is not None:
            named[identity].append(f"licensor {licence.licensor}")
    identity = credit_identity(facts.embedded_credit, aliases)
    if identity is not None:
        named[identity].append(f"embedded {facts.embedded_credit}")
    if len(named) <= 1:
        return None
    names = sorted({name for group in named.values() for name in group})
    return Finding(CREDIT_MISMATCH, "; ".join(names))


def credit_findings(facts: AssetFacts, aliases: Mapping[str, int]) -> list[Finding]:
    """Return the credit_mismatch, duplicate_conflict and unknown_credit findings."""
    findings: list[Finding] = []
    mismatch = credit_mismatch(facts, aliases)
    if mismatch is not None:
        findings.append(mismatch)
    if facts.credit_id is not None and any(
        other is not None and other != facts.credit_id for other in facts.look_alike_credit_ids
    ):
        findings.append(Finding(DUPLICATE_CONFLICT, "a look-alike is credited to another credit"))
    if facts.credit_id is None:
        findings.append(Finding(UNKNOWN_CREDIT, "no credit"))
    elif not facts.credit_reviewed:
        findings.append(Finding(UNKNOWN_CREDIT, f"credit {facts.credit_name} is unreviewed"))
    elif facts.credit_kind == UNKNOWN_KIND:
        findings.append(Finding(UNKNOWN_CREDIT, f"credit {facts.credit_name} is of unknown kind"))
    return findings


def evaluate(
    facts: AssetFacts, *, today: date, warning_days: int, aliases: Mapping[str, int]
) -> list[Finding]:
    """Return an asset's findings in report order, or a single ``ok`` finding."""
    findings = licence_findings(
        facts.licences,
        today=today,
        warning_days=warning_days,
        stored=facts.stored,
        placed=bool(facts.placements),
    ) + credit_findings(facts, aliases)
    if not findings:
        return [Finding(OK)]
    order = {kind: index for index, kind in enumerate(FINDINGS)}
    return sorted(findings, key=lambda finding: order[finding.kind])


def worst_severity(findings: Iterable[Finding]) -> str:
    """Return the most severe severity among findings (``none`` for ok)."""
    return min((f.severity for f in findings), key=SEVERITY_RANK.__getitem__, default=NONE)


# --------------------------------------------------------------------------------------------
# Database: gathering facts, report rows, SQL flags for the summary

CSV_COLUMNS: tuple[str, ...] = (
    "asset_id",
    "title",
    "kind",
    "credit",
    "finding",
    "severity",
    "detail",
    "licence_id",
    "article_ids",
    "asset_url",
    "fix_url",
)


@dataclass(frozen=True)
class ReportFilters:
    credit: str = ""
    finding: str = ""
    article: int | None = None
    published_from: date | None = None
    published_to: date | None = None


@dataclass
class AssetReport:
    """One asset's line in the report: what it is and its findings."""

    id: int
    title: str
    kind: str
    credit_id: int | None
    credit_name: str
    article_ids: tuple[int, ...]
    findings: list[Finding] = field(default_factory=list)

    @property
    def severity(self) -> str:
        return worst_severity(self.findings)

    def links(self) -> list[tuple[Finding, str]]:
        """Return each finding with the admin URL that fixes it."""
        return [(finding, fix_url(self, finding)) for finding in self.findings]


_URLS: dict[str, str] = {}


def _url(name: str, pk: int | str) -> str:
    """Return ``reverse(name, args=[pk])``, reversing each name once (the CSV calls it 100k times)."""
    template = _URLS.get(name)
    if template is None:
        from django.urls import reverse

        template = _URLS[name] = reverse(name, args=[123456789]).replace("123456789", "{}")
    return template.format(pk)


def fix_url(report: AssetReport, finding: Finding) -> str:
    """Return the admin page that fixes a finding (a licence, an asset or a credit)."""
    if finding.kind == MISSING and finding.licence_id is None:
        add = _URLS.get("licence-add")
        if add is None:
            from django.urls import reverse

            add = _URLS["licence-add"] = reverse("admin:archive_licence_add")
        return f"{add}?asset={report.id}"
    if finding.licence_id is not None:
        return _url("admin:archive_licence_change", finding.licence_id)
    if finding.kind == UNKNOWN_CREDIT and report.credit_id is not None:
        return _url("admin:archive_credit_change", report.credit_id)
    return _url("admin:archive_asset_change", report.id)


def csv_rows(report: AssetReport, only: str = "") -> Iterator[list[Any]]:
    """Yield the report's CSV lines for one asset: one per finding (``only`` keeps one kind)."""
    articles = " ".join(str(pk) for pk in report.article_ids)
    asset_url = _url("archive:asset-detail", report.id)
    for finding in report.findings:
        if only and finding.kind != only:
            continue
        yield [
            report.id,
            report.title,
            report.kind,
            report.credit_name,
            finding.kind,
            finding.severity,
            finding.detail,
            finding.licence_id or "",
            articles,
            asset_url,
            fix_url(report, finding),
        ]


def json_row(report: AssetReport, only: str = "") -> Iterator[dict[str, Any]]:
    """Yield the same lines as ``csv_rows`` as dictionaries keyed by the CSV columns."""
    for row in csv_rows(report, only):
        item = dict(zip(CSV_COLUMNS, row, strict=True))
        item["licence_id"] = item["licence_id"] or None
        item["article_ids"] = list(report.article_ids)
        yield item


ASSET_VALUES = (
    "id",
    "title",
    "kind",
    "file",
    "credit_id",
    "credit__name",
    "credit__kind",
    "credit__reviewed",
    "near_duplicate_of__credit_id",
    # Read from the metadata by ``embedded_credit`` when the asset was saved: no JSON here.
    "embedded_credit",
)


def _asset_values(queryset):
    """Select the compact row the rules need."""
    return queryset.values(*ASSET_VALUES)


def alias_map() -> dict[str, int]:
    """Return every alias key with its credit id (one query)."""
    from archive.models import CreditAlias

    return dict(CreditAlias.objects.values_list("key", "credit_id"))


def _among(field: str, ids: list[int]):
    """Return a filter on ``field`` for a chunk of ids: a range when they are dense (a range is
    far cheaper to build and run than 2,000 parameters; rows outside the chunk are ignored)."""
    from django.db.models import Q

    if ids and max(ids) - min(ids) < 2 * len(ids):
        return Q(**{f"{field}__gte": min(ids), f"{field}__lte": max(ids)})
    return Q(**{f"{field}__in": ids})


def gather(rows: list[dict[str, Any]], aliases: Mapping[str, int]) -> list[tuple[AssetFacts, dict]]:
    """Return the facts of a chunk of asset rows, in three queries whatever its size."""
    from archive.models import Asset, Licence, Placement

    ids = [row["id"] for row in rows]
    licences: dict[int, list[LicenceFacts]] = defaultdict(list)
    for lic in (
        Licence.objects.filter(_among("asset_id", ids))
        .order_by("id")
        .values_list(
            "asset_id", "id", "licence_type", "licensor", "starts_on", "expires_on", "verified_at"
        )
    ):
        licences[lic[0]].append(
            LicenceFacts(lic[1], lic[2], lic[3], lic[4], lic[5], lic[6] is not None)
        )
    placements: dict[int, list[PlacementFacts]] = defaultdict(list)
    for asset_id, article_id, credit_id, credit_line in (
        Placement.objects.filter(_among("asset_id", ids))
        .order_by("article_id", "position")
        .values_list("asset_id", "article_id", "credit_id", "credit_line")
    ):
        placements[asset_id].append(PlacementFacts(article_id, credit_id, credit_line))
    look_alikes: dict[int, list[int | None]] = defaultdict(list)
    for original, credit_id in Asset.objects.filter(
        _among("near_duplicate_of_id", ids)
    ).values_list("near_duplicate_of_id", "credit_id"):
        look_alikes[original].append(credit_id)
    gathered = []
    for row in rows:
        pk = row["id"]
        others = look_alikes.get(pk, [])
        if row["near_duplicate_of__credit_id"] is not None:
            others = [row["near_duplicate_of__credit_id"], *others]
        facts = AssetFacts(
            id=pk,
            credit_id=row["credit_id"],
            credit_name=row["credit__name"] or "",
            credit_kind=row["credit__kind"] or UNKNOWN_KIND,
            credit_reviewed=bool(row["credit__reviewed"]),
            embedded_credit=row["embedded_credit"] or "",
            stored=bool(row["file"]),
            licences=tuple(licences.get(pk, ())),
            placements=tuple(placements.get(pk, ())),
            look_alike_credit_ids=tuple(others),
        )
        gathered.append((facts, row))
    return gathered


def build_reports(
    rows: list[dict[str, Any]], *, today: date, warning_days: int, aliases: Mapping[str, int]
) -> list[AssetReport]:
    """Evaluate the rules on a chunk of asset rows and return their report lines."""
    reports = []
    for facts, row in gather(rows, aliases):
        reports.append(
            AssetReport(
                id=facts.id,
                title=row["title"],
                kind=row["kind"],
                credit_id=facts.credit_id,
                credit_name=facts.credit_name,
                article_ids=tuple(dict.fromkeys(p.article_id for p in facts.placements)),
                findings=evaluate(facts, today=today, warning_days=warning_days, aliases=aliases),
            )
        )
    return reports


def chunked(iterable: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Yield lists of at most ``size`` items."""
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def iter_reports(
    queryset, *, today: date, warning_days: int, chunk_size: int = 2000
) -> Iterator[AssetReport]:
    """Stream report lines for a queryset of assets, a constant number of queries per chunk."""
    aliases = alias_map()
    rows = _asset_values(queryset).iterator(chunk_size=chunk_size)
    for chunk in chunked(rows, chunk_size):
        yield from build_reports(chunk, today=today, warning_days=warning_days, aliases=aliases)


def findings_for_asset(asset_id: int, *, today: date | None = None) -> list[Finding]:
    """Return one asset's findings (the status shown on its page)."""
    return findings_for_assets([asset_id], today=today).get(asset_id, [])


def findings_for_assets(
    asset_ids: Iterable[int], *, today: date | None = None
) -> dict[int, list[Finding]]:
    """Return the findings of a page of assets (search results), in a fixed number of queries."""
    from django.conf import settings
    from django.utils import timezone

    from archive.models import Asset

    rows = list(_asset_values(Asset.objects.filter(pk__in=list(asset_ids))))
    if not rows:
        return {}
    reports = build_reports(
        rows,
        today=today or timezone.localdate(),
        warning_days=settings.ARCHIVE_EXPIRY_WARNING_DAYS,
        aliases=alias_map(),
    )
    return {report.id: report.findings for report in reports}


# The SQL mirror of the rules, for counting and filtering at scale: one row per asset with a
# 0/1 column per finding, in one pass over the assets (each asset's licences and placements
# read through their asset indexes by correlated subqueries, each folded into one integer of
# bits), so 100k assets are counted without building and joining a grouped table.
# ``credit_mismatch`` compares the
# matching keys stored when a licence or an asset is saved (``Licence.licensor_key``,
# ``Asset.embedded_credit_key``), resolved to credits through the alias table: the column is
# exact, except that a placement printed with no credit record (only a credit line) needs the
# rule's parsing of the line: such assets are flagged ``mismatch_undecided`` and the rules
# decide them. A test checks that this mirror and the rules agree on a mixed archive.
FLAG = {
    MISSING: "missing",
    EXPIRED: "expired",
    EXPIRING: "expiring",
    UNVERIFIED: "unverified",
    EMBED_ONLY: "embed_only",
    DUPLICATE_CONFLICT: "duplicate_conflict",
    UNKNOWN_CREDIT: "unknown_credit",
}
MISMATCH = "credit_mismatch"  # 1: certain (more names cannot make the names agree again)
UNDECIDED = "mismatch_undecided"  # 1: a printed line without a credit record; the rules decide
# Conditions over the flag table's columns.
MISMATCH_CERTAIN = f"{MISMATCH} = 1"
MISMATCH_TO_DECIDE = f"{MISMATCH} = 0 AND {UNDECIDED} = 1"
# An asset's licences folded into one integer (NULL when it has none), from its stored facts.
# The two low bits: the best licence's state today, in this order: 0 none in force nor
# expired (one starts later), 1 expired, 2 in force but ending within the warning horizon,
# 3 in force beyond it. Then: one was verified; a social embed is held (``embed``) unless
# another type is in force (``other_in_force``, which wins); a licensor does not name the
# asset's credit.
LICENCE_STATE = {"none": 0, "expired": 1, "expiring": 2, "lasting": 3}
LICENCE_BITS = {"state": 3, "verified": 4, "embed": 8, "other_in_force": 16, "odd_licensor": 32}


def _compiled(queryset) -> tuple[str, tuple]:
    sql, params = queryset.query.sql_with_params()
    return sql, tuple(params)


def flag_table(assets, *, today: date, warning_days: int) -> tuple[str, tuple]:
    """Return the common table expressions (and params) ending in ``flags``: for each
    selected asset its id, credit_id, a 0/1 column per SQL finding (see ``FLAG``) and the two
    credit-mismatch columns (``MISMATCH``, ``UNDECIDED``).

    One pass over the assets in id order, through the covering index ``asset_audit_facts``:
    what the audit needs of each asset's licences and placements is stored on the asset
    (``AUDIT_FACT_FIELDS`` and the licence window, kept by signals), and only what those
    leave open is read from the licence rows (a gap between licences, an embed licence
    beside another type, several licensors), a minority of assets. Nothing stored names a
    credit: licensors and embedded credits are compared by their stored keys, looked up in
    the alias table's unique index now, so merged credits and edited aliases count at once.
    Look-alike conflicts and bare printed lines are short lists read once.
    """
    from django.db import connection

    from archive.models import Asset, Credit, CreditAlias, Licence, Placement

    q = connection.ops.quote_name
    day = connection.ops.adapt_datefield_value
    asset, licence = q(Asset._meta.db_table), q(Licence._meta.db_table)
    alias, credit = q(CreditAlias._meta.db_table), q(Credit._meta.db_table)
    placement = q(Placement._meta.db_table)
    pk, asset_id, credit_id, key = q("id"), q("asset_id"), q("credit_id"), q("key")
    licensor_key, embedded_key = q("licensor_key"), q("embedded_credit_key")
    starts, expires, copy_of = q("starts_on"), q("expires_on"), q("near_duplicate_of_id")
    kind = q("licence_type")
    current = (
        f"(l.{starts} IS NULL OR l.{starts} <= %s) AND (l.{expires} IS NULL OR l.{expires} >= %s)"
    )
    b, state = LICENCE_BITS, LICENCE_STATE

    def state_of(start: str, expiry: str) -> str:
        return f"""CASE WHEN ({start} IS NULL OR {start} <= %s) AND ({expiry} IS NULL OR {expiry} >= %s)
                 THEN CASE WHEN {expiry} IS NULL OR {expiry} > %s
                           THEN {state["lasting"]} ELSE {state["expiring"]} END
               WHEN {expiry} < %s THEN {state["expired"]}
               ELSE {state["none"]} END"""

    today_, horizon = day(today), day(today + timedelta(days=warning_days))
    state_params = (today_, today_, horizon, today_)
    # Read from what is stored on the asset (``AUDIT_FACT_FIELDS`` and the licence window):
    # the licences are read only for the few assets the stored facts leave open (licences
    # with a gap or staggered ends; a social embed beside another type; several licensors).
    window = state_of(f"a.{q('licence_starts_on')}", f"a.{q('licence_expires_on')}")
    licence_bits = f"""CASE WHEN a.{q("licence_count")} = 0 THEN NULL ELSE
          CASE WHEN a.{q("licence_window_single")} THEN {window}
               ELSE (SELECT MAX({state_of(f"l.{starts}", f"l.{expires}")}) FROM {licence} l
                     WHERE l.{asset_id} = a.{pk}) END
          + CASE WHEN a.{q("licence_verified")} THEN {b["verified"]} ELSE 0 END
          + CASE a.{q("licence_kinds")} WHEN 1 THEN {b["embed"]}
                 WHEN 3 THEN CASE WHEN EXISTS (
                        SELECT 1 FROM {licence} l WHERE l.{asset_id} = a.{pk}
                        AND l.{kind} <> '{SOCIAL_EMBED}' AND {current})
                   THEN {b["other_in_force"]} ELSE {b["embed"]} END
                 ELSE 0 END
          + CASE WHEN a.{q("licence_licensors")} = 0 THEN 0
                 WHEN a.{q("licence_licensors")} = 1 THEN
                   CASE WHEN lk.{credit_id} IS NULL OR lk.{credit_id} <> a.{credit_id}
                        THEN {b["odd_licensor"]} ELSE 0 END
                 WHEN EXISTS (
                        SELECT 1 FROM {licence} l LEFT JOIN {alias} k ON k.{key} = l.{licensor_key}
                        WHERE l.{asset_id} = a.{pk} AND l.{licensor_key} <> ''
                        AND (k.{credit_id} IS NULL OR k.{credit_id} <> a.{credit_id}))
                   THEN {b["odd_licensor"]} ELSE 0 END
        END"""
    licence_params = (*state_params, *state_params, today_, today_)
    # 1 when placed, 3 when printed under another credit record, else NULL.
    printed = q("printed_credits")
    placement_bits = f"""CASE WHEN a.{q("placement_count")} = 0 THEN NULL
          WHEN a.{printed} > 1 OR (a.{printed} = 1 AND a.{q("printed_credit_id")} <> a.{credit_id})
          THEN 3 ELSE 1 END"""
    # Look-alike pairs credited to two different credits (2% of assets have a look-alike).
    conflicting = f"""FROM {asset} dup JOIN {asset} original ON original.{pk} = dup.{copy_of}
          WHERE dup.{copy_of} > 0 AND original.{credit_id} <> dup.{credit_id}"""
    selected_sql, selected_params = _compiled(assets.order_by().values("id"))
    # Else the whole archive: no need to list every id.
    where = f"WHERE a.{pk} IN ({selected_sql})" if assets.query.where else ""
    where_params = selected_params if assets.query.where else ()

    def bits(mask: int, equal: int) -> str:
        return f"(COALESCE(licence_bits, 0) & {mask}) = {equal}"

    def in_state(name: str) -> str:
        return bits(b["state"], state[name])

    embed = b["embed"] | b["other_in_force"]
    sql = f"""
        uncredited_names AS MATERIALIZED (
          SELECT p.{asset_id} AS id, p.{credit_id} AS resolved, NULL AS unresolved
          FROM {placement} p JOIN {asset} a ON a.{pk} = p.{asset_id}
          WHERE a.{credit_id} IS NULL AND p.{credit_id} IS NOT NULL
          UNION ALL
          SELECT l.{asset_id}, k.{credit_id},
                 CASE WHEN k.{credit_id} IS NULL THEN l.{licensor_key} END
          FROM {licence} l JOIN {asset} a ON a.{pk} = l.{asset_id}
          LEFT JOIN {alias} k ON k.{key} = l.{licensor_key}
          WHERE a.{credit_id} IS NULL AND l.{licensor_key} <> ''
          UNION ALL
          SELECT a.{pk}, k.{credit_id}, CASE WHEN k.{credit_id} IS NULL THEN a.{embedded_key} END
          FROM {asset} a LEFT JOIN {alias} k ON k.{key} = a.{embedded_key}
          WHERE a.{credit_id} IS NULL AND a.{embedded_key} <> ''
        ),
        uncredited_mismatched AS MATERIALIZED (
          SELECT id FROM uncredited_names GROUP BY id
          HAVING COUNT(DISTINCT resolved) + COUNT(DISTINCT unresolved) > 1
        ),
        facts AS MATERIALIZED (
          SELECT a.{pk} AS id, a.{credit_id} AS credit_id,
            CASE WHEN a.{q("file")} <> '' THEN 1 ELSE 0 END AS stored,
            {licence_bits} AS licence_bits,
            {placement_bits} AS placement_bits,
            CASE WHEN a.{pk} IN (SELECT dup.{pk} {conflicting})
                      OR a.{pk} IN (SELECT dup.{copy_of} {conflicting})
                 THEN 1 ELSE 0 END AS look_alike_conflict,
            CASE WHEN a.{credit_id} IS NULL OR a.{credit_id} IN (
                        SELECT c.{pk} FROM {credit} c
                        WHERE NOT c.{q("reviewed")} OR c.{q("kind")} = '{UNKNOWN_KIND}')
                 THEN 1 ELSE 0 END AS unknown_credit,
            CASE WHEN a.{credit_id} IS NOT NULL AND a.{embedded_key} <> ''
                      AND (e.{credit_id} IS NULL OR e.{credit_id} <> a.{credit_id})
                 THEN 1 ELSE 0 END AS odd_embedded,
            CASE WHEN a.{credit_id} IS NULL
                      AND a.{pk} IN (SELECT id FROM uncredited_mismatched)
                 THEN 1 ELSE 0 END AS uncredited_mismatch,
            -- Printed with only a credit line: the rule parses it (``printed_credit_name``).
            CASE WHEN a.{q("printed_line_only")} THEN 1 ELSE 0 END AS printed_only
          FROM {asset} a
          LEFT JOIN {alias} e ON e.{key} = a.{embedded_key}
          LEFT JOIN {alias} lk ON lk.{key} = a.{q("licence_licensor_key")}
          {where}
        ),
        flags AS (
        SELECT id, credit_id,
          CASE WHEN {in_state("none")} THEN 1 ELSE 0 END AS {FLAG[MISSING]},
          CASE WHEN {in_state("expired")} THEN 1 ELSE 0 END AS {FLAG[EXPIRED]},
          CASE WHEN {in_state("expiring")} THEN 1 ELSE 0 END AS {FLAG[EXPIRING]},
          CASE WHEN licence_bits IS NOT NULL AND {bits(b["verified"], 0)}
               THEN 1 ELSE 0 END AS {FLAG[UNVERIFIED]},
          CASE WHEN stored = 1 AND placement_bits IS NOT NULL
                    AND {bits(embed, b["embed"])}
               THEN 1 ELSE 0 END AS {FLAG[EMBED_ONLY]},
          look_alike_conflict AS {FLAG[DUPLICATE_CONFLICT]},
          unknown_credit AS {FLAG[UNKNOWN_CREDIT]},
          CASE WHEN credit_id IS NOT NULL AND (
                      placement_bits = 3 OR odd_embedded = 1
                      OR {bits(b["odd_licensor"], b["odd_licensor"])})
                 OR uncredited_mismatch = 1
               THEN 1 ELSE 0 END AS {MISMATCH},
          printed_only AS {UNDECIDED}
        FROM facts
        )
    """
    return sql, (*licence_params, *where_params)


def _clean_condition() -> str:
    return " AND ".join(f"{column} = 0" for column in FLAG.values())


def assets_flagged(assets, condition: str, *, today: date, warning_days: int):
    """Return the assets whose flag-table row meets ``condition`` (SQL over the flag columns)."""
    from django.db.models.expressions import RawSQL

    from archive.models import Asset

    table, params = flag_table(assets, today=today, warning_days=warning_days)
    ids = RawSQL(f"SELECT id FROM (WITH {table} SELECT id FROM flags WHERE {condition}) f", params)
    return Asset.objects.filter(id__in=ids).order_by("id")


NO_CREDIT = "0"  # the credit filter's value for assets with no credit (ids start at 1)


def filtered_assets(filters: ReportFilters):
    """Return the assets the filters select (credit, article, publication dates), by id."""
    from django.db.models import Exists, OuterRef

    from archive.models import Asset, Credit, Placement

    assets = Asset.objects.all()
    if filters.credit == NO_CREDIT:
        assets = assets.filter(credit__isnull=True)
    elif filters.credit:
        if filters.credit.isdigit():
            # An id too big to exist names no credit (and would overflow the query).
            assets = assets.filter(credit_id=record_id(filters.credit) or -1)
        else:
            assets = assets.filter(
                credit__in=Credit.objects.filter(aliases__key=credit_key(filters.credit))
            )
    placements = Placement.objects.filter(asset=OuterRef("pk"))
    if filters.article:
        placements = placements.filter(article_id=filters.article)
    if filters.published_from:
        placements = placements.filter(article__published_on__gte=filters.published_from)
    if filters.published_to:
        placements = placements.filter(article__published_on__lte=filters.published_to)
    if filters.article or filters.published_from or filters.published_to:
        assets = assets.filter(Exists(placements))
    return assets.order_by("id")


@dataclass
class CreditCounts:
    credit_id: int | None
    credit_name: str
    total: int
    counts: dict[str, int]

    def cells(self) -> list[tuple[str, int]]:
        """Return (finding, count) in report order."""
        return [(kind, self.counts.get(kind, 0)) for kind in FINDINGS]


@dataclass
class Summary:
    credits: list[CreditCounts]
    totals: dict[str, int]
    total: int
    # Assets the rules decided (see ``UNDECIDED``): the mismatched ones, and the ok ones.
    mismatch_ids: list[int]
    ok_candidate_ids: set[int]

    def bars(self, width: int = 400) -> list[dict[str, Any]]:
        """Return the chart's bars: each finding's count and its length in pixels."""
        largest = max([self.totals.get(kind, 0) for kind in FINDINGS] + [1])
        return [
            {
                "kind": kind,
                "label": LABELS[kind],
                "severity": SEVERITY[kind],
                "count": self.totals.get(kind, 0),
                "length": round(width * self.totals.get(kind, 0) / largest),
                "y": index * 28,
            }
            for index, kind in enumerate(FINDINGS)
        ]


def summarise(assets, *, today: date, warning_days: int) -> Summary:
    """Count assets by credit and finding in SQL; the rules decide the undecided mismatches.

    One statement reads the flag table once and returns, told apart by the first column, the
    counts per credit (1), the assets whose credit mismatch the rules must decide (2: those
    printed with only a credit line, rare) and their printed credits (3), licensors (4) and
    embedded credits (5): the compact rows the credit rule needs.
    """
    from django.db import connection

    from archive.models import Asset, Credit, Licence, Placement

    q = connection.ops.quote_name
    ctes, params = flag_table(assets, today=today, warning_days=warning_days)
    columns = list(FLAG.values())
    clean = f"CASE WHEN {_clean_condition()} THEN 1 ELSE 0 END"
    sums = ", ".join(f"SUM({column})" for column in columns)
    zeros = ", ".join("0" for _ in columns)
    placement, licence = q(Placement._meta.db_table), q(Licence._meta.db_table)
    asset = q(Asset._meta.db_table)
    sql = f"""
        WITH {ctes},
        undecided AS MATERIALIZED (SELECT * FROM flags WHERE {MISMATCH_TO_DECIDE})
        SELECT 1, credit_id, COUNT(*), {sums}, SUM({MISMATCH}),
               SUM(CASE WHEN {_clean_condition()} AND {MISMATCH} = 0 AND {UNDECIDED} = 0
                        THEN 1 ELSE 0 END), NULL
          FROM flags GROUP BY credit_id
        UNION ALL SELECT 2, credit_id, id, {zeros}, 0, {clean}, NULL
          FROM undecided
        UNION ALL SELECT 3, p.{q("credit_id")}, p.{q("asset_id")}, {zeros}, 0, 0,
               p.{q("credit_line")}
          FROM {placement} p WHERE p.{q("asset_id")} IN (SELECT id FROM undecided)
        UNION ALL SELECT 4, NULL, l.{q("asset_id")}, {zeros}, 0, 0, l.{q("licensor")}
          FROM {licence} l WHERE l.{q("asset_id")} IN (SELECT id FROM undecided)
        UNION ALL SELECT 5, NULL, a.{q("id")}, {zeros}, 0, 0, a.{q("embedded_credit")}
          FROM {asset} a WHERE a.{q("id")} IN (SELECT id FROM undecided)
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        result = cursor.fetchall()
    names = dict(Credit.objects.values_list("id", "name"))
    per_credit: dict[int | None, CreditCounts] = {}
    undecided: dict[int, dict[str, Any]] = {}
    for part, credit_id, number, *values in result:
        *flags, mismatched, clean_count, text = values
        if part == 1:
            counts = {kind: int(value or 0) for kind, value in zip(FLAG, flags, strict=True)}
            counts[CREDIT_MISMATCH] = int(mismatched or 0)
            counts[OK] = int(clean_count or 0)
            name = names.get(credit_id, "") if credit_id is not None else "(no credit)"
            per_credit[credit_id] = CreditCounts(credit_id, name, int(number), counts)
        elif part == 2:
            undecided[number] = {
                "credit_id": credit_id,
                "clean": bool(clean_count),
                "placements": [],
                "licences": [],
                "embedded": "",
            }
        elif part == 3:
            undecided[number]["placements"].append(PlacementFacts(0, credit_id, text or ""))
        elif part == 4:
            undecided[number]["licences"].append(LicenceFacts(0, "", text or ""))
        else:
            undecided[number]["embedded"] = text or ""
    aliases = alias_map() if undecided else {}
    mismatch_ids: list[int] = []
    ok_ids: set[int] = set()
    for asset_id, found in undecided.items():
        facts = AssetFacts(
            id=asset_id,
            credit_id=found["credit_id"],
            credit_name=names.get(found["credit_id"], ""),
            embedded_credit=found["embedded"],
            licences=tuple(found["licences"]),
            placements=tuple(found["placements"]),
        )
        counts = per_credit[found["credit_id"]].counts
        if credit_mismatch(facts, aliases) is not None:
            mismatch_ids.append(asset_id)
            counts[CREDIT_MISMATCH] += 1
        elif found["clean"]:  # clean in SQL and no mismatch: ok
            ok_ids.add(asset_id)
            counts[OK] += 1
    totals: dict[str, int] = defaultdict(int)
    for credit in per_credit.values():
        for kind, count in credit.counts.items():
            totals[kind] += count
    return Summary(
        credits=sorted(per_credit.values(), key=lambda credit: credit.credit_name.casefold()),
        totals=dict(totals),
        total=sum(credit.total for credit in per_credit.values()),
        mismatch_ids=sorted(mismatch_ids),
        ok_candidate_ids=ok_ids,
    )


def assets_with_finding(assets, finding: str, *, today: date, warning_days: int):
    """Narrow assets to those that may have ``finding`` (exact but for undecided mismatches)."""
    if finding in FLAG:
        condition = f"{FLAG[finding]} = 1"
    elif finding == CREDIT_MISMATCH:
        condition = f"({MISMATCH_CERTAIN}) OR ({MISMATCH_TO_DECIDE})"
    elif finding == OK:
        condition = f"{_clean_condition()} AND {MISMATCH} = 0"
    else:
        return assets
    return assets_flagged(assets, condition, today=today, warning_days=warning_days)


def stream_reports(
    filters: ReportFilters, *, today: date, warning_days: int, chunk_size: int = 2000
) -> Iterator[AssetReport]:
    """Stream the report lines the filters select, evaluated by the rules, chunk by chunk."""
    assets = filtered_assets(filters)
    if filters.finding:
        assets = assets_with_finding(
            assets, filters.finding, today=today, warning_days=warning_days
        )
    for report in iter_reports(
        assets, today=today, warning_days=warning_days, chunk_size=chunk_size
    ):
        if not filters.finding or any(f.kind == filters.finding for f in report.findings):
            yield report


# --------------------------------------------------------------------------------------------
# The report: filters, one page, the CSV stream


class ReportFilterForm(forms.Form):
    """The report's filters, shared by the page, the CSV and the command."""

    credit = forms.CharField(
        required=False, max_length=200, help_text="A credit name, alias or id; 0: no credit."
    )
    finding = forms.ChoiceField(
        required=False, choices=[("", "any finding"), *((kind, LABELS[kind]) for kind in FINDINGS)]
    )
    article = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    published_from = forms.DateField(required=False, help_text="YYYY-MM-DD")
    published_to = forms.DateField(required=False, help_text="YYYY-MM-DD")

    def filters(self) -> ReportFilters:
        """Return the valid filters (invalid fields are ignored, and shown as errors)."""
        data: dict[str, Any] = {}
        if self.is_bound:
            self.is_valid()
            data = self.cleaned_data  # only the fields that validated
        return ReportFilters(
            credit=(data.get("credit") or "").strip(),
            finding=data.get("finding") or "",
            article=data.get("article"),
            published_from=data.get("published_from"),
            published_to=data.get("published_to"),
        )


class _Counted:
    """A queryset whose length is already known (from the summary), for the paginator."""

    def __init__(self, queryset, count: int) -> None:
        self.queryset, self.known = queryset, count

    def count(self) -> int:
        return self.known

    def __getitem__(self, index):
        return list(self.queryset[index])


def report_page(
    filters: ReportFilters,
    *,
    page_number: Any,
    today: date,
    warning_days: int,
    per_page: int = 50,
) -> dict[str, Any]:
    """Return the summary, the chart and one page of report lines, in a constant number of queries."""
    from django.core.paginator import Paginator

    from archive.models import Asset

    assets = filtered_assets(filters)
    summary = summarise(assets, today=today, warning_days=warning_days)
    source: Any
    if filters.finding in (CREDIT_MISMATCH, OK):
        # Those SQL decides, and those the rules decided in ``summarise``.
        if filters.finding == CREDIT_MISMATCH:
            condition, decided = MISMATCH_CERTAIN, summary.mismatch_ids
        else:
            condition = f"{_clean_condition()} AND {MISMATCH} = 0 AND {UNDECIDED} = 0"
            decided = sorted(summary.ok_candidate_ids)
        certain = assets_flagged(
            assets, condition, today=today, warning_days=warning_days
        ).values_list("id", flat=True)
        if decided:
            source = sorted([*certain, *decided])
        else:
            source = _Counted(certain, summary.totals.get(filters.finding, 0))
    elif filters.finding:
        flagged = assets_with_finding(
            assets, filters.finding, today=today, warning_days=warning_days
        )
        source = _Counted(flagged.values_list("id", flat=True), summary.totals[filters.finding])
    else:
        # The summary counted the selected assets: no second COUNT for the paginator.
        source = _Counted(assets.values_list("id", flat=True), summary.total)
    page = Paginator(source, per_page).get_page(page_number)
    ids = list(page.object_list)
    rows = _asset_values(Asset.objects.filter(pk__in=ids).order_by("id"))
    reports = build_reports(list(rows), today=today, warning_days=warning_days, aliases=alias_map())
    return {"summary": summary, "page": page, "reports": reports, "today": today}


class _Echo:
    def write(self, value: str) -> str:
        return value


# A cell a spreadsheet would run as a formula (titles and credits can come from files'
# embedded metadata): written with a leading apostrophe, which spreadsheets show as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """Return ``value``, with text that would start a spreadsheet formula made inert."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_lines(
    filters: ReportFilters, *, today: date, warning_days: int, chunk_size: int = 2000
) -> Iterator[str]:
    """Yield the CSV text, header first, a chunk of lines at a time."""
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_COLUMNS)
    buffer: list[str] = []
    for report in stream_reports(
        filters, today=today, warning_days=warning_days, chunk_size=chunk_size
    ):
        buffer.extend(
            writer.writerow([spreadsheet_safe(cell) for cell in row])
            for row in csv_rows(report, filters.finding)
        )
        if len(buffer) >= 500:
            yield "".join(buffer)
            buffer = []
    if buffer:
        yield "".join(buffer)
