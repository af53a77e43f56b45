"""Wording that names a picture as a frame of the video above it, in languages and scripts
`draft`'s still signs do not cover: each phrase with its language. Pure data and one test.
"""

from __future__ import annotations

import re

from archive.articles.still_words_extra import EXTRA_STILL_PHRASES
from archive.articles.text_labels_more import MORE_STILL_PHRASES

# (language, phrase pattern): a frame of the video, or the video above
_STILL_PHRASES: tuple[tuple[str, str], ...] = (
    ("Japanese", r"上の動画|動画の一場面|動画から|動画より|映像から|映像の一場面"),
    ("Chinese", r"上方影片|影片截[圖图]|視頻截圖|视频截图|影片畫面|影片画面|上方視頻|上方视频"),
    ("Korean", r"위\s*영상|영상\s*캡처|영상의\s*한\s*장면|영상\s*갈무리"),
    ("Hindi", r"ऊपर\s+(?:के|दिए\s+गए)\s+वीडियो|वीडियो\s+से\s+ली\s+गई|वीडियो\s+ग्रैब"),
    ("Tamil", r"மேலே\s+உள்ள\s+வீடியோ|வீடியோவில்\s+இருந்து"),
    ("Thai", r"ภาพจากคลิป|จากคลิปด้านบน|ภาพจากวิดีโอ|คลิปด้านบน"),
    ("Hebrew", r"מתוך\s+ה(?:סרטון|וידאו)|צילום\s+מסך\s+מתוך|ב?(?:סרטון|וידאו)\s+ש?למעלה"),
    ("Bengali", r"(?:ওপরের|উপরের)\s+ভিডিও|ভিডিও\s+থেকে\s+নেওয়া"),
    ("Nepali", r"माथिको\s+भिडियो|भिडियोबाट\s+लिइएको"),
    ("Khmer", r"វីដេអូខាងលើ|រូបភាពពីវីដេអូ"),
    ("Armenian", r"վեր(?:և|եւ)ի\s+տեսանյութից|տեսանյութից\s+կադր|կադր\s+տեսանյութից"),
    ("Arabic", r"لقطة\s+من\s+(?:ال)?فيديو|من\s+الفيديو\s+(?:أعلاه|المرفق)"),
    ("Vietnamese", r"\b(?:trong|từ)\s+(?:clip|video)\s+(?:trên|dưới|phía\s+trên)\b"),
    ("Estonian", r"\bkaader\s+(?:\w+\s+){0,2}videost\b|\bülaltoodud\s+videost\b"),
    ("Spanish", r"\bdel\s+v[ií]deo\s+(?:anterior|de\s+arriba|superior)\b"),
    ("Portuguese", r"\bdo\s+v[ií]deo\s+(?:anterior|de\s+cima)\b"),
    ("Kazakh", r"жоғарыдағы\s+видео|видеодан\s+(?:алынған\s+)?кадр"),
    ("Russian", r"\bиз\s+видео\s+(?:выше|ниже)\b|\bкадр\s+видео\b"),
)
_STILL_PHRASES += MORE_STILL_PHRASES  # Urdu, Amharic, Sinhala, ...: `text_labels_more`
_STILL_PHRASES += EXTRA_STILL_PHRASES  # Italian, Icelandic, Georgian: `still_words_extra`
_STILL_PHRASE_RE = re.compile("|".join(p for _lang, p in _STILL_PHRASES), re.IGNORECASE)


def names_the_video_above(caption: str) -> bool:
    """Whether a caption calls its picture a frame of the video ("上の動画の一場面",
    "ऊपर के वीडियो से ली गई तस्वीर", "Kaader ülaltoodud videost")."""
    return bool(_STILL_PHRASE_RE.search(caption or ""))
