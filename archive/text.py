"""Text normalisation shared by every concern: one fold for search words and credit keys.

Pure functions only: no Django, no database.
"""

from __future__ import annotations

import re
import unicodedata

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


def display_name(title: str, filename: str, kind_label: str) -> str:
    """An asset's name on every page, list, report and history: title, file name, or kind."""
    return (title or "").strip() or (filename or "").strip() or kind_label
