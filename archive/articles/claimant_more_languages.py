"""Attributions of Malay, Urdu, Ukrainian, Sinhala and Amharic, for `source_forms.other_source`: pure.

Each language has a small table of its speech verbs and "according to" forms, and one reader
returning the source as printed (a pronoun for "he", resolved by `claimants`), or None when
the sentence uses none of the forms:

- Malay: the speaker before the verb ("X berkata", "X memaklumkan", "X mengesahkan"), a
  title and a name between commas before it ("Pengarah X, Kolonel Name, berkata"), or after
  it closing the sentence ("…, kata Name, 54, yang …"); "katanya" (he said) and "menurut X"
  (according to X);
- Urdu: "X کے مطابق" (according to X), the speaker in the ergative before the verb closing
  the clause ("X نے بتایا کہ", "X نے … اعلان کیا"), "انہوں نے" (he) for the one named before;
- Ukrainian: "За його словами" (in his words), the speaker named before;
- Sinhala: the speaker between "බව" (that) and the verb closing the sentence ("… බව X
  පවසයි", that …, X says), opening it ("X පවසන්නේ … බවයි"), "X අනුව" (according to X, in
  the dative or after X's records, given back in the nominative);
- Amharic: "X እንዳስታወቀው" (as X announced), the speaker before the verb closing the sentence
  after what is said ("…ማለፉን X አስታወቀ"), or opening it ("X በበኩሉ … ገልጿል").
"""

from __future__ import annotations

import re

# -- Malay ----------------------------------------------------------------------------------

MALAY_SPEECH_VERBS = (
    "berkata", "memaklumkan", "mengesahkan", "menyatakan", "memberitahu", "mendakwa",
    "menegaskan", "mengumumkan", "menganggarkan", "melaporkan",
)  # fmt: skip
# titles dropped before a name ("Kolonel (PA) Name", "Datuk Seri Name", "Dr Name")
MALAY_TITLES = frozenset(
    """encik en puan pn cik tuan datuk dato datin seri sri tan dr prof haji hajah kolonel
    leftenan mejar kapten jeneral komander inspektor sarjan ustaz asisten penolong timbalan
    komisioner superintendan""".split()
)
_MS_VERB_RE = re.compile(rf"(?<![\w-])(?:{'|'.join(MALAY_SPEECH_VERBS)})(?![\w-])")
# "…, kata Name, 54, yang …" / "…," kata JKM. / "…," katanya.
_MS_KATA_RE = re.compile(
    r"(?:^|[,\"”’]\s*)kata(?P<nya>nya)?(?:\s+(?P<who>[A-Z][^,.;:!?\"”]*))?\s*(?:[,.;!?]|$)"
)
_MS_MENURUT_RE = re.compile(r"(?<!\w)[Mm]enurut\s+(?P<who>[^,.;:\"”]+)")
# "menurut data Portal Bencana": the records' owner
_MS_RECORDS = ("data", "laporan", "statistik", "kenyataan", "rekod", "maklumat")


def _malay_name(words: list[str]) -> str:
    words = [w for w in words if not re.fullmatch(r"\(.*\)", w)]  # "(PA)", "(NADMA)"
    while len(words) > 1 and words[0].lower().strip(".") in MALAY_TITLES:
        words = words[1:]
    return " ".join(words)


def _malay(sentence: str) -> str | None:
    m = _MS_KATA_RE.search(sentence)
    if m and (m["nya"] or m["who"]):
        if m["nya"]:
            return "dia"  # "katanya": he (she) said, the speaker named before
        return _malay_name(m["who"].split())
    m = _MS_MENURUT_RE.search(sentence)
    if m:
        words = m["who"].split()
        if words and words[0].lower() in _MS_RECORDS:
            words = words[1:]
        return _malay_name(words[:8]) or None
    v = _MS_VERB_RE.search(sentence)
    if not v:
        return None
    head = sentence[: v.start()].rstrip(" ,")
    segments = [s.split() for s in head.split(",") if s.split()]
    if not segments:
        return None
    words = segments[-1]
    if len(words) > 8 or any(re.search(r"\d", w) for w in words):
        return None
    if not words[0][:1].isupper():
        return None  # "… pihaknya berkata": no name before the verb
    return _malay_name(words)


# -- Urdu -----------------------------------------------------------------------------------

URDU_SPEECH_VERBS = (
    "بتایا", "بتائی", "کہا", "اعلان کیا", "تصدیق کی", "کہنا ہے", "دعویٰ کیا", "بتاتے ہوئے",
)  # fmt: skip
URDU_TITLES = frozenset("ڈاکٹر جناب محترمہ پروفیسر سردار".split())  # Dr, Mr, Ms, Prof, Sardar
_UR_ACCORDING_RE = re.compile(r"(?<!\S)(?:کے|کی)\s+مطابق(?!\S)")
_UR_VERB_RE = re.compile(rf"(?<!\S)(?:{'|'.join(URDU_SPEECH_VERBS)})(?!\S)")
_UR_STOPS = '،؛۔.!?:’‘“”"«»'


def _urdu_clause(sentence: str, end: int) -> list[str]:
    head = sentence[:end]
    cut = max(head.rfind(c) for c in _UR_STOPS)
    return head[cut + 1 :].split()


def _urdu_name(words: list[str]) -> str:
    titled = [k for k, w in enumerate(words) if w in URDU_TITLES]
    if titled and titled[-1] < len(words) - 1:
        words = words[titled[-1] + 1 :]  # "… سپرنٹنڈنٹ ڈاکٹر Name": the name after the title
    return " ".join(words[-6:])


def _urdu(sentence: str) -> str | None:
    if not re.search(r"[\u0600-\u06ff]", sentence):
        return None
    m = _UR_ACCORDING_RE.search(sentence)
    if m:
        words = _urdu_clause(sentence, m.start())
        if words and len(words) <= 10:
            return _urdu_name(words)
    v = _UR_VERB_RE.search(sentence)
    if not v:
        return None
    clause = _urdu_clause(sentence, v.start())
    if "نے" not in clause:
        return None
    k = clause.index("نے")  # the ergative after the speaker
    words = clause[:k]
    if not words or len(words) > 8 or any(re.search(r"[\d۰-۹]", w) for w in words):
        return None
    if words[-1] in ("انہوں", "اس", "انھوں"):
        return "انہوں"  # "he": the one named before
    return _urdu_name(words)


# -- Ukrainian ------------------------------------------------------------------------------

_UK_HIS_WORDS_RE = re.compile(r"(?<!\w)[Зз]а\s+(?P<who>його|її|їхніми)\s+(?:словами|даними)")


def _ukrainian(sentence: str) -> str | None:
    m = _UK_HIS_WORDS_RE.search(sentence)
    return m["who"] if m else None


# -- Sinhala --------------------------------------------------------------------------------

SINHALA_SPEECH_VERBS = (
    "පවසයි", "පවසති", "පැවසීය", "පැවසූහ", "පැවසුවේය", "කියයි", "ප්‍රකාශ කළේය", "සඳහන් කළේය",
    "නිවේදනය කළේය", "දැනුම් දුන්නේය",
)  # fmt: skip
# between the speaker and the verb: "further", "issuing a statement"
_SI_BETWEEN = r"(?:\s+(?:වැඩිදුරටත්|නිවේදනයක්\s+නිකුත්\s+කරමින්))*"
_SI_THAT_RE = re.compile(  # "… බව X පවසයි" (that …, X says); "බව ද" (that … too)
    rf"(?<!\S)බව(?:\s+ද)?\s+(?P<who>\S+(?:\s+\S+){{0,7}}?){_SI_BETWEEN}\s+"
    rf"(?:{'|'.join(SINHALA_SPEECH_VERBS)})\s*[.!]?\s*$"
)
_SI_SAYS_RE = re.compile(r"^(?P<who>\S+(?:\s+\S+){0,6}?)\s+පවසන්නේ(?!\S)")  # "X පවසන්නේ … බවයි"
_SI_ACCORDING_RE = re.compile(r"(?<!\S)අනුව(?![\u0d80-\u0dff])")  # "X අනුව" (according to X)
# records of the one cited ("X-ගේ සංඛ්‍යා ලේඛනවලට අනුව", by X's statistics)
_SI_RECORDS = ("සංඛ්‍යා", "ලේඛනවලට", "දත්තවලට", "වාර්තාවට", "වාර්තාවලට", "තොරතුරුවලට")


def _sinhala_nominative(words: list[str]) -> list[str]:
    """ "අධිකාරියට" (to the authority) -> "අධිකාරිය", "මණ්ඩලයේ" (of the board) -> "මණ්ඩලය"."""
    last = words[-1]
    if last.endswith(("යට", "වට", "යේ", "වේ")):
        last = last[:-1]  # (the genitive's vowel sign on the final "ය", "ව": "බැංකුවේ")
    elif last.endswith("ට") and len(last) > 2:
        last = last[:-1]
    return [*words[:-1], last]


def _sinhala(sentence: str) -> str | None:
    if not re.search(r"[\u0d80-\u0dff]", sentence):
        return None
    m = _SI_THAT_RE.search(sentence) or _SI_SAYS_RE.search(sentence)
    if m:
        return m["who"]
    m = _SI_ACCORDING_RE.search(sentence)
    if m:
        words = _clause_words(sentence, m.start())
        while words and words[-1] in _SI_RECORDS:
            words = words[:-1]
        if words and len(words) <= 8:
            return " ".join(_sinhala_nominative(words))
    return None


def _clause_words(sentence: str, end: int) -> list[str]:
    head = sentence[:end]
    cut = max(head.rfind(c) for c in ',;:.!?“”"፣።')
    return head[cut + 1 :].split()


# -- Amharic --------------------------------------------------------------------------------

# "X እንዳስታወቀው" (as X announced), "X መረጃ እንደሚያሳየው" (as X's data shows)
_AM_AS_RE = re.compile(r"(?<!\S)(?:እንዳስታወቀው|እንዳስታወቁት|እንደገለጸው|እንደገለጹት|እንደሚያሳየው)(?![\u1200-\u135f])")
AMHARIC_SPEECH_VERBS = (
    "አስታወቀ", "አስታውቋል", "አስታውቀዋል", "ገልጿል", "ገልጸዋል", "ተናግረዋል", "ተናግሯል",
)  # fmt: skip
_AM_VERB_RE = re.compile(rf"(?<!\S)(?:{'|'.join(AMHARIC_SPEECH_VERBS)})\s*።?\s*$")
_AM_RECORDS = ("መረጃ", "ሪፖርት")
_AM_FOR_ITS_PART = ("በበኩሉ", "በበኩሏ", "በበኩላቸው")


def _said_clause(word: str) -> bool:
    """ "ማለፉን", "መላኩን" (that it passed, that it sent): a verbal noun in "-ኡን" closing what
    is said, the second (u) order of its syllable before "ን"."""
    return len(word) > 2 and word.endswith("ን") and (ord(word[-2]) - 0x1200) % 8 == 1


def _amharic(sentence: str) -> str | None:
    if not re.search(r"[\u1200-\u135f]", sentence):
        return None
    m = _AM_AS_RE.search(sentence)
    if m:
        words = _clause_words(sentence, m.start())
        while words and words[-1] in _AM_RECORDS:
            words = words[:-1]
        if len(words) == 1 and words[0].endswith("ው"):
            return words[0][:-1]  # "መምሪያው" (the department): the one named before
        return " ".join(words) if 0 < len(words) <= 8 else None
    v = _AM_VERB_RE.search(sentence)
    if not v:
        return None
    words = sentence[: v.start()].split()
    said = [k for k, w in enumerate(words) if _said_clause(w)]
    if not said:
        return None
    who = words[said[-1] + 1 :]
    if not who:  # "X በበኩሉ 4,200 … መላኩን ገልጿል": the speaker opening the sentence
        lead: list[str] = []
        for w in words[:8]:
            if w in _AM_FOR_ITS_PART or re.search(r"\d", w):
                who = lead
                break
            lead.append(w)
    return " ".join(who) if 0 < len(who) <= 8 else None


def more_language_source(sentence: str) -> str | None:
    """The source the sentence names in one of the forms above, as printed; None when it
    uses none of them."""
    for read in (_malay, _urdu, _ukrainian, _sinhala, _amharic):
        found = read(sentence)
        if found is not None:
            return found
    return None
