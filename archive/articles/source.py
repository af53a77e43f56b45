"""Read an article's source: refuse what is not an article, decode it, pick the reader.

`parse_article` is the entry point. Sources above `MAX_SOURCE_BYTES` are refused, PDFs and
other binaries are refused with a clear `ArticleParseError`, broken encodings are decoded
best-effort; the text or HTML reader then builds the draft, an article with more readable
text than `ARCHIVE_ARTICLE_MAX_TEXT_CHARS` is refused, and `claims` proposes its claim
candidates (at most `ARCHIVE_ARTICLE_MAX_CLAIMS`). The admin's import, the command and the
pre-publication check (page and API) all read articles here.
"""

from __future__ import annotations

from bs4.dammit import EncodingDetector
from django.conf import settings

from archive.articles.caption_credits import bracketed_credit, dash_closed_credit
from archive.articles.claimreview import merge_reviewed
from archive.articles.claims import extract_claim_candidates
from archive.articles.company_credits import company_photo_credit
from archive.articles.credit_forms import brand_letters, house_archive
from archive.articles.draft import KIND_VIDEO, ArticleDraft, ArticleParseError, DraftPlacement
from archive.articles.file_marker_credits import file_markers_after_dash
from archive.articles.home_currency import home_currency, page_language, page_territory
from archive.articles.home_dollar import home_dollars
from archive.articles.house_bracket_credits import house_bracket_credits
from archive.articles.house_credits import (
    name_beside_house,
    own_desk_initials,
    own_house_credit,
    own_house_first,
)
from archive.articles.html import parse_html
from archive.articles.labelled_mid_credits import labelled_credits_inside_captions
from archive.articles.mid_credits import credits_inside_captions
from archive.articles.noun_first import noun_first_units
from archive.articles.text import parse_text

MAX_SOURCE_BYTES = 10 * 1024 * 1024
"""Sources larger than this (10 MB) are refused: no news article is that large."""

MAX_CLAIM_PARAGRAPHS = 2000
"""Claim candidates are proposed from at most this many paragraphs (a long article has 100)."""

# Characters no HTML/XML text may hold (C0 controls but tab/newline, surrogates, U+FFFE/F).
_UNSAFE_CHARS = dict.fromkeys(
    [*range(0, 9), 11, 12, *range(14, 32), 0x7F, *range(0xD800, 0xE000), 0xFFFE, 0xFFFF], " "
)


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


def credits_in_brackets_like_the_rest(placements: list[DraftPlacement]) -> None:
    """Read the bracketed group closing a caption as its credit when the page's other
    captions close with their credits in brackets (a handout's "(Harbour Board)" under a
    page of "(AGENCY/Name)"): the house's convention, kept for every caption."""
    bracketed = [
        p for p in placements if p.credit_line.startswith("(") and p.credit_line.endswith(")")
    ]
    if len(bracketed) < 2 or len(bracketed) * 2 < len([p for p in placements if p.credit_line]):
        return
    for p in placements:
        found = None if p.credit_line else bracketed_credit(p.caption)
        if found is None:
            continue
        p.caption, p.credit_line = found.caption, found.credit_line
        p.credit, p.source, p.creator = found.credit, found.source, found.creator
        p.notes = [n for n in p.notes if "no credit" not in n]
        p.needs_review = p.needs_review and bool(p.notes)
        if p.kind == KIND_VIDEO and p.title:
            p.title = found.caption


def credits_after_dash_like_the_rest(placements: list[DraftPlacement]) -> None:
    """Read the name after a spaced dash closing a caption ("... on Thursday. — Harbour
    Post") as its credit when two or more of the page's captions close so with the same dash,
    and they are most of the captions no rule gave a credit: the house prints every credit so
    (Malaysian and South Asian papers), whatever name it gives."""
    uncredited = [p for p in placements if p.caption and not p.credit_line]
    closed = [(p, dash_closed_credit(p.caption)) for p in uncredited]
    closed = [(p, found) for p, found in closed if found]
    dashes = {dash for _p, (dash, _found) in closed}
    if len(closed) < 2 or len(dashes) != 1 or len(closed) * 2 < len(uncredited):
        return
    for p, (_dash, found) in closed:
        p.caption, p.credit_line = found.caption, found.credit_line
        p.credit, p.source, p.creator = found.credit, found.source, found.creator
        p.notes = [n for n in p.notes if "no credit" not in n]
        p.needs_review = p.needs_review and bool(p.notes)
        if p.kind == KIND_VIDEO and p.title:
            p.title = found.caption


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
        draft = parse_html(text, url=url, publication=publication, warnings=warnings)
    else:
        draft = parse_text(text, url=url, publication=publication, warnings=warnings)

    if not draft.headline and not draft.paragraphs and not draft.placements:
        raise ArticleParseError("no text found: nothing in the file reads as an article")
    # Refused before its claims are read: they take time growing with the text.
    readable = sum(len(paragraph) for paragraph in draft.paragraphs)
    max_chars = settings.ARCHIVE_ARTICLE_MAX_TEXT_CHARS
    if readable > max_chars:
        raise ArticleParseError(
            f"its text is {readable:,} characters long, more than any article "
            f"(at most {max_chars:,}): give one article, not a page of many or a text "
            f"pasted more than once"
        )
    paragraphs = draft.paragraphs
    if len(paragraphs) > MAX_CLAIM_PARAGRAPHS:
        warnings.append(
            f"the article has {len(paragraphs)} paragraphs; claim candidates were proposed "
            f"from the first {MAX_CLAIM_PARAGRAPHS} only"
        )
        paragraphs = paragraphs[:MAX_CLAIM_PARAGRAPHS]
    # Claims come from the body: the headline and standfirst above the byline restate it.
    paragraphs = [""] * min(draft.body_start, len(paragraphs)) + paragraphs[draft.body_start :]
    max_claims = settings.ARCHIVE_ARTICLE_MAX_CLAIMS
    draft.claim_candidates = extract_claim_candidates(paragraphs, limit=max_claims + 1)
    home_dollars(draft.claim_candidates, draft.paragraphs)
    language = page_language(text) if is_html else ""
    home_currency(draft.claim_candidates, page_territory(language, draft.url or url))
    noun_first_units(draft.claim_candidates, language)
    if len(draft.claim_candidates) > max_claims:
        del draft.claim_candidates[max_claims:]
        draft.warnings.append(
            f"the article proposes more than {max_claims} claim candidates; only the first "
            f"{max_claims} are shown for review"
        )
    merge_reviewed(draft.claim_candidates, draft.reviewed_claims)
    house_bracket_credits(draft.placements, draft.publication)
    credits_in_brackets_like_the_rest(draft.placements)
    credits_inside_captions(draft.placements)
    labelled_credits_inside_captions(draft.placements)
    credits_after_dash_like_the_rest(draft.placements)
    file_markers_after_dash(draft.placements)
    # The names the page goes by, for its brand letters: its name; a text copy's masthead.
    names = [draft.publication]
    if draft.source_format == "text":
        names += [line.strip() for line in draft.source_text.split("\n") if line.strip()][:3]
    spellings = [p.credit for p in draft.placements]
    texts = [draft.headline, *draft.paragraphs, *(p.caption for p in draft.placements)]
    for i, placement in enumerate(draft.placements, start=1):
        placement.position = i
        placement.credit = house_archive(
            brand_letters(placement.credit, placement.credit_line, names, spellings), names
        )
        house_first = own_house_first(placement.credit_line, draft.publication)
        if house_first and placement.creator in (
            "",
            placement.credit_line.strip("()[]").split("/")[0],
        ):
            placement.credit, placement.source = house_first
            placement.creator = ""
        placement.credit, placement.creator = own_house_credit(
            placement.credit_line, placement.credit, placement.creator, draft.publication
        )
        placement.credit = own_desk_initials(
            placement.credit, placement.credit_line, draft.publication
        )
        placement.credit = company_photo_credit(placement.credit, texts)
        placement.credit, placement.creator = name_beside_house(
            placement.credit, placement.creator, draft.publication
        )
    return draft
