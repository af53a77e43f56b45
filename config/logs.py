"""Structured logs: one JSON object a line on standard error, with the request's id.

``RequestIdMiddleware`` (archive/web/middleware.py) sets ``request_id`` for the request's
duration; every record logged meanwhile carries it, so an error's traceback and the access
line of the same request can be found together.
"""

from __future__ import annotations

import contextvars
import json
import logging
from datetime import UTC, datetime

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")

# Attributes every LogRecord has; anything else was passed in ``extra`` and is logged as is.
STANDARD_ATTRIBUTES = frozenset(
    logging.LogRecord("", 0, "", 0, "", (), None).__dict__.keys() | {"message", "asctime"}
)
# Objects Django passes in ``extra`` that say nothing the access line does not.
OMITTED = frozenset({"request", "server_time"})


class RequestIdFilter(logging.Filter):
    """Stamp each record with the id of the request being served ("" outside requests)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", ""):
            # django.request logs 4xx answers after the middleware has finished: the request
            # it passes along still carries the id.
            request = getattr(record, "request", None)
            record.request_id = getattr(request, "request_id", "") or request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """Format a record as one line of JSON: time, level, logger, message, extras, traceback."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key in STANDARD_ATTRIBUTES or key in line or key in OMITTED or key.startswith("_"):
                continue
            line[key] = value if isinstance(value, str | int | float | bool) else str(value)
        if record.exc_info:
            line["traceback"] = self.formatException(record.exc_info)
        elif record.stack_info:
            line["traceback"] = self.formatStack(record.stack_info)
        return json.dumps(line, ensure_ascii=False)


def logging_config(level: str) -> dict:
    """Return the LOGGING dict: everything to standard error as JSON lines.

    Not standard output: that is the commands' own (`ingest --json`, `licence_report --format
    csv`), which scripts read line by line. Service managers keep both (journald, Docker).
    """
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "config.logs.RequestIdFilter"}},
        "formatters": {"json": {"()": "config.logs.JsonFormatter"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "json",
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": "WARNING"},
        "loggers": {
            # Errors with tracebacks (django.request logs each 5xx with exc_info).
            "django": {"level": "INFO"},
            # The development server's own access lines duplicate ours.
            "django.server": {"level": "WARNING"},
            "archive": {"level": level},
        },
    }
