"""`python manage.py import_bag DIR`: restore a bag into an empty archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.preservation.bag import BagError, import_bag


class Command(BaseCommand):
    help = "Validate a bag written by export_bag and restore it into this (empty) archive."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory: Path, **options):
        try:
            summary = import_bag(directory)
        except BagError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"restored from {directory}: {summary.describe()}"))
