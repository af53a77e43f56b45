"""The archive's domain, one module per model family.

What archivists catalogue lives in ``credits``, ``assets``, ``licences``, ``rights``,
``articles`` and ``fixity``; ``journal`` is the storage journal (staged files, restored bags);
the API's tokens in ``tokens``; the pre-publication checks' records in ``checks``; the
derived tables (``facts``, ``search``, ``rights.SupplierDayUsage``) are written only by
their owners, ``archive.audit.facts``, ``archive.search.documents`` and
``archive.rights.usage``.
"""

from archive.models.articles import Article, Claim, Illustration, Placement
from archive.models.assets import Asset, asset_upload_to
from archive.models.checks import PrepublicationCheck
from archive.models.credits import Credit, CreditAlias
from archive.models.exports import DatasetExport, DatasetExportItem
from archive.models.facts import AssetFacts
from archive.models.fixity import FixityCheck
from archive.models.journal import BagRestore, StagedFile
from archive.models.licences import Licence
from archive.models.rights import (
    MediaLease,
    SupplierAgreement,
    SupplierDayUsage,
    UsageCategory,
    UsageRights,
)
from archive.models.search import AssetSearchDocument
from archive.models.takedowns import TakedownItem, TakedownRequest
from archive.models.tokens import ApiToken

__all__ = [
    "ApiToken",
    "Article",
    "Asset",
    "AssetFacts",
    "AssetSearchDocument",
    "BagRestore",
    "Claim",
    "Credit",
    "CreditAlias",
    "DatasetExport",
    "DatasetExportItem",
    "FixityCheck",
    "Illustration",
    "Licence",
    "MediaLease",
    "Placement",
    "PrepublicationCheck",
    "TakedownItem",
    "TakedownRequest",
    "StagedFile",
    "SupplierAgreement",
    "SupplierDayUsage",
    "UsageCategory",
    "UsageRights",
    "asset_upload_to",
]
