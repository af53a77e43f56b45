"""A control that shows or hides a caption is not the caption: the Guardian's
`<input class="reveal-caption__checkbox">` and `<label class="reveal-caption">` (an icon
the reader taps on a phone) stand in a figure before its `<figcaption>`, named for the
caption but printing nothing of it.
"""

from __future__ import annotations

_CONTROLS = frozenset(("label", "input", "select", "button"))


def is_caption_control(el) -> bool:
    """Whether ``el`` is a form control, or inside one (its icon)."""
    if el.tag in _CONTROLS:
        return True
    return any(a.tag in _CONTROLS for a in el.iterancestors())
