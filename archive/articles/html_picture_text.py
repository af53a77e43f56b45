"""A picture box whose caption is a plain paragraph: `<div class="picBox"><a><img></a>
<p>Caption</p></div>` (DW's and many CMS's boxes), the paragraph marked neither caption nor
credit. `page.picture_box` leaves boxes holding a `<p>` to the walk, which would read it as
body text; here the one short paragraph under the box's only picture, holding all of the
box's text, is that picture's caption (a credit closing it, its credit line).
"""

from __future__ import annotations

from archive.articles.caption_credits import split_credit
from archive.articles.dom import PICTURE_BOX_WORDS, class_says, is_media
from archive.articles.draft import plain, text_of

_MAX_CAPTION = 300


def _picture_box(img, page):
    node = img.getparent()
    for _depth in range(3):
        if node is None or node is page.scope or page.is_big(node):
            return None
        if node.tag in ("p", "li", "figure", "figcaption"):
            return None
        if node.tag != "a" and class_says(node, PICTURE_BOX_WORDS):
            return node
        node = node.getparent()
    return None


def caption_paragraph(pending, img, page):
    """Fill ``pending`` (the picture of ``img``) from the paragraph its box prints under it
    and return that paragraph, or None when the box is no such box."""
    box = _picture_box(img, page)
    if box is None:
        return None
    if sum(1 for e in box.iter() if isinstance(e.tag, str) and is_media(e)) != 1:
        return None
    if any(True for _h in box.iter("h1", "h2", "h3", "h4", "h5", "h6", "figcaption")):
        return None
    paragraphs = [p for p in box.iter("p") if plain(text_of(p))]
    if len(paragraphs) != 1:
        return None
    para = paragraphs[0]
    text = plain(text_of(para))
    if len(text) > _MAX_CAPTION or text != plain(text_of(box)):
        return None
    if any(True for _i in para.iter("img")) or not _after(box, img, para):
        return None
    caption, line, credit = split_credit(text)
    pending.caption, pending.credit_line, pending.credit = caption, line, credit
    return para


def _after(box, img, para) -> bool:
    """Whether ``para`` comes after ``img`` in their box."""
    for el in box.iter():
        if el is img:
            return True
        if el is para:
            return False
    return False
