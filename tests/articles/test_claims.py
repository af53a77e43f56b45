"""Claim candidates and sentence splitting, on the seed article and on plain paragraphs."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

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
    # Every manifest claim is drafted, the AKM's year of introduction (1959) too: a year that
    # is the fact stated is a figure, while dates and other years are not.
    assert missed == []
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
    # The calibres and models of the AKM paragraphs are no figures; its year of introduction is.
    figures = {c.figure for c in seed_draft.claim_candidates}
    assert not figures & {Decimal("7.62"), Decimal("5.45"), Decimal(74), Decimal(12)}
    c = get("Open source images", "1959")
    assert c.unit == "year introduced"
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


def test_one_candidate_per_figure_with_the_same_sentence():
    sentence = "He added that each Shahed costs Russia around $20,000, against up to $140,000 for a missile."
    paragraphs = ["Air force spokesman Serhiy Hrytsenko spoke on television.", sentence]
    candidates = [c for c in extract_claim_candidates(paragraphs) if c.figure is not None]
    assert [(c.figure, c.unit, c.sentence) for c in candidates] == [
        (Decimal(20000), "USD", sentence),
        (Decimal(140000), "USD", sentence),
    ]


def test_range_candidate_has_its_top():
    (c,) = extract_claim_candidates(
        ["Military analysts say Russia has been launching waves of 12-15 drones at a time."]
    )
    assert (c.figure, c.figure_high, c.unit, c.claimant) == (
        Decimal(12),
        Decimal(15),
        "drones",
        "Military analysts",
    )


def test_claimants_named_resolved_and_as_printed():
    paragraphs = [
        "Ukraine's air force said it destroyed 31 of the 35 Shahed-136 drones launched at Odesa.",
        "The drones left 120,000 homes without power, according to regional governor Oleh Kravets.",
        "He said two people had been injured.",
        "Ukrenergo, the national grid operator, said around 40 percent of the grid was damaged.",
        "The company said 1,800 engineers were working around the clock.",
        "Figures from the Department for Energy Security show that four of the six suppliers "
        "still owe money.",
        "The department said the guarantee cost the taxpayer around £40bn.",
        "Maureen Walsh, 78, from Bootle, Merseyside, told the Mirror she stays in bed.",
        '"My bill went from £90 a month to £210 a month," she said.',
        "Germany delivered the first of four IRIS-T launchers last month.",
    ]
    got = [
        (str(c.figure), c.unit, c.claimant, c.claimant_as_printed)
        for c in extract_claim_candidates(paragraphs)
    ]
    assert got == [
        ("31", "Shahed-136 drones", "Ukraine's air force", ""),
        ("35", "Shahed-136 drones", "Ukraine's air force", ""),
        ("120000", "homes", "Oleh Kravets", "regional governor Oleh Kravets"),
        ("2", "people", "Oleh Kravets", "He"),
        ("40", "%", "Ukrenergo", ""),
        ("1800", "engineers", "Ukrenergo", "The company"),
        ("4", "suppliers", "Department for Energy Security", "the Department for Energy Security"),
        ("6", "suppliers", "Department for Energy Security", "the Department for Energy Security"),
        ("40000000000", "GBP", "Department for Energy Security", "The department"),
        ("90", "GBP", "Maureen Walsh", "she"),
        ("210", "GBP", "Maureen Walsh", "she"),
        ("4", "IRIS-T launchers", "", ""),  # stated by the article: no claimant
    ]


def test_unattributed_sentence_borrows_only_from_its_paragraph():
    paragraphs = [
        "The cap will fall by 7% to £1,923 a year, Ofgem said on Friday.",
        "That is a drop of £151 on the current level.",
    ]
    cap, cap2, drop = extract_claim_candidates(paragraphs)
    assert (cap.claimant, cap2.claimant) == ("Ofgem", "Ofgem")
    assert (drop.figure, drop.unit, drop.claimant) == (Decimal(151), "GBP", "")


def test_no_candidates_from_dates_ages_designations_or_furniture():
    paragraphs = [
        "Wednesday 2 November 2022 14:32 GMT",
        "Updated 3 hours ago",
        "By Oliver Pemberton, Foreign News Reporter",
        "5 min read",
        "Officials said the AKM, in service since 1959, fires 7.62mm ammunition.",
        "John Smith, 54, said the F-16 was not in service since 2014.",
        "Police said hundreds of people and dozens of cars were caught in the floods.",
    ]
    assert [c.figure for c in extract_claim_candidates(paragraphs)] == []


def test_wire_dateline_is_not_part_of_the_claim():
    (c,) = extract_claim_candidates(
        ["KYIV, Ukraine (AP) — Russia fired 12 missiles, officials said."]
    )
    assert c.sentence == "Russia fired 12 missiles, officials said."
    assert (c.figure, c.unit) == (Decimal(12), "missiles")


def test_cyrillic_claim():
    (c,) = extract_claim_candidates(["По данным Минобороны, погибли 15 человек."])
    assert (c.figure, c.unit, c.claimant) == (Decimal(15), "человек", "Минобороны")


def test_according_to_in_languages_that_put_the_verb_right_after_the_source():
    paragraphs = [
        "Volgens waterschap Rijnland staan ruim 3.000 woningen op de lijst.",
        "Enligt Trafikverket står 120 tåg stilla i norra Sverige.",
    ]
    dutch, swedish = extract_claim_candidates(paragraphs)
    assert (dutch.figure, dutch.claimant) == (Decimal(3000), "waterschap Rijnland")
    assert (swedish.figure, swedish.claimant) == (Decimal(120), "Trafikverket")


@pytest.mark.parametrize(
    "text",
    [
        "Na placu zebrało się ok. 4 tys. osób. Policja nie interweniowała.",
        "Die Sanierung kostet ca. 12 Mio. Euro. Der Rat stimmt im Mai ab.",
        "La crue a touché env. 300 maisons. Les pompiers sont sur place.",
    ],
)
def test_abbreviations_before_a_figure_in_other_languages_do_not_end_the_sentence(text):
    assert len(split_sentences(text)) == 2


# ---------------------------------------------------------------------------------------------
# Hostile drafts (found by the hostile review, session 13; the parser is another helper's).
# Any role, or a CMS token, posts drafts to the pre-publication check: a draft of one long
# "sentence" (no full stop) is read in time that grows with its length squared or worse
# (archive/articles/postpositions.py FINNISH_ACCORDING_RE backtracks over a long word;
# figures._excluded_digits and attribution's speech verbs each rescan the whole sentence):
# 20 KB of one word took 4 s, 100 KB 143 s, and a draft may be 10 MB. The fix: read for
# claims only sentences of a length a person writes (skip, or cut, longer ones), and search
# FINNISH_ACCORDING_RE only where "mukaan" is in the sentence.
def test_a_sentence_no_person_writes_is_not_read_for_claims():
    junk = "The minister said 12 soldiers were " + "a" * 20_000 + " there."
    candidates = extract_claim_candidates(["The army said 950 soldiers were killed.", junk])
    assert [c.figure for c in candidates] == [Decimal(950)]
    assert all(len(c.sentence) < 5_000 for c in candidates)
