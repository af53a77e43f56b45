"""Attributions of eleven languages, for `source_forms.other_source`: pure.

One table, `LANGUAGES`: a row per language naming its speech verbs, its "according to" forms,
its pronouns, titles and records, and the grammar that reads them; `language_source` reads the
table in order and gives back the source as printed ("?" when the sentence is attributed to
nobody named, a pronoun for "he", resolved by `claimants`), None when it uses none of the
forms:

- Georgian: "according to" after its source in the genitive ("X-ის მონაცემებით", by X's
  data; "მისი თქმით", in his words), the speaker in the ergative before the verb ("X-მა
  განაცხადა") or after it, behind a quotation ("— გვითხრა Name-მ");
- Armenian: "X-ի տվյալներով" (by X's data), "Նրա խոսքով" (in his words); the speaker after
  the verb with its article ("հայտնեց տնօրեն Name-ը"), or before it;
- Persian: "به گفته X" (according to X), "براساس گزارش X" (based on X's report); the speaker
  before the verb ("X گفت", "X اعلام کرد"), a title then the name between commas;
- Bengali: "X-এর তথ্য অনুযায়ী" (according to X's data), "X-এর হিসাবে," (by X's reckoning);
  the speaker before the verb ("X বলেন", "X জানান");
- Hebrew: the speaker before the verb ("X אמר כי", "X הודיעה ש"), a speaker named with a
  relative clause after it ("X, שעובדת ..., סיפרה"), a body spoken for in the plural
  ("בעיריית X אמרו": "at X municipality they said"), or the verb after a quotation, a title
  then the name ("“…”, אמר מנכ"ל החברה, Name.");
- Nepali: the speaker in the ergative opening the clause, the verb closing it ("Xले … बताए",
  "Xले … सूचना दिएको छ", X has given notice);
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

Nouns come back in the nominative, so that a body named in the genitive is the one named
elsewhere ("საქსტატის" -> "საქსტატი", "կոմիտեի" -> "կոմիտե", "বোর্ডের" -> "বোর্ড").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class LanguageForms:
    """One language's attribution words, and the grammar that reads a sentence with them."""

    name: str
    grammar: Callable[[LanguageForms, str], str | None]
    speech_verbs: tuple[str, ...] = ()
    according: tuple[str, ...] = ()  # "according to" forms (regular expressions)
    pronouns: tuple[str, ...] = ()  # "he", "his", "their": the one named before
    titles: frozenset[str] = frozenset()  # dropped before a name
    records: tuple[str, ...] = ()  # "data", "report": named with their owner
    plural_verbs: tuple[str, ...] = ()  # "they said": a body spoken for
    topic_markers: tuple[str, ...] = ()  # "for its part", after the speaker


_STOPS = ",،;:։।.!?"
_QUOTE_MARKS = '“”"«»„'


@cache
def _words_re(words: tuple[str, ...], letters: str) -> re.Pattern[str]:
    """One of ``words``, not inside a longer word of ``letters``."""
    return re.compile(rf"(?<![{letters}])(?:{'|'.join(words)})(?![{letters}])")


@cache
def _spaced_re(words: tuple[str, ...], letters: str = r"\S") -> re.Pattern[str]:
    """One of ``words`` after a space or the sentence's start, before no letter of ``letters``."""
    return re.compile(rf"(?<!\S)(?:{'|'.join(words)})(?![{letters}])")


def _clause_before(sentence: str, end: int, stops: str = _STOPS) -> str:
    """The words before ``end`` back to the last stop or quotation mark."""
    head = sentence[:end]
    cut = max(head.rfind(c) for c in stops + _QUOTE_MARKS)
    return head[cut + 1 :].strip(" —–-")


def _sentence_before(sentence: str, end: int) -> str:
    """The words before ``end`` back to the last full stop or quotation mark (commas kept)."""
    return _clause_before(sentence, end, ".!?։।;:")


def _clause_words(sentence: str, end: int) -> list[str]:
    head = sentence[:end]
    cut = max(head.rfind(c) for c in ',;:.!?“”"፣።')
    return head[cut + 1 :].split()


# -- Georgian -------------------------------------------------------------------------------

_KA = "\u10d0-\u10ff"


def _georgian_nominative(word: str) -> str:
    """A Georgian noun in the genitive or the ergative, in the nominative ("მერიის" ->
    "მერია", "საქსტატის" -> "საქსტატი", "უფროსმა" -> "უფროსი", "ჯაფარიძემ" -> "ჯაფარიძე")."""
    if word.endswith("იის"):
        return word[:-2] + "ა"
    if word.endswith("ის") and len(word) > 3:
        return word[:-2] + "ი"
    if word.endswith("მა") and len(word) > 3:
        return word[:-2] + "ი"
    if word.endswith("მ") and len(word) > 2 and word[-2] in "აეოუი":
        return word[:-1]
    return word


def _georgian_name(words: list[str]) -> str:
    if "წლის" in words:  # "68 წლის Name": an age before the name
        words = words[len(words) - words[::-1].index("წლის") :]
    words = words[-5:]
    if not words:
        return "?"
    return " ".join([*words[:-1], _georgian_nominative(words[-1])])


def _georgian(forms: LanguageForms, sentence: str) -> str | None:
    m = _words_re(forms.according, _KA).search(sentence)
    if m:
        words = _clause_before(sentence, m.start()).split()
        if words and words[-1] in forms.pronouns:
            return words[-1]
        return _georgian_name(words[-4:]) if words else None
    m = _words_re(forms.speech_verbs, _KA).search(sentence)
    if not m:
        return None
    head = sentence[: m.start()].rstrip(" ,—–-")
    after = sentence[m.end() :].strip(" .!?")
    if after and (not head or head[-1:] in _QUOTE_MARKS):
        return _georgian_name(re.split(r"[,;:]", after)[0].split())  # "— გვითხრა Name-მ."
    segments = [s.split() for s in _sentence_before(sentence, m.start()).split(",")]
    segments = [s for s in segments if s]
    if not segments:
        return "?"
    ergative = [s for s in segments if s[-1].endswith(("მა", "მ"))]
    # "ამის შესახებ X-ის უფროსმა, Name-მ, დღეს განუცხადა": the name in apposition, last
    return _georgian_name(ergative[-1] if ergative else segments[0])


# -- Armenian -------------------------------------------------------------------------------

_HY = "\u0531-\u0556\u0561-\u0587"  # letters, not the marks "՝" and "։" between them
_HY_UPPER = "\u0531-\u0556"


def _armenian_nominative(word: str) -> str:
    """An Armenian noun without its genitive or its article ("կոմիտեի" -> "կոմիտե",
    "ընկերության" -> "ընկերություն", "Մանուկյանը" -> "Մանուկյան")."""
    if word.endswith("ության"):
        return word[:-3] + "ուն"
    if word.endswith(("ի", "ը")) and len(word) > 2:
        return word[:-1]
    return word


def _armenian_name(words: list[str]) -> str:
    words = [w.strip("«»,՝") for w in words if w.strip("«»,՝")]
    run: list[str] = []
    for word in reversed(words):  # the capitalised run closing the words: the name
        if re.match(rf"[{_HY_UPPER}]", word):
            run.insert(0, word)
        elif run:
            break
    words = run or words[-3:]
    if not words:
        return "?"
    return " ".join([*words[:-1], _armenian_nominative(words[-1])])


def _armenian(forms: LanguageForms, sentence: str) -> str | None:
    m = _words_re(forms.according, _HY).search(sentence)
    if m:
        words = _clause_before(sentence, m.start()).split()
        if words:
            pronoun = words[-1][:1].lower() + words[-1][1:]  # "Նրա" opening the sentence
            if pronoun in forms.pronouns:
                return pronoun
        if not words:
            return None
        words = words[-4:]  # "Վիճակագրական կոմիտեի": the body, capitalised or not
        return " ".join([*words[:-1], _armenian_nominative(words[-1])])
    m = _words_re(forms.speech_verbs, _HY).search(sentence)
    if not m:
        return None
    after = sentence[m.end() :].strip(" ։.!?")
    if after:
        return _armenian_name(after.split())  # "..., հայտնեց տնօրեն Name-ը։"
    return _armenian_name(_clause_before(sentence, m.start()).split())


# -- Persian --------------------------------------------------------------------------------

_FA = "\u0600-\u06ff\u200c"


@cache
def _persian_according_re(according: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<![{_FA}])(?:{'|'.join(according)})\s+(?P<who>[^،,.:«»]+)")


@cache
def _leading_records_re(records: tuple[str, ...]) -> re.Pattern[str]:
    """Records named before their owner ("گزارش X", X's report)."""
    return re.compile(rf"^(?:{'|'.join(records)})\s+")


def _persian(forms: LanguageForms, sentence: str) -> str | None:
    m = _persian_according_re(forms.according).search(sentence)
    if m:
        who = _leading_records_re(forms.records).sub("", m["who"].strip())
        words = who.split()
        if words and words[0] in forms.pronouns:
            return words[0]
        return " ".join(words[:6]) or None
    m = _words_re(forms.speech_verbs, _FA).search(sentence)
    if not m:
        return None
    head = _sentence_before(sentence, m.start())
    head = re.sub(r"\s+به\s+\S+$", "", head)  # "به همشهری گفت": the paper spoken to
    segments = [s.strip() for s in head.split("،") if s.strip()]
    if not segments:
        return "?"
    # "مدیرعامل این شرکت، Name، گفت": the title, then the name
    who = segments[1] if len(segments) > 1 else segments[0]
    who = re.sub(r"\s+در\s+.*$", "", who)  # "X در کرج اعلام کرد": X, in the city
    return " ".join(who.split()[-6:]) or "?"


# -- Bengali --------------------------------------------------------------------------------

_BN = "\u0980-\u09ff"
_YA = "(?:\u09df|\u09af\u09bc)"  # ya with nukta, as one letter or two


@cache
def _bengali_according_re(according: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?P<genitive>(?:এর|ের|র))\s+(?:{'|'.join(according)})(?![{_BN}])")


def _bengali(forms: LanguageForms, sentence: str) -> str | None:
    m = _bengali_according_re(forms.according).search(sentence)
    if m:
        words = _clause_before(sentence, m.end("genitive")).split()
        if not words:
            return None
        last = words[-1]
        if last in forms.pronouns:
            return last
        genitive = m["genitive"]
        if genitive == "র" and not re.search("[\u09be-\u09cc]র$", last):
            return " ".join(words[-5:])  # a "র" of the noun itself: no genitive
        words[-1] = last[: -len(genitive)]
        return " ".join(words[-5:])
    m = _words_re(forms.speech_verbs, _BN).search(sentence)
    if not m:
        return None
    words = _clause_before(sentence, m.start()).split()
    figure = next((k for k, w in enumerate(words) if re.search(r"\d", w)), None)
    if figure is not None:
        # "X সরকারের কাছে ১০ কোটি টাকার দাবি জানিয়েছে": the speaker opens the clause, what it
        # asks for follows
        words = words[:figure]
    return " ".join(words[-5:]) or "?"


# -- Hebrew ---------------------------------------------------------------------------------

_HE = "\u05d0-\u05ea"
# what was said follows "כי" or "ש" (that)
_HE_THAT_RE = re.compile(rf"^(?:(?:\S+\s+){{0,2}}כי(?![{_HE}])|ש[{_HE}])")


@cache
def _hebrew_verb_re(verbs: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<![{_HE}])ו?(?P<verb>{'|'.join(verbs)})(?![{_HE}])")


def _hebrew(forms: LanguageForms, sentence: str) -> str | None:
    for m in _hebrew_verb_re(forms.speech_verbs).finditer(sentence):
        head = sentence[: m.start()].rstrip(" ,")
        after = sentence[m.end() :].strip(" .!?")
        if head[-1:] in _QUOTE_MARKS and after:
            # "“…”, אמר מנכ"ל החברה, Name.": a title, then the name after a comma
            segments = [s.strip() for s in after.split(",") if s.strip()]
            return segments[-1] if len(segments) > 1 else segments[0]
        if not _HE_THAT_RE.match(after):
            continue
        clause = _sentence_before(sentence, m.start())
        segments = [s.split() for s in clause.split(",") if s.split()]
        if not segments or len(segments[0]) > 6:
            continue
        words = segments[0]  # "Name, שעובדת ..., סיפרה כי": the name before the clause
        if m["verb"] in forms.plural_verbs and words[0].startswith("ב") and len(words[0]) > 3:
            words = [words[0][1:], *words[1:]]  # "בעיריית X אמרו": X municipality
        return " ".join(words)
    return None


# -- Nepali ---------------------------------------------------------------------------------


@cache
def _closing_verb_re(verbs: tuple[str, ...], full_stops: str) -> re.Pattern[str]:
    """One of ``verbs`` closing the sentence, as a language with its verb last puts it."""
    return re.compile(rf"(?<!\S)(?:{'|'.join(verbs)})\s*[{full_stops}]?\s*$")


def _nepali(forms: LanguageForms, sentence: str) -> str | None:
    """ "Xले … बताए" (X said …), "Xले … सूचना दिएको छ" (X has given notice): the speaker in
    the ergative ("-ले") opening the clause, after a dateline ("विराटनगर — ")."""
    m = _closing_verb_re(forms.speech_verbs, "।.").search(sentence)
    if not m:
        return None
    clause = _clause_before(sentence, m.start()).split("—")[-1].split()
    ergative = next((k for k, w in enumerate(clause) if w.endswith("ले") and len(w) > 2), None)
    if ergative is None or ergative > 5 or any(re.search(r"\d", w) for w in clause[:ergative]):
        return None
    if clause[ergative] in forms.pronouns:
        return clause[ergative]  # "he", the last person named
    return " ".join([*clause[:ergative], clause[ergative][:-2]])


# -- Malay ----------------------------------------------------------------------------------

# "…, kata Name, 54, yang …" / "…," kata JKM. / "…," katanya.
_MS_KATA_RE = re.compile(
    r"(?:^|[,\"”’]\s*)kata(?P<nya>nya)?(?:\s+(?P<who>[A-Z][^,.;:!?\"”]*))?\s*(?:[,.;!?]|$)"
)
_MS_MENURUT_RE = re.compile(r"(?<!\w)[Mm]enurut\s+(?P<who>[^,.;:\"”]+)")


def _malay_name(forms: LanguageForms, words: list[str]) -> str:
    words = [w for w in words if not re.fullmatch(r"\(.*\)", w)]  # "(PA)", "(NADMA)"
    while len(words) > 1 and words[0].lower().strip(".") in forms.titles:
        words = words[1:]
    return " ".join(words)


def _malay(forms: LanguageForms, sentence: str) -> str | None:
    m = _MS_KATA_RE.search(sentence)
    if m and (m["nya"] or m["who"]):
        if m["nya"]:
            return forms.pronouns[0]  # "katanya": he (she) said, the speaker named before
        return _malay_name(forms, m["who"].split())
    m = _MS_MENURUT_RE.search(sentence)
    if m:
        words = m["who"].split()
        if words and words[0].lower() in forms.records:  # "menurut data Portal Bencana"
            words = words[1:]
        return _malay_name(forms, words[:8]) or None
    v = _words_re(forms.speech_verbs, r"\w-").search(sentence)
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
    return _malay_name(forms, words)


# -- Urdu -----------------------------------------------------------------------------------

_UR_STOPS = '،؛۔.!?:’‘“”"«»'


@cache
def _urdu_according_re(according: tuple[str, ...]) -> re.Pattern[str]:
    """ "X کے مطابق": "according to" after the genitive postposition."""
    return re.compile(rf"(?<!\S)(?:کے|کی)\s+(?:{'|'.join(according)})(?!\S)")


def _urdu_clause(sentence: str, end: int) -> list[str]:
    head = sentence[:end]
    cut = max(head.rfind(c) for c in _UR_STOPS)
    return head[cut + 1 :].split()


def _urdu_name(forms: LanguageForms, words: list[str]) -> str:
    titled = [k for k, w in enumerate(words) if w in forms.titles]
    if titled and titled[-1] < len(words) - 1:
        words = words[titled[-1] + 1 :]  # "… سپرنٹنڈنٹ ڈاکٹر Name": the name after the title
    return " ".join(words[-6:])


def _urdu(forms: LanguageForms, sentence: str) -> str | None:
    if not re.search(r"[\u0600-\u06ff]", sentence):
        return None
    m = _urdu_according_re(forms.according).search(sentence)
    if m:
        words = _urdu_clause(sentence, m.start())
        if words and len(words) <= 10:
            return _urdu_name(forms, words)
    v = _spaced_re(forms.speech_verbs).search(sentence)
    if not v:
        return None
    clause = _urdu_clause(sentence, v.start())
    if "نے" not in clause:
        return None
    k = clause.index("نے")  # the ergative after the speaker
    words = clause[:k]
    if not words or len(words) > 8 or any(re.search(r"[\d۰-۹]", w) for w in words):
        return None
    if words[-1] in forms.pronouns:
        return forms.pronouns[0]  # "he": the one named before
    return _urdu_name(forms, words)


# -- Ukrainian ------------------------------------------------------------------------------


@cache
def _ukrainian_re(pronouns: tuple[str, ...], according: tuple[str, ...]) -> re.Pattern[str]:
    """ "За його словами" (in his words): "за", a possessive, the words or data."""
    return re.compile(rf"(?<!\w)[Зз]а\s+(?P<who>{'|'.join(pronouns)})\s+(?:{'|'.join(according)})")


def _ukrainian(forms: LanguageForms, sentence: str) -> str | None:
    m = _ukrainian_re(forms.pronouns, forms.according).search(sentence)
    return m["who"] if m else None


# -- Sinhala --------------------------------------------------------------------------------

_SI = "\u0d80-\u0dff"
# between the speaker and the verb: "further", "issuing a statement"
_SI_BETWEEN = r"(?:\s+(?:වැඩිදුරටත්|නිවේදනයක්\s+නිකුත්\s+කරමින්))*"
_SI_SAYS_RE = re.compile(r"^(?P<who>\S+(?:\s+\S+){0,6}?)\s+පවසන්නේ(?!\S)")  # "X පවසන්නේ … බවයි"


@cache
def _sinhala_that_re(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """ "… බව X පවසයි" (that …, X says); "බව ද" (that … too)."""
    return re.compile(
        rf"(?<!\S)බව(?:\s+ද)?\s+(?P<who>\S+(?:\s+\S+){{0,7}}?){_SI_BETWEEN}\s+"
        rf"(?:{'|'.join(verbs)})\s*[.!]?\s*$"
    )


def _sinhala_nominative(words: list[str]) -> list[str]:
    """ "අධිකාරියට" (to the authority) -> "අධිකාරිය", "මණ්ඩලයේ" (of the board) -> "මණ්ඩලය"."""
    last = words[-1]
    if last.endswith(("යට", "වට", "යේ", "වේ")):
        last = last[:-1]  # (the genitive's vowel sign on the final "ය", "ව": "බැංකුවේ")
    elif last.endswith("ට") and len(last) > 2:
        last = last[:-1]
    return [*words[:-1], last]


def _sinhala(forms: LanguageForms, sentence: str) -> str | None:
    if not re.search(rf"[{_SI}]", sentence):
        return None
    m = _sinhala_that_re(forms.speech_verbs).search(sentence) or _SI_SAYS_RE.search(sentence)
    if m:
        return m["who"]
    m = _spaced_re(forms.according, _SI).search(sentence)
    if m:
        words = _clause_words(sentence, m.start())
        while words and words[-1] in forms.records:  # "X-ගේ සංඛ්‍යා ලේඛනවලට අනුව"
            words = words[:-1]
        if words and len(words) <= 8:
            return " ".join(_sinhala_nominative(words))
    return None


# -- Amharic --------------------------------------------------------------------------------

_AM = "\u1200-\u135f"


def _said_clause(word: str) -> bool:
    """ "ማለፉን", "መላኩን" (that it passed, that it sent): a verbal noun in "-ኡን" closing what
    is said, the second (u) order of its syllable before "ን"."""
    return len(word) > 2 and word.endswith("ን") and (ord(word[-2]) - 0x1200) % 8 == 1


def _amharic(forms: LanguageForms, sentence: str) -> str | None:
    if not re.search(rf"[{_AM}]", sentence):
        return None
    m = _spaced_re(forms.according, _AM).search(sentence)
    if m:
        words = _clause_words(sentence, m.start())
        while words and words[-1] in forms.records:
            words = words[:-1]
        if len(words) == 1 and words[0].endswith("ው"):
            return words[0][:-1]  # "መምሪያው" (the department): the one named before
        return " ".join(words) if 0 < len(words) <= 8 else None
    v = _closing_verb_re(forms.speech_verbs, "።").search(sentence)
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
            if w in forms.topic_markers or re.search(r"\d", w):
                who = lead
                break
            lead.append(w)
    return " ".join(who) if 0 < len(who) <= 8 else None


# -- The table ------------------------------------------------------------------------------

# fmt: off
LANGUAGES: tuple[LanguageForms, ...] = (
    LanguageForms(
        name="Georgian",
        grammar=_georgian,
        according=(
            "მონაცემებით", "ინფორმაციით", "თქმით", "განცხადებით", "ცნობით", "შეფასებით",
            "სიტყვებით",
        ),
        speech_verbs=(
            "ამბობს", "ამბობენ", "განაცხადა", "განაცხადეს", "განუცხადა", "განუცხადეს",
            "აღნიშნა", "აღნიშნეს", "თქვა", "გვითხრა", "უთხრა", "დაადასტურა", "აცხადებს",
            "აცხადებენ", "იუწყება",
        ),
        pronouns=("მისი", "მათი"),  # "his/her", "their"
    ),
    LanguageForms(
        name="Armenian",
        grammar=_armenian,
        according=(
            "տվյալներով", "խոսքով", "խոսքերով", "գնահատմամբ", "տեղեկություններով",
            "հաղորդմամբ",
        ),
        speech_verbs=(
            "ասաց", "հայտնեց", "նշեց", "հայտարարեց", "ընդգծեց", "տեղեկացրեց", "պատմեց",
            "ավելացրեց", "ասել է", "հայտնել է", "նշել է",
        ),
        pronouns=("նրա", "նրանց"),
    ),
    LanguageForms(
        name="Persian",
        grammar=_persian,
        according=("به گفته", "براساس", "بر اساس", "طبق", "بنابر", "به اعتقاد"),
        speech_verbs=(
            "گفت", "گفته است", "اعلام کرد", "اعلام کرده است", "افزود", "تأکید کرد",
            "تاکید کرد", "اظهار داشت", "اظهار کرد", "توضیح داد", "می\u200cگوید", "میگوید",
        ),
        records=("گزارش", "آمار", "اعلام", "اطلاعات", "برآورد", r"داده(?:\u200c|\s)?های"),
        pronouns=("او", "وی", "ایشان"),
    ),
    LanguageForms(
        name="Bengali",
        grammar=_bengali,
        according=(
            rf"(?:তথ্য|পরিসংখ্যান|জরিপ)?\s*(?:অনুযা{_YA}ী|অনুসারে|মতে)",
            r"হিসাবে(?=,)",  # "X-এর হিসাবে," by X's reckoning
            r"হিসেবে(?=,)",
        ),
        speech_verbs=(
            "বলেন", "বলেছেন", "বলেছে", "জানান", f"জানি{_YA}েছেন", f"জানি{_YA}েছে", f"জানা{_YA}",
        ),
        pronouns=("তাঁর", "তার", "তাদের", "তাঁদের"),
    ),
    LanguageForms(
        name="Hebrew",
        grammar=_hebrew,
        speech_verbs=(
            "אמר", "אמרה", "אמרו", "הודיע", "הודיעה", "הודיעו", "מסר", "מסרה", "מסרו", "סיפר",
            "סיפרה", "סיפרו", "הוסיף", "הוסיפה", "ציין", "ציינה", "טען", "טענה", "הסביר",
            "הסבירה", "הבהיר", "הבהירה", "אומר", "אומרת", "אומרים",
        ),
        plural_verbs=("אמרו", "מסרו", "הודיעו", "סיפרו", "אומרים"),
    ),
    LanguageForms(
        name="Nepali",
        grammar=_nepali,
        speech_verbs=(
            "बताए", "बताइन्", "बताएका छन्", "बताएको छ", "भने", "भनिन्", "जनाए", "जनायो",
            "जनाएको छ", "सूचना दिएको छ",
        ),
        pronouns=("उनले", "उहाँले"),
    ),
    LanguageForms(
        name="Malay",
        grammar=_malay,
        speech_verbs=(
            "berkata", "memaklumkan", "mengesahkan", "menyatakan", "memberitahu", "mendakwa",
            "menegaskan", "mengumumkan", "menganggarkan", "melaporkan",
        ),
        # "Kolonel (PA) Name", "Datuk Seri Name", "Dr Name"
        titles=frozenset(
            """encik en puan pn cik tuan datuk dato datin seri sri tan dr prof haji hajah
            kolonel leftenan mejar kapten jeneral komander inspektor sarjan ustaz asisten
            penolong timbalan komisioner superintendan""".split()
        ),
        records=("data", "laporan", "statistik", "kenyataan", "rekod", "maklumat"),
        pronouns=("dia",),
    ),
    LanguageForms(
        name="Urdu",
        grammar=_urdu,
        according=("مطابق",),
        speech_verbs=(
            "بتایا", "بتائی", "کہا", "اعلان کیا", "تصدیق کی", "کہنا ہے", "دعویٰ کیا",
            "بتاتے ہوئے",
        ),
        titles=frozenset("ڈاکٹر جناب محترمہ پروفیسر سردار".split()),  # Dr, Mr, Ms, Prof, Sardar
        pronouns=("انہوں", "اس", "انھوں"),
    ),
    LanguageForms(
        name="Ukrainian",
        grammar=_ukrainian,
        according=("словами", "даними"),
        pronouns=("його", "її", "їхніми"),
    ),
    LanguageForms(
        name="Sinhala",
        grammar=_sinhala,
        according=("අනුව",),
        speech_verbs=(
            "පවසයි", "පවසති", "පැවසීය", "පැවසූහ", "පැවසුවේය", "කියයි", "ප්‍රකාශ කළේය",
            "සඳහන් කළේය", "නිවේදනය කළේය", "දැනුම් දුන්නේය",
        ),
        # the records of the one cited ("X-ගේ සංඛ්‍යා ලේඛනවලට අනුව", by X's statistics)
        records=("සංඛ්‍යා", "ලේඛනවලට", "දත්තවලට", "වාර්තාවට", "වාර්තාවලට", "තොරතුරුවලට"),
    ),
    LanguageForms(
        name="Amharic",
        grammar=_amharic,
        # "X እንዳስታወቀው" (as X announced), "X መረጃ እንደሚያሳየው" (as X's data shows)
        according=("እንዳስታወቀው", "እንዳስታወቁት", "እንደገለጸው", "እንደገለጹት", "እንደሚያሳየው"),
        speech_verbs=(
            "አስታወቀ", "አስታውቋል", "አስታውቀዋል", "ገልጿል", "ገልጸዋል", "ተናግረዋል", "ተናግሯል",
        ),
        records=("መረጃ", "ሪፖርት"),
        topic_markers=("በበኩሉ", "በበኩሏ", "በበኩላቸው"),  # "for its part"
    ),
)
# fmt: on


def language_source(sentence: str) -> str | None:
    """The source the sentence names in the forms of one of `LANGUAGES`, as printed; None when
    it uses none of them."""
    for forms in LANGUAGES:
        found = forms.grammar(forms, sentence)
        if found is not None:
            return found
    return None
