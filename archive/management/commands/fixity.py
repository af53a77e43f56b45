"""`python manage.py fixity [--json]`: re-hash every stored file; exit 1 if any is wrong."""

import json
import sys

from django.core.management.base import BaseCommand

from archive.preservation.fixity import check_fixity


class Command(BaseCommand):
    help = "Re-hash every stored original; report missing and altered files (exit 1 if any)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="Print one JSON object."
        )

    def handle(self, *args, as_json: bool = False, **options):
        report = check_fixity()
        if as_json:
            self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False))
        else:
            for problem in report.problems:
                self.stdout.write(f"#{problem.asset_id} {problem.result.upper()}: {problem.detail}")
            if report.renditions_missing:
                ids = ", ".join(f"#{pk}" for pk in report.renditions_missing)
                self.stdout.write(f"renditions missing (remade when next viewed): {ids}")
            summary = (
                f"{report.checked} file(s) checked: {report.checked - len(report.problems)} ok"
            )
            missing = sum(p.result == "missing" for p in report.problems)
            altered = len(report.problems) - missing
            summary += f", {missing} missing, {altered} altered"
            style = self.style.SUCCESS if report.ok else self.style.ERROR
            self.stdout.write(style(summary))
        if not report.ok:
            sys.exit(1)
