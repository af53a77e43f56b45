"""`python manage.py import_bag DIR [--merge]`: restore a bag into this archive."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.background import requeue_stranded
from archive.preservation.bag import BagError, import_bag


class Command(BaseCommand):
    help = (
        "Validate a bag written by export_bag and restore its records and files into this "
        "(empty) archive; then rebuild the search index and run fixity over what it restored."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--merge",
            action="store_true",
            help="Add the bag's records to an archive that has some (new records only; "
            "nothing is overwritten).",
        )

    def handle(self, *args, directory: Path, merge: bool = False, **options):
        try:
            summary = import_bag(directory, merge=merge)
        except BagError as error:
            raise CommandError(f"refused, nothing restored: {error}") from error
        # Restored assets still to process, and any a killed run left with nothing queued.
        requeue_stranded()
        if summary.already is None:
            self.stdout.write(
                self.style.SUCCESS(f"restored from {directory}: {summary.describe()}")
            )
        for line in summary.report_lines():
            self.stdout.write(line)
        if summary.fixity is not None and not summary.fixity.ok:
            self.stdout.write(self.style.ERROR("fixity found problems in what was restored"))
            sys.exit(1)
