from django.conf import settings
from django.core.management.base import BaseCommand

from archive.roles import create_demo_accounts


class Command(BaseCommand):
    help = "Create or reset the demo accounts archivist, journalist and auditor."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=None,
            help="Password for all three (default: ARCHIVE_DEMO_PASSWORD or the README's default).",
        )

    def handle(self, *args, password=None, **options):
        names = create_demo_accounts(password or settings.ARCHIVE_DEMO_PASSWORD)
        self.stdout.write(self.style.SUCCESS(f"demo accounts ready: {', '.join(names)}"))
