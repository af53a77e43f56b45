"""Read an XMP packet (RDF/XML, parsed safely) into plain values."""

from __future__ import annotations

import io
import re
from datetime import datetime
from typing import Any

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from archive.ingest.metadata.common import (
    _KNOWN_PREFIXES,
    _MAX_XMP_BYTES,
    _NS_RDF,
    _NS_XML,
    _microseconds,
    _Warnings,
    _zone,
)


def _decode_xmp_packet(packet: bytes | str, warnings: _Warnings) -> str | None:
    if isinstance(packet, str):
        return packet
    if len(packet) > _MAX_XMP_BYTES:
        warnings.add("The XMP packet is too large to read and was skipped.")
        return None
    head = packet[:4]
    encoding = None
    if head.startswith(b"\xef\xbb\xbf"):
        encoding, packet = "utf-8", packet[3:]
    elif head in (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00"):
        encoding = "utf-32"
    elif head[:2] in (b"\xfe\xff", b"\xff\xfe"):
        encoding = "utf-16"
    elif head == b"\x00\x00\x00<":
        encoding = "utf-32-be"
    elif head == b"<\x00\x00\x00":
        encoding = "utf-32-le"
    elif head[:2] == b"\x00<":
        encoding = "utf-16-be"
    elif head[:2] == b"<\x00":
        encoding = "utf-16-le"
    elif b"\x00<\x00x\x00:" in packet or b"\x00<\x00?\x00x\x00p" in packet:
        encoding = "utf-16-be"
        packet = packet[packet.find(b"\x00<") :]
    elif b"<\x00x\x00:\x00" in packet or b"<\x00?\x00x\x00p\x00" in packet:
        encoding = "utf-16-le"
        packet = packet[packet.find(b"<\x00") :]
    else:
        encoding = "utf-8"
    if encoding.startswith("utf-16") and len(packet) % 2:
        packet = packet[:-1]
    try:
        return packet.decode(encoding)
    except UnicodeDecodeError:
        warnings.add("The XMP packet is not valid Unicode; unreadable characters were replaced.")
        return packet.decode(encoding, "replace")


def _read_xmp(packet: bytes | str | None, warnings: _Warnings) -> dict:
    if packet is None:
        return {}
    text = _decode_xmp_packet(packet, warnings)
    if text is None:
        return {}
    text = text.lstrip("\ufeff\x00 \t\r\n")
    text = re.sub(r"^<\?xml[^>]*\?>", "", text)  # the declaration may name a different charset
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        warnings.add(
            "The XMP packet declares a DTD or entities (a possible entity-expansion or "
            "external-entity attack) and was ignored."
        )
        return {}
    first, last = text.find("<"), text.rfind(">")
    if first < 0 or last < first:
        warnings.add("The XMP packet is not well-formed XML and was ignored.")
        return {}
    text = text[first : last + 1]

    prefixes: dict[str, str] = {}
    try:
        parser = SafeET.iterparse(
            io.BytesIO(text.encode("utf-8")),
            events=("start-ns",),
            forbid_dtd=True,
            forbid_entities=True,
            forbid_external=True,
        )
        for _event, (prefix, uri) in parser:
            prefixes.setdefault(uri, prefix)
        root = parser.root
    except DefusedXmlException:
        warnings.add(
            "The XMP packet declares a DTD or entities (a possible entity-expansion or "
            "external-entity attack) and was ignored."
        )
        return {}
    except SafeET.ParseError:
        warnings.add("The XMP packet is not well-formed XML and was ignored.")
        return {}
    if root is None:
        warnings.add("The XMP packet is empty and was ignored.")
        return {}

    names = _QNames(prefixes)
    props: dict[str, Any] = {}
    rdf_roots = [root] if root.tag == f"{{{_NS_RDF}}}RDF" else root.iter(f"{{{_NS_RDF}}}RDF")
    for rdf in rdf_roots:
        for description in rdf:
            if description.tag != f"{{{_NS_RDF}}}Description":
                continue
            for key, value in _struct_fields(description, names, depth=0).items():
                props.setdefault(key, value)
    return props


class _QNames:
    def __init__(self, prefixes: dict[str, str]) -> None:
        self.prefixes = prefixes

    def __call__(self, tag: str) -> str:
        if not tag.startswith("{"):
            return tag
        uri, _, local = tag[1:].partition("}")
        prefix = _KNOWN_PREFIXES.get(uri) or self.prefixes.get(uri) or uri
        return f"{prefix}:{local}"


_RDF_ABOUT = f"{{{_NS_RDF}}}about"
_RDF_RESOURCE = f"{{{_NS_RDF}}}resource"
_RDF_PARSETYPE = f"{{{_NS_RDF}}}parseType"
_RDF_VALUE = f"{{{_NS_RDF}}}value"
_RDF_LI = f"{{{_NS_RDF}}}li"
_XML_LANG = f"{{{_NS_XML}}}lang"
_MAX_DEPTH = 32


def _struct_fields(element: Any, names: _QNames, depth: int) -> dict[str, Any]:
    """The properties of a node: its non-RDF attributes and its child elements."""
    out: dict[str, Any] = {}
    for key, value in element.attrib.items():
        if key.startswith((f"{{{_NS_RDF}}}", f"{{{_NS_XML}}}")) or key == "about":
            continue  # RDF syntax, not properties (bare "about" is pre-2004 XMP)
        out.setdefault(names(key), value)
    for child in element:
        if child.tag == f"{{{_NS_RDF}}}Description":  # nested node description
            for key, value in _struct_fields(child, names, depth + 1).items():
                out.setdefault(key, value)
            continue
        out.setdefault(names(child.tag), _rdf_value(child, names, depth + 1))
    return out


def _rdf_value(element: Any, names: _QNames, depth: int) -> Any:
    """A property element's value: text, list, language alternative or structure."""
    if depth > _MAX_DEPTH:
        return ""
    if _RDF_RESOURCE in element.attrib:
        return element.attrib[_RDF_RESOURCE]
    children = list(element)
    if element.attrib.get(_RDF_PARSETYPE) == "Resource":
        return _struct_fields(element, names, depth)
    if not children:
        attrs = {k: v for k, v in element.attrib.items() if not k.startswith(f"{{{_NS_XML}}}")}
        if attrs:
            return _struct_fields(element, names, depth)
        return element.text or ""
    for child in children:
        if child.tag == _RDF_VALUE:  # a value with qualifiers
            return child.text or ""
    container = children[0]
    if container.tag in (f"{{{_NS_RDF}}}Alt", f"{{{_NS_RDF}}}Seq", f"{{{_NS_RDF}}}Bag"):
        items = [li for li in container if li.tag == _RDF_LI]
        if container.tag.endswith("Alt") and items and all(_XML_LANG in li.attrib for li in items):
            alternatives: dict[str, Any] = {}
            for li in items:
                alternatives.setdefault(li.attrib[_XML_LANG], _rdf_value(li, names, depth + 1))
            return alternatives
        return [_rdf_value(li, names, depth + 1) for li in items]
    return _struct_fields(element, names, depth)


def _xmp_text(value: Any) -> str | None:
    """A simple or language-alternative XMP value as text (x-default preferred)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        if "x-default" in value and isinstance(value["x-default"], str):
            return value["x-default"]
        for item in value.values():
            if isinstance(item, str):
                return item
        return None
    if isinstance(value, list):
        for item in value:
            text = _xmp_text(item)
            if text is not None:
                return text
    return None


def _xmp_list(value: Any) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, list):
        return [t for t in (_xmp_text(v) for v in value) if t is not None]
    text = _xmp_text(value)
    return [text] if text is not None else None


def _xmp_struct_names(value: Any, key: str) -> list[str] | None:
    if value is None:
        return None
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict):
            name = _xmp_text(item.get(key))
            if name:
                names.append(name)
    return names


def _xmp_date(text: str | None) -> datetime | None:
    if not text:
        return None
    match = re.match(
        r"^\s*(\d{4})(?:[-:](\d\d)(?:[-:](\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?"
        r"\s*(?:([+-])(\d\d):?(\d\d)|(Z))?)?)?)?",
        text,
    )
    if not match:
        return None
    try:
        return datetime(
            int(match[1]),
            int(match[2] or 1) or 1,
            int(match[3] or 1) or 1,
            int(match[4] or 0),
            int(match[5] or 0),
            int(match[6] or 0),
            _microseconds(match[7]),
            tzinfo=_zone(match[8], match[9], match[10], match[11]),
        )
    except ValueError:
        return None
