"""More words of page furniture and stills, in languages the tables of `text_lines` and
`still_words` do not cover: each phrase with its language. Those modules add these to their
own. Pure data.
"""

from __future__ import annotations

# A teaser's label before another story's headline ("Read also: ..."), matched whatever
# its case (Greek with its accents): (label, language)
MORE_TEASER_LABELS: tuple[tuple[str, str], ...] = (
    ("یہ بھی پڑھیں", "Urdu"),
    ("مزید پڑھیں", "Urdu"),
    ("ተጨማሪ ያንብቡ", "Amharic"),
    ("ይህንም ያንብቡ", "Amharic"),
    ("මෙයත් කියවන්න", "Sinhala"),
    ("මේවාත් කියවන්න", "Sinhala"),
    ("Διαβάστε επίσης", "Greek"),
    ("Διαβάστε ακόμα", "Greek"),
    ("ПРОЧИТАЈТЕ ЈОШ", "Serbian"),
    ("ПРОЧИТАЈТЕ И", "Serbian"),
    ("BACA LAGI", "Malay"),
)
# A heading over the page's lists of other stories, where the story has ended ("Most
# read", "Related news"): (line, language)
MORE_STOP_LINES: tuple[tuple[str, str], ...] = (
    ("سب سے زیادہ پڑھی جانے والی", "Urdu"),
    ("سب سے زیادہ پڑھی جانے والی خبریں", "Urdu"),
    ("مزید خبریں", "Urdu"),
    ("በብዛት የተነበቡ", "Amharic"),
    ("ተዛማጅ ዜናዎች", "Amharic"),
    ("වැඩිපුරම කියවූ", "Sinhala"),
    ("අදාළ පුවත්", "Sinhala"),
    ("Најчитаније", "Serbian"),
    ("Τα πιο δημοφιλή", "Greek"),
    ("Δημοφιλή", "Greek"),
    ("Paling popular", "Malay"),
    ("Berita berkaitan", "Malay"),
    ("Mais lidas", "Portuguese"),
)
# A caption calling its picture a frame of the video above it: (language, pattern)
MORE_STILL_PHRASES: tuple[tuple[str, str], ...] = (
    ("Urdu", r"(?:اوپر|مذکورہ)\s+(?:دی\s+گئی\s+)?ویڈیو|ویڈیو\s+سے\s+لیا\s+گیا"),
    ("Amharic", r"ከላይ\s+(?:ካለው|ባለው)\s+ቪዲዮ|ከቪዲዮው\s+የተወሰደ"),
    ("Sinhala", r"ඉහත\s+වීඩියෝ|වීඩියෝවෙන්\s+ලබාගත්"),
    ("Serbian", r"\b(?:из|са)\s+видеа\s+(?:изнад|горе)|\bкадар\s+из\s+видеа"),
    ("Greek", r"από\s+το\s+(?:παραπάνω\s+)?βίντεο|Στιγμιότυπο\s+από"),
    ("French", r"\bde\s+la\s+vid[ée]o\s+ci-dessus\b|\bcapture\s+de\s+la\s+vid[ée]o\b"),
    ("Portuguese", r"\bdo\s+v[ií]deo\s+acima\b|\bimagem\s+do\s+v[ií]deo\b"),
    ("Malay", r"\bvideo\s+di\s+atas\b|\btangkap\s+layar\s+video\b"),
    ("Ukrainian", r"\bз\s+відео\s+вище\b"),
)
