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
