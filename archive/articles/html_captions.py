"""A figure's caption and credit as printed, read from its elements: the caption element,
the credit element or line, and the page's furniture inside them (screen-reader labels, "hide
caption" buttons, gallery counters, licensing links) left out. Pure; used by `html`.
"""

from __future__ import annotations

import re

from archive.articles.caption_credits import parse_credit_text, split_credit
from archive.articles.declared_credits import declared_credit_els
from archive.articles.dom import (
    _class_words,
    is_caption_el,
    is_credit_el,
    looks_like_a_name,
    name_words,
)
from archive.articles.draft import norm, plain, text_of
from archive.articles.furniture import label_text


def outermost(elements: list) -> list:
    """The elements of a list that no other element of it holds, in their order."""
    chosen = []
    ids = set(elements)
    for el in elements:
        node = el.getparent()
        inner = False
        while node is not None:
            if node in ids:
                inner = True
                break
            node = node.getparent()
        if not inner:
            chosen.append(el)
    return chosen


# Labels printed for screen readers only (the BBC's visually hidden "Image caption, "), and a
# gallery's "3 of 12" counter: furniture, not part of a caption or credit line.
_HIDDEN_LABEL_RE = re.compile(
    r"^(?:image|media|video|picture|photo)\s+(?:caption|source|credit)\s*[,:]?\s*", re.IGNORECASE
)
_SOURCE_LABEL_RE = re.compile(
    r"^(?:(?:image|media|video|picture|photo)\s+(?:source|credit)\s*[,:]?"
    r"|credit\s*(?:\.\.\.|…|:))$",  # NYT's "Credit..." before its credit
    re.IGNORECASE,
)
_MEDIA_LABEL_RE = re.compile(r"^(?:media|video)\s+caption\s*[,:]?$", re.IGNORECASE)
_COUNTER_RE = re.compile(
    r"^(?:(?:image|photo|picture|slide|bild|фото)\s*)?\d{1,3}\s*(?:of|/|von|sur|из|de|di|z|av|af|van|з|από|od)\s*\d{1,3}$",
    re.IGNORECASE,
)


def is_counter(el) -> bool:
    """Whether an element prints only a gallery's counter ("3 of 12", "1 / 3", "1 από 4")."""
    return bool(_COUNTER_RE.match(norm(el.text or "")))


def without_label(text: str) -> str:
    return _HIDDEN_LABEL_RE.sub("", text, count=1)


# "Photo credit: Name | House", "Video credit: X": a label printed before the credit, with its
# colon, is part of the credit line as printed (the screen readers' labels take a comma).
_PRINTED_CREDIT_LABEL_RE = re.compile(
    r"^(?:image|video|picture|photo)\s+credits?\s*:\s*\S", re.IGNORECASE
)


def credit_without_label(text: str) -> str:
    """A credit element's text without a screen reader's label; a printed label is kept."""
    return text if _PRINTED_CREDIT_LABEL_RE.match(text) else without_label(text)


_FURNITURE_TEXTS = frozenset(
    [
        "purchase licensing rights",
        "licensing rights",
        "enlarge",
        "enlarge this image",
        "expand",
        "view larger",
        "view image",
        "open gallery",
        "vergrößern",
        "agrandir",
        "toggle caption",
        "hide caption",
        "show caption",
        # a media label alone in its own element, for screen readers (Sky News's visually
        # hidden "Image:" before the caption text)
        "image",
        "photo",
        "picture",
        "foto",
        "immagine",
        "bild",
        "фото",
    ]
)


def furniture_text_els(container) -> list:
    """Elements of a caption that are buttons and links of the page, not its words (NPR's
    `<b class="hide-caption"><b>hide caption</b></b>`: any inline tag, wrapped or not)."""
    found = []
    for e in container.iter(*_CONTROL_TAGS):
        if e is container or any(a in found for a in e.iterancestors()):
            continue
        if any(c.tag not in _CONTROL_TAGS for c in e.iterdescendants()):
            continue
        words = label_text("".join(e.itertext()))
        if words in _FURNITURE_TEXTS or "licensing" in name_words(e).split():
            found.append(e)
    return found


_CONTROL_TAGS = ("a", "span", "button", "div", "b", "strong", "i", "em", "small")


def has_media_label(container) -> bool:
    """Whether a figure prints the "Media caption," label the BBC gives its video players."""
    return any(
        _MEDIA_LABEL_RE.match(norm(e.text or "")) and not len(e)
        for e in container.iter("span", "p", "div")
    )


def _trailing_name_el(caption_el, skip):
    """A caption printed as separate elements whose last one is only a name (El País's
    `<span>Caption.</span><span class="a_m_m">Name</span>`): that element is its credit."""
    if norm(caption_el.text or ""):
        return None
    children = [c for c in caption_el if isinstance(c.tag, str) and c not in skip]
    if len(children) < 2 or any(norm(c.tail or "") for c in children):
        return None
    last = children[-1]
    if last.tag in ("br", "img", "a") or any(True for _ in last.iter("img", "a")):
        return None
    name = plain(text_of(last))
    before = plain(text_of(caption_el, exclude=frozenset({last, *skip})))
    if not before or before[-1] not in ".!?)»”\"'" or not looks_like_a_name(name):
        return None
    return last


def _author_span(caption_el, skip):
    """A caption element holding a caption span and an author span (Delfi's
    `<span class="caption__author">`, ABC's `voc-figcaption__author`): the author span, the
    last of the caption's children, is its credit."""
    children = [c for c in caption_el if isinstance(c.tag, str) and c not in skip]
    if len(children) < 2 or any(True for _ in children[-1].iter("img", "a")):
        return None
    last = children[-1]
    if "author" not in _class_words(last) or not plain(text_of(last)):
        return None
    return last


# The dash or bar a page prints between the caption and its credit element ("Caption - Name").
_TRAILING_SEPARATOR_RE = re.compile(r"\s+[-–—|]$")


def caption_and_credit(container, caption_el, loose=False) -> tuple[str, str, str, bool]:
    """(caption, credit_line, credit, credit_found) from a figure and its caption element."""
    candidates = [
        e
        for e in container.iter()
        if isinstance(e.tag, str)
        and e is not container
        and e is not caption_el
        and is_credit_el(e)
        and e.tag not in ("img", "video")
    ]
    counters = []
    for e in container.iter():
        if not isinstance(e.tag, str) or len(e):
            continue
        text = norm(e.text or "")
        if _SOURCE_LABEL_RE.match(text):
            parent = e.getparent()
            if parent is not None and parent is not container and parent is not caption_el:
                candidates.append(parent)
        elif _COUNTER_RE.match(text):
            counters.append(e)
    counters += furniture_text_els(container)
    credit_els = outermost(candidates)
    credit_els = credit_els or declared_credit_els(container, caption_el)  # `declared_credits`
    if not credit_els and caption_el is not None:
        credit_els = outermost([e for e in caption_el.iter("small", "cite")])
    if not credit_els and caption_el is not None:
        trailing = _trailing_name_el(caption_el, frozenset(counters))
        trailing = trailing if trailing is not None else _author_span(caption_el, counters)
        if trailing is not None:
            credit_els = [trailing]
    skip = frozenset(credit_els + counters)
    caption = ""
    if caption_el is not None:
        caption = plain(text_of(caption_el, exclude=skip))
        if credit_els:
            caption = _TRAILING_SEPARATOR_RE.sub("", caption)
    elif container.tag == "figure" or loose:
        # No figcaption: any loose text in the figure (or picture box) is its caption.
        caption = plain(text_of(container, exclude=skip))
    caption = without_label(caption)
    if _COUNTER_RE.match(caption):
        caption = ""
    credit_texts = [credit_without_label(plain(text_of(e))) for e in credit_els]
    credit_texts = [t for t in credit_texts if t]
    if credit_texts:
        credit_line, credit = parse_credit_text(credit_texts[0])
        rest, inner_line, _inner_credit = split_credit(caption)
        if inner_line and rest and not credit:
            return rest, inner_line, _inner_credit, True
        return caption, credit_line, credit, True
    rest, credit_line, credit = split_credit(caption)
    if credit_line:
        return rest, credit_line, credit, True
    return caption, "", "", False


def caption_element(fig):
    return next(
        (e for e in fig.iter() if isinstance(e.tag, str) and e is not fig and is_caption_el(e)),
        None,
    )
