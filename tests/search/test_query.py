"""The search language, as pure functions: folding, words, phrases, fields, odd input."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from archive.search.query import FieldFilter, Term, parse_query
from archive.text import fold


def test_fold_ignores_case_accents_and_punctuation():
    assert fold("Kyïv") == "kyiv"
    assert fold("O'Neil well-known C:3PO") == "o neil well known c 3po"
    assert fold("  ÉLYSÉE  ") == "elysee"


def test_parse_words_phrases_exclusions_and_prefixes():
    query = parse_query('shoigu "Russian soldiers" -twitter mobilis*')
    assert query.terms == (
        Term(("shoigu",)),
        Term(("russian", "soldiers")),
        Term(("twitter",), negated=True),
        Term(("mobilis",), prefix=True),
    )
    assert query.messages == ()


def test_parse_field_terms():
    query = parse_query(
        'credit:"Getty Images" kind:photo -status:expired claimant:Shoigu article:putin'
    )
    assert query.filters == (
        FieldFilter("credit", "Getty Images"),
        FieldFilter("kind", "photo"),
        FieldFilter("status", "expired", negated=True),
    )
    assert query.terms == (
        Term(("shoigu",), column="claimant"),
        Term(("putin",), column="article"),
    )
    assert parse_query("article:12").filters == (FieldFilter("article", "12"),)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("o'neil", ("o", "neil")),
        ("well-known", ("well", "known")),
        ("C:3PO", ("c", "3po")),
        ("http://x.org", ("http", "x", "org")),
    ],
)
def test_awkward_tokens_become_phrases(text, words):
    assert parse_query(text).terms == (Term(words),)


def test_bare_operators_and_unbalanced_quotes_never_fail():
    assert parse_query("AND").is_empty
    for alone in ("AND", "NOT", " AND  NOT "):
        assert "on their own they search for nothing" in parse_query(alone).messages[-1]
    assert parse_query("and").terms == (Term(("and",)),)  # lower case: a word
    assert not parse_query("putin AND shoigu").messages
    assert parse_query("putin AND shoigu").terms == (Term(("putin",)), Term(("shoigu",)))
    assert parse_query("putin NOT shoigu").terms[1] == Term(("shoigu",), negated=True)
    assert "OR is not supported" in parse_query("a OR b").messages[0]
    assert parse_query('"russian soldiers').terms == (Term(("russian", "soldiers")),)
    assert parse_query('"').is_empty
    assert parse_query("- -- * ***").is_empty
    assert parse_query("credit:").filters == ()


def test_only_excluded_words_get_a_message():
    query = parse_query("-getty")
    assert query.negative == (Term(("getty",), negated=True),)
    assert "Only excluded words" in query.messages[0]


def reference_fold(text: str) -> str:
    """The fold as first written: one Python test per character (slow, obviously right)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", bare).split())


@given(st.text(max_size=60))
@hypothesis_settings(max_examples=500, deadline=None)
def test_the_fast_fold_equals_the_reference_fold(text):
    # archive.text.fold skips ASCII and tests only characters above U+02FF (where every
    # combining mark lies) for speed: the search documents' rebuild folds millions of them.
    assert fold(text) == reference_fold(text)
    assert fold("Kyi\u0308v \u0100\u0301") == reference_fold("Kyi\u0308v \u0100\u0301") == "kyiv a"
    assert not any(unicodedata.combining(chr(cp)) for cp in range(0x300))


@pytest.mark.parametrize("typed", ["71,000", "71000", "71 000", "71k", "71 thousand"])
def test_numbers_are_one_word_however_typed(typed):
    assert parse_query(typed).terms == (Term(("71000",)),)
    assert parse_query(f'"{typed} troops"').terms == (Term(("71000", "troops")),)
    assert parse_query(f"-{typed}").terms == (Term(("71000",), negated=True),)


def test_millions_and_ids_in_queries():
    assert parse_query("1.2m").terms == parse_query("1.2 million").terms == (Term(("1200000",)),)
    assert parse_query("article:12").filters == (FieldFilter("article", "12"),)
    assert parse_query("putin 2022 100").terms == (
        Term(("putin",)),
        Term(("2022",)),
        Term(("100",)),
    )


def test_a_term_typed_twice_is_kept_once():
    parsed = parse_query("usable:web harbour usable:web harbour -kind:video -kind:video " * 50)
    assert [(f.field, f.value, f.negated) for f in parsed.filters] == [
        ("usable", "web", False),
        ("kind", "video", True),
    ]
    assert [t.words for t in parsed.terms] == [("harbour",)]
