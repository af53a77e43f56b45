"""The import review page's "Left out" list: pictures that are page furniture, shown with
their reason, and brought back as placements when the archivist ticks them."""

from __future__ import annotations

import pytest
from django.test import Client

from archive.articles import parse_article
from archive.articles.importing import ClaimDecision, build_draft, commit_draft
from archive.models import Article, Placement
from tests.articles.test_importing import IMPORT_URL, review_post
from tests.conftest import client_for

PAGE = """<html><head><meta property="og:site_name" content="The Paper"></head><body><article>
<h1>Flood defences breached in Hull</h1>
<p>More than 300 homes were flooded in Hull, the council said on Monday.</p>
<figure><img src="https://img.example/flood.jpg" alt="Flooded street">
<figcaption>A flooded street in Hull. Photograph: Jane Smith/Reuters</figcaption></figure>
<div class="ad-slot"><img src="https://ads.example/boots-300x250.jpg" alt="Winter boots"></div>
<p>The Environment Agency said 12 flood warnings were in force on Tuesday.</p>
<aside class="related"><a href="/news/storm-babet"><figure>
<img src="https://img.example/storm.jpg?w=300&amp;q=80" alt="Storm clouds">
<figcaption>Storm Babet: what we know (Image: PA)</figcaption></figure></a></aside>
<figure><img src="https://img.example/pumps.jpg" alt="Pumps">
<figcaption>Pumps at work on Tuesday. Photograph: John Lee/PA</figcaption></figure>
<img src="javascript:alert(1)" alt="Sponsor" class="sponsored">
</article></body></html>"""


def captions(article: Article) -> list[tuple[int, str, str, str]]:
    return [
        (p.position, p.kind, p.caption, p.credit_line)
        for p in article.placements.order_by("position")
    ]


@pytest.mark.django_db
def test_left_out_pictures_know_their_place_among_the_placements():
    imported = build_draft(parse_article(PAGE, filename="flood.html"))
    assert [m.placement.caption for m in imported.placements] == [
        "A flooded street in Hull.",
        "Pumps at work on Tuesday.",
    ]
    got = [(r.index, r.item.reason, r.after, r.link) for r in imported.left_out]
    assert got == [
        (0, "advertisement", 1, "https://ads.example/boots-300x250.jpg"),
        (1, "teaser for another story", 1, "https://img.example/storm.jpg?w=300&q=80"),
        (2, "advertisement", 2, ""),  # a javascript: address is never offered as a link
    ]


@pytest.mark.django_db
def test_a_picture_brought_back_takes_its_place_and_claims_follow_their_placements():
    imported = build_draft(parse_article(PAGE, filename="flood.html"))
    decision = ClaimDecision(accept=True, sentence="12 flood warnings", linked_positions=[2])
    article = commit_draft(imported, [decision], bring_back=[1]).article
    assert captions(article) == [
        (1, "picture", "A flooded street in Hull.", "Photograph: Jane Smith/Reuters"),
        (2, "picture", "Storm Babet: what we know", "(Image: PA)"),
        (3, "picture", "Pumps at work on Tuesday.", "Photograph: John Lee/PA"),
    ]
    brought = article.placements.get(position=2)
    assert brought.alt_text == "Storm clouds" and brought.credit.name == "PA"
    claim = article.claims.get()
    assert [p.caption for p in claim.placements.all()] == ["Pumps at work on Tuesday."]


@pytest.mark.django_db
def test_a_picture_whose_place_is_unknown_goes_at_the_end():
    page = PAGE.replace(
        "<head>", '<head><meta property="og:image" content="https://img.example/share-crop.jpg">'
    )
    imported = build_draft(parse_article(page, filename="flood.html"))
    share = imported.left_out[0]
    assert (share.item.reason, share.after) == ("share image, not in the article", 2)
    article = commit_draft(imported, [], bring_back=[share.index]).article
    assert [p.alt_text for p in article.placements.order_by("position")] == [
        "Flooded street",
        "Pumps",
        "",
    ]


def test_the_review_page_lists_what_was_left_out_and_why(archivist_client):
    response = archivist_client.post(IMPORT_URL, {"step": "review", "text": PAGE})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Left out (3)" in page
    assert page.count('class="import-left-out-reason">advertisement<') == 2
    assert 'class="import-left-out-reason">teaser for another story<' in page
    assert "Storm Babet: what we know" in page and "Winter boots" in page
    assert 'href="https://img.example/storm.jpg?w=300&amp;q=80"' in page
    assert 'href="javascript:' not in page
    assert page.count('name="bring_back"') == 3


def test_not_ticking_leaves_them_out(archivist_client):
    response = archivist_client.post(IMPORT_URL, {"step": "review", "text": PAGE})
    response = archivist_client.post(IMPORT_URL, review_post(response))
    assert response.status_code == 302
    assert [c[2] for c in captions(Article.objects.get())] == [
        "A flooded street in Hull.",
        "Pumps at work on Tuesday.",
    ]


def test_ticking_one_brings_it_back_in_the_saved_article(archivist_client):
    response = archivist_client.post(IMPORT_URL, {"step": "review", "text": PAGE})
    data = review_post(response)
    data["bring_back"] = ["1"]
    response = archivist_client.post(IMPORT_URL, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get()
    assert captions(article)[1] == (2, "picture", "Storm Babet: what we know", "(Image: PA)")
    assert article.placements.count() == 3
    result = archivist_client.get(response["Location"]).content.decode()
    assert "Storm Babet: what we know" in result


def test_a_tampered_choice_is_refused_and_nothing_saved(archivist_client):
    response = archivist_client.post(IMPORT_URL, {"step": "review", "text": PAGE})
    data = review_post(response)
    data["bring_back"] = ["7"]
    response = archivist_client.post(IMPORT_URL, data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert Article.objects.count() == 0


def test_only_those_who_may_import_bring_pictures_back(role_users):
    archivist = client_for(Client, role_users["archivist"])
    response = archivist.post(IMPORT_URL, {"step": "review", "text": PAGE})
    data = review_post(response)
    data["bring_back"] = ["0", "1"]
    for name in ("journalist", "auditor"):
        other = client_for(Client, role_users[name])
        assert other.post(IMPORT_URL, data).status_code == 302  # to the login page
    assert Article.objects.count() == 0 and Placement.objects.count() == 0
    assert archivist.post(IMPORT_URL, data).status_code == 302
    assert Placement.objects.count() == 4
