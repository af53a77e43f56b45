"""`python manage.py fixity [--orphans] [--quarantine] [--json]`: re-hash every stored file;
exit 1 if any is wrong."""

import json
import sys

from django.core.management.base import BaseCommand

from archive.background import requeue_stranded
from archive.preservation.fixity import check_fixity, find_orphans
from archive.preservation.staging import recover


class Command(BaseCommand):
    help = (
        "Finish writes that killed commands left, re-hash every stored original, and with "
        "--orphans find files no record names; report missing and altered files (exit 1 if any)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="Print one JSON object."
        )
        parser.add_argument(
            "--orphans",
            action="store_true",
            help="Also list stored files that no record names, and licence documents that are "
            "gone.",
        )
        parser.add_argument(
            "--quarantine",
            action="store_true",
            help="With --orphans: move each orphan under quarantine/<time>/ with a report.json "
            "(never deleted).",
        )

    def handle(self, *args, as_json=False, orphans=False, quarantine=False, **options):
        # First finish or sweep what killed commands left, so their files are not reported.
        recovery = recover()
        requeue_stranded()
        report = check_fixity()
        orphan_report = find_orphans(quarantine=quarantine) if orphans or quarantine else None
        ok = report.ok and not recovery.lost and (orphan_report is None or orphan_report.ok)
        if as_json:
            result = report.as_json()
            result["recovery"] = recovery.as_json()
            if orphan_report is not None:
                result.update(orphan_report.as_json())
            self.stdout.write(json.dumps(result, ensure_ascii=False))
        else:
            self.write_text(report, recovery, orphan_report)
        if not ok:
            sys.exit(1)

    def write_text(self, report, recovery, orphan_report) -> None:
        if recovery.published or recovery.swept or recovery.lost or recovery.waiting:
            self.stdout.write(recovery.describe())
        for problem in report.problems:
            self.stdout.write(f"#{problem.asset_id} {problem.result.upper()}: {problem.detail}")
        if report.renditions_missing:
            ids = ", ".join(f"#{pk}" for pk in report.renditions_missing)
            self.stdout.write(
                f"renditions missing (the worker remakes them when next viewed): {ids}"
            )
        summary = f"{report.checked} file(s) checked: {report.checked - len(report.problems)} ok"
        missing = sum(p.result == "missing" for p in report.problems)
        altered = len(report.problems) - missing
        summary += f", {missing} missing, {altered} altered"
        style = self.style.SUCCESS if report.ok else self.style.ERROR
        self.stdout.write(style(summary))
        if orphan_report is None:
            return
        for orphan in orphan_report.orphans:
            size = f"{orphan.bytes:,} bytes" if orphan.bytes is not None else "size unknown"
            moved = f", moved to {orphan.moved_to}" if orphan.moved_to else ""
            self.stdout.write(f"ORPHAN {orphan.name} ({size}){moved}")
        for name, why in orphan_report.unreadable:
            self.stdout.write(self.style.ERROR(f"ORPHAN {name}: {why}"))
        for pk, name in orphan_report.documents_missing:
            self.stdout.write(f"licence #{pk} MISSING document: {name} is not in storage")
        line = (
            f"{orphan_report.stored} stored file(s) looked at: {len(orphan_report.orphans)} "
            f"named by no record, {len(orphan_report.documents_missing)} licence document(s) "
            "missing"
        )
        if orphan_report.quarantine:
            line += f"; orphans moved to {orphan_report.quarantine}/ (see its report.json)"
        elif orphan_report.orphans:
            line += "; `--quarantine` moves them aside (nothing is deleted)"
        style = self.style.SUCCESS if orphan_report.ok else self.style.ERROR
        self.stdout.write(style(line))
