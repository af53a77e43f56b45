"""A credit label that a caption prints as its own words, not as its credit's.

"Frame from the video: the director at the gate", "Kadrs no video: valdes loceklis ...",
"Архивна снимка: новите ...": a picture label inside the caption's sentence, followed by
several words in lower case, introduces what the picture shows; a credit after a label
names someone ("Foto: Name", "Foto: dpa", "Fot. mat. pras."). Pure; used by
`caption_credits.read_caption`.
"""

from __future__ import annotations

import re

_MIN_WORDS = 4  # "dpa", "mat. pras.": credits in lower case are short
# "File photo: the dam in winter", "Archive picture: ...": a label of the picture's kind
# opening the caption, then what it shows (a credit after it names someone: "File: Name/AP")
_KIND_LABEL_RE = re.compile(
    r"^(?:File|Archive|Stock)\s+(?:photo|picture|image)|Archiv(?:bild|foto)|Arkiv\w*|"
    r"Illustrative (?:photo|image)",
    re.IGNORECASE,
)


def mid_caption_label(text: str, start: int, name: str) -> bool:
    """Is the label at ``start`` of ``text``, followed by ``name``, part of the caption?

    It follows a word of the caption (not the start, not a sentence's end), or it opens the
    caption and names the picture's kind ("File photo:"), and what follows it is a phrase of
    four or more words opening in lower case.
    """
    before = text[:start].rstrip()
    words = name.split()
    if not before and _KIND_LABEL_RE.match(text):
        return len(words) >= _MIN_WORDS and words[0][:1].islower()
    if not before or before[-1] in ".!?)]»”\"'":
        return False
    return len(words) >= _MIN_WORDS and words[0][:1].islower()
