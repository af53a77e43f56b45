"""A picture's or video's placement read from the page: a figure's pictures or its video, a
player with its title, posters and caption, a caption printed loosely after a picture, videos
only the page's schema.org metadata describes, and a missing credit filled from that
metadata. Used by `html`.
"""

from __future__ import annotations

import re

from archive.agencies import canonical_credit
from archive.articles.caption_credits import parse_credit_text, split_credit
from archive.articles.credit_lines import read_credit_line
from archive.articles.dom import (
    classes_of,
    has_ancestor,
    img_src,
    is_caption_el,
    is_credit_el,
    is_video_el,
    join_url,
    name_words,
    url_key,
)
from archive.articles.draft import (
    KIND_PICTURE,
    KIND_VIDEO,
    DraftPlacement,
    LeftOut,
    norm,
    plain,
    text_of,
)
from archive.articles.furniture import (
    REASON_AD,
    REASON_LOGO,
    REASON_TEASER,
    reason_from_img,
)
from archive.articles.html_affiliates import sells
from archive.articles.html_captions import (
    caption_and_credit,
    caption_element,
    credit_without_label,
    furniture_text_els,
    has_media_label,
    is_counter,
    outermost,
)
from archive.articles.html_copyright import signed_credits
from archive.articles.html_lazy import frame_src
from archive.articles.html_page import Page
from archive.articles.html_players import player_headline, without_running_time
from archive.articles.structured_data import (
    schema_credit,
    schema_text,
    schema_types,
    schema_urls,
)
from archive.text import credit_key


def figure_placements(fig, page: Page, media_objects: list[dict]):
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
        placement = video_placement(
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
        if not reason and sells(img, fig.getparent()):  # `html_affiliates`: a shop's link
            reason = REASON_AD
        if caption_el is None and not reason:
            link = page.link_of(img)
            if link is not None and has_ancestor(img, fig, lambda a, link=link: a is link):
                reason = REASON_TEASER
        if reason and (reason in (REASON_LOGO, REASON_AD) or caption_el is None):
            dropped.append(
                LeftOut(reason, caption=caption, alt=plain(img.get("alt") or ""), src=src)
            )
            continue
        imgs.append(img)
    if not imgs:
        # (An AMP page's <amp-img>: a figure printing a caption or only a credit line.)
        if not (caption or credit_line) or dropped or fig.find(".//table") is not None:
            return [], dropped  # (a figure of a table: a box of text, no picture)
        imgs = [None]
    out = []
    for img in imgs:
        own = _slide_caption(fig, img)  # a slider's slide: its own caption, not the first's
        p = DraftPlacement(
            0,
            KIND_PICTURE,
            caption=own[0] if own else caption,
            credit_line=own[1] if own else credit_line,
            credit=own[2] if own else credit,
            alt=plain(img.get("alt") or "") if img is not None else "",
            src=img_src(img, base) if img is not None else "",
        )
        if img is None:
            p.notes.append("figure without an image element")
        out.append(p)
    return out, dropped


def _slide_caption(fig, img) -> tuple[str, str, str] | None:
    """(caption, credit line, credit) of a picture in a figure that prints a caption for each
    of its pictures (a slider's slides, "1 / 3"): the caption in the picture's own slide, the
    closest element around it holding one caption element; None for a figure of one caption."""
    if img is None:
        return None
    captions = [
        e for e in fig.iter() if isinstance(e.tag, str) and e is not fig and is_caption_el(e)
    ]
    if len(outermost(captions)) < 2:
        return None
    node = img.getparent()
    while node is not None and node is not fig:
        inside = [
            c for c in outermost(captions) if c is node or any(a is node for a in c.iterancestors())
        ]
        if len(inside) == 1:
            found = caption_and_credit(node, inside[0])
            return found[0], found[1], found[2]
        if inside:
            return None
        node = node.getparent()
    return None


# An embedded player's own title for screen readers ("YouTube video player", "Vimeo embed",
# "Embedded video"): it names the player, not the video.
_PLAYER_TITLE_RE = re.compile(
    r"^(?:(?:youtube|vimeo|dailymotion|facebook|jw|brightcove|twitter|x)\s+)?"
    r"(?:embedded\s+)?(?:video\s+)?(?:player|embed|video|content)$",
    re.IGNORECASE,
)


def video_placement(el, base, media_objects, caption_el=None, container=None):
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
    title = title or player_headline(el, container)  # `html_players`
    named = plain(el.get("title") or el.get("aria-label") or el.get("data-title") or "")
    title = title or ("" if _PLAYER_TITLE_RE.match(named) else named)
    src = frame_src(el) if el.tag == "iframe" else el.get("src") or el.get("data-src") or ""
    if not src:
        source = next(iter(el.iter("source")), None)
        src = source.get("src") if source is not None else ""
    src = join_url(base, src)
    labelled = has_media_label(container)  # before the caption's furniture is taken off
    caption, credit_line, credit, _found = caption_and_credit(container, caption_el)
    if not (caption or credit_line) and container is el:
        caption, credit_line, credit = _box_caption(el)
    credit_line, credit = without_running_time(credit_line, credit)  # `html_players`
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


def _box_caption(box) -> tuple[str, str, str]:
    """(caption, credit line, credit) of a player's box ("art-video") holding the player and,
    after it, a box of text marked by nothing but the credit line it ends with."""
    for child in box:
        if not isinstance(child.tag, str) or is_video_el(child):
            continue
        if any(True for _m in child.iter("img", "video", "iframe", "picture")):
            continue
        rest, credit_line, credit = split_credit(plain(text_of(child)))
        if credit_line:
            return rest, credit_line, credit
    return "", "", ""


# Elements that may print a picture's caption right after it with no caption name.
# (and "dd": a `<dl>` gallery's caption under the `<dt>` holding its picture, UNIAN's)
LOOSE_CAPTION_TAGS = frozenset(("p", "small", "em", "i", "span", "div", "cite", "dd"))


def attach_loose_caption(p: DraftPlacement, el) -> None:
    heading = next((h for h in el.iter("h2", "h3", "h4", "h5", "h6") if text_of(h)), None)
    skip = set()
    if p.kind == KIND_VIDEO and heading is not None and not p.title:
        # A player's caption box: its heading is the video's title, the rest its caption.
        p.title = plain(text_of(heading))
        skip.add(heading)
    credits = outermost([e for e in el.iter() if e is not el and is_credit_el(e)])
    credits = credits or signed_credits(el)  # `html_copyright`: "<span>© Name</span>"
    own_credit = False
    if credits and not (is_credit_el(el) and not is_caption_el(el)):
        # A caption box with its credit in an element of its own ("video-player__source").
        credit_line, credit = parse_credit_text(credit_without_label(plain(text_of(credits[0]))))
        if credit_line:
            p.credit_line, p.credit = credit_line, credit
            skip.update(credits)
            own_credit = True
    skip.update(e for e in el.iter() if isinstance(e.tag, str) and not len(e) and is_counter(e))
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


def add_schema_videos(placements, media_objects) -> None:
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


def finish_credit(p: DraftPlacement, media_objects: list[dict]) -> None:
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
