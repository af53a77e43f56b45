"""The report's exports: one CSV (or JSON) line per finding, and the CSV text streamed.

The lines come from ``report.stream_reports``, so the page, the CSV, the JSON and the
``licence_report`` command show the same findings.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from archive.audit.report import (
    PROVENANCE_TEXT_COLUMNS,
    AssetReport,
    ReportFilters,
    fix_url,
    stream_reports,
    url_for,
)
from archive.models.assets import is_locations, location_words

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
    "digital_source_type",
    "data_mining",
    *PROVENANCE_TEXT_COLUMNS,
    "persons_shown",  # CSV: names joined with "; "; JSON: a list
    "location_shown",  # CSV: "Maidan, Kyiv, Ukraine"; JSON: its parts
    "other_locations_shown",  # CSV: each worded so, joined with " | "; JSON: a list of parts
)
# The parts of a location in the JSON lines (Asset.other_locations_shown's keys).
LOCATION_FIELDS = {
    "sublocation": "location_sublocation",
    "city": "location_city",
    "state": "location_state",
    "country": "location_country",
    "country_code": "location_country_code",
}


def csv_rows(report: AssetReport, only: str = "", base_url: str = "") -> Iterator[list[Any]]:
    """Yield the report's CSV lines for one asset: one per finding (``only`` keeps one kind).

    The title is the name the pages show (the file name of an untitled asset); the links are
    absolute when ``base_url`` (the site's address, no trailing slash) is given, as a file
    that leaves the browser needs.
    """
    articles = " ".join(str(pk) for pk in report.article_ids)
    asset_url = base_url + url_for("archive:asset-detail", report.id)
    for finding in report.findings:
        if only and finding.kind != only:
            continue
        yield [
            report.id,
            report.name,
            report.kind,
            report.credit_name,
            finding.kind,
            finding.severity,
            finding.detail,
            finding.licence_id or "",
            articles,
            asset_url,
            base_url + fix_url(report, finding),
            report.digital_source_type,
            report.data_mining,
            *provenance_cells(report.provenance),
        ]


def first_location(provenance: dict[str, Any]) -> dict[str, str]:
    return {part: provenance.get(field) or "" for part, field in LOCATION_FIELDS.items()}


def other_locations(provenance: dict[str, Any]) -> list[dict[str, str]]:
    others = provenance.get("other_locations_shown")
    return others if is_locations(others) else []


def provenance_cells(provenance: dict[str, Any]) -> list[Any]:
    """The provenance columns' CSV cells (empty when the report was made without them)."""
    persons = provenance.get("persons_shown")
    persons = [name for name in persons if isinstance(name, str)] if persons else []
    texts = [provenance.get(name, "") for name in PROVENANCE_TEXT_COLUMNS]
    return [
        *texts,
        "; ".join(persons),
        location_words(first_location(provenance)),
        " | ".join(filter(None, map(location_words, other_locations(provenance)))),
    ]


def json_row(report: AssetReport, only: str = "", base_url: str = "") -> Iterator[dict[str, Any]]:
    """Yield the same lines as ``csv_rows`` as dictionaries keyed by the CSV columns."""
    for row in csv_rows(report, only, base_url):
        item = dict(zip(CSV_COLUMNS, row, strict=True))
        item["licence_id"] = item["licence_id"] or None
        item["article_ids"] = list(report.article_ids)
        item["persons_shown"] = list(report.provenance.get("persons_shown") or [])
        item["location_shown"] = first_location(report.provenance)
        item["other_locations_shown"] = other_locations(report.provenance)
        yield item


class _Echo:
    def write(self, value: str) -> str:
        return value


# A cell a spreadsheet would run as a formula (titles and credits can come from files'
# embedded metadata): written with a leading apostrophe, which spreadsheets show as text.
# Spreadsheets skip leading spaces and line breaks and read full-width (and small) forms of
# = + - @ as the ASCII ones, so the first character that is not whitespace decides.
_FORMULA_SIGNS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63")
_CONTROL_START = ("\t", "\r")
_INVISIBLE = frozenset("\ufeff\u200b")
_FIRST_VISIBLE = re.compile(r"[\s\ufeff\u200b]*(.)", re.DOTALL)


def spreadsheet_safe(value: Any) -> Any:
    """Return ``value``, with text that would start a spreadsheet formula made inert."""
    if not isinstance(value, str) or not value:
        return value
    lead = value[0]
    # Most cells start with a visible character that is no formula sign: decided by it alone
    # (``\s`` is ``str.isspace``), without the pattern (a takedown's CSV has 1.1M cells).
    if not lead.isspace() and lead not in _INVISIBLE and lead not in _FORMULA_SIGNS:
        return value
    first = _FIRST_VISIBLE.match(value)
    if value.startswith(_CONTROL_START) or (first and first.group(1) in _FORMULA_SIGNS):
        return "'" + value
    return value


def csv_lines(
    filters: ReportFilters,
    *,
    today: date,
    warning_days: int,
    chunk_size: int = 2000,
    base_url: str = "",
) -> Iterator[str]:
    """Yield the CSV text, header first, a chunk of lines at a time (links made absolute
    with ``base_url``, see ``csv_rows``)."""
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_COLUMNS)
    buffer: list[str] = []
    for report in stream_reports(
        filters, today=today, warning_days=warning_days, chunk_size=chunk_size, provenance=True
    ):
        buffer.extend(
            writer.writerow([spreadsheet_safe(cell) for cell in row])
            for row in csv_rows(report, filters.finding, base_url)
        )
        if len(buffer) >= 500:
            yield "".join(buffer)
            buffer = []
    if buffer:
        yield "".join(buffer)
