"""Check the quota's uses kept per supplier, category and day against the placements, or
rebuild them."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from archive.rights.usage import check_usage, rebuild_usage


class Command(BaseCommand):
    help = (
        "Compare the monthly quotas' uses (kept per supplier, usage category and day) with a "
        "count of the placements and rebuild them; --check: only report (exit 1 on a difference)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--check", action="store_true", help="Report differences, change nothing."
        )

    def handle(self, *args, check: bool = False, **options) -> None:
        differences = check_usage()
        for (credit, category, day), stored, counted in differences:
            self.stdout.write(
                f"credit {credit}, category {category or 'none'}, {day}: "
                f"{stored} kept, {counted} counted"
            )
        if check:
            if differences:
                raise CommandError(f"{len(differences)} day(s) of uses differ from the placements")
            self.stdout.write("the quotas' uses agree with the placements")
            return
        rows = rebuild_usage()
        self.stdout.write(f"rebuilt the quotas' uses: {rows} supplier days")
