"""The record of what a file says: the reconciled fields, the raw blocks, the warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class EmbeddedMetadata:
    description: str = ""  # caption
    headline: str = ""
    creator: str = ""  # several creators joined with "; "
    credit: str = ""
    source: str = ""
    copyright_notice: str = ""
    date_taken: datetime | None = None  # aware if the file gives a zone, else naive
    keywords: list[str] = field(default_factory=list)
    web_statement: str = ""
    usage_terms: str = ""
    licensor: str = ""  # IPTC Extension plus:Licensor name(s)
    licensor_url: str = ""  # the first licensor's plus:LicensorURL
    copyright_owner: str = ""  # IPTC Extension plus:CopyrightOwner name(s)
    image_supplier: str = ""  # plus:ImageSupplier name(s)
    # How it was made: the IPTC code of Iptc4xmpExt:DigitalSourceType ("" if none or unknown)
    digital_source_type: str = ""
    ai_system: str = ""  # IPTC 2025.1 AI System Used
    ai_system_version: str = ""  # AI System Version Used
    ai_prompt: str = ""  # AI Prompt Information
    ai_prompt_writer: str = ""  # AI Prompt Writer Name
    data_mining: str = ""  # the PLUS code of plus:DataMining ("" if none or unknown)
    other_constraints: str = ""  # plus:OtherConstraints
    alt_text: str = ""  # Iptc4xmpCore:AltTextAccessibility
    extended_description: str = ""  # Iptc4xmpCore:ExtDescrAccessibility
    persons_shown: list[str] = field(default_factory=list)  # Iptc4xmpExt:PersonInImage
    # The (first) location shown: IPTC Extension LocationShown, else the legacy Core fields
    location_sublocation: str = ""
    location_city: str = ""
    location_state: str = ""
    location_country: str = ""
    location_country_code: str = ""
    # Every other LocationShown, in order: {"city": ..., "country": ...} (only the parts given)
    other_locations_shown: list[dict[str, str]] = field(default_factory=list)
    camera: str = ""  # "Make Model"
    orientation: int | None = None
    # JSON-serialisable: {"iptc": {...}, "xmp": {...}, "exif": {...}} with readable keys
    raw: dict = field(default_factory=dict)
    # human sentences, e.g. "The EXIF block is damaged and was skipped."
    warnings: list[str] = field(default_factory=list)
