"""Italian wording that names a picture as a frame of the video above it ("Un fotogramma del
video qui sopra", "Un fermo immagine dal video in alto"), which `draft`'s Romance still signs
("video sopra", "immagine del video") miss: "qui" (here) between the video and "sopra", or a
frame ("fotogramma", "fermo immagine") named alone. Pure data; `still_words` adds it.
"""

from __future__ import annotations

# (language, phrase pattern)
ITALIAN_STILL_PHRASES: tuple[tuple[str, str], ...] = (
    (
        "Italian",
        r"\bfotogramm[ai]\b|\bferm[oi]\s+immagine\b|\bframe\s+(?:del|dal)\s+video\b"
        r"|\bvideo\s+(?:qui\s+)?(?:sopra|sotto|in\s+alto|in\s+basso|precedente)\b",
    ),
)
