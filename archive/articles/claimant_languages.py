"""Attributions of six more languages, for `source_forms.other_source`: pure.

Each language has a small table of its speech verbs and of its "according to" forms, and one
reader returning the source as printed ("?" when the sentence is attributed to nobody named,
None when it uses none of the forms):

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
  "Xले … सूचना दिएको छ", X has given notice).

Nouns come back in the nominative, so that a body named in the genitive is the one named
elsewhere ("საქსტატის" -> "საქსტატი", "կոմիտեի" -> "կոմիտե", "বোর্ডের" -> "বোর্ড").
"""

from __future__ import annotations

import re

_STOPS = ",،;:։।.!?"
_QUOTE_MARKS = '“”"«»„'


def _clause_before(sentence: str, end: int, stops: str = _STOPS) -> str:
    """The words before ``end`` back to the last stop or quotation mark."""
    head = sentence[:end]
    cut = max(head.rfind(c) for c in stops + _QUOTE_MARKS)
    return head[cut + 1 :].strip(" —–-")


def _sentence_before(sentence: str, end: int) -> str:
    """The words before ``end`` back to the last full stop or quotation mark (commas kept)."""
    return _clause_before(sentence, end, ".!?։।;:")


# -- Georgian -------------------------------------------------------------------------------

_KA = "\u10d0-\u10ff"
GEORGIAN_ACCORDING = (
    "მონაცემებით", "ინფორმაციით", "თქმით", "განცხადებით", "ცნობით", "შეფასებით",
    "სიტყვებით",
)  # fmt: skip
GEORGIAN_SPEECH_VERBS = (
    "ამბობს", "ამბობენ", "განაცხადა", "განაცხადეს", "განუცხადა", "განუცხადეს", "აღნიშნა",
    "აღნიშნეს", "თქვა", "გვითხრა", "უთხრა", "დაადასტურა", "აცხადებს", "აცხადებენ", "იუწყება",
)  # fmt: skip
_KA_ACCORDING_RE = re.compile(rf"(?<![{_KA}])(?:{'|'.join(GEORGIAN_ACCORDING)})(?![{_KA}])")
_KA_VERB_RE = re.compile(rf"(?<![{_KA}])(?:{'|'.join(GEORGIAN_SPEECH_VERBS)})(?![{_KA}])")
_KA_PRONOUNS = ("მისი", "მათი")  # "his/her", "their": a speaker named before


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


def _georgian(sentence: str) -> str | None:
    m = _KA_ACCORDING_RE.search(sentence)
    if m:
        words = _clause_before(sentence, m.start()).split()
        if words and words[-1] in _KA_PRONOUNS:
            return words[-1]
        return _georgian_name(words[-4:]) if words else None
    m = _KA_VERB_RE.search(sentence)
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
ARMENIAN_ACCORDING = (
    "տվյալներով", "խոսքով", "խոսքերով", "գնահատմամբ", "տեղեկություններով", "հաղորդմամբ",
)  # fmt: skip
ARMENIAN_SPEECH_VERBS = (
    "ասաց", "հայտնեց", "նշեց", "հայտարարեց", "ընդգծեց", "տեղեկացրեց", "պատմեց",
    "ավելացրեց", "ասել է", "հայտնել է", "նշել է",
)  # fmt: skip
_HY_ACCORDING_RE = re.compile(rf"(?<![{_HY}])(?:{'|'.join(ARMENIAN_ACCORDING)})(?![{_HY}])")
_HY_VERB_RE = re.compile(rf"(?<![{_HY}])(?:{'|'.join(ARMENIAN_SPEECH_VERBS)})(?![{_HY}])")
_HY_PRONOUNS = {"նրա": "նրա", "Նրա": "նրա", "նրանց": "նրանց", "Նրանց": "նրանց"}


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


def _armenian(sentence: str) -> str | None:
    m = _HY_ACCORDING_RE.search(sentence)
    if m:
        words = _clause_before(sentence, m.start()).split()
        if words and words[-1] in _HY_PRONOUNS:
            return _HY_PRONOUNS[words[-1]]
        if not words:
            return None
        words = words[-4:]  # "Վիճակագրական կոմիտեի": the body, capitalised or not
        return " ".join([*words[:-1], _armenian_nominative(words[-1])])
    m = _HY_VERB_RE.search(sentence)
    if not m:
        return None
    after = sentence[m.end() :].strip(" ։.!?")
    if after:
        return _armenian_name(after.split())  # "..., հայտնեց տնօրեն Name-ը։"
    return _armenian_name(_clause_before(sentence, m.start()).split())


# -- Persian --------------------------------------------------------------------------------

_FA = "\u0600-\u06ff\u200c"
PERSIAN_ACCORDING = ("به گفته", "براساس", "بر اساس", "طبق", "بنابر", "به اعتقاد")
PERSIAN_SPEECH_VERBS = (
    "گفت", "گفته است", "اعلام کرد", "اعلام کرده است", "افزود", "تأکید کرد", "تاکید کرد",
    "اظهار داشت", "اظهار کرد", "توضیح داد", "می\u200cگوید", "میگوید",
)  # fmt: skip
_FA_ACCORDING_RE = re.compile(
    rf"(?<![{_FA}])(?:{'|'.join(PERSIAN_ACCORDING)})\s+(?P<who>[^،,.:«»]+)"
)
_FA_VERB_RE = re.compile(rf"(?<![{_FA}])(?:{'|'.join(PERSIAN_SPEECH_VERBS)})(?![{_FA}])")
# records named before their owner ("گزارش X", X's report)
_FA_RECORDS_RE = re.compile(r"^(?:گزارش|آمار|اعلام|اطلاعات|برآورد|داده(?:\u200c|\s)?های)\s+")
_FA_PRONOUNS = ("او", "وی", "ایشان")


def _persian(sentence: str) -> str | None:
    m = _FA_ACCORDING_RE.search(sentence)
    if m:
        who = _FA_RECORDS_RE.sub("", m["who"].strip())
        words = who.split()
        if words and words[0] in _FA_PRONOUNS:
            return words[0]
        return " ".join(words[:6]) or None
    m = _FA_VERB_RE.search(sentence)
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
BENGALI_ACCORDING = (
    rf"(?:তথ্য|পরিসংখ্যান|জরিপ)?\s*(?:অনুযা{_YA}ী|অনুসারে|মতে)",
    r"হিসাবে(?=,)",  # "X-এর হিসাবে," by X's reckoning
    r"হিসেবে(?=,)",
)
BENGALI_SPEECH_VERBS = (
    "বলেন",
    "বলেছেন",
    "বলেছে",
    "জানান",
    f"জানি{_YA}েছেন",
    f"জানি{_YA}েছে",
    f"জানা{_YA}",
)
_BN_ACCORDING_RE = re.compile(
    rf"(?P<genitive>(?:এর|ের|র))\s+(?:{'|'.join(BENGALI_ACCORDING)})(?![{_BN}])"
)
_BN_VERB_RE = re.compile(rf"(?<![{_BN}])(?:{'|'.join(BENGALI_SPEECH_VERBS)})(?![{_BN}])")
_BN_PRONOUNS = ("তাঁর", "তার", "তাদের", "তাঁদের")


def _bengali(sentence: str) -> str | None:
    m = _BN_ACCORDING_RE.search(sentence)
    if m:
        words = _clause_before(sentence, m.end("genitive")).split()
        if not words:
            return None
        last = words[-1]
        if last in _BN_PRONOUNS:
            return last
        genitive = m["genitive"]
        if genitive == "র" and not re.search("[\u09be-\u09cc]র$", last):
            return " ".join(words[-5:])  # a "র" of the noun itself: no genitive
        words[-1] = last[: -len(genitive)]
        return " ".join(words[-5:])
    m = _BN_VERB_RE.search(sentence)
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
HEBREW_SPEECH_VERBS = (
    "אמר", "אמרה", "אמרו", "הודיע", "הודיעה", "הודיעו", "מסר", "מסרה", "מסרו", "סיפר",
    "סיפרה", "סיפרו", "הוסיף", "הוסיפה", "ציין", "ציינה", "טען", "טענה", "הסביר", "הסבירה",
    "הבהיר", "הבהירה", "אומר", "אומרת", "אומרים",
)  # fmt: skip
_HE_VERB_RE = re.compile(rf"(?<![{_HE}])ו?(?P<verb>{'|'.join(HEBREW_SPEECH_VERBS)})(?![{_HE}])")
# what was said follows "כי" or "ש" (that)
_HE_THAT_RE = re.compile(rf"^(?:(?:\S+\s+){{0,2}}כי(?![{_HE}])|ש[{_HE}])")
_HE_PLURAL = ("אמרו", "מסרו", "הודיעו", "סיפרו", "אומרים")


def _hebrew(sentence: str) -> str | None:
    for m in _HE_VERB_RE.finditer(sentence):
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
        if m["verb"] in _HE_PLURAL and words[0].startswith("ב") and len(words[0]) > 3:
            words = [words[0][1:], *words[1:]]  # "בעיריית X אמרו": X municipality
        return " ".join(words)
    return None


# -- Nepali ---------------------------------------------------------------------------------

NEPALI_SPEECH_VERBS = (
    "बताए", "बताइन्", "बताएका छन्", "बताएको छ", "भने", "भनिन्", "जनाए", "जनायो", "जनाएको छ",
    "सूचना दिएको छ",
)  # fmt: skip
# the verb closing the sentence, as Nepali puts it
_NE_VERB_RE = re.compile(rf"(?<!\S)(?:{'|'.join(NEPALI_SPEECH_VERBS)})\s*[।.]?\s*$")


def _nepali(sentence: str) -> str | None:
    """ "Xले … बताए" (X said …), "Xले … सूचना दिएको छ" (X has given notice): the speaker in
    the ergative ("-ले") opening the clause, after a dateline ("विराटनगर — ")."""
    m = _NE_VERB_RE.search(sentence)
    if not m:
        return None
    clause = _clause_before(sentence, m.start()).split("—")[-1].split()
    ergative = next((k for k, w in enumerate(clause) if w.endswith("ले") and len(w) > 2), None)
    if ergative is None or ergative > 5 or any(re.search(r"\d", w) for w in clause[:ergative]):
        return None
    if clause[ergative] in ("उनले", "उहाँले"):
        return clause[ergative]  # "he", the last person named
    return " ".join([*clause[:ergative], clause[ergative][:-2]])


def language_source(sentence: str) -> str | None:
    """The source the sentence names in one of the forms above, as printed; None when it
    uses none of them."""
    for read in (_georgian, _armenian, _persian, _bengali, _hebrew, _nepali):
        found = read(sentence)
        if found is not None:
            return found
    return None
