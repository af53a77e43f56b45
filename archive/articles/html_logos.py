"""Logos a page marks by structure rather than by name (HTML). Pure.

A picture inside a link to a site's front page (`<a href="https://www.example.com/"><img
src="/img/j-2.jpg"></a>`) is that site's logo, the page's own or a partner's: a story's picture
links to its file, a gallery or nothing. A picture whose file is the icon the page declares for
itself (`<link rel="apple-touch-icon">`, `<meta name="msapplication-TileImage">`) is its logo
too, wherever it is printed (often in a hidden box for sharing).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from archive.articles.dom import enclosing_link, join_url, url_key

_ICON_RELS = frozenset(("icon", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon"))
_ICON_METAS = frozenset(("msapplication-tileimage", "msapplication-square150x150logo"))


def site_icons(el, base: str) -> frozenset[str]:
    """The keys (`url_key`) of the icons the page holding ``el`` declares for itself."""
    root = el.getroottree().getroot()
    head = root.find("head")
    if head is None:
        return frozenset()
    urls = []
    for link in head.iter("link"):
        rels = set((link.get("rel") or "").lower().split())
        if rels & _ICON_RELS and link.get("href"):
            urls.append(link.get("href"))
    for meta in head.iter("meta"):
        if (meta.get("name") or "").lower() in _ICON_METAS and meta.get("content"):
            urls.append(meta.get("content"))
    return frozenset(url_key(join_url(base, u.strip())) for u in urls)


def links_to_front_page(img, stop) -> bool:
    """Whether ``img`` sits in a link (within three levels, below ``stop``) to a front page."""
    link = enclosing_link(img, stop)
    if link is None:
        return False
    href = (link.get("href") or "").strip()
    if not href.startswith(("http://", "https://", "//")):
        return href == "/"
    try:
        parts = urlsplit(href if not href.startswith("//") else "https:" + href)
    except ValueError:
        return False
    return bool(parts.hostname) and parts.path.strip("/") == "" and not parts.query
