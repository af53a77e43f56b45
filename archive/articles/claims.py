"""Propose claim candidates: the sentences of an article that state a checkable fact.

Paragraphs are split into sentences (`split_sentences`); a sentence with a figure, an
attributed quotation, a description of what a video shows or status wording is proposed with
its claimant (`extract_claim_candidates`). Clear rules, no statistics.
"""

from __future__ import annotations

import re

from archive.articles.dates import MONTH_WORD_RE, RELATIVE_TIME_RE, dateline
from archive.articles.draft import ClaimCandidate, norm
from archive.articles.figures import read_figures
from archive.articles.postpositions import FINNISH_ACCORDING_RE, finnish_source
from archive.articles.text_lines import BYLINE_RE, is_boilerplate

# --------------------------------------------------------------------------------------------
# Sentences

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st gen lt col sgt capt cpt maj rev sen rep gov pres jr sr inc ltd co
    corp vs etc no nos fig approx dept est adm cmdr brig hon govt jan feb mar apr jun jul aug
    sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun e.g i.e u.s u.k u.n a.m
    p.m mt ft lb op vol""".split()
    # written before a figure in other languages: Polish "ok." (about), "ul." (street),
    # "tys." / "mln" / "mld" (thousand, million, billion); German "ca." / "rd." (about),
    # "Nr.", "Mio." / "Mrd."; French "env." (about); Spanish "aprox."
    + "ok ul tys mln mld ca rd nr mio mrd env aprox".split()
)
_SPLIT_POINT_RE = re.compile(r"[.!?]+|[“”\"]")
_CLOSERS = "”\"’')]"
_OPENERS = "“\"‘'(["
_MAX_QUOTED_SENTENCE = 600


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences.

    A sentence ends at ".", "!" or "?" (with any closing quotes or brackets) followed by a
    space and a capital letter, digit or opening quote — but not after a known abbreviation
    ("Mr.", "U.S.", "Gen.") or an initial ("J. Smith"), and not inside a double-quoted
    passage: a quotation of several sentences stays whole with its attribution (unless it
    runs past 600 characters, when it is split as usual).
    """
    text = norm(text)
    sentences: list[str] = []
    start = 0
    inside = False
    n = len(text)
    for m in _SPLIT_POINT_RE.finditer(text):
        ch = m.group()
        if ch == "“":
            inside = True
            continue
        if ch == "”":
            inside = False
            continue
        if ch == '"':
            inside = not inside
            continue
        end = m.end()
        while end < n and text[end] in _CLOSERS:
            if text[end] == "”" or (text[end] == '"' and inside):
                inside = False
            end += 1
        if end >= n or not text[end].isspace():
            continue
        k = end
        while k < n and text[k].isspace():
            k += 1
        if k >= n:
            break
        nxt = text[k]
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
            continue
        if inside and (m.start() - start) < _MAX_QUOTED_SENTENCE:
            continue
        if ch == ".":
            word = text[: m.start()].rsplit(None, 1)[-1] if text[: m.start()].strip() else ""
            word = word.lstrip(_OPENERS).lower()
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        sentence = text[start:end].strip()
        if sentence:
            sentences.append(sentence)
        start = k
        if inside and (m.start() - start) >= _MAX_QUOTED_SENTENCE:
            inside = False
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


# --------------------------------------------------------------------------------------------
# Attribution

_SPEECH_VERB_RE = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|claimed|claims|stated|states|announced|"
    r"announces|insisted|insists|warned|warns|wrote|writes|tweeted|tweets|posted|estimated|"
    r"estimates|suggested|suggests|reported|reports|revealed|reveals|confirmed|confirms|"
    r"alleged|alleges|explained|explains|declared|noted|pointed out|predicted|predicts|"
    r"predicting|forecast|forecasts|found|finds|believes|believe|acknowledged|admitted|"
    r"polled|surveyed|counted|recorded|measured|"
    r"admits|denied|denies|"
    r"a déclaré|a dit|a affirmé|a indiqué|a annoncé|a précisé|a revendiqué|a assuré|"
    r"a estimé|a expliqué|a dénombré|explique|affirme|estime|assure|indique|précise|"
    r"sagte|sagten|sagt|erklärte|erklärten|erklärt|teilte|teilten|teilt|berichtete|betonte|"
    r"betont|warnte|warnt|schätzt|schätzte|rechnet|kündigte|bestätigte|"
    r"dijo|afirmó|declaró|informó|aseguró|señaló|explica|afirma|asegura|calcula|lamenta|"
    r"explicó|estima|contó|indicó|sostuvo|advirtió|precisó|agregó|añadió|dice|estimó|"
    r"calculó|admitió|reconoció|anunció|confirmó|midió|registró|contabilizó|"
    r"disse|diz|afirmou|anunciou|confirmou|adiantou|explicou|garantiu|referiu|revelou|"
    r"admitiu|indicou|acusa|contesta|"
    r"säger|sade|uppger|uppgav|berättar|berättade|meddelar|meddelade|bekräftar|bekräftade|"
    r"skriver|uppskattar|räknar med|"
    r"prévoit|recense|souligne|a souligné|ajoute|a ajouté|raconte|a raconté|confie|a confié|"
    r"nannte|"
    r"заявил[аи]?|сообщил[аи]?|сказал[аи]?|отметил[аи]?|заявив|заявила|заявили|"
    r"повідомив|повідомила|повідомили|сказав|сказала|зазначив|зазначила)(?!\w)",
    re.IGNORECASE,
)
_ACCORDING_RE = re.compile(
    r"\b(?:according to|citing|selon|d['’]après|laut|nach Angaben|según|de acuerdo con|"
    r"de acordo com|segundo(?=\s+(?:o|a|os|as|[A-ZÀ-Ý]))|по словам|по данным|"
    r"по информации|за словами|за даними|за інформацією|volgens|enligt|według|secondo)"
    r"\s+([^,.;:“”\"«»]+)",
    re.IGNORECASE,
)
_DATA_FROM_RE = re.compile(
    r"\b(?i:figures|data|statistics|numbers|estimates|research|analysis|report|survey|study|"
    r"poll|polling)\s+(?:from|by|of|published by|released by)\s+((?:the\s+)?[A-Z][^,.;:“”\"]*?)"
    r"\s+(?:show|shows|showed|suggest|suggests|suggested|found|finds|reveal|reveals|revealed|"
    r"indicate|indicates|indicated)\b"
)
_STATUS_PATTERNS = (
    r"could not be independently verified",
    r"cannot be independently verified",
    r"could not be independently confirmed",
    r"not been independently verified",
    r"could not be verified",
    r"has not been verified",
    r"have not been verified",
    r"unverified",
    r"unconfirmed",
    r"purportedly",
    r"allegedly",
    r"alleged",
    r"reportedly",
    r"appears? to \w+",
    r"claimed",
    r"claims",
)
_STATUS_RE = [re.compile(rf"\b{p}\b", re.IGNORECASE) for p in _STATUS_PATTERNS]
_MEDIA_NOUN_RE = re.compile(
    r"\b(?:video|videos|footage|clip|clips|image|images|photo|photos|photograph|photographs|"
    r"picture|pictures)\b",
    re.IGNORECASE,
)
_MEDIA_VERB_RE = re.compile(
    r"\b(?:shows?|showed|shown|appears? to|appeared to|can be seen|is seen|are seen|captured|"
    r"filmed|depicts?|purports? to|purported to)\b",
    re.IGNORECASE,
)
_DAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_ORG_WORDS = frozenset(
    """ministry mod hq department government office army forces force military police agency
    feed page kremlin council commission committee authorities officials spokesman
    spokeswoman spokesperson service services command staff headquarters pentagon
    administration parliament court union organisation organization institute group company
    firm bank regulator watchdog charity operator insight ltd inc plc corp association
    federation foundation network party treasury ministère gouvernement préfecture marine
    syndicats autorités agence police ministerium regierung polizei behörde verband bundeswehr
    ministerio gobierno agencia policía министерство минобороны правительство міністерство
    уряд sindicato instituto entidad federación federação ordem associação asociación
    universidad universidade hospital câmara mairie rectorat conseil direcção direção
    comisión comissão oy oyj ry""".split()
)
_ORG_SUFFIXES = (
    "ministerium",
    "amt",
    "behörde",
    "regierung",
    "verband",
    "dienst",
    "institut",
    "verket",
    "bolaget",
    "förbundet",
)
# Back-references that name no organisation by themselves: resolved to the last one named.
_BACK_REFERENCES = frozenset(
    """company firm group operator business organisation organization body spokesperson
    spokesman spokeswoman figures data estimates numbers statement agency ministry department
    charity association regulator watchdog institute union insurer airline bank report survey
    study poll audit analysis review accounts census service authority council
    entidad organismo sindicato empresa portal instituto unternehmen
    behörde""".split()
)
_TITLE_WORDS = frozenset(
    """president minister secretary spokesman spokeswoman spokesperson governor mayor executive
    chief director commander general adviser advisor aide ambassador chairman chairwoman chair
    head leader deputy officer official analyst economist professor senator chancellor premier
    envoy lawyer researcher founder ceo boss captain colonel lieutenant sergeant marshal admiral
    commissioner inspector prosecutor judge diplomat councillor mp mep presenter correspondent
    editor governor-general vice-president gov sprecher sprecherin minister ministre ministro
    président presidente porte-parole portavoz""".split()
)
_PRONOUNS = {
    "he": "person",
    "she": "person",
    "it": "org",
    "they": "any",
    "we": "any",
    # the same in other languages ("säger han", "según él", "selon lui"): the French
    # ones stand for a masculine or feminine noun, a "service" as well as a person.
    "han": "person",
    "hon": "person",
    "lui": "any",
    "elle": "any",
    "él": "person",
    "ella": "person",
    "ele": "person",
    "ela": "person",
}
_PERSON_NOUNS = frozenset(
    """minister president governor mayor spokesman spokeswoman spokesperson official chief
    executive director commander secretary leader head analyst""".split()
)
_VAGUE_ORG_NOUNS = frozenset(
    """company firm group operator business it organisation organization body
    spokesperson spokesman spokeswoman figures data estimates numbers statement""".split()
)
_LEADING_ADVERBIALS = frozenset(
    """in on at as after before during meanwhile but and however earlier later speaking today
    yesterday also while when since then separately elsewhere with of among from for by to
    per""".split()
)
_AUXILIARIES = frozenset(
    """has have had also today yesterday previously later earlier then reportedly now
    recently once""".split()
)
_DETERMINERS = frozenset(
    """the a an its his her their our this that le la l’ l' les der die das den el los las un
    une ein eine o os as""".split()
)
_CONNECTORS = (
    "of",
    "the",
    "for",
    "and",
    "de",
    "at",
    # inside names in other languages: "Sindicato Independente dos Médicos", "Händlerverband
    # am Ostkreuz", "Instituto Nacional de la Vivienda", "Conseil du Val-de-Marne"
    "do",
    "da",
    "dos",
    "das",
    "del",
    "la",
    "du",
    "des",
    "am",
    "im",
    "der",
    "für",
    "von",
)
_WIRE_DATELINE_RE = re.compile(
    r"^[A-ZÀ-ÝА-ЯІЇЄҐ][A-ZÀ-ÝА-ЯІЇЄҐ .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,40})?\s*"
    r"\((?:AP|AFP|Reuters|dpa|Bloomberg|UPI|PA|EFE|ANSA)\)\s*[-–—]+\s*"
)


def _quoted_spans(sentence: str) -> list[tuple[int, int]]:
    spans = []
    i, n = 0, len(sentence)
    while i < n:
        ch = sentence[i]
        if ch in '“"«':
            closer = {"“": "”", "«": "»"}.get(ch, '"')
            j = sentence.find(closer, i + 1)
            if ch == "“" and j == -1:
                j = sentence.find('"', i + 1)
            end = n if j == -1 else j + 1
            spans.append((i, end))
            i = end
            continue
        i += 1
    return spans


def _inside(pos: int, spans) -> bool:
    return any(a <= pos < b for a, b in spans)


def _bare(word: str) -> str:
    """A word without punctuation or possessive ending, lower-cased ("MoD’s" -> "mod")."""
    word = word.strip(",;:()“”\"'’.").lower()
    return word[:-2] if word.endswith(("’s", "'s")) else word


def _is_org(name: str) -> bool:
    """An organisation: "UK Ministry of Defence", "Defense of Ukraine", "Ofgem", "NASA"."""
    words = name.split()
    bare = [_bare(w) for w in words]
    return (
        any(w in _ORG_WORDS or w.endswith(_ORG_SUFFIXES) for w in bare)
        or (len(words) == 1 and name[:1].isupper())
        or any(w in ("of", "for", "&", "and") for w in bare)
        or any(len(w) > 1 and w.isupper() for w in words)
    )


def _is_name_segment(segment: str) -> bool:
    """Is this comma-separated segment a name ("Maureen Walsh", "The UK Ministry of Defence")?"""
    words = segment.split()
    if not words or len(words) > 7:
        return False
    if words[0].lower() in _LEADING_ADVERBIALS or words[0].lower() in _DETERMINERS - {"the"}:
        return False
    if words[0].lower() == "the" and len(words) > 1:
        words = words[1:]
    return (
        all(
            w.strip('“”"()')[:1].isupper() or w.lower() in _CONNECTORS or w in ("&",) for w in words
        )
        and words[-1][:1].isupper()
    )


def _subject_before(sentence: str, verb_start: int, trailing: bool) -> str:
    """The claimant named before a speech verb, as printed."""
    region = sentence[:verb_start]
    for a, b in reversed(_quoted_spans(region)):
        region = region[:a] + " " + region[b:]
    region = region.rstrip(" :;–—-")  # a comma stays: it ends an appositive
    words = region.split()
    # Skip auxiliaries directly before the verb ("has claimed", "today said").
    while words and words[-1].lower().strip(",") in _AUXILIARIES:
        words.pop()
    if len(words) > 1 and re.fullmatch(r"\([A-Z]{2,}\),?", words[-1]):
        words.pop()  # "The Institute for Fiscal Studies (IFS) said"
    if not words:
        return ""
    if (
        len(words) >= 2
        and words[-2].lower() in _DETERMINERS
        and words[-1].isalpha()
        and words[-1].islower()
        and not (len(words) >= 3 and words[-3].lower() in ("of", "de", "av", "von"))
    ):
        return " ".join(words[-2:])  # "..., mas a secretaria diz": the noun before the verb
    last = words[-1].strip(",")
    if last.lower() in _PRONOUNS and not words[-1].endswith(","):
        return last
    segments = [s.strip() for s in " ".join(words).split(",") if s.strip()]
    # An appositive before the verb ("Ukrenergo, the national grid operator, said"; "Maureen
    # Walsh, 78, from Bootle, Merseyside, told"): the first name among the segments.
    if words[-1].endswith(",") and not trailing:
        for seg in segments:
            if _is_name_segment(seg):
                return seg
    # A run of capitalised words right before the verb: "Defence Minister Sergei Shoigu".
    run: list[str] = []
    for w in reversed(words):
        core = w.strip(',;:()“”"')
        if w.endswith((",", ";", ":")) and run:
            break
        if (
            core[:1].isupper()
            and core.lower() not in _DAY_NAMES
            and not MONTH_WORD_RE.match(core)
            and not (run and core.lower() in _LEADING_ADVERBIALS)
        ):
            run.append(core)
            if w.endswith((",", ";", ":")):
                break
            continue
        if run and core.lower() in _CONNECTORS and len(run) < 6:
            run.append(core)
            continue
        break
    while run and run[-1].lower() in _CONNECTORS:
        run.pop()
    if run:
        candidate = " ".join(reversed(run))
        if not (candidate.lower().split()[0] in _LEADING_ADVERBIALS and len(run) == 1):
            # Keep a lower-case title or descriptor in front ("Air force spokesman X").
            return candidate
    # Trailing attributions take the last segment ("..., the MoD pointed out"); leading
    # ones the first that is not an adverbial and names someone.
    if trailing and segments:
        last_seg = segments[-1]
        if len(last_seg.split()) <= 6:
            return last_seg
    for seg in segments:
        first = seg.split()[0].lower()
        if first in _LEADING_ADVERBIALS:
            continue
        seg_words = [_bare(w) for w in seg.split()]
        if any(w[:1].isupper() for w in seg.split()) or any(w in _ORG_WORDS for w in seg_words):
            if len(seg.split()) <= 6:
                return seg
    if segments and len(segments[-1].split()) <= 6:
        return segments[-1]
    return ""


def _subject_after(sentence: str, verb_end: int) -> str:
    """The claimant named right after a speech verb ("..., said John Smith", "заявил Лавров",
    "..., säger han", "..., a indiqué la mairie", "..., säger rektorn Maria Holmgren")."""
    run: list[str] = []
    lead: list[str] = []  # lower-case words before the name: an article, a title, a noun
    for w in sentence[verb_end:].split()[:12]:
        core = w.strip(',;:()“”"«».')
        low = core.lower()
        if not core:
            break
        if not run and not lead and low in _PRONOUNS:
            return core
        if core.endswith((":s", "’s", "'s")) and core[:1].isupper() and not run:
            lead.append(core)  # "GEAB:s driftchef Annika Lindqvist": the owner, then the name
            continue
        if core[:1].isupper() or (run and low in _CONNECTORS):
            run.append(core)
            if w != core and not w.endswith("’s"):
                break
            continue
        if run:
            break
        if low in {"the", "a", "an"} | _DETERMINERS | _TITLE_WORDS or (
            len(lead) < 2 and not core[:1].isdigit()
        ):
            lead.append(core)
            if w != core:
                break
            continue
        break
    while run and run[-1].lower() in _CONNECTORS:
        run.pop()
    if run:
        return " ".join(run)
    if len(lead) == 2 and lead[0].lower() in _DETERMINERS:
        # "la mairie", "the company": resolved to the one named before; "le rectorat de
        # Créteil" names its place.
        rest = sentence[verb_end:].split()[2:5]
        if (
            len(rest) >= 2
            and rest[0].lower() in _CONNECTORS
            and rest[1][:1].isupper()
            and sentence[verb_end:].split()[1] == lead[1]
        ):
            return " ".join(lead + [rest[0], rest[1].strip(',;:()“”"«».')])
        return " ".join(lead)
    return ""


_CONJUNCTIONS = frozenset(
    """though although while because as but and when if since that which who que att och dass
    und et y e""".split()
)
_BE_FORMS = frozenset(
    "is are was were be been being est sont ist sind war es son fue é são foi".split()
)
_QUANTITY_WORDS = frozenset(
    """most many some several few half all both others none majority""".split()
)


def _usable_verb(sentence: str, v: re.Match) -> bool:
    """A speech verb that attributes: not "an estimated 250,000" nor "are estimated at"."""
    before = sentence[: v.start()].split()
    prev = before[-1].lower().strip(",") if before else ""
    return prev not in {"a", "an", "the", "its", "their", "his", "her"} | _BE_FORMS


def _inverted(sentence: str, v: re.Match) -> bool:
    """Is the speaker named after the verb: "..., säger han", "“...”, said Jo Bloggs"?"""
    region = sentence[: v.start()].rstrip()
    if len(sentence[v.end() :].split(",")[0].split()) > 7:
        return False  # "..., said he would rather stay ashore than ...": a clause follows
    if region.endswith(("”", "»", '"', "’")):
        return True
    if not region.endswith(","):
        return False
    segments = [seg.strip() for seg in region.split(",") if seg.strip()]
    return not any(_is_name_segment(seg) for seg in segments)


_V2_ACCORDING = frozenset(("volgens", "enligt", "według", "secondo"))
_V2_SOURCE_RE = re.compile(
    r"(?:hem|haar|hen|honom|henne|dem|niego|niej|nich|lui|lei|loro)(?!\w)|"
    r"(?:(?:de|het|den|det|il|la|i|le)\s+)?(?:[^\W\d_A-ZÀ-ÞА-ЯЄІЇҐ][\w-]*\s+){0,2}"
    r"[A-ZÀ-Þ][\w’'-]*(?:\s+(?:[A-ZÀ-Þ][\w’'-]*|van|von|de|der|den))*"
)


def _closing_attribution(sentence: str, v: re.Match) -> bool:
    """Does the verb close the sentence after a comma (", the survey found.", ", säger han.")?"""
    rest = sentence[v.end() :].strip(' .!?”"’')
    region = sentence[: v.start()]
    comma = region.rfind(",")
    subject = region[comma + 1 :].split()
    clause = len(rest.split()) > 1 and rest.split()[0].lower() in _PRONOUNS  # "said they had"
    return (
        comma >= 0
        and 0 < len(subject) <= 6
        and subject[0].lower() not in _CONJUNCTIONS  # ", though AT has said no one ..."
        and len(rest.split()) <= 4
        and not clause
    )


_KICKER_RE = re.compile(r"^[A-Z][\w’' -]{1,30}:\s+(?=\S)")


def _attribution(sentence: str, spans) -> str:
    """Who the sentence says states it, as printed ("" when it attributes nothing)."""
    kicker = _KICKER_RE.match(sentence)
    if (
        kicker
        and len(kicker.group().split()) <= 4
        and not _SPEECH_VERB_RE.search(kicker.group())
        and sentence[kicker.end()] not in _OPENERS + "«„"
    ):
        # A signpost opening the sentence ("Driving the news:", "By the numbers:") is no
        # part of its subject; blanked, so positions in the sentence stay as they are.
        sentence = " " * kicker.end() + sentence[kicker.end() :]
        spans = _quoted_spans(sentence)
    m = _ACCORDING_RE.search(sentence)
    if m and not _inside(m.start(), spans):
        who = re.split(r"\s+(?:who|which|that|on|in|at|and|as)\s+", m.group(1).strip())[0]
        if m.group(0).split()[0].lower() in _V2_ACCORDING:
            # "Volgens netbeheerder TenneT staan ...": the verb follows the source at once in
            # these languages, so the source is the name (and its title) only.
            name = _V2_SOURCE_RE.match(m.group(1))
            who = name.group(0).strip() if name else " ".join(who.split()[:2])
        # "a statement from the Bank" names the Bank.
        who = re.sub(r"^(?:an?|the)\s+(?:statement|report|post|update)\s+(?:from|by)\s+", "", who)
        return who.strip()
    m = _DATA_FROM_RE.search(sentence)
    if m and not _inside(m.start(), spans):
        return m.group(1).strip()
    m = FINNISH_ACCORDING_RE.search(sentence)
    if m and not _inside(m.start(), spans):
        return finnish_source(m["who"])
    verbs = [
        v
        for v in _SPEECH_VERB_RE.finditer(sentence)
        if not _inside(v.start(), spans) and _usable_verb(sentence, v)
    ]
    # A closing ", the survey found." attributes the whole sentence, whatever verbs precede.
    if len(verbs) > 1 and _closing_attribution(sentence, verbs[-1]):
        verbs = [verbs[-1]]
    for v in verbs:
        trailing = not sentence[v.end() :].strip(' .,!?”"’')
        before = sentence[: v.start()].split()
        clause = re.split(r"[,;]\s+(?:and\s+|but\s+)?", sentence[: v.start()])[-1].split()
        if before and (
            before[-1].strip(",").replace(",", "").replace(".", "").isdigit()
            or before[-1].lower() in _QUANTITY_WORDS
            or (clause and clause[0].lower() in _QUANTITY_WORDS)
        ):
            return "?"  # "Of those, 41 said", "half of those said": people counted
        if _inverted(sentence, v):
            subject = _subject_after(sentence, v.end())
            if subject:
                return subject
        subject = _subject_before(sentence, v.start(), trailing)
        if not subject and (spans or v.start() < len(sentence) // 2):
            subject = _subject_after(sentence, v.end())
        if subject:
            return subject
        return "?"  # attributed, to nobody we can name
    return ""


def _name_in(printed: str) -> str:
    """A claimant's name without its title or article ("regional governor Oleh Kravets" ->
    "Oleh Kravets", "The UK Ministry of Defence" -> "UK Ministry of Defence")."""
    printed = re.sub(
        r"\s+(?:on|in|at|last|this)\s+(?:[A-Z]\w+day|January|February|March|April|May|June|"
        r"July|August|September|October|November|December|week|month|year)\b.*$",
        "",
        printed,
    )
    printed = re.sub(r"\s+\([A-Z]{2,}\)$", "", printed)  # "Institute for Fiscal Studies (IFS)"
    words = printed.split()
    while len(words) > 1 and words[0].lower() in _DETERMINERS and words[1][:1].isupper():
        words = words[1:]
    if (
        len(words) > 2
        and words[0].endswith(("’s", "'s"))
        and all(w[:1].isupper() or w.lower() in _CONNECTORS for w in words[1:])
    ):
        words = words[1:]  # "Mozambique's National Institute for Disaster Risk Management"
    # Descriptors before a name: "Charity National Energy Action", "Consumer group Which?",
    # "analysts at Cornwall Insight".
    lowered = [w.lower() for w in words]
    for marker in ("at", "group", "charity", "campaigners", "analysts"):
        if marker in lowered[:-1]:
            k = len(lowered) - 1 - lowered[::-1].index(marker)
            rest = words[k + 1 :]
            if rest and all(w[:1].isupper() or w.lower() in _CONNECTORS for w in rest):
                if marker in ("charity",) and k != 0:
                    continue
                words = rest
                break
    if len(words) > 1 and words[0].lower() == "charity" and words[1][:1].isupper():
        words = words[1:]
    titled = [i for i, w in enumerate(words) if _bare(w) in _TITLE_WORDS]
    if titled:
        tail = words[titled[-1] + 1 :]
        if (
            tail
            and all(w[:1].isupper() for w in tail)
            and not any(_bare(w) in _ORG_WORDS for w in tail)
        ):
            return " ".join(tail)
    return " ".join(words)


class _Claimants:
    """Who has been named so far, to resolve "He", "the agency" and surnames."""

    def __init__(self) -> None:
        self.last_person = self.last_org = self.last_any = ""
        self.full_names: dict[str, str] = {}  # surname -> the longest name met ending in it
        self.orgs: list[str] = []  # organisations named in the text, latest last
        self.short_forms: dict[str, str] = {}  # "PMC" -> "Pune Municipal Corporation"
        self.names: list[str] = []  # every claimant named, latest last

    def mention(self, sentence: str) -> None:
        """Note the organisations a sentence names, claimant or not, and the short forms it
        gives them ("the Pune Municipal Corporation (PMC)")."""
        for m in re.finditer(
            r"(?:[A-ZÀ-Ý][\w’'&?-]*(?:\s+(?:of|for|and|the|de|do|da|dos|das|del|du|des|am|der)?"
            r"\s*[A-ZÀ-Ý][\w’'&?-]*)*)(?:\s+\(([A-Z][A-Za-z0-9&-]{1,9})\))?",
            sentence,
        ):
            name = re.sub(r"\s+\([^)]*\)$", "", m.group().strip())
            if len(name.split()) > 1 and any(
                _bare(w) in _ORG_WORDS or _bare(w).endswith(_ORG_SUFFIXES) for w in name.split()
            ):
                name = re.sub(r"^(?:The|A|An|O|A|Os|As|El|La|Le|Der|Die|Das)\s+", "", name)
                self.orgs.append(name)
            if m.group(1) and len(name.split()) > 1:
                short = m.group(1)
                name = re.sub(r"^(?:The|A|An|O|A|Os|As|El|La|Le|Der|Die|Das)\s+", "", name)
                self.short_forms[short] = name

    def resolve(self, printed: str) -> str:
        """The claimant a sentence's attribution names, resolved when it refers back."""
        if not printed or printed == "?":
            return ""
        low = printed.lower()
        if low in _PRONOUNS:
            kind = _PRONOUNS[low]
            found = self.last_person if kind == "person" else self.last_org if kind == "org" else ""
            return found or self.last_any
        words = printed.split()
        possessive = any(w.endswith(("’s", "'s")) for w in words[:-1])
        if (
            words[0].lower() in _DETERMINERS
            and len(words) > 1
            and not possessive
            and (
                not any(w[:1].isupper() for w in words[1:])
                or _bare(words[-1]).endswith(("sprecher", "sprecherin"))  # German nouns
            )
        ):
            return self._generic(words)
        name = _name_in(printed)
        if len(name.split()) == 1 and name in self.full_names:
            name = self.full_names[name]
        elif name in self.short_forms:
            name = self.short_forms[name]
        hints = {_bare(w) for w in name.split()}
        if not any(w[:1].isupper() for w in name.split()) and not hints & _ORG_WORDS:
            if not hints & {"analysts", "experts", "officials", "campaigners", "sources"}:
                return ""
        return self.remember(name)

    def remember(self, name: str) -> str:
        surname = name.split()[-1]
        if len(name.split()) > 1 and len(name) > len(self.full_names.get(surname, "")):
            self.full_names[surname] = name
        if _is_org(name):
            self.last_org = name
            self.orgs.append(name)
        elif name[:1].isupper():
            self.last_person = name
        self.last_any = name
        self.names.append(name)
        return name

    def _generic(self, words: list[str]) -> str:
        """ "the agency", "A spokesperson", "the country’s defence ministry", "its chief"."""
        noun = _bare(words[-1])
        # "A council spokesperson", "a ministry official": the council, the ministry named
        # before; German compounds likewise ("Ein Bahnsprecher": the Bahn).
        owner = next(
            (_bare(w) for w in words[1:-1] if _bare(w) in _ORG_WORDS | _BACK_REFERENCES), ""
        )
        for suffix in ("sprecherin", "sprecher"):
            if noun.endswith(suffix) and len(noun) > len(suffix) + 2:
                owner = noun[: -len(suffix)].rstrip("-")
        if (
            owner
            and noun in _PERSON_NOUNS | _TITLE_WORDS | {"sprecher", "sprecherin"}
            or (owner and noun.endswith(("sprecher", "sprecherin")))
        ):
            for org in reversed(self.orgs + self.names):
                if any(_bare(w).startswith(owner) for w in org.split()):
                    return org
        for org in reversed(self.orgs):
            org_words = {_bare(w) for w in org.split()}
            if noun in org_words or (noun == "ministry" and "mod" in org_words):
                return org
        if noun in _PERSON_NOUNS - {"spokesman", "spokeswoman", "spokesperson"} and (
            self.last_person
        ):
            return self.last_person
        if noun in _BACK_REFERENCES and self.last_org:
            return self.last_org
        if words[0].lower() in ("le", "la", "l’", "l'", "el", "der", "das"):
            words = words[1:]  # "le ministère de l’intérieur" names the ministry
            return self.remember(" ".join(words))
        return " ".join(words)


def _status_of(sentence: str) -> str:
    for pattern in _STATUS_RE:
        m = pattern.search(sentence)
        if m:
            return m.group(0).lower()
    return ""


def _is_furniture(sentence: str) -> bool:
    """A dateline, byline or page furniture line that reached the paragraphs."""
    return bool(
        dateline(sentence) or BYLINE_RE.match(sentence) or is_boilerplate(sentence)
    ) or bool(RELATIVE_TIME_RE.match(sentence))


def extract_claim_candidates(paragraphs: list[str]) -> list[ClaimCandidate]:
    """Propose the figures and statements of an article that can be checked. Clear rules:

    1. Every figure (`read_figures`: digits, number words, fractions, percentages, money,
       ranges) is a candidate of its own, with the sentence it is in, when it names what it
       counts, or is attributed, or the sentence uses status wording.
    2. A sentence without a figure is a candidate when it carries an attributed direct
       quotation of at least six words (including a paragraph that continues an open
       quotation), says what a video or picture shows, or uses status wording
       ("unverified", "could not be independently verified").

    The claimant is who the sentence says states it ("according to X", "X said", "figures
    from X show"), as a name without its title ("Defence Minister Sergei Shoigu" -> "Sergei
    Shoigu"). "He"/"She" resolve to the last person named as a claimant, "It" to the last
    organisation, "the agency"/"the department" to the last organisation of that name,
    "the company"/"a spokesperson" to the last organisation, a surname to the full name met
    earlier, and a continued quotation to its speaker; `claimant_as_printed` keeps the words
    of the sentence when they differ. A sentence with no attribution takes the claimant of
    the nearest attributed sentence of its paragraph, else stays without one.
    """
    candidates: list[ClaimCandidate] = []
    people = _Claimants()
    quote_speaker = ""
    prev_open_quote = False

    for index, paragraph in enumerate(paragraphs):
        paragraph = _WIRE_DATELINE_RE.sub("", norm(paragraph))
        if not paragraph or _is_furniture(paragraph):
            continue
        continuing = prev_open_quote and paragraph[:1] in '“"'
        rows: list[tuple[list[ClaimCandidate], bool, str]] = []  # candidates, attributed, claimant
        for s_index, sentence in enumerate(split_sentences(paragraph)):
            spans = _quoted_spans(sentence)
            printed = _attribution(sentence, spans)
            claimant = people.resolve(printed)
            people.mention(sentence)
            attributed = bool(printed)
            quote_words = max((len(sentence[a:b].split()) for a, b in spans), default=0)
            in_continued_quote = continuing and s_index == 0
            if in_continued_quote and not claimant:
                claimant = quote_speaker
                attributed = attributed or bool(quote_speaker)
            if attributed and spans and claimant:
                quote_speaker = claimant
            as_printed = printed if printed not in ("", "?", claimant) else ""
            status = _status_of(sentence)
            figures = read_figures(sentence) if len(sentence.split()) >= 4 else []
            # A figure in the attribution is no claim: "according to two people present".
            at = sentence.find(printed) if printed not in ("", "?") else -1
            if at >= 0:
                figures = [f for f in figures if not at <= f.start < at + len(printed)]
            made: list[ClaimCandidate] = []
            counts = any(f.unit for f in figures)
            for figure in figures:
                if figure.unit or attributed or status or counts or figure.share:
                    made.append(
                        ClaimCandidate(
                            sentence=sentence,
                            claimant=claimant,
                            figure=figure.value,
                            figure_high=figure.high,
                            unit=figure.unit,
                            claimant_as_printed=as_printed,
                            status=status,
                            paragraph_index=index,
                        )
                    )
            if not made:
                named = printed not in ("", "?")  # a speaker named or referred to
                rule_quote = quote_words >= 6 and (named or in_continued_quote)
                rule_media = bool(
                    _MEDIA_NOUN_RE.search(sentence) and _MEDIA_VERB_RE.search(sentence)
                )
                rule_status = (
                    bool(status)
                    and status not in ("claims", "claimed")
                    and not status.startswith("appear")
                )
                if rule_quote or rule_media or rule_status:
                    made.append(
                        ClaimCandidate(
                            sentence=sentence,
                            claimant=claimant,
                            claimant_as_printed=as_printed,
                            status=status,
                            paragraph_index=index,
                        )
                    )
            rows.append((made, bool(claimant), claimant))
        # An unattributed figure takes the claimant of the nearest attributed sentence of its
        # paragraph, the one before it first.
        for k, (made, has, _claimant) in enumerate(rows):
            if has:
                candidates.extend(made)
                continue
            order = [rows[j] for j in range(k - 1, -1, -1)] + rows[k + 1 :]
            near = next((c for _m, h, c in order if h), "")
            for cand in made:
                if cand.figure is not None and near:
                    cand.claimant = near
            candidates.extend(made)
        prev_open_quote = paragraph.count("“") > paragraph.count("”") or (
            paragraph.count('"') % 2 == 1
        )
    return candidates
