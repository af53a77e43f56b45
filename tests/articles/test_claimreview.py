"""ClaimReview: read from a fact-checker's page into rated claims, and written on claim pages."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from django.urls import reverse

from archive.articles import parse_article
from archive.articles.claimreview import (
    author_type,
    claim_review,
    media_review,
    merge_reviewed,
    read_claim_reviews,
    status_of_rating,
)
from archive.articles.draft import ClaimCandidate
from archive.articles.importing import accept_all, build_draft, commit_draft
from archive.models import Claim


@pytest.mark.parametrize(
    ("rating", "expected"),
    [
        ({"alternateName": "False"}, "false"),
        ({"alternateName": "Pants on Fire!"}, "false"),
        ({"alternateName": "Mostly False"}, "false"),
        ({"alternateName": "Half True"}, "disputed"),
        ({"alternateName": "Misleading"}, "disputed"),
        ({"alternateName": "Missing context"}, "disputed"),
        ({"alternateName": "Partly false"}, "disputed"),
        ({"alternateName": "Mostly True"}, "verified"),
        ({"alternateName": "Correct"}, "verified"),
        ({"name": "Faux"}, "false"),
        ({"alternateName": "Engañoso"}, "disputed"),
        # No words: the number on its scale decides.
        ({"ratingValue": 1, "bestRating": 5, "worstRating": 1}, "false"),
        ({"ratingValue": "5", "bestRating": "5", "worstRating": "1"}, "verified"),
        ({"ratingValue": 3, "bestRating": 5, "worstRating": 1}, "disputed"),
        ({"ratingValue": 3}, ""),  # no scale: cannot tell
        ({"ratingValue": 9, "bestRating": 5, "worstRating": 1}, ""),  # off the scale
        ({"alternateName": "Satire"}, ""),
        ({}, ""),
        ("False", ""),  # not an object
    ],
)
def test_status_of_rating(rating, expected):
    assert status_of_rating(rating) == expected


REVIEWS = [
    {"@type": "NewsArticle", "headline": "Fact check"},
    {
        "@type": "ClaimReview",
        "claimReviewed": "The port handled 12 million tonnes of grain in March.",
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": "Ministry of Infrastructure"},
            "datePublished": "2026-03-30",
        },
        "reviewRating": {"@type": "Rating", "alternateName": "Exaggerated", "ratingValue": 2},
    },
    {
        "@type": ["ClaimReview"],
        "claimReviewed": "A video shows the bridge collapsing last week.",
        "itemReviewed": {"@type": "Claim", "author": "Viral post"},
        "reviewRating": [{"@type": "Rating", "alternateName": "False"}],
    },
    # The same claim again (a page that marks it twice) is read once.
    {"@type": "ClaimReview", "claimReviewed": "A video shows the bridge collapsing last week."},
    {"@type": "ClaimReview"},  # says nothing: skipped
]


def test_read_claim_reviews():
    found = read_claim_reviews(REVIEWS)
    assert [c.sentence for c in found] == [
        "The port handled 12 million tonnes of grain in March.",
        "A video shows the bridge collapsing last week.",
    ]
    grain, video = found
    assert (grain.claimant, grain.rating, grain.status) == (
        "Ministry of Infrastructure",
        "disputed",
        "Exaggerated",
    )
    assert grain.claimed_on == date(2026, 3, 30)
    assert (video.claimant, video.rating, video.claimed_on) == ("Viral post", "false", None)


def test_merge_gives_the_verdict_to_the_candidate_that_states_the_claim():
    printed = ClaimCandidate(
        sentence="The ministry said the port handled 12 million tonnes of grain in March.",
        claimant="",
        paragraph_index=4,
    )
    other = ClaimCandidate(sentence="Exports fell by 8% in April.", paragraph_index=5)
    candidates = [printed, other]
    merge_reviewed(candidates, read_claim_reviews(REVIEWS))
    assert printed.rating == "disputed"
    assert printed.claimant == "Ministry of Infrastructure"
    assert printed.paragraph_index == 4
    assert other.rating == ""
    # The claim the text does not state is added, with its verdict.
    assert candidates[-1].sentence == "A video shows the bridge collapsing last week."
    assert candidates[-1].rating == "false"
    assert len(candidates) == 3


def test_author_type():
    assert author_type("Ukraine's defence ministry") == "Organization"
    assert author_type("UK Ministry of Defence") == "Organization"
    assert author_type("Sergei Shoigu") == "Person"


def test_claim_review_has_a_rating_only_once_rated():
    common = dict(
        url="https://archive.example/claims/3/",
        text="Russia has lost 71,000 soldiers.",
        claimant="Ukraine's defence ministry",
        claimed_on=date(2022, 10, 31),
        appearance_url="https://news.example/story",
        publisher="Desk",
    )
    unrated = claim_review(
        **common, status="unverified", status_label="Unverified", reviewed_on=None
    )
    assert "reviewRating" not in unrated
    assert unrated["itemReviewed"]["author"] == {
        "@type": "Organization",
        "name": "Ukraine's defence ministry",
    }
    assert unrated["itemReviewed"]["appearance"]["url"] == "https://news.example/story"
    rated = claim_review(
        **common, status="false", status_label="False", reviewed_on=date(2022, 11, 2)
    )
    assert rated["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 3,
        "worstRating": 1,
        "alternateName": "False",
    }
    assert rated["datePublished"] == "2022-11-02"
    # What we write, we read back to the same verdict.
    assert read_claim_reviews([rated])[0].rating == "false"


def test_media_review_category_comes_from_how_the_picture_was_made():
    made = media_review(
        url="https://archive.example/assets/2/",
        kind="photo",
        caption="Tanks near Kharkiv",
        credit_line="(Image: GETTY)",
        creator="",
        digital_source_type="http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
        publisher="Desk",
    )
    assert made["mediaAuthenticityCategory"] == "TransformedContent"
    assert made["itemReviewed"]["@type"] == "ImageObject"
    assert "creator" not in made["itemReviewed"]
    unknown = media_review(
        url="u",
        kind="video",
        caption="",
        credit_line="",
        creator="",
        digital_source_type="",
        publisher="Desk",
    )
    assert "mediaAuthenticityCategory" not in unknown
    assert unknown["itemReviewed"]["@type"] == "VideoObject"


FACT_CHECK_PAGE = """<!doctype html><html><head><title>Fact check: grain figures</title>
<script type="application/ld+json">{
 "@context": "https://schema.org", "@type": "ClaimReview",
 "url": "https://checks.example/grain",
 "claimReviewed": "The port handled 12 million tonnes of grain in March",
 "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization",
   "name": "Ministry of Infrastructure"}, "datePublished": "2026-03-30"},
 "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
   "alternateName": "False"}}
</script></head><body><article><h1>Fact check: grain figures</h1>
<p>By Ana Check</p>
<p>The Ministry of Infrastructure said the port handled 12 million tonnes of grain in March.</p>
<p>Shipping records show 4.1 million tonnes left the port that month, according to the
harbour authority.</p>
</article></body></html>"""


@pytest.mark.django_db
def test_importer_reads_the_pages_claim_review_and_commits_its_verdict():
    draft = parse_article(
        FACT_CHECK_PAGE, filename="check.html", url="https://checks.example/grain"
    )
    rated = [c for c in draft.claim_candidates if c.rating]
    assert len(rated) == 1
    assert "12 million tonnes" in rated[0].sentence
    assert rated[0].rating == "false"
    imported = build_draft(draft)
    commit_draft(imported, accept_all(imported), publication="Checks")
    claim = Claim.objects.get(text__contains="12 million tonnes")
    assert claim.status == Claim.Status.FALSE
    assert claim.status_wording == "False"
    assert claim.claimed_on == date(2026, 3, 30)
    unrated = Claim.objects.exclude(pk=claim.pk)
    assert unrated.exists()
    assert set(unrated.values_list("status", flat=True)) == {Claim.Status.UNVERIFIED}


def structured(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


@pytest.mark.django_db
def test_claim_page_carries_claim_review_and_media_reviews(seeded, journalist_client):
    claim = Claim.objects.filter(illustrations__isnull=False).distinct().first()
    url = reverse("archive:claim-detail", args=[claim.pk])
    data = structured(journalist_client.get(url).content.decode())
    review, *media = data
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == claim.text
    assert "reviewRating" not in review  # unverified: not rated yet
    assert len(media) == claim.illustrations.count()
    assert {m["@type"] for m in media} == {"MediaReview"}

    claim.status = Claim.Status.DISPUTED
    claim.text = "Losses </script><script>alert(1)</script> & more"
    claim.save()
    html = journalist_client.get(url).content.decode()
    assert "<script>alert(1)" not in html
    review = structured(html)[0]
    assert review["reviewRating"]["alternateName"] == "Disputed"
    assert review["reviewRating"]["ratingValue"] == 2
    assert review["claimReviewed"] == claim.text
    assert review["datePublished"] == date.today().isoformat()
