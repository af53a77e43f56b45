"""Parse a published article (plain text or a saved HTML page) into a catalogue draft.

Pure Python: no Django models. The draft lists, in article order, every placement (picture,
video or video still) with its caption and its credit line exactly as printed, and proposes
claim candidates (sentences stating a checkable fact) for an archivist to review.

Rules, in short (each function documents its own):

* Plain text as copied from a news page: the headline is the first line. A picture is an
  alt-text line followed by a caption line that ends in a recognised credit line
  (`split_credit`). A video is a standalone title line in the lead slot (between the headline
  and the first paragraph) shaped like a video title ("Topic: what happens", or starting with
  "Video"/"Watch") — or any such line that a later still refers to. See `_mark_stills` for how
  a picture is recognised as a still from a video.
* HTML pages: lxml for the tree, extruct for JSON-LD, microdata and Open Graph. Never regular
  expressions over markup (regular expressions are used only on the extracted plain text,
  for credit lines, dates and figures).
* Hostile input: sources above `MAX_SOURCE_BYTES` are refused, PDFs and other binaries are
  refused with a clear `ArticleParseError`, broken encodings are decoded best-effort, markup
  inside captions is reduced to its text, and nothing recurses over the document tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html
from bs4.dammit import EncodingDetector

MAX_SOURCE_BYTES = 10 * 1024 * 1024
"""Sources larger than this (10 MB) are refused: no news article is that large."""

MAX_CLAIM_PARAGRAPHS = 2000
"""Claim candidates are proposed from at most this many paragraphs (a long article has 100)."""

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
    credit: str = ""
    alt: str = ""
    src: str = ""
    needs_review: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass
class ClaimCandidate:
    """A sentence that states a checkable fact, proposed for review as a claim."""

    sentence: str
    claimant: str = ""
    figure: Decimal | None = None
    unit: str = ""
    status: str = ""
    paragraph_index: int = 0


@dataclass
class ArticleDraft:
    headline: str
    publication: str = ""
    date: date | None = None
    url: str = ""
    source_text: str = ""
    source_format: str = "text"  # "text" | "html"
    placements: list[DraftPlacement] = field(default_factory=list)
    claim_candidates: list[ClaimCandidate] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class ArticleParseError(ValueError):
    """The source cannot be read as an article; the message says why, in plain words."""


# --------------------------------------------------------------------------------------------
# Small text helpers

_SPACE_RE = re.compile(r"\s+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Characters no HTML/XML text may hold (C0 controls but tab/newline, surrogates, U+FFFE/F).
_UNSAFE_CHARS = dict.fromkeys(
    [*range(0, 9), 11, 12, *range(14, 32), 0x7F, *range(0xD800, 0xE000), 0xFFFE, 0xFFFF], " "
)


def _norm(text: str) -> str:
    """Collapse whitespace (incl. no-break spaces) and drop invisible characters."""
    return _SPACE_RE.sub(" ", text.translate(_INVISIBLE)).strip()


_TAG_LIKE_RE = re.compile(r"<\s*[A-Za-z!/]")


def _plain(text: str) -> str:
    """Reduce any markup inside a text to its plain text (scripts and styles dropped).

    Used on captions, alt texts and titles, so that `<script>` smuggled into a caption (even
    as escaped text in the page) never survives. The markup is read with lxml's HTML parser.
    """
    text = _norm(text)
    if "<" not in text or not _TAG_LIKE_RE.search(text):
        return text
    try:
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
        doc = lxml.html.document_fromstring(f"<div>{text}</div>".encode(), parser=parser)
        for bad in list(doc.iter("script", "style", "noscript", "template", "title", "head")):
            _drop(bad)
        return _norm(_text_of(doc))
    except Exception:  # noqa: BLE001 - never let odd markup in a caption stop the import
        return _norm(text.replace("<", " ").replace(">", " "))


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_STOPWORDS = frozenset(
    """a an the of in on at to for from by with and or but as is are was were be been being
    has have had it its this that these those he she they them his her their our we you i
    over under into onto than then so not no more most less very now just after before while
    during about up down out off there here who which what when where how why all any some
    can could will would may might should must do does did also one two""".split()
)


def _content_words(text: str) -> set[str]:
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
# Credit lines

# Agencies and sources that appear after a slash in "Name/Agency" credits.
_KNOWN_AGENCIES = {
    a.lower()
    for a in (
        "Getty Images",
        "Getty",
        "AFP",
        "AFP via Getty Images",
        "Shutterstock",
        "Alamy",
        "Alamy Stock Photo",
        "Alamy Live News",
        "PA",
        "PA Images",
        "PA Wire",
        "PA Media",
        "PA Archive",
        "AP",
        "EPA",
        "EPA-EFE",
        "Reuters",
        "Bloomberg",
        "NurPhoto",
        "SOPA Images",
        "LightRocket",
        "Anadolu Agency",
        "Anadolu",
        "Sipa",
        "Sipa USA",
        "Rex",
        "Rex Features",
        "iStock",
        "iStockphoto",
        "Corbis",
        "Xinhua",
        "TASS",
        "Sputnik",
        "WireImage",
        "FilmMagic",
        "Redux",
        "Zuma",
        "ZUMA Wire",
        "ZUMA Press",
        "The Guardian",
        "The Observer",
        "BBC",
        "Eyevine",
        "Camera Press",
        "Bridgeman Images",
        "Magnum Photos",
        "Polaris",
        "Abaca",
        "Avalon",
        "Handout",
        "Ukrinform",
        "UPI",
        "Bloomberg via Getty Images",
        "Contributor",
        "Universal Images Group",
        "Hulton Archive",
        "Keystone",
        "Planet Pix",
    )
}
_FILE_SUFFIXES = {"file", "file photo", "files", "handout photo", "pool", "pool photo"}


def _is_agency(name: str) -> bool:
    low = name.strip().lower()
    return low in _KNOWN_AGENCIES or "getty images" in low or " via " in low


def _credit_name(raw: str) -> str:
    """The credit name within a printed credit.

    * No slash: the text itself ("GETTY", "Jane Doe").
    * "AGENCY/Name" (Reuters' "REUTERS/Gleb Garanich", "EPA-EFE/NAME"): the first part, when
      it is written in capitals.
    * Otherwise "Name/Agency" (the Guardian's "Photograph: Dan Kitwood/Getty Images"): the
      last part, i.e. the agency that distributes the picture ("Name/Sputnik/AFP/Getty Images"
      -> "Getty Images", "Name/AFP via Getty Images" -> "AFP via Getty Images").
    * Trailing "/File", "/Pool" and similar are ignored.
    """
    raw = _norm(raw).strip(" .,;")
    if "/" not in raw:
        return raw
    parts = [p.strip() for p in raw.split("/") if p.strip()]
    parts = [p for p in parts if p.lower() not in _FILE_SUFFIXES] or parts
    if len(parts) == 1:
        return parts[0]
    first = parts[0]
    if first.isupper() and len(first) >= 2:
        return first
    return parts[-1]


_LABELS = (
    r"Images?|Pic(?:ture)?s?|Photo(?:graph)?s?|Credits?|Composite|Illustration|Source|"
    r"Footage|Video|Main image"
)
# "(Image: GETTY)", "(Pic: PA)", "(Photo: Jane Doe/Reuters)"
_PAREN_LABEL_RE = re.compile(
    rf"\s*(?P<line>\(\s*(?:{_LABELS})\s*:\s*(?P<name>[^()]+?)\s*\))\s*$", re.IGNORECASE
)
# "(AP Photo/Efrem Lukatsky)", "(AP Photo/Name, File)"
_AGENCY_PHOTO_RE = re.compile(
    r"\s*(?P<line>\(?\s*(?P<agency>[A-Z][A-Za-z&.]*(?:\s[A-Z][A-Za-z&.]*)?)\s+Photos?\s*/\s*"
    r"(?P<who>[^()/]+?(?:/[^()/]+?)*)\s*\)?)\s*$"
)
# "Image source, Getty Images" (BBC), optionally followed by "Image caption, ..."
_BBC_LEAD_RE = re.compile(
    r"^\s*(?P<line>Image source,\s*(?P<name>.+?))\s*(?:Image caption,\s*(?P<cap>.*))?$",
    re.IGNORECASE | re.DOTALL,
)
_BBC_TRAIL_RE = re.compile(
    r"^(?P<cap>.*?)\s*(?P<line>Image source,\s*(?P<name>[^,]+?))\s*$", re.DOTALL
)
# "Caption. Photograph: Name/Agency", "Image: Getty", "Credit: X" (label capitalised)
_BARE_LABEL_RE = re.compile(rf"(?:^|(?<=\s))(?P<line>(?:{_LABELS})\s*:\s*(?P<name>[^:()]+?))\s*$")
# "© Getty Images", "(c) 2022 Reuters", "Copyright Jane Doe"
_COPYRIGHT_RE = re.compile(
    r"(?:^|(?<=\s))(?P<line>\(?(?:©|\(c\)|Copyright)\s*(?P<name>[^©]+?)\)?)\s*$"
)
# "REUTERS/Gleb Garanich", "EPA-EFE/Name", "AFP/Name/File"
_AGENCY_SLASH_RE = re.compile(
    r"(?:^|(?<=\s))(?P<line>(?P<agency>[A-Z][A-Z&-]{1,}|Reuters)\s*/\s*"
    r"(?P<who>[A-Z][^/]*?(?:/[^/]+?)*))\s*$"
)
# "Chip Somodevilla/Getty Images", "Name/AFP via Getty Images"
_NAME_SLASH_RE = re.compile(
    r"(?:^|(?<=\s))(?P<line>(?P<who>(?:[A-Z]\.|[A-Z][\w'’-]*)(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]*|"
    r"de|van|von|der|da|la|le|al|bin|for))*)\s*/\s*(?P<agency>[A-Za-z][\w&'’. -]*?))\s*$"
)
_CAPTION_END_OK = frozenset(".!?;:)]”’\"'|–—-")


def _clean_caption_rest(rest: str) -> str:
    rest = rest.rstrip()
    while rest and rest[-1] in "|–—-" and (len(rest) < 2 or rest[-2] == " "):
        rest = rest[:-1].rstrip()
    return rest


def _clean_boundary(rest: str) -> bool:
    """Does the caption text before a bare credit end at a clean boundary?"""
    rest = rest.rstrip()
    return not rest or rest[-1] in _CAPTION_END_OK


def split_credit(caption: str) -> tuple[str, str, str]:
    """Split a printed caption into (caption without credit, credit line as printed, credit).

    Recognised conventions (the credit line is kept exactly as printed, brackets included):

    ==============================  =================================  ===================
    printed                         credit_line                        credit
    ==============================  =================================  ===================
    ``... (Image: GETTY)``          ``(Image: GETTY)``                 ``GETTY``
    ``... Image: Getty``            ``Image: Getty``                   ``Getty``
    ``... Photograph: A B/Agency``  ``Photograph: A B/Agency``         ``Agency``
    ``... Photo: X`` / ``Picture:`` ``Photo: X``                       ``X``
    ``... Credit: X``               ``Credit: X``                      ``X``
    ``... © X``                     ``© X``                            ``X`` (year dropped)
    ``... A B/Getty Images``        ``A B/Getty Images``               ``Getty Images``
    ``... REUTERS/A B``             ``REUTERS/A B``                    ``REUTERS``
    ``... (AP Photo/A B)``          ``(AP Photo/A B)``                 ``AP``
    ``Image source, X ...``         ``Image source, X``                ``X``
    ==============================  =================================  ===================

    For a "Name/Agency" credit the agency is the credit (the photographer stays in the credit
    line); see `_credit_name`. A bare "Name/Agency" or "AGENCY/Name" is only recognised after a
    clean boundary (start, or punctuation ending the caption) and, for "Name/Agency", when the
    agency is a known one. Anything else is an unknown convention: the caption comes back whole
    with an empty credit line and credit — never a guess. Callers flag that for review.
    """
    text = _norm(caption)
    if not text:
        return "", "", ""

    m = _PAREN_LABEL_RE.search(text)
    if m:
        return _clean_caption_rest(text[: m.start()]), m["line"], _credit_name(m["name"])

    m = _BBC_LEAD_RE.match(text)
    if m:
        rest = (m["cap"] or "").strip()
        return rest, m["line"].strip(), _credit_name(m["name"])
    m = _BBC_TRAIL_RE.match(text)
    if m:
        rest = re.sub(r"^Image caption,\s*", "", m["cap"].strip(), flags=re.IGNORECASE)
        return _clean_caption_rest(rest), m["line"], _credit_name(m["name"])

    m = _AGENCY_PHOTO_RE.search(text)
    if m and (m["line"].startswith("(") == m["line"].endswith(")")):
        if m["line"].startswith("(") or _clean_boundary(text[: m.start("line")]):
            return _clean_caption_rest(text[: m.start()]), m["line"], m["agency"]

    m = _BARE_LABEL_RE.search(text)
    if m and len(m["name"].split()) <= 10 and m["name"][-1:] not in ".!?":
        return _clean_caption_rest(text[: m.start("line")]), m["line"], _credit_name(m["name"])

    m = _COPYRIGHT_RE.search(text)
    if m and len(m["name"].split()) <= 10:
        name = re.sub(r"^(?:\d{4}(?:\s*[-–]\s*\d{4})?)[,\s]*", "", m["name"].strip())
        name = re.sub(r"[.,]?\s*All rights reserved\.?$", "", name, flags=re.IGNORECASE)
        if name:
            return _clean_caption_rest(text[: m.start("line")]), m["line"], _credit_name(name)

    m = _AGENCY_SLASH_RE.search(text)
    if m and len(m["who"].split()) <= 8 and _clean_boundary(text[: m.start("line")]):
        return _clean_caption_rest(text[: m.start("line")]), m["line"], m["agency"]

    m = _NAME_SLASH_RE.search(text)
    if m and _is_agency(m["agency"]) and len(m["who"].split()) <= 5:
        if _clean_boundary(text[: m.start("line")]):
            return _clean_caption_rest(text[: m.start("line")]), m["line"], _credit_name(m["line"])

    return text, "", ""


def _parse_credit_element(text: str) -> tuple[str, str]:
    """(credit_line, credit) for the text of an element that *is* a credit (its own span).

    The element's role says it is a credit, so a text in no known convention is taken whole
    as the credit name ("Getty Images").
    """
    line = _norm(text)
    if not line:
        return "", ""
    rest, credit_line, credit = split_credit(line)
    if credit_line and not rest:
        return credit_line, credit
    return line, _credit_name(line)


# --------------------------------------------------------------------------------------------
# Dates

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE_PATTERNS = (
    ("ymd", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    (
        "dmy",
        re.compile(
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH_RE})\.?,?\s+(?P<y>(?:19|20)\d\d)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"\b(?P<m>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b",
            re.IGNORECASE,
        ),
    ),
)


def _find_date(text: str) -> tuple[date | None, tuple[int, int] | None]:
    """The first calendar date written in `text` (ISO, "31 October 2022", "Oct 31, 2022")."""
    best = None
    for _kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            month = m["m"]
            month_n = int(month) if month.isdigit() else _MONTHS.get(month[:3].lower())
            try:
                found = date(int(m["y"]), month_n, int(m["d"]))
            except (TypeError, ValueError):
                continue
            if best is None or m.start() < best[1][0]:
                best = (found, m.span())
            break
    return (best[0], best[1]) if best else (None, None)


def _parse_iso_date(value) -> date | None:
    if isinstance(value, list):
        value = value[0] if value else ""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    return _find_date(value)[0]


_DATELINE_WORDS = frozenset(
    """published updated last first on at bst gmt utc cet cest edt est pdt pst et am pm mon
    tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday
    sunday posted""".split()
)


def _dateline(line: str) -> date | None:
    """The date of a line that is only a dateline ("10:15, Mon, Oct 31, 2022")."""
    if len(line) > 100:
        return None
    found, span = _find_date(line)
    if not found:
        return None
    rest = line[: span[0]] + " " + line[span[1] :]
    rest = re.sub(r"\b\d{1,2}[:.]\d{2}\b", " ", rest)
    words = [
        w
        for w in re.findall(r"[A-Za-z]+", rest)
        if w.lower() not in _DATELINE_WORDS and not _MONTH_WORD_RE.match(w)
    ]
    return found if len(words) <= 1 else None


# --------------------------------------------------------------------------------------------
# Source checks and decoding

_BINARY_SIGNATURES = (
    (b"%PDF-", "this file is a PDF, not an article: save the page as HTML or copy its text"),
    (b"\x89PNG", "this file is a PNG image, not an article"),
    (b"\xff\xd8\xff", "this file is a JPEG image, not an article"),
    (b"GIF8", "this file is a GIF image, not an article"),
    (b"PK\x03\x04", "this file is a ZIP archive (perhaps a Word document), not an article"),
    (b"\x1f\x8b", "this file is gzip-compressed, not an article"),
    (b"\xd0\xcf\x11\xe0", "this file is an old Office document, not an article"),
    (b"{\\rtf", "this file is an RTF document, not an article: copy its text instead"),
    (b"RIFF", "this file is a media file (RIFF), not an article"),
    (b"OggS", "this file is an Ogg media file, not an article"),
    (b"ID3", "this file is an MP3 audio file, not an article"),
    (b"\x7fELF", "this file is a program, not an article"),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _too_large(size: int) -> ArticleParseError:
    return ArticleParseError(
        f"this file is too large to be an article ({size / 1024 / 1024:.1f} MB; "
        f"the limit is {MAX_SOURCE_BYTES // 1024 // 1024} MB)"
    )


def _check_binary(head: bytes, filename: str) -> None:
    if filename.lower().endswith(".pdf"):
        raise ArticleParseError("this file is a PDF, not an article: save the page as HTML")
    for signature, message in _BINARY_SIGNATURES:
        if head.startswith(signature):
            raise ArticleParseError(message)
    if head[4:8] == b"ftyp":
        raise ArticleParseError("this file is a video (MP4/MOV), not an article")
    if any(head.startswith(bom) for bom, _enc in _BOMS[1:]):
        return
    sample = head[:4096]
    if b"\x00" in sample:
        raise ArticleParseError("this file is binary data, not an article's text or HTML")
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if sample and controls / len(sample) > 0.05:
        raise ArticleParseError("this file is binary data, not an article's text or HTML")


def _decode(data: bytes, is_html: bool, warnings: list[str]) -> str:
    """Decode best-effort: BOM, then UTF-8, then the page's declared charset, then cp1252.

    Valid UTF-8 wins over a page's (possibly wrong) meta charset; a page whose bytes are not
    UTF-8 is read in its declared charset when that decodes, else as Windows-1252, else as
    UTF-8 with replacement characters (and a warning).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = None
    try:
        declared = EncodingDetector.find_declared_encoding(data[:65536], is_html=is_html)
    except Exception:  # noqa: BLE001 - detection is best-effort
        declared = None
    for encoding in (declared, "cp1252"):
        if not encoding or encoding.lower().replace("-", "") in ("utf8",):
            continue
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        warnings.append(f"the text is not UTF-8; it was read as {encoding}")
        return text
    warnings.append("the text is not valid in any likely encoding; unreadable bytes replaced")
    return data.decode("utf-8", errors="replace")


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2048].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return head.startswith("<") and any(
        t in head for t in ("<head", "<body", "<article", "<p>", "<p ", "<div", "<figure", "<meta")
    )


# --------------------------------------------------------------------------------------------
# Entry point


def parse_article(
    source: str | bytes, *, filename: str = "", publication: str = "", url: str = ""
) -> ArticleDraft:
    """Parse an article's plain text or HTML page into an `ArticleDraft`.

    `filename` (".html", ".htm", ".txt") decides the format; without it the content is
    sniffed. Raises `ArticleParseError` with a plain message when the source cannot be read as
    an article (too large, a PDF or other binary, no text).
    """
    warnings: list[str] = []
    ext = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > MAX_SOURCE_BYTES:
            raise _too_large(len(data))
        _check_binary(data[:8192], filename)
        is_html = ext in ("html", "htm", "xhtml", "shtml") or (
            ext not in ("txt", "text", "md") and _looks_like_html(data[:4096].decode("latin-1"))
        )
        text = _decode(data, is_html, warnings)
    elif isinstance(source, str):
        if len(source) > MAX_SOURCE_BYTES or len(source.encode("utf-8", "replace")) > (
            MAX_SOURCE_BYTES
        ):
            raise _too_large(len(source.encode("utf-8", "replace")))
        _check_binary(source[:8192].encode("utf-8", "replace"), filename)
        text = source
    else:
        raise ArticleParseError("the article must be given as text or bytes")

    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = text.translate(_UNSAFE_CHARS)
    if not text.strip():
        raise ArticleParseError("no text found: the file is empty")

    if ext in ("html", "htm", "xhtml", "shtml"):
        is_html = True
    elif ext in ("txt", "text", "md"):
        is_html = _looks_like_html(text) and text.lstrip().lower().startswith(
            ("<!doctype html", "<html")
        )
        if is_html:
            warnings.append("the .txt file holds an HTML page; it was read as HTML")
    else:
        is_html = _looks_like_html(text)

    if is_html:
        draft = _parse_html(text, url=url, publication=publication, warnings=warnings)
    else:
        draft = _parse_text(text, url=url, publication=publication, warnings=warnings)

    if not draft.headline and not draft.paragraphs and not draft.placements:
        raise ArticleParseError("no text found: nothing in the file reads as an article")
    paragraphs = draft.paragraphs
    if len(paragraphs) > MAX_CLAIM_PARAGRAPHS:
        warnings.append(
            f"the article has {len(paragraphs)} paragraphs; claim candidates were proposed "
            f"from the first {MAX_CLAIM_PARAGRAPHS} only"
        )
        paragraphs = paragraphs[:MAX_CLAIM_PARAGRAPHS]
    draft.claim_candidates = extract_claim_candidates(paragraphs)
    for i, placement in enumerate(draft.placements, start=1):
        placement.position = i
    return draft


# --------------------------------------------------------------------------------------------
# Plain text

_STOP_LINES = frozenset(
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
_BYLINE_RE = re.compile(r"^By\s+[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,6}$")
_VIDEO_MARKER_RE = re.compile(r"^(?:video|watch|play video|footage)\b\s*[:\-–]?\s*", re.IGNORECASE)
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


def _is_boilerplate(line: str) -> bool:
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
    alt_words = _content_words(alt)
    return bool(alt_words) and len(alt_words & _content_words(caption)) * 2 >= len(alt_words)


def _looks_like_video_title(line: str) -> bool:
    if _VIDEO_MARKER_RE.match(line):
        return True
    head, sep, tail = line.partition(": ")
    return bool(sep) and 0 < len(head.split()) <= 4 and len(tail.split()) >= 2


def _parse_text(text: str, *, url: str, publication: str, warnings: list[str]) -> ArticleDraft:
    lines = [_plain(line) for line in text.split("\n")]
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
    seen_paragraph = False
    for line in lines[1:]:
        if line.lower() in _STOP_LINES:
            break
        if _is_boilerplate(line):
            continue
        if not seen_paragraph:
            found = _dateline(line)
            if found:
                draft.date = draft.date or found
                continue
            if _BYLINE_RE.match(line):
                continue
        rest, credit_line, credit = split_credit(line)
        if credit_line and rest:
            items.append(("caption", line, (rest, credit_line, credit)))
        elif _is_short_line(line):
            items.append(("short", line, None))
        else:
            items.append(("para", line, None))
            seen_paragraph = True

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
    _mark_stills(placements)
    draft.placements = placements
    if not draft.paragraphs:
        warnings.append("no paragraphs of text found")
    return draft


def _mark_stills(placements: list[DraftPlacement]) -> None:
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
        title_words = _content_words(f"{video.title} {video.caption}")
        if not title_words:
            continue
        for pic in placements[vi + 1 :]:
            if pic.kind == KIND_VIDEO:
                break
            if pic.kind != KIND_PICTURE:
                continue
            caption = pic.caption.lower()
            shared = len(title_words & _content_words(pic.caption))
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


# --------------------------------------------------------------------------------------------
# HTML

_REMOVE_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "canvas",
    "form",
    "button",
    "nav",
    "footer",
    "object",
    "embed",
    "select",
    "textarea",
    "input",
    "math",
)
_BOILER_CLASS_WORDS = (
    "related",
    "newsletter",
    "share",
    "social",
    "comment",
    "advert",
    "promo",
    "read-more",
    "readmore",
    "recommended",
    "most-read",
    "mostread",
    "outbrain",
    "taboola",
    "sidebar",
    "cookie",
    "subscribe",
    "paywall",
    "rich-link",
    "richlink",
    "more-on",
)
_CREDIT_CLASS_WORDS = (
    "credit",
    "copyright",
    "attribution",
    "photographer",
    "byline",
    "rights",
    "source",
)
_CREDIT_ITEMPROPS = {
    "credittext",
    "copyrightholder",
    "copyrightnotice",
    "author",
    "creator",
    "provider",
}
_CAPTION_CLASS_WORDS = ("caption",)
_BLOCK_TAGS = frozenset(
    "p div br li ul ol figcaption figure h1 h2 h3 h4 h5 h6 blockquote section article header "
    "table tr td th dd dt dl pre hr".split()
)
_VIDEO_HOSTS = (
    "youtube.",
    "youtu.be",
    "vimeo.",
    "dailymotion.",
    "jwplayer",
    "brightcove",
    "/video",
    "player",
)


def _drop(el) -> None:
    parent = el.getparent()
    if parent is None:
        return
    # Keep the tail text (drop_tree does), drop the element and its subtree.
    el.drop_tree()


def _classes(el) -> str:
    return (el.get("class") or "").lower() + " " + (el.get("id") or "").lower()


def _text_of(el, exclude=frozenset()) -> str:
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
    return _norm("".join(parts))


def _walk(root):
    """Elements in document order (iterative)."""
    return (el for el in root.iter() if isinstance(el.tag, str))


def _has_ancestor(el, stop, predicate) -> bool:
    node = el.getparent()
    while node is not None and node is not stop:
        if predicate(node):
            return True
        node = node.getparent()
    return False


def _is_credit_el(el) -> bool:
    itemprop = (el.get("itemprop") or "").lower()
    if any(p in _CREDIT_ITEMPROPS for p in itemprop.split()):
        return True
    classes = _classes(el)
    return any(w in classes for w in _CREDIT_CLASS_WORDS)


def _is_caption_el(el) -> bool:
    if el.tag == "figcaption":
        return True
    itemprop = (el.get("itemprop") or "").lower()
    if "caption" in itemprop.split():
        return True
    return any(w in _classes(el) for w in _CAPTION_CLASS_WORDS) and not _is_credit_el(el)


def _img_src(img, base: str) -> str:
    src = img.get("src") or img.get("data-src") or img.get("data-original") or ""
    if not src or src.startswith("data:"):
        srcset = img.get("srcset") or img.get("data-srcset") or ""
        src = srcset.split(",")[0].strip().split(" ")[0] if srcset else ""
    if src.startswith("data:"):
        return ""
    src = src.strip()
    return _join(base, src)


def _is_tracking_pixel(img) -> bool:
    for attr in ("width", "height"):
        value = (img.get(attr) or "").strip().rstrip("px")
        if value.isdigit() and int(value) <= 2:
            return True
    return False


def _is_video_el(el) -> bool:
    if el.tag == "video":
        return True
    if el.tag == "iframe":
        src = (el.get("src") or el.get("data-src") or "").lower()
        return any(h in src for h in _VIDEO_HOSTS)
    itemtype = (el.get("itemtype") or "").lower()
    return itemtype.endswith("/videoobject")


def _url_key(u: str) -> str:
    if not u:
        return ""
    try:
        parts = urlsplit(u.strip())
    except ValueError:  # e.g. "Invalid IPv6 URL"
        return u.strip()
    return (parts.netloc.lower() + parts.path).rstrip("/") or u.strip()


def _join(base: str, src: str) -> str:
    if not (base and src):
        return src
    try:
        return urljoin(base, src)
    except ValueError:
        return src


# ---- structured data (extruct)


def _schema_types(obj: dict) -> set[str]:
    raw = obj.get("@type") or obj.get("type") or []
    if isinstance(raw, str):
        raw = [raw]
    return {str(t).rsplit("/", 1)[-1] for t in raw if t}


def _from_microdata(item: dict) -> dict:
    """Microdata item (extruct) -> JSON-LD-like dict, iteratively."""
    out = {"@type": item.get("type")}
    out.update(item.get("properties") or {})
    return out


def _collect_schema(jsonld: list, microdata: list) -> list[dict]:
    """Every schema.org object (dict with a type) in JSON-LD and microdata, flattened."""
    found: list[dict] = []
    stack: list = list(jsonld) + [_from_microdata(i) for i in microdata if isinstance(i, dict)]
    seen = 0
    while stack and seen < 20000:
        seen += 1
        obj = stack.pop()
        if isinstance(obj, list):
            stack.extend(obj)
            continue
        if not isinstance(obj, dict):
            continue
        if "properties" in obj and "type" in obj and "@type" not in obj:
            obj = _from_microdata(obj)
        if _schema_types(obj):
            found.append(obj)
        for value in obj.values():
            if isinstance(value, (dict, list)):
                stack.append(value)
    found.reverse()
    return found


def _schema_text(value) -> str:
    """A person/organisation/text value as text ("creator": {"name": "..."} -> "...")."""
    if isinstance(value, list):
        texts = [_schema_text(v) for v in value[:5]]
        return ", ".join(t for t in texts if t)
    if isinstance(value, dict):
        return _schema_text(value.get("name") or value.get("@value") or "")
    if isinstance(value, (str, int, float)):
        return _plain(str(value))
    return ""


def _schema_credit(obj: dict) -> str:
    for key in ("creditText", "copyrightHolder", "creator", "author", "copyrightNotice"):
        text = _schema_text(obj.get(key))
        if text:
            if key == "copyrightNotice":
                _rest, line, credit = split_credit(text)
                return credit if line else text
            return _credit_name(text)
    return ""


def _schema_urls(obj: dict) -> set[str]:
    urls = set()
    for key in ("contentUrl", "url", "embedUrl", "thumbnailUrl", "@id"):
        value = obj.get(key)
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, dict):
                v = v.get("url") or v.get("contentUrl") or v.get("@id")
            if isinstance(v, str) and v:
                urls.add(_url_key(v))
    return urls


def _extract_metadata(root, warnings: list[str]) -> tuple[list[dict], dict[str, str]]:
    from extruct.jsonld import JsonLdExtractor
    from extruct.opengraph import OpenGraphExtractor
    from extruct.w3cmicrodata import MicrodataExtractor

    jsonld: list = []
    microdata: list = []
    og: dict[str, str] = {}
    try:
        jsonld = JsonLdExtractor().extract_items(root)
    except Exception:  # noqa: BLE001 - broken JSON-LD must not stop the import
        # Read the scripts one by one so that one broken block does not hide the others.
        jsonld = []
        for script in root.iter("script"):
            if (script.get("type") or "").strip().lower() != "application/ld+json":
                continue
            holder = lxml.html.Element("div")
            copy = lxml.etree.SubElement(holder, "script", type="application/ld+json")
            copy.text = script.text or ""
            try:
                jsonld.extend(JsonLdExtractor().extract_items(holder))
            except Exception:  # noqa: BLE001
                warnings.append("a JSON-LD block of the page could not be read; it was ignored")
    try:
        microdata = MicrodataExtractor().extract_items(root, None)
    except Exception:  # noqa: BLE001 - includes RecursionError on absurd nesting
        warnings.append("the page's microdata could not be read")
    try:
        for item in OpenGraphExtractor().extract_items(root):
            for prop, value in item.get("properties", []):
                og.setdefault(prop, value)
    except Exception:  # noqa: BLE001
        warnings.append("the page's Open Graph tags could not be read")
    return _collect_schema(jsonld, microdata), og


# ---- the page


def _pick_scope(root):
    """The element holding the article: the largest <article>, else <main>, else <body>."""
    best, best_len = None, -1
    for el in root.iter("article"):
        length = len(_text_of(el))
        if length > best_len:
            best, best_len = el, length
    if best is not None:
        return best
    for tag in ("main",):
        for el in root.iter(tag):
            return el
    body = root.find(".//body")
    return body if body is not None else root


def _parse_html(text: str, *, url: str, publication: str, warnings: list[str]) -> ArticleDraft:
    parser = lxml.html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, recover=True
    )
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
        raise ArticleParseError(f"no text found: the HTML could not be read ({exc})") from None
    if root is None:
        raise ArticleParseError("no text found: the HTML is empty")
    if any("depth" in (e.message or "").lower() for e in parser.error_log):
        warnings.append(
            "the page nests its elements too deeply; content below the 255th level was dropped"
        )

    schema, og = _extract_metadata(root, warnings)

    for el in list(root.iter(*_REMOVE_TAGS)):
        _drop(el)

    article_obj = next(
        (
            o
            for o in schema
            if _schema_types(o)
            & {
                "NewsArticle",
                "Article",
                "ReportageNewsArticle",
                "BlogPosting",
                "AnalysisNewsArticle",
                "OpinionNewsArticle",
                "LiveBlogPosting",
            }
        ),
        {},
    )
    draft = ArticleDraft(headline="", source_text=text, source_format="html", warnings=warnings)

    scope = _pick_scope(root)
    # Drop boxes of related links, share bars and the like inside the article.
    for el in list(scope.iter()):
        if not isinstance(el.tag, str) or el is scope:
            continue
        classes = _classes(el)
        boiler = any(w in classes for w in _BOILER_CLASS_WORDS) and not _is_credit_el(el)
        if boiler or el.tag == "aside":
            if el.getparent() is not None and not any(
                True for _f in el.iter("figure", "img", "video")
            ):
                _drop(el)

    # Headline: printed <h1>, else schema.org headline, else og:title, else <title>.
    h1 = next(iter(scope.iter("h1")), None)
    if h1 is None:
        h1 = next(iter(root.iter("h1")), None)
    headline = _text_of(h1) if h1 is not None else ""
    headline = headline or _schema_text(article_obj.get("headline")) or og.get("og:title", "")
    if not headline:
        title = root.find(".//title")
        headline = _text_of(title) if title is not None else ""
    draft.headline = _plain(headline)

    draft.url = url or og.get("og:url", "") or _schema_text(article_obj.get("url"))
    if not draft.url:
        for link in root.iter("link"):
            if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
                draft.url = link.get("href").strip()
                break
    draft.publication = (
        publication or og.get("og:site_name", "") or _schema_text(article_obj.get("publisher"))
    )
    draft.date = (
        _parse_iso_date(article_obj.get("datePublished"))
        or _parse_iso_date(og.get("article:published_time"))
        or _parse_iso_date(
            _meta_content(root, "date", "pubdate", "publish-date", "article.published", "dc.date")
        )
    )
    if draft.date is None:
        for t in scope.iter("time"):
            draft.date = _parse_iso_date(t.get("datetime")) or _find_date(_text_of(t))[0]
            if draft.date:
                break

    media_objects = [o for o in schema if _schema_types(o) & {"ImageObject", "VideoObject"}]
    base = draft.url
    placements: list[DraftPlacement] = []
    consumed: set = set()
    pending_img: DraftPlacement | None = None

    for el in _walk(scope):
        if el in consumed or _has_ancestor(el, scope, lambda a: a in consumed):
            continue
        tag = el.tag
        if tag == "figure" or (
            (el.get("itemtype") or "").lower().endswith(("/imageobject", "/videoobject"))
            and tag not in ("img", "video")
        ):
            if any(True for f in el.iter("figure") if f is not el):
                continue  # a gallery: its inner figures are the placements
            placements.extend(_figure_placements(el, base, media_objects, warnings))
            consumed.add(el)
            pending_img = None
            continue
        if tag == "img":
            if _is_tracking_pixel(el) or not (_img_src(el, base) or el.get("alt")):
                continue
            pending_img = DraftPlacement(
                0, KIND_PICTURE, alt=_plain(el.get("alt") or ""), src=_img_src(el, base)
            )
            placements.append(pending_img)
            continue
        if _is_video_el(el):
            placements.append(_video_placement(el, base, media_objects, caption_el=None))
            consumed.add(el)
            continue
        if pending_img is not None and (_is_caption_el(el) or _is_credit_el(el)):
            _attach_loose_caption(pending_img, el)
            consumed.add(el)
            continue
        if tag in ("p", "blockquote") or (tag == "li" and len(_text_of(el)) > 80):
            if tag == "p" and _has_ancestor(el, scope, lambda a: a.tag in ("blockquote", "li")):
                continue
            para = _plain(_text_of(el))
            if not draft.paragraphs and _BYLINE_RE.match(para):
                consumed.add(el)
                continue
            if para and not _is_boilerplate(para) and para.lower() not in _STOP_LINES:
                draft.paragraphs.append(para)
                pending_img = None
            consumed.add(el)

    _add_schema_videos(placements, media_objects)
    for p in placements:
        _finish_credit(p, media_objects)
    _mark_stills(placements)
    draft.placements = placements
    if not draft.paragraphs:
        warnings.append("no paragraphs of text found")
    return draft


def _meta_content(root, *names: str) -> str:
    wanted = {n.lower() for n in names}
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        if name in wanted and meta.get("content"):
            return meta.get("content")
    return ""


def _outermost(elements: list) -> list:
    chosen = []
    ids = set(elements)
    for el in elements:
        node = el.getparent()
        inner = False
        while node is not None:
            if node in ids:
                inner = True
                break
            node = node.getparent()
        if not inner:
            chosen.append(el)
    return chosen


def _caption_and_credit(container, caption_el) -> tuple[str, str, str, bool]:
    """(caption, credit_line, credit, credit_found) from a figure and its caption element."""
    credit_els = _outermost(
        [
            e
            for e in container.iter()
            if isinstance(e.tag, str)
            and e is not container
            and e is not caption_el
            and _is_credit_el(e)
            and e.tag not in ("img", "video")
        ]
    )
    if not credit_els and caption_el is not None:
        credit_els = _outermost([e for e in caption_el.iter("small", "cite")])
    caption = ""
    if caption_el is not None:
        caption = _plain(_text_of(caption_el, exclude=frozenset(credit_els)))
    elif container.tag == "figure":
        # No figcaption: any loose text in the figure is its caption.
        caption = _plain(_text_of(container, exclude=frozenset(credit_els)))
    caption = re.sub(r"^Image caption,\s*", "", caption, flags=re.IGNORECASE)
    credit_texts = [_plain(_text_of(e)) for e in credit_els]
    credit_texts = [t for t in credit_texts if t]
    if credit_texts:
        credit_line, credit = _parse_credit_element(credit_texts[0])
        rest, inner_line, _inner_credit = split_credit(caption)
        if inner_line and rest and not credit:
            return rest, inner_line, _inner_credit, True
        return caption, credit_line, credit, True
    rest, credit_line, credit = split_credit(caption)
    if credit_line:
        return rest, credit_line, credit, True
    return caption, "", "", False


def _figure_placements(fig, base: str, media_objects: list[dict], warnings) -> list:
    caption_el = next(
        (e for e in fig.iter() if isinstance(e.tag, str) and e is not fig and _is_caption_el(e)),
        None,
    )
    videos = [e for e in fig.iter() if isinstance(e.tag, str) and e is not fig and _is_video_el(e)]
    is_video = (
        bool(videos)
        or "video" in _classes(fig)
        or ((fig.get("itemtype") or "").lower().endswith("/videoobject"))
    )
    if is_video:
        return [
            _video_placement(
                videos[0] if videos else fig,
                base,
                media_objects,
                caption_el=caption_el,
                container=fig,
            )
        ]
    caption, credit_line, credit, _found = _caption_and_credit(fig, caption_el)
    imgs = [i for i in fig.iter("img") if not _is_tracking_pixel(i)]
    if not imgs:
        if not caption:
            return []
        imgs = [None]
    out = []
    for img in imgs:
        p = DraftPlacement(
            0,
            KIND_PICTURE,
            caption=caption,
            credit_line=credit_line,
            credit=credit,
            alt=_plain(img.get("alt") or "") if img is not None else "",
            src=_img_src(img, base) if img is not None else "",
        )
        if img is None:
            p.notes.append("figure without an image element")
        out.append(p)
    return out


def _video_placement(el, base, media_objects, caption_el=None, container=None):
    container = container if container is not None else el
    title = ""
    for h in container.iter("h2", "h3", "h4", "h5", "h6"):
        title = _plain(_text_of(h))
        if title:
            break
    title = title or _plain(el.get("title") or el.get("aria-label") or el.get("data-title") or "")
    src = el.get("src") or el.get("data-src") or ""
    if not src:
        source = next(iter(el.iter("source")), None)
        src = source.get("src") if source is not None else ""
    src = _join(base, src)
    caption, credit_line, credit, _found = _caption_and_credit(container, caption_el)
    obj = _match_media(
        media_objects, {src, el.get("poster") or ""}, caption or title, want="VideoObject"
    )
    if obj is not None:
        title = title or _schema_text(obj.get("name"))
        src = src or _schema_text(obj.get("contentUrl")) or _schema_text(obj.get("embedUrl"))
    title = title or caption
    p = DraftPlacement(
        0,
        KIND_VIDEO,
        title=title,
        caption=caption or title,
        credit_line=credit_line,
        credit=credit,
        src=src,
    )
    if obj is not None:
        p.notes.append("matched the page's schema.org VideoObject")
        obj["_used"] = True
    return p


def _attach_loose_caption(p: DraftPlacement, el) -> None:
    text = _plain(_text_of(el))
    if not text:
        return
    if _is_credit_el(el) and not _is_caption_el(el):
        p.credit_line, p.credit = _parse_credit_element(text)
        return
    rest, credit_line, credit = split_credit(text)
    p.caption = rest if credit_line else text
    if credit_line:
        p.credit_line, p.credit = credit_line, credit


def _match_media(media_objects, urls, caption, want=None):
    keys = {_url_key(u) for u in urls if u}
    low = _norm(caption).lower()
    for obj in media_objects:
        if want and want not in _schema_types(obj):
            continue
        if keys & _schema_urls(obj):
            return obj
    if low:
        for obj in media_objects:
            if want and want not in _schema_types(obj):
                continue
            texts = {_norm(_schema_text(obj.get(k))).lower() for k in ("caption", "name")}
            if low in texts:
                return obj
    return None


def _add_schema_videos(placements, media_objects) -> None:
    """VideoObjects described in the page's metadata but not found in its body (players
    built by JavaScript) become video placements at the end, flagged for review."""
    for obj in media_objects:
        if "VideoObject" not in _schema_types(obj) or obj.get("_used"):
            continue
        name = _schema_text(obj.get("name"))
        src = _schema_text(obj.get("contentUrl")) or _schema_text(obj.get("embedUrl"))
        if not name and not src:
            continue
        if any(
            p.kind == KIND_VIDEO and (p.title == name or (src and p.src == src)) for p in placements
        ):
            continue
        p = DraftPlacement(0, KIND_VIDEO, title=name, caption=name, src=src, needs_review=True)
        p.notes.append("from the page's schema.org VideoObject; its place in the page is unknown")
        credit = _schema_credit(obj)
        if credit:
            p.credit = credit
        placements.append(p)
        obj["_used"] = True


def _finish_credit(p: DraftPlacement, media_objects: list[dict]) -> None:
    """Fill a missing credit from the matching schema.org ImageObject/VideoObject; flag the
    placements with no credit at all for review."""
    if p.credit:
        return
    if p.kind == KIND_VIDEO and p.needs_review:
        return
    obj = _match_media(media_objects, {p.src}, p.caption)
    if obj is not None:
        credit = _schema_credit(obj)
        if credit:
            p.credit = credit
            p.notes.append("credit from the page's schema.org metadata (not printed)")
            if not p.caption:
                p.caption = _schema_text(obj.get("caption"))
            return
    if p.kind == KIND_PICTURE and not p.needs_review:
        p.needs_review = True
        p.notes.append("no credit line recognised")


# --------------------------------------------------------------------------------------------
# Sentences

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st gen lt col sgt capt cpt maj rev sen rep gov pres jr sr inc ltd co
    corp vs etc no nos fig approx dept est adm cmdr brig hon govt jan feb mar apr jun jul aug
    sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun e.g i.e u.s u.k u.n a.m
    p.m mt ft lb op vol""".split()
)
_SPLIT_POINT_RE = re.compile(r"[.!?]+|[“”\"]")
_CLOSERS = "”\"’')]"
_OPENERS = "“\"‘'(["
_MAX_QUOTED_SENTENCE = 600


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences.

    A sentence ends at ".", "!" or "?" (with any closing quotes or brackets) followed by a
    space and a capital letter, digit or opening quote — but not after a known abbreviation
    ("Mr.", "U.S.", "Gen.") or an initial ("J. Smith"), and not inside a double-quoted
    passage: a quotation of several sentences stays whole with its attribution (unless it
    runs past 600 characters, when it is split as usual).
    """
    text = _norm(text)
    sentences: list[str] = []
    start = 0
    inside = False
    n = len(text)
    for m in _SPLIT_POINT_RE.finditer(text):
        ch = m.group()
        if ch == "“":
            inside = True
            continue
        if ch == "”":
            inside = False
            continue
        if ch == '"':
            inside = not inside
            continue
        end = m.end()
        while end < n and text[end] in _CLOSERS:
            if text[end] == "”" or (text[end] == '"' and inside):
                inside = False
            end += 1
        if end >= n or not text[end].isspace():
            continue
        k = end
        while k < n and text[k].isspace():
            k += 1
        if k >= n:
            break
        nxt = text[k]
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
            continue
        if inside and (m.start() - start) < _MAX_QUOTED_SENTENCE:
            continue
        if ch == ".":
            word = text[: m.start()].rsplit(None, 1)[-1] if text[: m.start()].strip() else ""
            word = word.lstrip(_OPENERS).lower()
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        sentence = text[start:end].strip()
        if sentence:
            sentences.append(sentence)
        start = k
        if inside and (m.start() - start) >= _MAX_QUOTED_SENTENCE:
            inside = False
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


# --------------------------------------------------------------------------------------------
# Claim candidates

_SPEECH_VERB_RE = re.compile(
    r"\b(?:said|says|told|tells|added|adds|claimed|claims|stated|states|announced|announces|"
    r"insisted|insists|warned|warns|wrote|writes|tweeted|tweets|estimated|estimates|"
    r"suggested|suggests|reported|revealed|reveals|confirmed|confirms|alleged|alleges|"
    r"explained|declared|noted|pointed out|according to)\b"
)
_STATUS_PATTERNS = (
    r"could not be independently verified",
    r"cannot be independently verified",
    r"could not be independently confirmed",
    r"not been independently verified",
    r"could not be verified",
    r"has not been verified",
    r"have not been verified",
    r"unverified",
    r"unconfirmed",
    r"purportedly",
    r"allegedly",
    r"alleged",
    r"reportedly",
    r"appears? to \w+",
    r"claimed",
    r"claims",
)
_STATUS_RE = [re.compile(rf"\b{p}\b", re.IGNORECASE) for p in _STATUS_PATTERNS]
_MEDIA_NOUN_RE = re.compile(
    r"\b(?:video|videos|footage|clip|clips|image|images|photo|photos|photograph|photographs|"
    r"picture|pictures)\b",
    re.IGNORECASE,
)
_MEDIA_VERB_RE = re.compile(
    r"\b(?:shows?|showed|shown|appears? to|appeared to|can be seen|is seen|are seen|captured|"
    r"filmed|depicts?|purports? to|purported to)\b",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(
    r"(?<![\w.,/:-])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<suffix>%|mm|cm|km|kg|mph|bn|m|k)?(?![\w:-]|[.,]\d)"
    r"(?:\s+(?P<scale>million|billion|trillion|thousand|hundred)\b)?"
)
_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}
_VAGUE_QUANTITY_RE = re.compile(
    r"\b(?:several|many|tens of|hundreds of|thousands of|millions of)\s+"
    r"(?:thousands?|hundreds?|millions?|billions?)\b|\b(?:hundreds|thousands|millions|"
    r"billions) of\b|\ba (?:quarter|third|half) of\b",
    re.IGNORECASE,
)
_WORD_NUMBER_RE = re.compile(
    r"\b(?P<word>" + "|".join(_NUMBER_WORDS) + r")\b(?:\s+(?P<scale>thousand|million|billion))?",
    re.IGNORECASE,
)
_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "bn": 1_000_000_000,
    "k": 1000,
}
_TIME_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades century centuries".split()
)
_UNIT_STOP = frozenset(
    """a an the and or but as is are was were be been being has have had will would can could
    may might should must since in on at to for from by with who which that this these those
    than then so over under into onto across after before during last next already also more
    less per each every while when where whether if it its their his her our they he she we
    not no up down out off about around nearly almost just only some all any both either
    neither including according said says told added claimed here there being""".split()
)
_RATE_RE = re.compile(r"^\s*(?:a|per|each|every)\s+(day|week|month|year|hour)\b", re.IGNORECASE)
_MONTH_WORD_RE = re.compile(rf"^{_MONTH_RE}\.?$", re.IGNORECASE)
_DAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_ORG_WORDS = frozenset(
    """ministry mod hq department government office army forces military police agency feed
    page kremlin council commission committee authorities officials spokesman spokeswoman
    spokesperson service services command staff headquarters pentagon administration
    parliament court union organisation organization institute group company""".split()
)
_PRONOUNS = {"he": "person", "she": "person", "it": "org", "they": "any", "we": "any"}
_LEADING_ADVERBIALS = frozenset(
    """in on at as after before during meanwhile but and however earlier later speaking today
    yesterday also while when since then separately elsewhere""".split()
)
_AUXILIARIES = frozenset(
    """has have had also today yesterday previously later earlier then reportedly now
    recently once had""".split()
)
_INSTITUTION_HINTS = _ORG_WORDS | {"figures", "data", "estimates", "reports", "sources"}


def _quoted_spans(sentence: str) -> list[tuple[int, int]]:
    spans = []
    i, n = 0, len(sentence)
    while i < n:
        ch = sentence[i]
        if ch in '“"':
            closer = "”" if ch == "“" else '"'
            j = sentence.find(closer, i + 1)
            if ch == "“" and j == -1:
                j = sentence.find('"', i + 1)
            end = n if j == -1 else j + 1
            spans.append((i, end))
            i = end
            continue
        i += 1
    return spans


def _inside(pos: int, spans) -> bool:
    return any(a <= pos < b for a, b in spans)


def _bare(word: str) -> str:
    """A word without punctuation or possessive ending, lower-cased ("MoD’s" -> "mod")."""
    word = word.strip(",;:()“”\"'’.").lower()
    return word[:-2] if word.endswith(("’s", "'s")) else word


def _is_org(name: str) -> bool:
    words = [_bare(w) for w in name.split()]
    return any(w in _ORG_WORDS for w in words) or len(name.split()) == 1 and name[:1].isupper()


def _subject_before(sentence: str, verb_start: int, trailing: bool) -> str:
    """The claimant named before a speech verb (rules in `extract_claim_candidates`)."""
    region = sentence[:verb_start]
    for a, b in reversed(_quoted_spans(region)):
        region = region[:a] + " " + region[b:]
    region = region.rstrip(" ,:;–—-")
    words = region.split()
    # Skip auxiliaries directly before the verb ("has claimed", "today said").
    while words and words[-1].lower().strip(",") in _AUXILIARIES:
        words.pop()
    if not words:
        return ""
    last = words[-1].strip(",").lower()
    if last in _PRONOUNS:
        return last
    # A run of capitalised words right before the verb: "Defence Minister Sergei Shoigu".
    run: list[str] = []
    for w in reversed(words):
        core = w.strip(',;:()“”"')
        if w.endswith((",", ";", ":")) and run:
            break
        if core[:1].isupper() and core.lower() not in _DAY_NAMES and not _MONTH_WORD_RE.match(core):
            run.append(core)
            if w.endswith((",", ";", ":")):
                break
            continue
        if run and core.lower() in ("of", "the", "for", "and", "de") and len(run) < 6:
            run.append(core)
            continue
        break
    while run and run[-1].lower() in ("of", "the", "for", "and", "de"):
        run.pop()
    if run:
        candidate = " ".join(reversed(run))
        if not (candidate.lower().split()[0] in _LEADING_ADVERBIALS and len(run) == 1):
            return candidate
    # Comma-separated segments: trailing attributions take the last one ("..., the MoD
    # pointed out"); leading ones the first that is not an adverbial and names someone.
    segments = [s.strip() for s in " ".join(words).split(",") if s.strip()]
    if trailing and segments:
        last_seg = segments[-1]
        if len(last_seg.split()) <= 6:
            return last_seg
    for seg in segments:
        first = seg.split()[0].lower()
        if first in _LEADING_ADVERBIALS:
            continue
        seg_words = [_bare(w) for w in seg.split()]
        if any(w[:1].isupper() for w in seg.split()) or any(w in _ORG_WORDS for w in seg_words):
            if len(seg.split()) <= 6:
                return seg
    if segments and len(segments[-1].split()) <= 6:
        return segments[-1]
    return ""


def _tidy(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _figure_of(sentence: str) -> tuple[Decimal | None, str, bool, bool]:
    """(figure, unit, has_quantity, counts_something) for the first substantive figure in a
    sentence; `counts_something` is true when any figure in it has a unit noun.

    Skipped: dates ("February 24", "24 February"), times, identifiers ("AK-12", "World War 2"
    — a number straight after a capitalised word), durations ("eight months") and, when any
    other figure exists, years. Vague quantities ("hundreds of thousands", "several
    thousand") count as quantities without a figure.
    """
    found: list[tuple[int, Decimal | None, str, bool]] = []  # (pos, value, unit, is_year)
    for m in _NUMBER_RE.finditer(sentence):
        before = sentence[: m.start()].rstrip()
        prev_word = before.rsplit(None, 1)[-1] if before else ""
        after = sentence[m.end() :]
        next_word = (after.split(None, 1) or [""])[0].strip(",.;:")
        if _MONTH_WORD_RE.match(prev_word.strip(",")) or _MONTH_WORD_RE.match(next_word):
            continue
        if prev_word[:1].isupper() and prev_word.strip(",.;:") and before == before.rstrip(",;:"):
            if not before.endswith((".", "!", "?")) and len(before) != len(prev_word):
                continue
        raw = m["num"].replace(",", "")
        try:
            value = Decimal(raw)
        except InvalidOperation:
            continue
        scale = m["scale"] or (m["suffix"] if m["suffix"] in ("bn", "k") else None)
        if scale:
            value *= _SCALES[scale.lower()]
        is_year = (
            not m["suffix"]
            and not m["scale"]
            and "," not in m["num"]
            and "." not in m["num"]
            and 1800 <= int(raw) <= 2100
        )
        unit_words = _unit_after(after if not m["scale"] else sentence[m.end() :])
        if unit_words.split(" ")[0] in _TIME_UNITS and not is_year:
            continue
        suffix = m["suffix"] if m["suffix"] not in (None, "bn", "k") else ""
        unit = " ".join(x for x in (suffix, unit_words) if x)
        found.append((m.start(), _tidy(value), unit, is_year))
    for m in _WORD_NUMBER_RE.finditer(sentence):
        word = m["word"].lower()
        if word in ("hundred", "thousand", "million", "billion") and not m["scale"]:
            before = sentence[: m.start()].rstrip().lower()
            if not before.endswith((" a", " one")):
                continue
        after = sentence[m.end() :]
        unit = _unit_after(after)
        if not unit or unit.split(" ")[0] in _TIME_UNITS:
            continue
        value = Decimal(_NUMBER_WORDS[word])
        if m["scale"]:
            value *= _SCALES[m["scale"].lower()]
        found.append((m.start(), _tidy(value), unit, False))
    vague = _VAGUE_QUANTITY_RE.search(sentence)
    if not found:
        if vague:
            unit = _unit_after(sentence[vague.end() :])
            return None, unit, True, bool(unit)
        return None, "", False, False
    found.sort(key=lambda f: f[0])
    non_years = [f for f in found if not f[3]]
    counts = any(f[2] for f in found)
    _pos, value, unit, _is_year = (non_years or found)[0]
    if vague and vague.start() < _pos and not non_years:
        unit = _unit_after(sentence[vague.end() :])
        return None, unit, True, bool(unit) or counts
    return value, unit, True, counts


def _unit_after(after: str) -> str:
    """The noun phrase naming what a figure counts: "soldiers", "personnel a day"."""
    words: list[str] = []
    rest = after
    for token in after.split():
        core = token.strip("“”\"‘’'()")
        clean = core.rstrip(",.;:!?")
        low = clean.lower()
        if not clean or not re.fullmatch(r"[A-Za-z][A-Za-z'’-]*", clean):
            break
        if low == "of" and words and len(words) < 4:
            words.append(low)
            rest = rest.split(token, 1)[1] if token in rest else ""
            continue
        if low in _UNIT_STOP or low in _DAY_NAMES:
            break
        words.append(clean)
        rest = rest.split(token, 1)[1] if token in rest else ""
        if clean != core or len(words) >= 5 or token != core:
            break
    while words and words[-1] == "of":
        words.pop()
    unit = " ".join(words)
    if unit and not after.strip().startswith((",", ".")):
        rate = _RATE_RE.match(rest)
        if rate:
            unit = f"{unit} {rate.group(0).strip()}"
    return unit


def _status_of(sentence: str) -> str:
    for pattern in _STATUS_RE:
        m = pattern.search(sentence)
        if m:
            return m.group(0).lower()
    return ""


def extract_claim_candidates(paragraphs: list[str]) -> list[ClaimCandidate]:
    """Propose the sentences that state a checkable fact. Clear rules, no statistics:

    A sentence is a candidate when it

    1. states a figure that counts something (digits or number words with a unit noun,
       "12,730", "more than 400 personnel a day", "300,000 people") and is attributed or
       names what it counts; or
    2. carries an attributed direct quotation of at least six words ("X said: “...”",
       "He said Russian forces “...”"), including a paragraph that continues an open
       quotation from the paragraph before (newspaper style: “ opens each quoted paragraph);
    3. says what a video or picture shows ("video which appears to illustrate", "footage
       shows"); or
    4. uses status wording ("unverified", "could not be independently verified",
       "unconfirmed").

    The claimant is taken from "according to X", or the subject before a speech verb
    ("Defence Minister Sergei Shoigu told", "..., the MoD pointed out"). "He"/"She" resolve to
    the last person named as a claimant, "It" to the last organisation, a surname alone to the
    full name met earlier, and a continued quotation to its speaker. An unattributed figure
    takes the claimant of another sentence of the same paragraph, else stays empty.
    """
    candidates: list[ClaimCandidate] = []
    last_person = last_org = last_any = ""
    quote_speaker = ""
    prev_open_quote = False
    full_names: dict[str, str] = {}  # surname -> the longest name met ending in it

    def remember(name: str) -> str:
        nonlocal last_person, last_org, last_any
        if not name:
            return ""
        low = name.lower()
        if low in _PRONOUNS:
            kind = _PRONOUNS[low]
            resolved = last_person if kind == "person" else last_org if kind == "org" else ""
            return resolved or last_any
        if len(name.split()) == 1 and name in full_names:
            name = full_names[name]
        hints = {_bare(w) for w in name.split()}
        if not any(w[:1].isupper() for w in name.split()) and not hints & _INSTITUTION_HINTS:
            return ""
        if hints <= {"the", "figures", "unverified", "official", "latest", "data", "estimates"}:
            return ""
        surname = name.split()[-1]
        if len(name.split()) > 1 and len(name) > len(full_names.get(surname, "")):
            full_names[surname] = name
        if _is_org(name):
            last_org = name
        else:
            last_person = name
        last_any = name
        return name

    for index, paragraph in enumerate(paragraphs):
        paragraph = _norm(paragraph)
        if not paragraph:
            continue
        continuing = prev_open_quote and paragraph[:1] in '“"'
        para_cands: list[tuple[ClaimCandidate, bool]] = []
        for s_index, sentence in enumerate(split_sentences(paragraph)):
            spans = _quoted_spans(sentence)
            claimant = ""
            attributed = False
            m = re.search(r"\baccording to\s+([^,.;:“”\"]+)", sentence)
            if m and not _inside(m.start(), spans):
                attributed = True
                claimant = remember(m.group(1).strip())
            if not claimant:
                for v in _SPEECH_VERB_RE.finditer(sentence):
                    if _inside(v.start(), spans) or v.group(0) == "according to":
                        continue
                    trailing = not sentence[v.end() :].strip(' .,!?”"’')
                    subject = _subject_before(sentence, v.start(), trailing)
                    attributed = True
                    claimant = remember(subject)
                    break
            quote_words = max((len(sentence[a:b].split()) for a, b in spans), default=0)
            in_continued_quote = continuing and s_index == 0
            if in_continued_quote and not claimant:
                claimant = quote_speaker
                attributed = bool(quote_speaker) or attributed
            if attributed and spans and claimant:
                quote_speaker = claimant
            value, unit, has_quantity, counts = _figure_of(sentence)
            status = _status_of(sentence)
            rule_figure = has_quantity and (attributed or counts or bool(status))
            rule_quote = quote_words >= 6 and (attributed or in_continued_quote)
            rule_media = bool(_MEDIA_NOUN_RE.search(sentence) and _MEDIA_VERB_RE.search(sentence))
            rule_status = (
                bool(status)
                and status not in ("claims", "claimed")
                and not (status.startswith("appear"))
            )
            if rule_figure or rule_quote or rule_media or rule_status:
                cand = ClaimCandidate(
                    sentence=sentence,
                    claimant=claimant,
                    figure=value,
                    unit=unit,
                    status=status,
                    paragraph_index=index,
                )
                para_cands.append((cand, bool(claimant)))
        # An unattributed figure borrows the claimant of its paragraph.
        named = [c.claimant for c, has in para_cands if has]
        for cand, has in para_cands:
            if not has and cand.figure is not None and named:
                cand.claimant = named[0]
            candidates.append(cand)
        prev_open_quote = paragraph.count("“") > paragraph.count("”") or (
            paragraph.count('"') % 2 == 1
        )
    return candidates
