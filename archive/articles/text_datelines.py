"""A dateline naming the paper's reporter in brackets after the place, printed on its own
line under the headline: Urdu papers' "کوئٹہ (نمائندہ جنگ)" ("Quetta (Jang correspondent)"),
"لاہور (اسٹاف رپورٹر)", Pakistani English papers' "QUETTA (Staff Reporter)". The bracket names
who wrote the story, not who took a picture: the line is the byline's, no caption's credit.
Pure.
"""

from __future__ import annotations

import re

# The reporter's designation opening the bracket: correspondent, staff reporter, special
# correspondent, news desk, monitoring desk, news agencies (Urdu), and in English.
_REPORTER_WORDS = (
    "نمائندہ",
    "خصوصی نمائندہ",
    "اسٹاف رپورٹر",
    "نامہ نگار",
    "نیوز ڈیسک",
    "مانیٹرنگ ڈیسک",
    "ایجنسیاں",
    "خبر ایجنسی",
    "Staff Reporter",
    "Staff Correspondent",
    "Our Correspondent",
    "Special Correspondent",
    "News Desk",
    "Monitoring Desk",
)
_DATELINE_RE = re.compile(
    r"^[^\s()]+(?:\s+[^\s()]+){0,2}\s*\((?:"
    + "|".join(re.escape(w) for w in _REPORTER_WORDS)
    + r")(?:\s+[^()]*)?\)$",
    re.IGNORECASE,
)


def reporter_dateline(line: str) -> bool:
    """Is ``line`` a place, then the reporter's designation in brackets?"""
    return bool(_DATELINE_RE.match(line.strip()))
