"""`python manage.py export_bag DIR`: the whole archive as a BagIt bag."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.preservation.bag import BagError, export_bag


class Command(BaseCommand):
    help = "Write every file and record (with history) to DIR as a BagIt bag."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--contact", default="", help="Contact-Name for bag-info.txt.")

    def handle(self, *args, directory: Path, contact: str, **options):
        try:
            summary = export_bag(directory, contact=contact)
        except BagError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"bag written to {directory}: {summary.describe()}"))
