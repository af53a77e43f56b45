"""`python manage.py read_content_credentials [--all]`: read and validate Content Credentials
(C2PA) of archived originals with the current trust anchors, and store the result."""

from django.core.management.base import BaseCommand

from archive.ingest.credentials import recheck_content_credentials
from archive.models import Asset
from archive.provenance import C2PA_STATE_LABELS, C2PA_UNCHECKED


class Command(BaseCommand):
    help = (
        "Read the Content Credentials (C2PA) of originals not checked yet (or, with --all, of "
        "every original, e.g. after changing ARCHIVE_C2PA_TRUST_ANCHORS) and store the result."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", dest="every", action="store_true", help="Read every original again."
        )

    def handle(self, *args, every: bool = False, **options):
        assets = Asset.objects.all()
        if not every:
            assets = assets.filter(c2pa_state=C2PA_UNCHECKED)
        checked, changed = recheck_content_credentials(assets)
        for change in changed:
            before, after = (C2PA_STATE_LABELS[s] for s in (change.before, change.after))
            self.stdout.write(f"#{change.asset_id}: {before} → {after}")
        self.stdout.write(
            self.style.SUCCESS(f"{checked} original(s) read, {len(changed)} changed state.")
        )
