"""A figure printed inside a link to another page (HTML). Pure.

Lists of other stories ("Most viewed", a rail of cards) print each story as a link wrapping
its picture and headline: `<a href="/view/other"><figure><img …></figure><h3>…</h3></a>`.
The story's own figures are not links to another article (a link to the picture's file or a
gallery is not one: `furniture.link_target`), so a figure inside such a link is a teaser.
"""

from __future__ import annotations


def teaser_link(figure, page):
    """The link to another article around ``figure`` (a teaser card), or None."""
    link = page.link_of(figure)
    if link is None or page.is_big(link):
        return None
    return link
