"""A page that prints a river of whole stories, one `<article>` after another, opened at the
one its address names (CORRECTIV's "Aktuelle Artikel", many WordPress themes' infinite
scroll): the story is the `<article>` whose id is the last word of the page's address, or
whose headline is the page's declared title, not the longest one. Pure.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from archive.articles.dom import name_words
from archive.articles.draft import norm, plain, text_of
from archive.articles.html_scope import headed_box

_MIN_RIVER = 3
_QUOTES_RE = re.compile(r"[\"'„“”‚‘’«»]")


def _slug(url: str) -> str:
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return ""
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return last.rsplit(".", 1)[0].lower() if last else ""


def _folded(text: str) -> str:
    return _QUOTES_RE.sub("", norm(text)).strip().casefold()


def river_story(root, scope, og: dict):
    """The `<article>` of a river the page's address or title names, boxed as `_pick_scope`
    boxes it; ``scope`` when the page is no river or none is named."""
    articles = list(root.iter("article"))
    if len(articles) < _MIN_RIVER:
        return scope
    canonical = next(
        (
            el.get("href") or ""
            for el in root.iter("link")
            if (el.get("rel") or "").lower() == "canonical"
        ),
        "",
    )
    slugs = {s for s in (_slug(og.get("og:url", "")), _slug(canonical)) if len(s) >= 8}
    title = _folded(og.get("og:title", ""))
    for article in articles:
        if (article.get("id") or "").lower() in slugs:
            return headed_box(article)
        heading = next(iter(article.iter("h1", "h2")), None)
        if title and heading is not None and _folded(plain(text_of(heading))) == title:
            return headed_box(article)
    return scope


def related_list(el, page) -> bool:
    """Whether ``el`` is a list of related stories named so ("list--related") that holds
    their pictures and blurbs, long enough that `page.is_big` takes it for story text; less
    than half of the scope's text, it is furniture all the same (a river's related box)."""
    if "related" not in name_words(el).split():
        return False
    return page.text_len.get(el, 0) < 0.5 * page.scope_len
