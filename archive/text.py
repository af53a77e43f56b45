"""Text normalisation shared by every concern: one fold for search words and credit keys.

Pure functions only: no Django, no database.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

_NON_WORD = re.compile(r"[\W_]+")


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
_THOUSANDS = re.compile(
    r"(?<![\d.,])(?<!\d[.,])(\d{1,3})((?:[,\u00a0\u202f\u2009 ]\d{3})+)(?![\d]|[.,]\d)"
)
_GROUP_SEPARATORS = re.compile(r"[,\u00a0\u202f\u2009 ]")
# Multipliers: a letter written against the number (71k, 1.2m, 3bn) or a word after it.
_MULTIPLIED = re.compile(
    r"(?<![\w.,])(\d+(?:\.\d+)?)(?:(k|m|mn|bn)|[ \u00a0]?(thousand|million|billion))\b",
    re.IGNORECASE,
)
_MULTIPLIERS = {
    "k": 1000,
    "thousand": 1000,
    "m": 10**6,
    "mn": 10**6,
    "million": 10**6,
    "bn": 10**9,
    "billion": 10**9,
}
_DIGIT = re.compile(r"\d")


def _multiplied(match: re.Match) -> str:
    number = Decimal(match.group(1)) * _MULTIPLIERS[(match.group(2) or match.group(3)).lower()]
    # 1.2345k is not a whole number: left as written.
    return str(int(number)) if number == number.to_integral_value() else match.group()


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
    text = _THOUSANDS.sub(
        lambda match: match.group(1) + _GROUP_SEPARATORS.sub("", match.group(2)), text
    )
    return _MULTIPLIED.sub(_multiplied, text)


def search_fold(text: str) -> str:
    """Return ``text`` as search stores and looks for it: numbers in one form, then folded."""
    return fold(normalise_numbers(text))


def search_words(text: str) -> tuple[str, ...]:
    """Split ``text`` into the words search indexes (``search_fold``)."""
    return tuple(search_fold(text).split())


def credit_key(text: str) -> str:
    """Return the matching key of a credit name: case, accents, punctuation and spaces ignored.

    ``GETTY``, ``Getty`` and ``getty.`` share a key; ``Getty Images`` does not (it is an
    alias, recorded as such), so that unrelated names are never merged by accident.
    """
    return "".join(fold(text).split())


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
    if text.isdigit() and len(text) <= 19 and int(text) <= MAX_ID:
        return int(text)
    return None
