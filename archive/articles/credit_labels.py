"""Credit labels printed before a picture's credit in scripts and languages the Latin label
list of `credit_lines` does not cover: each label, its language and what it says.

A label is followed by a colon ("ภาพ: Name", "फोटो: PTI", "(צילום: Name)"); it is part of the
credit line as printed and no part of the credit. No package we know of ships such a list
(CLDR names languages and scripts, not newsroom labels), so it is kept here. Pure data.
"""

from __future__ import annotations

import re

from archive.articles.credit_labels_files import MORE_FILE_PHOTO_LINES
from archive.articles.credit_labels_more import MORE_CREDIT_LABELS
from archive.articles.credit_labels_nordic import NORDIC_CREDIT_LABELS

# label -> (language, meaning)
CREDIT_LABELS: dict[str, tuple[str, str]] = {
    # Thai
    "ภาพ": ("Thai", "picture"),
    "ภาพถ่าย": ("Thai", "photograph"),
    "ภาพประกอบ": ("Thai", "illustration"),
    "ที่มาภาพ": ("Thai", "the picture's source"),
    "ขอบคุณภาพ": ("Thai", "thanks for the picture"),
    "ขอบคุณคลิป": ("Thai", "thanks for the clip"),
    "ขอบคุณวิดีโอ": ("Thai", "thanks for the video"),
    "คลิป": ("Thai", "clip"),
    "วิดีโอ": ("Thai", "video"),
    # Hindi (Devanagari), spelled with and without the nukta
    "फोटो": ("Hindi", "photo"),
    "फ़ोटो": ("Hindi", "photo"),
    "फोटोग्राफर": ("Hindi", "photographer"),
    "फ़ोटोग्राफ़र": ("Hindi", "photographer"),
    "वीडियो": ("Hindi", "video"),
    "ग्राफिक": ("Hindi", "graphic"),
    # Bengali
    "ছবি": ("Bengali", "picture"),
    "ভিডিও": ("Bengali", "video"),
    # Tamil
    "படம்": ("Tamil", "picture"),
    "புகைப்படம்": ("Tamil", "photograph"),
    "வீடியோ": ("Tamil", "video"),
    "வீடியோ காட்சி": ("Tamil", "video scene"),
    # Hebrew
    "צילום": ("Hebrew", "photography"),
    "צילום מסך": ("Hebrew", "screenshot"),
    "צילום ארכיון": ("Hebrew", "archive photo"),
    "וידאו": ("Hebrew", "video"),
    "איור": ("Hebrew", "illustration"),
    # Arabic
    "تصوير": ("Arabic", "photography"),
    "صورة": ("Arabic", "picture"),
    "الصورة": ("Arabic", "the picture"),
    "فيديو": ("Arabic", "video"),
    # Persian and Urdu
    "عکس": ("Persian", "photo"),
    "ویدئو": ("Persian", "video"),
    "ویدیو": ("Persian", "video"),
    "تصویر": ("Urdu", "picture"),
    # Georgian
    "ფოტო": ("Georgian", "photo"),
    "ვიდეო": ("Georgian", "video"),
    # Nepali (Devanagari; "तस्बिर : Name", a space before the colon)
    "तस्बिर": ("Nepali", "picture"),
    "तस्वीर": ("Nepali", "picture"),
    "भिडियो": ("Nepali", "video"),
    # Khmer ("រូបថត៖ Name": the Khmer colon "៖" closes the label)
    "រូបថត": ("Khmer", "photograph"),
    "រូបភាព": ("Khmer", "picture"),
    "វីដេអូ": ("Khmer", "video"),
    # Armenian ("Լուսանկարը՝ Name", closed by the Armenian "՝"): `armenian_credits` reads
    # the name, printed in the genitive
    "Լուսանկարը": ("Armenian", "the photo"),
    "Լուսանկար": ("Armenian", "photo"),
    "Տեսանյութը": ("Armenian", "the video"),
    "Տեսանյութ": ("Armenian", "video"),
    # Korean: the media's kind and "=" ("영상=Name PD", "사진=House")
    "영상": ("Korean", "video"),
    "사진": ("Korean", "photo"),
    "그래픽": ("Korean", "graphic"),
    # Chinese and Japanese ("视频：Name", a full-width colon)
    "视频": ("Chinese", "video"),
    "視頻": ("Chinese", "video"),
    "影片": ("Chinese", "video"),
    "图片": ("Chinese", "picture"),
    "圖片": ("Chinese", "picture"),
    "摄影": ("Chinese", "photography"),
    "攝影": ("Chinese", "photography"),
    "写真": ("Japanese", "photo"),
    "動画": ("Japanese", "video"),
    # Vietnamese: an archive picture and a screenshot ("Ảnh:" alone is in `credit_lines`)
    "Ảnh tư liệu": ("Vietnamese", "archive photo"),
    "Ảnh chụp màn hình": ("Vietnamese", "screenshot"),
    # Romanian: a frame captured from a video
    "Captură video": ("Romanian", "video capture"),
    "Captura video": ("Romanian", "video capture"),
}
CREDIT_LABELS.update(MORE_CREDIT_LABELS)  # Urdu, Amharic, Sinhala, Greek: `credit_labels_more`
CREDIT_LABELS.update(NORDIC_CREDIT_LABELS)  # Nordic screenshots: `credit_labels_nordic`

# The labels as one regular expression alternation, longest first ("צילום מסך" before "צילום").
SCRIPT_LABEL_WORDS = "|".join(
    re.escape(label) for label in sorted(CREDIT_LABELS, key=len, reverse=True)
)

# Labels that say the media is a video.
SCRIPT_VIDEO_LABELS = tuple(
    label.lower()
    for label, (_language, meaning) in CREDIT_LABELS.items()
    if meaning in ("video", "the video", "clip", "thanks for the clip", "thanks for the video")
)

# Labels printed with no colon before the name: Thai "ขอบคุณภาพจาก X" ("thanks for the
# picture from X"), the name after a space. Label -> (language, meaning).
NO_COLON_LABELS: dict[str, tuple[str, str]] = {
    "ขอบคุณภาพจาก": ("Thai", "thanks for the picture from"),
    "ขอบคุณคลิปจาก": ("Thai", "thanks for the clip from"),
    "ขอบคุณวิดีโอจาก": ("Thai", "thanks for the video from"),
    "ที่มาภาพจาก": ("Thai", "the picture's source from"),
}
NO_COLON_WORDS = "(?:{})(?=\\s)".format(
    "|".join(re.escape(label) for label in sorted(NO_COLON_LABELS, key=len, reverse=True))
)
SCRIPT_VIDEO_LABELS += tuple(
    label.lower()
    for label, (_language, meaning) in NO_COLON_LABELS.items()
    if "clip" in meaning or "video" in meaning
)

# Korea's news agencies, printed alone after a caption's last full stop ("… 있다. 연합뉴스"):
# Yonhap, Newsis, News1
KOREAN_AGENCIES = "(?:연합뉴스|뉴시스|뉴스1)"

# "File photo" printed alone as a picture's whole credit line (the paper's own file, naming no
# one): credited as printed. Phrase -> language.
FILE_PHOTO_LINES: dict[str, str] = {
    "கோப்பு படம்": "Tamil",
    "फाइल फोटो": "Hindi",
    "फ़ाइल फ़ोटो": "Hindi",
    "ফাইল ছবি": "Bengali",
    "자료사진": "Korean",
    "資料写真": "Japanese",
    "資料照": "Chinese",
    "资料照": "Chinese",
    "صورة أرشيفية": "Arabic",
    "צילום ארכיון": "Hebrew",
    "ภาพแฟ้ม": "Thai",
    "Foto arsip": "Indonesian",
    "រូបថតឯកសារ": "Khmer",
    "档案照片": "Chinese",
    "資料圖片": "Chinese",
    "资料图片": "Chinese",
    "แฟ้มภาพ": "Thai",
    "أرشيف": "Arabic",
    # and pictures that name no one either: a screenshot, an online picture
    "צילום מסך": "Hebrew",
    "網上圖片": "Chinese",
    "网上图片": "Chinese",
}
FILE_PHOTO_LINES.update(MORE_FILE_PHOTO_LINES)  # Urdu, Persian, Amharic: `credit_labels_files`
