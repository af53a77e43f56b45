"""A picture a script draws into a placeholder element (HTML). Pure.

Some templates print no <img> for a picture: an element named for pictures holds the file's
address in a data attribute, and the site's script draws the picture there when the page
loads (`<span class="resimg photo-large" data-image="https://…/main.jpg">file.JPG</span>`).
The element is the picture, in its place in the page; the file name the element holds as
text until the script runs is no caption.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from archive.articles.dom import class_says, join_url

_ADDRESS_ATTRS = ("data-image", "data-img", "data-image-src", "data-src", "data-original")
_PICTURE_WORDS = ("img", "image", "photo", "picture", "foto", "pic")
_IMAGE_FILE_RE = re.compile(r"\.(?:jpe?g|png|webp|gif|avif)$", re.IGNORECASE)
_NOT_PLACEHOLDERS = frozenset(("img", "picture", "source", "video", "iframe", "a", "figure"))


def script_picture_src(el, base: str) -> str:
    """The address of the picture a script draws into ``el``, or "" when ``el`` is none."""
    if el.tag in _NOT_PLACEHOLDERS or not class_says(el, _PICTURE_WORDS):
        return ""
    if any(True for _m in el.iter("img", "picture", "video", "iframe")):
        return ""
    for name in _ADDRESS_ATTRS:
        value = (el.get(name) or "").strip()
        if not value or value.startswith("data:"):
            continue
        try:
            path = urlsplit(value).path
        except ValueError:
            continue
        if _IMAGE_FILE_RE.search(path):
            return join_url(base, value)
    return ""
