"""A list of other stories, each with its small picture: "Most read", "Hot news", "Trending",
wherever the page puts it and whatever its heading says (or whether it has one). Its
pictures are teasers, not the story's placements. Pure (reads the tree only).

A teaser list is a `<ul>` or `<ol>` of two items or more, each a link holding (or beside) a
picture and a line of text (the other story's headline), none with a caption or credit of
its own and none linking to a picture's file (a gallery's list of enlargements).
"""

from __future__ import annotations

import re

from archive.articles.dom import is_caption_el, is_credit_el
from archive.articles.draft import plain, text_of

_PICTURE_FILE_RE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:[?#].*)?$", re.IGNORECASE)
_MAX_HEADLINE = 160  # an item's text: a headline, perhaps its date


def _teaser_item(li) -> bool:
    links = [a for a in li.iter("a")]
    if not links or not any(True for _i in li.iter("img", "amp-img", "picture")):
        return False
    if any(_PICTURE_FILE_RE.search(a.get("href") or "") for a in links):
        return False
    if any(True for _f in li.iter("figure", "figcaption", "video", "iframe")):
        return False
    if any(is_caption_el(el) or is_credit_el(el) for el in li.iter() if isinstance(el.tag, str)):
        return False
    words = plain(text_of(li))
    return 0 < len(words) <= _MAX_HEADLINE


def teaser_list_of(img, scope):
    """The list of other stories ``img`` is a thumbnail in, else None."""
    node, depth = img.getparent(), 0
    while node is not None and node is not scope and depth < 5:
        if node.tag == "li":
            parent = node.getparent()
            if parent is None or parent.tag not in ("ul", "ol"):
                return None
            items = [c for c in parent if isinstance(c.tag, str) and c.tag == "li"]
            if len(items) >= 2 and all(_teaser_item(li) for li in items):
                return parent
            return None
        node, depth = node.getparent(), depth + 1
    return None
