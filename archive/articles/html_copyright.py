"""A credit marked by its copyright sign rather than by its element's name (HTML). Pure.

Some caption boxes print the credit in an element named for nothing ("tiny", "small-text")
before or after the caption: `<div class="image-caption"><span class="tiny">© Name/Agency
</span><br><span class="caption">The caption</span></div>`. An element of the box whose whole
text is short and opens with the copyright sign ("©", "(c)", "Copyright") is the credit line;
the rest of the box is the caption.
"""

from __future__ import annotations

import re

from archive.articles.draft import plain, text_of

_SIGNED_RE = re.compile(r"^(?:©|\(c\)\s|copyright\b)", re.IGNORECASE)
_MAX_CREDIT = 100


def signed_credits(box, skip=None) -> list:
    """The elements inside ``box`` (not ``box``, not ``skip``) that are a copyright line alone,
    when the box prints more text than them (a caption)."""
    found = []
    for el in box.iter():
        if not isinstance(el.tag, str) or el is box or el is skip or el.tag in ("img", "video"):
            continue
        if any(el in set(f.iter()) for f in found):
            continue
        text = plain(text_of(el))
        if text and len(text) <= _MAX_CREDIT and _SIGNED_RE.match(text):
            found.append(el)
    if not found:
        return []
    total = len(plain(text_of(box)))
    credited = sum(len(plain(text_of(el))) for el in found)
    return found if total > credited + 1 else []
