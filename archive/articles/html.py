"""Read an article saved as an HTML page: the DOM, JSON-LD and other metadata, and figures.

lxml for the tree, extruct for JSON-LD, microdata and Open Graph. Never regular expressions
over markup (they are used only on the extracted plain text, for credit lines and dates).
Nothing recurses over the document tree, so absurd nesting cannot crash the import.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import lxml.etree
import lxml.html

from archive.agencies import canonical_credit
from archive.articles.caption_credits import parse_credit_text, split_credit
from archive.articles.claimreview import read_claim_reviews
from archive.articles.credit_lines import read_credit_line
from archive.articles.dates import find_date, parse_iso_date
from archive.articles.dom import (
    BOILER_CLASS_WORDS,
    PICTURE_BOX_WORDS,
    REMOVE_FIRST,
    REMOVE_TAGS,
    class_says,
    classes_of,
    has_ancestor,
    img_src,
    is_caption_el,
    is_credit_el,
    is_media,
    is_video_el,
    join_url,
    name_words,
    url_key,
    walk_tree,
    wrap_loose_text,
)
from archive.articles.draft import (
    KIND_PICTURE,
    KIND_VIDEO,
    ArticleDraft,
    ArticleParseError,
    DraftPlacement,
    LeftOut,
    drop,
    drop_kind_labels,
    mark_stills,
    norm,
    plain,
    text_of,
)
from archive.articles.furniture import (
    AD_LABELS,
    REASON_AUTHOR,
    REASON_LOGO,
    REASON_SHARE,
    REASON_TEASER,
    TEASER_LABELS,
    label_text,
    link_target,
    links_elsewhere,
    reason_from_img,
    reason_from_label,
    reason_from_names,
    reason_from_signup,
)
from archive.articles.html_captions import (
    caption_and_credit,
    caption_element,
    furniture_text_els,
    has_media_label,
    outermost,
    without_label,
)
from archive.articles.structured_data import (
    extract_metadata,
    schema_credit,
    schema_text,
    schema_types,
    schema_urls,
)
from archive.articles.text_lines import BYLINE_RE, STOP_LINES, is_boilerplate
from archive.text import credit_key


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

    schema, og = extract_metadata(root, warnings)

    for el in list(root.iter(*REMOVE_FIRST)):
        drop(el)
    # Every picture's place in the page, to list the ones left out in page order.
    order = {el: i for i, el in enumerate(root.iter("img", "video", "iframe"))}
    scope = _pick_scope(root)
    outside = _pictures_outside(root, scope, order, url or og.get("og:url", ""))
    for el in list(root.iter(*REMOVE_TAGS)):
        drop(el)

    article_obj = next(
        (
            o
            for o in schema
            if schema_types(o)
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
    draft.reviewed_claims = read_claim_reviews(schema)

    # Drop boxes of related links, share bars and the like inside the article.
    for el in list(scope.iter()):
        if not isinstance(el.tag, str) or el is scope:
            continue
        classes = classes_of(el)
        boiler = any(w in classes for w in BOILER_CLASS_WORDS) and not is_credit_el(el)
        if boiler or el.tag == "aside":
            if el.getparent() is not None and not any(
                True for _f in el.iter("figure", "img", "video")
            ):
                drop(el)
    wrap_loose_text(scope)

    # Headline: printed <h1>, else schema.org headline, else og:title, else <title>.
    h1 = next(iter(scope.iter("h1")), None)
    if h1 is None:
        h1 = next(iter(root.iter("h1")), None)
    headline = text_of(h1) if h1 is not None else ""
    headline = headline or schema_text(article_obj.get("headline")) or og.get("og:title", "")
    if not headline:
        title = root.find(".//title")
        headline = text_of(title) if title is not None else ""
    draft.headline = plain(headline)

    draft.url = url or og.get("og:url", "") or schema_text(article_obj.get("url"))
    if not draft.url:
        for link in root.iter("link"):
            if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
                draft.url = link.get("href").strip()
                break
    draft.publication = (
        publication or og.get("og:site_name", "") or schema_text(article_obj.get("publisher"))
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

    media_objects = [o for o in schema if schema_types(o) & {"ImageObject", "VideoObject"}]
    page = _Page(scope, draft.url, _author_names(root, article_obj))
    placements: list[DraftPlacement] = []
    left_out: list[tuple] = list(outside)  # (element, LeftOut), sorted into page order below
    consumed: set = set()
    pending: DraftPlacement | None = None

    for el in walk_tree(scope):
        if el in consumed or has_ancestor(el, scope, lambda a: a in consumed):
            continue
        tag = el.tag
        if tag != "img" and page.has_picture(el) and not page.is_big(el):
            reason = reason_from_names(name_words(el), el, page.url) or page.label_reason(el)
            if reason:
                left_out.extend(page.left_out_in(el, reason))
                consumed.add(el)
                pending = None
                continue
        if tag == "figure" or (
            (el.get("itemtype") or "").lower().endswith(("/imageobject", "/videoobject"))
            and tag not in ("img", "video")
        ):
            if any(True for f in el.iter("figure") if f is not el):
                continue  # a gallery: its inner figures are the placements
            found, dropped = _figure_placements(el, page, media_objects)
            placements.extend(found)
            left_out.extend((el, item) for item in dropped)
            consumed.add(el)
            pending = None
            continue
        if tag == "img":
            src = img_src(el, page.url)
            if not (src or el.get("alt")):
                continue
            reason, container = page.img_reason(el, src)
            if reason == "pixel":
                continue
            if reason:
                left_out.extend(page.left_out_in(container, reason))
                consumed.add(container)
                continue
            pending = DraftPlacement(0, KIND_PICTURE, alt=plain(el.get("alt") or ""), src=src)
            placements.append(pending)
            box = page.picture_box(el)
            if box is not None:
                # A box of this one picture whose text is marked neither caption nor credit
                # (Ukrainska Pravda's "post_photo_news_title"): its text is the caption.
                caption, line, credit, _found = caption_and_credit(box, None, loose=True)
                if caption or line:
                    pending.caption, pending.credit_line, pending.credit = caption, line, credit
                    consumed.add(box)
                    pending = None
            continue
        if is_video_el(el) and not page.is_big(el):
            pending = _video_placement(el, page.url, media_objects, caption_el=None)
            placements.append(pending)
            consumed.add(el)
            continue
        if (
            pending is not None
            and pending.kind == KIND_VIDEO
            and not (pending.title or pending.caption)
            and "title" in name_words(el).split()
            and not page.has_picture(el)
            and page.text_len.get(el, 0) <= 300
        ):
            # A player's title printed beside it in an element named for it ("vjs-title-bar",
            # "video-title"), outside the player: the video's title and caption.
            pending.title = pending.caption = plain(text_of(el))
            consumed.add(el)
            continue
        if pending is not None and (is_caption_el(el) or is_credit_el(el)):
            if is_credit_el(el) and pending.credit_line:
                # A picture has one credit line: a second "source" after it is something
                # else of the page (CNN's dateline `<div class="source">` after the lead).
                pending = None
                continue
            _attach_loose_caption(pending, el)
            consumed.add(el)
            continue
        if (
            pending is not None
            and pending.kind == KIND_PICTURE
            and not (pending.caption or pending.credit_line)
            and tag in _LOOSE_CAPTION_TAGS
            and not page.has_picture(el)
            and page.text_len.get(el, 0) <= 300
        ):
            # A picture's caption printed as the short text right after it, marked by nothing
            # but the credit line it ends with ("<p><em>Caption. Photo: X</em></p>").
            rest, line, credit = split_credit(plain(text_of(el)))
            if line:
                pending.caption, pending.credit_line, pending.credit = rest, line, credit
                consumed.add(el)
                pending = None
                continue
        if tag in ("p", "blockquote") or (tag == "li" and len(text_of(el)) > 80):
            if tag == "p" and has_ancestor(el, scope, lambda a: a.tag in ("blockquote", "li")):
                continue
            para = plain(text_of(el))
            if not draft.paragraphs and BYLINE_RE.match(para):
                consumed.add(el)
                continue
            if para and not is_boilerplate(para) and para.lower() not in STOP_LINES:
                draft.paragraphs.append(para)
                pending = None
            if not page.has_picture(el):  # a picture inside a paragraph is still read
                consumed.add(el)

    _add_schema_videos(placements, media_objects)
    for p in placements:
        if p.kind == KIND_PICTURE and not (p.caption or p.credit_line):
            p.needs_review = True
            p.notes.append("no caption or credit printed beside it")
        _finish_credit(p, media_objects)
    drop_kind_labels(placements)
    mark_stills(placements)
    draft.placements = placements
    left_out.sort(key=lambda pair: order.get(pair[0], len(order)))
    in_page = [item for _el, item in left_out]
    draft.left_out = _dedupe_left_out(_share_images(root, og, placements, in_page) + in_page)
    if not draft.paragraphs:
        warnings.append("no paragraphs of text found")
    return draft


class _Page:
    """The article's scope with what the furniture rules ask of it, computed once."""

    def __init__(self, scope, url: str, authors: set[str]):
        self.scope = scope
        self.url = url
        self.authors = authors
        self.text_len: dict = {}
        self.pictures: dict = {}
        self.long_paragraphs: dict = {}
        for el in reversed(list(scope.iter())):
            if not isinstance(el.tag, str):
                continue
            length = len(el.text or "")
            pictures = el.tag in ("img", "video") or is_video_el(el)
            paragraphs = 0
            for child in el:
                length += len(child.tail or "")
                if isinstance(child.tag, str):
                    length += self.text_len.get(child, 0)
                    pictures = pictures or self.pictures.get(child, False)
                    paragraphs += self.long_paragraphs.get(child, 0)
            if el.tag == "p" and length >= 200:
                paragraphs += 1
            self.text_len[el] = length
            self.pictures[el] = pictures
            self.long_paragraphs[el] = paragraphs
        self.scope_len = self.text_len.get(scope, 0)

    def has_picture(self, el) -> bool:
        return self.pictures.get(el, False)

    def is_big(self, el) -> bool:
        """Whether an element holds the story's text (a wrapper, not a box of furniture)."""
        if el is self.scope or self.long_paragraphs.get(el, 0) >= 3:
            return True
        return self.scope_len >= 1000 and self.text_len.get(el, 0) > 0.6 * self.scope_len

    def label_reason(self, el) -> str:
        """The furniture a short box's printed label names ("Advertisement", "Related")."""
        if self.text_len.get(el, 0) > 1500 or self.long_paragraphs.get(el, 0):
            return ""
        for fig in el.iter("figure"):
            caption = caption_element(fig)
            if caption is None or has_ancestor(caption, el, lambda a: a.tag == "a"):
                continue
            if not links_elsewhere(fig, self.url):
                return ""  # a story's own figure, beside a label that is not its
        return reason_from_label(el, frozenset()) or reason_from_signup(el)

    def picture_box(self, img):
        """The box around a lone picture when its only other content is short text that no
        element marks as caption or credit: a box named for pictures ("photo", "image",
        "media"), holding no other picture, heading or paragraph of the story."""
        best = None
        node = img.getparent()
        for _depth in range(4):
            if node is None or node is self.scope or self.is_big(node):
                break
            if node.tag in ("a", "p", "li", "figure") or self.text_len.get(node, 0) > 400:
                break
            media = sum(1 for e in node.iter() if isinstance(e.tag, str) and is_media(e))
            if media > 1 or any(True for _h in node.iter("h1", "h2", "h3", "h4", "h5", "h6")):
                break
            if class_says(node, PICTURE_BOX_WORDS):
                best = node
            node = node.getparent()
        if best is None or not self.text_len.get(best, 0):
            return None
        if any(
            is_caption_el(e) or is_credit_el(e) or e.tag == "p"
            for e in best.iter()
            if isinstance(e.tag, str) and e is not best
        ):
            return None  # marked captions are read as they come (see the walk)
        return best

    def img_reason(self, img, src: str):
        """(reason, container) for a lone image: furniture by itself, by link, by name."""
        reason = reason_from_img(img, src)
        if reason:
            return reason, img
        link = self._link_of(img)
        if link is not None:
            return REASON_TEASER, link
        alt = norm(img.get("alt") or "").casefold()
        if alt and any(
            alt == a or (len(a) > 4 and a in alt and len(alt) < 60) for a in self.authors
        ):
            return REASON_AUTHOR, img
        return "", img

    def _link_of(self, el):
        """The link around a picture when it leads to another article."""
        node = el.getparent()
        depth = 0
        while node is not None and node is not self.scope and depth < 6:
            if node.tag == "a":
                return node if link_target(node, self.url) else None
            node = node.getparent()
            depth += 1
        return None

    def left_out_in(self, container, reason: str) -> list[tuple]:
        """Every picture and video in a box of furniture, as (element, left out for `reason`)."""
        items = []
        for el in container.iter():
            if not isinstance(el.tag, str):
                continue
            if is_video_el(el) and el.tag != "img":
                src = join_url(self.url, el.get("src") or el.get("data-src") or "")
                title = plain(el.get("title") or el.get("aria-label") or "")
                items.append((el, LeftOut(reason, kind=KIND_VIDEO, caption=title, src=src)))
                continue
            if el.tag != "img":
                continue
            src = img_src(el, self.url)
            if reason_from_img(el, src) == "pixel" or not (src or el.get("alt")):
                continue
            item = LeftOut(reason, alt=plain(el.get("alt") or ""), src=src)
            fig = el.getparent()
            while fig is not None and fig.tag != "figure" and fig is not container:
                fig = fig.getparent()
            if fig is not None and fig.tag == "figure":
                caption, item.credit_line, item.credit, _found = caption_and_credit(
                    fig, caption_element(fig)
                )
                item.caption = caption[:300]
            else:
                item.caption = self._nearby_text(el, container, reason)
            items.append((el, item))
        return items

    def _nearby_text(self, el, container, reason: str) -> str:
        """The text of the smallest box around a picture (a teaser's headline, a byline)."""
        if reason not in (REASON_TEASER, REASON_AUTHOR):
            return ""
        node = el.getparent()
        while node is not None:
            text = plain(text_of(node))
            if len(text) > 300:
                break
            if text and label_text(text) not in AD_LABELS | TEASER_LABELS:
                return text
            if node is container:
                break
            node = node.getparent()
        return plain(el.get("alt") or "") if el.tag == "img" else ""


def _author_names(root, article_obj: dict) -> set[str]:
    """The names of the article's authors, as its metadata gives them (to know headshots)."""
    names = set()
    for value in (schema_text(article_obj.get("author")), _meta_content(root, "author")):
        for name in re.split(r",| and ", value or ""):
            name = norm(name).casefold()
            if len(name) > 3 and not name.startswith(("http", "www.")):
                names.add(name)
    return names


REASON_OUTSIDE = "not part of the article"


def _pictures_outside(root, scope, order: dict, url: str) -> list[tuple]:
    """(element, LeftOut) for the pictures around the article: the site's header and footer,
    its sidebars, and the forms and menus removed before reading the article."""
    found = []
    page = _Page(scope, url, set())
    for el in order:
        if el.getparent() is None or el.tag == "iframe" and not is_video_el(el):
            continue
        inside = has_ancestor(el, None, lambda a: a is scope)
        if inside and not has_ancestor(el, scope, lambda a: a.tag in REMOVE_TAGS):
            continue
        src = img_src(el, url) if el.tag == "img" else join_url(url, el.get("src") or "")
        reason = reason_from_img(el, src) if el.tag == "img" else ""
        if reason == "pixel" or (el.tag == "img" and not (src or el.get("alt"))):
            continue
        container = el
        node = el.getparent()
        while not reason and node is not None and node.tag not in ("body", "html"):
            if not has_ancestor(scope, None, lambda a, node=node: a is node):
                reason = reason_from_names(name_words(node), node, url)
                if not reason and len(text_of(node)) <= 1500:
                    reason = reason_from_label(node, frozenset())
                container = node
            node = node.getparent()
        if not reason and page._link_of(el) is not None:
            reason = REASON_TEASER
        kind = KIND_PICTURE if el.tag == "img" else KIND_VIDEO
        item = LeftOut(reason or REASON_OUTSIDE, kind=kind, alt=plain(el.get("alt") or ""), src=src)
        if el.tag == "img":
            item.caption = page._nearby_text(el, container, item.reason)
        found.append((el, item))
    return found


def _picture_keys(src: str) -> set[str]:
    """Keys under which two renditions of one picture meet: the URL without its query, its
    distinctive file name ("_12345_image" in any size) and a hash-like folder."""
    keys = {url_key(src)} if src else set()
    try:
        parts = urlsplit(src)
    except ValueError:
        return keys
    path = parts.path
    # An image proxy names the original in its query ("...?url=https%3A%2F%2F.../a.jpg").
    for values in parse_qs(parts.query).values():
        for value in values:
            if value.startswith(("http://", "https://")) and value != src:
                keys |= _picture_keys(value)
    segments = [s for s in path.lower().split("/") if s]
    if segments:
        stem = segments[-1].split(".", 1)[0]
        if len(stem) >= 8 and not stem.isdigit():
            keys.add("name:" + stem)
    for segment in segments[:-1]:
        if (
            len(segment) >= 8
            and any(c.isdigit() for c in segment)
            and any(c.isalpha() for c in segment)
        ):
            keys.add("dir:" + segment)  # NYT: ".../12moldova-01-wqkp/12moldova-01-wqkp-<size>.jpg"
    for token in re.split(r"[^a-z0-9]+", "/".join(segments)):
        if len(token) >= 12 and any(c.isdigit() for c in token):
            keys.add("id:" + token)  # Spiegel: "<uuid>_w718_r1.77.jpg" and "<uuid>_w1200_..."
    return keys


def _share_images(root, og: dict, placements, left_out) -> list[LeftOut]:
    """The pictures the page gives only to social networks (og:image, twitter:image)."""
    seen: set[str] = set()
    for item in [*placements, *left_out]:
        seen |= _picture_keys(item.src)
    found = []
    urls = [og.get("og:image", ""), og.get("og:image:url", ""), og.get("og:image:secure_url", "")]
    urls.append(_meta_content(root, "twitter:image", "twitter:image:src"))
    alt = og.get("og:image:alt", "") or _meta_content(root, "twitter:image:alt")
    for url in urls:
        url = (url or "").strip()
        if not url.startswith(("http://", "https://", "//", "/")):
            continue
        keys = _picture_keys(url)
        if keys & seen:
            continue
        seen |= keys
        found.append(LeftOut(REASON_SHARE, alt=plain(alt), src=url))
    return found


def _dedupe_left_out(items: list[LeftOut]) -> list[LeftOut]:
    out, seen = [], set()
    for item in items:
        key = url_key(item.src) if item.src else (item.reason, item.alt, item.caption)
        if key in seen:
            continue
        seen.add(key)
        out.append(item)
    return out


def _meta_content(root, *names: str) -> str:
    wanted = {n.lower() for n in names}
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        if name in wanted and meta.get("content"):
            return meta.get("content")
    return ""


def _figure_placements(fig, page: _Page, media_objects: list[dict]):
    """(placements, left out) for one figure: its pictures, or its video."""
    base = page.url
    caption_el = caption_element(fig)
    videos = [e for e in fig.iter() if isinstance(e.tag, str) and e is not fig and is_video_el(e)]
    labelled = has_media_label(fig)
    is_video = (
        bool(videos)
        or "video" in classes_of(fig)
        or ((fig.get("itemtype") or "").lower().endswith("/videoobject"))
        or labelled
    )
    if is_video:
        placement = _video_placement(
            videos[0] if videos else fig,
            base,
            media_objects,
            caption_el=caption_el,
            container=fig,
        )
        return [placement], []
    caption, credit_line, credit, _found = caption_and_credit(fig, caption_el)
    imgs, dropped = [], []
    for img in fig.iter("img"):
        src = img_src(img, base)
        reason = reason_from_img(img, src)
        if reason == "pixel":
            continue
        if caption_el is None and not reason:
            link = page._link_of(img)
            if link is not None and has_ancestor(img, fig, lambda a, link=link: a is link):
                reason = REASON_TEASER
        if reason and (reason == REASON_LOGO or caption_el is None):
            dropped.append(
                LeftOut(reason, caption=caption, alt=plain(img.get("alt") or ""), src=src)
            )
            continue
        imgs.append(img)
    if not imgs:
        if not caption or dropped:
            return [], dropped
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
            src=img_src(img, base) if img is not None else "",
        )
        if img is None:
            p.notes.append("figure without an image element")
        out.append(p)
    return out, dropped


def _video_placement(el, base, media_objects, caption_el=None, container=None):
    container = container if container is not None else el
    if caption_el is None:
        caption_el = caption_element(container)
    title = ""
    for h in container.iter("h2", "h3", "h4", "h5", "h6"):
        title = plain(text_of(h))
        if title:
            break
    if not title:  # a title printed in an element named for it ("video-title", "jw-title")
        named = (e for e in container.iter("p", "span", "div") if "title" in name_words(e).split())
        title = next((t for t in (plain(text_of(e)) for e in named) if t), "")
    title = title or plain(el.get("title") or el.get("aria-label") or el.get("data-title") or "")
    src = el.get("src") or el.get("data-src") or ""
    if not src:
        source = next(iter(el.iter("source")), None)
        src = source.get("src") if source is not None else ""
    src = join_url(base, src)
    labelled = has_media_label(container)  # before the caption's furniture is taken off
    caption, credit_line, credit, _found = caption_and_credit(container, caption_el)
    obj = _match_media(
        media_objects, {src, el.get("poster") or ""}, caption or title, want="VideoObject"
    )
    if obj is not None:
        title = title or schema_text(obj.get("name"))
        src = src or schema_text(obj.get("contentUrl")) or schema_text(obj.get("embedUrl"))
    title = title or caption
    p = DraftPlacement(
        0,
        KIND_VIDEO,
        title=title,
        caption=caption or title,
        credit_line=credit_line,
        credit=credit,
        src=src,
        caption_labelled=labelled,
    )
    # Its posters: the player's picture, the poster attribute, the metadata's thumbnail.
    posters = [img_src(img, base) for img in container.iter("img")]
    posters.append(join_url(base, el.get("poster") or ""))
    if obj is not None:
        p.notes.append("matched the page's schema.org VideoObject")
        obj["_used"] = True
        thumbs = obj.get("thumbnailUrl")
        for thumb in thumbs if isinstance(thumbs, list) else [thumbs]:
            posters.append(schema_text(thumb.get("url") if isinstance(thumb, dict) else thumb))
    p.posters = [u for u in dict.fromkeys(posters) if u]
    return p


# Elements that may print a picture's caption right after it with no caption name.
_LOOSE_CAPTION_TAGS = frozenset(("p", "small", "em", "i", "span", "div", "cite"))


def _attach_loose_caption(p: DraftPlacement, el) -> None:
    heading = next((h for h in el.iter("h2", "h3", "h4", "h5", "h6") if text_of(h)), None)
    skip = set()
    if p.kind == KIND_VIDEO and heading is not None and not p.title:
        # A player's caption box: its heading is the video's title, the rest its caption.
        p.title = plain(text_of(heading))
        skip.add(heading)
    credits = outermost([e for e in el.iter() if e is not el and is_credit_el(e)])
    own_credit = False
    if credits and not (is_credit_el(el) and not is_caption_el(el)):
        # A caption box with its credit in an element of its own ("video-player__source").
        credit_line, credit = parse_credit_text(without_label(plain(text_of(credits[0]))))
        if credit_line:
            p.credit_line, p.credit = credit_line, credit
            skip.update(credits)
            own_credit = True
    text = plain(text_of(el, exclude=frozenset(skip | set(furniture_text_els(el)))))
    if not text:
        return
    if own_credit:
        p.caption = text
        return
    if is_credit_el(el) and not is_caption_el(el):
        p.credit_line, p.credit = parse_credit_text(text)
        return
    rest, credit_line, credit = split_credit(text)
    p.caption = rest if credit_line else text
    if credit_line:
        p.credit_line, p.credit = credit_line, credit


def _match_media(media_objects, urls, caption, want=None):
    keys = {url_key(u) for u in urls if u}
    low = norm(caption).lower()
    for obj in media_objects:
        if want and want not in schema_types(obj):
            continue
        if keys & schema_urls(obj):
            return obj
    if low:
        for obj in media_objects:
            if want and want not in schema_types(obj):
                continue
            texts = {norm(schema_text(obj.get(k))).lower() for k in ("caption", "name")}
            if low in texts:
                return obj
    return None


def _add_schema_videos(placements, media_objects) -> None:
    """VideoObjects described in the page's metadata but not found in its body (players
    built by JavaScript) become video placements at the end, flagged for review."""
    for obj in media_objects:
        if "VideoObject" not in schema_types(obj) or obj.get("_used"):
            continue
        name = schema_text(obj.get("name"))
        src = schema_text(obj.get("contentUrl")) or schema_text(obj.get("embedUrl"))
        if not name and not src:
            continue
        if any(
            p.kind == KIND_VIDEO and (p.title == name or (src and p.src == src)) for p in placements
        ):
            continue
        p = DraftPlacement(0, KIND_VIDEO, title=name, caption=name, src=src, needs_review=True)
        p.notes.append("from the page's schema.org VideoObject; its place in the page is unknown")
        credit = schema_credit(obj)
        if credit:
            p.credit = credit
        placements.append(p)
        obj["_used"] = True


def _finish_credit(p: DraftPlacement, media_objects: list[dict]) -> None:
    """Fill a missing credit from the matching schema.org ImageObject/VideoObject; flag the
    placements with no credit at all for review. A printed credit line also names the
    source and creator (`read_credit_line`)."""
    if p.credit_line and not (p.source or p.creator):
        parts = read_credit_line(p.credit_line)
        if not p.credit or credit_key(canonical_credit(parts.credit)) == credit_key(
            canonical_credit(p.credit)
        ):
            p.source, p.creator = parts.source, parts.creator
    if p.credit:
        return
    if p.kind == KIND_VIDEO and p.needs_review:
        return
    obj = _match_media(media_objects, {p.src}, p.caption)
    if obj is not None:
        credit = schema_credit(obj)
        if credit:
            p.credit = credit
            p.notes.append("credit from the page's schema.org metadata (not printed)")
            if not p.caption:
                p.caption = schema_text(obj.get("caption"))
            return
    if p.kind == KIND_PICTURE and not p.needs_review:
        p.needs_review = True
        p.notes.append("no credit line recognised")
