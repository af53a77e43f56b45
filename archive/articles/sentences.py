"""Split a paragraph into sentences, keeping a quotation of several sentences whole.

Pure; used by `claims`.
"""

from __future__ import annotations

import re

from archive.articles.dates import is_month_word
from archive.articles.draft import norm
from archive.articles.writing_systems import SCRIPT_STOPS, starts_sentence

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st gen lt col sgt capt cpt maj rev sen rep gov pres jr sr inc ltd co
    corp vs etc no nos fig approx dept est adm cmdr brig hon govt jan feb mar apr jun jul aug
    sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun e.g i.e u.s u.k u.n a.m
    p.m mt ft lb op vol""".split()
    # written before a figure in other languages: Polish "ok." (about), "ul." (street),
    # "tys." / "mln" / "mld" (thousand, million, billion); German "ca." / "rd." (about),
    # "Nr.", "Mio." / "Mrd."; French "env." (about); Spanish "aprox."; Swiss "Fr." (francs)
    + "ok ul tys mln mld ca rd nr mio mrd env aprox fr".split()
    # the rupee's abbreviation before a figure in Devanagari and Tamil ("रु. ७,२००")
    + ["रु", "ரூ"]
)
# Full stops of scripts that write a space after them, like ".": Armenian "։", Khmer "។" and
# "៕", Burmese "။", Ethiopic "።", Urdu "۔".
SPACED_STOPS = "։។៕။።۔"
_SPLIT_POINT_RE = re.compile(rf"[.!?{SPACED_STOPS}]+|[{SCRIPT_STOPS}]+|[„“”\"「」『』]")
_CLOSERS = "”\"’')]」』）"
OPENERS = "“\"‘'(["
# Quotation marks opening a sentence after a stop, as "“" does: French, Italian, Russian "«",
# German, Czech, Ukrainian "„".
_QUOTES_OPENING = "«„"
_MAX_QUOTED_SENTENCE = 600


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences.

    A sentence ends at ".", "!" or "?" (with any closing quotes or brackets) followed by a
    space and a capital letter, digit, opening quote ("“", "«", "„") or letter of a script
    without case (Arabic, Tamil), or at a script's own stop ("。", "।") with or without a space (but not
    one closing a 「quotation」 or inside it, which stays with its speaker) — but not after a
    known abbreviation ("Mr.", "U.S.", "Gen.") or an initial ("J. Smith"), and not inside a
    double-quoted passage: a quotation of several sentences stays whole with its
    attribution (unless it runs past 600 characters, when it is split as usual).
    """
    text = norm(text)
    sentences: list[str] = []
    start = 0
    inside = low_open = False  # low_open: inside „…“ (Czech, Bulgarian, German, Baltic)
    corner = False  # inside a 「quotation」 (Japanese, Chinese): its "。" ends no sentence
    n = len(text)
    for m in _SPLIT_POINT_RE.finditer(text):
        ch = m.group()
        if ch == "„":
            inside = low_open = True
            continue
        if ch in "「『」』":
            corner = ch in "「『"
            continue
        if ch == "“":
            inside = not low_open  # "“" closes a „…“ quotation, else opens one
            low_open = False
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
        own_stop = ch[0] in SCRIPT_STOPS  # "。", "।": the stop alone ends the sentence
        if own_stop and any(c in "」』" for c in text[m.end() : end]):
            continue
        if own_stop and corner and (m.start() - start) < _MAX_QUOTED_SENTENCE:
            continue
        if end >= n or not (own_stop or text[end].isspace()):
            continue
        k = end
        while k < n and text[k].isspace():
            k += 1
        if k >= n:
            break
        nxt = text[k]
        if not (own_stop or starts_sentence(nxt) or nxt in OPENERS or nxt in _QUOTES_OPENING):
            continue
        if inside and (m.start() - start) < _MAX_QUOTED_SENTENCE:
            continue
        if ch == ".":
            word = text[: m.start()].rsplit(None, 1)[-1] if text[: m.start()].strip() else ""
            word = word.lstrip(OPENERS).lower()
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
            following = text[k:].split(None, 1)[0].rstrip(".,;:")
            if word.isdigit() and len(word) <= 2 and is_month_word(following):
                continue  # "ab 1. Jänner", "am 3. Oktober": a German ordinal date
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
