"""Ukrainian and Russian attributions, for `attribution`: pure.

- "as they reported at X" ("Як повідомили в Повітряних силах ЗСУ, …", "Как сообщили в
  областной администрации, …"): the body, named in the locative after "в" or "у", given back
  in the nominative so that it is the body named elsewhere;
- a body publishing its figures ("Генеральний штаб ЗСУ оприлюднив дані: …", "Росстат
  обнародовал данные"): the body named before the verb, its lower-case words and initials
  with it.
"""

from __future__ import annotations

import re

_VERBS = {
    "Ukrainian": "повідомили|зазначили|заявили|розповіли|уточнили|наголосили|пояснили",
    "Russian": "сообщили|заявили|отметили|рассказали|уточнили|пояснили|подчеркнули",
}
_AS_REPORTED_RE = re.compile(
    rf"(?<!\w)(?:Як|як|Как|как)\s+(?:{'|'.join(_VERBS.values())})\s+(?:в|у|во)\s+"
    r"(?P<body>[^,.;:«»“”\"]{2,80})"
)
# Locative endings and their nominative, longest first: feminine adjectives ("обласній" ->
# "обласна", Russian "областной" -> "областная"), plural adjectives and nouns ("Повітряних
# силах" -> "Повітряні сили"), nouns in "-ії"/"-ии" and "-стві"/"-стве", feminine nouns.
_ENDINGS = (
    ("стві", "ство"), ("стве", "ство"), ("ії", "ія"), ("ии", "ия"), ("ій", "а"), ("ой", "ая"),
    ("их", "і"), ("ых", "ые"), ("ах", "и"), ("ях", "і"), ("і", "а"), ("е", "а"),
)  # fmt: skip


def _nominative(word: str) -> str:
    """A Cyrillic word in the locative, in the nominative; initials ("ЗСУ") and words in
    another case are kept."""
    if word.isupper() or len(word) < 4:
        return word
    for ending, nominative in _ENDINGS:
        if word.endswith(ending):
            if ending == "их" and word[-3:-2] in "гкх":
                nominative = "і"
            return word[: -len(ending)] + nominative
    return word


def as_reported_at(sentence: str) -> str | None:
    """The body a sentence says reported it ("Як повідомили в X"), in the nominative; None
    when it uses no such form."""
    m = _AS_REPORTED_RE.search(sentence)
    if not m:
        return None
    words = m["body"].split()[:6]
    # the body's own words: the locative ones and the genitive complement after them
    return " ".join(_nominative(w) if k < 3 else w for k, w in enumerate(words))


_PUBLISHED_RE = re.compile(
    r"(?P<body>[А-ЯЁЄІЇҐ][а-яёєіїґ'’-]+(?:\s+[а-яёєіїґ'’-]+){0,3}(?:\s+[А-ЯЁЄІЇҐ]{2,})?)\s+"
    r"(?:оприлюднив|оприлюднила|оприлюднило|оприлюднили|опублікував|опублікувала|"
    r"опублікувало|обнародовал|обнародовала|обнародовало|опубликовал|опубликовала|"
    r"опубликовало)(?!\w)"
)


def published_by(sentence: str) -> str | None:
    """The body a sentence says published its figures, as printed; None when it says none."""
    m = _PUBLISHED_RE.search(sentence)
    return m["body"] if m else None
