"""A picture's credit printed in a `<cite>` beside its caption (Vox Media's "<figcaption>
caption</figcaption><cite>Image: Name</cite>", many CMS's): a `<cite>` in a `<figure>` that
holds a picture and no quotation is that picture's credit, as a credit-named element is. A
`<cite>` under a pull quote or a blockquote names the quote's speaker instead.
"""

from __future__ import annotations

_MAX_DEPTH = 4


def is_figure_cite(el) -> bool:
    """Whether ``el`` is a `<cite>` crediting the picture of the figure around it."""
    if el.tag != "cite":
        return False
    node = el.getparent()
    for _depth in range(_MAX_DEPTH):
        if node is None or node.tag in ("blockquote", "q"):
            return False
        if node.tag == "figure":
            if any(True for _q in node.iter("blockquote", "q")):
                return False
            return any(True for _m in node.iter("img", "picture", "video", "iframe"))
        node = node.getparent()
    return False
