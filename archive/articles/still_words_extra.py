"""Wording that names a picture as a frame of the video above it, in languages `draft`'s still
signs and `still_words`' tables miss: Italian ("Un fotogramma del video qui sopra", "Un fermo
immagine dal video in alto": "qui" (here) between the video and "sopra", or a frame named
alone), Icelandic ("Skjáskot úr myndskeiðinu hér að ofan": a screenshot from the clip above)
and Georgian ("კადრი ზემოთ მოცემული ვიდეოდან": a frame from the video given above). Pure data;
`still_words` adds it.
"""

from __future__ import annotations

# (language, phrase pattern)
EXTRA_STILL_PHRASES: tuple[tuple[str, str], ...] = (
    (
        "Italian",
        r"\bfotogramm[ai]\b|\bferm[oi]\s+immagine\b|\bframe\s+(?:del|dal)\s+video\b"
        r"|\bvideo\s+(?:qui\s+)?(?:sopra|sotto|in\s+alto|in\s+basso|precedente)\b",
    ),
    (
        "Icelandic",
        r"\búr\s+(?:myndskeiði|myndskeiðinu|myndbandi|myndbandinu)\b"
        r"|\b(?:myndskeiðinu|myndbandinu)\s+hér\s+(?:að\s+)?(?:ofan|neðan)\b",
    ),
    ("Georgian", r"ზემოთ\s+(?:მოცემული\s+)?ვიდეო|ვიდეოდან|ვიდეოს\s+კადრი"),
)
