"""Read credit lines printed with pictures: "(Image: GETTY)", "Photograph: Name/AFP via Getty".

`read_credit_line` reads a line that *is* a credit (its own element in a page, or already cut
from its caption by `caption_credits.read_caption`) into the credited organisation, the
original supplier and the photographer; `credit_name` is the older, narrower call. Whether
a name is an agency's, a person's or an organisation's is `credit_names`'; the publication's
own desk's credits are `house_credits`'. No Django here:
`archive.text.printed_credit_name` is built on this module for use outside the importer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.agencies import agency_named, canonical_credit
from archive.articles import credit_labels as labels
from archive.articles.credit_names import (
    _ARTICLES,
    _FILE_SUFFIXES,
    _GETTY_COLLECTIONS,
    _SMALL_WORDS,
    _SUPPLIED,
    _initials,
    _is_org_name,
    _is_site_name,
    _known,
    _looks_like_person,
)
from archive.articles.draft import norm
from archive.articles.run_on_credits import run_on_house, without_place_and_date
from archive.articles.slash_orders import slashed_in_order


@dataclass(frozen=True)
class CreditParts:
    """What a printed credit line names."""

    credit: str = ""  # the credited organisation: canonical if a known agency, else as printed
    source: str = ""  # the original supplier beside it ("AFP" in "AFP via Getty Images")
    creator: str = ""  # the photographer
    printed: str = ""  # the credited organisation's name as printed ("GETTY", "PA Wire")


@dataclass(frozen=True)
class PrintedCaption:
    """A caption as printed, cut into its visible caption and its credit line."""

    caption: str
    credit_line: str = ""
    credit: str = ""
    source: str = ""
    creator: str = ""
    video: bool = False  # the line says the media is a video ("Video: AP", "Media caption,")

    @property
    def parts(self) -> CreditParts:
        return CreditParts(self.credit, self.source, self.creator)


# --------------------------------------------------------------------------------------------
# Reading a credit line


_AGENCY_PHOTO_RE = re.compile(r"\sPhotos?$")
# "Reuters TV", "AP Video": an agency's video service credits a video.
_VIDEO_DESK_RE = re.compile(r"\s(?:TV|Video)$")
_VIDEO_LABELS = frozenset(
    ("video", "videos", "footage", "відео", "видео", "vídeo", "vidéo", "wideo", "βίντεο", "영상")
    + ("videó",)  # Hungarian
    + ("sursa video", "sursă video")  # Romanian: "the video's source"
    + ("video credit", "video credits")  # "Video Credit: X" (Indian papers)
    + labels.SCRIPT_VIDEO_LABELS  # in other scripts and languages: `credit_labels`
)
_LABEL_WORDS = (
    r"Main image|(?:Image|Photo|Picture|Top image|Video) credits?|Images?|Pic(?:ture)?s?|"
    r"Photo(?:graph)?s?|Photography|Credits?|Composite|Illustration|(?:Info)?[Gg]raphics?|Source|"
    r"Footage|"
    r"Videos?|Фото|Снимк[аи]|Світлина|Відео|Видео|Wideo|Foto(?:s|graf[ií]as?)?|Bild(?:er)?|Cr[ée]dits?|"
    r"Cr[ée]ditos?|Imagen|Vídeo|Vidéo|(?:File|Archive|Stock) (?:picture|photo|image)|File|Photographer|Fotograf|Photographe|Fotógrafo|"
    # a picture's kind before the label: "Illustrative photo:", "Archivbild:", "Symbolbild:"
    r"Ілюстративне фото|Иллюстративное фото|Ілюстрація|Иллюстрация|Illustrative (?:photo|image)|"
    r"Archiv(?:bild|foto)|Symbol(?:bild|foto)|Photo d'archive|Foto de archivo|"
    # the Nordic archive picture's label ("Arkivfoto: Name © Agency", "Arkivbild:")
    r"Arkiv(?:foto|bild|bilde|billede)|"
    # "Photo courtesy: X", "Courtesy: X": the picture was given by X
    r"(?:(?:Photo|Image|Picture|Video)\s+)?[Cc]ourtesy|"
    r"Zdjęcie(?: ilustracyjne)?|"
    # Turkish and Greek labels ("Fotoğraf: Name/AA", "Φωτογραφία αρχείου:", an archive picture)
    r"Fotoğraf|Φωτογραφία(?: αρχείου)?|Φωτογραφίες|Βίντεο|"
    # Finnish and Hungarian papers' labels ("Kuva: Name / Paper", "Fotó: Name")
    r"Kuva(?:t|kaappaus)?|Kuvitus|Fotó|Videó|"
    # Vietnamese papers' labels ("Ảnh: Name", a photo; "Đồ họa: Name", a graphic)
    r"Ảnh|Đồ họa|"
    # Romanian papers' labels: "Sursa foto: X", "Sursa video: X" (the picture's source)
    r"Surs[aă] (?:foto|video)|"
    # a graphic's label in German, Polish, French and Spanish ("Grafik: SZ")
    r"(?:Info)?[Gg]rafi[kc]a?|(?:Info)?[Gg]rafikk|Graafik|Graphique|Infographie|(?:Info)?[Gg]r[áa]fico|Infografía|Infografia|Grafiikka|"
    # a frame taken from a video or a page: "Screengrab: X", "Screenshot from X"
    r"Screen ?(?:grab|shot)s?|(?:Video|Frame|Image) grab|Captura(?: de (?:pantalla|tela|v[íi]deo))?|"
    + labels.SCRIPT_LABEL_WORDS  # labels in other scripts and languages: `credit_labels`
)
# "Source:" in other languages ("Źródło: City Hall" on the line under a caption): a credit
# label only on a line of its own; closing a line it is as often the story's own source.
SOURCE_WORDS = (
    r"Źródło|Quelle|Fuente|Fonte|Lähde|Källa|Kilde|Forrás|Zdroj|Джерело|Источник|"
    # Croatian, Serbian and Bosnian; Turkish
    r"Izvor|Kaynak|"
    # Slovenian, Estonian, Latvian and Lithuanian ("Infografika: House, vir: Body")
    r"Vir|Allikas|Avots|Šaltinis"
)
# "Autor: Name / Źródło: Agency": the author's label in a credit naming its source too (on
# its own, "Autor: Name" is as often the story's byline).
AUTHOR_LABEL_RE = re.compile(r"^(?:Autor(?:ka|in)?|Author|Auteur|Autore|Tekijä)\s*:\s*", re.I)
# "Photo / Name", "Video / Name": the label and a spaced slash (New Zealand papers)
_SLASHED_LABELS = r"Photos?|Videos?|Graphics?|Images?|Pictures?|Illustration"
# "Photo: X", "Photo : X" (French spacing), "Credit...X" (The New York Times)
_LABEL_RE = re.compile(
    rf"^(?:(?P<label>{_LABEL_WORDS}|{SOURCE_WORDS})\s*(?::|፡|\.\.\.|…|：|៖|=|՝)|(?P<slashed>{_SLASHED_LABELS})\s+/(?=\s)|(?P<abbr>{labels.NO_COLON_WORDS}|Fot\.|Rys\.(?=\s+(?-i:[A-ZĄĆĘŁŃÓŚŹŻ]))|(?:Dok\.|Dokumentasi)(?=\s+(?-i:[A-Z]))|(?:foto|video|beeld|grafiek|illustratie|photo|vidéo|vídeo)(?=\s+(?!(?:by|from|par|de|por|courtesy|fournie?s?)\b)(?-i:[A-ZÀ-Ý]))|영상(?=\s+[가-힣]{{2,4}}\s+(?:기자|피디|PD))|(?:infographic|infografiek|infographie|infografik|infografía|infografica|infografia|graphique|grafik|(?:imagen|imagem|foto) ilustrativa)(?=\s+(?:de\s+|het\s+)?(?-i:[A-Z]))))\s*"
    r"(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
# "Photo by X", "Staff photo by X" (a US paper's own photographer), "Photo courtesy of X"
_BY_WORDS = (
    r"(?:(?:Staff|File|Contributed)\s+(?i:photo(?:graph)?)|Photo(?:graph)?s?|Photo illustration|"
    r"Illustration|Pictures?|Images?|(?i:foto|video|footage)|Bild|Map|Chart|(?:Info)?[Gg]raphic|"
    r"(?i:screen ?(?:grab|shot)s?|(?:video|frame|image) grab))"
)
# "Photo taken from X": where the picture was found, like "Photo from X"
# "Photo copied by Name, House": the house's reporter photographed a notice or a document.
# "Photo courtesy of the Body": the article is no part of the name.
_BY_PREP = (
    r"(?:(?:copied\s+)?by|von|de|di|par|por|courtesy(?:\s+of(?:\s+the(?=\s+[A-Z]))?)?"
    r"|(?i:(?:taken\s+)?from))"
)
_BY_LABEL_RE = re.compile(rf"^{_BY_WORDS}\s+{_BY_PREP}\s+(?P<rest>.+)$")
STAFF_CREDIT_RE = re.compile(r"^Staff\s+(?:photo(?:graph)?|picture)\s+by\s", re.IGNORECASE)
_BBC_SOURCE_RE = re.compile(r"^Image source,\s*(?P<rest>.+)$", re.IGNORECASE)
# "Captură video House", "Captură TV House" (Romanian: a capture of the house's video): the
# picture's kind before the name credited.
# "ANTARA FOTO/Name/abc.": the desk editor's initials, in lower case, after the photographer
# (Indonesian agencies' credits); no part of the credited name.
EDITOR_INITIALS_RE = re.compile(r"(?<=[^\W\d_])/[a-z]{2,4}\.(?=[)\]]?$)")
# "Capture d'écran House" (French: the house's screen capture) likewise.
# "Captura TN", "Captura de pantalla Canal 13" (Spanish, Portuguese: a frame of the channel's
# broadcast) too, when a name in capitals follows.
_CAPTURE_OF_RE = re.compile(
    r"^(?:Captur[ăa]\s+(?:video|TV|ecran)|Capture\s+d['’]\s?[ée]cran"
    r"|Captura(?:\s+de\s+(?:pantalla|tela|v[íi]deo|TV))?(?=\s+(?-i:[A-Z0-9])))\s+(?=\S)",
    re.IGNORECASE,
)
# The day the picture was taken, printed after its credit ("Photo courtesy of Body Dec. 3,
# 2026", an agency's "X photo Nov. 17, 2025"): no part of the credited name.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
PICTURE_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{4}}-\d\d-\d\d)"
)
_PICTURE_DATE_RE = re.compile(rf"(?<=\S)\s+{PICTURE_DATE}$")
# "Illustration by X. Sources: Getty; Bloomberg.": the pictures an illustration is made from,
# after its maker's credit.
_MADE_FROM_RE = re.compile(r"[.;]?\s+Sources?\s*:\s*[^:]+$")
_COPYRIGHT_RE = re.compile(r"^(?:©|\(c\)|Copyright\b)\s*(?P<rest>.*)$", re.IGNORECASE)
_YEARS_RE = r"\d{4}(?:\s*[-–]\s*\d{4})?"
# ", File", " - Pool": the picture's kind after the name; " – Infographie": the house's
# graphics desk, the house credited.
_SUFFIX_RE = re.compile(
    r"(?:\s*,\s*|\s+[-–]\s+)(?:File(?: Photo)?|Files|Pool(?: Photo)?|Info[Gg]raphi[cke]s?|"
    r"Infograf(?:ik|ía|ia|ico)|Infográfico|Graphics?|Grafik|Illustrations?)$",
    re.I,
)
_VIA_RE = re.compile(r"\s+(?:via|—|–)\s+", re.IGNORECASE)
_FOR_RE = re.compile(r"^(?P<who>.+?)\s+(?:for|pour|für|para|per|для)\s+(?P<org>.+)$")
# "Name on Unsplash", "Name from Pixabay": a photographer and the picture library or site
# their picture was taken from (the attribution those sites ask for); the site is credited.
_ON_SITE_RE = re.compile(
    r"^(?P<who>.+?)\s+(?:on|from|auf|sur|su|en|em)\s+(?P<site>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2})$"
)
# "Telegram-канал Ігоря Савчука", "Telegram channel of the governor": the platform credited
_CHANNEL_RE = re.compile(
    r"^(?P<platform>[A-Z][A-Za-z]+)[- ](?:канал|каналу|channel|account|chaîne|kanal|cuenta)\s+"
    r"(?:of\s+|de\s+|von\s+)?(?P<who>.+)$",
    re.IGNORECASE,
)
_PAREN_ORG_RE = re.compile(r"^(?P<who>[^()]+?)\s*\((?P<org>[^()]+)\)$")
# "Name © House": the photographer, then the house holding the picture's copyright (Danish and
# other Nordic papers print their own and agencies' pictures so)
_NAME_COPYRIGHT_RE = re.compile(r"^(?P<who>[^©]+?)\s*©\s*(?P<org>[^©]+)$")
# "X Facebook page", "the mayor's Instagram account": the platform a picture was taken from
# after the page's owner
_OWNER_PLATFORM_RE = re.compile(
    r"^(?P<who>.+?)[’']?s?\s+(?P<platform>[A-Z][A-Za-z]+)\s+(?i:page|account|channel|feed|profile)$"
)


# "The Facebook page of X": the platform, then the page's owner
_PLATFORM_PAGE_OF_RE = re.compile(
    r"^(?:the\s+)?(?P<platform>[A-Z][A-Za-z]+)\s+(?:page|account|channel|profile)\s+of\s+"
    r"(?P<who>\S.*)$",
    re.IGNORECASE,
)


# Korean credits: the staff photographer "이름 기자" (reporter, with their e-mail), "영상 이름
# 피디" (a video's producer), "Body 제공" (provided by), "Platform 갈무리" (a page's capture).
_KOREAN_STAFF = (
    r"(?:(?:사진|영상)\s+)?(?P<who>[가-힣]{2,4})\s+(?:기자|피디|PD|특파원|통신원)"
    r"(?:\s+[\w.+-]+@[\w.-]+)?"
)
_KOREAN_GIVEN = r"(?P<org>[^\s.][^.]{0,30}?)\s+(?:제공|(?:화면\s*)?갈무리|자료사진)"
_KOREAN_STAFF_RE = re.compile(rf"^{_KOREAN_STAFF}$")
_KOREAN_GIVEN_RE = re.compile(rf"^{_KOREAN_GIVEN}$")
# Either closing a caption's last sentence.
KOREAN_CREDIT_RE = re.compile(
    rf"(?<=[.!?])\s+(?P<line>{_KOREAN_STAFF}|{_KOREAN_GIVEN}|{labels.KOREAN_AGENCIES})\s*$"
)


def _unwrap(line: str) -> tuple[str, str]:
    """The name a credit line prints, without brackets, label and "©"; and its label
    (lower case: "photograph", "composite", "video"; "" when none)."""
    text = norm(line).strip()
    label = ""
    for _round in range(3):  # "(Photo: © Reuters)": brackets, then label, then ©
        before = text
        if (text.startswith("(") and text.endswith(")") and text.count("(") == 1) or (
            text.startswith("[") and text.endswith("]") and text.count("[") == 1
        ):
            text = text[1:-1].strip()
        m = _LABEL_RE.match(text)
        if m:
            abbr = (m["abbr"] or "").lower()
            kind = (
                abbr if abbr in _GRAPHIC_LABELS else "video" if abbr in _VIDEO_LABELS else "photo"
            )
            label = label or (m["label"] or m["slashed"] or kind).lower()
            text = m["rest"].strip()
        m = _BBC_SOURCE_RE.match(text) or _BY_LABEL_RE.match(text)
        if not m and text.isupper() and len(text.title()) == len(text):
            m = _BY_LABEL_RE.match(text.title())  # "PHOTO FROM X" printed in capitals
        if m:
            text = _MADE_FROM_RE.sub("", text[m.start("rest") :].strip())
        m = _COPYRIGHT_RE.match(text)
        if m:
            text = re.sub(rf"^{_YEARS_RE}[,\s]*", "", m["rest"].strip())
            text = re.sub(r"[.,]?\s*All rights reserved\.?$", "", text, flags=re.IGNORECASE)
            text = re.sub(rf"[,\s]+{_YEARS_RE}$", "", text)
        if text == before:
            break
    text = text.strip(" ,;")
    return (text if ends_in_abbreviation(text) else text.strip(" .,;")), label


# "F.A.Z.", "U.S.": initials each closed by a full stop; "mat. pras." (Polish "materiały
# prasowe", handouts): short words each cut short by one.
_INITIALS_RE = re.compile(r"(?:[^\W\d_]\.){2,}")
_CUT_WORD_RE = re.compile(r"[^\W\d_]{1,5}\.")
# A company's legal form, abbreviated, closing its name: "Ltd.", "Inc.", "Kft.", "Zrt."
_LEGAL_FORMS = frozenset(
    "ltd. inc. corp. co. plc. llc. pty. bhd. kft. zrt. nyrt. bt. nv. bv. ab. as. oy. oyj. spa.".split()
)


def ends_in_abbreviation(text: str) -> bool:
    """Is the full stop closing ``text`` an abbreviation's, part of the name ("Grafik:
    F.A.Z.", "Foto: mat. pras.", "Fotó: Name Kft."), not a sentence's end? The last word is
    initials or a company's legal form, or every word is a short word cut by its full stop."""
    words = text.split()
    if not words or not text.endswith("."):
        return False
    if _INITIALS_RE.fullmatch(words[-1]):
        return True
    if len(words) >= 2 and words[-1].lower() in _LEGAL_FORMS:
        return True
    return len(words) >= 2 and all(_CUT_WORD_RE.fullmatch(w) for w in words)


# "Harbour Board website", "the Ministry of Health's website": a page a picture was taken from,
# credited to the page's owner.
_OWNER_SITE_RE = re.compile(
    r"^(?:the\s+)?(?P<owner>\S.*?)(?:['’]s?)?\s+(?:official\s+)?(?:website|web\s?site|homepage|site)$",
    re.IGNORECASE,
)
# "Photo supplied", "Image supplied", "Picture: supplied": the kind word before "supplied".
_KIND_SUPPLIED_RE = re.compile(r"^(?:photo|image|picture|pic|video)s?\s+supplied$", re.IGNORECASE)
# "Contributed photo" (Philippine papers): handed out by whoever is pictured, the word credited
_CONTRIBUTED_RE = re.compile(r"^(?P<word>contributed)\s+(?:photo|image|picture|video)s?$", re.I)


def _organisation_of(name: str) -> str:
    """The known organisation a team or desk belongs to ("Guardian Design": The Guardian)."""
    words = name.split()
    for end in range(len(words), 0, -1):
        known = _known(" ".join(words[:end]))
        if known:
            return known
    return ""


def _read_composite(text: str) -> CreditParts:
    """ "Composite: Guardian Design/Getty Images/PA": a picture made by the first named from
    the others' pictures; the maker's organisation is credited."""
    maker = re.split(r"\s*/\s*", text)[0].strip()
    return CreditParts(_organisation_of(maker) or maker, "", maker, maker)


# What a picture is, printed as a part of a slashed credit ("Tagesspiegel/Infografik"): no name.
_KIND_PARTS = frozenset(
    """infografik infografia infografía infographic infographie grafik graphic graphics
    grafiikka karte map carte mapa illustration video vidéo vídeo видео відео foto photo
    bild""".split()
)
# A handout or a reproduction, printed before whoever handed the picture out or where it was
# taken from ("Divulgação/Prefeitura de X", "Reprodução/Instagram", "Handout/Ministry of X").
_HANDED_OUT_FIRST = frozenset(
    """divulgação divulgacao reprodução reproducao reproducción reproduccion cortesía cortesia
    handout supplied courtesy""".split()
)


# A platform's address before a page's name: "facebook.com/page", "www.instagram.com/page"
_PLATFORM_HOST_RE = re.compile(r"^(?:www\.|m\.)?(?P<host>[a-z][a-z0-9-]+)\.(?:com|net|me)$", re.I)


def _read_slashes(text: str) -> CreditParts:
    """Read "Name/Agency", "AGENCY/Name", "Name/AFP/Getty Images", "Twitter/@handle"."""
    parts = [p.strip() for p in re.split(r"\s*/\s*", text) if p.strip()]
    # A label printed inside a part ("LP/Vidéo : Name") is no part of the name.
    parts = [m["rest"].strip() if (m := _LABEL_RE.match(p)) else p for p in parts]
    parts = [AUTHOR_LABEL_RE.sub("", p) for p in parts]
    parts = [p for p in parts if p.lower() not in _FILE_SUFFIXES | _KIND_PARTS] or parts
    host = _PLATFORM_HOST_RE.match(parts[0]) if len(parts) > 1 else None
    if host and (platform := agency_named(host["host"])) and platform.kind == "social":
        parts[0] = platform.name  # "facebook.com/page": the platform's address, then the page
    if len(parts) > 1 and parts[0].lower() in _HANDED_OUT_FIRST:
        parts = parts[1:]
    commissioned = _FOR_RE.match(parts[-1]) if len(parts) == 2 else None
    if commissioned and _is_org_name(commissioned["org"]) and _is_org_name(commissioned["who"]):
        # "Name/Agency for House": an agency's photographer commissioned by the house, which
        # is credited; the agency supplied the picture.
        org = commissioned["org"].strip(' «»“”"')
        return CreditParts(_known(org) or org, commissioned["who"], parts[0])
    if len(parts) == 1:
        return _read_single(parts[0])
    if ordered := slashed_in_order(parts):  # "ČTK/dpa/Name", "AFP / House Foto"
        return CreditParts(
            _known(ordered[0]) or ordered[0], _known(ordered[1]) or ordered[1], ordered[2]
        )
    handles = [p for p in parts if p.startswith("@")]
    parts = [p for p in parts if not p.startswith("@")] or parts
    platform = agency_named(parts[0]) if len(parts) == 2 else None
    if platform and platform.kind == "social" and not _known(parts[1]):
        # "Facebook / Union of X": the platform, then the page's owner it was taken from
        return CreditParts(platform.name, parts[1], "")
    known = [i for i, p in enumerate(parts) if _known(p)]
    getty = [i for i in known if _known(parts[i]) == "Getty Images"]
    if getty and parts[known[-1]].lower() in _GETTY_COLLECTIONS:
        known = [i for i in known if i != getty[-1]] + [getty[-1]]
    if known:
        credit = parts[known[-1]]
        sources = [parts[i] for i in known[:-1] if _known(parts[i]) != _known(credit)]
        others = [p for i, p in enumerate(parts) if i not in known]
        people = [p for p in others if p.lower() not in _SUPPLIED]
        source = sources[-1] if sources else (handles[0] if handles else "")
        if not source and len(people) >= 2 and not _looks_like_person(people[-1]):
            # "Name/The Canadian Press/AP": the organisation between the photographer and
            # the distributing agency supplied the picture.
            source = people.pop()
        return CreditParts(credit, source, people[0] if people else "")
    if handles:  # "Twitter/@handle" with a platform we do not know: still the platform
        return CreditParts(parts[-1], handles[0], "")
    first, last = parts[0], parts[-1]
    # "AGENCY/Name" when the first is written in capitals and is more than initials;
    # otherwise "Name/Agency", the agency distributing the picture last.
    if first.isupper() and len(first) >= 2 and not _initials(first):
        # "JACK HILL/THE TIMES": both in capitals, a person's name then the paper's
        if not (
            last.isupper()
            and _looks_like_person(first.title())
            and not _looks_like_person(last.title())
        ):
            return CreditParts(first, "", last)
    if _looks_like_person(last) and not _looks_like_person(first) and not _initials(first):
        return CreditParts(first, "", last)  # "Bild: Bundeswehr / Marco Dornbusch"
    return CreditParts(last, "", first if _looks_like_person(first) or _initials(first) else "")


def _read_single(name: str) -> CreditParts:
    """A name with no slash: an agency, "Name (AGENCY)", "Name for The New York Times"."""
    m = _KOREAN_STAFF_RE.match(name.strip())
    if m:
        return CreditParts(m["who"], "", m["who"])
    m = _KOREAN_GIVEN_RE.match(name.strip())
    if m:
        return CreditParts(_known(m["org"]) or m["org"], "", "")
    m = _PAREN_ORG_RE.match(name)
    if m and _known(m["org"]):
        inner = _read_name(m["who"])
        if inner.credit and _known(inner.credit) and not inner.creator:
            return CreditParts(m["org"], inner.credit, "")
        return CreditParts(m["org"], inner.source, inner.creator or inner.credit)
    who, comma, org = name.rpartition(",")
    org_named = _known(org) or _is_org_name(org.strip()) or _is_site_name(org)
    if comma and _looks_like_person(who.strip()) and org_named:
        return CreditParts(org.strip(), "", who.strip())  # "Name, Getty Images" (Gannett style)
    m = _FOR_RE.match(name)
    if m and _looks_like_person(m["who"]):
        org = m["org"].strip(' «»“”"')
        if _known(org) or _is_org_name(org):  # "Name for The New York Times", "Name for NPR"
            return CreditParts(org, "", m["who"])
    m = _ON_SITE_RE.match(name)
    if m and _looks_like_person(m["who"]):
        return CreditParts(m["site"], "", m["who"])  # "Name on Unsplash", "Name from Pixabay"
    m = _CHANNEL_RE.match(name)
    if m and agency_named(m["platform"]) and agency_named(m["platform"]).kind == "social":
        return CreditParts(m["platform"], m["who"], "")
    m = _OWNER_PLATFORM_RE.match(name) or _PLATFORM_PAGE_OF_RE.match(name)
    if m and agency_named(m["platform"]) and agency_named(m["platform"]).kind == "social":
        who = re.sub(r"^the\s+", "", m["who"].strip(), flags=re.IGNORECASE)
        return CreditParts(agency_named(m["platform"]).name, who, "")
    m = _OWNER_SITE_RE.match(name.strip())
    if m and _is_org_name(m["owner"]):
        owner = m["owner"]  # "Screenshot from X website": the site's owner is credited
        return CreditParts(_known(owner) or owner, "", "")
    m = _KIND_SUPPLIED_RE.match(name.strip())
    if m:
        return CreditParts("Supplied", "", "")  # "Photo supplied": "Supplied", kind word put first
    m = _CONTRIBUTED_RE.match(name.strip())
    if m:
        return CreditParts(m["word"], "", "")
    platform, _sp, owner = name.strip().partition(" ")
    social = agency_named(platform)
    if owner and social and social.kind == "social" and owner[:1].isupper():
        return CreditParts(platform, owner, "")  # "Facebook Name": the page's owner is the source
    if social and social.kind == "social" and re.fullmatch(r"@[\w.]+", owner):
        return CreditParts(social.name, owner, "")  # "Instagram @handle": the account's handle
    return CreditParts(name.strip(), "", "")


# "Courtesy Mandy Lee", "Courtesy of the Smith family": the words before the name.
# Spanish "Gentileza X", "Cortesía X" likewise; "courtesy of the Body": the article in lower
# case is no part of the name ("The Boston Globe" keeps its own).
_COURTESY_RE = re.compile(
    r"^(?:courtesy(?:\s+of)?|(?:(?:photo|image|video|vidéo|foto)\s+)?"
    r"(?:(?:provided|supplied|submitted|released)\s+by|fournie?s?\s+par|cortes[ií]a(?:\s+de)?"
    r"|gentileza(?:\s+de)?))"
    r"\s+(?:(?-i:the)\s+(?=[A-Z]))?(?=\S)",
    re.IGNORECASE,
)
# "Archives House", "Name, Archivo HOUSE": a picture from the house's own archive, the house
# credited; only a house (known, in capitals or named with its article), not "Archivo
# General de la Nación", a body named for its archive.
_HOUSE_ARCHIVE_RE = re.compile(
    r"(?:^|(?<=,)\s*)(?:Archives?|Archivo|Arquivo|Archivio|Archiv)\s+(?P<house>\S[^,]*)$",
    re.IGNORECASE,
)
_HOUSE_ARTICLES = _ARTICLES | {"L’", "L'", "Los", "Las", "O", "Os", "Het"}


def _without_house_archive(text: str) -> str:
    m = _HOUSE_ARCHIVE_RE.search(text)
    if not m:
        return text
    house = m["house"].strip()
    first = house.split()[0]
    if not (_known(house) or house.isupper() or first.title() in _HOUSE_ARTICLES):
        return text
    return f"{text[: m.start()].rstrip()} {house}".strip()


# "Name of the body, obtained by ProPublica": who obtained the picture is not its credit.
_OBTAINED_RE = re.compile(
    r",\s*(?:obtained|provided|released|supplied|acquired) (?:by|to|through) [^,]+$", re.I
)
# "Channel X, used in accordance with Clause 27a of the Copyright Law", "X, used with
# permission": the terms the picture is printed under, no part of the name credited.
_USED_UNDER_RE = re.compile(
    r",\s*(?:used|reproduced|published)\s+(?:in accordance with|under|with(?:out)?\s+permission"
    r"|by permission|with the permission)\b.*$",
    re.I,
)


def _read_name(text: str) -> CreditParts:
    kept = text.strip(" ,;")
    text = _SUFFIX_RE.sub("", kept if ends_in_abbreviation(kept) else text.strip(" .,;")).strip()
    text = _OBTAINED_RE.sub("", text).strip()
    text = _USED_UNDER_RE.sub("", text).strip()
    if " | " in text and "/" not in text:
        # "Name | House", "File | House", "Courtesy | Body": the bar printed as a slash
        return _read_slashes(text.replace(" | ", "/"))
    text = _without_house_archive(_COURTESY_RE.sub("", text))
    if not text:
        return CreditParts()
    m = _NAME_COPYRIGHT_RE.match(text)
    if m and (_looks_like_person(m["who"]) or _initials(m["who"])):
        inner = _read_name(m["org"])  # "Name © House"
        return CreditParts(inner.credit, inner.source, m["who"].strip())
    via = list(_VIA_RE.finditer(text))
    if via:
        last = via[-1]
        left, right = text[: last.start()].strip(" ,;"), text[last.end() :].strip()
        if left and right:
            distributor = _read_name(right)
            supplier = _read_name(left)
            # "Name/AFP via Getty Images": AFP supplied, Name took it; "Ministry of Defence,
            # via Reuters", "Press Office via AP": whoever hands a picture out supplies it.
            source, creator = supplier.credit, supplier.creator
            return CreditParts(distributor.credit, source, creator or distributor.creator)
    if "/" in text:
        return _read_slashes(text)
    pieces = re.split(r"\s+[-–]\s+", text)
    if len(pieces) == 2 and any(_known(p) for p in pieces):
        return _read_slashes("/".join(pieces))  # "Keystone - Name", "Name - AFP"
    if len(pieces) == 2 and sum(map(_looks_like_person, pieces)) == 1:
        return _read_slashes("/".join(pieces))  # "Name - TVR": a person and a house unknown
    return _read_single(text)


# "(ABC News: Jess Lodge)", "(Supplied: Name)", "(AAP: Name)": the organisation, or the
# word that the picture was handed out, printed as the label before the name.
_ORG_COLON_RE = re.compile(r"^(?P<org>[^:()/]{2,40}?)\s*:\s*(?P<who>[^:()]{2,80})$")


# Labels of a bracketed note that are not a credit ("(Update: ...)", "(Left to right: ...)").
_NOT_ORG_LABELS = frozenset(
    (
        "note",
        "update",
        "updated",
        "correction",
        "editor's note",
        "file",
        "left",
        "right",
        "top",
        "bottom",
        "inset",
        "pictured",
        "above",
        "below",
        "centre",
        "center",
        "from left",
        "left to right",
        "from left to right",
        "clockwise from top left",
    )
)


def _is_org_label(org: str) -> bool:
    """Is the part before a colon in a bracketed credit an organisation (or "Supplied")?"""
    org = org.strip()
    if org.lower() in _NOT_ORG_LABELS:
        return False
    if org.lower() in _SUPPLIED or _known(org):
        return True
    words = org.split()
    return len(words) <= 4 and _is_org_name(org)


def _read_org_colon(org: str, who: str) -> CreditParts:
    inner = _read_name(who)
    if org.lower() in _SUPPLIED:  # "(Supplied: Name)": whoever supplied it is credited
        person = _looks_like_person(who)
        return CreditParts(inner.credit, inner.source, inner.creator or (who if person else ""))
    credit = _known(org) or canonical_credit(org)
    if _looks_like_person(who):
        return CreditParts(credit, "", who, org)
    return CreditParts(credit, inner.credit, inner.creator, org)


# A house's own desk before the name: "ST PHOTO: NAME", "TOI photo by Name", "XYZ Video: Name".
_DESK_WORDS = r"(?i:photo(?:graph)?s?|pictures?|video|graphics?|file photo)"
# A photographer known by one name ("KT Photo: Shihab"), after the house's desk initials.
_ONE_NAME_RE = re.compile(r"^[A-Z][a-z]{2,}$")
_DESK_RE = re.compile(rf"^(?P<house>\S.*?)\s+{_DESK_WORDS}$")
_DESK_BY_RE = re.compile(
    rf"^(?P<house>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){{0,3}})\s+{_DESK_WORDS}\s+by\s+"
    r"(?P<who>[A-Z].*)$"
)


_HOUSE_PHOTO_RE = re.compile(
    r"^(?P<house>\S.*?)\s+(?P<file>(?i:file)\s+)?(?i:photo(?:graph)?|screen ?grab|screenshot)$"
)
_NOT_HOUSES = frozenset(("staff", "file", "handout", "pool", "contributed", "submitted", "stock"))


def _is_house(name: str, *, file_photo: bool) -> bool:
    """Is ``name``, printed before "photo" or "file photo", a house (a paper, an agency)?

    Before "file photo" a name is the house's archive's, never a photographer's.
    """
    words = name.split()
    return (
        1 <= len(words) <= 4
        and name.lower() not in _NOT_HOUSES
        and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)
        and (file_photo or not _looks_like_person(name))
    )


_GRAPHIC_LABELS = frozenset(
    """graphic graphics infographic chart map grafik infografik grafiikka gráfico infografía
    grafikk infografikk infografica infografia infográfico infografico grafico grafica graphique infographie grafiek kaart karte carte mapa
    infografika grafika graafik""".split()
) | {"đồ họa"}
_DATA_SOURCE_RE = re.compile(
    rf"^(?P<maker>[^:]+?)\s*(?:(?P<sep>[/;,|•])|\.(?=\s)|(?<=\s)[-–—](?=\s))\s*(?:Sources?|Data|{SOURCE_WORDS}|Dati|Données|Daten|Datos|"
    r"Dados|Gegevens|Tiedot)\s*:\s*(?P<data>[^/:]+)$",
    re.IGNORECASE,
)


# "Fuente: Junta de X. EL MUNDO": after a source label, the body, then the house in capitals.
_SOURCE_THEN_HOUSE_RE = re.compile(
    r"^(?P<data>[^:.]+?)\.\s+(?P<house>[^\s.:]+(?:\s+[^\s.:]+){0,3})$"
)
_SOURCE_LABELS = frozenset(
    "source sources źródło quelle fuente fonte lähde källa kilde forrás zdroj джерело источник".split()
)


def _title_if_caps(name: str) -> str:
    """An organisation's name printed in capitals, words only ("THE TIMES"; not "TV 2"), in
    title case."""
    words = name.split()
    if name.isupper() and len(words) >= 2 and all(w.isalpha() for w in words):
        if _looks_like_person(name.title()):
            return canonical_credit(name)
        return name.title()
    return canonical_credit(name)


# "Name, MDR, tagesschau 12:00 Uhr, 04.12.2026": a broadcaster's video credit, the reporter,
# the broadcaster, the programme and its airtime, the date (German public broadcasters).
BROADCAST_META_RE = re.compile(
    r"^(?P<who>[^,\d]{3,60}),\s*(?P<house>[^,\d]{2,30}),\s*[^,]{2,60}?\s\d{1,2}[:.]\d{2}\s+Uhr,"
    r"\s*\d{1,2}\.\d{1,2}\.\d{2,4}$"
)


def read_credit_line(line: str) -> CreditParts:
    """Read a printed credit line into the credited organisation, its source and creator.

    The line may carry its label and brackets ("(Image: GETTY)", "Photograph: Name/Agency",
    "Image source, Getty Images", "© 2022 Reuters", "Фото: Name / Agency"); a line in none of
    the known conventions is taken as the organisation's name itself. A known agency is named
    by its canonical name (`archive.agencies.canonical_credit`): "GETTY" gives "Getty Images".

    ============================================  ==============  ===========  ============
    printed                                       credit          source       creator
    ============================================  ==============  ===========  ============
    ``(Image: GETTY)``                            Getty Images
    ``(Image: Twitter/@DefenceHQ)``               Twitter         @DefenceHQ
    ``Photograph: Name/AFP via Getty Images``     Getty Images    AFP          Name
    ``REUTERS/Name/File Photo``, ``Name/Reuters``  Reuters                      Name
    ``(AP Photo/Name, File)``                     AP                           Name
    ``(Ukrainian Presidential Press Office via    AP              Ukrainian
    AP)``                                                         Presiden...
    ``Credit...Name for The New York Times``      The New York                 Name
                                                  Times
    ``Foto: Name (EFE)``                          EFE                          Name
    ============================================  ==============  ===========  ============
    """
    from archive.articles.special_credits import read_special_credit  # it imports this module

    special = read_special_credit(line)  # licences, "X/Reuters files", two halves, Lithuanian
    if special is not None:
        return special
    from archive.articles.credit_forms import read_credit_form  # it reads with this module

    form = read_credit_form(norm(line), read_credit_line)
    if form is not None:
        return form
    m = BROADCAST_META_RE.match(norm(line).strip())
    if m:
        house = m["house"].strip()
        return CreditParts(_known(house) or house, "", m["who"].strip(), house)
    text, label = _unwrap(EDITOR_INITIALS_RE.sub("", norm(line).strip()))
    text = _PICTURE_DATE_RE.sub("", text)
    text = _CAPTURE_OF_RE.sub("", text)
    m = _DESK_BY_RE.match(text)
    if m and not _BY_LABEL_RE.match(text) and not _looks_like_person(m["house"]):
        return CreditParts(_known(m["house"]) or m["house"], "", m["who"].strip(), m["house"])
    m = _ORG_COLON_RE.match(text) if not label else None
    if m and _is_org_label(m["org"]):
        desk = _DESK_RE.match(m["org"].strip())
        who = m["who"].strip()
        one_name = _ONE_NAME_RE.match(who) and who.lower() not in _SUPPLIED
        if (
            desk
            and not agency_named(m["org"].strip())
            and (_looks_like_person(who.title()) or one_name)
        ):
            house = desk["house"]  # "ST PHOTO: NAME": the house ST, its photographer NAME
            return CreditParts(_known(house) or house, "", m["who"].strip(), house)
        return _read_org_colon(m["org"].strip(), m["who"].strip())
    if label == "composite":
        return _read_composite(text)
    m = _DATA_SOURCE_RE.match(text)
    if m and (
        label in _GRAPHIC_LABELS or (not label and ("/" in m["maker"] or m["sep"] in (";", "•")))
    ):
        # "Graphic: House / Source: Body": the graphic's maker, drawn from the body's data;
        # "NAME/HOUSE, SOURCE: BODY" with no label (a Canadian paper's graphics desk);
        # "© House; Quelle: Body" (the house's copyright, then the data's source).
        maker, data = m["maker"].strip(), m["data"].strip()
        drawn = _read_name(maker) if "©" in maker or "/" in maker else None
        if drawn and drawn.creator:  # "Grafik: Name © House. Kilde: Body", "Name / House"
            house = _known(drawn.credit) or _title_if_caps(drawn.credit)
            return CreditParts(house, _known(data) or data, drawn.creator, maker)
        stop = text[m.end("maker") :].lstrip().startswith(".")
        if stop and not _known(maker) and _looks_like_person(maker):
            # "Grafik: Name. Källa: Body": the graphic's maker alone, credited as its creator
            return CreditParts(maker, _known(data) or data, maker, maker)
        return CreditParts(_known(maker) or maker, _known(data) or data, "", maker)
    m = _SOURCE_THEN_HOUSE_RE.match(text)
    if m and label in _SOURCE_LABELS and (m["house"].isupper() or _known(m["house"])):
        # "Fuente: Body. HOUSE": the data's source first, the house that drew it after.
        house = m["house"]
        return CreditParts(_known(house) or _title_if_caps(house), m["data"], "", house)
    m = _HOUSE_PHOTO_RE.match(text)
    if m and "/" not in text and _is_house(m["house"], file_photo=bool(m["file"])):
        # "(Asahi Shimbun file photo)", "Harbour News photo": the house's own desk, no name.
        house = m["house"]
        return CreditParts(_known(house) or canonical_credit(house), "", "", house)
    if STAFF_CREDIT_RE.match(norm(line).strip("()[] ")):
        # "Staff photo by Name": the paper's own photographer; the caller credits the paper.
        return CreditParts("", "", text, "")
    text = without_place_and_date(text)
    run_on = run_on_house(text)
    if run_on:
        who, house = run_on
        return CreditParts(_known(house) or house, "", who, house)
    parts = _read_name(text)
    printed = parts.credit
    if _AGENCY_PHOTO_RE.search(printed) and agency_named(printed.rsplit(" ", 1)[0]):
        printed = printed.rsplit(" ", 1)[0]  # "AP Photo": the desk prints "AP"
    credit = _known(parts.credit) or canonical_credit(parts.credit)
    if credit.isupper() and len(credit.split()) >= 2 and not _looks_like_person(credit.title()):
        credit = credit.title()  # "THE TIMES": an organisation's name printed in capitals
    return CreditParts(credit, _known(parts.source) or parts.source, parts.creator, printed)


def credit_name(raw: str) -> str:
    """The credited organisation a printed credit names (see `read_credit_line`)."""
    return read_credit_line(raw).credit
