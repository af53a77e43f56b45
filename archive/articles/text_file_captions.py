"""A caption opened by a "file photo" label, over its credit line (plain text).

Amharic papers print "የማኅደር ፎቶ፡ In 2016, the landslide in the same zone" ("archive photo:")
then "ፎቶ፡ House" under it; English ones "File photo: The dam in 2019" over "Photo: Agency".
Read alone, the upper line looks like a caption closed by a labelled credit (the photo
label inside the phrase); over a line that is only a credit it is the caption, whole, its
label kept as printed. Pure.
"""

from __future__ import annotations

import re

from archive.articles.caption_credits import read_caption
from archive.articles.credit_labels import FILE_PHOTO_LINES
from archive.articles.credit_lines import PrintedCaption

_ENGLISH = ("File photo", "File picture", "Archive photo", "Archive picture", "Archive image")
_FILE_LABEL_RE = re.compile(
    r"^(?:{})\s*[:：፡]\s*\S".format(
        "|".join(re.escape(p) for p in sorted([*FILE_PHOTO_LINES, *_ENGLISH], key=len)[::-1])
    ),
    re.IGNORECASE,
)
_MIN_WORDS = 3  # the caption after the label


def file_label_caption(lines: list[str], n: int, found: PrintedCaption) -> PrintedCaption:
    """``found`` (what was read on ``lines[n]`` alone), or the whole line as a caption when it
    opens with a "file photo" label and the line under it is only a credit."""
    line = lines[n]
    m = _FILE_LABEL_RE.match(line)
    if not m or len(line[m.end() - 1 :].split()) < _MIN_WORDS or n + 1 >= len(lines):
        return found
    below = read_caption(lines[n + 1])
    if not below.credit_line or below.caption:
        return found
    return PrintedCaption(line)
