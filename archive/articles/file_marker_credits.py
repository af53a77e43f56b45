"""A caption closed by a spaced dash and a file marker naming no one: "… in March 2024. — File
picture", "… at the quay. - File photo" (papers printing every credit after a dash, "— Picture:
Name"). The marker is the credit line as printed; the credit keeps the word that says whose
picture it is, the paper's file ("File"), as a label's "Picture: File" keeps it; and
`without_file_marker`, a caption without the "File" closing it after its last full stop. Pure;
used by `source.parse_article`, `caption_credits` and `text`.
"""

from __future__ import annotations

import re

from archive.articles.draft import DraftPlacement

# the caption, closed by a full stop (or a closing bracket or quote), a spaced dash, the marker
_DASH_FILE_RE = re.compile(
    r"^(?P<caption>.*[.!?)”\"'’])\s+[—–-]\s+"
    r"(?P<line>(?P<word>File|FILE)(?:\s+(?i:picture|photo(?:graph)?|pic|image))?)\.?$"
)


def dash_file_marker(caption: str) -> tuple[str, str, str] | None:
    """(caption, credit line, credit) of a caption closed by a dash and a file marker."""
    m = _DASH_FILE_RE.match(caption.strip())
    if not m:
        return None
    return m["caption"], m["line"], m["word"]


def file_markers_after_dash(placements: list[DraftPlacement]) -> None:
    """Read the file marker after a dash closing an uncredited caption as its credit line."""
    for p in placements:
        found = None if p.credit_line else dash_file_marker(p.caption)
        if found is None:
            continue
        p.caption, p.credit_line, p.credit = found
        p.notes = [n for n in p.notes if "no credit" not in n]
        p.needs_review = p.needs_review and bool(p.notes)


# "A caption. File": the word after the caption's last full stop marking an archive picture
# (Indian papers print it before "| Photo Credit: X").
_FILE_MARKER_RE = re.compile(r"(?<=[^\W\d_][.!?])\s+(?:File|FILE)(?:\s+(?i:photo))?$")


def without_file_marker(caption: str) -> str:
    """A caption without the "File" closing it after its last full stop, if printed."""
    return _FILE_MARKER_RE.sub("", caption)
