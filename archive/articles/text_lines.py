"""What a line of an article copied as plain text is, when it is not the story: the
vocabularies and patterns of page furniture (stop lines, teasers, bylines, boilerplate,
video players' words, logos, buttons, adverts), shared by the text reader (`text`), the HTML
reader and the claim rules. Pure.
"""

from __future__ import annotations

import re

from archive.articles.credit_lines import SOURCE_WORDS
from archive.articles.draft import LEAD_LABELS
from archive.articles.text_labels_more import MORE_TEASER_LABELS
from archive.articles.text_stop_lines_more import MORE_MOST_READ

STOP_LINES = frozenset(
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
        "Most viewed",
        "Most watched",
        "Top videos",
        "Explore more on these topics",
        "Don't miss a thing",
        "Don’t miss a thing",
        "Related Content",
        "Site Index",
        "Les plus lus",
        "À lire aussi",
        "Meistgelesen",
        "Lo más leído",
        "Самое читаемое",
        "Polecamy",
        "Najczęściej czytane",
        "Più letti",
        "Leggi anche",
        # the most-read list's heading in further languages
        "Meest gelezen",
        "Meest bekeken",
        "Meistgelesene Artikel",
        "Am meisten gelesen",
        "Les plus populaires",
        "Lo más visto",
        "Mest lästa",
        "Mest lest",
        "Mest læste",
        "Найпопулярніше",
        "Найчитаніше",
        "Найпопулярніші новини",
        "Самое популярное",
        "Najpopularniejsze",
        # in Czech, Slovak, Croatian, Serbian and Slovene papers
        "Nejčtenější",
        "Najčítanejšie",
        "Najčitanije",
        "Najbolj brano",
        # in Latvian, Lithuanian and Bulgarian papers
        "Lasītākie",
        "Skaitomiausi",
        "Най-четени",
    )
) | frozenset(MORE_MOST_READ)  # in more languages and scripts: `text_stop_lines_more`
# "More from The Daily Gazette", "More from UK": the page's own teasers below the story.
STOP_RE = re.compile(
    r"^(?:More from|More stories from|Most (?:read|viewed|popular) in)\b.{0,60}$", re.IGNORECASE
)
# A list of links to other stories ("list of 3 items" ... "end of list" at Al Jazeera).
LIST_START_RE = re.compile(r"^list of \d+ items?$", re.IGNORECASE)
LIST_END_RE = re.compile(r"^end of list$", re.IGNORECASE)
_TEASER_LABELS = (
    "JUST IN",
    "READ MORE",
    "READ",
    "READ NEXT",
    "MORE",
    "SEE ALSO",
    "LATEST",
    "TRENDING",
    "RELATED",
    "RELATED STORIES",
    "DON'T MISS",
    "DON’T MISS",
    "MUST READ",
    "ALSO READ",
    "RECOMMENDED",
    "LIVE",
    "EXCLUSIVE",
    "LIRE AUSSI",
    "À LIRE AUSSI",
    "LESEN SIE AUCH",
    "MEHR ZUM THEMA",
    "LEER MÁS",
    "LEA TAMBIÉN",
    "ЧИТАЙТЕ ТАКЖЕ",
    "ЧИТАЙТЕ ТАКОЖ",
    "CZYTAJ TAKŻE",
    "CZYTAJ RÓWNIEŻ",
    "CZYTAJ WIĘCEJ",
    "ZOBACZ TAKŻE",
    "ZOBACZ TEŻ",
    "ZOBACZ RÓWNIEŻ",
    "LEGGI ANCHE",
    # "read also" in Nordic, Portuguese and Dutch papers
    "LUE MYÖS",
    "LUE LISÄÄ",
    "LÄS OCKSÅ",
    "LÄS MER",
    "LES OGSÅ",
    "LÆS OGSÅ",
    "LEIA TAMBÉM",
    "LEIA MAIS",
    "LEES OOK",
    # "read also" in Nigerian and Ghanaian papers' order, and in Romanian, Hungarian,
    # Croatian, Vietnamese and Indonesian papers
    "READ ALSO",
    "CITEȘTE ȘI",
    "CITEŞTE ŞI",
    "CITIȚI ȘI",
    "OLVASSA EL",
    "PROČITAJTE I",
    "PROČITAJTE JOŠ",
    "XEM THÊM",
    "BACA JUGA",
    # "read this too" in Croatian, Serbian, Bosnian, Czech, Slovak and Slovene papers
    "PROČITAJTE I OVO",
    "PROČITAJTE TAKOĐER",
    "ČTĚTE TAKÉ",
    "PŘEČTĚTE SI TAKÉ",
    "ČÍTAJTE AJ",
    "ČÍTAJTE TIEŽ",
    "PREČÍTAJTE SI AJ",
    "PREBERITE ŠE",
    # "read also" in Estonian, Latvian and Lithuanian papers
    "LOE KA",
    "LOE LISAKS",
    "LASIET ARĪ",
    "LASI VĒL",
    "LASI ARĪ",
    "SKAITYKITE TAIP PAT",
    # "more on the topic", "read also" in Bulgarian papers
    "ОЩЕ ПО ТЕМАТА",
    "ПРОЧЕТЕТЕ ОЩЕ",
    "ВИЖТЕ ОЩЕ",
    # "we recommend", "read also", "see also" in Spanish-language papers
    "TE RECOMENDAMOS",
    "TE PUEDE INTERESAR",
    "TAMBIÉN TE PUEDE INTERESAR",
    "LEE TAMBIÉN",
    "LEA MÁS",
    "VEA TAMBIÉN",
    "MIRA TAMBIÉN",
    # "read also" in Kazakh, Kyrgyz and Uzbek papers, "read also" / "see also" in Tamil
    # and Hindi papers
    "СОНДАЙ-АҚ ОҚЫҢЫЗ",
    "ОСЫ ТАҚЫРЫПТА",
    "ОШОНДОЙ ЭЛЕ ОКУҢУЗ",
    "SHUNINGDEK O‘QING",
    "SHUNINGDEK OʻQING",
    "இதையும் படிங்க",
    "இதையும் படியுங்கள்",
    "यह भी पढ़ें",
    "ये भी पढ़ें",
    # "read more" in Bengali, Thai ("read the related news") and Khmer, "related news" in
    # Khmer, Korean, Chinese and Hebrew, "read also" in Arabic, "read it too" in Japanese
    "আরও পড়ুন",
    "আরো পড়ুন",
    "อ่านข่าวที่เกี่ยวข้อง",
    "อ่านเพิ่มเติม",
    "អានបន្ថែម",
    "ព័ត៌មានពាក់ព័ន្ធ",
    "관련기사",
    "관련 기사",
    "相关新闻",
    "相關新聞",
    "延伸阅读",
    "延伸閱讀",
    "עוד בנושא",
    "اقرأ أيضاً",
    "اقرأ أيضا",
    "あわせて読みたい",
    "Կարդացեք նաև",
    "Կարդացեք նաեւ",
)
_TEASER_LABELS += tuple(label for label, _language in MORE_TEASER_LABELS)  # `text_labels_more`
TEASER_RE = re.compile(
    r"^(?:" + "|".join(re.escape(t) for t in _TEASER_LABELS) + r")\s*[:>»：៖፡]\s*\S",
    re.IGNORECASE,
)
# The label alone on its line, the teaser's headline on the next ("Читайте також:").
TEASER_LABEL_LINE_RE = re.compile(
    r"^(?:" + "|".join(re.escape(t) for t in _TEASER_LABELS) + r")\s*[:>»：៖]?$", re.IGNORECASE
)
_RELATED_TAG_RE = re.compile(r"\[[A-Z][A-Z ]{1,20}\]\s*$")
BOILERPLATE_RE = re.compile(
    r"^(?:\d+\s+mins?\s+read|\d+\s+min(?:ute)?s?\s+read|advertisement|sponsored|share|"
    r"share this article|share on facebook|share on twitter|subscribe|sign up|"
    r"follow us on .+|copy link|listen to this article|comments?\s*\(\d+\)|"
    r"(?:download|get) (?:our|the) apps?|"
    r"(?:image|photo|picture)s?\s*\d+\s*(?:of|/)\s*\d+|\d+\s*/\s*\d+|link copied|bookmark|"
    r"skip advertisement|reuse this content|explore more on these topics|share full article|"
    r"buy now|buy (?:this )?photo|buy photos?|order (?:a )?print|"
    # "Download the X app for Android and iOS": the house's app, advertised under the story
    r"[^.!?]{0,80}\b(?:apps?|application|aplicați[ae]|aplicatia|aplikacij[aeu]|alkalmazás|"
    r"ứng dụng)\b[^.!?]{0,40}\b(?:android|ios|app store|google play)\b[^.!?]{0,40}|"
    # the site's own notice: a company in its legal form holds the copyright ("© Harbour
    # Media Ltd 2026", "© 2026 Editora Sul S.A.", "Copyright Verlag Nord GmbH")
    r"(?:©|copyright)\s*(?:\d{4}\s+)?[^\d©]{2,60}?\s(?:S\.A\.|S\.L\.|Ltd\.?|Limited|GmbH|"
    r"S\.p\.A\.|B\.V\.|A/S|Lda\.?|Inc\.|plc|Sp\. z o\.o\.|d\.o\.o\.|a\.s\.|s\.r\.o\.|"
    r"S\.A\. de C\.V\.|N\.V\.|S\.r\.l\.|AG|Oyj?|AB|LLC|Pty\.? Ltd\.?)(?:,?\s+\d{4})?\.?|"
    # "Copyright © 2026 House", "© Copyright 2026, House": the word and the sign together
    # mark the site's own notice, never a picture's credit line
    r"(?:copyright\s*©|©\s*copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?,?\s*[^©]{2,80}|"
    r"(?:©|copyright).*(?:all rights reserved|tous droits réservés|alle rechte vorbehalten|"
    r"todos los derechos reservados|все права защищены)\.?)$",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_AND = r"(?:and|&|et|und|y|e|en|och|i|и|і)"
BYLINE_RE = re.compile(
    # "By: Name - @handle": the byline's colon and the reporter's handle after it
    rf"^By:\s+{_NAME}(?:\s+[-–]\s+@\w+)?$|"
    rf"^By\s+(?:{_NAME}(?:\s+(?:and|&)\s+{_NAME})*(?:,\s*[^,.;:!?\d]{{1,60}}){{0,2}}|"
    r"[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,6})$|"
    # "Par Marie Dupont", "Von Jan Roth und Eva Kern", "Por Ana Ruiz", "Door Piet de Vries",
    # "Av Lena Berg", "Di Marco Neri": names only, capitalised, after the language's "by"
    # "WRITER: Name", "Words: Name", "Text: Name": the byline as a labelled field
    rf"^(?:Par|Von|Por|Door|Av|Di|Przez|Autor(?:ka)?:|Автор:|(?i:writer|author|reporter|words|text):)\s+{_NAME}(?:\s*(?:,|{_AND})\s+{_NAME})*"
    r"(?:,\s*[^,.;:!?\d]{1,60})?$"
)
"""A byline: "By Sam Carter", "By Oliver Pemberton, Foreign News Reporter", "Par Marie Dupont"."""
VIDEO_MARKER_RE = re.compile(r"^(?:video|watch|play video|footage)\b\s*[:\-–]?\s*", re.IGNORECASE)
# "Watch: ..." with its colon: the label of a video's caption.
VIDEO_LABEL_RE = re.compile(r"^(?:video|watch|play video|footage)\s*:\s*(?=\S)", re.IGNORECASE)
# "Minister says ... – video" (the Guardian's title for an embedded video)
VIDEO_SUFFIX_RE = re.compile(r"\s[–—-]\s*video$", re.IGNORECASE)
# What a video player prints around its title when the page is copied as text.
PLAYER_RE = re.compile(
    r"^(?:video loading|video unavailable|click to play|tap to play|play now|play video|cancel|"
    r"the video will start in \d+|\d{1,2}:\d{2}(?::\d{2})?|duration \d{1,2}:\d{2}|"
    r"replay|mute|unmute|up next|video|v[íi]d[ée]o|wideo|videó|видео|відео|play|pause|(?:loaded|progress):?\s*\d+(?:\.\d+)?%|"
    r"video duration(?:\s+\d+\s+(?:hours?|minutes?|seconds?))+|"
    # "Play video" in other languages
    r"reproducir v[íi]deo|ver v[íi]deo|reproduzir v[íi]deo|assistir (?:ao )?v[íi]deo|"
    r"lire la vid[ée]o|video abspielen|riproduci (?:il )?video|katso video|spela upp video|"
    r"odtwórz wideo|video afspelen|"
    # a video's label and its running time ("Video 2:31", "Wideo 12:05")
    r"(?:video|wideo|vídeo|vidéo|videó|видео|відео)\s+\d{1,2}:\d{2}(?::\d{2})?|"
    # "Play Video. Duration: 1 minute 5 seconds", "Watch: duration 2:14"
    r"(?:play(?: video)?|watch(?: video)?)[.,:]?\s*duration\s*:?\s*"
    r"(?:\d{1,2}:\d{2}(?::\d{2})?|(?:\d+\s*(?:hours?|minutes?|mins?|seconds?|secs?)\s*)+))$",
    re.IGNORECASE,
)
BYLINE_NAMES_RE = re.compile(r"^By\s+(?P<names>[^,|]+)")  # the names before the role
AVATAR_WORDS_RE = re.compile(
    r"\b(?:avatar|profile (?:picture|photo|image)|author (?:photo|picture|image)|headshot|"
    r"byline (?:photo|picture|image))\b",
    re.IGNORECASE,
)
PUBLISHED_WORDS = frozenset(("published", "updated", "last updated", "posted"))
# "Main image: Name/Agency", "Źródło zdjęcia głównego: AGENCY/Name": the lead picture's
# credit printed at the end of the copy, its caption far above it.
LEAD_CREDIT_RE = re.compile(
    rf"^(?:{LEAD_LABELS})(?:\s+(?:credit|source))?\s*:\s*(?P<rest>\S.*)$", re.IGNORECASE
)
SOURCE_LABEL_RE = re.compile(rf"^(?:Source|Sources|{SOURCE_WORDS})\s*:", re.I)
# A caption that says what kind of picture it is: a map or a chart, printed without credit.
GRAPHIC_CAPTION_RE = re.compile(
    r"^(?:Map|Chart|Graphic|Infographic|Carte|Graphique|Infographie|Karte|Grafik|Mapa|"
    r"Gráfico|Infografía|Карта|Графік|График|Інфографіка|Инфографика)\b",
    re.IGNORECASE,
)
# The agency's desk that made a picture, graphic or video ("Reuters Graphics", "Reuters TV").
DESK_RE = re.compile(r"\s(?:Graphics?|TV|Video|Pictures|Photos|Images)$")
# The site's logo, copied as its alt text ("AP Logo").
LOGO_RE = re.compile(r"^(?:\w+\s+){0,4}logo$", re.IGNORECASE)
# Labels a page prints above or before a picture's caption and credit for screen readers.
MEDIA_LABELS = frozenset(
    ("image", "credit", "photo", "enlarge this image", "image caption")
    # a gallery's label over its pictures ("FOTO GALERIJA", "Bildergalerie")
    + ("gallery", "photo gallery", "foto galerija", "fotogalerija", "bildergalerie")
    + ("fotogalerie", "fotogaléria", "galeria zdjęć", "galería de fotos", "galerie photos")
)
# A button printed over a picture: "View image in fullscreen", "Open this photo in gallery:",
# "Expand image", "See all photos".
MEDIA_BUTTON_RE = re.compile(
    r"^(?:open|view|enlarge|expand|see|show|zoom)\b(?:\s+\w+){0,3}?\s+"
    r"(?:photo|image|picture|gallery|photos|images|pictures)\b(?:\s+\w+){0,3}\s*:?$",
    re.IGNORECASE,
)
# A box the page sells, not part of the story: pictures inside it are left out.
ADVERT_RE = re.compile(
    r"^(?:(?:advertisement|advert|reklama|pubblicità|anzeige|werbung|publicité|publicidad|"
    r"publicidade|реклама|mainos|annons|annonse|annonce|advertentie|hirdetés|διαφήμιση|"
    r"reklaam|reklāma)"
    # the label closing the advert's box ("Advertisement ends", "Mainos päättyy")
    r"(?:\s*[-–]?\s*(?:ends|end|päättyy|slut|slutt|ende|koniec|fine|fin))?|"
    r"end of advertisement|sponsored(?: content)?|promoted|ad|"
    r"(?:story|article) continues below(?: (?:this|the))? advertisement|"
    # "the article continues after the advertisement" (Estonian)
    r"artikkel jätkub pärast reklaami)$",
    re.I,
)


def is_boilerplate(line: str) -> bool:
    """Is this line page furniture ("7 mins read", "READ MORE: ...", a share bar)?"""
    if BOILERPLATE_RE.match(line) or TEASER_RE.match(line):
        return True
    return bool(_RELATED_TAG_RE.search(line)) and len(line) < 200
