"""Reading a page's elements: what its class, id and data-* names say, captions, credits,
pictures and video players, and picture addresses as keys.

Shared by the HTML reader (`html.py` and its `html_*.py` parts) and the page-furniture rules
(`furniture.py`).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from archive.articles.caption_controls import is_caption_control
from archive.articles.caption_credits import split_credit
from archive.articles.draft import norm, plain, text_of
from archive.articles.figure_cites import is_figure_cite
from archive.articles.html_lazy import frame_src
from archive.articles.html_video_boxes import player_in_video_box
from archive.articles.img_loader_src import loader_src

REMOVE_FIRST = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "canvas",
    "object",
    "embed",
    "select",
    "textarea",
    "input",
    "math",
)
# Removed once the pictures in them are listed as left out (a site header's logo).
REMOVE_TAGS = ("form", "button", "nav", "footer")
BOILER_CLASS_WORDS = (
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
    "twitch.tv",
    "/video",
    "player",
)


def classes_of(el) -> str:
    return (el.get("class") or "").lower() + " " + (el.get("id") or "").lower()


def walk_tree(root):
    """Elements in document order (iterative)."""
    return (el for el in root.iter() if isinstance(el.tag, str))


def has_ancestor(el, stop, predicate) -> bool:
    node = el.getparent()
    while node is not None and node is not stop:
        if predicate(node):
            return True
        node = node.getparent()
    return False


def enclosing_link(el, stop, levels: int = 3):
    """The ``<a>`` holding ``el`` within ``levels`` ancestors below ``stop``, or None."""
    node = el.getparent()
    for _depth in range(levels):
        if node is None or node is stop:
            return None
        if node.tag == "a":
            return node
        node = node.getparent()
    return None


def _credit_signal(el) -> bool:
    itemprop = (el.get("itemprop") or "").lower()
    if any(p in _CREDIT_ITEMPROPS for p in itemprop.split()):
        return True
    return class_says(el, _CREDIT_CLASS_WORDS) or _media_author(el) or is_figure_cite(el)


# "photo-author", "image__author", "fotoAutor": the author of the picture, not the story's
_MEDIA_WORDS = frozenset(("photo", "image", "picture", "pic", "img", "foto", "kuva", "bild"))


def _media_author(el) -> bool:
    words = _class_words(el)
    return any(
        a in _MEDIA_WORDS and b in ("author", "autor", "autori", "tekija")
        for a, b in zip(words, words[1:], strict=False)
    )


def _class_words(el) -> list[str]:
    raw = f"{el.get('class') or ''} {el.get('id') or ''}"
    return [w for w in _NAME_SPLIT_RE.split(_CAMEL_RE.sub(" ", raw).lower()) if w]


# Words that name a credit only as a whole word or its beginning: "resource" is no "source",
# "copyrights" is "copyright"s; "imagecredit" and "photographer" are credits.
_PREFIX_ONLY_WORDS = frozenset({"source", "rights"})


def class_says(el, words) -> bool:
    """Whether a word of an element's class or id names it as one of `words` ("image__credit",
    "photoCredit", "imagecredit", "credits"), never a word that only contains one."""
    for name in _class_words(el):
        for w in words:
            if name.startswith(w) or (w not in _PREFIX_ONLY_WORDS and name.endswith(w)):
                return True
    return False


def _caption_signal(el) -> bool:
    if el.tag == "figcaption":
        return True
    itemprop = (el.get("itemprop") or "").lower()
    if "caption" in itemprop.split():
        return True
    return any(w in classes_of(el) for w in _CAPTION_CLASS_WORDS)


def _reads_as_credit(el) -> bool:
    """For an element named both ways (CNN's `<div class="image__caption attribution">`
    holding the caption, `<figcaption class="image__credit">` holding the credit): whether
    its text is a credit line or a name rather than a caption."""
    text = plain(text_of(el))
    if not text or len(text) > 100 or _beside_its_credit(el):
        return False
    rest, line, _credit = split_credit(text)
    return bool(line and not rest) or looks_like_a_name(text)


def _beside_its_credit(el) -> bool:
    """Whether ``el``, its class naming it a caption, has a sibling whose class names it a
    credit and not a caption (CNN's `image__caption attribution` beside `image__credit`):
    the sibling is the credit, ``el`` the caption, whatever its text."""
    named_caption = (
        any(w in classes_of(el) for w in _CAPTION_CLASS_WORDS)
        or "caption" in (el.get("itemprop") or "").lower().split()
    )
    parent = el.getparent()
    if not named_caption or parent is None:
        return False
    return any(
        isinstance(sib.tag, str)
        and sib is not el
        and class_says(sib, _CREDIT_CLASS_WORDS)
        and not any(w in classes_of(sib) for w in _CAPTION_CLASS_WORDS)
        for sib in parent
    )


def is_credit_el(el) -> bool:
    if not _credit_signal(el):
        return False
    return not _caption_signal(el) or _reads_as_credit(el)


def is_caption_el(el) -> bool:
    if not _caption_signal(el) or is_caption_control(el):  # `caption_controls`
        return False
    return not _credit_signal(el) or not _reads_as_credit(el)


def img_src(img, base: str) -> str:
    # A lazy-loaded picture keeps a placeholder (a data: URI) in src until it scrolls into
    # view; its address waits in data-src, data-original or data-lazy-src.
    # A placeholder file may stand in src instead ("/img/placeholder.svg", "blank.gif", a
    # logo in a picture marked "lazy"): the address in data-src is then the picture's.
    names = ("src", "data-src", "data-original", "data-lazy-src")
    if _lazy_placeholder(img):
        names = names[1:]
    addresses = (img.get(a) or "" for a in names)
    src = next((a for a in addresses if a.strip() and not a.startswith("data:")), "")
    if not src:
        srcset = img.get("srcset") or img.get("data-srcset") or ""
        src = srcset.split(",")[0].strip().split(" ")[0] if srcset else ""
    src = loader_src(img, src)  # `img_loader_src`: "leer.gif" and data-retina-src
    if src.startswith("data:"):
        return ""
    src = src.strip()
    return join_url(base, src)


_PLACEHOLDER_FILE_RE = re.compile(
    r"(?:^|[/_.-])(?:placeholder|blank|spacer|lazy|loading|loader|transparent|pixel|1x1|grey|gray)"
    r"[\w-]*\.(?:svg|gif|png|jpe?g|webp)(?:[?#].*)?$",
    re.IGNORECASE,
)


def _lazy_placeholder(img) -> bool:
    """Whether an image's src holds a placeholder while a lazy loader's attribute holds the
    picture: a file named for it, or any file in an image its classes mark lazy."""
    lazy = next(
        (img.get(a) for a in ("data-src", "data-original", "data-lazy-src") if img.get(a)), ""
    )
    src = (img.get("src") or "").strip()
    if not lazy.strip() or not src or src.startswith("data:") or src == lazy.strip():
        return False
    return bool(_PLACEHOLDER_FILE_RE.search(src)) or any(
        "lazy" in word for word in (img.get("class") or "").lower().split()
    )


def _is_tracking_pixel(img) -> bool:
    for attr in ("width", "height"):
        value = (img.get(attr) or "").strip().rstrip("px")
        if value.isascii() and value.isdigit() and int(value) <= 2:
            return True
    return False


_VIDEO_ATTRS = (
    "data-video",
    "data-video-id",
    "data-video-src",
    "data-video-url",
    "data-videoid",
    "data-video-player",
    "data-jw-player",
    "data-playlist-id",
)
_VIDEO_NAME_WORDS = frozenset(
    "jwplayer brightcove videojs vjs mediaplayer videoplayer youtube vimeo".split()
)
_VIDEO_NAME_PHRASES = (
    " video player ",
    " media player ",
    " video block ",
    " video embed ",
    " site video ",
    " article video ",
    " inline video ",
    " embedded video ",
    " jw player ",
)


# A player element holding a video file's address for its script ("data-src=.../clip.mp4")
_VIDEO_FILE_RE = re.compile(r"\.(?:mp4|m3u8|webm|mov|mpd)(?:[?#].*)?$", re.IGNORECASE)


def is_video_el(el) -> bool:
    """A video player: <video>, an iframe of a video host, a player element or a VideoObject."""
    if el.tag == "video":
        return True
    if el.tag == "iframe":
        src = frame_src(el).lower()  # `html_lazy`: a lazy loader's data-*-src
        return any(h in src for h in _VIDEO_HOSTS)
    if el.tag == "img":
        return False
    itemtype = (el.get("itemtype") or "").lower()
    if itemtype.endswith("/videoobject"):
        return True
    names = name_words(el)
    marked = (
        any(el.get(a) for a in _VIDEO_ATTRS)
        or _VIDEO_FILE_RE.search(el.get("data-src") or "") is not None
        or (el.get("data-media-type") or el.get("data-type") or "").lower() == "video"
        or bool(set(names.split()) & _VIDEO_NAME_WORDS)
        or any(p in names for p in _VIDEO_NAME_PHRASES)
        or player_in_video_box(el, names)  # "video_wrap" > "player": `html_video_boxes`
    )
    if not marked and "video" in names.split():
        # A player named only "video" (CNN's "video-resource"): its poster, with the play
        # control or running time a player prints over it.
        marked = any(True for _m in el.iter("img", "picture")) and _has_player_controls(el)
    if not marked:
        return False
    # A player holds its poster or is filled by a script; a box of text ("video-player__caption")
    # named after the player is its caption, not a second player.
    # (A script-filled player may show its poster as a background and print its title and
    # running time: its controls say it is the player.)
    media = any(True for _m in el.iter("img", "video", "iframe", "picture"))
    return media or len(text_of(el)) <= 20 or _has_player_controls(el)


_DURATION_RE = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
_PLAY_RE = re.compile(r"\bplay\b", re.IGNORECASE)


def _has_player_controls(el) -> bool:
    """A play control ("Play video", class "play-button") or a running time ("00:58")."""
    for e in el.iter():
        if not isinstance(e.tag, str) or e is el:
            continue
        label = e.get("aria-label") or e.get("title") or ""
        if _PLAY_RE.search(label) or "play" in name_words(e).split():
            return True
        if not len(e) and _DURATION_RE.match(norm(e.text or "")):
            return True
    return False


PICTURE_BOX_WORDS = (
    "photo",
    "image",
    "img",
    "picture",
    "pic",
    "media",
    "foto",
    "bild",
    "imagen",
    "immagine",
)


def is_media(el) -> bool:
    return el.tag == "img" or (el.tag != "picture" and is_video_el(el))


def url_key(u: str) -> str:
    if not u:
        return ""
    try:
        parts = urlsplit(u.strip())
    except ValueError:  # e.g. "Invalid IPv6 URL"
        return u.strip()
    return (parts.netloc.lower() + parts.path).rstrip("/") or u.strip()


def join_url(base: str, src: str) -> str:
    if not (base and src):
        return src
    try:
        return urljoin(base, src)
    except ValueError:
        return src


_NAME_ATTRS = (
    "class",
    "id",
    "role",
    "itemprop",
    "data-component",
    "data-testid",
    "data-area",
    "data-gu-name",
    "data-e2e",
    "data-type",
    "data-block-type",
)
_CAMEL_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NAME_SPLIT_RE = re.compile(r"[^a-z0-9]+")


def name_words(el) -> str:
    """The words of an element's class, id, role and data-* names, " space separated "."""
    raw = " ".join(el.get(a) or "" for a in _NAME_ATTRS)
    if not raw.strip():
        return ""
    words = _NAME_SPLIT_RE.split(_CAMEL_RE.sub(" ", raw).lower())
    return " " + " ".join(w for w in words if w) + " "


_NAME_WORD_RE = re.compile(r"^(?:[^\W\d_][\w.'’/-]*|\(?[A-Z]{2,}\)?|/|&|-|–|—)$")
# A network's handle after the network's name ("X / @CityMedics", "Instagram @townhall")
_HANDLE_RE = re.compile(r"^@[\w.]{2,30}$")
_NAME_PARTICLES = frozenset(
    "de del della di da dos das du la le van von der den ten y i e and of for via".split()
)


def looks_like_a_name(text: str) -> bool:
    """Whether a short text reads as a photographer's or agency's name ("Massimo Rinaldi",
    "Anna de la Fuente / EFE", "(The Daily Post)" in its brackets), not a sentence."""
    if text[:1] in "([" and text[-1:] in ")]" and len(text) > 2:
        return looks_like_a_name(text[1:-1].strip())
    head, comma, tail = text.partition(", ")
    if comma and "," not in tail:  # "Kevin Dietsch, Getty Images": a name and its agency
        return looks_like_a_name(head) and looks_like_a_name(tail)
    words = text.split()
    if not 1 <= len(words) <= 7 or len(text) > 60 or text[-1] in ".!?:,;":
        return False
    if not text[0].isupper():
        return False
    capital = 0
    for word in words:
        if word.lower() in _NAME_PARTICLES or word in "/&-–—" or _HANDLE_RE.match(word):
            continue
        if not _NAME_WORD_RE.match(word) or not word.lstrip("(")[:1].isupper():
            return False
        capital += 1
    return capital >= 1


# Tags that flow inside a line of text; anything else (div, figure, table...) ends a run.
_INLINE_TAGS = frozenset(
    "a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup time "
    "u var".split()
)
_TEXT_BLOCK_TAGS = frozenset("p li blockquote figcaption h1 h2 h3 h4 h5 h6 pre td th dt dd".split())
_MIN_LOOSE_TEXT = 80


def _loose_text(el) -> str:
    return (el.text or "") + "".join(child.tail or "" for child in el)


def wrap_loose_text(scope) -> None:
    """Wrap the story's text printed straight in a box, in runs cut by <br>, into <p> elements.

    Some pages print the story as text in a <div>, paragraphs cut by `<br><br>` and pictures
    in boxes between them (The Times of India); a run of that text is read as the paragraph
    it is, in its place among the pictures. Caption and credit elements are left alone.
    """
    boxes = [
        el
        for el in walk_tree(scope)
        if el.tag not in _TEXT_BLOCK_TAGS
        and el.tag not in _INLINE_TAGS
        and len(norm(_loose_text(el))) >= _MIN_LOOSE_TEXT
        and any(isinstance(c.tag, str) and c.tag not in _INLINE_TAGS for c in el)
        and not is_caption_el(el)
        and not is_credit_el(el)
    ]
    for box in boxes:
        _wrap_runs(box)


def _wrap_runs(box) -> None:
    from lxml.html import Element

    layout: list = []  # the box's new children: block elements and runs (lists of pieces)
    pieces: list = [box.text or ""]  # the open run: text and inline elements, in order
    box.text = None

    def close_run() -> None:
        if any(norm(p if isinstance(p, str) else text_of(p)) for p in pieces):
            layout.append(list(pieces))
        pieces.clear()

    for child in list(box):
        tail, child.tail = child.tail or "", None
        box.remove(child)
        if isinstance(child.tag, str) and child.tag in _INLINE_TAGS:
            pieces.append(child)
        else:  # a block element, a <br> or a comment ends the run
            close_run()
            if isinstance(child.tag, str) and child.tag != "br":
                layout.append(child)
        pieces.append(tail)
    close_run()
    for item in layout:
        if not isinstance(item, list):
            box.append(item)
            continue
        p = Element("p")
        last = None
        for piece in item:
            if isinstance(piece, str):
                if last is None:
                    p.text = (p.text or "") + piece
                else:
                    last.tail = (last.tail or "") + piece
            else:
                p.append(piece)
                last = piece
        box.append(p)
