"""Make an API token for a user and print it (once: only its hash is kept)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from archive.tokens import issue_token


class Command(BaseCommand):
    help = "Make an API token for USERNAME and print it; revoke it in the admin (API tokens)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", required=True, help="what the token is for")

    def handle(self, *args, username: str, name: str, **options):
        try:
            user = get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user named {username!r}.") from None
        if not user.is_active:
            raise CommandError(f"{username!r} is deactivated: a token would be refused.")
        row, token = issue_token(user=user, name=name)
        self.stderr.write(f"Token {row.prefix}… for {username} ({name}): shown only now, copy it.")
        self.stdout.write(token)
