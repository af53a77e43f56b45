"""Map IPTC, XMP and EXIF to the record's fields, as the Metadata Working Group says."""

from __future__ import annotations

from typing import Any

from archive.ingest.metadata.common import (
    _LEGACY_ENCODINGS,
    _LIMIT_CITY,
    _LIMIT_COPYRIGHT,
    _LIMIT_COUNTRY,
    _LIMIT_COUNTRY_CODE,
    _LIMIT_CREATOR,
    _LIMIT_CREDIT,
    _LIMIT_DESCRIPTION,
    _LIMIT_HEADLINE,
    _LIMIT_KEYWORD,
    _LIMIT_SOURCE,
    _LIMIT_STATE,
    _LIMIT_SUBLOCATION,
    _TAG_ARTIST,
    _TAG_COPYRIGHT,
    _TAG_IMAGE_DESCRIPTION,
    _TAG_MAKE,
    _TAG_MODEL,
    _TAG_ORIENTATION,
    _as_list,
    _clean,
    _IptcText,
    _Warnings,
)
from archive.ingest.metadata.exif import _Exif, _exif_datetime, _mwg_string_to_list
from archive.ingest.metadata.iptc import _Iptc, _iptc_date
from archive.ingest.metadata.record import EmbeddedMetadata
from archive.ingest.metadata.xmp import _xmp_date, _xmp_list, _xmp_struct_names, _xmp_text
from archive.provenance import data_mining_code, digital_source_type_code


def _reconcile(
    result: EmbeddedMetadata, iptc: _Iptc, xmp: dict, exif: _Exif, warnings: _Warnings
) -> None:
    # Description, Copyright, Creator: MWG with EXIF first.
    result.description = _clean(
        _mwg(
            exif.text(_TAG_IMAGE_DESCRIPTION),
            iptc,
            iptc.fields.get((2, 120)),
            _xmp_text(xmp.get("dc:description")),
            _LIMIT_DESCRIPTION,
        )
    )
    result.copyright_notice = _clean(
        _mwg(
            exif.text(_TAG_COPYRIGHT),
            iptc,
            iptc.fields.get((2, 116)),
            _xmp_text(xmp.get("dc:rights")),
            _LIMIT_COPYRIGHT,
        )
    )
    artist = exif.text(_TAG_ARTIST)
    creators = _mwg(
        _mwg_string_to_list(artist) if artist is not None and artist.strip(" ") else None,
        iptc,
        iptc.fields.get((2, 80)),
        _xmp_list(xmp.get("dc:creator")),
        _LIMIT_CREATOR,
    )
    result.creator = "; ".join(c for c in (_clean(v) for v in _as_list(creators)) if c)

    # Keywords: MWG without EXIF.
    keywords = _mwg(None, iptc, iptc.fields.get((2, 25)), _xmp_list(xmp.get("dc:subject")),
                    _LIMIT_KEYWORD)  # fmt: skip
    result.keywords = [k for k in (_clean(v) for v in _as_list(keywords)) if k]

    # Not defined by MWG: XMP over IPTC, except that a stale digest makes the IPTC win.
    result.headline = _clean(
        _xmp_over_iptc(iptc, (2, 105), _xmp_text(xmp.get("photoshop:Headline")), _LIMIT_HEADLINE)
    )
    result.credit = _clean(
        _xmp_over_iptc(iptc, (2, 110), _xmp_text(xmp.get("photoshop:Credit")), _LIMIT_CREDIT)
    )
    result.source = _clean(
        _xmp_over_iptc(iptc, (2, 115), _xmp_text(xmp.get("photoshop:Source")), _LIMIT_SOURCE)
    )

    # XMP only.
    result.web_statement = _clean(_xmp_text(xmp.get("xmpRights:WebStatement")))
    result.usage_terms = _clean(_xmp_text(xmp.get("xmpRights:UsageTerms")))
    licensors = _xmp_struct_names(xmp.get("plus:Licensor"), "plus:LicensorName") or []
    result.licensor = "; ".join(n for n in (_clean(v) for v in licensors) if n)
    urls = _xmp_struct_names(xmp.get("plus:Licensor"), "plus:LicensorURL") or []
    result.licensor_url = next((u for u in (_clean(v) for v in urls) if u), "")
    owners = _xmp_struct_names(xmp.get("plus:CopyrightOwner"), "plus:CopyrightOwnerName") or []
    result.copyright_owner = "; ".join(n for n in (_clean(v) for v in owners) if n)
    suppliers = _xmp_struct_names(xmp.get("plus:ImageSupplier"), "plus:ImageSupplierName") or []
    result.image_supplier = "; ".join(n for n in (_clean(v) for v in suppliers) if n)
    _reconcile_provenance(result, xmp, warnings)
    _reconcile_location(result, iptc, xmp)

    # Date taken: MWG DateTimeOriginal.
    result.date_taken = _exif_datetime(exif, warnings)
    if result.date_taken is None:
        xmp_date = _xmp_text(xmp.get("photoshop:DateCreated"))
        if not iptc.present or (xmp_date is not None and not iptc.digest_stale):
            result.date_taken = _xmp_date(xmp_date)
            if xmp_date and result.date_taken is None:
                warnings.add("The XMP creation date is not a valid date and was ignored.")
        else:
            result.date_taken = _iptc_date(iptc.first((2, 55)), iptc.first((2, 60)))

    # Camera and orientation: EXIF only.
    make = _clean(exif.text(_TAG_MAKE))
    model = _clean(exif.text(_TAG_MODEL))
    if make and model.lower().startswith(make.lower()):
        make = ""
    result.camera = " ".join(p for p in (make, model) if p)
    orientation = exif.tags.get(_TAG_ORIENTATION)
    if isinstance(orientation, tuple) and len(orientation) == 1:
        orientation = orientation[0]
    if isinstance(orientation, int) and 1 <= orientation <= 8:
        result.orientation = orientation
    elif orientation is not None:
        warnings.add("The EXIF orientation is not a valid value and was ignored.")


def _vocabulary_code(raw, code_of, what: str, vocabulary: str, warnings: _Warnings) -> str:
    """The controlled-vocabulary code an XMP value names; "" (and a warning) if it names none."""
    value = _clean(_xmp_text(raw))
    if not value:
        return ""
    code = code_of(value)
    if code is None:
        warnings.add(
            f"The {what} “{value[:200]}” is not in the {vocabulary} vocabulary; it is kept in "
            "the raw metadata only."
        )
    return code or ""


def _reconcile_provenance(result: EmbeddedMetadata, xmp: dict, warnings: _Warnings) -> None:
    """XMP only: how the picture was made (IPTC Extension, 2025.1 AI fields), the PLUS data
    mining terms, the accessibility texts and the people shown."""
    result.digital_source_type = _vocabulary_code(
        xmp.get("Iptc4xmpExt:DigitalSourceType"),
        digital_source_type_code,
        "digital source type",
        "IPTC",
        warnings,
    )
    result.ai_system = _clean(_xmp_text(xmp.get("Iptc4xmpExt:AISystemUsed")))
    result.ai_system_version = _clean(_xmp_text(xmp.get("Iptc4xmpExt:AISystemVersionUsed")))
    result.ai_prompt = _clean(_xmp_text(xmp.get("Iptc4xmpExt:AIPromptInformation")))
    result.ai_prompt_writer = _clean(_xmp_text(xmp.get("Iptc4xmpExt:AIPromptWriterName")))
    result.data_mining = _vocabulary_code(
        xmp.get("plus:DataMining"), data_mining_code, "data mining value", "PLUS", warnings
    )
    result.other_constraints = _clean(_xmp_text(xmp.get("plus:OtherConstraints")))
    result.alt_text = _clean(_xmp_text(xmp.get("Iptc4xmpCore:AltTextAccessibility")))
    result.extended_description = _clean(_xmp_text(xmp.get("Iptc4xmpCore:ExtDescrAccessibility")))
    persons = _xmp_list(xmp.get("Iptc4xmpExt:PersonInImage"))
    if not persons:  # only the detailed form: its names
        persons = _xmp_struct_names(
            xmp.get("Iptc4xmpExt:PersonInImageWDetails"), "Iptc4xmpExt:PersonName"
        )
    result.persons_shown = list(dict.fromkeys(p for p in (_clean(v) for v in persons or []) if p))


def _reconcile_location(result: EmbeddedMetadata, iptc: _Iptc, xmp: dict) -> None:
    """The location shown as MWG reconciles City, State, Country and Location: the XMP value
    (the first IPTC Extension LocationShown, else the legacy Core field) over the IIM one,
    unless the IIM changed after the XMP was written."""
    shown = xmp.get("Iptc4xmpExt:LocationShown")
    first = (shown[0] if shown else None) if isinstance(shown, list) else shown
    first = first if isinstance(first, dict) else {}
    for attribute, struct_key, core_key, iim_key, limit in (
        ("location_sublocation", "Sublocation", "Iptc4xmpCore:Location", (2, 92), _LIMIT_SUBLOCATION),
        ("location_city", "City", "photoshop:City", (2, 90), _LIMIT_CITY),
        ("location_state", "ProvinceState", "photoshop:State", (2, 95), _LIMIT_STATE),
        ("location_country", "CountryName", "photoshop:Country", (2, 101), _LIMIT_COUNTRY),
        ("location_country_code", "CountryCode", "Iptc4xmpCore:CountryCode", (2, 100), _LIMIT_COUNTRY_CODE),
    ):  # fmt: skip
        # Perl's ``$shown || $legacy``: an empty LocationShown value falls through.
        xmp_value = _xmp_text(first.get(f"Iptc4xmpExt:{struct_key}")) or _xmp_text(
            xmp.get(core_key)
        )
        value = _mwg(None, iptc, iptc.fields.get(iim_key), xmp_value, limit)
        setattr(result, attribute, _clean(_as_list(value)[0] if isinstance(value, list) else value))
    result.other_locations_shown = other_locations_shown(xmp)


def other_locations_shown(xmp: dict) -> list[dict[str, str]]:
    """Every LocationShown after the first that names a place, in the file's order.

    The first item is the location shown (MWG) wherever it is, even empty. After it, an item
    naming no place (empty, or only a GPS position, an id, a world region) is not catalogued:
    downloads keep it where the file has it and write the catalogue's places over the items
    that name one (``archive.preservation.xmp.merge_structures``), so none changes places.
    """
    shown = xmp.get("Iptc4xmpExt:LocationShown")
    others = shown[1:] if isinstance(shown, list) else []
    return [place for place in map(_location, others) if place]


_LOCATION_PARTS = (
    ("sublocation", "Sublocation"),
    ("city", "City"),
    ("state", "ProvinceState"),
    ("country", "CountryName"),
    ("country_code", "CountryCode"),
)


def _location(item: Any) -> dict[str, str]:
    """One LocationShown structure as the parts it gives (empty if it gives none)."""
    if not isinstance(item, dict):
        return {}
    place = {
        part: _clean(_xmp_text(item.get(f"Iptc4xmpExt:{key}"))) for part, key in _LOCATION_PARTS
    }
    return {part: text for part, text in place.items() if text}


def _mwg(
    exif_value: Any,
    iptc: _Iptc,
    iptc_values: list[_IptcText] | None,
    xmp_value: Any,
    limit: int,
) -> Any:
    """exiftool MWG.pm's RawConv for Description, Copyright, Creator and Keywords."""
    if exif_value is not None:
        if isinstance(exif_value, list) or exif_value.strip(" ") != "":
            return exif_value
    if not iptc.present:
        return xmp_value
    if xmp_value is not None and not iptc.digest_stale:
        return xmp_value
    return _recover_truncated_iptc(iptc_values, xmp_value, limit)


def _xmp_over_iptc(iptc: _Iptc, key: tuple[int, int], xmp_value: str | None, limit: int) -> Any:
    values = iptc.fields.get(key)
    if values and (xmp_value is None or iptc.digest_stale):
        return _recover_truncated_iptc(values[:1], xmp_value, limit)
    return xmp_value


def _recover_truncated_iptc(iptc_values: list[_IptcText] | None, xmp: Any, limit: int) -> Any:
    """MWG.pm's RecoverTruncatedIPTC, plus the recovery of mis-decoded legacy text."""
    if not iptc_values:
        return None
    xmp_list = xmp if isinstance(xmp, list) else ([xmp] if xmp is not None else [])
    out = []
    for index, value in enumerate(iptc_values):
        candidate = xmp_list[index] if index < len(xmp_list) else None
        out.append(_recover_one(value, candidate, limit))
    return out if len(iptc_values) > 1 or isinstance(xmp, list) else out[0]


def _recover_one(iptc: _IptcText, xmp: str | None, limit: int) -> str:
    if not isinstance(xmp, str):
        return iptc.text
    encodings = _LEGACY_ENCODINGS if iptc.legacy else ("utf-8", "latin-1")
    # A copy cut at the IIM length limit: the XMP value starts with the same bytes.
    if len(iptc.raw) == limit:
        for encoding in encodings:
            try:
                encoded = xmp.encode(encoding)
            except UnicodeEncodeError:
                continue
            if len(encoded) > limit and encoded[:limit] == iptc.raw:
                return xmp
    # Beyond exiftool: undeclared non-UTF-8 IPTC holding the XMP text in a legacy code page.
    if iptc.legacy:
        for encoding in _LEGACY_ENCODINGS:
            try:
                encoded = xmp.encode(encoding)
            except UnicodeEncodeError:
                continue
            if encoded == iptc.raw:
                return xmp
    return iptc.text
