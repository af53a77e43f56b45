"""Pages that must not read the whole archive: the admin's lists and search, the claims page,
and the look-alike and still lookups (found slow by sweeping every page of a 1M archive)."""

from __future__ import annotations

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.models import Article, Asset, Claim, Illustration, Licence, Placement
from tests.helpers import changelist, make_asset

# The admin's lists: no date hierarchy, no filter listing every article, no full counts.


def test_asset_list_has_no_date_hierarchy_and_filters_by_creation_date(
    small_archive, archivist_client
):
    response = archivist_client.get(reverse("admin:archive_asset_changelist"))
    assert response.context["cl"].date_hierarchy is None
    today = date.today().isoformat()
    found = changelist(archivist_client, created_at__gte=today)
    assert set(found) == set(small_archive["assets"])


def test_article_filters_list_recent_articles_and_keep_an_older_one_chosen(
    small_archive, archivist_client
):
    articles = [
        Article.objects.create(headline=f"Story {n}", published_on=date(2023, 1, 1 + n))
        for n in range(20)
    ]
    oldest = articles[0]
    asset = small_archive["assets"][1]
    Placement.objects.create(article=oldest, asset=asset, position=1, caption="Crossing")
    response = archivist_client.get(reverse("admin:archive_asset_changelist"))
    article_filter = next(
        spec for spec in response.context["cl"].filter_specs if spec.title == "article"
    )
    listed = {value for value, _ in article_filter.lookup_choices}
    assert str(articles[-1].pk) in listed and str(oldest.pk) not in listed
    assert len(listed) == 15
    response = archivist_client.get(
        reverse("admin:archive_asset_changelist"), {"article": oldest.pk}
    )
    assert list(response.context["cl"].result_list) == [asset]
    article_filter = next(
        spec for spec in response.context["cl"].filter_specs if spec.title == "article"
    )
    assert str(oldest.pk) in {value for value, _ in article_filter.lookup_choices}
    placements = archivist_client.get(
        reverse("admin:archive_placement_changelist"), {"article": oldest.pk}
    )
    assert [p.asset for p in placements.context["cl"].result_list] == [asset]


def test_licences_list_newest_first_without_sorting_all(small_archive, archivist_client):
    one, two, *_ = small_archive["assets"]
    first = Licence.objects.create(asset=two, licence_type="editorial", licensor="Reuters")
    second = Licence.objects.create(asset=one, licence_type="editorial", licensor="Getty")
    response = archivist_client.get(reverse("admin:archive_licence_changelist"))
    assert list(response.context["cl"].result_list) == [second, first]
    assert response.context["cl"].show_full_result_count is False


# The claims page counts the assets of the claims it shows, not of every claim.


def test_claims_page_counts_illustrations_per_claim_shown(small_archive, journalist_client):
    article = Article.objects.create(headline="Losses", published_on=date(2023, 2, 1))
    claims = [
        Claim.objects.create(article=article, text=f"Claim {n}", claimant="UK MoD")
        for n in range(3)
    ]
    for asset in small_archive["assets"][:2]:
        Illustration.objects.create(asset=asset, claim=claims[0])
    Illustration.objects.create(asset=small_archive["assets"][3], claim=claims[2])
    with CaptureQueriesContext(connection) as queries:
        response = journalist_client.get(reverse("archive:claim-list"))
    counts = {claim.pk: claim.asset_count for claim in response.context["page"].object_list}
    assert counts == {claims[0].pk: 2, claims[1].pk: 0, claims[2].pk: 1}
    listing = [q["sql"] for q in queries.captured_queries if '"archive_claim"."text"' in q["sql"]]
    assert listing and all('GROUP BY "archive_claim"' not in sql for sql in listing)


# Look-alikes and stills: partial indexes that leave out the many NULLs.


def test_look_alike_and_still_lookups_use_partial_indexes(small_archive):
    one, two, three, four = small_archive["assets"]
    for index in range(5, 60):
        make_asset(index, title=f"Filler {index}")
    two.near_duplicate_of = one
    two.save()
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Asset._meta.db_table)
    on_column = {
        name: details
        for name, details in constraints.items()
        if details["index"] and details["columns"] in (["near_duplicate_of_id"], ["video_id"])
    }
    # Only the partial indexes: a full one holds every NULL.
    assert set(on_column) == {"asset_look_alikes", "asset_stills"}
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            query = Asset.objects.filter(near_duplicate_of_id__in=[one.pk, three.pk]).values_list(
                "near_duplicate_of_id", "credit_id"
            )
            sql, params = query.query.sql_with_params()
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = " ".join(str(row) for row in cursor.fetchall())
        assert "asset_look_alikes" in plan
    assert list(one.look_alikes.all()) == [two]
