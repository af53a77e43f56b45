"""A figure's credit printed in an unnamed element of its caption, which the figure's box
declares in a `data-credit` attribute (HTML). Pure.

Some CMSs (TIME's Gutenberg blocks) print a caption as two unnamed spans, the caption and the
credit ("David McNew—Getty Images"), and declare both on the figure's box (`data-caption`,
`data-credit`). The caption's element whose whole text is the declared credit is the credit.
"""

from __future__ import annotations

from archive.articles.draft import norm, text_of

_ATTRIBUTES = ("data-credit", "data-image-credit", "data-photo-credit")
_LEVELS = 3


def _declared(container) -> set[str]:
    boxes = list(container.iter())
    boxes.extend(a for _i, a in zip(range(_LEVELS), container.iterancestors(), strict=False))
    found = set()
    for box in boxes:
        if not isinstance(box.tag, str):
            continue
        for name in _ATTRIBUTES:
            value = norm(box.get(name) or "")
            if value:
                found.add(value)
    return found


def declared_credit_els(container, caption_el) -> list:
    """The caption's element printing the credit its figure's box declares, as a list."""
    if caption_el is None:
        return []
    declared = _declared(container)
    if not declared:
        return []
    for el in caption_el.iter():
        if el is caption_el or not isinstance(el.tag, str) or len(el):
            continue
        if norm(text_of(el)) in declared:
            return [el]
    return []
