"""A video's title printed with the video label, over the video's credit line (plain text).

A copy of a page may print a video's block as two labelled lines: "คลิป : Farmers dump their
crop by the road" then "ขอบคุณคลิปจาก House", or "វីដេអូ៖ Title" then "វីដេអូ៖ House". Read
alone, the first is shaped like a credit line (a video label, then words); under it, another
line credits the same video. Two credits for one video are not printed: the upper line is the
video's title (its label is dropped later with the other kind labels). Pure.
"""

from __future__ import annotations

from archive.articles.caption_credits import read_caption
from archive.articles.credit_lines import PrintedCaption


def video_title_over_credit(lines: list[str], n: int, found: PrintedCaption) -> bool:
    """Is ``lines[n]``, read as a video's credit line alone (``found``), the title of the
    video whose credit line is printed right under it?"""
    if not (found.video and found.credit_line and not found.caption) or n + 1 >= len(lines):
        return False
    below = read_caption(lines[n + 1])
    return bool(below.video and below.credit_line and not below.caption)
