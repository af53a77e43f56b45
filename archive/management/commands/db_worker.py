"""`manage.py db_worker`: django-tasks-db's worker, named so that its killed tasks are found."""

from __future__ import annotations

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from archive.background import requeue_stranded, worker_name


class Command(DatabaseWorkerCommand):
    help = (
        "Run the background worker. Its id names its host and process, so the tasks a killed "
        "worker left running are queued again (by the next worker to start, `ingest`, "
        "`import_bag` or `fixity`)."
    )

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(worker_id=worker_name())

    def handle(self, *args, **options) -> None:
        # A worker restarted after a crash (systemd restarts it) takes up what it was doing.
        requeue_stranded()
        super().handle(*args, **options)
