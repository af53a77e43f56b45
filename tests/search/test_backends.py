"""The full-text backends: queries rendered safely for each engine, the index used, and
both engines finding the same assets for the same words."""

from __future__ import annotations

import pytest
from django.db import connection
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from archive.search import parse_query, search_assets
from archive.search.backends import get_backend
from archive.search.backends.postgres import tsquery
from archive.search.backends.sqlite import fts5_match
from archive.search.query import Term
from tests.search.helpers import ids, seeded_asset


def test_rendered_queries_quote_every_word():
    terms = parse_query('putin "armoured car" -x mobilis* claimant:shoigu').terms
    assert fts5_match(terms) == (
        '("putin" AND "armoured car" AND "mobilis" * AND claimant : "shoigu") NOT ("x")'
    )
    assert tsquery(terms) == (
        "('putin') & ('armoured' <-> 'car') & ('mobilis':*) & ('shoigu':D) & !(('x'))"
    )
    assert fts5_match(parse_query("-a -b").terms) == '"a" OR "b"'


def test_a_credit_prefilter_is_rendered_for_postgresql_without_weight_or_phrase():
    # Checked on the row either way, so the index alone narrows: the filter decides.
    terms = (*parse_query("shoigu").terms, Term(("getty", "images"), column="credit"))
    assert tsquery(terms) == "('shoigu') & ('getty' & 'images')"


@given(st.text(max_size=80))
@hypothesis_settings(max_examples=300, deadline=None)
def test_parser_fuzz_never_raises_and_emits_only_quoted_words(text):
    query = parse_query(text)
    for term in query.terms:
        assert term.words and all(word.isalnum() for word in term.words)
    match = fts5_match(query.terms)
    for term in query.terms:
        assert '"' + " ".join(term.words) + '"' in match
    assert "'" not in "".join(word for term in query.terms for word in term.words)


def test_the_backend_follows_the_database():
    assert get_backend().vendor == connection.vendor


@pytest.mark.django_db
def test_searches_use_the_full_text_index(seeded):
    from django.db import connection

    sql, params = get_backend().matching(parse_query("shoigu").terms)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Eight rows: without this the planner rightly prefers a sequential scan.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql, params)
            plan = " ".join(row[0] for row in cursor.fetchall())
            assert "archive_asset_search_vector_gin" in plan
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = " ".join(str(row) for row in cursor.fetchall())
            assert "VIRTUAL TABLE INDEX" in plan and "archive_asset_fts" in plan


# The same expectations on SQLite and on PostgreSQL (the suite runs on both): the two
# engines, given the same folded words, find the same assets.
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("shoigu", {"Sergei Shoigu"}),
        ("SHOÏGU", {"Sergei Shoigu"}),
        ("shoi*", {"Sergei Shoigu"}),
        ('"sergei shoigu"', {"Sergei Shoigu"}),
        ('"shoigu sergei"', set()),
        ("claimant:zelensky", {"Volodymyr Zelensky"}),
        ("zelensky -claimant:zelensky", set()),
    ],
)
def test_both_engines_find_the_same_assets(seeded, text, titles):
    found = {asset.title for asset in search_assets(text, per_page=100).assets}
    assert {title for title in found if title in titles} == titles
    if not titles:
        assert "Sergei Shoigu" not in found and "Volodymyr Zelensky" not in found
    shoigu = seeded_asset("Sergei Shoigu")
    assert (shoigu.pk in ids(search_assets(text, per_page=100))) == ("Sergei Shoigu" in titles)


@pytest.mark.django_db
def test_an_unranked_page_of_many_hits_walks_the_documents_newest_first(seeded):
    # With many hits among few documents the page is found by testing documents newest first
    # (PostgreSQL: a test the GIN index cannot serve); with few, or unknown, from the index.
    # The same page either way.
    backend = get_backend()
    terms = parse_query("russian").terms
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE archive_assetsearchdocument")

    def page(hits):
        sql, params = backend.page(terms, None, ranked=False, offset=0, limit=5, hits=hits)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return sql, [row[0] for row in cursor.fetchall()]

    (walked, walked_ids), (indexed, indexed_ids) = page(10**6), page(1)
    assert walked_ids == indexed_ids and walked_ids
    assert page(None)[0] == indexed
    if connection.vendor == "postgresql":
        assert ") IS TRUE" in walked and ") IS TRUE" not in indexed
