"""Screenshot labels of Norwegian, Swedish and Danish newsrooms for `credit_labels`
("Skjermdump: Instagram / Company"): the picture is a capture of a page or a post, the
platform and the account named after the label. Pure data.
"""

from __future__ import annotations

# label -> (language, meaning)
NORDIC_CREDIT_LABELS: dict[str, tuple[str, str]] = {
    "Skjermdump": ("Norwegian", "screenshot"),
    "Skjermbilde": ("Norwegian", "screenshot"),
    "Skjermbilete": ("Norwegian (Nynorsk)", "screenshot"),
    "Skärmdump": ("Swedish", "screenshot"),
    "Skärmbild": ("Swedish", "screenshot"),
    "Skærmbillede": ("Danish", "screenshot"),
    "Skærmdump": ("Danish", "screenshot"),
}
