"""`python manage.py backfill_locations [--batch-size N] [--dry-run]`: fill the other locations
shown of assets catalogued before they were kept (migration 0014), from their files' metadata."""

from django.core.management.base import BaseCommand

from archive.ingest.backfill import EDITED, FILLED, backfill_other_locations
from archive.models.assets import location_words


class Command(BaseCommand):
    help = (
        "Fill the other locations shown (every IPTC Location Shown after the first) of assets "
        "ingested before the archive kept them, from the metadata read at ingest (or the "
        "stored original). Idempotent: assets that have some, or whose list an archivist "
        "edited, are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size", type=int, default=200, help="Assets a transaction (200)."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be filled; write nothing."
        )

    def handle(self, *args, batch_size: int = 200, dry_run: bool = False, **options):
        counts = {FILLED: 0, EDITED: 0}
        for done in backfill_other_locations(batch_size=max(batch_size, 1), dry_run=dry_run):
            counts[done.outcome] = counts.get(done.outcome, 0) + 1
            places = " | ".join(location_words(place) for place in done.places)
            if done.outcome == FILLED:
                self.stdout.write(
                    f"#{done.asset_id}: {len(done.places)} other location(s) shown "
                    f"from {done.source}: {places}"
                )
            elif done.outcome == EDITED:
                self.stdout.write(
                    f"#{done.asset_id}: left alone ({done.reason}); the file gives {places}"
                )
            else:
                self.stderr.write(f"#{done.asset_id}: {done.source} unreadable: {done.reason}")
        verb = "would be filled" if dry_run else "filled"
        self.stdout.write(
            self.style.SUCCESS(
                f"{counts[FILLED]} asset(s) {verb}, {counts[EDITED]} left as edited, "
                f"{sum(counts.values()) - counts[FILLED] - counts[EDITED]} unreadable."
            )
        )
