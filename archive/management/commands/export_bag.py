"""`python manage.py export_bag DIR [--training-set PURPOSE]`: the whole archive as a BagIt bag."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.preservation.bag import BagError, export_bag


class Command(BaseCommand):
    help = "Write every file and record (with history) to DIR as a BagIt bag."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--contact", default="", help="Contact-Name for bag-info.txt.")
        parser.add_argument(
            "--training-set",
            default="",
            metavar="PURPOSE",
            help="The bag is a set for training AI models, for PURPOSE: it is recorded, and "
            "pictures whose data mining terms forbid AI training become licence findings.",
        )

    def handle(self, *args, directory: Path, contact: str, training_set: str, **options):
        try:
            summary = export_bag(directory, contact=contact, training_set=training_set.strip())
        except BagError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"bag written to {directory}: {summary.describe()}"))
        if summary.training_export is not None:
            self.stdout.write(f"recorded as training-set export #{summary.training_export}")
        if summary.training_forbidden:
            shown = ", ".join(f"#{pk}" for pk in summary.training_forbidden[:20])
            more = " …" if len(summary.training_forbidden) > 20 else ""
            self.stderr.write(
                self.style.WARNING(
                    f"{len(summary.training_forbidden)} asset(s) whose data mining terms forbid "
                    f"AI training are in this training set: {shown}{more} (the licence report "
                    "lists them as ai_training_export)"
                )
            )
