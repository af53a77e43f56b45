"""Text printed for screen readers only (HTML). Pure.

Pages label their pictures and links for screen readers in elements hidden from the eye by a
class of the convention (`off-screen`, `visually-hidden`, `sr-only`, `screen-reader-text`):
the BBC's "Image copyright" in the page's language before a credit, "opens in a new window"
after a link. A reader does not see it: it is neither caption, credit nor story.
"""

from __future__ import annotations

from archive.articles.draft import drop, text_of

_SCREEN_READER_CLASSES = frozenset(
    """off-screen offscreen visually-hidden visuallyhidden sr-only sr-only-focusable
    screen-reader-text screen-reader-only screenreader-only u-visually-hidden
    element-invisible hidden-visually a11y-hidden""".split()
)
_MAX_TEXT = 80  # a label; a longer box so named is the page's, read as printed


def drop_screen_reader_text(root) -> None:
    """Remove the short labels a page prints for screen readers only."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        classes = set((el.get("class") or "").lower().split())
        if classes & _SCREEN_READER_CLASSES and len(text_of(el)) <= _MAX_TEXT:
            if not any(True for _m in el.iter("img", "video", "iframe", "picture")):
                drop(el)
