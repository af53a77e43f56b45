"""The licence report: its lines (the rules run on gathered facts), the summary counts, one
page of the report, and the stream of lines the exports write.

Facts are gathered in a constant number of queries per chunk of assets; the summary counts
come from the SQL mirror (``sql.py``), with the rules deciding the few assets it leaves open.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from archive.audit.rules import (
    CREDIT_MISMATCH,
    FINDINGS,
    LABELS,
    MISSING,
    OK,
    RIGHTS_FINDINGS,
    SEVERITY,
    UNKNOWN_CREDIT,
    UNKNOWN_KIND,
    AssetFacts,
    Finding,
    LicenceFacts,
    PlacementFacts,
    TrainingExportFacts,
    credit_mismatch,
    evaluate,
    worst_severity,
)
from archive.audit.sql import (
    FLAG,
    MISMATCH,
    MISMATCH_CERTAIN,
    MISMATCH_TO_DECIDE,
    UNDECIDED,
    assets_flagged,
    assets_with_finding,
    clean_condition,
    flag_table,
)
from archive.models import Asset, Credit, CreditAlias, DatasetExportItem, Licence, Placement
from archive.models import AssetFacts as AssetFactsRow
from archive.provenance import NO_AI_TRAINING, ai_source_type
from archive.rights.report import (
    RightsContext,
    agreement_facts,
    candidates,
    findings_among,
    rights_findings_for,
)
from archive.search import NO_CREDIT
from archive.text import credit_key, display_name, record_id
from config.routers import read_connection


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
    name: str
    credit_id: int | None
    credit_name: str
    article_ids: tuple[int, ...]
    findings: list[Finding] = field(default_factory=list)
    digital_source_type: str = ""
    data_mining: str = ""
    # The catalogue's other provenance fields (PROVENANCE_VALUES), for the exports only.
    provenance: dict[str, Any] = field(default_factory=dict)

    @property
    def severity(self) -> str:
        return worst_severity(self.findings)

    def links(self) -> list[tuple[Finding, str]]:
        """Return each finding with the admin URL that fixes it."""
        return [(finding, fix_url(self, finding)) for finding in self.findings]


_URLS: dict[str, str] = {}


def url_for(name: str, pk: int | str) -> str:
    """Return ``reverse(name, args=[pk])``, reversing each name once (the CSV calls it 100k times)."""
    template = _URLS.get(name)
    if template is None:
        template = _URLS[name] = reverse(name, args=[123456789]).replace("123456789", "{}")
    return template.format(pk)


def fix_url(report: AssetReport, finding: Finding) -> str:
    """Return the admin page that fixes a finding (a licence, an asset or a credit)."""
    if finding.kind == MISSING and finding.licence_id is None:
        add = _URLS.get("licence-add")
        if add is None:
            add = _URLS["licence-add"] = reverse("admin:archive_licence_add")
        return f"{add}?asset={report.id}"
    if finding.licence_id is not None:
        return url_for("admin:archive_licence_change", finding.licence_id)
    if finding.agreement_id is not None:
        return url_for("admin:archive_supplieragreement_change", finding.agreement_id)
    if finding.kind == UNKNOWN_CREDIT and report.credit_id is not None:
        return url_for("admin:archive_credit_change", report.credit_id)
    return url_for("admin:archive_asset_change", report.id)


ASSET_VALUES = (
    "id",
    "title",
    "original_filename",
    "kind",
    "file",
    "credit_id",
    "credit__name",
    "credit__kind",
    "credit__reviewed",
    "near_duplicate_of__credit_id",
    # Read from the metadata when the asset was saved (its facts row): no JSON here.
    "facts__embedded_credit",
    # Which of its credit's supplier agreements cover it, and whether it needs a licence (the
    # SQL reads the facts' copy of the category, which archive.derived keeps equal).
    "usage_rights__category__code",
    "usage_rights__category__needs_licence",
    "digital_source_type",
    "c2pa_state",
    "data_mining",
)


# The catalogue's provenance fields written as they are (IPTC 2025.1, PLUS, accessibility).
PROVENANCE_TEXT_COLUMNS = (
    "ai_system",
    "ai_system_version",
    "ai_prompt",
    "ai_prompt_writer",
    "other_constraints",
    "licensor_name",
    "licensor_url",
    "copyright_owner",
    "image_supplier",
    "web_statement",
    "alt_text",
    "extended_description",
)
# The issue-15 fields the exports (CSV, JSON lines) carry beside each finding; the report's
# page and the search's statuses do not read them.
PROVENANCE_VALUES = (
    *PROVENANCE_TEXT_COLUMNS,
    "persons_shown",
    "location_sublocation",
    "location_city",
    "location_state",
    "location_country",
    "location_country_code",
    "other_locations_shown",
)


def _asset_values(queryset: QuerySet, *, provenance: bool = False) -> QuerySet:
    """Select the compact row the rules need (and the provenance fields, for an export)."""
    return queryset.values(*ASSET_VALUES, *(PROVENANCE_VALUES if provenance else ()))


def alias_map() -> dict[str, int]:
    """Return every alias key with its credit id (one query)."""
    return dict(CreditAlias.objects.values_list("key", "credit_id"))


def _among(field: str, ids: list[int]) -> Q:
    """Return a filter on ``field`` for a chunk of ids: a range when they are dense (a range is
    far cheaper to build and run than 2,000 parameters; rows outside the chunk are ignored)."""
    if ids and max(ids) - min(ids) < 2 * len(ids):
        return Q(**{f"{field}__gte": min(ids), f"{field}__lte": max(ids)})
    return Q(**{f"{field}__in": ids})


def gather(
    rows: list[dict[str, Any]],
    aliases: Mapping[str, int],
    rights: RightsContext | None = None,
) -> list[tuple[AssetFacts, dict]]:
    """Return the facts of a chunk of asset rows, in a fixed number of queries whatever its
    size (``rights``: the report's agreements and uses over quota, read once per report)."""
    ids = [row["id"] for row in rows]
    rights = rights or RightsContext.load()
    rights_found = rights_findings_for(
        [(row["id"], row["credit_id"]) for row in rows],
        context=rights,
        aliases=aliases,
    )
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
    for asset_id, article_id, credit_id, credit_line, caption in (
        Placement.objects.filter(_among("asset_id", ids))
        .order_by("article_id", "position")
        .values_list("asset_id", "article_id", "credit_id", "credit_line", "caption")
    ):
        placements[asset_id].append(PlacementFacts(article_id, credit_id, credit_line, caption))
    exports: dict[int, list[TrainingExportFacts]] = defaultdict(list)
    # Only the rule about forbidden training reads them: those of the pictures that forbid it
    # (a training set may hold the whole archive).
    for asset_id, export_id, created_at, purpose in (
        DatasetExportItem.objects.filter(
            _among("asset_id", ids), asset__data_mining__in=NO_AI_TRAINING
        )
        .order_by("export_id")
        .values_list("asset_id", "export_id", "export__created_at", "export__purpose")
    ):
        created_on = timezone.localdate(created_at) if created_at else None
        exports[asset_id].append(TrainingExportFacts(export_id, created_on, purpose))
    # Credentials that declare AI beside another IPTC type: read only for valid ones (few).
    credentials = Asset.objects.credential_summaries((row["id"], row["c2pa_state"]) for row in rows)
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
            embedded_credit=row["facts__embedded_credit"] or "",
            stored=bool(row["file"]),
            licences=tuple(licences.get(pk, ())),
            placements=tuple(placements.get(pk, ())),
            look_alike_credit_ids=tuple(others),
            digital_source_type=ai_source_type(
                row["digital_source_type"], row["c2pa_state"], credentials.get(pk)
            )
            or row["digital_source_type"],
            data_mining=row["data_mining"],
            training_exports=tuple(exports.get(pk, ())),
            rights_findings=tuple(rights_found.get(pk, ())),
            agreements=agreement_facts(
                rights.agreements.get(row["credit_id"], ()) if row["credit_id"] else (),
                row["usage_rights__category__code"],
            ),
            licence_needed=row["usage_rights__category__needs_licence"] is not False,
        )
        gathered.append((facts, row))
    return gathered


def build_reports(
    rows: list[dict[str, Any]],
    *,
    today: date,
    warning_days: int,
    aliases: Mapping[str, int],
    rights: RightsContext | None = None,
) -> list[AssetReport]:
    """Evaluate the rules on a chunk of asset rows and return their report lines."""
    reports = []
    for facts, row in gather(rows, aliases, rights):
        reports.append(
            AssetReport(
                id=facts.id,
                title=row["title"],
                kind=row["kind"],
                name=display_name(
                    row["title"], row["original_filename"], Asset.Kind(row["kind"]).label
                ),
                credit_id=facts.credit_id,
                credit_name=facts.credit_name,
                article_ids=tuple(dict.fromkeys(p.article_id for p in facts.placements)),
                findings=evaluate(facts, today=today, warning_days=warning_days, aliases=aliases),
                digital_source_type=row["digital_source_type"],
                data_mining=facts.data_mining,
                provenance={name: row[name] for name in PROVENANCE_VALUES if name in row},
            )
        )
    return reports


def chunked(iterable: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Yield lists of at most ``size`` items."""
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def iter_reports(
    queryset,
    *,
    today: date,
    warning_days: int,
    chunk_size: int = 2000,
    provenance: bool = False,
    rights: RightsContext | None = None,
) -> Iterator[AssetReport]:
    """Stream report lines for a queryset of assets, a constant number of queries per chunk
    (``provenance``: with the provenance fields the exports carry)."""
    aliases = alias_map()
    rights = rights or RightsContext.load()
    rows = _asset_values(queryset, provenance=provenance).iterator(chunk_size=chunk_size)
    for chunk in chunked(rows, chunk_size):
        yield from build_reports(
            chunk, today=today, warning_days=warning_days, aliases=aliases, rights=rights
        )


def findings_for_asset(asset_id: int, *, today: date | None = None) -> list[Finding]:
    """Return one asset's findings (the status shown on its page)."""
    return findings_for_assets([asset_id], today=today).get(asset_id, [])


def findings_for_assets(
    asset_ids: Iterable[int], *, today: date | None = None
) -> dict[int, list[Finding]]:
    """Return the findings of a page of assets (search results), in a fixed number of queries."""
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


def report_assets(filters: ReportFilters) -> QuerySet:
    """Return the assets the report's filters select (credit, article, publication dates), by id."""
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
    # The usage-rights findings (decided by the rules): their assets by kind, and all of them.
    rights_ids: dict[str, list[int]] = field(default_factory=dict)
    rights_flagged: set[int] = field(default_factory=set)

    def bars(self) -> list[dict[str, Any]]:
        """Return the chart's bars: each finding's count and its length, in percent of the
        largest count's."""
        largest = max([self.totals.get(kind, 0) for kind in FINDINGS] + [1])
        return [
            {
                "kind": kind,
                "label": LABELS[kind],
                "severity": SEVERITY[kind],
                "count": self.totals.get(kind, 0),
                "percent": round(100 * self.totals.get(kind, 0) / largest),
            }
            for kind in FINDINGS
        ]


def summarise(
    assets: QuerySet,
    *,
    today: date,
    warning_days: int,
    rights: RightsContext | None = None,
    aliases: Mapping[str, int] | None = None,
) -> Summary:
    """Count assets by credit and finding in SQL; the rules decide the undecided mismatches.

    One statement reads the flag table once and returns, told apart by the first column, the
    counts per credit (1), the assets whose credit mismatch the rules must decide (2: those
    printed with only a credit line, rare) and their printed credits (3), licensors (4) and
    embedded credits (5): the compact rows the credit rule needs.
    """
    q = connection.ops.quote_name
    rights = rights or RightsContext.load()
    ctes, params = flag_table(assets, today=today, warning_days=warning_days, rights=rights)
    columns = list(FLAG.values())
    clean = f"CASE WHEN {clean_condition()} THEN 1 ELSE 0 END"
    sums = ", ".join(f"SUM({column})" for column in columns)
    zeros = ", ".join("0" for _ in columns)
    placement, licence = q(Placement._meta.db_table), q(Licence._meta.db_table)
    facts_table = q(AssetFactsRow._meta.db_table)
    sql = f"""
        WITH {ctes},
        undecided AS MATERIALIZED (SELECT * FROM flags WHERE {MISMATCH_TO_DECIDE})
        SELECT 1, credit_id, COUNT(*), {sums}, SUM({MISMATCH}),
               SUM(CASE WHEN {clean_condition()} AND {MISMATCH} = 0 AND {UNDECIDED} = 0
                        THEN 1 ELSE 0 END), NULL
          FROM flags GROUP BY credit_id
        UNION ALL SELECT 2, credit_id, id, {zeros}, 0, {clean}, NULL
          FROM undecided
        UNION ALL SELECT 3, p.{q("credit_id")}, p.{q("asset_id")}, {zeros}, 0, 0,
               p.{q("credit_line")}
          FROM {placement} p WHERE p.{q("asset_id")} IN (SELECT id FROM undecided)
        UNION ALL SELECT 4, NULL, l.{q("asset_id")}, {zeros}, 0, 0, l.{q("licensor")}
          FROM {licence} l WHERE l.{q("asset_id")} IN (SELECT id FROM undecided)
        UNION ALL SELECT 5, NULL, f.{q("asset_id")}, {zeros}, 0, 0, f.{q("embedded_credit")}
          FROM {facts_table} f WHERE f.{q("asset_id")} IN (SELECT id FROM undecided)
    """
    with read_connection().cursor() as cursor:
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
    if aliases is None:
        aliases = alias_map()
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
    rights_ids, rights_flagged = _count_rights_findings(
        assets,
        per_credit,
        ok_ids,
        today=today,
        warning_days=warning_days,
        rights=rights,
        aliases=aliases,
    )
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
        rights_ids=rights_ids,
        rights_flagged=rights_flagged,
    )


SQL_OK = f"{clean_condition()} AND {MISMATCH} = 0 AND {UNDECIDED} = 0"


def _count_rights_findings(
    assets: QuerySet,
    per_credit: dict[int | None, CreditCounts],
    ok_ids: set[int],
    *,
    today: date,
    warning_days: int,
    rights: RightsContext,
    aliases: Mapping[str, int],
) -> tuple[dict[str, list[int]], set[int]]:
    """Add the usage-rights findings to the counts (the rules decide the few candidates SQL
    selects); an asset counted ok loses that count. Return the assets of each finding and
    all of them; ``ok_ids`` loses them too."""
    found = findings_among(assets, context=rights, aliases=aliases)
    by_kind: dict[str, list[int]] = {kind: [] for kind in RIGHTS_FINDINGS}
    for credit in per_credit.values():
        for kind in RIGHTS_FINDINGS:
            credit.counts.setdefault(kind, 0)
    flagged_assets = assets.filter(candidates(rights, aliases))
    ok_in_sql = set(
        assets_flagged(
            flagged_assets, SQL_OK, today=today, warning_days=warning_days, rights=rights
        ).values_list("id", flat=True)
    )
    for asset_id, (credit_id, findings) in found.items():
        counts = per_credit[credit_id].counts
        for finding in findings:
            counts[finding.kind] = counts.get(finding.kind, 0) + 1
            by_kind[finding.kind].append(asset_id)
        if asset_id in ok_in_sql or asset_id in ok_ids:
            counts[OK] -= 1
            ok_ids.discard(asset_id)
    return by_kind, set(found)


def stream_reports(
    filters: ReportFilters,
    *,
    today: date,
    warning_days: int,
    chunk_size: int = 2000,
    provenance: bool = False,
) -> Iterator[AssetReport]:
    """Stream the report lines the filters select, evaluated by the rules, chunk by chunk."""
    assets = report_assets(filters)
    rights = RightsContext.load()
    if filters.finding in RIGHTS_FINDINGS:
        assets = assets.filter(candidates(rights, alias_map()))
    elif filters.finding:
        assets = assets_with_finding(
            assets, filters.finding, today=today, warning_days=warning_days, rights=rights
        )
    for report in iter_reports(
        assets,
        today=today,
        warning_days=warning_days,
        chunk_size=chunk_size,
        provenance=provenance,
        rights=rights,
    ):
        if not filters.finding or any(f.kind == filters.finding for f in report.findings):
            yield report


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
    assets = report_assets(filters)
    rights, aliases = RightsContext.load(), alias_map()
    summary = summarise(
        assets, today=today, warning_days=warning_days, rights=rights, aliases=aliases
    )
    source: Any
    if filters.finding in RIGHTS_FINDINGS:
        # Decided by the rules in ``summarise``.
        source = sorted(summary.rights_ids.get(filters.finding, []))
    elif filters.finding in (CREDIT_MISMATCH, OK):
        # Those SQL decides, and those the rules decided in ``summarise``.
        if filters.finding == CREDIT_MISMATCH:
            condition, decided = MISMATCH_CERTAIN, summary.mismatch_ids
        else:
            condition, decided = SQL_OK, sorted(summary.ok_candidate_ids)
        certain = assets_flagged(
            assets, condition, today=today, warning_days=warning_days, rights=rights
        )
        if filters.finding == OK and summary.rights_flagged:
            certain = certain.exclude(pk__in=summary.rights_flagged)
        certain = certain.values_list("id", flat=True)
        if decided:
            source = sorted([*certain, *decided])
        else:
            source = _Counted(certain, summary.totals.get(filters.finding, 0))
    elif filters.finding:
        flagged = assets_with_finding(
            assets, filters.finding, today=today, warning_days=warning_days, rights=rights
        )
        source = _Counted(flagged.values_list("id", flat=True), summary.totals[filters.finding])
    else:
        # The summary counted the selected assets: no second COUNT for the paginator.
        source = _Counted(assets.values_list("id", flat=True), summary.total)
    page = Paginator(source, per_page).get_page(page_number)
    ids = list(page.object_list)
    rows = _asset_values(Asset.objects.filter(pk__in=ids).order_by("id"))
    reports = build_reports(
        list(rows), today=today, warning_days=warning_days, aliases=aliases, rights=rights
    )
    return {"summary": summary, "page": page, "reports": reports, "today": today}
