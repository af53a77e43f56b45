"""Two ways a figure's picture reaches past the `<figure>` element (React newsrooms' markup):

- A lazy loader's blurred preview: the `<img>` in a box named for lazy loading keeps a tiny
  version of the picture in `src` ("...&w=20") until a script swaps in the full one. Its
  address asks for a thumbnail, yet the picture is the story's: `is_lazy_preview`.
- A caption printed right after the `<figure>`, as its next sibling (`<figure>…</figure>
  <figcaption>…</figcaption>` in one container): the figure's caption. `caption_after`
  gives the placement that caption belongs to, for the walk to attach it; a gallery's label
  there ("Slideshow (14 Images)") is no caption.
"""

from __future__ import annotations

import re

from archive.articles.dom import is_caption_el, name_words
from archive.articles.draft import plain, text_of

# "Slideshow (14 Images)", "Gallery: 8 photos", "Bildergalerie (12 Bilder)": a label of the
# gallery behind a preview, not a caption of its picture
_GALLERY_LABEL_RE = re.compile(
    r"^(?:slide\s?show|gallery|photo\s?gallery|galerie|bildergalerie|fotostrecke|"
    r"fotogalerie|diashow)\W*\d+\s+\w+\W*$",
    re.IGNORECASE,
)


def is_lazy_preview(img) -> bool:
    """Whether ``img`` is a lazy loader's low-resolution stand-in (itself or its box named
    "lazy…", no width or height printed to say it is small)."""
    if img.get("width") or img.get("height"):
        return False
    node = img
    for _depth in range(3):
        if node is None:
            return False
        if any(w.startswith("lazy") for w in name_words(node).split()):
            return True
        node = node.getparent()
    return False


def caption_after(figure, found: list):
    """The figure's last placement when the element right after the figure is a caption and
    that placement printed none, else None."""
    if not found or found[-1].caption or found[-1].credit_line:
        return None
    after = figure.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()
    if after is None or not (after.tag == "figcaption" or is_caption_el(after)):
        return None
    if _GALLERY_LABEL_RE.match(plain(text_of(after))):
        return None
    return found[-1]
