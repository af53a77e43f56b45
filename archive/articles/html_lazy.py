"""The address a lazy loader holds for an embed until it scrolls into view (HTML). Pure.

Lazy loaders leave an empty frame in `src` (`about:blank`, a `data:` URI, nothing) and keep
the embed's address in an attribute of their own naming: `data-src`, `data-lazy-src`,
`data-litespeed-src`, `data-rocket-src`. The frame is the embed at that address.
"""

from __future__ import annotations

_EMPTY_PREFIXES = ("about:", "data:", "javascript:")


def frame_src(el) -> str:
    """The address an iframe (or player) shows: its `src`, else the one a lazy loader holds."""
    src = (el.get("src") or "").strip()
    if src and not src.lower().startswith(_EMPTY_PREFIXES):
        return src
    for name, value in el.attrib.items():
        name = name.lower()
        if name.startswith("data-") and name.endswith("src") and "srcset" not in name:
            value = (value or "").strip()
            if value and not value.lower().startswith(_EMPTY_PREFIXES):
                return value
    return ""
