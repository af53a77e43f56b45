"""The story's box when its headline sits a few boxes above an <article> of its text (HTML).

`html_scope.headed_box` takes the <article>'s parent when it holds the headline. Real
templates nest deeper: `<header><ul>breadcrumbs</ul><h1>…</h1></header><div><figure>lead
picture</figure></div><div><div><article>text</article><div>tags</div></div></div>`, all in
one box a few levels above the <article>. That box is the story's when it holds exactly one
headline, no other <article>, no navigation, aside, form or footer, and little text besides
the <article>'s (a headline, a breadcrumb, a lead picture's caption, a row of tags).
"""

from __future__ import annotations

from archive.articles.draft import text_of

_MAX_LEVELS = 6
_FURNITURE = frozenset(("nav", "aside", "form", "footer", "iframe"))
_MIN_OUTSIDE = 1500
_OUTSIDE_SHARE = 0.4


def lifted_box(article):
    """The box a few levels above ``article`` holding its headline, or ``article``."""
    if article.find(".//h1") is not None:
        return article
    length = len(text_of(article))
    node = article
    for _level in range(_MAX_LEVELS):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return article
        outside = [
            e
            for child in parent
            if child is not node and isinstance(child.tag, str)
            for e in child.iter()
            if isinstance(e.tag, str)
        ]
        if any(e.tag in _FURNITURE or e.tag == "article" for e in outside):
            return article
        if len(text_of(parent)) - length > max(_MIN_OUTSIDE, _OUTSIDE_SHARE * length):
            return article
        headings = [e for e in outside if e.tag == "h1"]
        if len(headings) > 1:
            return article
        if headings:
            return parent
        node = parent
    return article
