"""Who a sentence says states it, as printed: "according to X", "X said", "figures from X
show", "..., säger han". Pure; used by `claims`, which resolves the name (`claimants`).
"""

from __future__ import annotations

import re

from archive.articles.claimant_abbreviations import masked, unmasked
from archive.articles.claimant_cyrillic import as_reported_at, published_by
from archive.articles.claimant_forms import (
    DEFINITE_NOUNS,
    TURKISH_VERBS,
    cyrillic_source,
    turkish_subject,
)
from archive.articles.claimant_words import (
    AUXILIARIES,
    CONNECTORS,
    DAY_NAMES,
    DETERMINERS,
    HONORIFICS,
    LEADING_ADVERBIALS,
    ORG_WORDS,
    PERSON_NOUNS,
    PRONOUNS,
    TITLE_WORDS,
    bare_word,
)
from archive.articles.dates import is_month_word
from archive.articles.postpositions import (
    FINNISH_ACCORDING_RE,
    HUNGARIAN_ACCORDING_RE,
    finnish_source,
)
from archive.articles.records_forms import released_by
from archive.articles.sentences import OPENERS
from archive.articles.source_forms import (
    blank_brackets,
    closing_speaker,
    initials_after,
    named_after_title,
    other_source,
)
from archive.articles.speech_words import MORE_ACCORDING, MORE_SPEECH_VERBS

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
    r"admitiu|indicou|acusa|contesta|contou|relatou|declarou|informou|ressaltou|destacou|"
    r"säger|sade|uppger|uppgav|berättar|berättade|meddelar|meddelade|bekräftar|bekräftade|"
    r"skriver|uppskattar|räknar med|"
    # Norwegian and Danish ("sier", "opplyser", "siger", "oplyser", "fortæller")
    r"sier|opplyser|opplyste|forteller|fortalte|siger|sagde|oplyser|oplyste|fortæller|"
    r"bekrefter|bekreftet|bekræfter|bekræftede|anslår|anslo|anslog|"
    r"prévoit|recense|souligne|a souligné|ajoute|a ajouté|raconte|a raconté|confie|a confié|"
    r"nannte|"
    r"заявил[аи]?|сообщил[аи]?|сказал[аи]?|отметил[аи]?|заявив|заявила|заявили|"
    r"повідомив|повідомила|повідомили|сказав|сказала|зазначив|зазначила|"
    # Greek and Czech
    r"είπε|δήλωσε|ανακοίνωσε|τόνισε|ανέφερε|υποστήριξε|εκτιμά|λέει|"
    r"řekl|řekla|uvedl|uvedla|oznámil|oznámila|"
    # Slovak ("informovala hovorkyňa", "povedal tréner", "uviedla")
    r"povedal|povedala|povedali|uviedol|uviedla|uviedli|informoval|informovala|informovali|"
    r"dodal|dodala|oznámil|oznámila|napísal|napísala|vyhlásil|vyhlásila|"
    # Hungarian, after a dash closing the sentence ("– közölte X", "– mondta X")
    r"közölte|mondta|írta|nyilatkozta|hangsúlyozta|jelentette ki|tájékoztatott|"
    r"tette hozzá|"
    rf"{MORE_SPEECH_VERBS})(?!\w)",
    re.IGNORECASE,
)
_ACCORDING_RE = re.compile(
    r"\b(?:according to|citing|selon|d['’]après|laut|nach Angaben|según|de acuerdo con|"
    r"de acordo com|segundo(?=\s+(?:o|a|os|as|[A-ZÀ-Ý]))|по словам|по данным|"
    r"по информации|за словами|за даними|за інформацією|за підрахунками|за оцінками|"
    r"по подсчетам|по оценкам|volgens|enligt|według|secondo|ifølge|"
    rf"σύμφωνα με|podle|{MORE_ACCORDING})"
    r"\s+((?:[A-ZÀ-ŽА-Я]\.\s+)?[^,.;:“”\"«»]+)",  # an initial's stop: "Pasak T. Žukausko"
    re.IGNORECASE,
)
_DATA_FROM_RE = re.compile(
    r"\b(?i:figures|data|statistics|numbers|estimates|research|analysis|report|survey|study|"
    r"poll|polling)\s+(?:from|by|of|published by|released by)\s+((?:the\s+)?[A-Z][^,.;:“”\"]*?)"
    r"\s+(?:show|shows|showed|suggest|suggests|suggested|found|finds|reveal|reveals|revealed|"
    r"indicate|indicates|indicated)\b"
)

# Nordic records after the verb, closing the sentence: "…, viser tall fra X", "…, visar siffror
# från X" (figures from X show)
_NORDIC_DATA_FROM_RE = re.compile(
    r"\b(?:viser|visar)\s+(?:nye\s+|ferske\s+|nya\s+)?(?:tall|tal|siffror|data|statistikk|"
    r"statistik)\s+(?:fra|från)\s+(?P<who>[A-ZÆØÅÄÖ][^,.;:“”\"]*?)\s*[.!]?\s*$"
)

# A sentence that gives its own source in records ("Council accounts show", "the company’s
# accounts show", "new figures show", "The Ayr club's accounts, published on Friday, show"):
# the owner, when named, is its claimant; unnamed, the sentence still takes no other
# sentence's claimant.
_RECORDS_SHOW_RE = re.compile(
    r"(?:\b(?P<owner>(?:the\s+\w+|The\s+[A-Z][\w’'-]*\s+[a-z]\w*|[A-Z][\w’'&-]*(?:\s+(?:for|of|and|[A-Z][\w’'&-]*))*)"
    r"(?:’s|'s)?)\s+|\b)(?i:accounts|records|figures|data|statistics|documents|filings|"
    r"minutes)(?:,\s+[^,]{3,60},)?\s+(?:show|shows|showed|reveal|reveals|revealed)\b"
)

_RECORDS_ADJECTIVES = frozenset(
    """new latest recent official provisional published annual quarterly monthly weekly
    these those such other separate""".split()
)


def records_source(sentence: str) -> str | None:
    """The owner of the records a sentence cites ("Council" for "Council accounts show"), ""
    when they are unnamed ("new figures show"), None when it cites none."""
    m = _RECORDS_SHOW_RE.search(sentence)
    if m is None:
        return None
    owner = re.sub(r"(?:’s|'s)$", "", m["owner"] or "")
    if owner.split()[:1] in (["The"], ["the"]) and owner.split()[-1][:1].islower():
        return owner  # "the company": resolved to the one named before
    if owner.lower() in DETERMINERS or owner.lower() in _RECORDS_ADJECTIVES:
        return ""  # "The figures show", "New figures show": no owner named
    return owner if owner[:1].isupper() else ""


def quoted_spans(sentence: str) -> list[tuple[int, int]]:
    spans = []
    i, n = 0, len(sentence)
    while i < n:
        ch = sentence[i]
        j = sentence.find("“", i + 1) if ch == "„" else -1
        if j >= 0 and "”" not in sentence[i:j]:  # „…“ (Slovak, Czech, German)
            spans.append((i, j + 1))
            i = j + 1
            continue
        if ch == "“" and i and not sentence[i - 1].isspace() and "„" not in sentence[:i]:
            # A "“" right after the words closes a „…“ quotation opened in an earlier sentence.
            spans.append((spans[-1][1] if spans else 0, i + 1))
            i += 1
            continue
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


def _is_name_segment(segment: str) -> bool:
    """Is this comma-separated segment a name ("Maureen Walsh", "The UK Ministry of Defence")?"""
    words = segment.split()
    if not words or len(words) > 7:
        return False
    if words[0].lower() in LEADING_ADVERBIALS or words[0].lower() in DETERMINERS - {"the"}:
        return False
    if words[0].lower() == "the" and len(words) > 1:
        words = words[1:]
    return all(_name_word(w) or w.lower() in CONNECTORS or w in ("&",) for w in words) and (
        _name_word(words[-1])
    )


def _name_word(word: str) -> bool:
    """A capitalised word of a name, a particle glued to it too ("d’Entremont", "l’Aubier")."""
    word = re.sub(r"^(?:d|l|dell|dall)[’']", "", word.strip('“”"()'))
    return word[:1].isupper()


def _is_person_segment(segment: str) -> bool:
    """A person's name: opened by an honorific ("Mr Tunde Adeyemi-Cole"), or two to four
    capitalised words with no title nor body among them."""
    words = [bare_word(w) for w in segment.split()]
    if words and words[0].rstrip(".") in HONORIFICS and len(words) > 1:
        return True
    return 2 <= len(words) <= 4 and not any(
        w in TITLE_WORDS or w in ORG_WORDS or w in CONNECTORS for w in words
    )


def _person_of_appositive(named: list[str]) -> str:
    """The name among an appositive's segments: "The Kaduna State Commissioner for Health,
    Mr Ibrahim Musa, said" names the commissioner by name; else the first name."""
    first = named[0]
    titled = any(bare_word(w) in TITLE_WORDS for w in first.split())
    honoured = [seg for seg in named if bare_word(seg.split()[0]).rstrip(".") in HONORIFICS]
    if (
        honoured
        and not _is_person_segment(first)
        or (titled and len(named) > 1 and _is_person_segment(named[1]))
    ):
        return (honoured or named[1:])[0]
    return first


def _subject_before(sentence: str, verb_start: int, trailing: bool) -> str:
    """The claimant named before a speech verb, as printed."""
    region = sentence[:verb_start]
    for a, b in reversed(quoted_spans(region)):
        region = region[:a] + " " + region[b:]
    region = region.rstrip(" :;–—-")  # a comma stays: it ends an appositive
    words = region.split()
    # Skip auxiliaries directly before the verb ("has claimed", "today said").
    while words and words[-1].lower().strip(",") in AUXILIARIES:
        words.pop()
    if len(words) > 1 and re.fullmatch(r"\([A-Z]{2,}\),?", words[-1]):
        words.pop()  # "The Institute for Fiscal Studies (IFS) said"
    if not words:
        return ""
    if (
        len(words) >= 2
        and words[-2].lower() in DETERMINERS
        and words[-1].isalpha()
        and words[-1].islower()
        and not (len(words) >= 3 and words[-3].lower() in ("of", "de", "av", "von"))
    ):
        return " ".join(words[-2:])  # "..., mas a secretaria diz": the noun before the verb
    last = words[-1].strip(",")
    if last.lower() in PRONOUNS and not words[-1].endswith(","):
        return last
    # A comma between digits separates thousands ("Rs1,800"): no clause ends there.
    segments = [s.strip() for s in re.split(r",(?!\d)", " ".join(words)) if s.strip()]
    # An appositive before the verb ("Ukrenergo, the national grid operator, said"; "Maureen
    # Walsh, 78, from Bootle, Merseyside, told"): the first name among the segments.
    if words[-1].endswith(",") and not trailing:
        named = [seg for seg in segments if _is_name_segment(seg)]
        if named:
            return _person_of_appositive(named)
    # A run of capitalised words right before the verb: "Defence Minister Sergei Shoigu".
    run: list[str] = []
    for w in reversed(words):
        core = w.strip(',;:()“”"')
        if w.endswith((",", ";", ":")) and run:
            break
        if (
            core[:1].isupper()
            and core.lower() not in DAY_NAMES
            and not is_month_word(core)
            and not (run and core.lower() in LEADING_ADVERBIALS)
        ):
            run.append(core)
            if w.endswith((",", ";", ":")):
                break
            continue
        if run and core.lower() in CONNECTORS and len(run) < 6:
            run.append(core)
            continue
        break
    while run and run[-1].lower() in CONNECTORS:
        run.pop()
    place_at = len(words) - len(run) - 1
    if run and place_at >= 1 and words[place_at].lower() in ("in", "at"):
        # "Sudan's army-aligned government in Port Sudan said": the body, not its seat
        body = re.split(r"[,;:]", " ".join(words[:place_at]))[-1].split()
        if body and bare_word(body[-1]) in ORG_WORDS and len(body) <= 6:
            return " ".join(body)
    if run:
        candidate = " ".join(reversed(run))
        if not (candidate.lower().split()[0] in LEADING_ADVERBIALS and len(run) == 1):
            # Keep a lower-case title or descriptor in front ("Air force spokesman X").
            return candidate
    # Trailing attributions take the last segment ("..., the MoD pointed out"); leading
    # ones the first that is not an adverbial and names someone.
    if trailing and segments:
        last_seg = segments[-1]
        # "a spokesperson for Ontario’s economic development ministry confirmed"
        for_body = re.match(r"(?i:an?|the)\s+\w+\s+(?:for|of|at)\s", last_seg)
        if len(last_seg.split()) <= (8 if for_body else 6):
            return last_seg
    for seg in segments:
        first = seg.split()[0].lower()
        if first in LEADING_ADVERBIALS:
            continue
        seg_words = [bare_word(w) for w in seg.split()]
        if any(w[:1].isupper() for w in seg.split()) or any(w in ORG_WORDS for w in seg_words):
            if len(seg.split()) <= 6:
                return seg
    if segments and len(segments[-1].split()) <= 6:
        return segments[-1]
    return ""


# A name closing the sentence after the speaker's title and the day or the paper spoken to
# ("..., potvrdio je u srijedu direktor tvrtke Goran Vidović.", "..., oznámil v stredu primátor
# Juraj Kollár.", "..., rekao je za list predsednik udruženja „Jug“ Dragan Petrović."):
# Slavic, Baltic and Finnish papers name the speaker last, after a lower-case title.
def _closing_name(rest: str) -> str:
    """The person's name closing the words after a speech verb, after a title, else ""."""
    words = rest.strip().rstrip(".!?").split()
    if len(words) > 16:
        return ""
    name: list[str] = []
    while words and words[-1][:1].isupper() and len(name) < 4:
        name.insert(0, words.pop())
    if not 2 <= len(name) <= 4 or not words:
        return ""
    before = words[-1]
    titled = before.islower() and len(before) >= 4 and before not in LEADING_ADVERBIALS
    if not (titled or before.endswith(("“", "”", "»", '"'))):
        return ""
    return " ".join(name)


def _subject_after(sentence: str, verb_end: int) -> str:
    """The claimant named right after a speech verb ("..., said John Smith", "заявил Лавров",
    "..., säger han", "..., a indiqué la mairie", "..., säger rektorn Maria Holmgren")."""
    closing = _closing_name(sentence[verb_end:].split(",")[0])
    first = sentence[verb_end:].split()[0] if sentence[verb_end:].split() else ""
    if closing and (not first[:1].isupper() or first.isupper()):
        return closing  # "..., řekl HN generální ředitel Name": the paper spoken to, then
    # "..., съобщиха от Синдиката на градския транспорт.": "from" the body, named in full
    body = re.match(r"\s+от\s+([А-ЯЁ][^,.;:“”„]{1,60})", sentence[verb_end:])
    if body and len(body.group(1).split()) <= 6:
        return body.group(1).strip()
    run: list[str] = []
    lead: list[str] = []  # lower-case words before the name: an article, a title, a noun
    if re.match(r"\s*(?:that|whether|how)\b", sentence[verb_end:]):
        return ""  # "... found that the council ...": a clause follows, no speaker
    for w in sentence[verb_end:].split()[:12]:
        core = w.strip(',;:()“”"«».')
        low = core.lower()
        if not core:
            break
        if not run and not lead and low in PRONOUNS:
            return core
        if core.endswith((":s", "’s", "'s")) and core[:1].isupper() and not run:
            lead.append(core)  # "GEAB:s driftchef Annika Lindqvist": the owner, then the name
            continue
        if core[:1].isupper() or (run and low in CONNECTORS):
            run.append(core)
            if w != core and not w.endswith("’s"):
                break
            continue
        if run:
            break
        if low in {"the", "a", "an"} | DETERMINERS | TITLE_WORDS or (
            len(lead) < 2 and not core[:1].isdigit()
        ):
            lead.append(core)
            if w != core:
                break
            continue
        break
    while run and run[-1].lower() in CONNECTORS:
        run.pop()
    body = _CYRILLIC_BODY_RE.match(sentence, verb_end)
    if len(run) == 1 and body and body["head"] == run[0]:
        return body["name"]  # "..., саопштило је Министарство унутрашњих послова."
    if run:
        return " ".join(run)
    m = _CLOSING_APPOSITIVE_RE.search(sentence, verb_end)
    near = m is not None and len(sentence[verb_end : m.start()].split()) <= 8
    if near and _VERB_AFTER_DASH_RE.search(sentence[:verb_end]):
        return m["name"]  # "– közölte csütörtökön a cég vezérigazgatója, Name.": the name
    return _subject_of_lead(sentence, verb_end, lead)


# After a verb that follows a dash closing the sentence (Hungarian: "... – közölte
# csütörtökön a cég vezérigazgatója, Name."), the name closing it after a comma, its role
# before it.
_VERB_AFTER_DASH_RE = re.compile(r"\s[–—]\s+\w+(?:\s+\w+)?$")
# A body named in Cyrillic by a capitalised noun and its lower-case complements closing the
# sentence after the verb ("Министарство унутрашњих послова", "Міністерство оборони")
_CYRILLIC_BODY_RE = re.compile(
    r"\s+(?P<name>(?P<head>[А-ЯЁЂЈЉЊЋЏЄІЇҐ][а-яёђјљњћџєіїґ'’-]+)(?:\s+[а-яёђјљњћџєіїґ'’-]+){1,4})"
    r"\s*[.!?]?\s*$"
)
_CLOSING_APPOSITIVE_RE = re.compile(
    r",\s+(?P<name>[A-ZÀ-Ž][\w’'-]+(?:\s+[A-ZÀ-Ž][\w’'-]+){1,3})\s*[.!?]?\s*$"
)


def _subject_of_lead(sentence: str, verb_end: int, lead: list[str]) -> str:
    """A speaker named by lower-case words alone ("la mairie", "the company"), or none."""
    if len(lead) == 2 and lead[0].lower() in DETERMINERS:
        # "la mairie", "the company": resolved to the one named before; "le rectorat de
        # Créteil" names its place.
        rest = sentence[verb_end:].split()[2:5]
        if (
            len(rest) >= 2
            and rest[0].lower() in CONNECTORS
            and rest[1][:1].isupper()
            and sentence[verb_end:].split()[1] == lead[1]
        ):
            return " ".join(lead + [rest[0], rest[1].strip(',;:()“”"«».')])
        return " ".join(lead)
    if len(lead) == 1 and re.fullmatch(r"[lL][’'][^\W\d_A-ZÀ-Þ]\w+", lead[0]):
        return lead[0]  # "..., précise l'entreprise.": the article elided before the noun
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


# German and Italian open with what was said, as a pronoun, and name the speaker after the
# verb ("Das bestätigte Geschäftsführer X", "Lo ha annunciato ieri il Consorzio X").
_OBJECT_FIRST = frozenset("das dies dieses dazu darauf so lo det dat dette".split())
# German puts the verb second: a time or a topic opening the sentence ("Für das laufende
# Quartal rechnet Lyft mit …", "Im Mai schätzte die Behörde …") leaves the speaker after it.
_GERMAN_FRONTED_RE = re.compile(
    r"(?:Für|Im|Am|Zum|Zur|Seit|Bis|Bei|Vom|Ab|Über|Wegen|Trotz|Zudem|Außerdem|Insgesamt|"
    r"Inzwischen|Bisher|Derzeit|Aktuell)(?!\w)"
)


def _inverted(sentence: str, v: re.Match) -> bool:
    """Is the speaker named after the verb: "..., säger han", "“...”, said Jo Bloggs"?"""
    region = sentence[: v.start()].rstrip()
    if _GERMAN_FRONTED_RE.match(region) and "," not in region and len(region.split()) <= 6:
        return True
    # a stop before a dash leaves "... — said X. — Next words" one sentence: the stop ends it
    rest = re.split(r",|[.!?]\s", sentence[v.end() :])[0]
    if len(rest.split()) > 7 and not _closing_name(rest):
        return False  # "..., said he would rather stay ashore than ...": a clause follows
    if region.strip('„“”"').lower() in _OBJECT_FIRST:
        return True  # "Das bestätigte Geschäftsführer X": German puts what was said first
    if region.endswith(("”", "»", '"', "’", "“")):
        return True  # (Slovak, Czech and German quotations close with "“": „…“)
    if region.endswith((" –", " —")):
        # "... – közölte X" (Hungarian closes a sentence with a dash, then the verb); "... —
        # contou X" (a Portuguese speech closed by a dialogue dash)
        return True
    if not region.endswith(","):
        return False
    if _closing_name(rest):
        return True  # "..., ha spiegato l'amministratore delegato Name.": named after a title
    segments = [seg.strip() for seg in region.split(",") if seg.strip()]
    if any(seg.split()[0].lower() in ("which", "who", "whose") for seg in segments[1:]):
        return False  # "The company, which makes steel, said ...": the subject, then a clause
    return not any(_is_name_segment(seg) for seg in segments)


# Scandinavian speech verbs, and the lone noun with its definite ending closing a sentence
# after one ("..., uppger kommunen.", "..., oplyser styrelsen.").
_NORDIC_VERBS = frozenset(
    """säger uppger uppgav meddelar meddelade berättar skriver sier opplyser opplyste forteller
    fortalte siger sagde oplyser oplyste fortæller""".split()
)
_NORDIC_DEFINITE_RE = re.compile(r"\s+(?P<noun>[^\W\d_A-ZÀ-Þ]\w*(?:en|et|a|n))[.!?]?\s*$")
_V2_ACCORDING = frozenset(
    (
        "volgens", "enligt", "według", "secondo", "laut", "nach", "ifølge", "podle", "podľa",
        "samkvæmt",
    )
)  # fmt: skip
_V2_SOURCE_RE = re.compile(
    # a pronoun ("enligt dem"), not German's article before a name ("laut dem Verband X")
    r"(?:hem|haar|hen|honom|henne|dem|niego|niej|nich|něj|ní|lui|lei|loro)(?!\w)(?!\s+[A-ZÀ-Þ])|"
    r"(?:(?:de|het|den|det|il|la|i|le)\s+)?(?:[^\W\d_A-ZÀ-ÞА-ЯЄІЇҐ][\w-]*\s+){0,2}"
    r"[A-ZÀ-Þ][\w’'-]*(?:\s+(?:[A-ZÀ-Þ][\w’'-]*|van|von|de|der|den))*"
)


def _closing_attribution(sentence: str, v: re.Match) -> bool:
    """Does the verb close the sentence after a comma (", the survey found.", ", säger han.")?"""
    rest = sentence[v.end() :].strip(' .!?”"’')
    region = sentence[: v.start()]
    comma = region.rfind(",")
    subject = region[comma + 1 :].split()
    clause = len(rest.split()) > 1 and rest.split()[0].lower() in PRONOUNS  # "said they had"
    return (
        comma >= 0
        and 0 < len(subject) <= 6
        and subject[0].lower() not in _CONJUNCTIONS  # ", though AT has said no one ..."
        # ", roughly double the number it estimated": a clause on a noun, its subject a
        # pronoun after it, no speaker closing the sentence
        and not (len(subject) > 1 and subject[-1].lower() in PRONOUNS)
        and len(rest.split()) <= 4
        and not clause
    )


# A name in apposition closing an "according to" ("according to a union representative,
# Yerlan Sadykov.").
_APPOSITIVE_NAME_RE = re.compile(
    r",\s+(?:the\s+)?(?P<name>(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})"
    r"\s*(?:[,.;!?]|$)"
)
_KICKER_RE = re.compile(r"^[A-Z][\w’' -]{1,30}:\s+(?=\S)")


# what "citing" may name as a source: people, bodies, their records ("citing a report")
_CITED_SOURCES = frozenset(
    """the its his her their official officials source sources people person data figures
    analysts analyst experts expert report reports statement statements study survey
    document documents spokesperson spokesman spokeswoman witness witnesses""".split()
)


def _cites_no_source(m: re.Match) -> bool:
    """ "citing" before a thing, not a source: "citing rising costs", "citing a collapse"."""
    words = m.group(1).split()
    if m.group(0).split()[0].lower() != "citing" or not words:
        return False
    first = words[0]
    if first.lower() in ("a", "an") and len(words) > 1:
        first = words[1]
    return first[:1].islower() and first.lower() not in _CITED_SOURCES | PERSON_NOUNS


def attribution(sentence: str, spans) -> str:
    """Who the sentence says states it, as printed ("" when it attributes nothing)."""
    # the stops of "Col. Name", "U.S. Army" end no name: read with stand-ins, printed back
    return unmasked(_attribution_of(masked(sentence), spans))


def _attribution_of(sentence: str, spans) -> str:
    found = other_source(sentence)  # forms unlike "X said" (`source_forms`)
    if found is None:
        # a comma inside brackets ends no appositive ("Name, director of X (Town, Region),
        # said"): the brackets are blanked, every position kept
        found = " ".join(_attribution(blank_brackets(sentence), spans).split())
        if found == "?":
            found = closing_speaker(sentence, _SPEECH_VERB_RE) or found
    return initials_after(sentence, named_after_title(sentence, found))


def _attribution(sentence: str, spans) -> str:
    kicker = _KICKER_RE.match(sentence)
    if (
        kicker
        and len(kicker.group().split()) <= 4
        and not _SPEECH_VERB_RE.search(kicker.group())
        and sentence[kicker.end()] not in OPENERS + "«„"
    ):
        # A signpost opening the sentence ("Driving the news:", "By the numbers:") is no
        # part of its subject; blanked, so positions in the sentence stay as they are.
        sentence = " " * kicker.end() + sentence[kicker.end() :]
        spans = quoted_spans(sentence)
    m = _ACCORDING_RE.search(sentence)
    if m and _cites_no_source(m):
        m = None  # "…, citing a collapse in supplies, the company said": a reason, no source
    if m and not _inside(m.start(), spans):
        who = re.split(r"\s+(?:who|which|that|on|in|at|and|as)\s+", m.group(1).strip())[0]
        named = _APPOSITIVE_NAME_RE.match(sentence, m.end())
        if named and who.split()[0].lower() in ("a", "an", "the") and who.split()[-1].islower():
            return named["name"]  # "according to a union representative, Yerlan Sadykov."
        word = m.group(0).split()[0].lower()
        # "..., ifølge Bergen kommune.": the source closing the sentence, named in full
        closing = word == "ifølge" and sentence[: m.start()].rstrip().endswith(",")
        if word in ("според", "по"):
            who = cyrillic_source(m.group(1))  # "Според Иванова всеки ден ...": the name
        elif word in _V2_ACCORDING and not closing:
            # "Volgens netbeheerder TenneT staan ...": the verb follows the source at once in
            # these languages, so the source is the name (and its title) only.
            name = _V2_SOURCE_RE.match(m.group(1))
            who = name.group(0).strip() if name else " ".join(who.split()[:2])
        # "a statement from the Bank" names the Bank.
        who = re.sub(r"^(?:an?|the)\s+(?:statement|report|post|update)\s+(?:from|by)\s+", "", who)
        # "according to ADHA data", "ONS figures": the records' owner, when named
        owned = re.match(r"(?P<owner>.*\S)\s+(?:data|figures|statistics|estimates)$", who.strip())
        if owned and owned["owner"].split()[-1][:1].isupper():
            who = owned["owner"]
        return who.strip()
    m = _DATA_FROM_RE.search(sentence)
    if m and not _inside(m.start(), spans):
        return m.group(1).strip()
    m = _NORDIC_DATA_FROM_RE.search(sentence)
    if m and not _inside(m.start(), spans):
        return m["who"].strip()
    owner = records_source(sentence)
    if owner:
        return owner
    owner = released_by(sentence)
    if owner and not _inside(sentence.find(owner), spans):
        return owner
    owner = as_reported_at(sentence) or published_by(sentence)
    if owner:
        return owner
    m = FINNISH_ACCORDING_RE.search(sentence) if "mukaan" in sentence.lower() else None
    if m and not _inside(m.start(), spans):
        return finnish_source(m["who"])
    m = HUNGARIAN_ACCORDING_RE.search(sentence) if "szerint" in sentence else None
    if m and not _inside(m.start(), spans):
        # "a szakszervezet" (the union): a body named by a common noun keeps its article, to
        # be read as "the union" is
        lower = m["who"][:1].islower() and m["article"]
        return f"{m['article'].strip().lower()} {m['who']}" if lower else m["who"]
    verbs = [
        v
        for v in _SPEECH_VERB_RE.finditer(sentence)
        if not _inside(v.start(), spans) and _usable_verb(sentence, v)
    ]
    # A closing ", the survey found." attributes the whole sentence, whatever verbs precede.
    if len(verbs) > 1 and _closing_attribution(sentence, verbs[-1]):
        closer = sentence[verbs[-1].end() :].split()[:1]
        if not (closer and closer[0].strip(".,!?").lower() in PRONOUNS):
            verbs = [verbs[-1]]  # "..., – teigė jis.": the speaker named before, if any
    for v in verbs:
        trailing = not sentence[v.end() :].strip(' .,!?”"’')
        before = sentence[: v.start()].split()
        clause = re.split(r"[,;]\s+(?:and\s+|but\s+)?", sentence[: v.start()])[-1].split()
        numbered_name = (  # "president of Local 8872, said": a number in a name
            len(before) > 2 and before[-2][:1].isupper() and not before[-2].endswith(",")
        )
        if before and (
            (
                before[-1].strip(",").replace(",", "").replace(".", "").isdigit()
                and not numbered_name
            )
            or before[-1].lower() in _QUANTITY_WORDS
            or (clause and clause[0].lower() in _QUANTITY_WORDS)
        ):
            return "?"  # "Of those, 41 said", "half of those said": people counted
        if v.group().lower() in TURKISH_VERBS:
            return turkish_subject(sentence[: v.start()])  # "Mehmet Kaya, ... belirtti."
        if _inverted(sentence, v):
            after = sentence[v.end() :].split()[:1]
            if after and after[0].strip(",.").lower() in DEFINITE_NOUNS:
                return after[0].strip(",.")  # "Det oplyser selskabet i en meddelelse"
            subject = _subject_after(sentence, v.end())
            if subject:
                return subject
            m = _NORDIC_DEFINITE_RE.match(sentence[v.end() :])
            if m and v.group().lower() in _NORDIC_VERBS:
                return m["noun"]  # "..., opplyser legevakten.": the clinic, a noun made definite
            if re.fullmatch(r"\s+[^\W\d_A-ZÀ-ŽА-Я]\w*[.!?]?\s*", sentence[v.end() :]):
                # "..., kaže ravnateljica.": a speaker named by one lower-case noun, the
                # clause before the verb is what is said, not who says it
                return "?"
            said = _subject_before(sentence, v.start(), trailing)
            if re.search(r"\d", said):
                # "Finora sono arrivate 96 domande, ha detto il direttore, ...": the clause
                # with the figure is what is said; the speaker is after the verb
                return "?"
        subject = _subject_before(sentence, v.start(), trailing)
        if not subject and (spans or v.start() < len(sentence) // 2):
            subject = _subject_after(sentence, v.end())
        if subject:
            return subject
        return "?"  # attributed, to nobody we can name
    return ""
