"""What an element's inline style and a picture's file name say of it (HTML). Pure.

Real pages size their icons and partner logos in the `style` attribute rather than in
`width`/`height` (`<img style="width:auto;height:28px">`), and hide furniture with
`display:none`. Only pixel sizes are read: a percentage or `auto` says nothing of the size.
A file named as a loader's spinner or a placeholder, and a counter's beacon hidden by its own
style, are no pictures.
"""

from __future__ import annotations

import re

_DECLARATION_RE = re.compile(r"(?:^|;)\s*([a-z-]+)\s*:\s*([^;]*)", re.IGNORECASE)
_PIXELS_RE = re.compile(r"^(\d{1,5})(?:\.\d+)?px(?:\s*!important)?$", re.IGNORECASE)


def style_of(el) -> dict[str, str]:
    """The declarations of ``el``'s inline style, property (lower case) to value."""
    return {
        m.group(1).lower(): m.group(2).strip()
        for m in _DECLARATION_RE.finditer(el.get("style") or "")
    }


def style_pixels(el, prop: str) -> int | None:
    """The pixel size ``el``'s inline style gives ``prop`` ("width", "height"), or None."""
    match = _PIXELS_RE.match(style_of(el).get(prop, ""))
    return int(match.group(1)) if match else None


def hidden_by_style(el) -> bool:
    """Whether ``el``'s inline style hides it (`display:none`, `visibility:hidden`)."""
    style = style_of(el)
    display = style.get("display", "").lower().replace(" ", "")
    visibility = style.get("visibility", "").lower().replace(" ", "")
    return display.startswith("none") or visibility.startswith("hidden")


# A file that is a loader's spinner or an empty placeholder by its whole name ("ajax-loader.gif",
# "img/loading.png", "preload.gif", "spacer.gif"); "loading-bay.jpg" is a picture.
_LOADER_FILE_RE = re.compile(
    r"(?:^|/)(?:[\w]+[_-])?(?:loader|loading|preload|preloader|spinner|placeholder|spacer|blank)"
    r"\.(?:gif|png|svg|jpe?g|webp)(?:[?#].*)?$",
    re.IGNORECASE,
)


def loader_file(src: str) -> bool:
    """Whether a picture's file is named as a loader's spinner or an empty placeholder."""
    return bool(src and _LOADER_FILE_RE.search(src))


_SMALL_BOX_MAX = 100


def in_small_box(img) -> bool:
    """Whether ``img`` is the only picture of a box (its parent or grandparent) whose inline
    style sizes it at most 100 pixels wide or high: a hover thumbnail, an icon's frame."""
    node = img.getparent()
    for _depth in range(2):
        if node is None:
            return False
        if sum(1 for _i in node.iter("img")) > 1:
            return False
        sizes = [s for s in (style_pixels(node, "width"), style_pixels(node, "height")) if s]
        if sizes and min(sizes) <= _SMALL_BOX_MAX:
            return True
        node = node.getparent()
    return False


def hidden_beacon(img) -> bool:
    """Whether ``img`` is a counter's beacon: hidden by its own inline style, with no alt text,
    outside any figure (a gallery's hidden slide describes its picture or sits in a figure)."""
    if not hidden_by_style(img) or (img.get("alt") or "").strip():
        return False
    return not any(a.tag == "figure" for a in img.iterancestors())
