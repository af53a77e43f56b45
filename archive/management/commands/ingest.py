"""`python manage.py ingest PATH... [--credit NAME] [--kind KIND] [--json]`."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError

from archive.background import requeue_stranded
from archive.ingest import REJECTED, IngestResult, ingest_file
from archive.models import Asset
from archive.preservation.staging import recover


def walk(paths: list[str]):
    """Yield every file under the given files and folders, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
            )
        else:
            yield path


class Command(BaseCommand):
    help = "Import files and folders through the ingest pipeline; one line per file."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--credit", default="", help="Credit for every file (wins over embedded)."
        )
        parser.add_argument("--kind", choices=Asset.Kind.values, default=None)
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="One JSON object per line."
        )

    def handle(self, *args, paths, credit, kind, as_json: bool, **options):
        missing = [raw for raw in paths if not Path(raw).exists()]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}")
        files = list(walk(paths))
        # Finish what an earlier, killed run left (files of committed rows; staged leftovers).
        recovery = recover()
        if recovery.published or recovery.swept or recovery.lost:
            self.stderr.write(recovery.describe())
        requeue_stranded()
        show_progress = not as_json and sys.stderr.isatty() and len(files) > 1
        counts = {"created": 0, "duplicate": 0, "rejected": 0}
        for index, path in enumerate(files, start=1):
            try:
                result = ingest_file(path, filename=str(path), credit=credit or None, kind=kind)
            except OperationalError as error:
                # The database could not take the row (locked past its busy timeout, or gone):
                # the pipeline has removed this file's copies; report it and go on.
                result = IngestResult(
                    REJECTED,
                    str(path),
                    reason=f"could not be stored, the database refused it ({error}); "
                    "nothing was kept, ingest this file again",
                )
            counts[result.status] += 1
            if as_json:
                self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
            else:
                self.stdout.write(f"{path}: {result.describe()}")
                for warning in result.warnings:
                    self.stdout.write(f"  warning: {warning}")
            if show_progress:
                done = int(30 * index / len(files))
                sys.stderr.write(f"\r[{'#' * done}{'.' * (30 - done)}] {index}/{len(files)}")
                sys.stderr.flush()
        if show_progress:
            sys.stderr.write("\n")
        summary = (
            f"{len(files)} file(s): {counts['created']} created, {counts['duplicate']} duplicate, "
            f"{counts['rejected']} rejected"
        )
        if as_json:
            self.stderr.write(summary)
        else:
            self.stdout.write(summary)
        if counts[REJECTED]:
            sys.exit(1)
