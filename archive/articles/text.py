"""Read an article copied as plain text from a news page.

The headline is the first line. A picture is an alt-text line followed by a caption line that
ends in a recognised credit line (`split_credit`). A video is a standalone title line in the
lead slot (between the headline and the first paragraph) shaped like a video title ("Topic:
what happens", or starting with "Video"/"Watch"); see `mark_stills` for how a picture is
recognised as a still from a video. The line rules for page furniture (bylines, teasers,
"Most read") are shared with the HTML reader.
"""

from __future__ import annotations

import re

from archive.articles.credit_lines import split_credit
from archive.articles.dates import RELATIVE_TIME_RE, dateline
from archive.articles.draft import (
    KIND_PICTURE,
    KIND_VIDEO,
    ArticleDraft,
    ArticleParseError,
    DraftPlacement,
    content_words,
    mark_stills,
    plain,
)

STOP_LINES = frozenset(
    s.lower()
    for s in (
        "Leave a Reply",
        "Leave a Comment",
        "Latest from Blog",
        "Comments",
        "Related articles",
        "Most read",
        "More stories",
        "Your email address will not be published.",
        "Most Popular",
        "Related Topics",
        "More on this story",
        "Read next",
    )
)
_TEASER_LABELS = (
    "JUST IN",
    "READ MORE",
    "READ NEXT",
    "MORE",
    "SEE ALSO",
    "LATEST",
    "TRENDING",
    "RELATED",
    "DON'T MISS",
    "DON’T MISS",
    "MUST READ",
    "ALSO READ",
    "RECOMMENDED",
    "LIVE",
    "EXCLUSIVE",
)
_TEASER_RE = re.compile(
    r"^(?:" + "|".join(re.escape(t) for t in _TEASER_LABELS) + r")\s*[:>»]\s*\S",
    re.IGNORECASE,
)
_RELATED_TAG_RE = re.compile(r"\[[A-Z][A-Z ]{1,20}\]\s*$")
_BOILERPLATE_RE = re.compile(
    r"^(?:\d+\s+mins?\s+read|\d+\s+min(?:ute)?s?\s+read|advertisement|sponsored|share|"
    r"share this article|share on facebook|share on twitter|subscribe|sign up|"
    r"follow us on .+|copy link|listen to this article|comments?\s*\(\d+\)|"
    r"(?:image|photo|picture)s?\s*\d+\s*(?:of|/)\s*\d+)$",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
BYLINE_RE = re.compile(
    rf"^By\s+(?:{_NAME}(?:\s+(?:and|&)\s+{_NAME})*(?:,\s*[^,.;:!?\d]{{1,60}}){{0,2}}|"
    r"[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,6})$"
)
"""A byline: "By Sam Carter", "By Oliver Pemberton, Foreign News Reporter"."""
_VIDEO_MARKER_RE = re.compile(r"^(?:video|watch|play video|footage)\b\s*[:\-–]?\s*", re.IGNORECASE)


def is_boilerplate(line: str) -> bool:
    """Is this line page furniture ("7 mins read", "READ MORE: ...", a share bar)?"""
    if _BOILERPLATE_RE.match(line) or _TEASER_RE.match(line):
        return True
    return bool(_RELATED_TAG_RE.search(line)) and len(line) < 200


def _is_short_line(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 15 and len(line) <= 140 and line[-1] not in '.!?:;,”"'


def _alt_matches(alt: str, caption: str) -> bool:
    """An alt-text line belongs to the caption that follows when they name the same thing:
    the caption starts with the alt text, or shares at least half of its content words."""
    if caption.lower().startswith(alt.lower()):
        return True
    alt_words = content_words(alt)
    return bool(alt_words) and len(alt_words & content_words(caption)) * 2 >= len(alt_words)


def _looks_like_video_title(line: str) -> bool:
    if _VIDEO_MARKER_RE.match(line):
        return True
    head, sep, tail = line.partition(": ")
    return bool(sep) and 0 < len(head.split()) <= 4 and len(tail.split()) >= 2


def parse_text(text: str, *, url: str, publication: str, warnings: list[str]) -> ArticleDraft:
    """Read an article's plain text into a draft (claim candidates are added by the caller)."""
    lines = [plain(line) for line in text.split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        raise ArticleParseError("no text found")
    headline = lines[0]
    draft = ArticleDraft(
        headline=headline,
        publication=publication,
        url=url,
        source_text=text,
        source_format="text",
        warnings=warnings,
    )

    # Pass 1: classify each line.
    items: list[tuple[str, str, tuple[str, str, str] | None]] = []
    for line in lines[1:]:
        if line.lower() in STOP_LINES:
            break
        if is_boilerplate(line):
            continue
        # Datelines and bylines are page furniture wherever they are printed (some pages put
        # them after the standfirst); the first dateline gives the article's date.
        found = dateline(line)
        if found:
            if sum(1 for item in items if item[0] == "para") <= 2:
                draft.date = draft.date or found
            continue
        if (BYLINE_RE.match(line) and not any(c.isdigit() for c in line)) or (
            RELATIVE_TIME_RE.match(line)
        ):
            continue
        rest, credit_line, credit = split_credit(line)
        if credit_line and rest:
            items.append(("caption", line, (rest, credit_line, credit)))
        elif _is_short_line(line):
            items.append(("short", line, None))
        else:
            items.append(("para", line, None))

    # Pass 2: assemble placements and paragraphs.
    placements: list[DraftPlacement] = []
    lead_zone = True
    i = 0
    while i < len(items):
        kind, line, split = items[i]
        nxt = items[i + 1] if i + 1 < len(items) else None
        if kind == "caption":
            rest, credit_line, credit = split
            placements.append(
                DraftPlacement(
                    0, KIND_PICTURE, caption=rest, credit_line=credit_line, credit=credit
                )
            )
            i += 1
            continue
        if kind == "short":
            if nxt and nxt[0] == "caption" and _alt_matches(line, nxt[2][0]):
                rest, credit_line, credit = nxt[2]
                placements.append(
                    DraftPlacement(
                        0,
                        KIND_PICTURE,
                        caption=rest,
                        credit_line=credit_line,
                        credit=credit,
                        alt=line,
                    )
                )
                i += 2
                continue
            if (
                nxt
                and nxt[0] in ("para", "short")
                and len(line.split()) >= 2
                and nxt[1].lower().startswith(line.lower())
                and nxt[1].lower() != line.lower()
                and len(nxt[1]) <= 300
            ):
                # Alt text followed by a caption that starts with it, in no known credit
                # convention: a picture whose credit needs review.
                placements.append(
                    DraftPlacement(
                        0,
                        KIND_PICTURE,
                        caption=nxt[1],
                        alt=line,
                        needs_review=True,
                        notes=["credit line not in a known convention"],
                    )
                )
                i += 2
                continue
            if _looks_like_video_title(line) and (lead_zone or _VIDEO_MARKER_RE.match(line)):
                title = _VIDEO_MARKER_RE.sub("", line) if _VIDEO_MARKER_RE.match(line) else line
                placements.append(DraftPlacement(0, KIND_VIDEO, title=title, caption=title))
                i += 1
                continue
            draft.paragraphs.append(line)
            i += 1
            continue
        lead_zone = False
        draft.paragraphs.append(line)
        i += 1

    for p in placements:
        if p.kind == KIND_PICTURE and not p.credit_line and not p.needs_review:
            p.needs_review = True
            p.notes.append("no credit line recognised")
    mark_stills(placements)
    draft.placements = placements
    if not draft.paragraphs:
        warnings.append("no paragraphs of text found")
    return draft
