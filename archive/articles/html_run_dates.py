"""A date printed as one run of text in a short, unnamed box of the story (HTML). Pure.

Real pages print their date in a box named for something else, beside other text: a byline
line "Name | Place | 08/01/2014", a box of lines split by `<br>` ("Author<br>Source<br>Thu,
14 May 2020 17:55 UTC"), a date before a source's label in its own element ("2023-11-17
20:52:15<span>Source: ...</span>"), Drupal's "Submitted on Mon, 2019-01-21 13:49". Each run
of a box's own text (its leading text, or the text after one of its children) is read as a
dateline; the first box in the story's order that prints one gives the date, when the page
declares none and no box named for the date prints one. A box holding a headline's link to
another story (a teaser list's "08/01/2014 <a>Other headline</a>") is not read, nor one in
a link, in the site's header (the site's clock), or an update's stamp. Last, the date in
the story's address ("/2013/middle_east/8/3/"), as a page printing only its update gives.
And a dateline "January 19, 2020 / 12:25 PM / Updated 8 hours ago" prints the first
publication: earlier than the page's declared date, it wins over it (the declared is the update).
"""

from __future__ import annotations

import re
from datetime import date

from archive.articles.dates import UPDATE_STAMP_RE, dateline
from archive.articles.dom import name_words
from archive.articles.draft import plain, text_of
from archive.articles.furniture import link_target
from archive.articles.html_dates import in_site_header

_MAX_BOX = 200  # a short box: a byline, a source line, not a paragraph of the story
_MAX_RUN = 120
_HEADLINE_WORDS = 4  # a link of more words is another story's headline (a teaser)


def _teaser_box(el, page_url: str) -> bool:
    """Whether the box links to another story under a headline (not a source's name)."""
    return any(
        link_target(a, page_url) and len(plain(text_of(a)).split()) > _HEADLINE_WORDS
        for a in el.iter("a")
    )


def _runs(el) -> list[str]:
    """The box's own runs of text: its leading text, then each child's tail."""
    runs = [el.text or ""]
    runs.extend(child.tail or "" for child in el)
    return [plain(run) for run in runs if run and run.strip()]


def run_date(scope, page_url: str = "") -> date | None:
    """The date of the first short box of the story whose own run of text is a dateline."""
    for el in scope.iter("p", "div", "span"):
        runs = _runs(el)
        if not runs:
            continue
        line = plain(text_of(el))
        if len(line) > _MAX_BOX or UPDATE_STAMP_RE.match(line):
            continue
        if any(True for _a in el.iterancestors("a")) or in_site_header(el, scope):
            continue
        for run in runs:
            if len(run) > _MAX_RUN or UPDATE_STAMP_RE.match(run):
                continue
            found = dateline(run)
            if found is not None:
                if _teaser_box(el, page_url):
                    break
                return found
    return None


# "/2013/08/03/", "/2013/middle_east/8/3/": a year, at most one section, a month and a day.
_URL_DATE_RE = re.compile(r"/((?:19|20)\d\d)/(?:[a-z][a-z_-]*/)?(\d{1,2})/(\d{1,2})/")


def url_path_date(url: str) -> date | None:
    """The date a story's address prints in its path, when the page prints no other."""
    match = _URL_DATE_RE.search(url or "")
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


# "January 19, 2020 / 12:25 PM / Updated 8 hours ago": a date, then an update's label.
_THEN_UPDATED_RE = re.compile(
    r"^(?P<first>.+?)\W+(?:last\s+)?(?:updated|modified|aktualisiert|mis à jour|actualizado|"
    r"aggiornato|bijgewerkt|uppdaterad|оновлено|обновлено)\b",
    re.IGNORECASE,
)


def printed_before_update(scope, declared: date | None) -> date | None:
    """The first-publication date a box named for the date prints before an update's label,
    when it is earlier than the date the page declares (then the declared one is the update:
    a page whose metadata gives the time it was last changed as its publication time)."""
    if declared is None:
        return None
    for el in scope.iter("div", "span", "p", "time"):
        if el.tag != "time" and "date" not in name_words(el).split():
            continue
        line = plain(text_of(el))
        match = _THEN_UPDATED_RE.match(line) if len(line) <= _MAX_RUN else None
        if match is None:
            continue
        found = dateline(match.group("first"))
        if found is not None:
            return found if found < declared else None
    return None
