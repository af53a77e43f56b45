"""What a person may type or a link may carry, found by a new user's review: ids too big for
the database, dates at the end of the calendar, over-long searches, field names without a
value, facets of a filter already chosen, and the claim form's pictures."""

from __future__ import annotations

import pytest
from django.urls import reverse

from archive.models import Claim, Credit, Illustration
from archive.search import SearchFilters, parse_query, search_assets
from archive.text import MAX_ID, record_id

TOO_BIG = "99999999999999999999999"


def test_record_ids_within_the_database_range():
    assert record_id("42") == 42
    assert record_id(" 7 ") == 7
    assert record_id(str(MAX_ID)) == MAX_ID
    assert record_id(str(MAX_ID + 1)) is None
    assert record_id(TOO_BIG) is None
    assert record_id("-3") is None and record_id("x") is None and record_id(None) is None
    # Digits that are not ASCII: str.isdigit() takes them, int() does not.
    assert record_id("²") is None and record_id("٣") is None and record_id("1²") is None


@pytest.mark.parametrize(
    "url, params",
    [
        ("archive:search", {"credit": str(MAX_ID + 1)}),
        ("archive:search", {"q": "russian", "credit": TOO_BIG}),
        ("archive:search", {"article": TOO_BIG, "claim": TOO_BIG}),
        ("archive:search", {"date_to": "9999-12-31", "date_from": "0001-01-01"}),
        ("archive:licence-report", {"credit": TOO_BIG}),
        ("admin:archive_asset_changelist", {"article": TOO_BIG}),
        ("admin:archive_placement_changelist", {"article": TOO_BIG}),
        ("admin:archive_claim_changelist", {"article": "nonsense"}),
    ],
)
def test_ids_too_big_and_far_dates_mean_nothing_found_not_an_error(
    seeded, archivist_client, url, params
):
    response = archivist_client.get(reverse(url), params)
    assert response.status_code == 200
    if url == "archive:search" and "credit" in params:
        assert response.context["results"].total == 0  # no credit has that id
    if url == "archive:search" and "article" in params:
        # Ignored, as any article or claim value that cannot be an id.
        assert response.context["filters"] == {}


def test_the_report_refuses_an_article_id_too_big(seeded, auditor_client):
    response = auditor_client.get(reverse("archive:licence-report"), {"article": TOO_BIG})
    assert response.status_code == 400


@pytest.mark.parametrize(
    "path",
    [
        f"/api/assets?article={TOO_BIG}",
        f"/api/assets?claim={TOO_BIG}",
        f"/api/assets?page={TOO_BIG}",
        f"/api/claims?article={TOO_BIG}",
        f"/api/assets/{TOO_BIG}",
    ],
)
def test_the_api_refuses_ids_too_big_with_a_validation_error(seeded, journalist_client, path):
    assert journalist_client.get(path).status_code == 422


@pytest.mark.parametrize("text", [f"article:{TOO_BIG}", f"kyiv article:{MAX_ID + 1}"])
def test_an_article_term_too_big_finds_nothing_and_says_so(seeded, journalist_client, text):
    response = journalist_client.get(reverse("archive:search"), {"q": text})
    assert response.status_code == 200
    assert response.context["results"].total == 0
    assert any("No article has the number" in m for m in response.context["results"].messages)
    body = journalist_client.get("/api/assets", {"q": text}).json()
    assert body["count"] == 0
    excluded = journalist_client.get("/api/assets", {"q": f"-article:{TOO_BIG}"}).json()
    assert excluded["count"] == journalist_client.get("/api/assets").json()["count"] > 0


def test_an_api_credit_id_too_big_finds_nothing(seeded, journalist_client):
    body = journalist_client.get("/api/assets", {"credit": TOO_BIG}).json()
    assert body["count"] == 0


def test_an_over_long_search_says_so_and_keeps_whole_words():
    parsed = parse_query("putin " * 167)
    assert all(term.words == ("putin",) for term in parsed.terms)
    assert any("first 99" in message for message in parsed.messages)
    assert parse_query("putin " * 10).messages == ()


def test_a_field_name_without_a_value_is_explained():
    parsed = parse_query("credit: Kind")
    assert parsed.messages == ("“credit:” needs a value, like credit:getty.",)
    assert [term.words for term in parsed.terms] == [("kind",)]


def test_a_chosen_claimant_or_article_facet_shows_its_own_count(seeded):
    shoigu = search_assets("", SearchFilters(claimant="Sergei Shoigu"))
    assert [row["value"] for row in shoigu.facets["claimant"]] == ["Sergei Shoigu"]
    assert shoigu.facets["claimant"][0]["count"] == shoigu.total
    article = shoigu.assets[0].placements.all()[0].article_id
    placed = search_assets("", SearchFilters(article=article))
    assert [row["value"] for row in placed.facets["article"]] == [str(article)]
    assert placed.facets["article"][0]["count"] == placed.total
    # Without the filter, the other claimants are listed with their own counts.
    assert len(search_assets("").facets["claimant"]) > 1


def test_active_filters_are_named_even_without_results(seeded, journalist_client):
    credit = Credit.objects.get(name="GETTY")
    response = journalist_client.get(
        reverse("archive:search"), {"q": "zzzzqqq", "credit": credit.pk}
    )
    assert response.context["results"].total == 0
    assert ("credit", "GETTY") in response.context["active_filters"]


def test_the_claims_filter_shows_the_claimant_as_written(seeded, journalist_client):
    response = journalist_client.get(reverse("archive:claim-list"), {"claimant": "sergei shoigu"})
    assert response.context["claimant"] == "Sergei Shoigu"
    assert "<option selected>Sergei Shoigu</option>" in response.content.decode()


def test_a_claims_admin_page_links_pictures(seeded, archivist_client):
    claim = Claim.objects.filter(illustrations__isnull=True).first() or Claim.objects.first()
    asset = seeded_asset()
    url = reverse("admin:archive_claim_change", args=[claim.pk])
    page = archivist_client.get(url)
    inline = next(f for f in page.context["inline_admin_formsets"])
    assert "asset" in inline.formset.form.base_fields
    data = {
        key: value
        for key, value in _form_data(page).items()
        if not key.startswith("illustrations-0")
    }
    prefix = inline.formset.prefix
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": str(total + 1),
            f"{prefix}-{total}-asset": str(asset.pk),
            f"{prefix}-{total}-note": "the column in the caption",
            f"{prefix}-{total}-claim": str(claim.pk),
        }
    )
    response = archivist_client.post(url, data)
    assert response.status_code == 302, response.context and response.context.get("errors")
    assert Illustration.objects.filter(claim=claim, asset=asset).exists()


def seeded_asset():
    from archive.models import Asset

    return Asset.objects.order_by("id").first()


def _form_data(response) -> dict:
    from tests.helpers import form_data

    return form_data(response)


SUPERSCRIPT_TWO = "\u00b2"  # "²": str.isdigit() says yes, int() refuses it


@pytest.mark.parametrize(
    "url, params, status",
    [
        ("archive:search", {"claim": SUPERSCRIPT_TWO}, 200),
        ("archive:search", {"credit": SUPERSCRIPT_TWO, "page": SUPERSCRIPT_TWO}, 200),
        ("archive:licence-report", {"credit": SUPERSCRIPT_TWO}, 200),
        ("archive:takedown-impact", {"asset": SUPERSCRIPT_TWO}, 404),
        ("archive:takedown-impact", {"credit": "\u0663"}, 404),  # Arabic-Indic three
    ],
)
def test_digits_that_are_not_ascii_name_nothing_not_a_server_error(
    seeded, auditor_client, url, params, status
):
    assert auditor_client.get(reverse(url), params).status_code == status
