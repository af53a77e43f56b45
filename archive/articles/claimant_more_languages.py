"""Attributions of Malay, Urdu and Ukrainian, for `source_forms.other_source`: pure.

Each language has a small table of its speech verbs and "according to" forms, and one reader
returning the source as printed (a pronoun for "he", resolved by `claimants`), or None when
the sentence uses none of the forms:

- Malay: the speaker before the verb ("X berkata", "X memaklumkan", "X mengesahkan"), a
  title and a name between commas before it ("Pengarah X, Kolonel Name, berkata"), or after
  it closing the sentence ("…, kata Name, 54, yang …"); "katanya" (he said) and "menurut X"
  (according to X);
- Urdu: "X کے مطابق" (according to X), the speaker in the ergative before the verb closing
  the clause ("X نے بتایا کہ", "X نے … اعلان کیا"), "انہوں نے" (he) for the one named before;
- Ukrainian: "За його словами" (in his words), the speaker named before.
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


def more_language_source(sentence: str) -> str | None:
    """The source the sentence names in one of the forms above, as printed; None when it
    uses none of them."""
    for read in (_malay, _urdu, _ukrainian):
        found = read(sentence)
        if found is not None:
            return found
    return None
