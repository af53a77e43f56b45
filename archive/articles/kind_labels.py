"""Labels that open a video's caption or title to say it is a video, in forms `draft`'s
"Video:" label does not cover; no part of the caption as printed. Pure.

- Bracketed labels: Japanese and Chinese "【動画】", "【影片】", Korean "[영상]".
- A label and a bar: "Vídeo | Title" (Spanish and Catalan papers).
- A label in capitals with no colon before a capitalised word: Romanian "VIDEO Title".
- A label and a colon in other scripts: Hindi "वीडियो:", Tamil "வீடியோ:", Thai "วิดีโอ:",
  Arabic "فيديو:", Hebrew "וידאו:", Bengali "ভিডিও :", Georgian "ვიდეო:", Nepali "भिडियो :";
  Khmer "វីដេអូ៖" (the Khmer colon) and Chinese "视频：" (a full-width colon).
"""

from __future__ import annotations

import re

_VIDEO_OPENING_RE = re.compile(
    r"^(?:【(?:動画|映像|影片|影音|視頻|视频)】\s*"
    r"|\[(?:영상|동영상)\]\s*"
    r"|(?:V[íi]deo|Vidéo)\s*\|\s+"
    r"|VIDEO\s+(?=[A-ZĂÂÎȘȚÀ-Ý][a-zăâîșțà-ÿ])"
    r"|(?:वीडियो|வீடியோ|วิดีโอ|คลิป|فيديو|וידאו|ভিডিও|ვიდეო|भिडियो)\s*:\s+"
    r"|វីដេអូ\s*៖\s*|(?:视频|視頻|影片)\s*：\s*)"
)


def video_label_end(caption: str) -> int:
    """Where a video label opening ``caption`` ends (0 when none), a caption of at least
    three words, or eight characters in scripts written without spaces, left after it."""
    m = _VIDEO_OPENING_RE.match(caption or "")
    if not m:
        return 0
    rest = caption[m.end() :].strip()
    return m.end() if len(rest.split()) >= 3 or len(rest) >= 8 else 0
