"""How papers name a claimant they named before in another form, for `claimants`: pure.

- a body named in full, its initials in brackets after it, then by the initials alone ("the
  water development department (WDD) said ... the WDD said"): the name as first printed,
  lower-case words included;
- a surname inflected where a language declines names (Lithuanian "Pasak T. Žukausko",
  Czech "podle Vondráčka", Latvian "Pēc Ozoliņa", Bulgarian "Според Иванова"): the full name
  met before in the nominative;
- "the company" when the company was named only as the subject opening a sentence ("Acme
  Forge will cut 200 jobs, the company said"): that name;
- "the company" in the languages that make a noun definite with an ending ("oplyser
  selskabet", "uppger bolaget", "компанията") or print it at a sentence's start ("Bendrovė
  teigia"): read as the English back-reference.
"""

from __future__ import annotations

import re

_CONNECTORS = frozenset("of for and the de du des del la le et y und für van voor".split())


def initials_names(sentence: str) -> dict[str, str]:
    """Short forms a sentence gives in brackets after the words they are the initials of,
    lower-case words too: {"WDD": "water development department"}."""
    found = {}
    for m in re.finditer(r"\(([A-Z]{2,6})\)", sentence):
        short = m.group(1)
        words = sentence[: m.start()].split()
        taken: list[str] = []
        letters = list(short)
        while words and letters:
            word = words.pop()
            core = word.strip("“”\"'’,")
            if taken and core.lower() in _CONNECTORS:
                taken.insert(0, core)
                continue
            if not core[:1].isalpha() or core[:1].upper() != letters[-1]:
                break
            taken.insert(0, core)
            letters.pop()
        while taken and taken[0].lower() in _CONNECTORS:
            taken.pop(0)
        if not letters and len(taken) > 1:
            found[short] = " ".join(taken)
    return found


def _stem_match(word: str, surname: str, *, initial: str = "") -> bool:
    """One surname in two cases: a common stem of four letters or more, with at most three
    letters of ending on either side ("Žukausko"/"Žukauskas", "Vondráčka"/"Vondráček")."""
    if word == surname:
        return bool(initial)  # "T. Žukauskas": the full name's initial
    if not word[:1].isupper():
        return False
    n = 0
    for a, b in zip(word, surname, strict=False):
        if a != b:
            break
        n += 1
    return n >= 4 and len(word) - n <= 3 and len(surname) - n <= 3


def inflected_name(name: str, full_names: dict[str, str]) -> str:
    """The full name met before that ``name`` (a surname, maybe after an initial) declines,
    or ""."""
    words = name.split()
    initial = ""
    if len(words) == 2 and re.fullmatch(r"[A-ZÀ-ŽА-Я]\.", words[0]):
        initial, words = words[0][0], words[1:]
    if len(words) != 1:
        return ""
    matches = {
        full
        for surname, full in full_names.items()
        if _stem_match(words[0], surname, initial=initial) and full.startswith(initial)
    }
    return matches.pop() if len(matches) == 1 else ""


_DATELINE_RE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý .'’-]+\s+[—–-]+\s+")
_NAME = r"[A-ZÀ-Ž][\w’'&.-]*"
_ARTICLES = r"(?:The|De|Het|Der|Die|Das|La|Le|El|Il)"
# A name opening the sentence, maybe after its article and a lower-case descriptor ("De
# Limburgse bakkerijgroep Broodhuys"), then a lower-case word: its verb.
_OPENING_RE = re.compile(
    rf"(?:{_ARTICLES}\s+(?:{_NAME}\s+)?(?:[a-zà-ž][\w-]*\s+){{1,2}}(?P<one>{_NAME})|"
    rf"(?!{_ARTICLES}\s)(?P<name>{_NAME}(?:\s+(?:&\s+)?{_NAME}){{1,4}}))"
    r"\s+(?=[a-zà-ž]{3,}\b)(?!(?:and|for|from|with|van|voor|von|und|der|des|del|della|"
    r"the|who|which|that|og|och|af|på|til|ved)\b)"
)


# A name, then an appositive between commas, then its verb ("Acme Tools, one of the region's
# largest employers, has cut ...", "Acme Tools, a maker of drills, will close ...").
_APPOSED_OPENING_RE = re.compile(
    rf"(?P<name>{_NAME}(?:\s+{_NAME}){{1,4}}),\s+(?:one|a|an|the)\s[^,]{{3,80}},\s+"
    r"(?=[a-z]{3,}\b)"
)


# Portuguese and Spanish open with the company, its article and an appositive ("A Acme,
# uma das maiores ..., vai cortar ..."), or name it after a lower-case descriptor ("La
# floricultora Flores del Sur despidió ...").
_ROMANCE_OPENING_RE = re.compile(
    rf"(?:A|O|La|El)\s+(?:[a-zà-ÿ][\w-]*\s+)?(?P<name>{_NAME}"
    rf"(?:\s+(?:(?:de|del|do|da|dos|das)\s+)?{_NAME}){{0,3}})(?:,\s|\s+(?=[a-zà-ÿ]{{4,}}\b))"
)


def opening_name(sentence: str) -> str:
    """The name opening a sentence as its subject, a verb right after it ("Acme Forge will
    cut ...", "DALLAS — Lone Star Tooling has closed ...", "De Limburgse bakkerijgroep
    Broodhuys schrapt ..."), else ""."""
    sentence = _DATELINE_RE.sub("", sentence.lstrip())
    m = _OPENING_RE.match(sentence) or _APPOSED_OPENING_RE.match(sentence)
    if not m:
        romance = _ROMANCE_OPENING_RE.match(sentence)
        return romance["name"] if romance else ""
    name = m.groupdict().get("one") or m["name"]
    if name.split()[0] in ("The", "A", "An", "In", "On", "At", "But", "And", "If", "When"):
        return ""
    return name


# "the company" made definite by an ending, or named by a common noun at a sentence's start
# ("Bendrovė teigia", "Společnost uvedla", "Het bedrijf"), as the English word
DEFINITE_NOUNS = {
    "selskabet": "company", "selskapet": "company", "bolaget": "company",
    "företaget": "company", "virksomheden": "company", "virksomheten": "company",
    "firmaet": "company", "koncernen": "company", "konsernet": "company", "firman": "company",
    "bedrijf": "company", "onderneming": "company", "společnost": "company",
    "firma": "company", "bendrovė": "company", "įmonė": "company", "uzņēmums": "company",
    "компанията": "company", "фирмата": "company", "дружеството": "company",
    "spółka": "company", "şirket": "company",
}  # fmt: skip


# Titles before a name in the languages above, capitalised when they open the sentence
# ("Burgemeester Anke Dijkstra zegt", "Кметът Иван Димитров заяви"): no part of the name.
FOREIGN_TITLES = frozenset(
    """burgemeester wethouder woordvoerder woordvoerster directeur voorzitter topman
    borgmester borgermester ordfører direktør formand talsmand talsperson
    starosta starostka primátor hejtman ředitel ředitelka předseda předsedkyně mluvčí ministr
    burmistrz prezydent wójt dyrektor prezes rzecznik rzeczniczka minister
    mērs priekšsēdētājs priekšsēdētāja vadītājs vadītāja direktors direktore ministrs
    meras direktorius direktorė pirmininkas pirmininkė ministras ministrė atstovas atstovė
    кметът кметицата директорът председателят министърът говорителят
    başkanı başkan müdürü bakanı sözcüsü""".split()
)


def is_definite_body(word: str) -> bool:
    """A Bulgarian noun made definite by its ending, naming a body ("общината", "областта",
    "министерството"): kept as printed, as a body's name is."""
    return bool(re.fullmatch(r"[а-я]{4,}(?:та|ът|ят|то)", word))


def cyrillic_source(rest: str) -> str:
    """The source after a Bulgarian "според" / "по данни на": a name of capitalised words, or
    one noun ("общината": the municipality), not the clause that follows it."""
    words = rest.split()
    if not words:
        return ""
    taken = [words[0]]
    for word in words[1:]:
        if word[:1].isupper() or (word == "на" and len(taken) < 4):
            taken.append(word)
            continue
        break
    while taken and taken[-1] == "на":
        taken.pop()
    return " ".join(taken)


# Turkish closes the sentence with its verb; the speaker opens it, a comma after the name
# ("Çiftçi Ayşe Demir, fiyatların ... yüzde 20 düştüğünü söyledi.")
TURKISH_VERBS = frozenset(
    "dedi söyledi açıkladı belirtti kaydetti bildirdi vurguladı".split() + ["ifade etti"]
)
_TURKISH_NAME_RE = re.compile(r"([A-ZÇĞİÖŞÜ][\w’'-]+(?:\s+[A-ZÇĞİÖŞÜ][\w’'-]+){0,3}),")


def turkish_subject(region: str) -> str:
    """The speaker of a sentence closed by a Turkish speech verb: the name before its first
    comma, else "?" (attributed, to nobody named)."""
    m = _TURKISH_NAME_RE.search(region)
    return m.group(1) if m else "?"
