"""Write XMP packets: the credit, caption and rights carried inside a file we hand out.

``build_xmp_packet`` makes a new packet (the seed loader's stand-in cards carry their credit
like an agency's file would). ``merge_xmp_packet`` sets the catalogue's properties in a file's
own packet and keeps every other property, namespace and structure: downloads use it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from lxml import etree

NAMESPACES = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "xmpRights": "http://ns.adobe.com/xap/1.0/rights/",
}


def lang_alt(tag: str, value: str) -> str:
    return (
        f'<{tag}><rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li></rdf:Alt></{tag}>'
    )


def build_xmp_packet(
    *,
    title: str = "",
    description: str = "",
    creator: str = "",
    rights: str = "",
    credit: str = "",
    source: str = "",
    headline: str = "",
    web_statement: str = "",
    usage_terms: str = "",
) -> bytes:
    """Return a UTF-8 XMP packet with the given Dublin Core, Photoshop and rights fields."""
    parts = []
    if title:
        parts.append(lang_alt("dc:title", title))
    if description:
        parts.append(lang_alt("dc:description", description))
    if creator:
        parts.append(
            f"<dc:creator><rdf:Seq><rdf:li>{escape(creator)}</rdf:li></rdf:Seq></dc:creator>"
        )
    if rights:
        parts.append(lang_alt("dc:rights", rights))
    if usage_terms:
        parts.append(lang_alt("xmpRights:UsageTerms", usage_terms))
    attributes = {
        "photoshop:Credit": credit,
        "photoshop:Source": source,
        "photoshop:Headline": headline,
        "xmpRights:WebStatement": web_statement,
    }
    simple = "".join(
        f"<{name}>{escape(value)}</{name}>" for name, value in attributes.items() if value
    )
    declarations = " ".join(
        f'xmlns:{prefix}="{uri}"'
        for prefix, uri in NAMESPACES.items()
        if prefix not in ("x", "rdf")
    )
    body = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        f'<x:xmpmeta xmlns:x="{NAMESPACES["x"]}">'
        f'<rdf:RDF xmlns:rdf="{NAMESPACES["rdf"]}">'
        f'<rdf:Description rdf:about="" {declarations}>'
        f"{''.join(parts)}{simple}"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )
    return body.encode("utf-8")


# --- Merging the catalogue into a file's own packet --------------------------------------------

# Every namespace a catalogue property may live in: a property named with one of these prefixes
# can be merged (the file's own packet may use any prefix for the same URI).
NAMESPACES.update(
    {
        "xmp": "http://ns.adobe.com/xap/1.0/",
        "xmpNote": "http://ns.adobe.com/xmp/note/",
        "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
        "Iptc4xmpExt": "http://iptc.org/std/Iptc4xmpExt/2008-02-29/",
        "plus": "http://ns.useplus.org/ldf/xmp/1.0/",
        "dcterms": "http://purl.org/dc/terms/",
    }
)

TEXT, LANG_ALT, SEQ, BAG = "text", "lang-alt", "seq", "bag"


@dataclass(frozen=True)
class Property:
    """How one XMP property is written, and its IPTC-IIM and EXIF twins (MWG), if any."""

    form: str = TEXT
    iim: int | None = None  # dataset number in IIM record 2
    iim_limit: int = 0  # the IIM specification's length limit, in bytes
    exif: int | None = None  # IFD0 tag
    # An array of structures whose first item is written by position, whatever it holds: the
    # location shown (MWG reads the first LocationShown, an empty one meaning "none").
    first_by_position: bool = False


# The forms of the properties the catalogue writes or may write. A property not listed here is
# written as simple text; a value that is a list (of text, or of dicts for structures) is
# written as a Bag unless listed as a Seq.
PROPERTIES = {
    "dc:title": Property(LANG_ALT, iim=5, iim_limit=64),
    "dc:description": Property(LANG_ALT, iim=120, iim_limit=2000, exif=0x010E),
    "dc:creator": Property(SEQ, iim=80, iim_limit=32, exif=0x013B),
    "dc:rights": Property(LANG_ALT, iim=116, iim_limit=128, exif=0x8298),
    "dc:subject": Property(BAG, iim=25, iim_limit=64),
    "photoshop:Headline": Property(iim=105, iim_limit=256),
    "photoshop:Credit": Property(iim=110, iim_limit=32),
    "photoshop:Source": Property(iim=115, iim_limit=32),
    "xmpRights:UsageTerms": Property(LANG_ALT),
    "xmpRights:WebStatement": Property(),
    "Iptc4xmpCore:AltTextAccessibility": Property(LANG_ALT),
    "Iptc4xmpCore:ExtDescrAccessibility": Property(LANG_ALT),
    "Iptc4xmpExt:DigitalSourceType": Property(),
    "Iptc4xmpExt:AISystemUsed": Property(),
    "Iptc4xmpExt:AISystemVersionUsed": Property(),
    "Iptc4xmpExt:AIPromptInformation": Property(),
    "Iptc4xmpExt:AIPromptWriterName": Property(),
    "Iptc4xmpExt:PersonInImage": Property(BAG),
    "Iptc4xmpExt:LocationShown": Property(BAG, first_by_position=True),
    # The legacy (IPTC Core) location fields, twins of the IIM ones: the catalogue's location
    # shown is written to them too, so that MWG readers of City, State... find the same.
    "Iptc4xmpCore:Location": Property(iim=92, iim_limit=32),
    "photoshop:City": Property(iim=90, iim_limit=32),
    "photoshop:State": Property(iim=95, iim_limit=32),
    "Iptc4xmpCore:CountryCode": Property(iim=100, iim_limit=3),
    "photoshop:Country": Property(iim=101, iim_limit=64),
    "plus:DataMining": Property(),
    "plus:Licensor": Property(SEQ),
    "plus:CopyrightOwner": Property(SEQ),
    "plus:ImageSupplier": Property(SEQ),
}

# In a structure, a field whose value is None is removed from the file's item (the catalogue
# holds every such field of the item and has none); an empty one is left as the file has it.
Value = str | Sequence[str] | Sequence[Mapping[str, str | None]]

RDF = NAMESPACES["rdf"]
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PACKET_ID = 'begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"'
# Characters XML 1.0 cannot carry (a caption pasted from a word processor may hold some).
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class UnsafeMetadata(ValueError):
    """The file's metadata cannot be merged safely: hand it out untouched with a sidecar."""


def qualified(name: str) -> str:
    """Return ``prefix:local`` as lxml's ``{uri}local``."""
    prefix, _, local = name.partition(":")
    if prefix not in NAMESPACES or not local:
        raise ValueError(f"Unknown XMP namespace prefix in {name!r}.")
    return f"{{{NAMESPACES[prefix]}}}{local}"


def is_empty(value: Value | None) -> bool:
    return not value or (isinstance(value, str) and not value.strip())


def parse_packet(packet: bytes) -> etree._Element:
    """Parse an XMP packet (UTF-8, -16 or -32) safely: no DTD, no entities, no network."""
    text = decode_packet(packet)
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise UnsafeMetadata("The XMP packet declares a DTD (XMP forbids one).")
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as error:
        raise UnsafeMetadata(f"The XMP packet is not well-formed XML: {error}") from error
    if root.tag != f"{{{RDF}}}RDF" and next(root.iter(f"{{{RDF}}}RDF"), None) is None:
        raise UnsafeMetadata("The XMP packet has no rdf:RDF element.")
    return root


# How an XMP packet's first bytes tell its encoding (with or without a byte-order mark).
BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
)


def decode_packet(packet: bytes) -> str:
    """Return the packet's text, whatever Unicode encoding XMP allows it to be in."""
    codec = next((codec for bom, codec in BOMS if packet.startswith(bom)), "utf-8")
    try:
        text = packet.decode(codec)
    except UnicodeDecodeError as error:
        raise UnsafeMetadata(f"The XMP packet is not valid {codec}.") from error
    return text.lstrip("\ufeff").rstrip("\x00 \t\r\n")


def xmpmeta_root(packet: bytes | None) -> etree._Element:
    """The packet's root element (``x:xmpmeta``), or a new empty one."""
    if packet:
        return parse_packet(packet)
    root = etree.Element(f"{{{NAMESPACES['x']}}}xmpmeta", nsmap={"x": NAMESPACES["x"]})
    etree.SubElement(root, f"{{{RDF}}}RDF", nsmap={"rdf": RDF})
    return root


def descriptions(root: etree._Element) -> list[etree._Element]:
    """The packet's top-level ``rdf:Description`` elements (one is made if there is none)."""
    rdf = root if root.tag == f"{{{RDF}}}RDF" else next(root.iter(f"{{{RDF}}}RDF"))
    found = rdf.findall(f"{{{RDF}}}Description")
    if not found:
        found = [etree.SubElement(rdf, f"{{{RDF}}}Description", {f"{{{RDF}}}about": ""})]
    return found


def remove_property(root: etree._Element, name: str) -> tuple[etree._Element, int] | None:
    """Remove every copy of ``name`` (element or attribute); return where the first one was."""
    tag = qualified(name)
    where = None
    for description in descriptions(root):
        if tag in description.attrib:
            del description.attrib[tag]
            where = where or (description, len(description))
        for element in description.findall(tag):
            where = where or (description, description.index(element))
            description.remove(element)
    return where


def merge_into_root(root: etree._Element, values: Mapping[str, Value | None]) -> None:
    """Set each non-empty catalogue value in ``root``; leave every other property as it is."""
    for name, value in values.items():
        if is_empty(value):
            continue
        spec = PROPERTIES.get(name, Property())
        form = spec.form
        tag = qualified(name)
        if form == LANG_ALT and set_default_language(root, tag, str(value)):
            continue
        if is_structures(value) and merge_structures(
            root, tag, value, first_by_position=spec.first_by_position
        ):
            continue
        where = remove_property(root, name)
        description, index = where or (descriptions(root)[0], None)
        element = new_element(description, tag)
        if form == LANG_ALT:
            alt = new_element(element, f"{{{RDF}}}Alt")
            new_element(alt, f"{{{RDF}}}li", {XML_LANG: "x-default"}).text = clean(str(value))
        elif form in (SEQ, BAG) or not isinstance(value, str):
            items = [value] if isinstance(value, str | Mapping) else list(value)
            container = new_element(element, f"{{{RDF}}}{'Seq' if form == SEQ else 'Bag'}")
            for item in items:
                fill(new_element(container, f"{{{RDF}}}li"), item)
        else:
            element.text = clean(value)
        if index is not None:
            description.insert(index, element)  # where the file had it


def is_structures(value: Value) -> bool:
    return not isinstance(value, str) and all(isinstance(item, Mapping) for item in value)


def merge_structures(
    root: etree._Element,
    tag: str,
    values: Sequence[Mapping[str, str | None]],
    *,
    first_by_position: bool = False,
) -> bool:
    """Set the fields of an existing array of structures item by item, keeping the fields the
    catalogue does not hold (a licensor's e-mail, a location's GPS position).

    The catalogue's items go, in order, to the file's items that hold one of the catalogue's
    fields (with ``first_by_position``, the first goes to the file's first item, whatever it
    holds): an item holding none (only a GPS position, an id) is kept where it is, so no item
    takes another's place, and one holding nothing at all is removed. The file's items past
    the catalogue's are removed. False when the file has no such array in a form this can
    merge into (the caller writes a new one)."""
    names = {qualified(name) for fields in values for name in fields}
    for description in descriptions(root):
        element = description.find(tag)
        container = None if element is None else element.find(f"{{{RDF}}}*")
        if container is None or container.tag not in (f"{{{RDF}}}Seq", f"{{{RDF}}}Bag"):
            continue
        items = container.findall(f"{{{RDF}}}li")
        if any(is_text_item(item) for item in items):
            return False  # text items, not structures
        fixed = items[:1] if first_by_position else []
        rest = items[len(fixed) :]
        for item in rest:
            if not holds_anything(item):
                container.remove(item)
        slots = fixed + [item for item in rest if holds_any(item, names)]
        for index, fields in enumerate(values):
            if index < len(slots):
                set_fields(slots[index], fields)
            else:
                fill(new_element(container, f"{{{RDF}}}li"), fields)
        for extra in slots[len(values) :]:
            container.remove(extra)
        for other in descriptions(root):  # a duplicate elsewhere would contradict this one
            for duplicate in other.findall(tag):
                if duplicate is not element:
                    other.remove(duplicate)
            other.attrib.pop(tag, None)
        return True
    return False


# RDF's syntax on an item, which says nothing about what it holds.
RDF_SYNTAX = {f"{{{RDF}}}{name}" for name in ("parseType", "about", "nodeID", "ID")} | {XML_LANG}


def is_text_item(item: etree._Element) -> bool:
    """An array item that is text (a name), not a structure."""
    return len(item) == 0 and not item.attrib and bool((item.text or "").strip())


def holds_anything(item: etree._Element) -> bool:
    """Whether an array item holds any value: text or a property attribute, at any depth."""
    for node in item.iter(tag=etree.Element):
        if (node.text or "").strip():
            return True
        if any(value.strip() for key, value in node.attrib.items() if key not in RDF_SYNTAX):
            return True
    return False


def holds_any(item: etree._Element, names: set[str]) -> bool:
    """Whether a structure item has a value for any of these fields (``{uri}local`` names)."""
    holder = item.find(f"{{{RDF}}}Description")
    holder = item if holder is None else holder
    for name in names:
        if holder.get(name, "").strip():
            return True
        field = holder.find(name)
        if field is not None and "".join(field.itertext()).strip():
            return True
    return False


def set_fields(item: etree._Element, fields: Mapping[str, str | None]) -> None:
    """Set a structure's non-empty fields and remove its None ones, whether the file wrote them
    as elements (in the item or in an ``rdf:Description`` inside it) or as attributes."""
    holder = item.find(f"{{{RDF}}}Description")
    if holder is None:
        holder = item
        if not set(item.attrib) - {f"{{{RDF}}}parseType"}:
            item.set(f"{{{RDF}}}parseType", "Resource")
    for name, text in fields.items():
        field = qualified(name)
        if text is None:
            holder.attrib.pop(field, None)
            for existing in holder.findall(field):
                holder.remove(existing)
            continue
        if is_empty(text):
            continue
        if field in holder.attrib:
            holder.set(field, clean(text))
            continue
        existing = holder.find(field)
        if existing is None:
            existing = new_element(holder, field)
        for child in list(existing):
            existing.remove(child)
        existing.text = clean(text)


def set_default_language(root: etree._Element, tag: str, value: str) -> bool:
    """Set the x-default item of an existing language alternative, keeping other languages."""
    for description in descriptions(root):
        element = description.find(tag)
        alt = element.find(f"{{{RDF}}}Alt") if element is not None else None
        if alt is None:
            continue
        items = alt.findall(f"{{{RDF}}}li")
        default = next((li for li in items if li.get(XML_LANG) == "x-default"), None)
        if default is None:
            default = etree.Element(f"{{{RDF}}}li", {XML_LANG: "x-default"})
            alt.insert(0, default)
        default.text = clean(value)
        for child in list(default):
            default.remove(child)
        # Any other copy of the property (a duplicate elsewhere) would contradict this one.
        for other in descriptions(root):
            for duplicate in other.findall(tag):
                if duplicate is not element:
                    other.remove(duplicate)
            other.attrib.pop(tag, None)
        return True
    return False


def fill(item: etree._Element, value: str | Mapping[str, str | None]) -> None:
    """Write an array item: text, or a structure of named fields."""
    if isinstance(value, str):
        item.text = clean(value)
        return
    item.set(f"{{{RDF}}}parseType", "Resource")
    for name, text in value.items():
        if not is_empty(text):
            new_element(item, qualified(name)).text = clean(text)


def new_element(parent: etree._Element, tag: str, attrib: dict | None = None) -> etree._Element:
    """Append an element, declaring its namespace only where no ancestor declares it."""
    uri = tag[1:].partition("}")[0]
    nsmap = None
    if uri not in parent.nsmap.values():
        prefix = next(p for p, u in NAMESPACES.items() if u == uri)
        nsmap = {prefix: uri}
    return etree.SubElement(parent, tag, attrib or {}, nsmap=nsmap)


def clean(text: str) -> str:
    return NOT_XML.sub("", text)


def serialize_packet(root: etree._Element, *, padding: int = 2048) -> bytes:
    """Wrap ``root`` as a UTF-8 XMP packet with ``padding`` bytes for in-place edits."""
    body = etree.tostring(root, encoding="utf-8")
    pad = (b" " * 99 + b"\n") * (padding // 100)
    return f"<?xpacket {PACKET_ID}?>\n".encode() + body + b"\n" + pad + b'<?xpacket end="w"?>'


def merge_xmp_packet(
    packet: bytes | None, values: Mapping[str, Value | None], *, padding: int = 2048
) -> bytes:
    """Return ``packet`` with the catalogue's ``values`` set and everything else kept.

    ``values`` maps XMP property names (``"dc:title"``, ``"photoshop:Credit"``) to the
    catalogue's value; an empty value leaves the file's own property alone. Raises
    ``UnsafeMetadata`` when the packet cannot be parsed safely.
    """
    root = xmpmeta_root(packet)
    merge_into_root(root, values)
    return serialize_packet(root, padding=padding)
