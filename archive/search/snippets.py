"""Why a result matched: the fields a search's words were found in, each with a snippet.

Pure functions only. The backends say which columns of a document matched (FTS5
``snippet()``, PostgreSQL ``ts_headline``), in the index's folded text; the snippet shown is
cut from the text as catalogued or printed (``highlight``), its words marked where their
folded form (``archive.text.search_word_spans``, as the documents are written) is a word of
the query. Everything is escaped; only the hits are marked. The engine's own snippet
(``snippet_html``) is shown only if the original text holds no hit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from archive.search.backends.base import DOCUMENT_FIELDS, FIELD_LABELS, HIT_END, HIT_START
from archive.search.query import Term
from archive.text import search_word_spans

MAX_FIELDS_SHOWN = 3
SNIPPET_CHARACTERS = 160  # about the engines' snippet of SNIPPET_WORDS words
_SPACE = re.compile(r"\s")


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


def hits(text: str, terms: Sequence[Term]) -> list[tuple[int, int]]:
    """Return where in ``text`` the ``terms`` are written (start, end), in order, overlaps
    joined: a term's words in a row, the last one a prefix if the term is, compared as
    search compares them (folded, numbers as digits)."""
    return _hits(search_word_spans(text), terms)


def _hits(words: list[tuple[str, int, int]], terms: Sequence[Term]) -> list[tuple[int, int]]:
    """``hits`` in a text already split into ``words`` (``search_word_spans``)."""
    folded = [word for word, _, _ in words]
    found = []
    for term in terms:
        size = len(term.words)
        if not size:
            continue
        *whole, last = term.words
        for index in range(len(words) - size + 1):
            if folded[index : index + size - 1] != whole:
                continue
            tail = folded[index + size - 1]
            if tail == last or (term.prefix and tail.startswith(last)):
                found.append((words[index][1], words[index + size - 1][2]))
    joined: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _window(text: str, first: tuple[int, int], width: int) -> tuple[int, int]:
    """Return the part of ``text`` to show: about ``width`` characters around the ``first``
    hit (a third of them before it), cut at spaces where there is one."""
    if len(text) <= width:
        return 0, len(text)
    start = max(0, first[0] - width // 3)
    end = min(len(text), max(start + width, first[1]))
    start = max(0, min(start, end - width))  # near the end: the room goes before the hit
    if start and not _SPACE.match(text[start - 1]):
        space = _SPACE.search(text, start, first[0])
        start = space.end() if space else start
    if end < len(text) and not _SPACE.match(text[end]):
        spaces = [match.start() for match in _SPACE.finditer(text, first[1], end)]
        end = spaces[-1] if spaces else end
    return start, end


def highlight(text: str, terms: Sequence[Term], width: int = SNIPPET_CHARACTERS) -> SafeString:
    """Return ``text`` as written, escaped, cut to about ``width`` characters around its first
    hit, each hit of the ``terms`` inside ``<mark>``; "" if it holds none."""
    found = hits(text, terms)
    if not found:
        return mark_safe("")
    start, end = _window(text, found[0], width)
    found = [(first, last) for first, last in found if first < end]
    end = max(end, found[-1][1])
    pieces, done = [], start
    for first, last in found:
        pieces += [escape(text[done:first]), f"<mark>{escape(text[first:last])}</mark>"]
        done = last
    pieces.append(escape(text[done:end]))
    html = " ".join("".join(str(piece) for piece in pieces).split())
    if start:
        html = "…" + html
    if end < len(text):
        html += "…"
    return mark_safe(html)  # noqa: S308 (each piece escaped; only <mark> added)


def best_snippet(
    texts: Sequence[str], terms: Sequence[Term], width: int = SNIPPET_CHARACTERS
) -> SafeString:
    """Return the snippet (``highlight``) of the one of ``texts`` (a column's texts as
    written: a caption, the alt text, the names shown…) holding the most of the ``terms``,
    the first of them on a tie; "" if none holds any."""
    best, best_count = "", 0
    for text in dict.fromkeys(text for text in texts if text):
        words = search_word_spans(text)
        count = sum(1 for term in terms if _hits(words, [term]))
        if count > best_count:
            best, best_count = text, count
    return highlight(best, terms, width) if best_count else mark_safe("")


def shown_snippets(
    engine: dict[str, str], texts: dict[str, Sequence[str]], terms: Sequence[Term]
) -> dict[str, SafeString]:
    """Return the snippet shown for each column the engine found a hit in (``engine``: column
    to its snippet in the index's folded text): cut from the column's ``texts`` as written,
    else (the original holds no hit the way Python reads it) the engine's own."""
    shown = {}
    for name, folded in engine.items():
        wanted = [term for term in terms if not term.negated and term.column in (None, name)]
        html = best_snippet(texts.get(name, ()), wanted)
        shown[name] = html or snippet_html(folded)
    return shown


def field_matches(
    snippets: dict[str, SafeString], limit: int = MAX_FIELDS_SHOWN
) -> list[FieldMatch]:
    """Return the fields of one result's ``snippets`` (column to snippet HTML), the picture's
    own text first, at most ``limit``; fields with the same snippet (a caption printed as
    catalogued) are shown once, under both names."""
    labels: dict[str, list[str]] = {}
    first_field: dict[str, str] = {}
    for name in DOCUMENT_FIELDS:
        html = snippets.get(name)
        if html:
            labels.setdefault(str(html), []).append(FIELD_LABELS[name])
            first_field.setdefault(str(html), name)
    return [
        FieldMatch(first_field[html], ", ".join(names), mark_safe(html))  # noqa: S308 (safe HTML)
        for html, names in list(labels.items())[:limit]
    ]
