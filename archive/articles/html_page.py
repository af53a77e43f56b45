"""The article's scope in an HTML page, measured once (text length, pictures, long
paragraphs of each element), and the furniture questions the reader asks of it: does a box
hold the story, what a short box's label names, a lone picture's box, a picture's link to
another article, every picture in a box of furniture. Used by `html`, `html_left_out` and
`html_media`.
"""

from __future__ import annotations

from archive.articles.dom import (
    PICTURE_BOX_WORDS,
    class_says,
    has_ancestor,
    img_src,
    is_caption_el,
    is_credit_el,
    is_media,
    is_video_el,
    join_url,
    url_key,
)
from archive.articles.draft import (
    KIND_VIDEO,
    LeftOut,
    norm,
    plain,
    text_of,
)
from archive.articles.furniture import (
    AD_LABELS,
    REASON_AUTHOR,
    REASON_LOGO,
    REASON_SMALL,
    REASON_TEASER,
    TEASER_LABELS,
    label_text,
    link_target,
    links_elsewhere,
    reason_from_img,
    reason_from_label,
    reason_from_signup,
)
from archive.articles.html_captions import (
    caption_and_credit,
    caption_element,
)
from archive.articles.html_lists import teaser_list_of
from archive.articles.html_logos import links_to_front_page, site_icons
from archive.articles.html_styles import in_small_box
from archive.articles.picture_page_links import links_to_its_own_page


class Page:
    """The article's scope with what the furniture rules ask of it, computed once."""

    def __init__(self, scope, url: str, authors: set[str]):
        self.scope = scope
        self.url = url
        self.authors = authors
        self.text_len: dict = {}
        self.pictures: dict = {}
        self.long_paragraphs: dict = {}
        for el in reversed(list(scope.iter())):
            if not isinstance(el.tag, str):
                continue
            length = len(el.text or "")
            pictures = el.tag in ("img", "video") or is_video_el(el)
            paragraphs = 0
            for child in el:
                length += len(child.tail or "")
                if isinstance(child.tag, str):
                    length += self.text_len.get(child, 0)
                    pictures = pictures or self.pictures.get(child, False)
                    paragraphs += self.long_paragraphs.get(child, 0)
            if el.tag == "p" and length >= 200:
                paragraphs += 1
            self.text_len[el] = length
            self.pictures[el] = pictures
            self.long_paragraphs[el] = paragraphs
        self.scope_len = self.text_len.get(scope, 0)
        self.icons = site_icons(scope, url)  # `html_logos`

    def has_picture(self, el) -> bool:
        return self.pictures.get(el, False)

    def is_big(self, el) -> bool:
        """Whether an element holds the story's text (a wrapper, not a box of furniture)."""
        if el is self.scope or self.long_paragraphs.get(el, 0) >= 3:
            return True
        return self.scope_len >= 1000 and self.text_len.get(el, 0) > 0.6 * self.scope_len

    def label_reason(self, el) -> str:
        """The furniture a short box's printed label names ("Advertisement", "Related")."""
        if self.text_len.get(el, 0) > 1500 or self.long_paragraphs.get(el, 0):
            return ""
        for fig in el.iter("figure"):
            caption = caption_element(fig)
            if caption is None or has_ancestor(caption, el, lambda a: a.tag == "a"):
                continue
            if not links_elsewhere(fig, self.url):
                return ""  # a story's own figure, beside a label that is not its
        return reason_from_label(el, frozenset()) or reason_from_signup(el)

    def picture_box(self, img):
        """The box around a lone picture when its only other content is short text that no
        element marks as caption or credit: a box named for pictures ("photo", "image",
        "media"), holding no other picture, heading or paragraph of the story."""
        best = None
        node = img.getparent()
        for _depth in range(4):
            if node is None or node is self.scope or self.is_big(node):
                break
            if node.tag in ("a", "p", "li", "figure") or self.text_len.get(node, 0) > 400:
                break
            media = sum(1 for e in node.iter() if isinstance(e.tag, str) and is_media(e))
            if media > 1 or any(True for _h in node.iter("h1", "h2", "h3", "h4", "h5", "h6")):
                break
            if class_says(node, PICTURE_BOX_WORDS):
                best = node
            node = node.getparent()
        if best is None or not self.text_len.get(best, 0):
            return None
        if any(
            is_caption_el(e) or is_credit_el(e) or e.tag == "p"
            for e in best.iter()
            if isinstance(e.tag, str) and e is not best
        ):
            return None  # marked captions are read as they come (see the walk)
        return best

    def img_reason(self, img, src: str):
        """(reason, container) for a lone image: furniture by itself, by link, by name."""
        reason = reason_from_img(img, src)
        if reason:
            return reason, img
        if url_key(src) in self.icons or links_to_front_page(img, self.scope):
            return REASON_LOGO, img  # `html_logos`
        if in_small_box(img):  # `html_styles`: a hover thumbnail in a box styled 60px wide
            return REASON_SMALL, img
        link = self.link_of(img)
        if link is not None and not links_to_its_own_page(link, self.url):  # `picture_page_links`
            return REASON_TEASER, link
        teasers = teaser_list_of(img, self.scope)
        if teasers is not None:  # "Most read": other stories' headlines with their pictures
            return REASON_TEASER, teasers
        alt = norm(img.get("alt") or "").casefold()
        if alt and any(
            alt == a or (len(a) > 4 and a in alt and len(alt) < 60) for a in self.authors
        ):
            return REASON_AUTHOR, img
        return "", img

    def link_of(self, el):
        """The link around a picture when it leads to another article."""
        node = el.getparent()
        depth = 0
        while node is not None and node is not self.scope and depth < 6:
            if node.tag == "a":
                return node if link_target(node, self.url) else None
            node = node.getparent()
            depth += 1
        return None

    def left_out_in(self, container, reason: str) -> list[tuple]:
        """Every picture and video in a box of furniture, as (element, left out for `reason`)."""
        items = []
        for el in container.iter():
            if not isinstance(el.tag, str):
                continue
            if is_video_el(el) and el.tag != "img":
                src = join_url(self.url, el.get("src") or el.get("data-src") or "")
                title = plain(el.get("title") or el.get("aria-label") or "")
                items.append((el, LeftOut(reason, kind=KIND_VIDEO, caption=title, src=src)))
                continue
            if el.tag != "img":
                continue
            src = img_src(el, self.url)
            if reason_from_img(el, src) == "pixel" or not (src or el.get("alt")):
                continue
            item = LeftOut(reason, alt=plain(el.get("alt") or ""), src=src)
            fig = el.getparent()
            while fig is not None and fig.tag != "figure" and fig is not container:
                fig = fig.getparent()
            if fig is not None and fig.tag == "figure":
                caption, item.credit_line, item.credit, _found = caption_and_credit(
                    fig, caption_element(fig)
                )
                item.caption = caption[:300]
            else:
                item.caption = self.nearby_text(el, container, reason)
            items.append((el, item))
        return items

    def nearby_text(self, el, container, reason: str) -> str:
        """The text of the smallest box around a picture (a teaser's headline, a byline)."""
        if reason not in (REASON_TEASER, REASON_AUTHOR):
            return ""
        node = el.getparent()
        while node is not None:
            text = plain(text_of(node))
            if len(text) > 300:
                break
            if text and label_text(text) not in AD_LABELS | TEASER_LABELS:
                return text
            if node is container:
                break
            node = node.getparent()
        return plain(el.get("alt") or "") if el.tag == "img" else ""
