"""A picture whose `src` holds a GIF placeholder (FAZ's "leer.gif", a spacer of any name) or
nothing, while the loader keeps the picture's address in an attribute of its own naming:
`data-retina-src`, `data-hi-res-src`, `data-full-src`, `data-lazy-src`. The picture is at
that address (`dom.img_src` knows only the common names and placeholder file names). An
`<img>` with no address at all in a `<picture>` shows its `<source srcset>`'s picture. Pure.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_PICTURE_FILE_RE = re.compile(r"\.(?:jpe?g|png|webp|avif)$", re.IGNORECASE)
_GIF_RE = re.compile(r"\.gif$", re.IGNORECASE)


def _path(value: str) -> str:
    try:
        return urlsplit(value.strip()).path
    except ValueError:
        return ""


def loader_src(img, src: str) -> str:
    """The address a loader holds for ``img`` when ``src`` (as read so far) is a GIF or
    nothing and a `data-…src` attribute names a picture file; else ``src`` unchanged."""
    if src and not src.startswith("data:") and not _GIF_RE.search(_path(src)):
        return src
    for name, value in img.attrib.items():
        name = name.lower()
        if not (name.startswith("data-") and name.endswith("src")) or "srcset" in name:
            continue
        value = (value or "").strip()
        if value and not value.startswith("data:") and _PICTURE_FILE_RE.search(_path(value)):
            return value
    parent = img.getparent()
    if not src and parent is not None and parent.tag == "picture":
        for source in parent.iter("source"):  # the address only in a <source srcset>
            srcset = source.get("srcset") or source.get("data-srcset") or ""
            first = srcset.split(",")[0].strip().split(" ")[0] if srcset.strip() else ""
            if first and not first.startswith("data:"):
                return first
    return src
