"""Propose claim candidates: the sentences of an article that state a checkable fact.

Paragraphs are split into sentences (`split_sentences`); a sentence with a figure, an
attributed quotation, a description of what a video shows or status wording is proposed with
its claimant (`extract_claim_candidates`). Clear rules, no statistics.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from archive.articles.dates import MONTH_WORD_RE
from archive.articles.draft import ClaimCandidate, norm

# --------------------------------------------------------------------------------------------
# Sentences

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st gen lt col sgt capt cpt maj rev sen rep gov pres jr sr inc ltd co
    corp vs etc no nos fig approx dept est adm cmdr brig hon govt jan feb mar apr jun jul aug
    sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun e.g i.e u.s u.k u.n a.m
    p.m mt ft lb op vol""".split()
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
# Claim candidates

_SPEECH_VERB_RE = re.compile(
    r"\b(?:said|says|told|tells|added|adds|claimed|claims|stated|states|announced|announces|"
    r"insisted|insists|warned|warns|wrote|writes|tweeted|tweets|estimated|estimates|"
    r"suggested|suggests|reported|revealed|reveals|confirmed|confirms|alleged|alleges|"
    r"explained|declared|noted|pointed out|according to)\b"
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
_NUMBER_RE = re.compile(
    r"(?<![\w.,/:-])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<suffix>%|mm|cm|km|kg|mph|bn|m|k)?(?![\w:-]|[.,]\d)"
    r"(?:\s+(?P<scale>million|billion|trillion|thousand|hundred)\b)?"
)
_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}
_VAGUE_QUANTITY_RE = re.compile(
    r"\b(?:several|many|tens of|hundreds of|thousands of|millions of)\s+"
    r"(?:thousands?|hundreds?|millions?|billions?)\b|\b(?:hundreds|thousands|millions|"
    r"billions) of\b|\ba (?:quarter|third|half) of\b",
    re.IGNORECASE,
)
_WORD_NUMBER_RE = re.compile(
    r"\b(?P<word>" + "|".join(_NUMBER_WORDS) + r")\b(?:\s+(?P<scale>thousand|million|billion))?",
    re.IGNORECASE,
)
_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "bn": 1_000_000_000,
    "k": 1000,
}
_TIME_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades century centuries".split()
)
_UNIT_STOP = frozenset(
    """a an the and or but as is are was were be been being has have had will would can could
    may might should must since in on at to for from by with who which that this these those
    than then so over under into onto across after before during last next already also more
    less per each every while when where whether if it its their his her our they he she we
    not no up down out off about around nearly almost just only some all any both either
    neither including according said says told added claimed here there being""".split()
)
_RATE_RE = re.compile(r"^\s*(?:a|per|each|every)\s+(day|week|month|year|hour)\b", re.IGNORECASE)
_DAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_ORG_WORDS = frozenset(
    """ministry mod hq department government office army forces military police agency feed
    page kremlin council commission committee authorities officials spokesman spokeswoman
    spokesperson service services command staff headquarters pentagon administration
    parliament court union organisation organization institute group company""".split()
)
_PRONOUNS = {"he": "person", "she": "person", "it": "org", "they": "any", "we": "any"}
_LEADING_ADVERBIALS = frozenset(
    """in on at as after before during meanwhile but and however earlier later speaking today
    yesterday also while when since then separately elsewhere""".split()
)
_AUXILIARIES = frozenset(
    """has have had also today yesterday previously later earlier then reportedly now
    recently once had""".split()
)
_INSTITUTION_HINTS = _ORG_WORDS | {"figures", "data", "estimates", "reports", "sources"}


def _quoted_spans(sentence: str) -> list[tuple[int, int]]:
    spans = []
    i, n = 0, len(sentence)
    while i < n:
        ch = sentence[i]
        if ch in '“"':
            closer = "”" if ch == "“" else '"'
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
    words = [_bare(w) for w in name.split()]
    return any(w in _ORG_WORDS for w in words) or len(name.split()) == 1 and name[:1].isupper()


def _subject_before(sentence: str, verb_start: int, trailing: bool) -> str:
    """The claimant named before a speech verb (rules in `extract_claim_candidates`)."""
    region = sentence[:verb_start]
    for a, b in reversed(_quoted_spans(region)):
        region = region[:a] + " " + region[b:]
    region = region.rstrip(" ,:;–—-")
    words = region.split()
    # Skip auxiliaries directly before the verb ("has claimed", "today said").
    while words and words[-1].lower().strip(",") in _AUXILIARIES:
        words.pop()
    if not words:
        return ""
    last = words[-1].strip(",").lower()
    if last in _PRONOUNS:
        return last
    # A run of capitalised words right before the verb: "Defence Minister Sergei Shoigu".
    run: list[str] = []
    for w in reversed(words):
        core = w.strip(',;:()“”"')
        if w.endswith((",", ";", ":")) and run:
            break
        if core[:1].isupper() and core.lower() not in _DAY_NAMES and not MONTH_WORD_RE.match(core):
            run.append(core)
            if w.endswith((",", ";", ":")):
                break
            continue
        if run and core.lower() in ("of", "the", "for", "and", "de") and len(run) < 6:
            run.append(core)
            continue
        break
    while run and run[-1].lower() in ("of", "the", "for", "and", "de"):
        run.pop()
    if run:
        candidate = " ".join(reversed(run))
        if not (candidate.lower().split()[0] in _LEADING_ADVERBIALS and len(run) == 1):
            return candidate
    # Comma-separated segments: trailing attributions take the last one ("..., the MoD
    # pointed out"); leading ones the first that is not an adverbial and names someone.
    segments = [s.strip() for s in " ".join(words).split(",") if s.strip()]
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


def _tidy(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _figure_of(sentence: str) -> tuple[Decimal | None, str, bool, bool]:
    """(figure, unit, has_quantity, counts_something) for the first substantive figure in a
    sentence; `counts_something` is true when any figure in it has a unit noun.

    Skipped: dates ("February 24", "24 February"), times, identifiers ("AK-12", "World War 2"
    — a number straight after a capitalised word), durations ("eight months") and, when any
    other figure exists, years. Vague quantities ("hundreds of thousands", "several
    thousand") count as quantities without a figure.
    """
    found: list[tuple[int, Decimal | None, str, bool]] = []  # (pos, value, unit, is_year)
    for m in _NUMBER_RE.finditer(sentence):
        before = sentence[: m.start()].rstrip()
        prev_word = before.rsplit(None, 1)[-1] if before else ""
        after = sentence[m.end() :]
        next_word = (after.split(None, 1) or [""])[0].strip(",.;:")
        if MONTH_WORD_RE.match(prev_word.strip(",")) or MONTH_WORD_RE.match(next_word):
            continue
        if prev_word[:1].isupper() and prev_word.strip(",.;:") and before == before.rstrip(",;:"):
            if not before.endswith((".", "!", "?")) and len(before) != len(prev_word):
                continue
        raw = m["num"].replace(",", "")
        try:
            value = Decimal(raw)
        except InvalidOperation:
            continue
        scale = m["scale"] or (m["suffix"] if m["suffix"] in ("bn", "k") else None)
        if scale:
            value *= _SCALES[scale.lower()]
        is_year = (
            not m["suffix"]
            and not m["scale"]
            and "," not in m["num"]
            and "." not in m["num"]
            and 1800 <= int(raw) <= 2100
        )
        unit_words = _unit_after(after if not m["scale"] else sentence[m.end() :])
        if unit_words.split(" ")[0] in _TIME_UNITS and not is_year:
            continue
        suffix = m["suffix"] if m["suffix"] not in (None, "bn", "k") else ""
        unit = " ".join(x for x in (suffix, unit_words) if x)
        found.append((m.start(), _tidy(value), unit, is_year))
    for m in _WORD_NUMBER_RE.finditer(sentence):
        word = m["word"].lower()
        if word in ("hundred", "thousand", "million", "billion") and not m["scale"]:
            before = sentence[: m.start()].rstrip().lower()
            if not before.endswith((" a", " one")):
                continue
        after = sentence[m.end() :]
        unit = _unit_after(after)
        if not unit or unit.split(" ")[0] in _TIME_UNITS:
            continue
        value = Decimal(_NUMBER_WORDS[word])
        if m["scale"]:
            value *= _SCALES[m["scale"].lower()]
        found.append((m.start(), _tidy(value), unit, False))
    vague = _VAGUE_QUANTITY_RE.search(sentence)
    if not found:
        if vague:
            unit = _unit_after(sentence[vague.end() :])
            return None, unit, True, bool(unit)
        return None, "", False, False
    found.sort(key=lambda f: f[0])
    non_years = [f for f in found if not f[3]]
    counts = any(f[2] for f in found)
    _pos, value, unit, _is_year = (non_years or found)[0]
    if vague and vague.start() < _pos and not non_years:
        unit = _unit_after(sentence[vague.end() :])
        return None, unit, True, bool(unit) or counts
    return value, unit, True, counts


def _unit_after(after: str) -> str:
    """The noun phrase naming what a figure counts: "soldiers", "personnel a day"."""
    words: list[str] = []
    rest = after
    for token in after.split():
        core = token.strip("“”\"‘’'()")
        clean = core.rstrip(",.;:!?")
        low = clean.lower()
        if not clean or not re.fullmatch(r"[A-Za-z][A-Za-z'’-]*", clean):
            break
        if low == "of" and words and len(words) < 4:
            words.append(low)
            rest = rest.split(token, 1)[1] if token in rest else ""
            continue
        if low in _UNIT_STOP or low in _DAY_NAMES:
            break
        words.append(clean)
        rest = rest.split(token, 1)[1] if token in rest else ""
        if clean != core or len(words) >= 5 or token != core:
            break
    while words and words[-1] == "of":
        words.pop()
    unit = " ".join(words)
    if unit and not after.strip().startswith((",", ".")):
        rate = _RATE_RE.match(rest)
        if rate:
            unit = f"{unit} {rate.group(0).strip()}"
    return unit


def _status_of(sentence: str) -> str:
    for pattern in _STATUS_RE:
        m = pattern.search(sentence)
        if m:
            return m.group(0).lower()
    return ""


def extract_claim_candidates(paragraphs: list[str]) -> list[ClaimCandidate]:
    """Propose the sentences that state a checkable fact. Clear rules, no statistics:

    A sentence is a candidate when it

    1. states a figure that counts something (digits or number words with a unit noun,
       "12,730", "more than 400 personnel a day", "300,000 people") and is attributed or
       names what it counts; or
    2. carries an attributed direct quotation of at least six words ("X said: “...”",
       "He said Russian forces “...”"), including a paragraph that continues an open
       quotation from the paragraph before (newspaper style: “ opens each quoted paragraph);
    3. says what a video or picture shows ("video which appears to illustrate", "footage
       shows"); or
    4. uses status wording ("unverified", "could not be independently verified",
       "unconfirmed").

    The claimant is taken from "according to X", or the subject before a speech verb
    ("Defence Minister Sergei Shoigu told", "..., the MoD pointed out"). "He"/"She" resolve to
    the last person named as a claimant, "It" to the last organisation, a surname alone to the
    full name met earlier, and a continued quotation to its speaker. An unattributed figure
    takes the claimant of another sentence of the same paragraph, else stays empty.
    """
    candidates: list[ClaimCandidate] = []
    last_person = last_org = last_any = ""
    quote_speaker = ""
    prev_open_quote = False
    full_names: dict[str, str] = {}  # surname -> the longest name met ending in it

    def remember(name: str) -> str:
        nonlocal last_person, last_org, last_any
        if not name:
            return ""
        low = name.lower()
        if low in _PRONOUNS:
            kind = _PRONOUNS[low]
            resolved = last_person if kind == "person" else last_org if kind == "org" else ""
            return resolved or last_any
        if len(name.split()) == 1 and name in full_names:
            name = full_names[name]
        hints = {_bare(w) for w in name.split()}
        if not any(w[:1].isupper() for w in name.split()) and not hints & _INSTITUTION_HINTS:
            return ""
        if hints <= {"the", "figures", "unverified", "official", "latest", "data", "estimates"}:
            return ""
        surname = name.split()[-1]
        if len(name.split()) > 1 and len(name) > len(full_names.get(surname, "")):
            full_names[surname] = name
        if _is_org(name):
            last_org = name
        else:
            last_person = name
        last_any = name
        return name

    for index, paragraph in enumerate(paragraphs):
        paragraph = norm(paragraph)
        if not paragraph:
            continue
        continuing = prev_open_quote and paragraph[:1] in '“"'
        para_cands: list[tuple[ClaimCandidate, bool]] = []
        for s_index, sentence in enumerate(split_sentences(paragraph)):
            spans = _quoted_spans(sentence)
            claimant = ""
            attributed = False
            m = re.search(r"\baccording to\s+([^,.;:“”\"]+)", sentence)
            if m and not _inside(m.start(), spans):
                attributed = True
                claimant = remember(m.group(1).strip())
            if not claimant:
                for v in _SPEECH_VERB_RE.finditer(sentence):
                    if _inside(v.start(), spans) or v.group(0) == "according to":
                        continue
                    trailing = not sentence[v.end() :].strip(' .,!?”"’')
                    subject = _subject_before(sentence, v.start(), trailing)
                    attributed = True
                    claimant = remember(subject)
                    break
            quote_words = max((len(sentence[a:b].split()) for a, b in spans), default=0)
            in_continued_quote = continuing and s_index == 0
            if in_continued_quote and not claimant:
                claimant = quote_speaker
                attributed = bool(quote_speaker) or attributed
            if attributed and spans and claimant:
                quote_speaker = claimant
            value, unit, has_quantity, counts = _figure_of(sentence)
            status = _status_of(sentence)
            rule_figure = has_quantity and (attributed or counts or bool(status))
            rule_quote = quote_words >= 6 and (attributed or in_continued_quote)
            rule_media = bool(_MEDIA_NOUN_RE.search(sentence) and _MEDIA_VERB_RE.search(sentence))
            rule_status = (
                bool(status)
                and status not in ("claims", "claimed")
                and not (status.startswith("appear"))
            )
            if rule_figure or rule_quote or rule_media or rule_status:
                cand = ClaimCandidate(
                    sentence=sentence,
                    claimant=claimant,
                    figure=value,
                    unit=unit,
                    status=status,
                    paragraph_index=index,
                )
                para_cands.append((cand, bool(claimant)))
        # An unattributed figure borrows the claimant of its paragraph.
        named = [c.claimant for c, has in para_cands if has]
        for cand, has in para_cands:
            if not has and cand.figure is not None and named:
                cand.claimant = named[0]
            candidates.append(cand)
        prev_open_quote = paragraph.count("“") > paragraph.count("”") or (
            paragraph.count('"') % 2 == 1
        )
    return candidates
