"""Pictures a page prints only inside `<noscript>`: the fallback of a lazy loader whose own
`<img>` is missing or holds no address (a `<picture>` that a script fills in).

The importer drops every `<noscript>` with the scripts (its fallback usually repeats a lazy
picture already in the page); `unwrap_noscript_pictures` first lifts out the pictures that
are printed nowhere else, so the walk meets them where the page shows them.
"""

from __future__ import annotations

from archive.articles.dom import img_src
from archive.articles.draft import drop


def _has_address(img) -> bool:
    return bool(img_src(img, ""))


def unwrap_noscript_pictures(root) -> None:
    """Put in place of each `<noscript>` the pictures it holds when it is a picture's
    fallback (inside a `<picture>`, or beside an `<img>` a loader would fill) and the page
    shows that picture nowhere else: the loader's `<img>` is missing or has no address."""
    for noscript in list(root.iter("noscript")):
        parent = noscript.getparent()
        if parent is None:
            continue
        images = [img for img in noscript.iter("img") if _has_address(img)]
        if not images:
            continue
        beside = [
            img for img in parent.iter("img") if not any(a is noscript for a in img.iterancestors())
        ]
        if parent.tag != "picture" and not beside:
            continue  # a script's fallback (an advert, a tracking pixel), not a picture's
        if any(_has_address(img) for img in beside):
            continue  # the fallback repeats a picture the page prints (lazily or not)
        for placeholder in beside:  # the loader's empty frame of this same picture
            drop(placeholder)
        index = parent.index(noscript)
        tail = noscript.tail
        parent.remove(noscript)
        for offset, img in enumerate(images):
            img.tail = None
            parent.insert(index + offset, img)
        images[-1].tail = tail
