"""A video's title printed with the video label, over the video's credit line (plain text).

A copy of a page may print a video's block as two labelled lines: "คลิป : Farmers dump their
crop by the road" then "ขอบคุณคลิปจาก House", "វីដេអូ៖ Title" then "វីដេអូ៖ House", or Urdu
"ویڈیو: title" over "ویڈیو: House". Read alone, the first is shaped like a credit line (a video
label, then words); under it, another line credits the same video. Two credits for one video
are not printed: the upper line is the video's title, its label dropped. In a script without
capital letters nothing else tells a title from a name. Pure.
"""

from __future__ import annotations

import re

from archive.articles.caption_credits import read_caption
from archive.articles.credit_lines import PrintedCaption

# The label's own colon: Latin, full-width, Khmer, Ethiopic.
_LABEL_RE = re.compile(r"^[^:：៖፡]{1,24}?\s*[:：៖፡]\s*")


def _credits_a_video(found: PrintedCaption) -> bool:
    return bool(found.video and found.credit_line and not found.caption)


def video_title_over_credit(lines: list[str], n: int, found: PrintedCaption) -> PrintedCaption:
    """``found`` (what was read on ``lines[n]`` alone), or, when it credits a video and the line
    right under it credits a video too, the video's title: the line without its label."""
    if not _credits_a_video(found) or n + 1 >= len(lines):
        return found
    if not _credits_a_video(read_caption(lines[n + 1])):
        return found
    title = _LABEL_RE.sub("", lines[n], count=1).strip()
    return PrintedCaption(title or lines[n], video=True)
