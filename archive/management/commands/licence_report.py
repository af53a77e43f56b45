"""`python manage.py licence_report [--format csv|json] [--credit C] [--finding F] ...`."""

from __future__ import annotations

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from archive import audit


class Command(BaseCommand):
    help = (
        "Write the licence report's lines (one per finding of each asset) as CSV with the "
        "report's columns, or as one JSON object per line."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "json"], default="csv")
        parser.add_argument("--credit", default="", help="A credit name or alias (or its id).")
        parser.add_argument("--finding", default="", choices=["", *audit.FINDINGS])
        parser.add_argument("--article", default=None, help="An article id.")
        parser.add_argument("--published-from", default=None, metavar="YYYY-MM-DD")
        parser.add_argument("--published-to", default=None, metavar="YYYY-MM-DD")
        parser.add_argument(
            "--base-url",
            default=None,
            metavar="URL",
            help="The site's address for absolute links (default: ARCHIVE_BASE_URL; "
            "none: links relative to the site).",
        )

    def handle(self, *args, **options):
        form = audit.ReportFilterForm(
            {
                "credit": options["credit"],
                "finding": options["finding"],
                "article": options["article"] or "",
                "published_from": options["published_from"] or "",
                "published_to": options["published_to"] or "",
            }
        )
        if not form.is_valid():
            problems = "; ".join(f"{name}: {' '.join(errs)}" for name, errs in form.errors.items())
            raise CommandError(problems)
        filters = form.filters()
        today = timezone.localdate()
        warning_days = settings.ARCHIVE_EXPIRY_WARNING_DAYS
        base_url = (options["base_url"] or settings.ARCHIVE_BASE_URL).rstrip("/")
        if options["format"] == "csv":
            for text in audit.csv_lines(
                filters, today=today, warning_days=warning_days, base_url=base_url
            ):
                self.stdout.write(text, ending="")
            return
        reports = audit.stream_reports(
            filters, today=today, warning_days=warning_days, provenance=True
        )
        for report in reports:
            for item in audit.json_row(report, filters.finding, base_url):
                self.stdout.write(json.dumps(item, ensure_ascii=False))
