"""A picture box that prints its credit first: a box of one picture or player (not a
`<figure>`) whose first words, before the picture, are its credit, and whose caption follows
the picture (a credit overlaid on the picture's top corner, a source line printed above it,
a gallery item "counter, credit, picture, caption"). The credit belongs to the picture of its
own box, never to the picture before it. Used by `html`.
"""

from __future__ import annotations

from archive.articles.caption_credits import parse_credit_text
from archive.articles.credit_lines import _LABEL_RE
from archive.articles.dom import (
    img_src,
    is_credit_el,
    is_video_el,
    name_words,
)
from archive.articles.draft import KIND_PICTURE, DraftPlacement, norm, plain, text_of
from archive.articles.html_captions import (
    caption_element,
    credit_without_label,
    furniture_text_els,
    is_counter,
    without_label,
)
from archive.articles.html_media import video_placement
from archive.articles.html_page import Page

_MAX_BOX_TEXT = 400
_MAX_CREDIT = 120
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _leading_credit(box, media, counters):
    """The element printed before the box's picture that is its credit, or None: the first
    element with words, after any gallery counter, marked as a credit or opening with a
    credit label ("Photo:", "Source:")."""
    for e in box.iter():
        if e is media:
            return None
        if not isinstance(e.tag, str) or e is box or e in counters:
            continue
        text = plain(text_of(e))
        if not text:
            continue
        if any(True for _m in e.iter("img", "video", "iframe")):
            return None
        if len(text) > _MAX_CREDIT:
            return None
        if is_credit_el(e) or _LABEL_RE.match(text):
            return e
        if len(e) and not norm(e.text or ""):
            continue  # a wrapper: look at what it holds
        return None
    return None


def credit_first_box(el, page: Page):
    """(credit element, media element, counters) when `el` is a box of one picture or player
    printing its credit before it, else None."""
    if el.tag in ("figure", "img", "a", "p", "li", "body") or not page.has_picture(el):
        return None
    if page.is_big(el) or page.text_len.get(el, 0) > _MAX_BOX_TEXT:
        return None
    if any(True for _h in el.iter(*_HEADINGS)) or any(True for _a in el.iter("a")):
        return None
    imgs = [e for e in el.iter("img")]
    players = [e for e in el.iter() if isinstance(e.tag, str) and e is not el and is_video_el(e)]
    if len(imgs) > 1 or len(players) > 1 or not (imgs or players):
        return None
    media = players[0] if players else imgs[0]
    if media.tag == "img" and page.img_reason(media, img_src(media, page.url))[0]:
        return None  # a logo, a tracking pixel, a teaser's or an author's picture
    counters = [e for e in el.iter() if isinstance(e.tag, str) and not len(e) and is_counter(e)]
    credit = _leading_credit(el, media, counters)
    if credit is None:
        return None
    return credit, media, counters


def box_placement(box, found, page: Page, media_objects: list[dict]) -> DraftPlacement:
    """The placement of a box `credit_first_box` found: the credit its first element, the
    caption its caption element or the rest of its words."""
    credit_el, media, counters = found
    skip = frozenset([credit_el, *counters, *furniture_text_els(box)])
    caption_el = caption_element(box)
    if caption_el is not None and any(a is credit_el for a in caption_el.iter()):
        caption_el = None
    text_el = caption_el if caption_el is not None else box
    caption = without_label(plain(text_of(text_el, exclude=skip)))
    credit_line, credit = parse_credit_text(credit_without_label(plain(text_of(credit_el))))
    is_video = media.tag != "img" or is_video_el(box) or "video" in name_words(box).split()
    if is_video:
        player = media if media.tag != "img" else box
        p = video_placement(player, page.url, media_objects, caption_el=caption_el, container=box)
        p.caption = p.caption if p.caption and p.caption != credit_line else caption
        p.title = p.title if p.title and p.title != credit_line else caption
        p.credit_line, p.credit = credit_line, credit
        return p
    return DraftPlacement(
        0,
        KIND_PICTURE,
        caption=caption,
        credit_line=credit_line,
        credit=credit,
        alt=plain(media.get("alt") or ""),
        src=img_src(media, page.url),
    )
