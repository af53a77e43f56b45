"""The draft an article is parsed into, and what the text and HTML readers share to fill it.

Pure Python: no Django models. The draft lists, in article order, every placement (picture,
video or video still) with its caption and its credit line exactly as printed, and the claim
candidates (sentences stating a checkable fact) an archivist reviews.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import lxml.html

KIND_PICTURE = "picture"
KIND_VIDEO = "video"
KIND_STILL = "still"


# --------------------------------------------------------------------------------------------
# Public data


@dataclass
class DraftPlacement:
    """One picture, video or video still placed in the article, in article order."""

    position: int
    kind: str  # "picture" | "video" | "still"
    title: str = ""
    caption: str = ""
    credit_line: str = ""
    credit: str = ""  # the credited organisation (the distributor in "X via Y")
    source: str = ""  # the original supplier the line names beside it ("AFP", "@handle")
    creator: str = ""  # the photographer or author the line names
    alt: str = ""
    src: str = ""
    needs_review: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass
class LeftOut:
    """A picture on the page that is not part of the story (an avatar, an advert, a teaser).

    Listed with the reason on the review page, so the archivist can bring it back.
    """

    reason: str  # plain words: "author's picture", "advertisement", "teaser for another story"
    kind: str = KIND_PICTURE
    caption: str = ""
    credit_line: str = ""
    credit: str = ""
    alt: str = ""
    src: str = ""


@dataclass
class ClaimCandidate:
    """A sentence that states a checkable fact, proposed for review as a claim."""

    sentence: str
    claimant: str = ""
    figure: Decimal | None = None
    figure_high: Decimal | None = None  # the top of a range ("12-15 drones")
    unit: str = ""
    claimant_as_printed: str = ""  # "the agency", when the claimant was resolved from before
    status: str = ""
    paragraph_index: int = 0


@dataclass
class ArticleDraft:
    """An article as read from its source, for an archivist to review before it is saved."""

    headline: str
    publication: str = ""
    date: date | None = None
    url: str = ""
    source_text: str = ""
    source_format: str = "text"  # "text" | "html"
    placements: list[DraftPlacement] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    claim_candidates: list[ClaimCandidate] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class ArticleParseError(ValueError):
    """The source cannot be read as an article; the message says why, in plain words."""


# --------------------------------------------------------------------------------------------
# Small text helpers

_SPACE_RE = re.compile(r"\s+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def norm(text: str) -> str:
    """Collapse whitespace (incl. no-break spaces) and drop invisible characters."""
    return _SPACE_RE.sub(" ", text.translate(_INVISIBLE)).strip()


_TAG_LIKE_RE = re.compile(r"<\s*[A-Za-z!/]")


def plain(text: str) -> str:
    """Reduce any markup inside a text to its plain text (scripts and styles dropped).

    Used on captions, alt texts and titles, so that `<script>` smuggled into a caption (even
    as escaped text in the page) never survives. The markup is read with lxml's HTML parser.
    """
    text = norm(text)
    if "<" not in text or not _TAG_LIKE_RE.search(text):
        return text
    try:
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
        doc = lxml.html.document_fromstring(f"<div>{text}</div>".encode(), parser=parser)
        for bad in list(doc.iter("script", "style", "noscript", "template", "title", "head")):
            drop(bad)
        return norm(text_of(doc))
    except Exception:  # noqa: BLE001 - never let odd markup in a caption stop the import
        return norm(text.replace("<", " ").replace(">", " "))


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_STOPWORDS = frozenset(
    """a an the of in on at to for from by with and or but as is are was were be been being
    has have had it its this that these those he she they them his her their our we you i
    over under into onto than then so not no more most less very now just after before while
    during about up down out off there here who which what when where how why all any some
    can could will would may might should must do does did also one two""".split()
)


def content_words(text: str) -> set[str]:
    """Return the words of `text` that say what it is about (no stopwords, plural folded)."""
    words = set()
    for w in _WORD_RE.findall(text.lower()):
        w = w.strip("'’-")
        if len(w) < 3 or w in _STOPWORDS:
            continue
        if w.endswith("s") and len(w) > 3 and not w.endswith("ss"):
            w = w[:-1]
        words.add(w)
    return words


# --------------------------------------------------------------------------------------------
# Markup

_BLOCK_TAGS = frozenset(
    "p div br li ul ol figcaption figure h1 h2 h3 h4 h5 h6 blockquote section article header "
    "table tr td th dd dt dl pre hr".split()
)


def drop(el) -> None:
    """Remove an element and its subtree from the tree, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    el.drop_tree()


def text_of(el, exclude=frozenset()) -> str:
    """Text of an element, iteratively (no recursion), skipping the `exclude`d subtrees."""
    parts: list[str] = []
    stack = [(el, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            if isinstance(node.tag, str) and node.tag in _BLOCK_TAGS:
                parts.append(" ")
            if node is not el and node.tail:
                parts.append(node.tail)
            continue
        if node in exclude or not isinstance(node.tag, str):
            if node is not el and node.tail:
                parts.append(node.tail)
            continue
        if node.tag in _BLOCK_TAGS:
            parts.append(" ")
        if node.text:
            parts.append(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return norm("".join(parts))


# --------------------------------------------------------------------------------------------
# Stills

_STILL_MARKERS = (
    "moments before",
    "moments after",
    "seconds before",
    "seconds after",
    "still from",
    "screengrab",
    "screen grab",
    "screenshot",
    "footage",
    "video still",
    "frame from",
    "grab from",
    "the clip",
    "the video",
    "in the video",
    "filmed",
    "captured on camera",
)


def mark_stills(placements: list[DraftPlacement]) -> None:
    """Recognise a picture as a still from a video that precedes it in the article.

    Rule: the first picture after a video whose caption describes that video's moment —
    either it uses still wording ("moments before", "screengrab", "footage", ...) and
    shares at least one content word with the video's title, or it shares at least half of
    the title's content words. Each video has at most one still. Its picture credit is the
    video's credit too when the video prints none (a still is a frame of the video).
    """
    for vi, video in enumerate(placements):
        if video.kind != KIND_VIDEO:
            continue
        title_words = content_words(f"{video.title} {video.caption}")
        if not title_words:
            continue
        for pic in placements[vi + 1 :]:
            if pic.kind == KIND_VIDEO:
                break
            if pic.kind != KIND_PICTURE:
                continue
            caption = pic.caption.lower()
            shared = len(title_words & content_words(pic.caption))
            marker = any(m in caption for m in _STILL_MARKERS)
            by_poster = bool(video.src and pic.src and pic.src == video.src)
            if by_poster or (marker and shared >= 1) or shared * 2 >= len(title_words):
                pic.kind = KIND_STILL
                pic.notes.append(f"still from the video {video.title or video.caption!r}")
                if not video.credit and pic.credit:
                    video.credit = pic.credit
                    video.notes.append("credit taken from the credit line of its still")
                break
    for video in placements:
        if video.kind == KIND_VIDEO and not video.credit and not video.needs_review:
            video.needs_review = True
            video.notes.append("no credit found for the video")
