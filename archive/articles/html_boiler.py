"""A paragraph of the story that a class word would drop as furniture (HTML). Pure.

The importer drops boxes whose class names furniture ("related", "paywall", "comment"). Some
publishers mark the story's own paragraphs with such a word: the paragraphs behind a meter
(`<p class="paywall">`, Condé Nast), a paragraph marked for a share button. A paragraph of the
story's length, its text not mostly links, is the story's text whatever its class (but a
reader's comment): only a box (a div, an aside, a list) of that name is furniture.
"""

from __future__ import annotations

from archive.articles.draft import plain, text_of
from archive.articles.furniture import link_target

_MIN_TEXT = 120
_MAX_LINK_SHARE = 0.5


def story_paragraph(el) -> bool:
    """Whether ``el`` is a <p> long enough to be the story's text, with few links in it."""
    if el.tag != "p" or "comment" in (el.get("class") or "").lower():
        return False
    text = plain(text_of(el))
    if len(text) < _MIN_TEXT:
        return False
    linked = sum(len(plain(text_of(a))) for a in el.iter("a"))
    return linked <= _MAX_LINK_SHARE * len(text)


def link_paragraph(el, page_url: str) -> bool:
    """Whether the paragraph ``el`` is one link to another page and nothing else ("5 tips
    for the holidays" printed between the story's paragraphs): a teaser, not the story."""
    links = [a for a in el.iter("a") if link_target(a, page_url)]
    if len(links) != 1:
        return False
    text = plain(text_of(el))
    return bool(text) and plain(text_of(links[0])) == text


def story_list_item(el, page_url: str) -> bool:
    """Whether the list item ``el`` is a line of the story: its list follows a paragraph of
    the story (80 characters or more, or announcing it: "… data points include:"), its text a
    sentence (20 characters or more), not mostly a link; a list of links is a menu or a
    teaser list."""
    if el.tag != "li":
        return False
    text = plain(text_of(el))
    if len(text) < 20:
        return False
    linked = sum(len(plain(text_of(a))) for a in el.iter("a") if link_target(a, page_url))
    if linked > _MAX_LINK_SHARE * len(text):
        return False
    listing = el.getparent()
    if listing is None or listing.tag not in ("ul", "ol") or listing.find(".//img") is not None:
        return False
    before = listing.getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()
    if before is None or before.tag != "p":
        return False
    lead = plain(text_of(before))
    return len(lead) >= 80 or lead.endswith(":")
