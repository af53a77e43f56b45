"""A video's title printed with the video label, over the video's credit line (plain text).

A copy of a page may print a video's block as two labelled lines: "คลิป : Farmers dump their
crop by the road" then "ขอบคุณคลิปจาก House", "វីដេអូ៖ Title" then "វីដេអូ៖ House", or Urdu
"ویڈیو: title" over "ویڈیو: House". Read alone, the first is shaped like a credit line (a video
label, then words); under it, another line credits the same video. Two credits for one video
are not printed: the upper line is the video's title, its label dropped. In a script without
capital letters nothing else tells a title from a name. So is a title printed after a label
that calls it a video to watch ("Watch: A title", "Se video: Tittel", Arabic "فيديو: عنوان")
over a line that is only a credit ("(House)", "Source: House", "Video: Name / House"). Pure.
"""

from __future__ import annotations

import re

from archive.articles.caption_credits import read_caption
from archive.articles.credit_lines import PrintedCaption
from archive.articles.kind_labels import video_label_end
from archive.articles.text_brackets import bracketed_credit_line
from archive.articles.text_glued_house import glued_house_caption

# The label's own colon: Latin, full-width, Khmer, Ethiopic.
_LABEL_RE = re.compile(r"^[^:：៖፡]{1,24}?\s*[:：៖፡]\s*")


# "Watch:", "WATCH:", Norwegian and Danish "Se video:", "Se videoen:", Nynorsk "Sjå video:",
# Swedish "Se videon:", "Titta:", Finnish "Katso video:", German "Video ansehen:".
_WATCH_LABEL_RE = re.compile(
    r"^(?:watch|se video(?:en|n)?|sjå video(?:en)?|titta|katso video|video ansehen)\s*:\s+",
    re.IGNORECASE,
)
_MIN_TITLE_WORDS = 3


def _watch_title(line: str) -> str:
    """The title after a label calling it a video to watch, or ""."""
    m = _WATCH_LABEL_RE.match(line)
    end = m.end() if m else video_label_end(line)
    title = line[end:].strip() if end else ""
    return title if len(title.split()) >= _MIN_TITLE_WORDS else ""


def _credit_alone(line: str) -> bool:
    found = read_caption(line)
    return bool(found.credit_line and not found.caption) or bool(bracketed_credit_line(line))


def _credits_a_video(found: PrintedCaption) -> bool:
    return bool(found.video and found.credit_line and not found.caption)


def video_title_over_credit(lines: list[str], n: int, found: PrintedCaption) -> PrintedCaption:
    """``found`` (what was read on ``lines[n]`` alone), or, when it credits a video and the line
    right under it credits a video too, or when it is a title after a label to watch it over a
    credit alone, the video's title: the line without its label."""
    found = glued_house_caption(lines, n, found)  # "… la fábrica RTVE": `text_glued_house`
    if n + 1 >= len(lines):
        return found
    title = _watch_title(lines[n])
    if title and _credit_alone(lines[n + 1]):
        return PrintedCaption(title, video=True)  # "Watch: A title" over "(House)"
    if not _credits_a_video(found):
        return found
    if not _credits_a_video(read_caption(lines[n + 1])):
        return found
    title = _LABEL_RE.sub("", lines[n], count=1).strip()
    return PrintedCaption(title or lines[n], video=True)
