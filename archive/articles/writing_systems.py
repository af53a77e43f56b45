"""What the figure and sentence readers need to know about scripts other than the Latin,
Greek and Cyrillic ones they were written for. Pure.

- Combining marks: Thai, Devanagari, Tamil, Arabic and Hebrew write vowels and signs as marks
  joined to a letter ("ตัน", "करोड़", "தொழிலாளர்களை", "ريالاً"); Python's ``\\w`` does not take
  them, so a word pattern adds `MARKS`.
- Scripts without case: a sentence there starts with a letter that is neither capital nor small
  (`starts_sentence`).
- Scripts whose sentences end with their own stop, with or without a space after it:
  Chinese and Japanese "。", "！", "？"; Devanagari and Bengali "।" (`SCRIPT_STOPS`).
- Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese):
  a sentence's length is not its count of spaces (`is_spaceless`).
- Native digits ("٣٤٥", "४५", "๔๕") and the Arabic decimal and group signs of the Unicode CLDR
  (through Babel): `latin_digits` writes them as ASCII, one character for one, so that every
  position in the text stays where it was.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from babel import Locale


def _marks() -> str:
    return "".join(
        chr(c) for c in range(0x300, 0x10000) if unicodedata.category(chr(c)) in ("Mn", "Mc")
    )


MARKS = re.escape(_marks())

# The stops that end a sentence in a script with its own: no space needed after them.
SCRIPT_STOPS = "。！？।॥"

# Han, kana, Thai, Lao, Khmer, Burmese: words are not separated by spaces.
_SPACELESS_RE = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f\u0e80-\u0eff"
    r"\u1780-\u17ff\u1000-\u109f]"
)


def is_spaceless(text: str) -> bool:
    """Is most of the text's letters in a script written without spaces between words?"""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    return sum(1 for ch in letters if _SPACELESS_RE.match(ch)) * 2 > len(letters)


def starts_sentence(ch: str) -> bool:
    """Can a sentence start with this character: a capital, a digit, or a letter of a script
    without case (Arabic, Hebrew, Devanagari, Tamil, Thai, Han)?"""
    if ch.isupper() or ch.isdigit():
        return True
    return ch.isalpha() and not ch.islower() and ch.lower() == ch.upper()


# Papers printing Arabic-Indic digits use the CLDR's signs of those numbering systems: the
# decimal and group signs ("١٢٫٥", "١٬٢٠٠"), read only between two digits, and the percent
# sign ("٤٥٪"), read only after a digit.
@cache
def _native_signs() -> dict[str, str]:
    signs: dict[str, str] = {}
    for code in ("ar", "fa"):
        symbols = Locale.parse(code).number_symbols
        for system in ("arab", "arabext"):
            for name, latin in (("decimal", "."), ("group", ","), ("percentSign", "%")):
                symbol = (symbols[system].get(name) or "").strip("\u200e\u200f\u061c")
                if len(symbol) == 1 and not symbol.isascii():
                    signs.setdefault(symbol, latin)
    return signs


_NATIVE_DIGIT_RE = re.compile(r"[^\x00-\x7f]")


def latin_digits(text: str) -> str:
    """The text with every decimal digit of any script written as an ASCII digit, and the
    native decimal and group signs between digits as "." and ","; same length."""
    if text.isascii() or not any(ch.isdigit() and not ch.isascii() for ch in text):
        return text
    signs = _native_signs()
    out = []
    for i, ch in enumerate(text):
        value = unicodedata.decimal(ch, None) if not ch.isascii() else None
        if value is not None:
            out.append(str(value))
        elif ch in signs and 0 < i and text[i - 1].isdigit():
            between = i < len(text) - 1 and text[i + 1].isdigit()
            out.append(signs[ch] if between or signs[ch] == "%" else ch)
        else:
            out.append(ch)
    return "".join(out)
