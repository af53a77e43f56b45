"""A picture's own caption is never a box of page furniture, whatever its class says.

The HTML reader drops elements whose class names a furniture box ("subscribe", "share",
"promo": a newsletter box, a share bar) before it reads the story. A CMS may give a
figure's caption such a class (UNIAN's `<figcaption class="subscribe_photo_text">`, named for
the paper's "subscribe" styling); a `<figcaption>`, and the `<dd>` captioning a picture in a
`<dl>` gallery, print the caption and credit of the picture beside them, so they are kept.
"""

from __future__ import annotations


def is_media_caption(el) -> bool:
    """Is ``el`` a picture's caption element: a `<figcaption>`, or a `<dd>` after a `<dt>`
    holding a picture?"""
    if el.tag == "figcaption":
        return True
    if el.tag != "dd":
        return False
    previous = el.getprevious()
    return (
        previous is not None
        and previous.tag == "dt"
        and next(previous.iter("img", "picture", "video"), None) is not None
    )
