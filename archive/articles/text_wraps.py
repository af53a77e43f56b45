"""Captions that a plain-text copy wraps over two lines, joined back into one.

A browser copy of a page keeps the line breaks of a narrow caption box: "Workers at the
harbour, where the cranes" / "stood idle" / "Foto: Name/Agency". The second line continues
the first (it opens in lower case and is short), the first does not end a sentence, and a
line that is only a credit follows: the two are one caption, whitespace collapsed. The same when
the credit is glued to the end of the second line ("in Kyanamukaka. PHOTO/NAME"). A line
opening in a script with no case (Hangul, Hebrew, Thai ...), or with a number after a comma,
may continue one.
"""

from __future__ import annotations

from archive.articles.caption_credits import read_caption
from archive.articles.credit_lines import _LABEL_RE
from archive.articles.kind_labels import video_label_end
from archive.articles.text_datelines import reporter_dateline
from archive.articles.text_wrapped_brackets import join_wrapped_brackets
from archive.articles.writing_systems import is_spaceless

_MAX_TAIL_WORDS = 8  # the wrapped rest of a caption is a few words
_MAX_CAPTION_WORDS = 40
# In a script written without spaces: a caption's first line has a few words' letters, and
# the whole caption is no paragraph's length.
_MIN_SPACELESS_LETTERS = 8
_MAX_SPACELESS_CHARACTERS = 200


def _credit_only(line: str) -> bool:
    found = read_caption(line)
    return bool(found.credit_line) and not found.caption


# Words no caption ends with: a preposition, an article or a conjunction left hanging
# ("... the swollen river at" / "Kasol. (House Video)": the place's name opens the next line).
_HANGING_WORDS = frozenset(
    "a an the at in on of to from near into onto over under with by for and or as outside "
    "inside".split()
)
# The same in other languages, and the words for a street or square, whose name opens the next
# line (Ukrainian "на вулиці" / "Садовій", Spanish "en la calle" / "Mayor").
_HANGING_ELSEWHERE = frozenset(
    "на у в з із до від біля під над при по за "  # Ukrainian
    "à au aux de du des la le les en sur dans près "  # French
    "del el los las con por entre junto "  # Spanish
    "im am an der die das dem den von vom zum zur mit bei auf "  # German
    "di del della nel nella sul sulla con da per tra "  # Italian
    "вулиці проспекті площі бульварі провулку "  # Ukrainian street words
    "calle avenida plaza rue avenue place straße strasse platz via piazza viale street".split()
)


def _opens_mid_sentence(head: str, tail: str) -> bool:
    """Does a line open as a sentence's rest: in lower case, with a letter of a script that
    has no case (Hangul, Hebrew, Arabic, Thai, Devanagari, CJK), a number after a comma, or
    anything after a word left hanging?"""
    first = tail[0]
    if first.isdigit():
        return head[-1] in ",،"
    if head.split()[-1] in _HANGING_WORDS or head.split()[-1].lower() in _HANGING_ELSEWHERE:
        return True
    return first.islower() or (first.isalpha() and not first.isupper())


# A line closed by a sentence's end continues no caption: the Latin marks, and the full stops
# of other scripts (the Devanagari danda "।" and double danda, the Armenian "։", the Ethiopic
# "።", the Urdu "۔", the Arabic question mark, the Burmese "။", the Khmer "។", the CJK "。").
_ENDS = '.!?:;»”"。' + "।॥։።۔؟။។"


def _continues(head: str, tail: str) -> bool:
    """Is ``tail`` the wrapped rest of the caption line ``head``?"""
    if not head or not tail or head[-1] in _ENDS or not _opens_mid_sentence(head, tail):
        return False
    if video_label_end(tail) or _LABEL_RE.match(tail):
        return False  # a line opening with a label ("Video: A title") starts its own block
    if is_spaceless(head):
        # (Thai, Khmer, Chinese: no spaces between words, so letters are counted, not words)
        if sum(1 for c in head if c.isalpha()) < _MIN_SPACELESS_LETTERS:
            return False
        if len(head) + len(tail) > _MAX_SPACELESS_CHARACTERS or tail[-1] in ":;":
            return False
        return len(tail.split()) <= _MAX_TAIL_WORDS
    if sum(1 for word in head.split() if any(c.isalpha() for c in word)) < 3:
        return False  # a counter, a running time, a label: no caption's first line
    if len(tail.split()) > _MAX_TAIL_WORDS or tail[-1] in ":;":
        return False
    return len(head.split()) + len(tail.split()) <= _MAX_CAPTION_WORDS


def join_wrapped_captions(lines: list[str]) -> list[str]:
    """``lines`` with each caption wrapped over two lines, above a credit line, joined."""
    lines = join_wrapped_brackets(lines)
    joined: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if (
            i + 2 < len(lines)
            and _continues(line, lines[i + 1])
            and _credit_only(lines[i + 2])
            and not _credit_only(line)
        ):
            joined.append(f"{line} {lines[i + 1]}")
            i += 2
            continue
        if i + 1 < len(lines) and _glued_rest(line, lines[i + 1]):
            joined.append(f"{line} {lines[i + 1]}")
            i += 2
            continue
        joined.append(line)
        i += 1
    return joined


def _glued_rest(head: str, tail: str) -> bool:
    """Is ``tail`` the wrapped rest of the caption line ``head`` with its credit glued to its
    end ("… at a drying yard" / "in Kyanamukaka. PHOTO/NAME")?"""
    if _credit_only(head) or read_caption(head).credit_line or reporter_dateline(tail):
        return False  # (a dateline naming the reporter opens no caption's rest)
    found = read_caption(tail)
    if not found.credit_line or not found.caption:
        return False
    return _continues(head, found.caption)
