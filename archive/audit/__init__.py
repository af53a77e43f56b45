"""The licence audit: findings about each asset's licences and credits, and the report.

- ``rules``: the rules, pure functions over plain data (the single source of truth);
- ``facts``: the ``AssetFacts`` rows the SQL reads, written only there;
- ``sql``: the SQL mirror of the rules, for counting and filtering at scale;
- ``report``: report lines, the summary, one page, the stream of lines;
- ``export``: CSV and JSON lines; ``forms``: the report's filters.

The names the views, the API, the admin and the ``licence_report`` command use are
re-exported here.
"""

from archive.audit.export import CSV_COLUMNS, csv_lines, csv_rows, json_row, spreadsheet_safe
from archive.audit.forms import ReportFilterForm
from archive.audit.report import (
    NO_CREDIT,
    AssetReport,
    CreditCounts,
    ReportFilters,
    Summary,
    alias_map,
    build_reports,
    findings_for_asset,
    findings_for_assets,
    fix_url,
    iter_reports,
    report_assets,
    report_page,
    stream_reports,
    summarise,
)
from archive.audit.rules import (
    AI_TRAINING_EXPORT,
    AI_UNDISCLOSED,
    CREDIT_MISMATCH,
    DUPLICATE_CONFLICT,
    EMBED_ONLY,
    EXPIRED,
    EXPIRING,
    FINDINGS,
    LABELS,
    MISSING,
    OK,
    SEVERITY,
    UNKNOWN_CREDIT,
    UNVERIFIED,
    AssetFacts,
    Finding,
    LicenceFacts,
    PlacementFacts,
    TrainingExportFacts,
    credit_identity,
    credit_mismatch,
    embedded_credit,
    evaluate,
    in_force,
    worst_severity,
)
from archive.audit.sql import (
    FLAG,
    MISMATCH_CERTAIN,
    MISMATCH_TO_DECIDE,
    assets_flagged,
    assets_with_finding,
)

__all__ = [
    "AI_TRAINING_EXPORT",
    "AI_UNDISCLOSED",
    "CREDIT_MISMATCH",
    "CSV_COLUMNS",
    "DUPLICATE_CONFLICT",
    "EMBED_ONLY",
    "EXPIRED",
    "EXPIRING",
    "FINDINGS",
    "FLAG",
    "LABELS",
    "MISMATCH_CERTAIN",
    "MISMATCH_TO_DECIDE",
    "MISSING",
    "NO_CREDIT",
    "OK",
    "SEVERITY",
    "UNKNOWN_CREDIT",
    "UNVERIFIED",
    "AssetFacts",
    "AssetReport",
    "CreditCounts",
    "Finding",
    "LicenceFacts",
    "PlacementFacts",
    "ReportFilterForm",
    "ReportFilters",
    "Summary",
    "TrainingExportFacts",
    "alias_map",
    "assets_flagged",
    "assets_with_finding",
    "build_reports",
    "credit_identity",
    "credit_mismatch",
    "csv_lines",
    "csv_rows",
    "embedded_credit",
    "evaluate",
    "findings_for_asset",
    "findings_for_assets",
    "fix_url",
    "in_force",
    "iter_reports",
    "json_row",
    "report_assets",
    "report_page",
    "spreadsheet_safe",
    "stream_reports",
    "summarise",
    "worst_severity",
]
