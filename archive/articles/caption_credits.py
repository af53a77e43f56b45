"""Find where a printed caption's credit line starts, in the conventions we know, and read it.

`read_caption` cuts a caption as printed into its visible caption and its credit line (a
bracketed group, a labelled line, "Name/AGENCY", a name in capitals after the last full stop,
"caption | CREDIT", the BBC's "Image source," ...), each read by
`credit_lines.read_credit_line`. `split_credit` and `parse_credit_text` are the older, narrower
calls, kept for their callers and answering from the same rules. Pure, no Django.
"""

from __future__ import annotations

import re
from dataclasses import replace

from archive.articles.caption_labels import mid_caption_label
from archive.articles.caption_separators import separated_credit, uncoloned_credit_line
from archive.articles.credit_forms import reads_as_sentence
from archive.articles.credit_forms_archive import desk_without_name
from archive.articles.credit_labels import NO_COLON_WORDS
from archive.articles.credit_lines import (
    _BBC_SOURCE_RE,
    _BY_LABEL_RE,
    _BY_PREP,
    _BY_WORDS,
    _COPYRIGHT_RE,
    _DESK_BY_RE,
    _HOUSE_PHOTO_RE,
    _LABEL_RE,
    _LABEL_WORDS,
    _MADE_FROM_RE,
    _ON_SITE_RE,
    _ORG_COLON_RE,
    _SLASHED_LABELS,
    _SUFFIX_RE,
    _VIA_RE,
    _VIDEO_DESK_RE,
    _VIDEO_LABELS,
    AUTHOR_LABEL_RE,
    EDITOR_INITIALS_RE,
    KOREAN_CREDIT_RE,
    PICTURE_DATE,
    SOURCE_WORDS,
    PrintedCaption,
    _is_house,
    _is_org_label,
    _unwrap,
    ends_in_abbreviation,
    read_credit_line,
)
from archive.articles.credit_names import (
    _NAME_JOINERS,
    _SUPPLIED,
    _is_name_part,
    _is_org_name,
    _known,
    _looks_like_person,
    reads_as_title,
)
from archive.articles.draft import norm
from archive.articles.file_marker_credits import without_file_marker
from archive.articles.genitive_credits import closing_lithuanian_credit
from archive.articles.glued_credits import glued_credit
from archive.articles.licence_credits import licence_caption
from archive.articles.person_agency_credits import person_agency
from archive.articles.script_credits import caption_and_credit_line, says_video
from archive.articles.site_credits import site_slash_credit

# "Image source, Getty Images" (BBC), optionally followed by "Image caption, ..."
_BBC_LEAD_RE = re.compile(
    r"^\s*(?P<line>Image source,\s*(?P<name>.+?))\s*(?:Image caption,\s*(?P<cap>.*))?$",
    re.IGNORECASE | re.DOTALL,
)
_BBC_TRAIL_RE = re.compile(
    r"^(?P<cap>.*?)\s*(?P<line>Image source,\s*(?P<name>[^,]+?))\s*$", re.DOTALL
)
# The BBC's labels before a caption, read aloud by screen readers: not part of the caption.
_BBC_CAPTION_RE = re.compile(r"^(?P<label>Image|Media) caption,\s*(?P<cap>.*)$", re.I | re.DOTALL)
# "(Image: GETTY)", "(PA Wire)", "(AP Photo/Name)": a bracketed group closing the caption.
# "[Name/Agency]", "[File: Name/AP Photo]" (Al Jazeera's square brackets) too.
_TRAILING_PAREN_RE = re.compile(r"\s*(?P<line>\((?P<inner>[^()]+)\)|\[(?P<sq>[^\[\]]+)\])\s*$")
# "Caption. Photograph: Name/Agency", "Фото: Name / Agency", "Foto: Name (EFE)", "Credit...X"
_BARE_LABEL_RE = re.compile(
    rf"(?:^|(?<=\s)|(?<=[.!?]))(?P<line>(?:(?:{_LABEL_WORDS})\s*(?::|፡|\.\.\.|…|：|៖|=|՝)|Fot\.|Rys\.(?=\s+(?-i:[A-ZĄĆĘŁŃÓŚŹŻ]))|{NO_COLON_WORDS})\s*"
    rf"(?P<name>[^:()]+?(?:\s*\([^():]+\))?))\s*$",
    re.IGNORECASE,
)
# "Photo by Jane Doe/Getty Images", "Photo illustration by Name/POLITICO via Getty Images"
# "A caption. Image by Name/Agency.", "... Map courtesy of X.": a credit sentence closing
# the caption, its full stop part of the credit line.
_BARE_BY_RE = re.compile(
    rf"(?:^|(?<=\s)|(?<=[.!?]))(?P<line>{_BY_WORDS}\s+{_BY_PREP}\s+"
    r"(?P<name>[^:()]+?)(?P<stop>\.)?)\s*$"
)
# A sentence ending inside a name: "the sea. Image by X" is no name ("J. Smith" is one).
_SENTENCE_BREAK_RE = re.compile(r"[^\W\d_]{2}[.!?]\s")
# "© Getty Images", "(c) 2022 Reuters", "Copyright Jane Doe"
_TRAILING_COPYRIGHT_RE = re.compile(
    r"(?:^|(?<=\s))(?P<line>\(?(?:©|\(c\)|Copyright)\s*(?P<name>[^©]+?)\)?)\s*$"
)
# "REUTERS/Gleb Garanich", "EPA-EFE/Name", "AFP/Name/File"
_AGENCY_SLASH_RE = re.compile(
    r"(?:^|(?<=\s)|(?<=[.!?]))(?P<line>(?P<agency>[A-Z][A-Z&-]{1,}|Reuters)\s*/\s*"
    r"(?P<who>[A-Z][^/]*?(?:/[^/]+?)*))\s*$"
)
# "Chip Somodevilla/Getty Images", "Name/AFP via Getty Images", "Name/AP"
_NAME_SLASH_RE = re.compile(
    r"(?:^|(?<=\s))(?P<line>(?P<who>(?:[A-Z]\.|[A-Z][\w'’-]*)(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]*|"
    r"de|van|von|der|da|la|le|al|bin|for))*)\s*/\s*(?P<agency>[A-Za-z][\w&'’. -]*?))\s*$"
)
# One word of _NAME_SLASH_RE's name: an initial, a capitalised word or a particle.
_NAME_SLASH_WORD_RE = re.compile(r"(?:[A-Z]\.|[A-Z][\w'’-]*|de|van|von|der|da|la|le|al|bin|for)")


def _name_slash_search(text: str) -> re.Match | None:
    """``_NAME_SLASH_RE.search(text)``, in time linear in the text.

    Its name runs to the last "/" (the agency after it holds none), so the match starts in
    the run of name-like words just before that slash: the search starts there. Searched
    from the start, every capitalised word of a long line not ending so was tried in turn,
    each attempt reading to the line's end (a 40 kB line took a minute).
    """
    slash = text.rfind("/")
    if slash < 0:
        return None
    start = end = slash
    while end > 0:
        while end > 0 and text[end - 1].isspace():
            end -= 1
        begin = end
        while begin > 0 and not text[begin - 1].isspace():
            begin -= 1
        if begin == end or not _NAME_SLASH_WORD_RE.fullmatch(text, begin, end):
            break
        start = end = begin
    return _NAME_SLASH_RE.search(text, start)


# "Kevin Dietsch, Getty Images": a photographer and a known agency after a comma
_NAME_COMMA_RE = re.compile(
    r"(?:^|(?<=\s))(?P<line>(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}),\s+"
    r"(?P<agency>[A-Z][\w&'’. -]*?))\s*$"
)
# "Źródło: City Hall", "Autor: Name / Źródło: Agency": a line that is only a credit labelled
# with the word for "source" (and its author's), printed under the caption.
_SOURCE_LINE_RE = re.compile(
    rf"^(?:(?:{AUTHOR_LABEL_RE.pattern[1:]})[^:/]+?\s*/\s*)?(?:{SOURCE_WORDS})\s*:\s*"
    r"(?P<name>[^:.!?]+(?:\.[a-z]{2,3}\b[^:.!?]*)?)$",
    re.IGNORECASE,
)
_CAPTION_END_OK = frozenset(".!?;:)]”’\"'|–—-")
# Page furniture copied with a caption: a gallery's counter, the buttons beside the credit.
# "1 of 3" in other languages too: "1 di 3", "2 sur 5", "3 von 8", "1 de 4", "1 z 6", "1 av 3"
_COUNTER_RE = re.compile(
    r"^(?:\[?\d+\s*/\s*\d+\]?\s+(?=\S)|"
    r"\d+ (?:of|di|sur|von|de|z|av|af|van|из|з) \d+\s+(?=[^\W\d_])(?=[^a-zа-я]))"
)
_BUTTONS_RE = re.compile(
    r"(?:\s+(?:Purchase Licensing Rights|Acquire Licensing Rights(?:, opens new tab)?|"
    r"toggle caption|hide caption|Enlarge this image|Expand|Close))+$",
    re.IGNORECASE,
)


# "A caption. Foto Name", "A chart, 2016-2026. Grafiek NRC": the label with no colon after
# the caption's last sentence (Dutch papers; some German and Scandinavian ones).
_NO_COLON_LABEL_RE = re.compile(
    r"(?<=[.!?])\s+(?P<line>(?:Foto|Photo|Beeld|Grafiek|Grafik|Illustratie|Illustration|Kaart)"
    r"\s+(?P<name>[A-Z][^.!?:;,()]*?))\s*$"
)


# "A caption. Photo / Name": the slashed label after the caption's last sentence
_SLASHED_LABEL_RE = re.compile(
    rf"(?:^|(?<=[.!?]))\s*(?P<line>(?:{_SLASHED_LABELS})\s+/\s+(?P<name>[A-Z][^/.!?:;()]*?))\s*$"
)


# "A chart, 2020-2026. Graphic: Name. Source: Body": the label, its maker and, after a full
# stop, the data's source, closing the caption's last sentence (Nordic and German papers).
# The tool a chart was drawn with, closing its credit ("... • Created with Datawrapper"): no
# part of the credit line.
_CHART_TOOL_RE = re.compile(
    r"\s*[•·|–—-]\s*(?:Created|Made|Built|Generated)\s+(?:with|using|in)\s+"
    r"(?:Datawrapper|Flourish|Infogram|Tableau(?: Public)?|Google Sheets|Highcharts|Canva)\s*$",
    re.IGNORECASE,
)
# A line holding only such a credit ("Chart: House • Source: Body") is read the same way; the
# caption may end with no full stop before the label ("Pendler am Abend Grafik: X / Quelle: Y").
_LABEL_THEN_SOURCE_RE = re.compile(
    rf"(?:^|(?<=[.!?])\s+|(?<=\w)\s+(?=(?-i:[A-ZÀ-Þ])))"
    rf"(?P<line>(?:{_LABEL_WORDS}|Chart|Map)\s*:\s*(?P<maker>[^:()]+?)(?:[.,]|\s+[/;|–—•])\s+"
    rf"(?:Sources?|{SOURCE_WORDS})\s*:\s*(?P<data>[^:()]+?)\.?)\s*$",
    re.IGNORECASE,
)
# "A chart. Fuente: Body. HOUSE": the data's source first, then the house in capitals that
# drew it (Spanish papers).
_SOURCE_THEN_HOUSE_RE = re.compile(
    rf"(?<=[.!?])\s+(?P<line>(?i:Sources?|{SOURCE_WORDS})\s*:\s*(?P<data>[^:().]+?)\.\s+"
    r"(?P<house>[^\s.!?]+(?:\s+[^\s.!?]+){0,3}))\s*$"
)


def _maker_and_source(found: PrintedCaption, m: re.Match) -> PrintedCaption:
    """``found`` with the graphic's maker as credit and the data's body as source, when the
    credit reader named no source ("Chart: House • Source: Body")."""
    if found.source:
        return found
    maker, data = m["maker"].strip(), m["data"].strip()
    return PrintedCaption(
        found.caption, found.credit_line, _known(maker) or maker, _known(data) or data
    )


def _closes_sentences(rest: str) -> bool:
    """Does the caption before a credit end with a full sentence ("... on 1 December.")?"""
    rest = rest.rstrip()
    return len(rest.split()) >= 3 and rest[-1:] in ".!?" and rest[-2:-1].isalnum()


def _names_a_body(name: str) -> bool:
    """Is ``name`` capitalised words, perhaps closed by one common noun ("X Facebook page")?"""
    words = name.split()
    if not 1 <= len(words) <= 10 or not words[0][:1].isupper():
        return False
    lower = [i for i, w in enumerate(words) if w[:1].islower() and w.lower() not in _NAME_JOINERS]
    return not lower or lower == [len(words) - 1]


def _is_credited_name(name: str) -> bool:
    """Is ``name`` one to five capitalised words, perhaps "Name/AGENCY" ("Sander Veld/ANP")?"""
    words = name.replace("/", " ").split()
    return 1 <= len(words) <= 5 and all(
        w[:1].isupper() or w.lower() in _NAME_JOINERS for w in words
    )


def _clean_caption_rest(rest: str) -> str:
    rest = rest.rstrip()
    while rest and rest[-1] in "|–—-" and (len(rest) < 2 or rest[-2] == " "):
        rest = rest[:-1].rstrip()
    return without_file_marker(rest)


def _clean_boundary(rest: str) -> bool:
    """Does the caption text before a bare credit end at a clean boundary?"""
    rest = rest.rstrip()
    return not rest or rest[-1] in _CAPTION_END_OK


def _is_credit_in_brackets(inner: str) -> bool:
    """Does a bracketed group close a caption as its credit, with no label to say so?

    Yes when it names a known agency (alone, as "AGENCY Photo/Name", "Name/AGENCY" or "X via
    AGENCY"), or says the picture was handed out ("Handout", "Supplied", "Photo by ...").
    "(courtesy of the family)" is not: an unknown convention is never guessed.
    """
    inner = norm(inner)
    if inner.lower() in _SUPPLIED or _BY_LABEL_RE.match(inner) or _COPYRIGHT_RE.match(inner):
        return True
    if _DESK_BY_RE.match(inner):
        return True  # "(TOI photo by Name)": a house's desk and its photographer
    m = _HOUSE_PHOTO_RE.match(inner)
    if m and "/" not in inner and _is_house(m["house"], file_photo=bool(m["file"])):
        return True  # "(Harbour Post file photo)": the house's own archive or desk
    if desk_without_name(inner):
        return True  # "(Harbour Post Video)", "(Harbour Post Photo/File)": the house's desk
    text = EDITOR_INITIALS_RE.sub("", _SUFFIX_RE.sub("", inner))
    pieces = [p for p in re.split(r"\s*/\s*|\s+via\s+", text) if p]
    if len(pieces) > 4 or len(text.split()) > 10:
        return False
    if any(_known(p) for p in pieces) and (len(pieces) > 1 or bool(_known(text))):
        return True
    if len(pieces) == 2 and all(p.isupper() for p in pieces) and len(pieces[0].split()) == 1:
        # "(AGENCY/NAME SURNAME)": an agency's short name, then its photographer, in capitals
        if 2 <= len(pieces[1].split()) <= 4 and _looks_like_person(pieces[1].title()):
            return True
    # "(Marvin Joseph/The Washington Post)", "[Name/Al Jazeera]": a photographer's name and
    # the organisation they shoot for, neither of them known, in the "Name/Organisation" form.
    if len(pieces) == 2 and _looks_like_person(pieces[0]) and _is_org_name(pieces[1]):
        return True
    # "(Kompas/Name)", "(JP/Name)": the agency or the house's initials first, one word, then
    # the photographer (Asian English-language papers).
    if len(pieces) == 2 and "/" in text and _looks_like_person(pieces[1]):
        return len(pieces[0].split()) == 1 and _is_org_name(pieces[0])
    # "(Courtesy of Riau Forestry Office)": a body named in capitals handed the picture out.
    m = _COURTESY_OF_RE.match(text)
    return bool(m) and _names_a_body(m["body"]) and not _looks_like_person(m["body"])


_COURTESY_OF_RE = re.compile(r"^[Cc]ourtesy\s+of\s+(?P<body>[A-Z].*)$")


# Labels that say the media is a picture: "Image: Lakeside TV" credits a still, not a video.
_PICTURE_LABELS = frozenset(("image", "images", "photo", "photos", "photograph", "picture", "pic"))


def _video_by(line: str) -> bool:
    """Does a credit say a video was made or given by someone ("Video courtesy of X")?"""
    text = norm(line).strip("()[] ")
    return bool(_BY_LABEL_RE.match(text)) and text.split()[0].lower() in _VIDEO_LABELS | {"footage"}


# A usage note printed in brackets before the credit ("(PHOTO NOT FOR SALE) (Yonhap)",
# "(EDITORIAL USE ONLY) (Reuters)"): a restriction on the picture, part of its credit line.
_USAGE_NOTE_RE = re.compile(
    r"\s*(?P<note>[(\[](?:[A-Z]+\s+)?(?:NOT FOR SALE|NO SALES?|NO RESALES?|EDITORIAL USE ONLY|"
    r"MANDATORY CREDIT|NO ARCHIVES?|NO MARKETING|NO ADVERTISING|RESTRICTED|HANDOUT PHOTO|"
    r"FOR EDITORIAL USE ONLY|NO THIRD PARTY SALES)[^()\[\]]*[)\]])\s*$"
)


def _found(caption: str, line: str) -> PrintedCaption:
    printed = line
    note = _USAGE_NOTE_RE.search(caption)
    if note and caption[: note.start()].strip():
        caption, printed = caption[: note.start()], f"{note['note']} {line}"
    parts = read_credit_line(line)
    label = _unwrap(line)[1]
    return PrintedCaption(
        _clean_caption_rest(caption),
        printed,
        parts.credit,
        parts.source,
        parts.creator,
        video=label in _VIDEO_LABELS
        or _video_by(line)
        or (_VIDEO_DESK_RE.search(parts.printed) is not None and label not in _PICTURE_LABELS),
    )


# "A caption. (Photo courtesy of Body)(Agency)", "... (Pool photo)(Agency)": who gave the
# picture, then the agency that distributes it, each in brackets, printed together (Japanese
# agencies' English services).
_TWO_GROUPS_RE = re.compile(r"\s*(?P<line>\((?P<giver>[^()]+)\)\((?P<agency>[^()]+)\))\s*$")


def _giver_then_distributor(text: str) -> PrintedCaption | None:
    """The caption and credit of a caption closed by "(Giver)(Agency)": the agency is the
    credit, the body that handed the picture out ("Photo courtesy of Body") its source; a pool
    or handout picture names no source. None when not so printed."""
    m = _TWO_GROUPS_RE.search(text)
    if not m or not text[: m.start()].strip():
        return None
    giver, agency = norm(m["giver"]), norm(m["agency"])
    if not _known(agency) and not _is_credit_in_brackets(agency):
        return None
    supplied = giver.lower() in _SUPPLIED
    if not supplied and not _BY_LABEL_RE.match(giver):
        return None
    parts = read_credit_line(f"({agency})")
    source = "" if supplied else read_credit_line(f"({giver})").credit
    caption = _clean_caption_rest(text[: m.start()])
    return PrintedCaption(
        caption, m["line"], parts.credit, source, parts.creator, video=_video_by(f"({giver})")
    )


# "Photo/Illustration A caption (Name)", "Video/ A caption (Video by Name)": the kind of the
# media before its caption, a slash closing it (Japanese papers' English editions).
_KIND_PREFIX_RE = re.compile(
    r"^(?P<kind>Photo|Video|Image|Picture|Graphic|Illustration)/(?:[A-Za-z]+)?\s+(?=\S)",
    re.IGNORECASE,
)


def _after_kind_prefix(text: str, *, video: bool) -> PrintedCaption:
    """A caption under its kind label: the bracketed group closing it is its credit, whatever
    it holds ("(Name)", "(Provided by X)"), under that label's convention."""
    found = read_caption(text)
    if not found.credit_line:
        m = _TRAILING_PAREN_RE.search(text)
        if m and m["inner"] and len(m["inner"].split()) <= 8 and text[: m.start()].strip():
            found = _found(text[: m.start()], m["line"])
    return PrintedCaption(
        found.caption,
        found.credit_line,
        found.credit,
        found.source,
        found.creator,
        video=video or found.video,
    )


def read_caption(printed: str) -> PrintedCaption:
    """Cut a printed caption into its caption and its credit line, and read the credit.

    The credit line is kept exactly as printed, brackets and label included: "(Image:
    GETTY)", "Photograph: Name/Agency", "REUTERS/Name", "(AP Photo/Name)", "(PA Wire)",
    "(Ukrainian Presidential Press Office via AP)", "© X", "Фото: Name / Agency", "Foto: Name
    (EFE)", "Credit...Name for The New York Times", BBC's "Image source, X". A bare
    "Name/Agency" or "AGENCY/Name" is only recognised after a clean boundary (start, or
    punctuation ending the caption) and, for "Name/Agency", when the agency is a known one.
    Anything else is an unknown convention: the caption comes back whole with no credit line —
    never a guess; callers flag that for review. The BBC's screen-reader labels ("Image
    caption, ", "Media caption, ") are not part of the caption; "Media caption" and a "Video:"
    label mark a video.
    """
    text = _BUTTONS_RE.sub("", _COUNTER_RE.sub("", norm(printed)))
    text = _CHART_TOOL_RE.sub("", text)
    if not text:
        return PrintedCaption("")

    m = _KIND_PREFIX_RE.match(text)
    if m and len(text[m.end() :].split()) >= 3:
        return _after_kind_prefix(text[m.end() :], video=m["kind"].lower() == "video")

    m = _BBC_LEAD_RE.match(text)
    if m:
        return _found((m["cap"] or "").strip(), m["name"].strip())
    m = _BBC_CAPTION_RE.match(text)
    if m:
        video = m["label"].lower() == "media"
        inner = read_caption(m["cap"])
        return PrintedCaption(
            inner.caption,
            inner.credit_line,
            inner.credit,
            inner.source,
            inner.creator,
            video=video or inner.video,
        )
    m = _BBC_TRAIL_RE.match(text)
    if m:
        rest = _BBC_CAPTION_RE.sub(r"\g<cap>", m["cap"].strip())
        return _found(rest, m["name"])

    cut = licence_caption(text)  # `licence_credits`: "... klicken. CC-BY-SA 2.0"
    if cut:
        return _found(*cut)
    cut = caption_and_credit_line(text)
    if cut:  # "…（記者Name攝）", "…＝Place, date、Name撮影", Arabic "… (Name)", "… /Name 기자"
        return (
            replace(_found(*cut), video=says_video(cut[1])) if says_video(cut[1]) else _found(*cut)
        )

    m = _SOURCE_LINE_RE.match(text)
    if m and len(m["name"].split()) <= 8:
        return _found("", text)

    cut = separated_credit(text) or uncoloned_credit_line(text)  # "A caption / фото X"
    if cut:
        return _found(*cut)

    found = _giver_then_distributor(text)
    if found:
        return found

    m = _TRAILING_PAREN_RE.search(text)
    if m and _LABEL_RE.match((m["inner"] or m["sq"]).strip()):
        return _found(text[: m.start()], m["line"])

    m = _BY_LABEL_RE.match(text)
    if m and _MADE_FROM_RE.search(m["rest"]):
        maker = _MADE_FROM_RE.sub("", m["rest"]).strip()
        if _is_credited_name(maker) and len(text.split()) <= 16:
            return _found("", text)  # a credit alone: "Illustration by X. Sources: A; B."

    m = KOREAN_CREDIT_RE.search(text)
    if m and text[: m.start("line")].strip():
        return _found(text[: m.start("line")], m["line"])  # "... 있다. 이름 기자", "... 제공"

    m = _ATTACHED_DASH_CAPS_RE.search(text)
    if m and m["line"].isupper() and len(m["line"].split()) <= 12:
        return _found(text[: m.start("dash")], m["line"])  # "... on Friday. —NAME SURNAME"

    m = _LABEL_THEN_SOURCE_RE.search(text)
    if m and _is_name_part(m["maker"]) and _is_name_part(m["data"]):
        return _maker_and_source(_found(text[: m.start("line")], m["line"]), m)

    m = _SOURCE_THEN_HOUSE_RE.search(text)
    if m and _is_name_part(m["data"]) and _is_caps_credit(m["house"]):
        return _found(text[: m.start("line")], m["line"])

    m = _BARE_LABEL_RE.search(text)
    if m and mid_caption_label(text, m.start("line"), m["name"]):
        m = None  # "Frame from the video: the director at the gate" is the caption's own
    if (
        m
        and len(m["name"].split()) <= 10
        and (m["name"][-1:] not in ".!?" or ends_in_abbreviation(m["name"]))
    ):
        if m.start("line") == 0 and _unwrap(m["line"])[1] in _VIDEO_LABELS:
            if reads_as_title(m["name"]):  # "Video: Floodwater reaches the square"
                return PrintedCaption(m["name"].strip(), video=True)
        return _found(text[: m.start("line")], m["line"])

    m = _SLASHED_LABEL_RE.search(text)
    if m and _is_credited_name(m["name"]):
        return _found(text[: m.start("line")], m["line"])

    m = _NO_COLON_LABEL_RE.search(text)
    if m and _is_credited_name(m["name"]):
        return _found(text[: m.start("line")], m["line"])

    m = _TRAILING_PAREN_RE.search(text)
    if m and m["inner"] and _clean_boundary(text[: m.start()]):
        org_colon = _ORG_COLON_RE.match(norm(m["inner"]))
        if org_colon and _is_org_label(org_colon["org"]) and _is_name_part(org_colon["who"]):
            return _found(text[: m.start()], m["line"])

    m = _TRAILING_PAREN_RE.search(text)
    if m and m["sq"] and text[: m.start()].strip() and ":" not in m["sq"]:
        # "[Keystone - Name]", "[RTS]": square brackets closing a caption hold its credit,
        # when what they hold is shaped like names.
        if all(_is_name_part(p) for p in re.split(r"\s+[-–]\s+|\s*/\s*", norm(m["sq"]))):
            return _found(text[: m.start()], m["line"])

    m = _TRAILING_PAREN_RE.search(text)
    if m and _is_credit_in_brackets(m["inner"] or m["sq"]):
        return _found(text[: m.start()], m["line"])

    m = _BARE_BY_RE.search(text)
    while m and m["stop"] and _SENTENCE_BREAK_RE.search(m["name"]):
        m = _BARE_BY_RE.search(text, m.start("line") + 1)  # the credit is the last sentence
    if m and len(m["name"].split()) <= 10 and m["name"][-1:] not in ".!?":
        name = m["name"]
        courtesy = re.search(r"\bcourtesy\b", m["line"], re.IGNORECASE)
        on_site = _ON_SITE_RE.match(name)
        by_person_on_site = bool(on_site) and _looks_like_person(on_site["who"])
        if "/" in name or _known(name) or _looks_like_person(name) or courtesy or by_person_on_site:
            return _found(text[: m.start("line")], m["line"])
        if _closes_sentences(text[: m.start("line")]) and _names_a_body(name):
            # "A caption. Photo from Body", "... Screenshot from X Facebook page": a credit
            # sentence after the caption's last full stop names whoever gave the picture.
            return _found(text[: m.start("line")], m["line"])

    m = _TRAILING_COPYRIGHT_RE.search(text)
    if m and len(m["name"].split()) <= 10 and _unwrap(m["line"])[0]:
        return _found(text[: m.start("line")], m["line"])

    m = _AGENCY_SLASH_RE.search(text)
    if m and len(m["who"].split()) <= 8 and _clean_boundary(text[: m.start("line")]):
        if reads_as_sentence(m["who"]):  # "... RFE/RL is following the strike live."
            m = None
    if m and len(m["who"].split()) <= 8 and _clean_boundary(text[: m.start("line")]):
        return _found(text[: m.start("line")], m["line"])

    m = _NAME_COMMA_RE.search(text)
    if m and _clean_boundary(text[: m.start("line")]) and _looks_like_person(m["who"]):
        if _known(m["agency"]):
            return _found(text[: m.start("line")], m["line"])

    m = _name_slash_search(text)
    if m and len(m["who"].split()) <= 5 and _clean_boundary(text[: m.start("line")]):
        agency = m["agency"]
        if _known(agency) or any(_known(p) for p in _VIA_RE.split(agency)):
            return _found(text[: m.start("line")], m["line"])

    m = _DESK_PHOTO_AFTER_STOP_RE.search(text)
    if m and _is_house(m["house"], file_photo=bool(m["file"])) and text[: m.start()].strip():
        return _found(text[: m.start("line")], m["line"])  # "... Monday. Yonhap photo Nov. 1, 2025"

    m = _CAPS_AFTER_STOP_RE.search(text)
    if m and _is_caps_credit(m["line"]) and len(text[: m.start("line")].split()) >= 3:
        return _found(text[: m.start("line")], m["line"])  # "A caption. AGENCY", "... NAME"

    closing = closing_lithuanian_credit(text)
    if closing:
        return _found(*closing)  # "A caption Ž. Name / BNS nuotr."

    glued = site_slash_credit(text) or glued_credit(text)
    if glued:
        return _found(*glued)  # "A caption. Name Surname", "A caption. Collected"

    caption, bar, credit = text.rpartition(" | ")
    if bar and caption.strip() and _is_credit_after_bar(credit.strip(), caption):
        return _found(caption, credit.strip())  # "A caption | KYODO", "... | NAME SURNAME"

    via = _VIA_RE.split(text)
    if len(via) == 2 and len(text.split()) <= 8 and _known(via[1]) and _is_name_part(via[0]):
        return _found("", text)  # a line that is only "AFP via Getty Images", "Name via AP"
    if _is_lone_credit(text):
        return _found("", text)

    return PrintedCaption(text)


# "A caption. EFE", "A caption, this week. NAME SURNAME": a credit in capitals with no label
# after the caption's last full stop (Spanish papers).
_CAPS_AFTER_STOP_RE = re.compile(
    r"(?:(?<=[^\W\d_]{3}[.!?])|(?<=[^\W\d_]\)[.!?]))\s+(?P<line>[^\s.!?]+(?:\s+[^\s.!?]+){0,3})\s*$"
)
# "A caption. AGENCY photo Nov. 17, 2025", "A caption. AGENCY file photo": a news agency's own
# desk credit after the caption's last full stop, with no label, the picture's date after it.
_DESK_PHOTO_AFTER_STOP_RE = re.compile(
    r"(?<=[.!?])\s+(?P<line>(?P<house>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})\s+"
    rf"(?P<file>(?i:file)\s+)?(?i:photo|picture)(?:\s+{PICTURE_DATE})?)\s*$"
)
# Words in capitals that close a paragraph without being a credit.
_CAPS_NOT_CREDITS = frozenset(
    ("READ MORE", "ADVERTISEMENT", "VIDEO", "WATCH", "LIVE", "UPDATE", "END", "MORE", "PHOTOS")
)


def _is_caps_credit(line: str) -> bool:
    """Is ``line`` one to four words in capitals, letters only, shaped like a name?"""
    letters = [c for c in line if c.isalpha()]
    return (
        len(letters) >= 2
        and line.isupper()
        and all(c.isalpha() or c in " /&'’-" for c in line)
        and line not in _CAPS_NOT_CREDITS
    )


def _is_credit_after_bar(text: str, caption: str) -> bool:
    """Is what follows a caption's last " | " its credit: names in capitals ("KYODO",
    "CITY HALL / VIA KYODO", "NAME SURNAME"), a known agency's name, or, after a caption's
    closing full stop, in ordinary case a photographer's name, "Courtesy of Body" or a body's
    capitalised name, nothing more ("By Name | Reporter" is a byline)?"""
    if not 1 <= len(text.split()) <= 10 or any(c in text for c in '.,;:!?"“”'):
        return False
    if (text.isupper() and len(text) >= 2) or _known(text):
        return True
    if not _closes_sentences(caption):
        return False
    m = _COURTESY_OF_RE.match(text)
    if m:
        return _names_a_body(m["body"])
    return 2 <= len(text.split()) <= 5 and _is_credited_name(text)


def _is_lone_credit(text: str) -> bool:
    """Is a line that holds nothing else a credit naming no known agency: "HANDOUT",
    "Supplied", or a photographer's name and the house they shoot for ("NAME SURNAME/THE
    DAILY NEWS", "Name Surname/Harbour News")?"""
    if text.lower().strip("()[] .") in _SUPPLIED:
        return True
    if text.strip("()[] ").replace(" ", "") == "D.R.":
        # direitos reservados, droits réservés (rights reserved); a bare "DR" is as often a
        # name (Danmarks Radio)
        return True
    pieces = [p.strip() for p in text.split("/")]
    if len(pieces) == 3 and pieces[1].lower() == "pool":
        pieces = [pieces[0], pieces[2]]  # "NAME/POOL/AGENCY": a pool picture
    if len(pieces) != 2 or len(text.split()) > 10 or any(c in text for c in ".,;:!?"):
        return False
    who, org = pieces
    return (
        _looks_like_person(who)
        and _is_org_name(org)
        and not _looks_like_person(org.title() if org.isupper() else org)
    )


# "A caption. —NAME SURNAME", "... —PHOTO FROM X": the credit in capitals straight after an
# em dash closing the caption's last sentence (Philippine papers).
_ATTACHED_DASH_CAPS_RE = re.compile(r"(?<=[.!?”’)])\s+(?P<dash>—)(?P<line>[^\s—–][^—–]*?)\s*$")


# "A caption. — Credit": the credit after a spaced dash closing the caption's last sentence
# (Pakistani and Indian papers print every caption so).
_DASH_CREDIT_RE = re.compile(
    r"^(?P<cap>.*(?:[^\W\d_][.!?”’)]|\)[.!?]))\s+(?P<dash>[—–])\s+(?P<line>[^—–]+?)\s*$"
)


def dash_separator(printed: str) -> str:
    """The dash before the credit of a caption read in a known convention ("... Tuesday. —
    Photo by Name/Agency"), or ""."""
    m = _DASH_CREDIT_RE.match(norm(printed))
    if not m:
        return ""
    found = read_caption(printed)
    return m["dash"] if found.caption and found.credit_line == m["line"] else ""


def dash_credit(printed: str, dash: str) -> PrintedCaption | None:
    """On a page whose captions close with "— Credit" (`dash_separator`), the caption and
    credit of a caption so closed by a name no other rule reads ("— HarbourTV", "— HarbourTV
    screengrab"); None when it is not so printed."""
    m = _DASH_CREDIT_RE.match(norm(printed))
    if not m or m["dash"] != dash or len(m["cap"].split()) > 40:
        return None
    line = m["line"]
    if not 1 <= len(line.split()) <= 5 or not line[:1].isupper() or any(c in line for c in ".,;!?"):
        return None
    return _found(m["cap"], line)


def dash_closed_credit(caption: str) -> tuple[str, PrintedCaption] | None:
    """The dash and the caption and credit of a caption closed by "sentence. — Name" (a
    spaced dash, then a short capitalised name: "— Harbour Post", "— Archive pic",
    "— Instagram/Harbour Fire Service"), or None; for a page whose other captions close so
    (`source.credits_after_dash_like_the_rest`)."""
    m = _DASH_CREDIT_RE.match(norm(caption))
    if not m:
        return None
    found = dash_credit(caption, m["dash"])
    return (m["dash"], found) if found else None


# "A caption / Name / Agency", "A caption / press materials": the caption, then its credit after
# a spaced slash (Polish portals print every caption so, the credit often a name no rule
# knows).
_SLASH_CREDIT_RE = re.compile(r"^(?P<cap>[^/]*?[^\s/])\s+/\s+(?P<line>[^\s/].*?)\s*$")


def slash_credit(printed: str) -> PrintedCaption | None:
    """The caption and credit of a line printed "Caption / Credit" (a caption of two words
    or more, a credit of one to eight words in at most three slashed pieces, no sentence
    punctuation in it), or None; for a page whose captions are so printed (`text`)."""
    m = _SLASH_CREDIT_RE.match(norm(printed))
    if not m or not 2 <= len(m["cap"].split()) <= 30:
        return None
    line = m["line"]
    pieces = [p for p in re.split(r"\s*/\s*", line) if p]
    if not 1 <= len(line.split()) <= 8 or len(pieces) > 3 or any(c in line for c in ".,;:!?()"):
        return None
    return _found(m["cap"], line)


def split_credit(caption: str) -> tuple[str, str, str]:
    """Split a printed caption into (caption, credit line as printed, credit); see
    `read_caption`, which also gives the source, the creator and whether it is a video."""
    found = read_caption(caption)
    return found.caption, found.credit_line, found.credit


def parse_credit_text(text: str) -> tuple[str, str]:
    """(credit_line, credit) for the text of an element that *is* a credit (its own span).

    The element's role says it is a credit, so a text in no known convention is taken whole
    as the credit name ("Getty Images").
    """
    # "- Name/Agency": the dash a page prints between the caption and its credit element
    line = re.sub(r"^[-–—|•·]\s+", "", norm(text))
    if not line:
        return "", ""
    m = _BBC_SOURCE_RE.match(line)  # the BBC's label is for screen readers, not printed
    return (m["rest"].strip() if m else line), person_agency(line, read_credit_line(line).credit)


def bracketed_credit(caption: str) -> PrintedCaption | None:
    """The caption and credit of a caption closed by a bracketed group of a few words that no
    rule reads as a credit ("... (Harbour Board)"), or None; for a page whose other captions
    close with their credits in brackets (`credits_in_brackets_like_the_rest`)."""
    m = _TRAILING_PAREN_RE.search(caption)
    if not m or not m["inner"] or not caption[: m.start()].strip():
        return None
    inner = norm(m["inner"])
    words = inner.replace("/", " ").split()
    if not 1 <= len(words) <= 8 or any(c in inner for c in ".!?;:") or not inner[:1].isupper():
        return None
    return _found(caption[: m.start()], m["line"])
