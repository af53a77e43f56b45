"""Claim candidates and sentence splitting, on the seed article and on plain paragraphs."""

from __future__ import annotations

import re
from decimal import Decimal

from archive.articles import extract_claim_candidates, split_sentences

# ---------------------------------------------------------------------------------------------
# The seed article


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("“", '"').replace("”", '"')).strip().lower()


def _same_sentence(candidate: str, claim_sentence: str) -> bool:
    a, b = _key(candidate), _key(claim_sentence)
    if a in b or b in a:
        return True
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) / max(1, len(wa | wb)) >= 0.6


def _found(claim, candidates):
    """A manifest claim is found by a candidate of its sentence with its figure (if any)."""
    return any(
        _same_sentence(k.sentence, claim["sentence"])
        and ("figure" not in claim or k.figure == Decimal(str(claim["figure"])))
        for k in candidates
    )


def test_seed_claim_candidates_recall_and_precision(seed_draft, manifest):
    claims = manifest["claims"]
    candidates = seed_draft.claim_candidates
    found = [c for c in claims if _found(c, candidates)]
    real = [k for k in candidates if any(_same_sentence(k.sentence, c["sentence"]) for c in claims)]
    recall, precision = len(found), len(real)
    print(
        f"\nclaim candidates on the seed: recall {recall}/{len(claims)} manifest claims "
        f"({recall / len(claims):.0%}), precision {precision}/{len(candidates)} candidates "
        f"({precision / len(candidates):.0%})"
    )
    missed = [c["key"] for c in claims if c not in found]
    print(f"missed: {missed}")
    print("not in the manifest:", [k.sentence[:60] for k in candidates if k not in real])
    # The manifest counts the AKM's year of introduction (1959) as a figure; years are never
    # drafted as claim figures (issue 14), so that one sentence is left to the archivist.
    assert missed == ["c-akm-1959"]
    assert precision >= 12 and len(candidates) <= 17


def test_seed_claim_candidate_fields(seed_draft):
    def get(prefix, figure=None):
        return next(
            c
            for c in seed_draft.claim_candidates
            if c.sentence.startswith(prefix) and (figure is None or c.figure == Decimal(figure))
        )

    # One candidate per figure: the sentence of 12,730 also states 400 a day.
    c = get("The eye-watering total", 12730)
    assert c.claimant == "Defense of Ukraine"  # borrowed from its paragraph
    c = get("The eye-watering total", 400)
    assert (c.unit, c.claimant) == ("personnel a day", "Defense of Ukraine")
    c = get("It brings the total death toll")
    assert (c.figure, c.claimant) == (Decimal(71200), "Defense of Ukraine")
    c = get("A further 950 soldiers")
    assert (c.figure, c.unit, c.status) == (Decimal(950), "soldiers", "unverified")
    # "according to the unverified figures": the figures of the organisation named before.
    assert (c.claimant, c.claimant_as_printed) == ("Defense of Ukraine", "the unverified figures")
    c = get("Defence Minister Sergei Shoigu")
    assert (c.figure, c.unit, c.claimant, c.claimant_as_printed) == (
        Decimal(300000),
        "people",
        "Sergei Shoigu",  # the name without the title, as the manifest has it
        "Defence Minister Sergei Shoigu",
    )
    c = get("Shoigu said 82,000")
    assert c.figure == Decimal(82000)
    assert (c.claimant, c.claimant_as_printed) == ("Sergei Shoigu", "Shoigu")
    c = get("He said Russian forces")
    assert (c.claimant, c.claimant_as_printed) == ("Volodymyr Zelensky", "He")
    c = get("“In September, Russian")
    assert c.claimant == "Defence HQ"  # a continued quotation keeps its speaker
    c = get("It added:")
    assert (c.claimant, c.claimant_as_printed) == ("MoD", "It")
    c = get("“The integration")
    assert c.claimant == "MoD"  # a continued quotation after "It added:"
    assert c.figure == Decimal(2)
    c = get("In one widely-shared video")
    assert c.status == "appears to illustrate"
    c = get("More than 2,000 people")
    assert (c.figure, c.unit) == (Decimal(2000), "people")
    # The years and calibres of the AKM paragraphs are no figures.
    figures = {c.figure for c in seed_draft.claim_candidates}
    assert not figures & {Decimal(1959), Decimal("7.62"), Decimal("5.45"), Decimal(74), Decimal(12)}
    assert all(c.paragraph_index < len(seed_draft.paragraphs) for c in seed_draft.claim_candidates)


# ---------------------------------------------------------------------------------------------
# Sentences and claims


def test_sentence_splitting_handles_quotes_and_abbreviations():
    text = (
        "Mr. Smith went to Washington. He said: “It is big. Very big.” Then U.S. forces "
        "left. J. Smith agreed! Was it 7.62mm? “Yes.” Fine"
    )
    assert split_sentences(text) == [
        "Mr. Smith went to Washington.",
        "He said: “It is big. Very big.”",
        "Then U.S. forces left.",
        "J. Smith agreed!",
        "Was it 7.62mm?",
        "“Yes.”",
        "Fine",
    ]


def test_claim_rules_on_plain_paragraphs():
    paragraphs = [
        "The weather was pleasant in the capital.",
        "Police said 1,200 people had been evacuated, according to the fire service.",
        "She added: “We have never seen anything like this in forty years of service.”",
        "Footage shared online appears to show the bridge collapsing.",
        "The report could not be independently verified.",
        "Dr. Jones, the chief medical officer, told reporters that 35 patients were treated.",
    ]
    candidates = extract_claim_candidates(paragraphs)
    sentences = [c.sentence for c in candidates]
    assert paragraphs[0] not in sentences
    police = candidates[0]
    assert (police.figure, police.unit, police.claimant) == (
        Decimal(1200),
        "people",
        "the fire service",
    )
    assert candidates[1].paragraph_index == 2
    assert candidates[2].status == "appears to show"
    assert candidates[3].status == "could not be independently verified"
    jones = candidates[4]
    assert (jones.figure, jones.unit, jones.claimant) == (Decimal(35), "patients", "Dr. Jones")
