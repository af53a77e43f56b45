"""A picture linked to its own page, under the article's address (FAZ's ".../story-16604622/
auch-name-gehoert-16604694.html" on ".../story-16604622.html", a lightbox page of that
picture): the link enlarges the picture, it is no teaser for another story. Pure.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit


def _path(value: str) -> str:
    try:
        return urlsplit(value.strip()).path
    except ValueError:
        return ""


def _under(target: str, page_url: str) -> bool:
    page = _path(page_url).rstrip("/")
    page = page.rsplit(".", 1)[0] if "." in page.rsplit("/", 1)[-1] else page
    return len(page.strip("/")) >= 8 and target.startswith(page + "/")


def links_to_its_own_page(link, page_url: str) -> bool:
    """Whether a picture's link leads to a page under this article's own address, as the
    page or its canonical link gives it (FAZ's ".../story-16604622/auch-name-gehoert-
    16604694.html" on ".../story-16604622.html"): the picture's page, which enlarges it; no
    teaser for another story."""
    href = link.get("href") or ""
    canonical = [
        el.get("href") or ""
        for el in link.getroottree().iter("link")
        if (el.get("rel") or "").lower() == "canonical"
    ]
    for address in [page_url, *canonical]:
        if address and _under(_path(urljoin(address, href)), address):
            return True
    return False
