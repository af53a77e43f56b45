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

from archive.articles.kind_labels import video_label_end
from archive.articles.still_words import names_the_video_above

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
    # A video's poster images (its player's picture, its metadata's thumbnail): a picture
    # printed with one of them is a still of the video.
    posters: list[str] = field(default_factory=list)
    # Printed under the site's own caption label (the BBC's "Media caption,"): its words,
    # a "Watch:" in front included, are the caption as printed.
    caption_labelled: bool = False


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
    # From a ClaimReview on the page: its verdict as a claim status, and the claim's date.
    rating: str = ""
    claimed_on: date | None = None


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
    # Claims the page itself rates in ClaimReview markup (a fact-checker's page).
    reviewed_claims: list[ClaimCandidate] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    # The first paragraph of the story's body: those before it are the headline, the
    # standfirst and the page's furniture above the byline, which propose no claims.
    body_start: int = 0
    warnings: list[str] = field(default_factory=list)


class ArticleParseError(ValueError):
    """The source cannot be read as an article; the message says why, in plain words."""


# --------------------------------------------------------------------------------------------
# Small text helpers

_SPACE_RE = re.compile(r"\s+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"), None)
# The zero-width non-joiner and joiner spell a word between two of its letters (Persian
# "گفت‌وگو", Indic conjuncts); anywhere else they are invisible noise.
_STRAY_JOINER_RE = re.compile(r"(?<![^\W\d_])[\u200c\u200d]|[\u200c\u200d](?![^\W\d_])")


def norm(text: str) -> str:
    """Collapse whitespace (incl. no-break spaces) and drop invisible characters (a joiner
    between two letters is kept: it is part of the word's spelling)."""
    text = text.translate(_INVISIBLE)
    if "\u200c" in text or "\u200d" in text:
        text = _STRAY_JOINER_RE.sub("", text)
    return _SPACE_RE.sub(" ", text).strip()


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


_JOIN = "\x00"  # where two elements meet with nothing between them, decided at the end
_SENTENCE_END = frozenset(".!?:;,)]»”\"'’…")


def _joined(text: str) -> str:
    """Resolve the meeting points of elements printed without whitespace between them: a
    space where they are separate texts ("Barcelona.</span><span>Massimo Rinaldi",
    "Columbia</span><span>CNN"), nothing inside a word ("<b>Ky</b><b>iv</b>") or after a
    label that runs on ("Credit...</span><span>Name", as the NYT prints it)."""
    if _JOIN not in text:
        return text
    pieces = text.split(_JOIN)
    out = [pieces[0]]
    tail = pieces[0][-3:]
    for piece in pieces[1:]:
        left, right = tail[-1:], piece[:1]
        if left and right and not left.isspace() and not right.isspace():
            runs_on = tail.endswith(("...", "…"))
            separate = not runs_on and (
                left in _SENTENCE_END or ((left.islower() or left.isdigit()) and right.isupper())
            )
            if separate:
                out.append(" ")
        out.append(piece)
        tail = (tail + piece)[-3:]
    return "".join(out)


def text_of(el, exclude=frozenset()) -> str:
    """Text of an element, iteratively (no recursion), skipping the `exclude`d subtrees.

    Block elements are separated by a space; two inline elements printed side by side with
    no whitespace between them are too when they read as separate texts (see `_joined`).
    """
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
        if node is not el and isinstance(node.tag, str):
            prev = node.getprevious()
            if prev is not None and isinstance(prev.tag, str) and not prev.tail:
                parts.append(_JOIN)
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
    return norm(_joined("".join(parts)))


# --------------------------------------------------------------------------------------------
# Stills

# Wording that names the frame's video: a still "taken from the AP video above", "a moment
# captured in the video", a "screengrab", "footage shows". Enough by itself.
_STILL_SIGN_RE = re.compile(
    r"\b(?:in|from|of|on)\s+(?:the|this|that|our|a)\s+(?:[\w’'-]+\s+){0,2}"
    r"(?:video|videos|clip|footage|broadcast|livestream)\b"
    r"|\b(?:video|clip|footage)\s+(?:above|below|shows|showed|shared|posted)\b"
    r"|\bfootage\s+(?:of|from)\b"
    r"|\bstill\s+(?:image\s+)?(?:from|of|taken from)\b|\bvideo\s+(?:still|grab|frame)\b"
    r"|\bscreen\s?-?(?:grab|shot)s?\b|\bframe\s+(?:from|of)\b|\bgrab\s+from\b"
    r"|\bcaptured\s+(?:on|in)\s+(?:the\s+)?(?:camera|video|film)\b"
    # other languages: "captura de vídeo", "fotograma", "capture d'écran", "image tirée
    # d'une vidéo", "Standbild", "Videostill", "кадр из видео", "кадр з відео", "скриншот"
    r"|\bcaptura\s+de\s+(?:v[ií]deo|pantalla)\b|\bfotograma\b|\bcapture\s+d['’]\s?[ée]cran\b"
    r"|\btir[ée]e?s?\s+d['’]\s?une\s+vid[ée]o\b|\bstandbild\b|\bvideostill\b"
    r"|\bкадр\s+(?:из|з|із)\s+відео|\bкадр\s+из\s+видео|\bскриншот"
    # "em imagem do vídeo acima", "imagen del vídeo", "immagine del video", "image de la
    # vidéo", "(no) vídeo acima": a frame of the video, in Romance languages
    r"|\bimm?a(?:gem|gen|gine|ge)\s+(?:do|del|dal|della|de\s+la|da)\s+v[ií]d[ée]o\b"
    r"|\bv[ií]d[ée]o\s+(?:acima|abaixo|arriba|sopra|ci-dessus|ci-dessous)\b"
    # "Szene aus dem Video oben", "bilde fra videoen over", "beeld uit de video hierboven",
    # "bild ur videon ovan": a frame of the video, in Germanic languages
    r"|\b(?:aus|fra|frå|från|ur|uit)\s+(?:dem\s+|de\s+)?video(?:en|n)?\b"
    r"|\bvideo\s+(?:oben|unten|hierboven|hieronder)\b|\bvideoen\s+(?:over|under|ovenfor)\b"
    r"|\bvideon\s+(?:ovan|nedan)\b"
    # Romanian "o captură din videoclipul de mai sus" (a capture from the video above) and
    # Vietnamese "cắt từ video phía trên" (cut from the video above)
    r"|\bcaptur[ăa]\s+(?:din|de\s+pe)\s+(?:[\w-]+\s+){0,2}video(?:clip)?(?:ul)?\b"
    r"|\bvideo(?:clip)?(?:ul)?\s+de\s+mai\s+(?:sus|jos)\b"
    r"|\bcắt\s+từ\s+(?:đoạn\s+)?video\b|\bvideo\s+(?:phía\s+)?(?:trên|dưới)\b"
    # "videodan bir kare", "záběr z videa", "στιγμιότυπο από το βίντεο": Turkish, Czech, Greek
    r"|\bvideodan\s+(?:bir\s+)?(?:kare|görüntü)\b|\bzáběr\s+z\s+videa\b"
    r"|στιγμιότυπο\s+από\s+(?:το\s+)?(?:παραπάνω\s+|παρακάτω\s+)?βίντεο"
    # Hungarian "a fenti videóból" (from the video above), "képkocka a videóból"
    r"|\b(?:fenti|lenti)\s+videó|\bvideóból\b"
    # Indonesian and Malay: "tangkapan layar/skrin" (a screen capture), "cuplikan video" (a
    # frame of the video), "video di atas/bawah" (the video above/below)
    r"|\btangkapan\s+(?:layar|skrin)\b|\bcuplikan\s+video\b"
    r"|\bvideo\s+di\s+(?:atas|bawah)\b"
    # Baltic and South Slavic: "kadras iš vaizdo įrašo" (Lithuanian, a frame of the video),
    # "kadrs no video" (Latvian), "kaader videost" (Estonian), "prizor/kadar iz (zgornjega)
    # videa/posnetka" (Slovenian, Croatian, Serbian: a scene from the video above)
    r"|\bkadras\s+iš\s+(?:[\w-]+\s+){0,2}vaizdo\s+įrašo\b|\bvaizdo\s+įrašo\s+kadras\b|\bkadrs\s+no\s+video\b"
    r"|\bkaader\s+videost\b"
    # Bulgarian "кадър от видеото (по-горе)" (a frame of the video above)
    r"|\bкадър\s+(?:от|на)\s+(?:[\w-]+\s+)?видео(?:то|клипа)?\b"
    r"|\b(?:prizor|kadar|kadr)\s+iz\s+(?:(?:zgornjega|spodnjega|gornjeg|donjeg)\s+)?"
    r"(?:videa|videoposnetka|posnetka|snimka)\b",
    re.IGNORECASE,
)
# Wording of a moment in time ("moments before the car flips"), a still only when the caption
# also speaks of what the video's title names: any picture may say "filmed" or "moments".
_STILL_MOMENT_RE = re.compile(
    r"\b(?:moments?|seconds?|instants?)\s+(?:before|after|later|earlier)\b"
    r"|\bfootage\b|\bfilmed\b|\bthe\s+clip\b|\bthe\s+video\b",
    re.IGNORECASE,
)


def _src_key(url: str) -> str:
    """A picture's address without scheme and query, to meet two renditions of one file."""
    url = (url or "").strip().lower()
    url = url.split("?", 1)[0].split("#", 1)[0]
    return url.split("://", 1)[-1].lstrip("/")


# "Residents describe the flood in this video report": a caption naming itself a video.
_THIS_VIDEO_RE = re.compile(
    r"\b(?:in|on)\s+this\s+(?:[\w’'-]+\s+)?(?:video|clip|footage)\b", re.IGNORECASE
)


# "A video shared by X shows ...", "Ein Video der Feuerwehr zeigt ...": a caption whose
# subject is the video, its verb saying what the video shows.
_VIDEO_SHOWS_RE = re.compile(
    r"^(?:an?|the|this|ein|das|dieses|un|una|el|este|une|la|cette)\s+v[ií]d[ée]o\b"
    r"[^.!?]{0,120}?\b(?:shows?|explains?|captures?|depicts?|zeigt|muestra|explica|montre)\b",
    re.IGNORECASE,
)


def calls_itself_a_video(caption: str) -> bool:
    """Does a caption say it is a video's ("... in this video report", "A video released by
    X shows ...") and no frame of one?"""
    text = _STILL_SIGN_RE.sub("", _THIS_VIDEO_RE.sub("", caption))
    names_itself = _THIS_VIDEO_RE.search(caption) or _VIDEO_SHOWS_RE.search(caption)
    return bool(names_itself) and not _STILL_WORDS_RE.search(text)


_STILL_WORDS_RE = re.compile(r"\b(?:still|screen\s?-?(?:grab|shot)s?|frame|grab)\b", re.I)


def speaks_of_a_video(caption: str) -> bool:
    """Does a caption's wording name a video it is a frame of ("in a still from the video")?"""
    return bool(_STILL_SIGN_RE.search(caption)) or names_the_video_above(caption)


# "(Captura de video: X)", "Video grab: X", "Videostill: X": a credit labelled a video's frame.
_VIDEO_GRAB_LABEL_RE = re.compile(
    r"^(?:captura de v[íi]deo|video ?(?:grab|still|frame)|frame grab|standbild|"
    r"capture vidéo|fermo immagine)\s*:",
    re.IGNORECASE,
)
# "Foto: Captură video House" (Romanian): a credit line naming the picture a video's capture.
_VIDEO_CAPTURE_CREDIT_RE = re.compile(r"\bcaptur[ăa]\s+(?:video|TV)\b", re.IGNORECASE)


def is_still_of(pic: DraftPlacement, video: DraftPlacement) -> str:
    """Why a picture printed after a video is a frame of it, or "" (a picture of its own).

    A sign is needed: the caption's wording names the video ("in the video above",
    "screengrab", "still from"), the picture is the video's poster image, or the caption
    names a moment of it ("moments before") and shares a word with the video's title.
    Shared words alone are not a sign: a story's pictures and video show the same event.
    """
    posters = {_src_key(u) for u in [video.src, *video.posters] if u}
    if pic.src and _src_key(pic.src) in posters:
        return "the video's poster image"
    caption = pic.caption
    if _STILL_SIGN_RE.search(caption) or names_the_video_above(caption):
        return "its caption speaks of the video"
    if _VIDEO_GRAB_LABEL_RE.match(pic.credit_line.strip("([ ")) or (
        _VIDEO_CAPTURE_CREDIT_RE.search(pic.credit_line)
    ):
        return "its credit line is labelled a frame of a video"
    if _STILL_MOMENT_RE.search(caption):
        title_words = content_words(f"{video.title} {video.caption}")
        if title_words & content_words(caption):
            return "its caption names a moment of the video"
    return ""


# What the thing under a caption is, printed before the caption ("Watch: ...", "Vidéo. ...",
# "Map: ...", "Chart: ..."): page furniture, not part of the caption as printed.
_VIDEO_KIND_LABEL_RE = re.compile(
    r"^(?:watch|video|vidéo|vídeo|видео|відео|wideo|katso|se|titta)\s*[:.]\s+(?=\w)",
    re.IGNORECASE,
)
_GRAPHIC_KIND_LABEL_RE = re.compile(
    r"^(?:map|chart|graph|carte|karte|mapa|mappa|kaart|kartta|gráfico|graphique)\s*[:.]\s+"
    r"(?=\w)",
    re.IGNORECASE,
)


# "Banner image: ...", "Titelbild: ...": the label of the story's lead picture, printed before
# its caption where the copy gives it at the end (Mongabay-style sites, some magazines).
LEAD_LABELS = (
    r"(?:banner|main|top|lead|header|featured|hero|cover)\s+(?:image|photo|picture)|"
    r"titelbild|aufmacherbild|aufmacherfoto|titelfoto|beitragsbild|"
    r"(?:foto|imagen|imagem) (?:de )?(?:portada|capa|principal|destaque)|"
    r"(?:immagine|foto) (?:di copertina|in apertura)|(?:photo|image) (?:principale|d'ouverture)|"
    r"hoofdfoto|openingsfoto|zdjęcie główne|(?:źródło|autor) zdjęcia głównego|pääkuva|"
    r"huvudbild|toppbild|hovedbilde|topbillede|nyitókép|úvodní (?:foto|fotografie)|"
    r"titulná (?:foto|fotografia)|головне фото|главное фото|naslovna (?:fotografija|slika)"
)
_LEAD_LABEL_RE = re.compile(rf"^(?:{LEAD_LABELS})\s*:\s+(?=\w)", re.IGNORECASE)


def drop_kind_labels(placements: list[DraftPlacement]) -> None:
    """Take a kind or lead label off the front of each caption; a video's label makes it a video.

    Only when a caption is left (at least three words after the label), so that a credit
    printed as "Video: Name" is never taken for a caption, and not under the site's own
    caption label ("Media caption, Watch: ..."), where the label is part of the caption.
    """
    for p in placements:
        if p.caption_labelled:
            continue
        end = video_label_end(p.caption)  # "【動画】…", "Vídeo | …", "VIDEO Title"
        if end:
            p.caption = p.caption[end:].strip()
            p.title = p.title[end:].strip() if video_label_end(p.title) == end else p.title
            p.kind = KIND_VIDEO if p.kind == KIND_PICTURE else p.kind
            continue
        labels = (
            (_VIDEO_KIND_LABEL_RE, KIND_VIDEO),
            (_GRAPHIC_KIND_LABEL_RE, ""),
            (_LEAD_LABEL_RE, ""),
        )
        for pattern, kind in labels:
            m = pattern.match(p.caption)
            if not m or len(p.caption[m.end() :].split()) < 3:
                continue
            p.caption = p.caption[m.end() :]
            if kind and p.kind == KIND_PICTURE:
                p.kind = kind
            break


def mark_stills(placements: list[DraftPlacement]) -> None:
    """Recognise a picture as a still from a video that precedes it in the article.

    Rule: among the pictures between a video and the next one, the first that `is_still_of`
    the video. Each video has at most one still. A video printed without a credit stays
    uncredited (the draft holds what is printed): its still's credit is only noted beside it,
    for the archivist who catalogues the video's file.
    """
    for vi, video in enumerate(placements):
        if video.kind != KIND_VIDEO:
            continue
        for pic in placements[vi + 1 :]:
            if pic.kind == KIND_VIDEO:
                break
            if pic.kind != KIND_PICTURE:
                continue
            why = is_still_of(pic, video)
            if why:
                pic.kind = KIND_STILL
                pic.notes.append(f"still from the video {video.title or video.caption!r} ({why})")
                if not video.credit and pic.credit:
                    video.notes.append(
                        f"no credit printed for the video; its still is credited {pic.credit}"
                    )
                break
    for video in placements:
        if video.kind == KIND_VIDEO and not video.credit and not video.needs_review:
            video.needs_review = True
            video.notes.append("no credit found for the video")
