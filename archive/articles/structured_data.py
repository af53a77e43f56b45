"""A page's structured data, read with extruct: schema.org objects from JSON-LD and microdata
(flattened), Open Graph tags, and the text, credit and addresses of an object; and the
content of the page's other <meta> tags (`meta_content`).
"""

from __future__ import annotations

import lxml.etree
import lxml.html

from archive.articles.caption_credits import split_credit
from archive.articles.credit_lines import credit_name
from archive.articles.dom import url_key
from archive.articles.draft import plain


def schema_types(obj: dict) -> set[str]:
    raw = obj.get("@type") or obj.get("type") or []
    if isinstance(raw, str):
        raw = [raw]
    return {str(t).rsplit("/", 1)[-1] for t in raw if t}


def _from_microdata(item: dict) -> dict:
    """Microdata item (extruct) -> JSON-LD-like dict, iteratively."""
    out = {"@type": item.get("type")}
    out.update(item.get("properties") or {})
    return out


def _collect_schema(jsonld: list, microdata: list) -> list[dict]:
    """Every schema.org object (dict with a type) in JSON-LD and microdata, flattened."""
    found: list[dict] = []
    stack: list = list(jsonld) + [_from_microdata(i) for i in microdata if isinstance(i, dict)]
    seen = 0
    while stack and seen < 20000:
        seen += 1
        obj = stack.pop()
        if isinstance(obj, list):
            stack.extend(obj)
            continue
        if not isinstance(obj, dict):
            continue
        if "properties" in obj and "type" in obj and "@type" not in obj:
            obj = _from_microdata(obj)
        if schema_types(obj):
            found.append(obj)
        for value in obj.values():
            if isinstance(value, (dict, list)):
                stack.append(value)
    found.reverse()
    return found


def schema_text(value) -> str:
    """A person/organisation/text value as text ("creator": {"name": "..."} -> "...")."""
    if isinstance(value, list):
        texts = [schema_text(v) for v in value[:5]]
        return ", ".join(t for t in texts if t)
    if isinstance(value, dict):
        return schema_text(value.get("name") or value.get("@value") or "")
    if isinstance(value, (str, int, float)):
        return plain(str(value))
    return ""


def schema_credit(obj: dict) -> str:
    for key in ("creditText", "copyrightHolder", "creator", "author", "copyrightNotice"):
        text = schema_text(obj.get(key))
        if text:
            if key == "copyrightNotice":
                _rest, line, credit = split_credit(text)
                return credit if line else text
            return credit_name(text)
    return ""


def schema_urls(obj: dict) -> set[str]:
    urls = set()
    for key in ("contentUrl", "url", "embedUrl", "thumbnailUrl", "@id"):
        value = obj.get(key)
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, dict):
                v = v.get("url") or v.get("contentUrl") or v.get("@id")
            if isinstance(v, str) and v:
                urls.add(url_key(v))
    return urls


def extract_metadata(root, warnings: list[str]) -> tuple[list[dict], dict[str, str]]:
    from extruct.jsonld import JsonLdExtractor
    from extruct.opengraph import OpenGraphExtractor
    from extruct.w3cmicrodata import MicrodataExtractor

    jsonld: list = []
    microdata: list = []
    og: dict[str, str] = {}
    try:
        jsonld = JsonLdExtractor().extract_items(root)
    except Exception:  # noqa: BLE001 - broken JSON-LD must not stop the import
        # Read the scripts one by one so that one broken block does not hide the others.
        jsonld = []
        for script in root.iter("script"):
            if (script.get("type") or "").strip().lower() != "application/ld+json":
                continue
            holder = lxml.html.Element("div")
            copy = lxml.etree.SubElement(holder, "script", type="application/ld+json")
            copy.text = script.text or ""
            try:
                jsonld.extend(JsonLdExtractor().extract_items(holder))
            except Exception:  # noqa: BLE001
                warnings.append("a JSON-LD block of the page could not be read; it was ignored")
    try:
        microdata = MicrodataExtractor().extract_items(root, None)
    except Exception:  # noqa: BLE001 - includes RecursionError on absurd nesting
        warnings.append("the page's microdata could not be read")
    try:
        for item in OpenGraphExtractor().extract_items(root):
            for prop, value in item.get("properties", []):
                og.setdefault(prop, value)
    except Exception:  # noqa: BLE001
        warnings.append("the page's Open Graph tags could not be read")
    return _collect_schema(jsonld, microdata), og


def meta_content(root, *names: str) -> str:
    """The content of the first <meta> tag with one of these names, property or itemprop."""
    wanted = {n.lower() for n in names}
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        if name in wanted and meta.get("content"):
            return meta.get("content")
    return ""
