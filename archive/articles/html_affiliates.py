"""Pictures that sell: a picture linked to a shop through an affiliate link (HTML). Pure.

Reviews and fan sites print product pictures inside the story ("ADD TO CART: a gift card"),
each linking to a shop through an affiliate link: a retailer's short link (`amzn.to`), a
product page of a retailer (`amazon.*/dp/…`), an affiliate network's redirect, or any link
marked `rel="sponsored"`. Such a picture is an advert, even when it prints a credit line
like the story's own pictures; a story's own picture links to its file or to nothing.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from archive.articles.dom import enclosing_link

# Retailers' short links and the affiliate networks' redirects, by host (and its subdomains).
_AFFILIATE_HOSTS = frozenset(
    """amzn.to amzn.eu amzn.asia a.co rstyle.me shopstyle.it howl.me go.skimresources.com
    go.redirectingat.com click.linksynergy.com shareasale.com awin1.com tidd.ly prf.hn
    anrdoezrs.net jdoqocy.com tkqlhce.com dpbolvw.net kqzyfj.com avantlink.com
    ebay.us rover.ebay.com s.click.aliexpress.com""".split()
)
# A retailer's product page ("amazon.co.uk/dp/B0…", "/gp/product/…").
_PRODUCT_PATH_RE = re.compile(r"^/(?:[^/]+/)?(?:dp|gp/product)/[A-Z0-9]{10}", re.IGNORECASE)


def _host(href: str) -> str:
    try:
        return (urlsplit(href if not href.startswith("//") else "https:" + href).hostname) or ""
    except ValueError:
        return ""


def is_affiliate_link(a) -> bool:
    """Whether the link ``a`` leads to a shop through an affiliate link."""
    if "sponsored" in (a.get("rel") or "").lower().split():
        return True
    href = (a.get("href") or "").strip()
    host = _host(href)
    if not host:
        return False
    if any(host == h or host.endswith("." + h) for h in _AFFILIATE_HOSTS):
        return True
    if host.split(".")[-2:-1] == ["amazon"] or ".amazon." in f".{host}":
        try:
            return bool(_PRODUCT_PATH_RE.match(urlsplit(href).path))
        except ValueError:
            return False
    return False


def sells(img, stop) -> bool:
    """Whether ``img`` sits in an affiliate link (within three levels, below ``stop``)."""
    link = enclosing_link(img, stop)
    return link is not None and is_affiliate_link(link)
