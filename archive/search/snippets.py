"""Why a result matched: the fields a search's words were found in, each with a snippet.

Pure functions only: the backends give each column's snippet with its hits between
``HIT_START`` and ``HIT_END``; here it becomes HTML where everything is escaped and only the
hits are marked.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from archive.search.backends.base import DOCUMENT_FIELDS, FIELD_LABELS, HIT_END, HIT_START

MAX_FIELDS_SHOWN = 3


@dataclass(frozen=True)
class FieldMatch:
    """One field a result matched in: its name, its label and the snippet as safe HTML."""

    field: str
    label: str
    snippet: SafeString


def snippet_html(text: str) -> SafeString:
    """Return ``text`` escaped, with each hit (between the markers) inside ``<mark>``."""
    html = str(escape(text))
    pieces, marked, depth = [], [], 0
    for character in html:
        if character == HIT_START:
            depth += 1
            if depth == 1:
                pieces.append("".join(marked))
                marked = []
            continue
        if character == HIT_END:
            if depth == 1:
                pieces.append(f"<mark>{''.join(marked)}</mark>")
                marked = []
            depth = max(0, depth - 1)
            continue
        marked.append(character)
    rest = "".join(marked)
    pieces.append(f"<mark>{rest}</mark>" if depth and rest else rest)
    return mark_safe("".join(pieces))  # noqa: S308 (escaped above; only <mark> added)


def field_matches(snippets: dict[str, str], limit: int = MAX_FIELDS_SHOWN) -> list[FieldMatch]:
    """Return the fields of one result's ``snippets`` (column to snippet), the picture's own
    text first, at most ``limit``; fields with the same snippet (a caption printed as
    catalogued) are shown once, under both names."""
    labels: dict[str, list[str]] = {}
    first_field: dict[str, str] = {}
    for name in DOCUMENT_FIELDS:
        text = snippets.get(name)
        if text:
            labels.setdefault(text, []).append(FIELD_LABELS[name])
            first_field.setdefault(text, name)
    return [
        FieldMatch(first_field[text], ", ".join(names), snippet_html(text))
        for text, names in list(labels.items())[:limit]
    ]
