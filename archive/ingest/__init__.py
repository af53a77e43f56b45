"""The ingest pipeline: the one path every new file takes into the archive."""

from archive.ingest.pipeline import (
    CREATED,
    DUPLICATE,
    REJECTED,
    IngestResult,
    cut_still,
    ingest_file,
    resolve_credit,
)
from archive.ingest.validation import IngestRefused

__all__ = [
    "CREATED",
    "DUPLICATE",
    "REJECTED",
    "IngestRefused",
    "IngestResult",
    "cut_still",
    "ingest_file",
    "resolve_credit",
]
