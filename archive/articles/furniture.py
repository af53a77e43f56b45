"""Page furniture: the pictures on a news page that are not part of the story (authors'
pictures, adverts, teasers for other stories, logos, newsletter sign-ups), each with the reason
it is left out of the draft.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from archive.articles.dom import is_caption_el, join_url, name_words, url_key
from archive.articles.draft import norm, plain, text_of
from archive.articles.html_figure_edges import is_lazy_preview
from archive.articles.html_styles import hidden_beacon, loader_file, style_pixels
from archive.articles.text_lines import _TEASER_LABELS as _TEXT_TEASER_LABELS

REASON_AUTHOR = "author's picture"
REASON_AD = "advertisement"
REASON_TEASER = "teaser for another story"
REASON_SHARE = "share image, not in the article"
REASON_LOGO = "logo or icon"
REASON_SMALL = "too small to be a news picture"
REASON_NEWSLETTER = "newsletter sign-up"

# Words of class, id, role and data-* names, matched as whole words ("ad" is not "header").
_AD_WORDS = frozenset(
    """ad ads advert adverts advertisement advertisements advertising adslot adunit adbox
    adcontainer adwrapper dfp gpt googletag adsbygoogle sponsored sponsor promoted dianomi
    teads publicidad publicidade pubblicita publicite werbung reklama""".split()
)
# the author's picture, named in English or (the last line) Nordic and Finnish words
_AUTHOR_WORDS = frozenset(
    """author authors byline bylines avatar avatars headshot headshots profile profiles
    contributor contributors bio biography columnist
    forfatter forfattare skribent hofundur hofundar kirjoittaja""".split()
)
_TEASER_WORDS = frozenset(
    """related teaser teasers card cards outbrain taboola recommended recommendations
    recommendation mostread mostpopular morestories readmore richlink onward onwards trending
    storylink storypromo""".split()
)
# Widgets that fill a box with other pages' stories (their links are often added by script).
_RECIRCULATION_WORDS = frozenset("outbrain taboola plista revcontent mgid".split())
_TEASER_PHRASES = (
    "more stories",
    "most read",
    "most popular",
    "read more",
    "rich link",
    "more on",
    "read next",
    "also read",
    "read also",  # "read-also" (UNIAN's "Читайте також" box)
    "see also",
    "more from",
    "you may like",
)
# The publisher's own calls to action: become a member, donate, support us (an appeal box:
# "support-box", "supportUs", Hungarian "tamogatas"; a "premium" box, but not a <figure>:
# a paywalled story's own figure is "is-premium" too).
_HOUSE_PROMO_WORDS = frozenset(
    """cta calltoaction membership memberships donate donation donations contribute
    paywall abbonati abbonamento abbonamenti abbonarsi abonnement abonnements abonnieren abo
    abonne abonnez assine assinatura assinante suscripcion suscribete suscribirse tilaa tilaus
    prenumerera prenumeration prenumeruj abonner
    support supporter supporters supportus tamogatas tamogass spenden unterstuetzen""".split()
)
_NEWSLETTER_WORDS = frozenset("newsletter newsletters signup subscribe subscription".split())
_LOGO_WORDS = frozenset("logo logos icon icons sprite sprites emoji favicon share social".split())

# A label printed on a block of furniture, as the whole text of one of its elements.
AD_LABELS = frozenset(
    [
        "advertisement",
        "advertising",
        "ad",
        "sponsored",
        "sponsored content",
        "paid content",
        "partner content",
        "anzeige",
        "werbung",
        "publicité",
        "publicidad",
        "publicidade",
        "pubblicità",
        "реклама",
    ]
)
TEASER_LABELS = frozenset(
    [
        "read more",
        "related",
        "related stories",
        "related articles",
        "related content",
        "related topics",
        "more on this story",
        "more on this",
        "most read",
        "most popular",
        "recommended",
        "recommended for you",
        # a player of another story's video under the article ("Video recomendado")
        "recommended video",
        "recommended videos",
        "video recomendado",
        "videos recomendados",
        "vídeo recomendado",
        "vídeos recomendados",
        "vidéo recommandée",
        "vidéos recommandées",
        "empfohlenes video",
        "video consigliato",
        "video consigliati",
        "read next",
        "you may also like",
        "you might also like",
        "more from",
        "also read",
        "see also",
        "top stories",
        "lire aussi",
        "à lire aussi",
        "a lire aussi",
        "lesen sie auch",
        "mehr zum thema",
        "читайте также",
        "по теме",
    ]
)
# The text copies' teaser labels of two words or more ("LEGGI ANCHE", "LES OGSÅ", "LEES OOK"):
# printed alone in a card's label element on a saved page, they name it a teaser too. One word
# ("LIVE", "MORE") is no label on its own in a box: a player's badge may print it.
TEASER_LABELS |= frozenset(t.lower() for t in _TEXT_TEASER_LABELS if len(t.split()) >= 2)
_LABEL_PUNCT = " :.-–—|>»›\u00a0"


def reason_from_names(names: str, el, page_url: str = "") -> str:
    """The furniture an element's names say it is, or ""."""
    if not names:
        return ""
    words = set(names.split())
    if words & _AD_WORDS:
        return REASON_AD
    if words & _AUTHOR_WORDS or (el.get("rel") or "").lower() == "author":
        return REASON_AUTHOR
    if words & _NEWSLETTER_WORDS:
        return REASON_NEWSLETTER
    if words & _RECIRCULATION_WORDS:
        return REASON_TEASER  # a widget of other stories, whether or not its links show
    if words & _TEASER_WORDS or any(f" {p} " in names for p in _TEASER_PHRASES):
        # A teaser leads to another story; a "card" that leads nowhere is the story's own
        # figure (Ghost's "kg-card kg-image-card", a CMS's "media-card").
        if links_elsewhere(el, page_url):
            return REASON_TEASER
    if words & _HOUSE_PROMO_WORDS or ("premium" in words and getattr(el, "tag", "") != "figure"):
        return REASON_AD
    if "promo" in words or "promos" in words:
        return REASON_TEASER if links_elsewhere(el, page_url) else REASON_AD
    if words & _LOGO_WORDS:
        return REASON_LOGO
    return ""


def label_text(text: str) -> str:
    return norm(text).strip(_LABEL_PUNCT).lower()


def reason_from_label(container, exclude) -> str:
    """The furniture a short block's printed label says it is ("Advertisement", "READ MORE")."""
    for el in container.iter():
        if not isinstance(el.tag, str) or el in exclude or is_caption_el(el):
            continue
        if el.tag in ("img", "figure", "figcaption", "picture"):
            continue
        label = label_text(text_of(el))
        if not label or len(label) > 40:
            continue
        if label in AD_LABELS:
            return REASON_AD
        if label in TEASER_LABELS:
            return REASON_TEASER
        # "READ MORE: Putin's ally ..." printed as one element
        head = label.split(":", 1)[0].strip(_LABEL_PUNCT) if ":" in label else ""
        if head in TEASER_LABELS:
            return REASON_TEASER
    return ""


_SIGNUP_RE = re.compile(
    r"\b(?:sign\s*up|subscribe|register|get|receive|join)\b.{0,80}\bnewsletters?\b"
    r"|\bnewsletters?\b.{0,80}\b(?:sign\s*up|subscribe)\b"
    r"|\b(?:suscr[ií]b|inscri[bv]|abonn|abonnier|anmeld|підпиш|подпиш)\w*\b.{0,80}"
    r"\b(?:newsletter|bolet[ií]n|infolettre|lettre|розсилк\w*|рассылк\w*)",
    re.IGNORECASE,
)


# A donation appeal: "Support our journalism", "Support X's independent journalism", "Make a
# contribution", "Donate now".
_APPEAL_RE = re.compile(
    r"^(?:support\b.{0,60}\bjournalism\b|make a contribution\b|donate(?: now| today)?\b)",
    re.IGNORECASE,
)


def appeals_for_support(text: str) -> bool:
    """Is this short text a box's appeal for the reader's money ("Support our journalism")?"""
    return len(text) <= 120 and bool(_APPEAL_RE.search(text))


# An invitation to get the paper's news on a messaging app ("Receba as principais notícias
# de GZH no WhatsApp", "Join our Telegram channel"): a channel sign-up, like a newsletter's.
_CHANNEL_SIGNUP_RE = re.compile(
    r"^(?:receba|receive|get|join|follow|siga|sigue|recibe|únete|suivez|rejoignez|abonnez)\b"
    r".{0,80}\b(?:WhatsApp|Telegram)\b",
    re.IGNORECASE,
)


def invites_signup(text: str) -> bool:
    """Does this short text invite the reader to sign up for a newsletter (or the paper's
    channel on a messaging app)?"""
    return len(text) <= 300 and bool(_SIGNUP_RE.search(text) or _CHANNEL_SIGNUP_RE.search(text))


def reason_from_signup(container) -> str:
    """A short box inviting the reader to sign up for a newsletter ("Sign up for Ukraine
    Business Live, our weekly newsletter"): its picture is the newsletter's."""
    if invites_signup(plain(text_of(container))):
        return REASON_NEWSLETTER
    return ""


_IMAGE_EXT_RE = re.compile(r"\.(jpe?g|png|gif|webp|avif|tiff?|bmp)$", re.IGNORECASE)
# A photo gallery's page ("/region/foto", "/fotogalerie"): where a story's own picture links
# to, not another article.
_GALLERY_PATH_RE = re.compile(
    r"/(?:foto|fotos|fotky|fotogalerie|fotogaleria|galeria|galerie|gallery|photos|"
    r"bildergalerie|fotogalerij)$",
    re.IGNORECASE,
)


def link_target(a, page_url: str) -> str:
    """The article a link leads to, or "" for anchors, images, scripts and this page."""
    href = (a.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return ""
    target = join_url(page_url, href)
    try:
        parts = urlsplit(target)
    except ValueError:
        return ""
    path = parts.path.rstrip("/")
    if not path or _IMAGE_EXT_RE.search(path) or _GALLERY_PATH_RE.search(path):
        return ""
    if page_url and url_key(target) == url_key(page_url):
        return ""
    return target


def links_elsewhere(el, page_url: str = "") -> bool:
    return any(link_target(a, page_url) for a in el.iter("a"))


_SMALL_MAX = 100
_SRC_WIDTH_RE = re.compile(
    r"[?&](?:w|width|resize)=(\d{1,4})(?:&|$)|/(?:w_|width[=_/])(\d{1,4})[/,]"
)
_LOGO_SRC_RE = re.compile(
    r"(?:^|[/_.-])(?:logo|logos|icon|icons|sprite|sprites|favicon|emoji|badge|qrcode|qr-code|qr)"
    r"(?:[/_.-]|$)"
    r"|\.svg$",
    re.IGNORECASE,
)
_AUTHOR_SRC_RE = re.compile(
    r"(?:^|[/_.-])(?:avatar|avatars|headshot|headshots|byline|bylines|profile|profiles|"
    r"contributor|contributors|authors?|autor|autoren|auteur|auteurs|staff)(?:[/_.-]|$)",
    re.IGNORECASE,
)
_NEWSLETTER_SRC_RE = re.compile(r"(?:^|[/_.-])newsletters?(?:[/_.-]|$)", re.IGNORECASE)
# An ad server's host ("ads.example", "adserver.example") or a banner in one of the standard
# advert sizes ("/banner/300x600/"): an advert, wherever on the page it sits.
_AD_SRC_RE = re.compile(
    r"^(?:[\w-]+\.)*(?:ads?|adserver|ad-server|adsrv|[\w-]*-adserver)\."
    r"|(?:^|[/_.-])(?:728x90|300x250|300x600|160x600|970x250|970x90|320x50|320x100|336x280|"
    r"468x60|120x600)(?:[/_.-]|$)",
    re.IGNORECASE,
)
_TRACKER_SRC_RE = re.compile(
    r"doubleclick|googlesyndication|scorecardresearch|facebook\.com/tr|/pixel|pixel\.|"
    r"beacon|/b\.gif|spacer\.gif|/1x1|analytics|chartbeat|quantserve|adservice",
    re.IGNORECASE,
)


def _url_path(src: str) -> str:
    try:
        return urlsplit(src).path if src else ""
    except ValueError:  # e.g. "Invalid IPv6 URL" in a damaged page
        return ""


def _url_host(src: str) -> str:
    try:
        return urlsplit(src).hostname or ""
    except ValueError:
        return ""


def _dimension(img, attr: str) -> int | None:
    value = (img.get(attr) or "").strip().lower().removesuffix("px").strip()
    if value.isascii() and value.isdigit():
        return int(value)
    return style_pixels(img, attr)  # `html_styles`: "width: 18px" in its inline style


def reason_from_img(img, src: str) -> str:
    """What an image's own attributes say it is: "" (a picture), furniture, or "pixel"."""
    dims = [d for d in (_dimension(img, "width"), _dimension(img, "height")) if d is not None]
    if (dims and min(dims) <= 2) or (src and _TRACKER_SRC_RE.search(src) and not dims):
        return "pixel"
    if loader_file(src) or hidden_beacon(img):  # `html_styles`: a spinner, a hidden beacon
        return "pixel"
    path = _url_path(src)
    if src and (_AD_SRC_RE.search(_url_host(src)) or _AD_SRC_RE.search(path)):
        return REASON_AD
    reason = reason_from_names(name_words(img), img)
    if reason:
        return reason
    if path and _LOGO_SRC_RE.search(path):
        return REASON_LOGO
    if path and _AUTHOR_SRC_RE.search(path):
        return REASON_AUTHOR
    if path and _NEWSLETTER_SRC_RE.search(path):
        return REASON_NEWSLETTER
    if dims and min(dims) <= _SMALL_MAX:
        return REASON_SMALL
    match = _SRC_WIDTH_RE.search(src or "")
    if match and int(match.group(1) or match.group(2)) <= _SMALL_MAX and not is_lazy_preview(img):
        return REASON_SMALL  # (a lazy loader's blurred preview is the picture: `html_figure_edges`)
    return ""
