"""Propose claim candidates: the sentences of an article that state a checkable fact.

Paragraphs are split into sentences (`sentences`); a sentence with a figure, an attributed
quotation, a description of what a video shows or status wording is proposed with its
claimant (`extract_claim_candidates`): who the sentence says states it (`attribution`),
resolved to the one it means (`claimants`). Clear rules, no statistics.
"""

from __future__ import annotations

import re

from archive.articles.attribution import attribution, quoted_spans, records_source
from archive.articles.claimant_clauses import papers_own_information, relative_clauses
from archive.articles.claimants import Claimants
from archive.articles.dates import RELATIVE_TIME_RE, dateline
from archive.articles.draft import ClaimCandidate, norm
from archive.articles.figures import read_figures
from archive.articles.sentences import split_sentences
from archive.articles.text_lines import BYLINE_RE, is_boilerplate
from archive.articles.writing_systems import is_spaceless

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
_QUOTE_OPENERS = "“\"«„‘'「『—–-"
# Subject pronouns and "that" opening a sentence: it continues the report before it
# (Kazakh "Бұл туралы … мәлімдеді", Russian "Об этом сообщил", Ukrainian "Про це повідомив").
_POINTING_BACK = frozenset(
    """it he she they this that det dette dét das dies dat elle ils elles er sie han hun
    hen бұл об про это це""".split()
)
_WIRE_DATELINE_RE = re.compile(
    r"^[A-ZÀ-ÝА-ЯІЇЄҐ][A-ZÀ-ÝА-ЯІЇЄҐ .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,40})?\s*"
    r"\((?:AP|AFP|Reuters|dpa|Bloomberg|UPI|PA|EFE|ANSA)\)\s*[-–—]+\s*"
    # no agency: a place in capitals, its country or state, a dash ("KHERSON, Ukraine — ")
    r"|^[A-ZÀ-Ý][A-ZÀ-Ý'’-]{2,}(?:\s[A-ZÀ-Ý][A-ZÀ-Ý'’-]+){0,2},\s*[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+)?"
    r"\s+[–—]\s+"
)


def _status_of(sentence: str) -> str:
    for pattern in _STATUS_RE:
        m = pattern.search(sentence)
        if m:
            return m.group(0).lower()
    return ""


# A sentence longer than this is no sentence a person writes (a news sentence rarely passes
# 500 characters) but a run of text without stops: it is not read for claims, which would
# take minutes on a hostile draft.
MAX_SENTENCE_CHARS = 2_000


def _long_enough(sentence: str) -> bool:
    """Is a sentence long enough to state a claim: four words, or (in Chinese, Japanese or
    Thai, written without spaces between words) eight letters?"""
    if len(sentence.split()) >= 4:
        return True
    return is_spaceless(sentence) and sum(ch.isalpha() for ch in sentence) >= 8


def _is_furniture(sentence: str) -> bool:
    """A dateline, byline or page furniture line that reached the paragraphs."""
    return bool(
        dateline(sentence) or BYLINE_RE.match(sentence) or is_boilerplate(sentence)
    ) or bool(RELATIVE_TIME_RE.match(sentence))


def extract_claim_candidates(
    paragraphs: list[str], *, limit: int | None = None
) -> list[ClaimCandidate]:
    """Propose the figures and statements of an article that can be checked. Clear rules:

    1. Every figure (`read_figures`: digits, number words, fractions, percentages, money,
       ranges) is a candidate of its own, with the sentence it is in, when it names what it
       counts, or is attributed, or the sentence uses status wording.
    2. A sentence without a figure is a candidate when it carries an attributed direct
       quotation of at least six words (including a paragraph that continues an open
       quotation), says what a video or picture shows, or uses status wording
       ("unverified", "could not be independently verified").

    The claimant is who the sentence says states it ("according to X", "X said", "figures
    from X show"), as a name without its title ("Defence Minister Sergei Shoigu" -> "Sergei
    Shoigu"). "He"/"She" resolve to the last person named as a claimant, "It" to the last
    organisation, "the agency"/"the council" to the last body of that kind (else as printed),
    "the company" to the last that is no public body, "a spokesperson" to the last
    organisation, a surname to the full name met
    earlier, and a continued quotation to its speaker; `claimant_as_printed` keeps the words
    of the sentence when they differ. A sentence with no attribution takes the claimant of
    the nearest attributed sentence of its paragraph before it, else stays without one; it
    takes the one of an attributed sentence after it only when it quotes (the speaker named
    after the quotation) or that sentence opens by pointing back ("It said", "Det oplyste
    selskabet"): a report before an attributed sentence is the paper's own. A sentence
    citing its own records ("Council accounts show") takes none from another.

    With ``limit``, reading stops after the paragraph that brings the candidates to it.
    """
    candidates: list[ClaimCandidate] = []
    people = Claimants()
    quote_speaker = ""
    prev_open_quote = False
    papers_own: set[int] = set()  # the candidates describing the one named (no claimant)

    for index, paragraph in enumerate(paragraphs):
        if limit is not None and len(candidates) >= limit:
            break
        paragraph = _WIRE_DATELINE_RE.sub("", norm(paragraph))
        if not paragraph or _is_furniture(paragraph):
            continue
        continuing = prev_open_quote and paragraph[:1] in '“"'
        rows: list[tuple[list[ClaimCandidate], bool, str]] = []  # candidates, attributed, claimant
        quoting: list[bool] = []  # the sentence quotes someone (its marks attribute it)
        points_back: list[bool] = []  # it opens on a pronoun or "that": "It said", "Det oplyste"
        for s_index, sentence in enumerate(split_sentences(paragraph)):
            if len(sentence) > MAX_SENTENCE_CHARS:
                continue  # no writer's sentence; reading it costs time growing with its square
            spans = quoted_spans(sentence)
            printed = "" if papers_own_information(sentence) else attribution(sentence, spans)
            people.note_opening(sentence)
            claimant = people.resolve(printed)
            people.mention(sentence)
            attributed = bool(printed)
            quote_words = max((len(sentence[a:b].split()) for a, b in spans), default=0)
            in_continued_quote = continuing and s_index == 0
            if in_continued_quote and not claimant:
                claimant = quote_speaker
                attributed = attributed or bool(quote_speaker)
            if attributed and spans and claimant:
                quote_speaker = claimant
            as_printed = printed if printed not in ("", "?", claimant) else ""
            status = _status_of(sentence)
            figures = read_figures(sentence) if _long_enough(sentence) else []
            # A figure in the attribution is no claim: "according to two people present".
            at = sentence.find(printed) if printed not in ("", "?") else -1
            if at >= 0:
                figures = [f for f in figures if not at <= f.start < at + len(printed)]
            made: list[ClaimCandidate] = []
            counts = any(f.unit for f in figures)
            described = relative_clauses(
                sentence, printed, lambda clause: bool(attribution(clause, []))
            )
            for figure in figures:
                if figure.unit or attributed or status or counts or figure.share:
                    # a figure describing the one named ("Acme, which runs 300 vans, said"):
                    # the paper's own account, no one's claim
                    own = any(a <= figure.start < b for a, b in described)
                    made.append(
                        ClaimCandidate(
                            sentence=sentence,
                            claimant="" if own else claimant,
                            figure=figure.value,
                            figure_high=figure.high,
                            unit=figure.unit,
                            claimant_as_printed="" if own else as_printed,
                            status=status,
                            paragraph_index=index,
                        )
                    )
                    if own:
                        papers_own.add(id(made[-1]))
            if not made:
                named = printed not in ("", "?")  # a speaker named or referred to
                # a quotation opening its paragraph: one within a report adds no claim of its
                # own without a figure
                rule_quote = quote_words >= 6 and ((named and s_index == 0) or in_continued_quote)
                rule_media = bool(
                    _MEDIA_NOUN_RE.search(sentence) and _MEDIA_VERB_RE.search(sentence)
                )
                rule_status = (
                    bool(status)
                    and status not in ("claims", "claimed")
                    and not status.startswith("appear")
                )
                if rule_quote or rule_media or rule_status:
                    made.append(
                        ClaimCandidate(
                            sentence=sentence,
                            claimant=claimant,
                            claimant_as_printed=as_printed,
                            status=status,
                            paragraph_index=index,
                        )
                    )
            # A sentence citing its own records ("Council accounts show") is sourced, named
            # or not: it takes no other sentence's claimant.
            sourced = (
                bool(claimant)
                or records_source(sentence) is not None
                or papers_own_information(sentence)  # "selon nos informations": the paper's
            )
            rows.append((made, sourced, claimant))
            quoting.append(bool(spans) or in_continued_quote or sentence[:1] in _QUOTE_OPENERS)
            first = (sentence.split(None, 1) or [""])[0].strip("„“”\"'’,").lower()
            points_back.append(first in _POINTING_BACK)
        # An unattributed figure takes the claimant of the nearest attributed sentence of its
        # paragraph before it; a quotation also the speaker named after it ("“…” Then: X
        # said."), and any sentence the speaker's own after it when that one opens by pointing
        # back ("It said …", "Det oplyste selskabet"). Else a report's sentence before an
        # attributed one is the paper's own account.
        for k, (made, has, _claimant) in enumerate(rows):
            if has:
                candidates.extend(made)
                continue
            after = next((j for j in range(k + 1, len(rows)) if rows[j][1]), None)
            back = after is not None and (quoting[k] or points_back[after])
            order = [rows[j] for j in range(k - 1, -1, -1)] + (rows[k + 1 :] if back else [])
            near = next((c for _m, h, c in order if h), "")
            for cand in made:
                if cand.figure is not None and near and id(cand) not in papers_own:
                    cand.claimant = near
            candidates.extend(made)
        prev_open_quote = paragraph.count("“") > paragraph.count("”") or (
            paragraph.count('"') % 2 == 1
        )
    return candidates if limit is None else candidates[:limit]
