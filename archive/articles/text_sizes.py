"""How many words a line of a plain-text copy holds, in any script; and a house's name alone
on a line in a script without case. Pure.

The text reader tells a caption from a paragraph, and a credit's caption from its neighbour,
by their counts of words. Thai, Khmer, Lao, Burmese, Chinese and Japanese put no spaces
between words (Thai and Khmer only between phrases), so a count of spaces says little there:
a line in such a script is counted by its characters (vowel signs and marks included): about
two to a word in Chinese and Japanese, five in Thai, Lao, Khmer and Burmese.
"""

from __future__ import annotations

import re

from archive.articles.writing_systems import is_spaceless

_HAN_OR_KANA_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def words_in(line: str) -> int:
    """The line's count of words: its spaced words, or in a script written without spaces
    between words, its characters over a word's length there (whichever is more)."""
    spaced = len(line.split())
    if not is_spaceless(line):
        return spaced
    signs = [c for c in line if not c.isspace()]
    han = sum(1 for c in signs if _HAN_OR_KANA_RE.match(c))
    per_word = 2 if han * 2 > len(signs) else 5
    return max(spaced, len(signs) // per_word)


def uncased_house(line: str, names: set[str]) -> bool:
    """Is ``line``, in a script without case (Bengali, Thai, Khmer ...), only a name the page's
    credit lines give elsewhere (``names``, casefolded: "ছবি : House" above, "House" alone
    under a later caption), one to four words with no punctuation?"""
    if not 1 <= len(line.split()) <= 4 or any(c in line for c in ".,;:!?()|/"):
        return False
    return line.casefold() in names
