"""Classifiers glued to a figure, for `figures.read_figures`: pure.

Bengali counts things with a classifier joined to the number: "৬টি তাঁত" (six looms), "৪টা
দোকান", "১২জন শ্রমিক" (twelve workers), "৩খানা বাস", with the emphatic "ই" after it
("৪টিই", all four). The classifier says the number counts the noun after it; it is blanked
out (one space a character, so every position stays) so the figure is read with that noun.
"""

from __future__ import annotations

import re

# Bengali classifiers after digits (ASCII or Bengali), with the emphatic "ই".
_BENGALI_RE = re.compile(r"(?<=[0-9০-৯])(?:টি|টা|খানা|জন)ই?(?![\u0980-\u09ff])")


def blank_classifiers(sentence: str) -> str:
    """The sentence with each classifier glued to a figure written as spaces."""
    return _BENGALI_RE.sub(lambda m: " " * len(m.group()), sentence)
