"""The most-read list's heading in more languages and scripts, for `text_lines.STOP_LINES`:
under it a copy prints other stories' headlines, none of them this story's. Pure data.
"""

from __future__ import annotations

# heading -> language
MORE_MOST_READ: dict[str, str] = {
    "الأكثر قراءة": "Arabic",
    "الأكثر قراءةً": "Arabic",
    "الأكثر مشاهدة": "Arabic (most watched)",
    "سب سے زیادہ پڑھی جانے والی": "Urdu",
    "سب سے زیادہ پڑھی جانے والی خبریں": "Urdu",
    "پربازدیدترین": "Persian",
    "הנקראים ביותר": "Hebrew",
    "सबसे ज्यादा पढ़ी गई": "Hindi",
    "सबसे ज़्यादा पढ़ी गई": "Hindi",
    "በብዛት የተነበቡ": "Amharic",
    "වැඩිපුරම කියවූ": "Sinhala",
    "அதிகம் படித்தவை": "Tamil",
}
