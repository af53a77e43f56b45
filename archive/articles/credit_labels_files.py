"""Phrases saying "file photo" in more languages, for `credit_labels.FILE_PHOTO_LINES`: printed
alone as a picture's whole credit line (the paper's own file, naming no one), credited as
printed. Pure data.
"""

from __future__ import annotations

# phrase -> language
MORE_FILE_PHOTO_LINES: dict[str, str] = {
    "فائل فوٹو": "Urdu",
    "فائل تصویر": "Urdu",
    "عکس آرشیوی": "Persian",
    "تصویر آرشیوی": "Persian",
    "የማኅደር ፎቶ": "Amharic",
    "ගොනු ඡායාරූපය": "Sinhala",
    "கோப்புப் படம்": "Tamil",
}
