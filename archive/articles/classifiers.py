"""Classifiers glued to a figure, for `figures.read_figures`: pure.

Bengali counts things with a classifier joined to the number: "৬টি তাঁত" (six looms), "৪টা
দোকান", "১২জন শ্রমিক" (twelve workers), "৩খানা বাস", with the emphatic "ই" after it
("৪টিই", all four). The classifier says the number counts the noun after it; it is blanked
out (one space a character, so every position stays) so the figure is read with that noun.

Sinhala glues its case endings to a figure: "14ක්" (fourteen, indefinite), "380ක" (of 380),
"40කින්" (by 40), "5කට" (to 5), "6කි" (is 6). Amharic glues its prepositions before a figure,
"የ47" (of 47), "ከ600 በላይ" (more than 600), "በ3" (by 3), "ለ20" (for 20), "እስከ50" (up to 50),
and the article after it, "12ቱ" (the twelve), "9ኙ", "10ሩ", "12ቱን"; the ordinal "3ኛ" (third) is kept, so
that it stays no count. Both are blanked the same way.
"""

from __future__ import annotations

import re

# Bengali classifiers after digits (ASCII or Bengali), with the emphatic "ই".
_BENGALI_RE = re.compile(r"(?<=[0-9০-৯])(?:টি|টা|খানা|জন)ই?(?![\u0980-\u09ff])")


# Sinhala case endings after digits, followed by no other Sinhala letter
_SINHALA_RE = re.compile(r"(?<=[0-9])(?:කින්|කට|කි|ක්|ක)(?![\u0d80-\u0dff])")
# Amharic prepositions before digits (after no other Ethiopic letter), the article after them
_AMHARIC_BEFORE_RE = re.compile(r"(?<![\u1200-\u135f])(?:እስከ|የ|ከ|በ|ለ)(?=[0-9])")
_AMHARIC_AFTER_RE = re.compile(r"(?<=[0-9])(?:ቱ|ኙ|ሩ|ዱ)ን?(?![\u1200-\u135f])")


def blank_classifiers(sentence: str) -> str:
    """The sentence with each classifier glued to a figure written as spaces."""
    for glued in (_BENGALI_RE, _SINHALA_RE, _AMHARIC_BEFORE_RE, _AMHARIC_AFTER_RE):
        sentence = glued.sub(lambda m: " " * len(m.group()), sentence)
    return sentence
