"""Text normalisation shared by every concern: one fold for search words and credit keys.

Pure functions only: no Django, no database.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from decimal import Decimal

_NON_WORD = re.compile(r"[\W_]+")
_WORD = re.compile(r"[^\W_]+")


# Combining marks all lie above U+02FF: runs of such characters are the only ones to check.
_MAYBE_COMBINING = re.compile("[^\x00-\u02ff]+")


def _drop_combining(run: re.Match) -> str:
    return "".join(ch for ch in run.group() if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Return ``text`` lower-cased, without accents, with punctuation turned into spaces."""
    text = text or ""
    if not text.isascii():  # ASCII has no accents to decompose
        # Only the runs above U+02FF are tested character by character: rebuilding the
        # search index folds millions of characters, nearly all of them Latin.
        text = _MAYBE_COMBINING.sub(_drop_combining, unicodedata.normalize("NFKD", text))
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def fold_words(text: str) -> tuple[str, ...]:
    """Split ``text`` into folded words."""
    return tuple(fold(text).split())


# Numbers are written "71,000", "71 000", "71000", "71k" or "1.2 million": search indexes and
# looks for one form, the plain digits, so that any of them finds the others.
# Thousands: a group of one to three digits, then groups of three after a comma or a space
# (plain, no-break, thin), the whole not part of a longer number.
# Each pattern starts with a digit, not a group, so that the engine skips ahead to one (the
# index's rebuild reads millions of texts); what may precede a number is checked in Python.
_MAYBE_GROUPED = re.compile(r"[0-9][,\u00a0\u202f\u2009 ][0-9]{3}")
_THOUSANDS = re.compile(r"[0-9][0-9]{0,2}(?:[,\u00a0\u202f\u2009 ][0-9]{3})+(?![0-9]|[.,][0-9])")
_GROUP_SEPARATORS = re.compile(r"[,\u00a0\u202f\u2009 ]")
# Multipliers: the last digit of a number, then a letter written against it (71k, 1.2m, 3bn)
# or a word after it (71 thousand, 1.2 million).
_MULTIPLIER = re.compile(
    r"[0-9](?:[kK]|[mM][nN]?|[bB][nN]|[ \u00a0]?(?:[tT]housand|[mM]illion|[bB]illion))\b"
)
_MULTIPLIED_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?$")
_MULTIPLIERS = {
    "k": 1000,
    "thousand": 1000,
    "m": 10**6,
    "mn": 10**6,
    "million": 10**6,
    "bn": 10**9,
    "billion": 10**9,
}
_DIGIT = re.compile(r"[0-9]")


def _starts_inside(text: str, start: int) -> bool:
    """Whether a number at ``start`` is part of a longer number or word (``1234,567``, ``a1k``)."""
    before = text[start - 1] if start else " "
    return before.isalnum() or before in "_.,"


def _grouped(match: re.Match) -> str:
    if _starts_inside(match.string, match.start()):
        return match.group()
    return _GROUP_SEPARATORS.sub("", match.group())


def _multiply(text: str) -> str:
    """Write ``71k``, ``1.2m`` and ``1.2 million`` as whole numbers; leave the rest as it is."""
    pieces, done = [], 0
    for match in _MULTIPLIER.finditer(text):
        digits_end = match.start() + 1
        number = _MULTIPLIED_NUMBER.search(text, done, digits_end)
        if number is None or _starts_inside(text, number.start()):
            continue
        suffix = match.group()[1:].strip("\u00a0 ").lower()
        value = Decimal(number.group()) * _MULTIPLIERS[suffix]
        if value != value.to_integral_value():
            continue  # 1.2345k is not a whole number: left as written
        pieces += [text[done : number.start()], str(int(value))]
        done = match.end()
    return "".join(pieces) + text[done:] if pieces else text


def normalise_numbers(text: str) -> str:
    """Write every number in ``text`` as plain digits: ``71,000``, ``71 000`` and ``71k`` all
    give ``71000``, ``1.2m`` and ``1.2 million`` give ``1200000``; other text is unchanged.

    A space between digit groups is read as a thousands separator when the groups look like
    one ("24 100" gives "24100"): the documents and the queries are read the same way, so
    either spelling finds the other.
    """
    text = text or ""
    if not _DIGIT.search(text):
        return text
    if _MAYBE_GROUPED.search(text):
        text = _THOUSANDS.sub(_grouped, text)
    return _multiply(text)


def search_fold(text: str) -> str:
    """Return ``text`` as search stores and looks for it: numbers in one form, then folded."""
    return fold(normalise_numbers(text))


def search_words(text: str) -> tuple[str, ...]:
    """Split ``text`` into the words search indexes (``search_fold``)."""
    return tuple(search_fold(text).split())


def _edits(text: str) -> list[tuple[int, int, str]]:
    """The number rewrites ``normalise_numbers`` makes in one pass each: (start, end, digits)."""
    edits = []
    if _MAYBE_GROUPED.search(text):
        for match in _THOUSANDS.finditer(text):
            if not _starts_inside(text, match.start()):
                edits.append((match.start(), match.end(), _GROUP_SEPARATORS.sub("", match.group())))
    return edits


def _multiplier_edits(text: str) -> list[tuple[int, int, str]]:
    edits, done = [], 0
    for match in _MULTIPLIER.finditer(text):
        number = _MULTIPLIED_NUMBER.search(text, done, match.start() + 1)
        if number is None or _starts_inside(text, number.start()):
            continue
        suffix = match.group()[1:].strip("\u00a0 ").lower()
        value = Decimal(number.group()) * _MULTIPLIERS[suffix]
        if value != value.to_integral_value():
            continue
        edits.append((number.start(), match.end(), str(int(value))))
        done = match.end()
    return edits


def _apply(
    text: str, spans: list[tuple[int, int]], edits: list[tuple[int, int, str]]
) -> tuple[str, list[tuple[int, int]]]:
    """Apply ``edits`` to ``text``; each character keeps the span of the original it came from."""
    pieces, new_spans, done = [], [], 0
    for start, end, replacement in edits:
        pieces += [text[done:start], replacement]
        new_spans += spans[done:start]
        new_spans += [(spans[start][0], spans[end - 1][1])] * len(replacement)
        done = end
    pieces.append(text[done:])
    new_spans += spans[done:]
    return "".join(pieces), new_spans


def search_word_spans(text: str) -> list[tuple[str, int, int]]:
    """Return the words search indexes in ``text`` (``search_words``), each with where it is
    written in ``text`` (start, end): ``13,000`` is the word ``13000`` over all six characters,
    ``‘hammer`` the word ``hammer`` without its quote. For showing the text as written with
    the words a search found marked."""
    text = text or ""
    spans: list[tuple[int, int]] | None = None  # None: each character is where it was
    if _DIGIT.search(text):
        identity = [(index, index + 1) for index in range(len(text))]
        edits = _edits(text)
        if edits:
            text, spans = _apply(text, identity, edits)
        edits = _multiplier_edits(text)
        if edits:
            text, spans = _apply(text, spans or identity, edits)
    if text.isascii():  # the common case: words are runs of letters and digits, one a char
        return [
            (
                match.group().lower(),
                spans[match.start()][0] if spans else match.start(),
                spans[match.end() - 1][1] if spans else match.end(),
            )
            for match in _WORD.finditer(text)
        ]
    if spans is None:
        spans = [(index, index + 1) for index in range(len(text))]
    words: list[tuple[str, int, int]] = []
    word: list[str] = []
    start = end = 0
    for character, (first, last) in zip(text, spans, strict=True):
        folded = character.casefold() if character.isascii() else fold_character(character)
        for piece in folded or " ":
            if _NON_WORD.match(piece):
                if word:
                    words.append(("".join(word), start, end))
                    word = []
                continue
            if not word:
                start = first
            word.append(piece)
            end = last
    if word:
        words.append(("".join(word), start, end))
    return words


def fold_character(character: str) -> str:
    """One character as ``fold`` writes it (decomposed, without accents, case folded); may
    be empty (an accent alone) or several characters (``ß``, ``ﬁ``)."""
    decomposed = unicodedata.normalize("NFKD", character)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def credit_key(text: str) -> str:
    """Return the matching key of a credit name: case, accents, punctuation and spaces ignored.

    ``GETTY``, ``Getty`` and ``getty.`` share a key; ``Getty Images`` does not (it is an
    alias, recorded as such), so that unrelated names are never merged by accident.
    """
    return "".join(fold(text).split())


def single_spaced(text: str) -> str:
    """Return ``text`` with every run of whitespace (line breaks, tabs, doubles) as one space."""
    return " ".join((text or "").split())


def text_key(text: str) -> str:
    """Return the key of a text compared word for word with whitespace folded (a catalogued
    description and a printed caption): 32 hex digits, short enough for any index; "" for
    a text of no words."""
    spaced = single_spaced(text)
    if not spaced:
        return ""
    return hashlib.blake2b(spaced.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def printed_credit_name(credit_line: str) -> str:
    """Return the credit name in a printed credit line: ``(Image: GETTY)`` gives ``GETTY``.

    The article importer's recognition (``read_credit_line``): a label, "Name/Agency", "©"
    and the other printed conventions are understood; a line in none of them is the name
    itself. The name is given as printed (not the agency's canonical name), so that it is
    matched through the credits' own aliases.
    """
    # Imported when called, so that importing archive.text never loads the articles package
    # (which may itself use archive.text) and no import cycle can form.
    from archive.articles.credit_lines import read_credit_line

    return read_credit_line(credit_line or "").printed


MAX_ID = 2**63 - 1  # the largest id a BigAutoField holds (SQLite's and PostgreSQL's bigint)


def record_id(value: object) -> int | None:
    """Return ``value`` (from an address or a form) as an id that could exist: digits within
    the database's integer range; else ``None`` (a bigger number overflows the query)."""
    text = str(value if value is not None else "").strip()
    # ASCII digits only: str.isdigit() also takes "²" or "٣", which int() refuses.
    if text.isascii() and text.isdigit() and len(text) <= 19 and int(text) <= MAX_ID:
        return int(text)
    return None


def display_name(title: str, filename: str, kind_label: str) -> str:
    """An asset's name on every page, list, report and history: title, file name, or kind."""
    return (title or "").strip() or (filename or "").strip() or kind_label


def format_figure(value, high=None, unit: str = "") -> str:
    """Format a claim's figure with its unit: ``12,730 soldiers``, ``12–15 drones``; years stay
    ``1959``; no figure: ``""``."""
    if value is None:
        return ""
    year = "year" in (unit or "").lower()
    text = _figure_number(value, year)
    if high is not None and Decimal(high) != Decimal(value):
        text = f"{text}–{_figure_number(high, year)}"
    return f"{text} {unit or ''}".strip()


def _figure_number(value, year: bool) -> str:
    number = Decimal(value)
    whole = number == number.to_integral_value()
    if year:
        return f"{number:.0f}" if whole else f"{number}"
    return f"{number:,.0f}" if whole else f"{number:,.2f}".rstrip("0").rstrip(".")
