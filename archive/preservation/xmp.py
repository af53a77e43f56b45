"""Write XMP packets: the credit, caption and rights carried inside a file we hand out.

Used by the seed loader (its stand-in cards carry their credit like an agency's file would)
and by downloads, which embed the catalogue's credit, caption and rights.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

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


XMP_APP1_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"


def embed_xmp_in_jpeg(data: bytes, packet: bytes) -> bytes:
    """Return the JPEG ``data`` with ``packet`` as its XMP APP1 segment, not re-encoded.

    Any existing XMP segment is replaced; the new one goes after the JFIF and EXIF segments.
    """
    if data[:2] != b"\xff\xd8":
        raise ValueError("Not a JPEG file.")
    payload = XMP_APP1_HEADER + packet
    if len(payload) + 2 > 0xFFFF:
        raise ValueError("The XMP packet is too large for one JPEG segment.")
    segment = b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload
    kept: list[bytes] = []
    insert_at = 0
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            raise ValueError("Damaged JPEG: expected a marker.")
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker == 0xDA or not (0xE0 <= marker <= 0xFE or 0xC0 <= marker <= 0xDF):
            break  # start of scan (or anything unexpected): the rest is copied as is
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        chunk = data[position : position + 2 + length]
        is_xmp = marker == 0xE1 and chunk[4:].startswith(XMP_APP1_HEADER)
        if not is_xmp:
            kept.append(chunk)
            if marker == 0xE0 or (marker == 0xE1 and chunk[4:10] == b"Exif\x00\x00"):
                insert_at = len(kept)
        position += 2 + length
    kept.insert(insert_at, segment)
    return b"\xff\xd8" + b"".join(kept) + data[position:]
