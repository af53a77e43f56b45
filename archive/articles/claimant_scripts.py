"""Claimant words of the languages written without capitals or with the demonstrative after
its noun, for `claimants`: pure.

- "the company" as Korean, Japanese, Hebrew and Estonian papers print it ("회사 측", the
  company's side; "同社", the same company; "ההנהלה", the management; "Ettevõtte andmetel",
  by the company's data), read as the English back-reference;
- French "a-t-il affirmé" ("he said"): the last person;
- Swahili puts "that" after its noun ("Bodi hiyo", that board): the body named before;
- a word of a script without capitals (Arabic, Hebrew, Thai, Devanagari, Hangul, kana and
  kanji) may be a name: no capital tells one there.
"""

from __future__ import annotations

SCRIPT_BACK_REFERENCES = {
    "회사": "company", "회사 측": "company", "사측": "company", "同社": "company",
    "ההנהלה": "management", "ettevõtte": "company", "ettevõte": "company", "manajemen perusahaan": "management", "manajemen": "management",
    # Chinese and Japanese: "the company", "the spokesperson", "the statement", "the
    # announcement" ("公司表示", "發言人表示", "文告指出", "発表によると")
    "公司": "company", "發言人": "spokesperson", "发言人": "spokesperson", "文告": "statement",
    "聲明": "statement", "声明": "statement", "発表": "statement",
}  # fmt: skip
# "X發言人" (X's spokesperson): the body X speaks for
SPOKESPERSON_SUFFIXES = ("發言人", "发言人", "報道官")
POSTPOSED_DEMONSTRATIVES = frozenset("hiyo huyo hii huu hicho hilo".split())
# French "a-t-il affirmé", "ajoute-t-elle": the pronoun after the verb, a person's (not read
# as the pronouns of `claimant_words`, where Italian "il" is an article)
INVERTED_PRONOUNS = frozenset(("il", "elle"))


def caseless(word: str) -> bool:
    """A word in a script without capitals ("سامي", "박영숙", "संघ"), not a lower-case one."""
    first = word[:1]
    # Georgian prints no capitals, though Unicode pairs its letters with the Mtavruli ones
    return first.isalpha() and (first.lower() == first.upper() or "\u10d0" <= first <= "\u10ff")
