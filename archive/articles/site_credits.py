"""A credit naming the house by its website's domain, then the photographer after a slash
("mbl.is/Name Surname", "stuff.co.nz/Name"), glued after the caption's last full stop with
no label. The domain is the credit, the person its creator (`credit_lines` reads the line).
Pure.
"""

from __future__ import annotations

import re

from archive.articles.credit_names import _is_name_part

_SITE_SLASH_RE = re.compile(
    r"(?<=[.!?”])\s+(?P<line>[^\W\d_][\w-]*(?:\.[\w-]+)*\.[a-z]{2,6}\s*/\s*"
    r"(?P<who>[^\W\d_][^/.!?:;()]{1,60}?))\s*$"
)


def site_slash_credit(text: str) -> tuple[str, str] | None:
    """(caption, credit line) of a caption closed by "domain.tld/Name", else None."""
    m = _SITE_SLASH_RE.search(text)
    if not m or not text[: m.start()].strip() or not _is_name_part(m["who"]):
        return None
    return text[: m.start("line")].strip(), m["line"].strip()
