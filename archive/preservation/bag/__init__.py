"""The archive as a BagIt bag: its layout, the export, and the restore (see each module)."""

from archive.preservation.bag.export import export_bag, record_training_export
from archive.preservation.bag.layout import BagError, BagSummary, exported_models
from archive.preservation.bag.restore import import_bag

__all__ = [
    "BagError",
    "BagSummary",
    "export_bag",
    "exported_models",
    "import_bag",
    "record_training_export",
]
