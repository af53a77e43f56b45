"""The article's box when its <article> holds only the story's text (HTML). Pure.

Some pages print the headline, the date and the lead picture in a box of their own and only
the body in the <article> under them (`<div id="content"><h1>…</h1><div class="lead">…</div>
<article>…</article></div>`). The lead picture is then the story's, not the page's around it:
the article's box is its parent, when the <article> has no headline of its own, the parent's
only headline comes before the <article>, and everything else in the parent before it is the
headline's date and picture boxes (no menu, list or aside).
"""

from __future__ import annotations

_FURNITURE_TAGS = frozenset(("nav", "aside", "ul", "ol", "form", "header", "footer", "iframe"))


def headed_box(article):
    """``article``, or its parent when that parent holds the headline printed above it."""
    parent = article.getparent()
    if parent is None or parent.tag in ("body", "html") or article.find(".//h1") is not None:
        return article
    headings = parent.findall(".//h1")
    if len(headings) != 1 or headings[0].getparent() is not parent:
        return article
    before = []
    for child in parent:
        if child is article:
            break
        if isinstance(child.tag, str):
            before.append(child)
    else:
        return article
    if headings[0] not in before:
        return article
    for child in before:
        if child.tag in _FURNITURE_TAGS or any(
            isinstance(e.tag, str) and e.tag in _FURNITURE_TAGS for e in child.iter()
        ):
            return article
    return parent
