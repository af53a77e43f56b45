"""A picture gallery whose slides are all in the HTML: a list (`<ul class="slides">` in a box
named for a gallery or slideshow) whose items each hold one picture and that slide's text.

Each slide is one picture placement; its caption is the slide's headings and paragraphs in
the order printed, less the gallery's own title that every slide repeats (a label of the
gallery, not of the slide) and a line naming the gallery's author. A credit closing the
slide's text is its credit line.
"""

from __future__ import annotations

from archive.articles.caption_credits import split_credit
from archive.articles.dom import class_says, img_src, is_media, name_words
from archive.articles.draft import KIND_PICTURE, DraftPlacement, plain, text_of

_GALLERY_WORDS = ("gallery", "slideshow", "slides", "slider", "carousel", "diashow", "galerie")
_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p")
_AUTHOR_WORDS = frozenset({"author", "byline", "autor"})


def _named_gallery(el, page) -> bool:
    node = el
    for _depth in range(4):
        if node is None or node is page.scope:
            return False
        if class_says(node, _GALLERY_WORDS):
            return True
        node = node.getparent()
    return False


def _blocks(item) -> list:
    """The item's headings and paragraphs, outermost only, in page order."""
    found = []
    for el in item.iter(*_BLOCKS):
        if any(b in found for b in el.iterancestors(*_BLOCKS)):
            continue
        if _AUTHOR_WORDS & set(name_words(el).split()):
            continue
        if plain(text_of(el)):
            found.append(el)
    return found


def gallery_slides(el, page) -> list[DraftPlacement] | None:
    """The slides of ``el`` as placements when it is a gallery's list of slides, else None."""
    if el.tag not in ("ul", "ol") or not _named_gallery(el, page):
        return None
    items = [li for li in el if getattr(li, "tag", None) == "li"]
    if len(items) < 2:
        return None
    pictures = []
    for li in items:
        media = [e for e in li.iter() if isinstance(e.tag, str) and is_media(e)]
        if len(media) != 1 or media[0].tag != "img":
            return None
        if page.link_of(media[0]) is not None:
            return None  # covers or teasers linking elsewhere: the walk judges them
        pictures.append(media[0])
    texts = [[plain(text_of(b)) for b in _blocks(li)] for li in items]
    repeated = set.intersection(*(set(t) for t in texts)) if all(texts) else set()
    slides = []
    for img, blocks in zip(pictures, texts, strict=True):
        caption = " ".join(t for t in blocks if t not in repeated)
        rest, line, credit = split_credit(caption) if caption else ("", "", "")
        slide = DraftPlacement(0, KIND_PICTURE, alt=plain(img.get("alt") or ""))
        slide.src = img_src(img, page.url)
        slide.caption, slide.credit_line, slide.credit = (
            (rest, line, credit)
            if line
            else (
                caption,
                "",
                "",
            )
        )
        slides.append(slide)
    return slides
