"""Attributions printed in forms unlike English "X said", for `attribution`: pure.

- "according to" after its source, the source often in the genitive: Estonian "X sõnul",
  "X andmetel", "X hinnangul"; Kazakh "X-тің айтуынша", "X-ның деректері бойынша"; Turkish
  "X’nın verilerine göre"; Korean "X에 따르면"; Japanese "Xによると"; Hindi "X के अनुसार";
- "according to" before it: Indonesian "menurut X", Swahili "kwa mujibu wa X", Hebrew "לפי X"
  and "לדברי X", Arabic "وفقاً لـX" and "بحسب X";
- the speech verb first, its speaker after it: Arabic "وقال X إن ..." ("and X said that");
- the speech verb last, its speaker opening the clause: Korean "X는 … 고 밝혔다", Japanese
  "Xは「…」と述べた", Thai "X กล่าวว่า", Hindi "X ने बताया कि", Kazakh "Бұл туралы … X
  мәлімдеді" ("this was stated by X"), Tamil "… என்று X தெரிவித்துள்ளது", Chinese "X說，";
- a quotation closed by a bare speech verb in the languages that drop the subject pronoun
  ("“…”, explicou.", "“…” dedi.", "“…,” alisema."): the last speaker's, as "he said" is;
- what was said first as a pronoun, the speaker after the verb: German "Das teilte X mit",
  Ukrainian "Про це повідомив X", Russian "Об этом сообщила X";
- "by its own account" ("nach eigenen Angaben", "selon ses propres chiffres"): the subject
  of the sentence;
- a title given as the claimant, the name in apposition after it ("Segundo o administrador,
  Name, ...", "..., a anunțat directorul firmei, Name."): the name.
"""

from __future__ import annotations

import re

from archive.articles.claimant_languages import language_source
from archive.articles.speech_words import MORE_SPEECH_VERBS

# A bare verb standing for its speaker, as a pronoun does: returned as printed and resolved
# to the last person named (`claimants`).
PRO_DROP_VERBS = frozenset(
    """explicou disse afirmou acrescentou contou declarou sublinhou referiu garantiu
    dijo explicó afirmó añadió agregó aseguró señaló indicó contó sostuvo
    dedi söyledi ekledi alisema aliongeza alieleza என்றார் என்றனர்
    spune declară وأضاف وأضافت وتابع وتابعت""".split()
    + ["a spus", "a declarat", "a precizat", "a explicat", "a adăugat"]
    # Italian, Czech and Polish ("«…», ha detto.", "„…,“ tvrdí.", "– …, dodał.")
    + ["ha detto", "ha spiegato", "ha aggiunto", "ha dichiarato", "ha raccontato"]
    + ["ha sottolineato", "ha precisato", "ha ammesso"]
    + "spiega aggiunge racconta".split()
    + "tvrdí řekl řekla dodal dodala uvedl uvedla říká vysvětlil vysvětlila".split()
    + "powiedział powiedziała dodał dodała mówi".split()
)
_CLOSERS = '”"»’'


def _words_of(text: str) -> str:
    return " ".join(text.split())


# Words that are no name where the script has no capitals: the article's own reporter.
_OWN_REPORTER = ("ผู้สื่อข่าว",)


def _clause_before(sentence: str, end: int) -> str:
    """The words of ``sentence`` before ``end`` back to the last comma or stop."""
    head = sentence[:end]
    cut = max(head.rfind(c) for c in ",،;:।")
    return head[cut + 1 :].strip()


# -- "according to" after its source ---------------------------------------------------------

_ESTONIAN_RE = re.compile(
    r"(?P<who>(?:[^\s,.;:]+\s+){0,3}[^\s,.;:]+)\s+(?:sõnul|andmetel|hinnangul|teatel|arvates|"
    r"väitel|arvutuste\s+järgi)(?!\w)"
)
_KAZAKH_RE = re.compile(
    r"(?P<who>(?:[^\s,.;:]+\s+){0,4}?[^\s,.;:]+?)(?:тің|тың|дің|дың|нің|ның|ің|ың)\s+"
    r"(?:айтуынша|мәліметінше|пікірінше|есебінше|хабарлауынша|деректері\s+бойынша|"
    r"мәліметі\s+бойынша|деректеріне\s+сәйкес)(?!\w)"
)
_TURKISH_RE = re.compile(
    r"(?P<who>(?:[A-ZÇĞİÖŞÜ][\w.-]*\s+){0,5}[A-ZÇĞİÖŞÜ][\w.-]*(?:\s+\([A-ZÇĞİÖŞÜ]{2,}\))?)"
    r"(?:[’']?(?:nın|nin|nun|nün|ın|in|un|ün))?\s+(?:verilerine|açıklamasına|raporuna|"
    r"tahminine|tahminlerine|hesaplamalarına|araştırmasına)\s+göre(?!\w)"
)
_KOREAN_RE = re.compile(r"(?P<who>[^\s,.“”\"]+?)에\s*따르면")
# records named after their owner ("협회 자료에 따르면": according to the association's data)
_KOREAN_RECORDS = frozenset("자료 통계 조사 집계 발표 보고서 설명 분석 추산".split())
_JAPANESE_RECORDS = frozenset("発表 資料 調査 統計 集計 説明 試算 推計".split())
_JAPANESE_RE = re.compile(r"(?P<who>[^\s、。「」『』（）()]{1,30}?)によると")
# Hindi "X के अनुसार"; Nepali glues the genitive to the source: "Xका अनुसार"
_HINDI_RE = re.compile(r"(?:\s*के\s+|(?<=\S)का\s+)(?:अनुसार|मुताबिक)(?!\w)")
_LEADING_LINKS = ("ด้าน", "ขณะที่", "ส่วน", "โดย")
# The Kazakh pronoun's genitive ("Оның есебінше": by his estimate) is the pronoun.
_KAZAKH_PRONOUNS = {"о": "ол", "он": "ол"}


def _estonian(who: str) -> str:
    words = who.split()
    if len(words) > 4:
        # "… brutopalk oli Statistikaameti andmetel": the genitive and the name it ends
        words = words[-1:]
        for word in reversed(who.split()[:-1]):
            if not word[:1].isupper():
                break
            words.insert(0, word)
        who = " ".join(words)
    named = []
    for word in reversed(words):
        if not word[:1].isupper():
            break
        named.insert(0, word)
    # "Liidu juhi Anu Saare sõnul": the name after the title; "Haigla hinnangul": the body
    if len(named) >= 2 and len(named) < len(words):
        return " ".join(named)
    return " ".join(words[-2:]) if len(words) > 2 and not words[0][:1].isupper() else who


def _postposed(sentence: str) -> str | None:
    m = _KAZAKH_RE.search(sentence)
    if m:
        who = _clause_before(sentence, m.end("who"))
        return _KAZAKH_PRONOUNS.get(who.lower(), who)
    m = _ESTONIAN_RE.search(sentence)
    if m:
        return _estonian(_clause_before(sentence, m.end("who")))
    m = _TURKISH_RE.search(sentence)
    if m:
        return re.sub(r"\s+\([^)]*\)$", "", m["who"])
    m = _KOREAN_RE.search(sentence)
    if m:
        before = _clause_before(sentence, m.start("who")).split()
        if m["who"] in _KOREAN_RECORDS and before:
            return before[-1].removesuffix("의")  # "X 자료에 따르면": by X's data, X
        return m["who"]
    m = _JAPANESE_RE.search(sentence)
    if m:
        parts = re.split(r"[はがもの]", m["who"])
        if len(parts) > 1 and parts[-1] in _JAPANESE_RECORDS and parts[-2]:
            return parts[-2]  # "県の調査によると": by the prefecture's survey, the prefecture
        return parts[-1] or m["who"]
    m = _HINDI_RE.search(sentence)
    if m:
        return " ".join(_clause_before(sentence, m.start()).split()[-6:])
    return None


# -- "according to" before its source --------------------------------------------------------

_PREFIXED_RE = re.compile(
    r"(?:(?<![\w-])(?i:menurut|kwa\s+mujibu\s+wa)|(?<!\w)(?:כך\s+)?(?:לפי|לדברי)|"
    r"(?<!\w)و?(?:وفق(?:اً|ًا|ا)?\s+ل(?=ل)|بحسب|حسب))\s*(?P<who>[^,.;:“”\"«»()،]+)"
)
# Arabic "وفق حصيلة أولية لوزارة X" (according to a first tally of the X ministry): the
# records, then their owner after "ل" (to)
_ARABIC_RECORDS_RE = re.compile(
    r"(?<!\w)و?(?:وفق(?:اً|ًا|ا)?|بحسب|حسب)\s+(?:حصيلة|بيانات|أرقام|إحصاءات|إحصائيات|تقرير|"
    r"تقديرات)(?:\s+(?:أولية|رسمية|جديدة|نهائية|أخيرة))?\s+ل(?P<who>[^,.;:“”\"«»()،]+)"
)
# "לפי נתוני המועצה": "according to the data of" the council
_RECORD_NOUNS_RE = re.compile(r"^(?:נתוני|דוח|הערכת|הערכות|data|laporan|catatan)\s+")


def _prefixed(sentence: str) -> str | None:
    m = _ARABIC_RECORDS_RE.search(sentence)
    if m:
        who = m["who"].strip()
        return " ".join(("ا" + who if who.startswith("ل") else who).split()[:7])  # "للوزارة"
    m = _PREFIXED_RE.search(sentence)
    if not m:
        return None
    who = _RECORD_NOUNS_RE.sub("", m["who"].strip())
    if m.group().lstrip("و").startswith("وفق") or "وفق" in m.group():
        who = "ا" + who  # "للمركز": "to" glued to "the centre" ("ل" + "المركز")
    return " ".join(who.split()[:7])


# -- the speech verb first: Arabic ------------------------------------------------------------

_ARABIC_VERB_RE = re.compile(
    r"(?:^|\s)و?(?P<verb>قال|قالت|أضاف|أضافت|أعلن|أعلنت|أشار|أشارت|أوضح|أوضحت|أكد|أكدت|"
    r"ذكر|ذكرت|صرح|صرّح|صرحت|صرّحت|أفاد|أفادت)\s+(?P<rest>.*)"
)
# "that", with or without its shadda ("إنّ", "أنّها"); "لـ«X»", "لـ"X"": the paper spoken to;
# a colon opening a quotation
_ARABIC_THAT_RE = re.compile(
    r"(?:^|\s)(?:إن|أن|بأن|إلى\s+أن)\u0651?(?:ه|ها)?(?:\s|$)|،?\s*لـ\s*[«\"“]|:\s*[«\"“]"
)


# Words of time after a verb, before its object ("وأعلن X الشهر الماضي تخصيص …")
_ARABIC_TIME_WORDS = frozenset("الشهر الأسبوع اليوم أمس العام السنة صباح مساء الليلة".split())


def _arabic_subject(rest: str) -> str | None:
    """The subject after a verb that takes an object, not a "that" clause ("وأعلن البنك
    الدولي الشهر الماضي تخصيص …", the World Bank announced last month allocating …): a noun
    made definite, or a noun and the definite one it governs; None when none opens ``rest``."""
    words: list[str] = []
    for word in rest.split()[:3]:
        governed = len(words) == 1 and not words[0].startswith("ال")  # "بلدية طرابلس"
        if word in _ARABIC_TIME_WORDS or (words and not governed and not word.startswith("ال")):
            break
        words.append(word.strip("،"))
        if word.endswith("،"):
            break
    if not words or not (words[0].startswith("ال") or len(words) > 1):
        return None
    return " ".join(words)


def _arabic(sentence: str) -> str | None:
    m = _ARABIC_VERB_RE.search(sentence)
    if not m:
        return None
    rest = m["rest"]
    that = _ARABIC_THAT_RE.search(rest)
    if not that:
        return _arabic_subject(rest)
    who = rest[: that.start()].strip(" ،")
    if not who:
        return m.group().split()[0]  # "وأضاف أن ...": "and he added that": the last speaker
    quoted = re.search(r"«([^»]+)»", who)
    if quoted:
        return quoted.group(1)  # "شركة «Name» للتمور": the company's name
    segments = [seg.strip() for seg in who.split("،") if seg.strip()]
    # "Name، الذي يملك …": a relative clause after the speaker, no part of the name
    named = [seg for seg in segments if seg.split()[0] not in ("الذي", "التي", "الذين")]
    segments = named or segments
    # "الرئيس التنفيذي للشركة، Name،": the title, then the name
    return segments[1] if len(segments) > 1 else segments[0]


# -- the speech verb last --------------------------------------------------------------------

_KOREAN_SAID_RE = re.compile(
    r"(?:고|며|면서)\s+(?:밝혔다|말했다|했다|전했다|설명했다|강조했다|덧붙였다|주장했다|"
    r"추산했다|추정했다|전망했다|예상했다|본다|봤다|내다봤다)\s*[.。]?\s*$"
)
_KOREAN_TOPIC_RE = re.compile(r"(?<!\S)(?P<who>\S+?)(?:\(\d+\))?(?:씨|측)?(?:은|는)(?!\S)")
# Titles printed after the name they follow ("김민수 연구위원은", "이서연 교수는")
_KOREAN_TITLES = frozenset(
    "연구위원 연구원 교수 대표 의원 장관 위원장 사무총장 대변인 소장 원장 처장 과장 팀장 "
    "본부장 회장 사장 시장 지사 이사장 센터장 부장 국장 실장 총장 청장".split()
)
_JAPANESE_SAID_RE = re.compile(
    r"と(?:述べた|話した|説明した|語った|強調した|明らかにした|発表した|している|した|いう)"
    r"[。]?\s*$"
)
_JAPANESE_TOPIC_RE = re.compile(r"^(?:[^、。「」]*?の)?(?P<who>[^、。「」の]{2,30}?)は")
# A clause describing the one named, ending in a verb, before the name: "記者会見した高橋社長"
# (who held a press conference), "40年近く研磨を担当してきた男性" (who has polished for 40 years)
_JAPANESE_CLAUSE_RE = re.compile(
    r"^.*(?:した|する|して|きた|いる|った|いた|れた|んだ)(?=[^\u3040-\u309f]{2,}$)"
)
_JAPANESE_TITLES = ("社長", "会長", "市長", "知事", "部長", "課長", "氏", "さん")
_THAI_SAID_RE = re.compile(r"(?P<verb>กล่าว|ระบุ|เล่า|เปิดเผย|ชี้แจง|รายงาน|แถลง|ยืนยัน|ให้สัมภาษณ์)(?:ว่า)?")
_THAI_HONORIFICS = ("นางสาว", "นาย", "นาง", "ดร.")
_THAI_OPENERS = ("เมื่อ", "วันที่", "ที่")  # "when", "on the day", "at": a time or a place
_HINDI_SAID_RE = re.compile(
    r"(?P<who>\S+(?:\s+\S+){0,7}?)\s+(?:ने\s+(?:बताया|कहा)|का\s+कहना\s+है)(?!\w)"
)
_CYRILLIC_TITLES = frozenset(
    "директор директоры басшы басшысы әкім әкімі депутат депутаты төраға төрағасы министр".split()
)
_KAZAKH_SAID_RE = re.compile(
    r"(?:мәлімдеді|хабарлады|айтты|атап\s+өтті|түсіндірді|жазды)\s*[.!]?\s*$"
)


def _korean(sentence: str) -> str | None:
    if not _KOREAN_SAID_RE.search(sentence):
        return None
    head = re.sub(r"“[^”]*”|\"[^\"]*\"", " ", sentence)
    topics = list(_KOREAN_TOPIC_RE.finditer(head))
    if not topics:
        return "?"
    who = topics[-1]
    name = who["who"]
    if name in _KOREAN_TITLES and head[: who.start()].split():
        name = head[: who.start()].split()[-1]  # "X연구원 김민수 연구위원은": the name before
    elif name == "관계자" and head[: who.start()].split():
        name = " ".join(head[: who.start()].split()[-2:])  # "X 관계자는": an official of X
    elif who.group().endswith(("측은", "측는")):
        before = head[: who.start()].split()
        name = f"{before[-1]} 측" if before else name  # "회사 측은": the company's side
    return name


def _japanese(sentence: str) -> str | None:
    said = _JAPANESE_SAID_RE.search(sentence)
    if not said:
        return None
    if said.group().startswith("という"):
        return "?"  # "Xは…という": hearsay about X, told by someone not named in the sentence
    m = _JAPANESE_TOPIC_RE.search(sentence.lstrip("　 "))
    if not m:
        # "…メーカー「X」は4日、…と発表した": the company's name in brackets, then the topic
        bracketed = re.match(r"[^。]{0,40}?「(?P<who>[^」]{2,30})」は", sentence)
        return bracketed["who"] if bracketed else "?"
    who = re.sub(r"[（(]\d+[）)]$", "", m["who"])
    who = _JAPANESE_CLAUSE_RE.sub("", who)  # "記者会見した高橋誠一": who held a press conference
    for title in _JAPANESE_TITLES:
        if who.endswith(title) and len(who) > len(title) + 1:
            who = who[: -len(title)]
            break
    return who


def _thai(sentence: str) -> str | None:
    m = _THAI_SAID_RE.search(sentence)
    if not m:
        return None
    head = sentence[: m.start()]
    closing = max(head.rfind(c) for c in _CLOSERS + "“")
    if closing >= 0:
        head = head[closing + 1 :]  # "“…” นายประเสริฐกล่าว": the speaker after the quotation
    words = head.split()
    if not words:
        return "?"
    first = words[0]
    for link in _LEADING_LINKS:
        if first.startswith(link) and len(first) > len(link):
            first = first[len(link) :]
    if any(first.startswith(own) for own in _OWN_REPORTER):
        return "?"  # "ผู้สื่อข่าวรายงานว่า": the reporter's own
    if first.startswith(_THAI_OPENERS):
        # "เมื่อวันที่ 3 ... ที่อำเภอ X นายName ...": a date or a place before the speaker
        named = [k for k, w in enumerate(words) if w.startswith(_THAI_HONORIFICS)]
        if named:
            words = words[named[0] :]
            first = words[0]
    if first == "บริษัท" and len(words) > 1:
        return words[1]  # "บริษัท Name จำกัด": the company's name after the word "company"
    for honorific in _THAI_HONORIFICS:
        if first.startswith(honorific) and len(first) > len(honorific):
            # a person: the given name, the surname after it
            return " ".join([first[len(honorific) :], *words[1:2]])
    return first


def _hindi(sentence: str) -> str | None:
    if re.search(r"(?<!\S)उन्होंने\s+(?:कहा|बताया)", sentence):
        return "उन्होंने"  # "he said"
    m = _HINDI_SAID_RE.search(sentence)
    if not m:
        return None
    who = _clause_before(sentence, m.end("who"))
    who = re.sub(r"\s*\(\d+\)$", "", who)  # "कारीगर Name (52) ने": his age
    return " ".join(who.split()[-6:]) or "?"


def _kazakh(sentence: str) -> str | None:
    m = _KAZAKH_SAID_RE.search(sentence)
    if not m:
        return None
    words = sentence[: m.start()].split()
    name: list[str] = []
    for word in reversed(words):
        if word[:1].isupper() and not word.endswith(","):
            name.insert(0, word)
        elif name:
            break
    if len(name) > 2 and name[0].lower() in _CYRILLIC_TITLES:
        name = name[1:]  # "Директор Name": the title opening the sentence
    if 2 <= len(name) <= 4:
        return " ".join(name)  # "Бұл туралы … басшысы Name брифингте мәлімдеді"
    return "?"


_TAMIL_SAID_RE = re.compile(
    r"(?<!\S)(?:கூறுகையில்|கூறியதாவது|கூறினார்|கூறினர்|தெரிவித்தார்|தெரிவித்துள்ளார்|"
    r"தெரிவித்துள்ளது|தெரிவித்தனர்|தெரிவித்தது)(?=[\s.,;:!?\"”]|$)"
)
# "… என்று X தெரிவித்துள்ளது", "… நிறுத்தியுள்ளதாக X தெரிவித்தனர்": what was said ends in
# "என்று" (that) or a verb in "-தாக"; the speaker follows it
_TAMIL_THAT = ("என்று", "தாக")


def _tamil(sentence: str) -> str | None:
    m = _TAMIL_SAID_RE.search(sentence)
    if not m:
        return None
    words = _clause_before(sentence, m.start()).split()
    for k in range(len(words) - 1, -1, -1):
        if words[k].endswith(_TAMIL_THAT):
            words = words[k + 1 :]
            break
    return " ".join(words[-4:]) or "?"


_CHINESE_SAID_RE = re.compile(
    r"(?:^|(?<=[。，；〕」！？）]))(?P<who>[^，。；「」〔〕（）\s]{1,30}?)則?"
    r"(?:說|表示|指出|分析|統計|估計|認為|強調|坦言|透露|说|认为|统计|估计|强调|稱|称|宣布|宣佈)"
    r"[，：:]"
)
_CHINESE_TITLES = re.compile(
    r"^.*(?:總幹事|处长|處長|研究員|研究员|鎮長|镇长|縣長|县长|市長|市长|局長|局长|主任|理事長|"
    r"董事長|董事长|總經理|总经理|經理|经理|教授|主席|部長|部长|院長|院长|秘書長|秘书长|議員|议员|"
    r"製造商|制造商)"
)


def _chinese(sentence: str) -> str | None:
    # "联合会（FDAWU）说": the body's initials in brackets before the verb
    m = _CHINESE_SAID_RE.search(re.sub(r"（[A-Z]{2,10}）", "", sentence))
    if not m:
        return None
    who = m["who"]
    statement = re.search(r"(?:發表|发表)(文告|聲明|声明)$", who)
    if statement:
        return statement.group(1)  # "公司昨天发表文告说": the statement, its issuer's
    who = re.sub(
        r"(?:在)?(?:回覆|回应|回應|答覆|答复)[^，。]{0,6}(?:查詢|查询|提問|提问)時?$", "", who
    )
    name = _CHINESE_TITLES.sub("", who)
    if "的" in name[1:-2]:
        # "在X工作的陳太", "X属下的Y联合会": what it is, then its name
        return name.rsplit("的", 1)[1]
    return name if 2 <= len(name) <= 4 else who  # "處長林淑惠說": the name after the title


def _pro_drop(sentence: str) -> str | None:
    """A quotation closed by a bare speech verb, or a sentence opened by one ("Alisema ...")."""
    # (and "“" closing a „…“ quotation; a dash before the verb, as Polish prints it)
    m = re.search(
        rf"[{_CLOSERS}“]\s*[,–—]?\s*(?P<verb>[^\s.!]+(?:\s[^\s.!]+)?)\s*[.!]?\s*$", sentence
    )
    if m and m["verb"].lower() in PRO_DROP_VERBS:
        return m["verb"]
    first = sentence.split()[0] if sentence.split() else ""
    if first.lower() in {"alisema", "aliongeza"} and len(sentence.split()) > 3:
        return first  # "Alisema Serikali imetenga ...": "He said the government ..."
    return None


# A Portuguese or Spanish speech verb closing the sentence, the paper spoken to, then the
# speaker ("..., confirmou ao JN a administração da empresa.", "según confirmó a este diario su
# gerente general, Name."): the speaker, not the paper.
_SPOKEN_TO_RE = re.compile(
    r"(?<!\w)(?:disse|confirmou|afirmou|explicou|adiantou|revelou|contou|garantiu|dijo|"
    r"confirmó|afirmó|explicó|aseguró|declaró|indicó|precisó|relató|contó|comunicó)\s+"
    r"(?:ao|à|al|a)\s+(?:[A-ZÀ-Ý][\w.]*|este\s+diario|este\s+periódico|este\s+jornal)\s+"
    r"(?P<who>(?:o|a|os|as|el|la|los|las|su|sua|seu)\s+[^,.;:]+?)"
    r"(?:,\s+(?P<name>[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+){1,3}))?\s*[.!]?\s*$"
)


# "según comunicó la dirección al comité ...": "according to" before a speech verb, its
# speaker after the verb.
_ACCORDING_VERB_RE = re.compile(
    r"(?<!\w)(?i:según|segundo|conforme)\s+(?:comunicó|confirmó|informó|explicó|indicó|"
    r"señaló|dijo|precisó|confirmou|informou|explicou|disse|adiantou)\s+"
    r"(?:(?:a|ao|al)\s+(?:[A-ZÀ-Ý][\w.]*|este\s+diario|este\s+periódico|este\s+jornal)\s+)?"
    r"(?P<who>(?:el|la|los|las|o|a|os|as|su|sua|seu)\s+(?:[A-ZÀ-Ý][^,.;:]*|[^\W\d_]+"
    r"(?:\s+[a-zà-ÿ]+)?))(?:,\s+(?P<name>[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+){1,3}))?"
)


# "«…», explicó su tesorero, Name, de la cooperativa.": a quotation, its verb, the speaker's
# title, then his name in apposition.
_QUOTE_VERB_TITLE_RE = re.compile(
    r"[”\"»’]\s*,?\s+[^\W\d_]+\s+(?:(?:su|sua|seu|el|la|o|a|il|the|its|his|her)\s+)"
    r"(?:[^\W\d_A-ZÀ-Ý][\w-]*\s+){0,3}[^\W\d_A-ZÀ-Ý][\w-]*,\s+"
    r"(?P<name>[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+){1,3})\s*(?=[,.;!?]|$)"
)


# "..., a anunțat joi directorul general al firmei, Name.": a speech verb, a day, the
# speaker's title in lower case, then the name closing the sentence.
_VERB_TITLE_NAME_RE = re.compile(
    rf",\s+(?:{MORE_SPEECH_VERBS})\s+(?:[^\W\d_A-ZÀ-Ý][\w-]*\s+){{1,6}}?"
    r"[^\W\d_A-ZÀ-Ý][\w-]*,\s+(?P<name>[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+){1,3})"
    r"\s*[.!]?\s*$"
)
# "Data Badan Pusat Statistik menunjukkan ...": Indonesian "the data of X show"
_DATA_SHOW_RE = re.compile(
    r"(?<!\w)(?:Data|Catatan|Laporan)\s+(?P<who>[A-Z][^,.;:]*?)\s+"
    r"(?:menunjukkan|mencatat|menyebutkan)(?!\w)"
)


def _spoken_to(sentence: str) -> str | None:
    m = (
        _QUOTE_VERB_TITLE_RE.search(sentence)
        or _VERB_TITLE_NAME_RE.search(sentence)
        or _DATA_SHOW_RE.search(sentence)
    )
    if m:
        return m["name"] if "name" in m.groupdict() else m["who"]
    m = _SPOKEN_TO_RE.search(sentence) or _ACCORDING_VERB_RE.search(sentence)
    if not m:
        return None
    if m["name"]:
        return m["name"]
    who = re.sub(r"\s+\([A-Z]{2,}\)", "", m["who"]).split()  # "(DRA)": its initials
    if who[1][:1].isupper():
        return " ".join(who)  # "la Dirección Regional Agraria de Puno"
    # "la dirección al comité": the noun, not what follows it
    return " ".join(who[:2]) if len(who) > 2 and who[2] in ("al", "ao", "a", "en") else m["who"]


# French puts the pronoun after the verb, joined by hyphens ("a-t-il affirmé", "assure-t-il",
# "ajoute-t-elle", "explique-t-elle"): the pronoun, resolved as "il" / "elle" are.
_FRENCH_INVERTED_RE = re.compile(
    r"(?<![\w-])(?:a|avait|aurait)-t-(?P<a>il|elle)\s+[^\W\d_]+|"
    r"(?<![\w-])[^\W\d_]+(?:-t)?-(?P<b>il|elle)(?![\w-])"
)
# An age in apposition ("Name, 61, said"): a person's, no count of people saying it.
_AGED_NAME_RE = re.compile(
    r"(?P<name>[A-ZÀ-Ž][\w’'-]+(?:\s+[A-ZÀ-Ž][\w’'-]+){1,3}),\s+\d{1,3},\s+"
    r"(?:said|says|told|added|explained|warned|recalled|admitted)(?!\w)"
)


def _french_inverted(sentence: str) -> str | None:
    m = _FRENCH_INVERTED_RE.search(sentence)
    if not m or m.group().split("-")[0].lower() in ("peut", "est", "y", "va", "faut"):
        return None  # "peut-il", "est-il": a question, not a speaker
    return m["a"] or m["b"]


def _aged(sentence: str) -> str | None:
    m = _AGED_NAME_RE.search(sentence)
    return m["name"] if m else None


# What was said first as a pronoun, the speaker after the verb: German "Das teilte der
# Verbund am Mittwoch mit", Ukrainian "Про це повідомив …", Russian "Об этом сообщила …".
_OBJECT_FIRST_RE = re.compile(
    r"^(?:Das|Dies|Про\s+це|Об\s+этом)\s+(?:[^\W\d_]+\s+)?"
    r"(?:teilte|teilten|sagte|sagten|bestätigte|bestätigten|erklärte|erklärten|berichtete|"
    r"berichteten|gab|gaben|повідомив|повідомила|повідомили|заявив|заявила|заявили|сказав|"
    r"сказала|розповів|розповіла|сообщил|сообщила|сообщили|сообщает|заявил|рассказал|"
    r"рассказала|написал|написала)\s+(?P<rest>[^,.;:]+)"
)
_GERMAN_ARTICLES = frozenset("der die das den dem des ein eine einer eines".split())
_GERMAN_JOINS = frozenset("der des von für und".split())


def _object_first(sentence: str) -> str | None:
    m = _OBJECT_FIRST_RE.match(sentence.strip())
    if not m:
        return None
    words = m["rest"].split()
    if re.match(r"[А-ЯҐЄІЇа-яґєії]", words[0]):
        runs, run = [], []
        for word in words:
            if word[:1].isupper():
                run.append(word)
            else:
                runs, run = ([*runs, run] if run else runs), []
        runs = [*runs, run] if run else runs
        named = [r for r in runs if len(r) >= 2]
        if named:
            return " ".join(named[-1])  # "начальник … адміністрації Name": the name
        if words[0].lower() in ("в", "у"):
            words = words[1:]  # "повідомили в … адміністрації": at the body
        return " ".join(words[:6]) or "?"
    taken = words[:1] if words[0].lower() in _GERMAN_ARTICLES else []
    for word in words[len(taken) :]:
        if word[:1].isupper() or (taken and word in _GERMAN_JOINS and len(taken) > 1):
            taken.append(word)
            continue
        break
    while taken and taken[-1] in _GERMAN_JOINS:
        taken.pop()
    return " ".join(taken) if len(taken) > (words[0].lower() in _GERMAN_ARTICLES) else "?"


# "By its own account": the sentence's subject is its source ("Hallberg Defence produziert
# nach eigenen Angaben ...", "L'Union ... a dépensé ..., selon ses propres chiffres").
_OWN_ACCOUNT_RE = re.compile(
    r"(?<!\w)(?:nach\s+eigenen\s+Angaben|eigenen\s+Angaben\s+zufolge|"
    r"selon\s+(?:ses|leurs)\s+propres\s+(?:chiffres|données|calculs)|"
    r"según\s+sus\s+propios\s+(?:datos|cálculos)|según\s+sus\s+propias\s+cifras|"
    r"segundo\s+os\s+seus\s+próprios\s+dados|by\s+its\s+own\s+(?:count|account|figures))"
    r"(?!\w)"
)
_SUBJECT_ARTICLES = frozenset("der die das the le la l’ l' el o a".split())
_NAME_JOINS = frozenset("de des du del do da dos das der von für of and und".split())


def _subject_run(words: list[str]) -> list[str]:
    """The capitalised name these words open, its article and joining words with it."""
    taken: list[str] = []
    for word in words:
        bare = word.strip(",;:")
        if bare[:1].isupper() or re.match(r"[ld][’'][A-ZÀ-Ý]", bare):
            taken.append(bare)
        elif (not taken and bare.lower() in _SUBJECT_ARTICLES) or (taken and bare in _NAME_JOINS):
            taken.append(bare)
            continue
        else:
            break
        if word != bare:
            break  # a comma closes the name ("Die Erfurter Bahn, die ...")
    while taken and (taken[-1] in _NAME_JOINS or taken[-1].lower() in _SUBJECT_ARTICLES):
        taken.pop()
    return taken


def _own_account(sentence: str) -> str | None:
    m = _OWN_ACCOUNT_RE.search(sentence)
    if not m:
        return None
    before = sentence[: m.start()].rstrip(" ,").split()
    if before and before[-1][:1].isupper():
        # "Bereits investiert hat die Bahn nach eigenen Angaben": the name right before it
        k = len(before)
        while k > 0 and (before[k - 1][:1].isupper() or before[k - 1] in _NAME_JOINS):
            k -= 1
        if k > 0 and before[k - 1].lower() in _SUBJECT_ARTICLES:
            k -= 1
        return " ".join(before[k:])
    return " ".join(_subject_run(sentence.split())) or "?"


# Vietnamese names a person after "ông" / "bà" / "chị" (Mr, Mrs, Ms), then his title in
# apposition, then the verb: "Ngày 3-12, ông Name, tổng giám đốc …, cho biết …".
_VIETNAMESE_SPEAKER_RE = re.compile(
    r"(?:^|[,.]\s*)(?:ông|bà|chị|anh|Ông|Bà|Chị|Anh)\s+(?P<name>[A-ZĐÀ-Ỹ][^\s,]*"
    r"(?:\s+[A-ZĐÀ-Ỹ][^\s,]*){1,3})\s*,[^,]*,\s*(?:cho biết|nói|khẳng định|cho rằng)(?!\w)"
)


def _vietnamese(sentence: str) -> str | None:
    m = _VIETNAMESE_SPEAKER_RE.search(blank_brackets(sentence))
    return m["name"] if m else None


def other_source(sentence: str) -> str | None:
    """The source a sentence names in one of the forms above, as printed; "?" when it is
    attributed to nobody named; None when it uses none of them."""
    readers = (
        _postposed,
        _prefixed,
        _arabic,
        _korean,
        _japanese,
        _thai,
        _hindi,
        _kazakh,
        _tamil,
        _chinese,
        language_source,
        _french_inverted,
        _aged,
        _object_first,
        _own_account,
        _vietnamese,
    )
    for read in (*readers, _spoken_to):
        found = read(sentence)
        if found is not None:
            return found
    return _pro_drop(sentence)


# -- a title, then the name in apposition ----------------------------------------------------

_APPOSED_NAME_RE = re.compile(
    # the title's complement first: "la conseillère du district de X, Name"
    r"(?:\s+(?:du|de|des|of|do|da|dos|del|della|di)\s+[^,.;]{1,60}?)?"
    r"\s*,\s+(?P<name>[A-ZÀ-ŽА-Я][\w’'-]+(?:\s+(?:(?:de|da|do|dos|del|y|e)\s+)?"
    r"[A-ZÀ-ŽА-Я][\w’'-]+){1,4})\s*(?=[,.;!?]|$)"
)
_TITLE_OPENERS = frozenset(
    """o a os as el la los las il lo su sua seu sus the his her its our their le l’ l' son sa
    ses leur""".split()
)


def named_after_title(sentence: str, printed: str) -> str:
    """The name printed in apposition right after the title ``printed`` gives ("o
    administrador, Joaquim Teixeira,"), else ``printed``."""
    words = printed.split()
    if not 2 <= len(words) <= 8 or words[0].lower() not in _TITLE_OPENERS:
        return printed
    if not words[1][:1].islower():
        return printed
    at = sentence.find(printed)
    if at < 0:
        return printed
    m = _APPOSED_NAME_RE.match(sentence, at + len(printed))
    return m["name"] if m else printed


def blank_brackets(sentence: str) -> str:
    """``sentence`` with the brackets that hold a comma turned into spaces, every position
    kept ("Name, director of X (Town, Region), said")."""
    return re.sub(r"\([^()]*,[^()]*\)", lambda m: " " * len(m.group()), sentence)


_JOINING_WORDS = frozenset(
    "y e i and of de del do da dos das la le et und für the a o el los las les il lo".split()
)


def initials_after(sentence: str, printed: str) -> str:
    """The initials in brackets after ``printed`` when its capitalised words do not spell
    them: the name before them was cut short ("Hiệp hội … Việt Nam (VASEP)" -> "VASEP").
    Initials read as the name's last word are taken off ("Agência da Água AAG")."""
    glued = re.search(r"\s([A-Z]{2,8})$", printed)
    if glued and f"({glued.group(1)})" in sentence:
        return printed[: glued.start()]
    at = sentence.find(printed) if len(printed) > 1 else -1
    before = sentence[:at].split()[-1:] if at > 0 else []
    # cut short: a lower-case word of the name before it, no comma nor joining word between
    if not before or not before[0].isalpha() or not before[0].islower():
        return printed
    if before[0] in _JOINING_WORDS:
        return printed
    # ... then a lower-case word, its verb ("Việt Nam (VASEP) cho biết"), not a comma
    m = re.match(r"\s*\(([A-Z]{2,8})\)\s+[^\W\d_A-ZÀ-Ý]", sentence[at + len(printed) :])
    if not m:
        return printed
    capitals = "".join(w[0] for w in printed.split() if w[:1].isupper())
    return printed if m.group(1).startswith(capitals) else m.group(1)


# "..., informó este miércoles la Bolsa de Comercio de Rosario.": the speaker named after the
# verb closing the sentence, after a day or a title in lower case
_CLOSING_SPEAKER_RE = re.compile(
    r"^\s+(?:[^\W\d_A-ZÀ-ŽА-Я][\w-]*\s+){0,4}?(?P<name>[A-ZÀ-ŽА-Я][\w’'.&-]*"
    r"(?:\s+(?:(?:de|do|da|dos|das|del|des|du|di|della|of|the|and|y|e|für|von)\s+)?"
    r"[A-ZÀ-ŽА-Я][\w’'.&-]*){0,7})(?:\s+\([A-Z]{2,8}\))?\s*[.!]?\s*$"
)


def closing_speaker(sentence: str, verbs: re.Pattern) -> str:
    """The speaker named after the last speech verb of ``verbs`` when the verb follows a comma
    and the name closes the sentence, else ""."""
    found = list(verbs.finditer(sentence))
    last = found[-1] if found else None
    if last is None or not sentence[: last.start()].rstrip().endswith(","):
        return ""
    m = _CLOSING_SPEAKER_RE.match(sentence[last.end() :])
    return m["name"].rstrip(".") if m else ""
