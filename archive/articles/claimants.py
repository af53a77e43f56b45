"""Resolve the claimant a sentence names to the one it means: a name without its title,
"He" and "the agency" to the last one named, a surname to the full name met earlier. Pure;
used by `claims`.
"""

from __future__ import annotations

import re

from archive.articles.claimant_forms import (
    DEFINITE_NOUNS,
    inflected_name,
    initials_names,
    is_definite_body,
    opening_name,
)
from archive.articles.claimant_kinds import described_bodies
from archive.articles.claimant_scripts import (
    INVERTED_PRONOUNS,
    POSTPOSED_DEMONSTRATIVES,
    SCRIPT_BACK_REFERENCES,
    SPOKESPERSON_SUFFIXES,
    caseless,
)
from archive.articles.claimant_subjects import person_subject
from archive.articles.claimant_words import (
    BACK_REFERENCES,
    BUSINESS_WORDS,
    CONNECTORS,
    DETERMINERS,
    HONORIFICS,
    KINDS_OF_BODY,
    ORG_SUFFIXES,
    ORG_WORDS,
    PERSON_NOUNS,
    PRONOUNS,
    PUBLIC_BODY_WORDS,
    TITLE_WORDS,
    bare_word,
    is_org,
)
from archive.articles.source_forms import PRO_DROP_VERBS

_HAN_RE = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]+")  # Chinese characters, no kana
# and Japanese: "同社" (the same company), "発表" (the announcement)
_CHINESE_BACK_REFERENCES = frozenset(
    ("公司", "文告", "聲明", "声明", "發言人", "发言人", "同社", "発表")
)


# a person's name in Cyrillic, after the initials of the body the person heads
_CYRILLIC_NAME_RE = re.compile(
    r"[А-ЯЁЂЈЉЊЋЏЄІЇҐ][а-яёђјљњћџєіїґ'’-]+(?:\s[А-ЯЁЂЈЉЊЋЏЄІЇҐ][а-яёђјљњћџєіїґ'’-]+){1,2}"
)


def _name_in(printed: str) -> str:
    """A claimant's name without its title or article ("regional governor Oleh Kravets" ->
    "Oleh Kravets", "The UK Ministry of Defence" -> "UK Ministry of Defence")."""
    printed = re.sub(
        r"\s+(?:on|in|at|last|this|am)\s+(?:[A-Z]\w+day|Montag|Dienstag|Mittwoch|Donnerstag|"
        r"Freitag|Samstag|Sonntag|January|February|March|April|May|June|"
        r"July|August|September|October|November|December|week|month|year)\b.*$",
        "",
        printed,
    )
    printed = re.sub(r"\s+\([A-Z]{2,}\)$", "", printed)  # "Institute for Fiscal Studies (IFS)"
    words = printed.split()
    while len(words) > 2 and re.fullmatch(r"[\w-]+\.(?:[a-z]{2,3}|com|info)", words[-1]):
        words = words[:-1]  # "Tomas Žukauskas LRT.lt sakė": the website spoken to
    while len(words) > 1 and words[0].lower() in DETERMINERS and words[1][:1].isupper():
        words = words[1:]
    if len(words) > 2 and bare_word(words[0]) in HONORIFICS and words[1][:1].isupper():
        words = words[1:]  # "Mr Ibrahim Musa": the name ("Mr Musa" stays a person's)
    if (
        len(words) > 2
        and words[0].endswith(("’s", "'s"))
        and all(w[:1].isupper() or w.lower() in CONNECTORS for w in words[1:])
    ):
        words = words[1:]  # "Mozambique's National Institute for Disaster Risk Management"
    # Descriptors before a name: "Charity National Energy Action", "Consumer group Which?",
    # "analysts at Cornwall Insight".
    lowered = [w.lower() for w in words]
    for marker in ("at", "group", "charity", "campaigners", "analysts"):
        if marker in lowered[:-1]:
            k = len(lowered) - 1 - lowered[::-1].index(marker)
            rest = words[k + 1 :]
            if rest and all(w[:1].isupper() or w.lower() in CONNECTORS for w in rest):
                if marker in ("charity",) and k != 0:
                    continue
                words = rest
                break
    spoken = re.match(r"(?i:an?|the)\s+(?:spokesperson|spokesman|spokeswoman)\s+for\s", printed)
    if spoken and len(words) > 4:
        words = printed[spoken.end() :].split()  # "a spokesperson for the X ministry": the body
    if len(words) > 1 and words[0].lower() == "charity" and words[1][:1].isupper():
        words = words[1:]
    caps = [k for k, w in enumerate(words) if len(w) > 1 and w.isupper()]
    if caps and _CYRILLIC_NAME_RE.fullmatch(" ".join(words[caps[-1] + 1 :])):
        return " ".join(words[caps[-1] + 1 :])  # "Одеської ОВА Олег Кіпер": the body's head
    titled = [i for i, w in enumerate(words) if bare_word(w) in TITLE_WORDS]
    if titled:
        tail = words[titled[-1] + 1 :]
        if (
            tail
            and all(w[:1].isupper() for w in tail)
            and not any(bare_word(w) in ORG_WORDS for w in tail)
        ):
            return " ".join(tail)
    return " ".join(words)


class Claimants:
    """Who has been named so far, to resolve "He", "the agency" and surnames."""

    def __init__(self) -> None:
        self.last_person = self.last_org = self.last_any = ""
        self.full_names: dict[str, str] = {}  # surname -> the longest name met ending in it
        self.orgs: list[str] = []  # organisations named in the text, latest last
        self.short_forms: dict[str, str] = {}  # "PMC" -> "Pune Municipal Corporation"
        self.names: list[str] = []  # every claimant named, latest last
        self.openers: list[str] = []  # names opening a sentence as its subject, latest last
        self.people: set[str] = set()  # the claimants read as people, as printed and resolved
        self.sentence_orgs: list[str] = []  # the bodies the sentence being read names
        self.named_runs: list[str] = []  # names of several capitalised words met, latest last

    def note_opening(self, sentence: str) -> None:
        """Note the name opening a sentence as its subject ("Acme Forge will cut ..."): the
        company "the company" means when no other was named."""
        name = opening_name(sentence)
        if name:
            self.openers.append(name)
        self.sentence_orgs = self._orgs_in(sentence)
        person = person_subject(sentence)  # "The mayor, Ann Whitby, opened ...": "she" next
        if person:
            self.last_person = person
            self.people.add(person)
            surname = person.split()[-1]
            if len(person) > len(self.full_names.get(surname, "")):
                self.full_names[surname] = person

    @staticmethod
    def _orgs_in(sentence: str) -> list[str]:
        """The organisations a sentence names in capitalised words, first first."""
        found = []
        for m in re.finditer(
            r"(?:[A-ZÀ-Ý][\w’'&?-]*(?:\s+(?:of|for|and|the|de|do|da|dos|das|del|du|des|am|der)?"
            r"\s*[A-ZÀ-Ý][\w’'&?-]*)*)",
            sentence,
        ):
            name = m.group().strip()
            if len(name.split()) > 1 and any(
                bare_word(w) in ORG_WORDS or bare_word(w).endswith(ORG_SUFFIXES)
                for w in name.split()
            ):
                found.append(re.sub(r"^(?:The|A|An|O|Os|As|El|La|Le|Der|Die|Das)\s+", "", name))
        return found

    def mention(self, sentence: str) -> None:
        """Note the organisations a sentence names, claimant or not, and the short forms it
        gives them ("the Pune Municipal Corporation (PMC)")."""
        for m in re.finditer(
            r"(?:[A-ZÀ-Ý][\w’'&?-]*(?:\s+(?:of|for|and|the|de|do|da|dos|das|del|du|des|am|der)?"
            r"\s*[A-ZÀ-Ý][\w’'&?-]*)*)(?:\s+\(([A-Z][A-Za-z0-9&-]{1,9})\))?",
            sentence,
        ):
            name = re.sub(r"\s+\([^)]*\)$", "", m.group().strip())
            if len(name.split()) > 1:
                self.named_runs.append(name)
            if len(name.split()) > 1 and any(
                bare_word(w) in ORG_WORDS or bare_word(w).endswith(ORG_SUFFIXES)
                for w in name.split()
            ):
                name = re.sub(r"^(?:The|A|An|O|A|Os|As|El|La|Le|Der|Die|Das)\s+", "", name)
                self.orgs.append(name)
            if m.group(1) and len(name.split()) > 1:
                short = m.group(1)
                name = re.sub(r"^(?:The|A|An|O|A|Os|As|El|La|Le|Der|Die|Das)\s+", "", name)
                self.short_forms[short] = name
        # "le groupe coopératif Terres Unies": a body by the noun before it, "le groupe" next
        self.orgs.extend(described_bodies(sentence))
        # "the water development department (WDD)": its initials, lower-case words and all
        for short, name in initials_names(sentence).items():
            self.short_forms.setdefault(short, name)

    def resolve(self, printed: str) -> str:
        """The claimant a sentence's attribution names, resolved when it refers back."""
        if not printed or printed == "?":
            return ""
        low = printed.lower()
        if low == "officials" and self.sentence_orgs:
            # "The X Corporation will cut ..., officials said": the body the sentence names
            return self.remember(self.sentence_orgs[0])
        if low in PRONOUNS:
            kind = PRONOUNS[low]
            found = self.last_person if kind == "person" else self.last_org if kind == "org" else ""
            return found or self.last_any
        if re.fullmatch(r"[lL][’'][^\W\d_A-ZÀ-Ý]\w+", printed):
            # "l'entreprise": the company named before; a body of no kind known, unresolved
            found = self._generic(["the", printed[2:]])
            return "" if found in (printed[2:], f"the {printed[2:]}") else found
        if re.match(r"[ld][’'][A-ZÀ-Ý]", printed):
            printed, low = printed[2:], low[2:]  # "selon l'Insee": the elided article dropped
        if low in INVERTED_PRONOUNS:
            return self.last_person  # "a-t-il affirmé": "he said"
        if low in PRO_DROP_VERBS:
            return self.last_person  # "“…”, explicou.": "he explained"
        if low in DEFINITE_NOUNS:
            return self._generic(["the", DEFINITE_NOUNS[low]])  # "oplyser selskabet"
        if low in SCRIPT_BACK_REFERENCES:
            noun = SCRIPT_BACK_REFERENCES[low]  # "회사 측", "同社": the company named before
            found = self._generic(["the", noun])
            if found in (noun, f"the {noun}") and printed in _CHINESE_BACK_REFERENCES:
                # "麦香园宣布 …", then "公司表示": no body told from a person in these
                # scripts, the last one named is the company meant
                if _HAN_RE.fullmatch(self.last_any):
                    return self.last_any
            return printed if found in (noun, f"the {noun}") else found
        spoken_for = next((w for w in SPOKESPERSON_SUFFIXES if printed.endswith(w)), "")
        if spoken_for and len(printed) > len(spoken_for) + 1:
            # "港灣渡輪發言人稱": the body its spokesperson speaks for, the one "發言人" means next
            body = printed[: -len(spoken_for)]
            self.last_org = self.last_any = body
            self.orgs.append(body)
            self.names.append(body)
            return body
        words = printed.split()
        if len(words) == 2 and words[1].lower() in POSTPOSED_DEMONSTRATIVES:
            # "Bodi hiyo ilisema" ("that board said"): the board named before in full
            named = self._named_before(bare_word(words[0]))
            if named:
                return named
        if len(words) == 1 and caseless(printed):
            # "นายประเสริฐกล่าว": a Thai given name, the person named before in full; "संघ का
            # कहना है" ("the association says"): the body named before, its head noun last
            named = self._opened_by(printed) or self._headed_by(printed)
            if named:
                return named
        if (
            len(words) == 3
            and words[0].lower() in DETERMINERS
            and bare_word(words[1]) in BUSINESS_WORDS
            and words[2].islower()
        ):
            # "la empresa pública", "la société mère": the noun, its adjective after it
            return self._generic(words[:2])
        if (
            len(words) == 2
            and words[0].lower() in DETERMINERS
            and words[1].lower() in (DEFINITE_NOUNS)
        ):
            return self._generic(["the", DEFINITE_NOUNS[words[1].lower()]])  # "het bedrijf"
        if len(words) == 2 and words[0].lower() in DETERMINERS:
            # "laut der Stiftung": the body named before in full ("der Stiftung Hafenwohnen")
            named = self._named_before(bare_word(words[1]))
            if named:
                return named
        if (
            len(words) == 3
            and words[0].lower() in DETERMINERS
            and re.fullmatch(r"[A-Z]{2,6}", words[1])
            and bare_word(words[2]) in PERSON_NOUNS | TITLE_WORDS
        ):
            # "a WFP spokesperson": the body its initials stand for, named before in full
            owner = self.short_forms.get(words[1]) or self._spelled_out(words[1])
            if owner:
                return self.remember(owner)
        compound = self._compound_headed(words)
        if compound:
            return compound  # "Departementet", "de bond": "Forsvarsdepartementet", "Fietsersbond"
        if (
            len(words) == 3
            and words[0].lower() in DETERMINERS
            and words[1][:1].isupper()
            and not words[1].endswith(("’s", "'s"))
            and words[-1].islower()
            and bare_word(words[-1]) in BUSINESS_WORDS | BACK_REFERENCES
        ):
            return self._generic(words)  # "the Tannadice club", "the Lisbon company"
        possessive = any(w.endswith(("’s", "'s")) for w in words[:-1])
        if (
            words[0].lower() in DETERMINERS
            and len(words) > 1
            and not possessive
            and (
                not any(w[:1].isupper() for w in words[1:])
                or bare_word(words[-1]).endswith(("sprecher", "sprecherin"))  # German nouns
                # "laut der Stiftung": a German noun naming a body named before in full
                # ("die Stiftung Limmatvorsorge"), capitalised as all German nouns are
                # "des Unternehmens": a German noun for a body, capitalised as German nouns are
                or (len(words) == 2 and bare_word(words[1]) in BACK_REFERENCES)
            )
        ):
            return self._generic(words)
        name = _name_in(printed)
        if len(name.split()) == 1 and name in self.full_names:
            name = self.full_names[name]
        elif len(name.split()) == 2 and bare_word(name.split()[0]).rstrip(".") in HONORIFICS:
            # "Mr Musa": the full name met before
            name = self.full_names.get(name.split()[1], name)
        elif name in self.short_forms:
            name = self.short_forms[name]
        elif re.fullmatch(r"[A-Z]{2,6}", name) and self._spelled_out(name):
            name = self._spelled_out(name)  # "MSF": "Médecins Sans Frontières" named before
        elif inflected_name(name, self.full_names):
            name = inflected_name(name, self.full_names)  # "Pasak T. Žukausko"
        elif self._short_of(name):
            name = self._short_of(name)  # "Amathus": "Amathus Desalination Ltd"
        hints = {bare_word(w) for w in name.split()}
        if is_definite_body(name):
            return self.remember(name)  # "По данни на областта": the region's authority
        if not any(w[:1].isupper() or caseless(w) for w in name.split()) and not hints & ORG_WORDS:
            if not hints & {"analysts", "experts", "officials", "campaigners", "sources"}:
                return ""
        return self.remember(name)

    def remember(self, name: str) -> str:
        surname = name.split()[-1]
        if len(name.split()) > 1 and len(name) > len(self.full_names.get(surname, "")):
            self.full_names[surname] = name
        if is_org(name):
            self.last_org = name
            self.orgs.append(name)
        elif name[:1].isupper() or caseless(name):
            self.last_person = name
            self.people.add(name)
        self.last_any = name
        self.names.append(name)
        return name

    def _short_of(self, word: str) -> str:
        """The company named before in full that ``word`` opens, as printed ("Amathus" for
        "Amathus Desalination Ltd"), or "": a plain capitalised word only, not initials."""
        if " " in word or not word[:1].isupper() or any(c.isupper() for c in word[1:]):
            return ""
        for org in reversed(self.orgs):
            words = org.split()
            if len(words) > 1 and words[0] == word:
                return org
        return ""

    def _opened_by(self, given: str) -> str:
        """The last person named before in full whose first name is ``given``."""
        for name in reversed(self.names):
            if name in self.people and len(name.split()) > 1 and name.split()[0] == given:
                return name
        return ""

    def _headed_by(self, noun: str) -> str:
        """The last name of several words met before that ends in ``noun``, in the scripts
        without capitals whose languages put the head noun last ("… उद्योग संघ" for "संघ")."""
        for name in reversed(self.orgs + self.names):
            if len(name.split()) > 1 and name.split()[-1] == noun:
                return name
        return ""

    def _spelled_out(self, initials: str) -> str:
        """The last name of capitalised words met before whose initials are ``initials``
        ("Médecins Sans Frontières" for "MSF"), or end in them ("United Nations Office for
        the Coordination of Humanitarian Affairs" for "OCHA"), or ""."""
        for name in reversed(self.named_runs + self.orgs + self.names):
            words = [w for w in name.split() if w[:1].isupper()]
            if len(words) < 2 or initials in name.split():
                continue
            caps = "".join(w[0] for w in words).upper()
            if caps == initials or (len(initials) >= 3 and caps.endswith(initials)):
                return re.sub(r"^(?:The|A|An)\s+", "", name)
        return ""

    def _compound_headed(self, words: list[str]) -> str:
        """The last name met before holding a compound whose head is the noun ``words`` give
        alone or after an article ("Departementet" for "Forsvarsdepartementet", "de bond" for
        "Fietsersbond Utrecht", "die Stiftung" for "Bürgerstiftung Ost"), or ""."""
        if len(words) == 2 and words[0].lower() in DETERMINERS:
            noun = words[1]
        elif len(words) == 1 and words[0] not in self.full_names:
            noun = words[0]
        else:
            return ""
        noun = bare_word(noun)
        if len(noun) < 4:
            return ""
        for name in reversed(self.orgs + self.openers + self.names):
            if name in self.people:
                continue
            if any(
                bare_word(w).endswith(noun) and len(bare_word(w)) > len(noun) + 2
                for w in name.split()
            ):
                return name
        return ""

    def _named_before(self, noun: str) -> str:
        """The last name of several words met before that holds ``noun`` as its first word
        ("Stiftung Hafenwohnen" for "Stiftung"), or ""."""
        for name in reversed(self.orgs + self.names):
            words = name.split()
            if len(words) > 1 and bare_word(words[0]) == noun and name[:1].isupper():
                return name
        return ""

    def _generic(self, words: list[str]) -> str:
        """ "the agency", "A spokesperson", "the country’s defence ministry", "its chief"."""
        noun = bare_word(words[-1])
        # "A council spokesperson", "a ministry official": the council, the ministry named
        # before; German compounds likewise ("Ein Bahnsprecher": the Bahn).
        owner = next(
            (bare_word(w) for w in words[1:-1] if bare_word(w) in ORG_WORDS | BACK_REFERENCES), ""
        )
        for suffix in ("sprecherin", "sprecher"):
            if noun.endswith(suffix) and len(noun) > len(suffix) + 2:
                owner = noun[: -len(suffix)].rstrip("-")
        if (
            owner
            and noun in PERSON_NOUNS | TITLE_WORDS | {"sprecher", "sprecherin"}
            or (owner and noun.endswith(("sprecher", "sprecherin")))
        ):
            for org in reversed(self.orgs + self.names):
                if any(bare_word(w).startswith(owner) for w in org.split()):
                    return org
        for org in self.sentence_orgs:
            if noun in {bare_word(w) for w in org.split()}:
                return org  # "customers of the X Power Company ..., the company said"
        for org in reversed(self.orgs):
            org_words = {bare_word(w) for w in org.split()}
            if noun in org_words or org_words & KINDS_OF_BODY.get(noun, frozenset()):
                return org
        if noun in PERSON_NOUNS - {"spokesman", "spokeswoman", "spokesperson"} and (
            self.last_person
        ):
            return self.last_person
        if owner in KINDS_OF_BODY or noun in KINDS_OF_BODY:
            # "the county council" is no other body than a council: with none named before,
            # it stays as printed.
            return " ".join(words[1:] if words[0].lower() in DETERMINERS else words)
        if noun in BUSINESS_WORDS:
            # "the company": a body named before that is no public body of another kind
            for org in [self.last_org, *reversed(self.orgs)]:
                if org and not {bare_word(w) for w in org.split()} & PUBLIC_BODY_WORDS:
                    return org
            openers = [o for o in self.openers if o not in self.people]
            if openers:  # "Acme Forge will cut 200 jobs, the company said": the first
                name = openers[0]
                self.last_org = self.last_any = name
                self.orgs.append(name)
                return name
            return " ".join(words[1:] if words[0].lower() in DETERMINERS else words)
        if noun in BACK_REFERENCES and (self.last_org or self.orgs):
            return self.last_org or self.orgs[-1]
        if words[0].lower() in ("le", "la", "l’", "l'", "el", "der", "das"):
            words = words[1:]  # "le ministère de l’intérieur" names the ministry
            return self.remember(" ".join(words))
        return " ".join(words)
