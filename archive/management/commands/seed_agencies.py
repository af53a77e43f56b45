from django.core.management.base import BaseCommand

from archive.services import seed_agencies


class Command(BaseCommand):
    help = (
        "Record the major agencies and platforms with their known spellings (PA, PA Wire, "
        "Press Association...), so printed and embedded credits resolve to one credit each. "
        "Credits already held under any spelling keep their name and gain the missing ones. "
        "Safe to run again."
    )

    def handle(self, *args, **options):
        created, added = seed_agencies()
        self.stdout.write(
            self.style.SUCCESS(f"agencies: {created} credits created, {added} spellings added")
        )
