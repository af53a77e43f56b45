"""Read an article saved as an HTML page: the story's scope, its metadata, headline and date,
then one walk through its body for the paragraphs and the placements in page order.

lxml for the tree, extruct for JSON-LD, microdata and Open Graph (`structured_data`). Never
regular expressions over markup (they are used only on the extracted plain text, for credit
lines and dates). Nothing recurses over the document tree, so absurd nesting cannot crash the
import. The furniture questions asked of the scope are in `html_page`, the pictures left out
around it in `html_left_out`, a figure's or video's placement in `html_media`.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from archive.articles.caption_credits import parse_credit_text, split_credit
from archive.articles.caption_glyphs import without_separator
from archive.articles.claimreview import read_claim_reviews
from archive.articles.credit_lines import BROADCAST_META_RE, read_credit_line
from archive.articles.dates import UPDATE_STAMP_RE, dateline, find_date, parse_iso_date
from archive.articles.dom import (
    BOILER_CLASS_WORDS,
    REMOVE_FIRST,
    REMOVE_TAGS,
    classes_of,
    has_ancestor,
    img_src,
    is_caption_el,
    is_credit_el,
    is_video_el,
    name_words,
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
    REASON_LOGO,
    REASON_TEASER,
    reason_from_names,
)
from archive.articles.house_credits import site_named_in_title
from archive.articles.html_audio import drop_audio_players
from archive.articles.html_boiler import link_paragraph, story_list_item, story_paragraph
from archive.articles.html_boxes import box_placement, credit_first_box
from archive.articles.html_caption_boxes import is_media_caption
from archive.articles.html_captions import (
    caption_and_credit,
)
from archive.articles.html_charts import chart_placement
from archive.articles.html_dates import (
    in_site_header,
    labelled_dateline,
    published_meta_date,
    zoned_iso_date,
)
from archive.articles.html_figure_edges import caption_after
from archive.articles.html_headed import lifted_box
from archive.articles.html_hidden import drop_screen_reader_text
from archive.articles.html_input_players import input_player, mark_input_players
from archive.articles.html_left_out import dedupe_left_out, pictures_outside, share_images
from archive.articles.html_media import (
    LOOSE_CAPTION_TAGS,
    add_schema_videos,
    attach_loose_caption,
    figure_placements,
    finish_credit,
    video_placement,
)
from archive.articles.html_more_dates import (
    header_date_above,
    in_other_story,
    labelled_fact_date,
)
from archive.articles.html_noscript import unwrap_noscript_pictures
from archive.articles.html_page import Page
from archive.articles.html_picture_text import caption_paragraph
from archive.articles.html_river import related_list, river_story
from archive.articles.html_run_dates import printed_before_update, run_date, url_path_date
from archive.articles.html_scope import headed_box
from archive.articles.html_script_pictures import script_picture_src
from archive.articles.html_slides import gallery_slides
from archive.articles.html_social import credited_social_figure, titled_by_player
from archive.articles.html_teaser_links import teaser_link
from archive.articles.structured_data import (
    extract_metadata,
    meta_content,
    schema_text,
    schema_types,
)
from archive.articles.text_lines import BYLINE_RE, STOP_LINES, is_boilerplate


def _pick_scope(root):
    """The element holding the article: the largest <article>, else <main>, else <body>."""
    best, best_len = None, -1
    for el in root.iter("article"):
        length = len(text_of(el))
        if length > best_len:
            best, best_len = el, length
    if best is not None:
        boxed = headed_box(best)
        return boxed if boxed is not best else lifted_box(best)  # `html_headed`
    for tag in ("main",):
        for el in root.iter(tag):
            return el
    body = root.find(".//body")
    return body if body is not None else root


def _is_logo(img) -> bool:
    """Is ``img`` the site's logo (named so in its own, its link's or its file's name)?"""
    parent = img.getparent()
    words = name_words(img) + (name_words(parent) if parent is not None else "")
    return " logo " in words or "logo" in (img.get("src") or "").rsplit("/", 1)[-1].lower()


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

    unwrap_noscript_pictures(root)  # a picture printed only in <noscript>
    mark_input_players(root)  # `html_input_players`: a player declared in hidden inputs
    for el in list(root.iter(*REMOVE_FIRST)):
        drop(el)
    drop_screen_reader_text(root)  # `html_hidden`: "Image copyright" for screen readers
    # Every picture's place in the page, to list the ones left out in page order.
    order = {el: i for i, el in enumerate(root.iter("img", "video", "iframe"))}
    scope = river_story(root, _pick_scope(root), og)  # `html_river`: a river of stories
    outside = pictures_outside(root, scope, order, url or og.get("og:url", ""))
    for el in list(root.iter(*REMOVE_TAGS)):
        drop(el)
    drop_audio_players(scope)  # "Listen to this article", a podcast: no placements

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
        boiler = boiler and not is_media_caption(el)  # `html_caption_boxes`
        boiler = boiler and not story_paragraph(el)  # `html_boiler`: `<p class="paywall">`
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
    if not draft.publication:
        title = root.find(".//title")
        logos = {img.get("alt") or "" for img in root.iter("img", "amp-img") if _is_logo(img)}
        draft.publication = site_named_in_title(text_of(title) if title is not None else "", logos)
    draft.date = (
        parse_iso_date(article_obj.get("datePublished"))
        or parse_iso_date(og.get("article:published_time"))
        or parse_iso_date(
            meta_content(root, "date", "pubdate", "publish-date", "article.published", "dc.date")
        )
        or zoned_iso_date(article_obj.get("datePublished"))  # `html_dates`
        or published_meta_date(root)  # `html_dates`: a meta of the page's own naming
    )
    draft.date = printed_before_update(scope, draft.date) or draft.date  # `html_run_dates`
    if draft.date is None:
        for t in scope.iter("time"):
            draft.date = parse_iso_date(t.get("datetime")) or find_date(text_of(t))[0]
            if draft.date:
                break
    if draft.date is None:
        # A dateline in an element named for it ("article-date", "view_date"), not an update's
        draft.date = next(
            (
                found
                for el in scope.iter("div", "span", "p")
                if "date" in name_words(el).split()
                and not in_other_story(el, draft.url)  # `html_more_dates`: a teaser's date
                and len(line := plain(text_of(el))) <= 120
                and not UPDATE_STAMP_RE.match(line)
                and not in_site_header(el, scope)  # `html_dates`: the site's clock
                and (found := dateline(line))
            ),
            None,
        )

    if draft.date is None:  # `html_dates`: "<span>Updated</span> date"; `html_more_dates`:
        # a facts list's "Date", the header box above the article
        draft.date = (
            labelled_dateline(scope) or labelled_fact_date(scope) or header_date_above(scope)
        )
    draft.date = draft.date or run_date(scope, draft.url)  # `html_run_dates`: a box's run
    draft.date = draft.date or url_path_date(draft.url)  # `html_run_dates`: the address
    media_objects = [o for o in schema if schema_types(o) & {"ImageObject", "VideoObject"}]
    page = Page(scope, draft.url, _author_names(root, article_obj))
    placements: list[DraftPlacement] = []
    left_out: list[tuple] = list(outside)  # (element, LeftOut), sorted into page order below
    consumed: set = set()
    pending: DraftPlacement | None = None

    for el in walk_tree(scope):
        if el in consumed or has_ancestor(el, scope, lambda a: a in consumed):
            continue
        tag = el.tag
        if (
            tag != "img"
            and page.has_picture(el)
            and (
                not page.is_big(el) or related_list(el, page)  # `html_river`: "list--related"
            )
        ):
            reason = reason_from_names(name_words(el), el, page.url) or page.label_reason(el)
            if reason == REASON_LOGO and credited_social_figure(el):
                reason = ""  # a social post the story shows, credited under it
            if reason:
                left_out.extend(page.left_out_in(el, reason))
                consumed.add(el)
                pending = None
                continue
        player = input_player(el)  # `html_input_players`: a player built from hidden inputs
        if player is not None:
            placements.append(player[0])
            consumed.add(player[1])
            pending = player[0]
            continue
        slides = gallery_slides(el, page)  # `html_slides`: a gallery's slides in the HTML
        chart = chart_placement(el)  # `html_charts`: an interactive chart a service draws
        slides = [chart] if chart is not None else slides
        if slides is not None:
            placements.extend(slides)
            consumed.add(el)
            pending = None
            continue
        box = credit_first_box(el, page)
        if box is not None:
            # A box printing its credit above its picture: the credit is this picture's.
            placements.append(box_placement(el, box, page, media_objects))
            consumed.add(el)
            pending = None
            continue
        if tag == "figure" or (
            (el.get("itemtype") or "").lower().endswith(("/imageobject", "/videoobject"))
            and tag not in ("img", "video")
        ):
            if any(True for f in el.iter("figure") if f is not el):
                continue  # a gallery: its inner figures are the placements
            link = teaser_link(el, page)  # `html_teaser_links`: a card for another story
            if link is not None:
                left_out.extend(page.left_out_in(link, REASON_TEASER))
                consumed.add(link)
                pending = None
                continue
            found, dropped = figure_placements(el, page, media_objects)
            placements.extend(found)
            left_out.extend((el, item) for item in dropped)
            consumed.add(el)
            pending = caption_after(el, found)  # `html_figure_edges`: <figcaption> after it
            continue
        drawn = script_picture_src(el, page.url)  # `html_script_pictures`: data-image
        if drawn:
            reason = reason_from_names(name_words(el), el, page.url)
            if reason:
                left_out.append((el, LeftOut(reason, src=drawn)))
            else:
                pending = DraftPlacement(0, KIND_PICTURE, src=drawn)
                placements.append(pending)
            consumed.add(el)
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
            elif (para := caption_paragraph(pending, el, page)) is not None:  # `html_picture_text`
                consumed.add(para)
                pending = None
            continue
        if is_video_el(el) and not page.is_big(el):
            pending = video_placement(el, page.url, media_objects, caption_el=None)
            placements.append(pending)
            consumed.add(el)
            continue
        if (
            pending is not None
            and pending.kind == KIND_VIDEO
            and not (pending.title or pending.caption)
            and {"title", "description"} & set(name_words(el).split())
            and not page.has_picture(el)
            and page.text_len.get(el, 0) <= 300
        ):
            # A player's title or description printed beside it in an element named for it
            # ("vjs-title-bar", "video__description"), outside the player: the video's title
            # and caption; a credit closing it ("Title Video: Name") is the video's credit.
            title = plain(text_of(el))
            rest, line, credit = split_credit(title)
            pending.title = pending.caption = rest if line and rest else title
            if line and rest:
                pending.credit_line, pending.credit = line, credit
            consumed.add(el)
            continue
        if (
            pending is not None
            and pending.kind == KIND_VIDEO
            and pending.title
            and not pending.credit_line
            and "author" in name_words(el).split()
            and not page.has_picture(el)
            and 0 < page.text_len.get(el, 0) <= 60
        ):
            # The player's author printed under its title in an element named for it
            # ("video__author"): the video's credit line.
            pending.credit_line, pending.credit = parse_credit_text(plain(text_of(el)))
            consumed.add(el)
            continue
        if (
            pending is not None
            and pending.kind == KIND_VIDEO
            and not pending.credit_line
            and not page.has_picture(el)
            and page.text_len.get(el, 0) <= 200
            and BROADCAST_META_RE.match(plain(text_of(el)))
        ):
            # The player's meta line under its title: "Name, House, Programme 12:00 Uhr,
            # 04.12.2026", the video's credit line.
            pending.credit_line = plain(text_of(el))
            pending.credit = read_credit_line(pending.credit_line).credit
            consumed.add(el)
            continue
        if pending is not None and tag in ("h2", "h3", "h4", "h5") and text_of(el).strip():
            pending = None  # a heading ends the picture's neighbourhood (no caption after it)
        if pending is not None and (is_caption_el(el) or is_credit_el(el)):
            if is_credit_el(el) and pending.credit_line:
                # A picture has one credit line: a second "source" after it is something
                # else of the page (CNN's dateline `<div class="source">` after the lead).
                pending = None
                continue
            attach_loose_caption(pending, el)
            consumed.add(el)
            continue
        if (
            pending is not None
            and pending.kind in (KIND_PICTURE, KIND_VIDEO)
            and (not (pending.caption or pending.credit_line) or titled_by_player(pending, el))
            and tag in LOOSE_CAPTION_TAGS
            and not page.has_picture(el)
            and page.text_len.get(el, 0) <= 300
        ):
            # A picture's or a player's caption printed as the short text right after it,
            # marked by nothing but the credit line it ends with ("<p><em>Caption. Photo:
            # X</em></p>").
            rest, line, credit = split_credit(plain(text_of(el)))
            if line and rest and titled_by_player(pending, el):
                pending.title = ""  # the player's name for itself ("House video"), no title
            if line:
                pending.caption, pending.credit_line, pending.credit = rest, line, credit
                if pending.kind == KIND_VIDEO:
                    pending.title = pending.title or rest
                consumed.add(el)
                pending = None
                continue
        if (
            tag in ("p", "blockquote")
            or (tag == "li" and len(text_of(el)) > 80)
            or story_list_item(el, page.url)  # `html_boiler`: the points a paragraph lists
        ):
            if tag == "p" and has_ancestor(el, scope, lambda a: a.tag in ("blockquote", "li")):
                continue
            para = plain(text_of(el))
            if not draft.paragraphs and BYLINE_RE.match(para):
                consumed.add(el)
                continue
            if link_paragraph(el, page.url):  # `html_boiler`: a teaser's link, alone
                para = ""
            if para and not is_boilerplate(para) and para.lower() not in STOP_LINES:
                draft.paragraphs.append(para)
                pending = None
            if not page.has_picture(el):  # a picture inside a paragraph is still read
                consumed.add(el)

    add_schema_videos(placements, media_objects)
    for p in placements:
        if p.kind == KIND_PICTURE and not (p.caption or p.credit_line):
            p.needs_review = True
            p.notes.append("no caption or credit printed beside it")
        p.caption = without_separator(p.caption, p.credit_line)  # `caption_glyphs`: "… •"
        finish_credit(p, media_objects)
    drop_kind_labels(placements)
    mark_stills(placements)
    draft.placements = placements
    left_out.sort(key=lambda pair: order.get(pair[0], len(order)))
    in_page = [item for _el, item in left_out]
    draft.left_out = dedupe_left_out(share_images(root, og, placements, in_page) + in_page)
    if not draft.paragraphs:
        warnings.append("no paragraphs of text found")
    return draft


def _author_names(root, article_obj: dict) -> set[str]:
    """The names of the article's authors, as its metadata gives them (to know headshots)."""
    names = set()
    for value in (schema_text(article_obj.get("author")), meta_content(root, "author")):
        for name in re.split(r",| and ", value or ""):
            name = norm(name).casefold()
            if len(name) > 3 and not name.startswith(("http", "www.")):
                names.add(name)
    return names
