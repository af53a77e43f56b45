from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "Caption Archive"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from archive.roles import ensure_roles

        # After every migrate, so the role groups always carry the current permissions.
        post_migrate.connect(ensure_roles, sender=self)

        from archive import derived

        # Keep each asset's derived data (audit facts, search document) current on every write.
        derived.connect()
