"""A figure of the story that shows a post from a social network; a player titled only by
its own attribute, its caption printed beside it (HTML). Pure.

Pages name such a figure after the network ("social-embed", "social-post", "share-card"),
words that the furniture rules read as an icon or a share button's. A figure that prints its
own caption closed by a credit line ("… （取自小红书）", "… (Photo: Instagram/Name)"), or
beside a credit element of its own (a span or ``<small>`` "X / @handle" after the caption's),
is a picture the story shows, not furniture: the credit says whose post it is.
"""

from __future__ import annotations

from archive.articles.caption_credits import read_caption
from archive.articles.dom import name_words
from archive.articles.draft import plain, text_of
from archive.articles.html_captions import caption_and_credit, caption_element

# Words naming a social network's post or a share button: on their own no logo
_SOCIAL_WORDS = frozenset(("social", "share"))
_LOGO_WORDS = frozenset(("logo", "logos", "icon", "icons", "sprite", "sprites", "favicon"))


def credited_social_figure(el) -> bool:
    """Is ``el`` a figure named only as a social post, printing a caption with a credit?"""
    if el.tag != "figure":
        return False
    words = set(name_words(el).split())
    if not words & _SOCIAL_WORDS or words & _LOGO_WORDS:
        return False
    caption_el = caption_element(el)
    if caption_el is None:
        return False
    found = read_caption(plain(text_of(caption_el)))
    if found.caption and found.credit_line:
        return True
    caption, credit_line, _credit, _found = caption_and_credit(el, caption_el)
    return bool(caption and credit_line)


def titled_by_player(pending, el) -> bool:
    """Is ``pending`` a video whose only caption is the title its player gives itself (an
    iframe's ``title="House video"``), with ``el``, the box's next text element beside the
    player, printing a caption and its credit line? That text is the video's caption."""
    if pending.kind != "video" or pending.credit_line or pending.caption != pending.title:
        return False
    parent = el.getparent()
    if parent is None or not any(
        child is not el and child.tag in ("iframe", "video") for child in parent
    ):
        return False
    found = read_caption(plain(text_of(el)))
    return bool(found.caption and found.credit_line)
