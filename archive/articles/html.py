"""Read an article saved as an HTML page: the DOM, JSON-LD and other metadata, and figures.

lxml for the tree, extruct for JSON-LD, microdata and Open Graph. Never regular expressions
over markup (they are used only on the extracted plain text, for credit lines and dates).
Nothing recurses over the document tree, so absurd nesting cannot crash the import.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from archive.articles.credit_lines import credit_name, parse_credit_text, split_credit
from archive.articles.dates import find_date, parse_iso_date
from archive.articles.draft import (
    KIND_PICTURE,
    KIND_VIDEO,
    ArticleDraft,
    ArticleParseError,
    DraftPlacement,
    drop,
    mark_stills,
    norm,
    plain,
    text_of,
)
from archive.articles.text import BYLINE_RE, STOP_LINES, is_boilerplate

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


def _classes(el) -> str:
    return (el.get("class") or "").lower() + " " + (el.get("id") or "").lower()


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
        return plain(str(value))
    return ""


def _schema_credit(obj: dict) -> str:
    for key in ("creditText", "copyrightHolder", "creator", "author", "copyrightNotice"):
        text = _schema_text(obj.get(key))
        if text:
            if key == "copyrightNotice":
                _rest, line, credit = split_credit(text)
                return credit if line else text
            return credit_name(text)
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
        length = len(text_of(el))
        if length > best_len:
            best, best_len = el, length
    if best is not None:
        return best
    for tag in ("main",):
        for el in root.iter(tag):
            return el
    body = root.find(".//body")
    return body if body is not None else root


def parse_html(text: str, *, url: str, publication: str, warnings: list[str]) -> ArticleDraft:
    """Read a saved HTML page into a draft (claim candidates are added by the caller)."""
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
        drop(el)

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
                drop(el)

    # Headline: printed <h1>, else schema.org headline, else og:title, else <title>.
    h1 = next(iter(scope.iter("h1")), None)
    if h1 is None:
        h1 = next(iter(root.iter("h1")), None)
    headline = text_of(h1) if h1 is not None else ""
    headline = headline or _schema_text(article_obj.get("headline")) or og.get("og:title", "")
    if not headline:
        title = root.find(".//title")
        headline = text_of(title) if title is not None else ""
    draft.headline = plain(headline)

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
        parse_iso_date(article_obj.get("datePublished"))
        or parse_iso_date(og.get("article:published_time"))
        or parse_iso_date(
            _meta_content(root, "date", "pubdate", "publish-date", "article.published", "dc.date")
        )
    )
    if draft.date is None:
        for t in scope.iter("time"):
            draft.date = parse_iso_date(t.get("datetime")) or find_date(text_of(t))[0]
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
                0, KIND_PICTURE, alt=plain(el.get("alt") or ""), src=_img_src(el, base)
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
        if tag in ("p", "blockquote") or (tag == "li" and len(text_of(el)) > 80):
            if tag == "p" and _has_ancestor(el, scope, lambda a: a.tag in ("blockquote", "li")):
                continue
            para = plain(text_of(el))
            if not draft.paragraphs and BYLINE_RE.match(para):
                consumed.add(el)
                continue
            if para and not is_boilerplate(para) and para.lower() not in STOP_LINES:
                draft.paragraphs.append(para)
                pending_img = None
            consumed.add(el)

    _add_schema_videos(placements, media_objects)
    for p in placements:
        _finish_credit(p, media_objects)
    mark_stills(placements)
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
        caption = plain(text_of(caption_el, exclude=frozenset(credit_els)))
    elif container.tag == "figure":
        # No figcaption: any loose text in the figure is its caption.
        caption = plain(text_of(container, exclude=frozenset(credit_els)))
    caption = re.sub(r"^Image caption,\s*", "", caption, flags=re.IGNORECASE)
    credit_texts = [plain(text_of(e)) for e in credit_els]
    credit_texts = [t for t in credit_texts if t]
    if credit_texts:
        credit_line, credit = parse_credit_text(credit_texts[0])
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
            alt=plain(img.get("alt") or "") if img is not None else "",
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
        title = plain(text_of(h))
        if title:
            break
    title = title or plain(el.get("title") or el.get("aria-label") or el.get("data-title") or "")
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
    text = plain(text_of(el))
    if not text:
        return
    if _is_credit_el(el) and not _is_caption_el(el):
        p.credit_line, p.credit = parse_credit_text(text)
        return
    rest, credit_line, credit = split_credit(text)
    p.caption = rest if credit_line else text
    if credit_line:
        p.credit_line, p.credit = credit_line, credit


def _match_media(media_objects, urls, caption, want=None):
    keys = {_url_key(u) for u in urls if u}
    low = norm(caption).lower()
    for obj in media_objects:
        if want and want not in _schema_types(obj):
            continue
        if keys & _schema_urls(obj):
            return obj
    if low:
        for obj in media_objects:
            if want and want not in _schema_types(obj):
                continue
            texts = {norm(_schema_text(obj.get(k))).lower() for k in ("caption", "name")}
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
