"""A screenshot's word printed as a label with a colon before the credit: "Скриншот: Telegram /
City Council", "Skjermdump: Instagram / Company", "Zrzut ekranu: Facebook/Gmina". The word says
what the picture is, as "Photo:" does; what follows is read as any credit ("Telegram / Page":
the platform credited, the page its source). `credit_forms` reads the word before a slash
("Kuvakaappaus / Instagram"); this reads it before a colon. Pure; asked by `credit_forms`.
"""

from __future__ import annotations

import re

from archive.articles.credit_lines import CreditParts

# A screenshot's word, in the newsrooms' languages (lower case)
SCREENSHOT_LABELS: dict[str, str] = {
    "скриншот": "Russian, Ukrainian",
    "скріншот": "Ukrainian",
    "скрін": "Ukrainian",
    "скрин": "Russian",
    "знімок екрана": "Ukrainian",
    "снимок экрана": "Russian",
    "снимак екрана": "Serbian",
    "skjermdump": "Norwegian",
    "skjermbilde": "Norwegian",
    "skärmdump": "Swedish",
    "skärmbild": "Swedish",
    "skærmbillede": "Danish",
    "skærmdump": "Danish",
    "schermafbeelding": "Dutch",
    "schermafdruk": "Dutch",
    "bildschirmfoto": "German",
    "zrzut ekranu": "Polish",
    "snímek obrazovky": "Czech",
    "snímka obrazovky": "Slovak",
    "kuvakaappaus": "Finnish",
    "képernyőkép": "Hungarian",
    "cattura schermo": "Italian",
    "schermata": "Italian",
}
_LABEL_RE = re.compile(
    r"^(?:{})\s*[:：]\s*(?P<rest>\S.*)$".format(
        "|".join(re.escape(w) for w in sorted(SCREENSHOT_LABELS, key=len, reverse=True))
    ),
    re.IGNORECASE,
)


def read_screenshot_label(line: str, read) -> CreditParts | None:
    """The parts of a credit line opened by a screenshot's word and a colon, or None; ``read``
    reads the rest (`credit_lines.read_credit_line`)."""
    m = _LABEL_RE.match(line.strip().strip("()[]").strip())
    return read(m["rest"]) if m else None
