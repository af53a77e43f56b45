"""The pictures an HTML page shows that the article does not use: those around the article
(the site's header, footer, sidebars, menus) and those given only to social networks
(og:image, twitter:image), each listed once. Used by `html`.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from archive.articles.dom import (
    REMOVE_TAGS,
    has_ancestor,
    img_src,
    is_video_el,
    join_url,
    name_words,
    url_key,
)
from archive.articles.draft import (
    KIND_PICTURE,
    KIND_VIDEO,
    LeftOut,
    plain,
    text_of,
)
from archive.articles.furniture import (
    REASON_SHARE,
    REASON_TEASER,
    reason_from_img,
    reason_from_label,
    reason_from_names,
)
from archive.articles.html_page import Page
from archive.articles.structured_data import (
    meta_content,
)

REASON_OUTSIDE = "not part of the article"


def pictures_outside(root, scope, order: dict, url: str) -> list[tuple]:
    """(element, LeftOut) for the pictures around the article: the site's header and footer,
    its sidebars, and the forms and menus removed before reading the article."""
    found = []
    page = Page(scope, url, set())
    for el in order:
        if el.getparent() is None or el.tag == "iframe" and not is_video_el(el):
            continue
        inside = has_ancestor(el, None, lambda a: a is scope)
        if inside and not has_ancestor(el, scope, lambda a: a.tag in REMOVE_TAGS):
            continue
        src = img_src(el, url) if el.tag == "img" else join_url(url, el.get("src") or "")
        reason = reason_from_img(el, src) if el.tag == "img" else ""
        if reason == "pixel" or (el.tag == "img" and not (src or el.get("alt"))):
            continue
        container = el
        node = el.getparent()
        while not reason and node is not None and node.tag not in ("body", "html"):
            if not has_ancestor(scope, None, lambda a, node=node: a is node):
                reason = reason_from_names(name_words(node), node, url)
                if not reason and len(text_of(node)) <= 1500:
                    reason = reason_from_label(node, frozenset())
                container = node
            node = node.getparent()
        if not reason and page.link_of(el) is not None:
            reason = REASON_TEASER
        kind = KIND_PICTURE if el.tag == "img" else KIND_VIDEO
        item = LeftOut(reason or REASON_OUTSIDE, kind=kind, alt=plain(el.get("alt") or ""), src=src)
        if el.tag == "img":
            item.caption = page.nearby_text(el, container, item.reason)
        found.append((el, item))
    return found


def _picture_keys(src: str) -> set[str]:
    """Keys under which two renditions of one picture meet: the URL without its query, its
    distinctive file name ("_12345_image" in any size) and a hash-like folder."""
    keys = {url_key(src)} if src else set()
    try:
        parts = urlsplit(src)
    except ValueError:
        return keys
    path = parts.path
    # An image proxy names the original in its query ("...?url=https%3A%2F%2F.../a.jpg").
    for values in parse_qs(parts.query).values():
        for value in values:
            if value.startswith(("http://", "https://")) and value != src:
                keys |= _picture_keys(value)
    segments = [s for s in path.lower().split("/") if s]
    if segments:
        stem = segments[-1].split(".", 1)[0]
        if len(stem) >= 8 and not stem.isdigit():
            keys.add("name:" + stem)
    for segment in segments[:-1]:
        if (
            len(segment) >= 8
            and any(c.isdigit() for c in segment)
            and any(c.isalpha() for c in segment)
        ):
            keys.add("dir:" + segment)  # NYT: ".../12moldova-01-wqkp/12moldova-01-wqkp-<size>.jpg"
    for token in re.split(r"[^a-z0-9]+", "/".join(segments)):
        if len(token) >= 12 and any(c.isdigit() for c in token):
            keys.add("id:" + token)  # Spiegel: "<uuid>_w718_r1.77.jpg" and "<uuid>_w1200_..."
    return keys


def share_images(root, og: dict, placements, left_out) -> list[LeftOut]:
    """The pictures the page gives only to social networks (og:image, twitter:image)."""
    seen: set[str] = set()
    for item in [*placements, *left_out]:
        seen |= _picture_keys(item.src)
    found = []
    urls = [og.get("og:image", ""), og.get("og:image:url", ""), og.get("og:image:secure_url", "")]
    urls.append(meta_content(root, "twitter:image", "twitter:image:src"))
    alt = og.get("og:image:alt", "") or meta_content(root, "twitter:image:alt")
    for url in urls:
        url = (url or "").strip()
        if not url.startswith(("http://", "https://", "//", "/")):
            continue
        keys = _picture_keys(url)
        if keys & seen:
            continue
        seen |= keys
        found.append(LeftOut(REASON_SHARE, alt=plain(alt), src=url))
    return found


def dedupe_left_out(items: list[LeftOut]) -> list[LeftOut]:
    out, seen = [], set()
    for item in items:
        key = url_key(item.src) if item.src else (item.reason, item.alt, item.caption)
        if key in seen:
            continue
        seen.add(key)
        out.append(item)
    return out
