"""The publication date a page declares in a <meta> tag of its own naming (HTML). Pure.

Beyond the common names (`article:published_time`, `pubdate`, `dc.date`), real pages name the
publication date in their own words: `publishdate`, `article_date_original`,
`cXenseParse:recs:publishtime`, `sailthru.date`. A meta named for publishing (or an original
date) is read; one named for an update, a modification, an expiry or an end is not, nor an
epoch count. Its content is an ISO date or a written one ("Saturday, December 27, 2014").
"""

from __future__ import annotations

import re
from datetime import date

from archive.articles.dates import dateline, parse_iso_date
from archive.articles.dom import name_words
from archive.articles.draft import plain, text_of

_WORD_RE = re.compile(r"[a-z]+")
_PUBLISHED_WORDS = ("publish", "pubdate", "publicdate", "published", "publication")
_NOT_PUBLISHED_WORDS = ("updat", "modif", "expir", "end", "epoch", "revis", "edit", "type", "id")


def published_meta_date(root) -> date | None:
    """The first publication date a <meta> of the page declares under any name, or None."""
    for meta in root.iter("meta"):
        raw = meta.get("name") or meta.get("property") or meta.get("itemprop") or ""
        words = _WORD_RE.findall(raw.lower())
        name = "".join(words)
        if not name or any(w in name for w in _NOT_PUBLISHED_WORDS):
            continue
        published = any(w in name for w in _PUBLISHED_WORDS)
        original = "date" in name and "original" in name
        if not (published or original):
            continue
        found = parse_iso_date(meta.get("content") or "")
        if found is not None:
            return found
    return None


_LEADING_ISO_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+\s*[A-Za-z]{2,5})?\s*$")


def zoned_iso_date(value) -> date | None:
    """The date of an ISO timestamp closed by a zone's abbreviation instead of an offset
    ("2021-01-03T17:40:00EET"), which `parse_iso_date` does not read; else None."""
    if isinstance(value, list):
        value = value[0] if value else ""
    match = _LEADING_ISO_RE.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


_MAX_LABEL = 20


def labelled_dateline(scope) -> date | None:
    """The date of a dateline element ("date", "datestamp") whose label sits in an element of
    its own before the date (`<div class="datestamp"><span class="lastupdated">Updated</span>
    10 December 2012, 10:41 GMT</div>`, the label in the page's language): read without it,
    when the page declares no date and prints no other."""
    for el in scope.iter("div", "span", "p"):
        words = name_words(el).split()
        if not any(w in ("date", "datestamp", "dateline") for w in words):
            continue
        first = next((c for c in el if isinstance(c.tag, str)), None)
        if first is None or (el.text or "").strip():
            continue
        label = plain(text_of(first))
        if not label or len(label) > _MAX_LABEL or any(ch.isdigit() for ch in label):
            continue
        line = plain(text_of(el, exclude=frozenset([first])))
        found = dateline(line) if len(line) <= 120 else None
        if found is not None:
            return found
    return None


_HEADER_WORDS = frozenset(("header", "masthead", "topbar"))


def in_site_header(el, scope) -> bool:
    """Whether ``el`` sits in the site's header (a `<header>` or a box named "header",
    "masthead", "topbar") that does not hold the story's headline: the date printed there is
    the site's clock ("Mon, 25 Dec 2023" on every page), not the story's."""
    for box in el.iterancestors():
        if box is scope:
            return False
        if box.tag == "header" or _HEADER_WORDS & set(name_words(box).split()):
            return box.find(".//h1") is None
    return False
