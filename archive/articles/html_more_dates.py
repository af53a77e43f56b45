"""Where a page prints its date when none is declared and the article's own box holds none
the first readings find (HTML). Pure.

- A dateline inside a teaser for another story (a "Related content" card's date, inside the
  link to that story) is that story's date, never this one's: `in_other_story`.
- A facts list labelling the date ("<li><strong>Date</strong> 10.06.2013</li>",
  "<dt>Datum</dt><dd>…</dd>"): `labelled_fact_date`.
- The story's header box printed above its `<article>` (the headline and the date, the
  article element holding the body only): `header_date_above`.
"""

from __future__ import annotations

from datetime import date

from archive.articles.dates import UPDATE_STAMP_RE, dateline
from archive.articles.dom import name_words
from archive.articles.draft import plain, text_of
from archive.articles.furniture import link_target

_DATE_LABELS = frozenset(
    "date datum fecha data dato päivämäärä published veröffentlicht publié publicado "
    "pubblicato erschienen".split()
)
_MAX_LINE = 120


def in_other_story(el, page_url: str) -> bool:
    """Whether ``el`` sits in a link to another page (a teaser of another story)."""
    return any(link_target(a, page_url) for a in el.iterancestors("a"))


def _label(text: str) -> bool:
    return plain(text).rstrip(":").strip().casefold() in _DATE_LABELS


def labelled_fact_date(scope) -> date | None:
    """The date a facts list prints under a label of its own ("Date", "Datum"), or None."""
    for el in scope.iter("li", "p", "div", "dd", "tr"):
        if el.tag == "dd":
            term = el.getprevious()
            if term is None or term.tag != "dt" or not _label(text_of(term)):
                continue
            line = plain(text_of(el))
        else:
            first = next((c for c in el if isinstance(c.tag, str)), None)
            if first is None or (el.text or "").strip() or not _label(text_of(first)):
                continue
            line = plain(text_of(el, exclude=frozenset([first])))
        found = dateline(line) if len(line) <= _MAX_LINE else None
        if found is not None:
            return found
    return None


def header_date_above(scope) -> date | None:
    """The dateline of the story's header box printed just above its article element (a box
    before it holding the page's `<h1>`), or None."""
    node = scope
    for _level in range(2):
        parent = node.getparent()
        if parent is None:
            return None
        for box in node.itersiblings(preceding=True):
            if not isinstance(box.tag, str) or not any(True for _h in box.iter("h1")):
                continue
            for el in box.iter("div", "span", "p", "time"):
                if el.tag != "time" and "date" not in name_words(el).split():
                    continue
                line = plain(text_of(el))
                if len(line) > _MAX_LINE or UPDATE_STAMP_RE.match(line):
                    continue
                found = dateline(line)
                if found is not None:
                    return found
            return None  # the header box prints no date
        node = parent
    return None
