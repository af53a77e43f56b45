from django.core.management.base import BaseCommand, CommandError

from archive.seeding import SeedError, load_seed


class Command(BaseCommand):
    help = "Load the seed article from seeds/ (idempotent: running it again changes nothing)."

    def handle(self, *args, **options):
        try:
            report = load_seed()
        except SeedError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(report.summary()))
