"""A video's title and credit printed on two lines with the same label ("Video: a title" over
"Video: House"), in scripts with no capital letters to tell a title from a name.

`read_caption` reads "Video: Floodwater reaches the square" as a title by its lower-case
words; Urdu, Amharic, Sinhala, Thai and other scripts have no case, so there the pair tells:
the first of two lines opening with the same video label, one under the other, is the video's
title (the label no part of it), the second its credit line.
"""

from __future__ import annotations

from archive.articles.credit_lines import PrintedCaption


def _label(line: str) -> str:
    for colon in (":", "፡"):
        head, sep, _rest = line.partition(colon)
        if sep:
            return head.strip()
    return ""


def video_title_over_credit(lines: list[str], n: int, found: PrintedCaption) -> PrintedCaption:
    """``found`` (what `read_caption` read on ``lines[n]``), or the video's title when the line
    is a video-labelled line over another with the same label: the title, label dropped."""
    if not (found.video and found.credit_line == lines[n] and n + 1 < len(lines)):
        return found
    label = _label(lines[n])
    if not label or _label(lines[n + 1]) != label:
        return found
    title = lines[n][len(label) :].lstrip(" :፡").strip()
    if not title or any(c.isupper() for c in title):
        return found  # a cased script: `read_caption` has told a title from a name already
    return PrintedCaption(title, video=True)
