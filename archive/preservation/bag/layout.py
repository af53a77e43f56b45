"""What a bag holds and how it is laid out: shared by the export and the restore.

The bag holds every stored file (originals, renditions, licence documents) under
``data/files/`` with its storage name, and every record (credits and aliases, assets,
licences, articles, placements, claims, illustrations, fixity checks, and the change history
of each) as Django-serialised JSON in ``data/records.json``; an asset's record carries its
Content Credentials' state, summary and manifest store, and the original itself its
manifests. People are named by user name only: accounts, passwords, groups and permissions
never travel in a bag.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps

from archive.ingest.credentials import Recheck
from archive.models import BagRestore
from archive.preservation.fixity import FixityReport
from archive.preservation.staging import Recovery

RECORDS = "records.json"
# Parents before children, so a restore can insert in this order.
MODELS = [
    "archive.Credit",
    "archive.CreditAlias",
    "archive.UsageCategory",
    "archive.SupplierAgreement",
    "archive.Asset",
    "archive.UsageRights",
    "archive.MediaLease",
    "archive.DatasetExport",
    "archive.DatasetExportItem",
    "archive.Licence",
    "archive.Article",
    "archive.Placement",
    "archive.Claim",
    "archive.Illustration",
    "archive.FixityCheck",
    "archive.TakedownRequest",
    "archive.TakedownItem",
]
# The fields that name stored files; the current record's files travel in the bag.
FILE_FIELDS = {"archive.Asset": ("file", "thumbnail", "preview"), "archive.Licence": ("document",)}


class BagError(Exception):
    """The bag cannot be written or restored, with the reason."""


@dataclass
class BagSummary:
    records: dict[str, int]
    files: int
    people_matched: list[str] = field(default_factory=list)
    people_unmatched: list[str] = field(default_factory=list)
    unnamed_files: list[str] = field(default_factory=list)
    derived: tuple[int, int] | None = None
    fixity: FixityReport | None = None
    training_export: int | None = None  # the DatasetExport recorded for a training set
    training_forbidden: list[int] = field(default_factory=list)  # assets it should not hold
    credentials_checked: int = 0  # restored originals whose Content Credentials were read
    credentials_changed: list[Recheck] = field(default_factory=list)  # not as the bag said
    already: BagRestore | None = None  # the bag was restored here before: nothing done
    recovery: Recovery | None = None  # what earlier, interrupted writes left, finished

    def describe(self) -> str:
        counts = ", ".join(f"{n} {label}" for label, n in self.records.items() if n)
        return f"{self.files} file(s); records: {counts}"

    def report_lines(self) -> list[str]:
        """Return what a restore did beyond copying: people, skipped files, derived data, fixity."""
        lines = []
        if self.recovery is not None and (
            self.recovery.published or self.recovery.swept or self.recovery.lost
        ):
            lines.append(self.recovery.describe())
        if self.already is not None:
            lines.append(
                f"this bag was restored here on {self.already.restored_at:%Y-%m-%d %H:%M} "
                f"({self.already.records} record(s), {self.already.files} file(s)); "
                "nothing more to do"
            )
        if self.people_matched:
            lines.append(
                "made or verified by people matched to accounts here: "
                + ", ".join(self.people_matched)
            )
        if self.people_unmatched:
            lines.append(
                "people with no account here, left empty on their records: "
                + ", ".join(self.people_unmatched)
            )
        if self.unnamed_files:
            lines.append(
                f"{len(self.unnamed_files)} file(s) in the bag named by no record, not copied: "
                + ", ".join(self.unnamed_files[:20])
                + (" …" if len(self.unnamed_files) > 20 else "")
            )
        if self.derived is not None:
            facts, documents = self.derived
            lines.append(
                f"derived data rebuilt: {facts} licence-fact row(s), {documents} search document(s)"
            )
        if self.credentials_checked:
            lines.append(
                f"Content Credentials read again: {self.credentials_checked} original(s), "
                f"{len(self.credentials_changed)} not in the state the bag recorded"
            )
            lines.extend(
                f"#{c.asset_id} Content Credentials: the bag said {c.before or 'not checked'}, "
                f"the file reads {c.after or 'not checked'}"
                for c in self.credentials_changed
            )
        if self.fixity is not None:
            missing = sum(p.result == "missing" for p in self.fixity.problems)
            altered = len(self.fixity.problems) - missing
            lines.append(
                f"fixity over the restored files: {self.fixity.checked} checked, "
                f"{self.fixity.checked - len(self.fixity.problems)} ok, {missing} missing, "
                f"{altered} altered"
            )
            lines.extend(
                f"#{p.asset_id} {p.result.upper()}: {p.detail}" for p in self.fixity.problems
            )
        return lines


def exported_models() -> list:
    """Return the models to export, each followed by its history model when it has one."""
    result = []
    for label in MODELS:
        model = apps.get_model(label)
        result.append(model)
        history = getattr(model, "history", None)
        if history is not None:
            result.append(history.model)
    return result
