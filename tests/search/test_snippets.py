"""Why a result matched, as pure functions: snippets escaped, hits marked, fields named."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from archive.search.backends.base import HIT_END, HIT_START
from archive.search.query import Term, parse_query
from archive.search.snippets import (
    best_snippet,
    field_matches,
    highlight,
    shown_snippets,
    snippet_html,
)
from archive.text import search_word_spans, search_words


def hit(text: str) -> str:
    return f"{HIT_START}{text}{HIT_END}"


def test_a_snippet_is_escaped_and_only_its_hits_are_marked():
    html = snippet_html(f"…<script>alert(1)</script> {hit('getty')} & co")
    assert html == "…&lt;script&gt;alert(1)&lt;/script&gt; <mark>getty</mark> &amp; co"
    assert snippet_html(f"{hit('russian soldiers')} in {hit('kherson')}") == (
        "<mark>russian soldiers</mark> in <mark>kherson</mark>"
    )
    # Unbalanced markers (a snippet cut inside a hit) still give balanced HTML.
    assert snippet_html(f"{HIT_START}cut") == "<mark>cut</mark>"
    assert snippet_html(f"stray{HIT_END} end") == "stray end"


@given(st.text(max_size=60))
@hypothesis_settings(max_examples=300, deadline=None)
def test_no_text_can_open_a_tag(text):
    html = snippet_html(text + hit(text))
    assert "<" not in html.replace("<mark>", "").replace("</mark>", "")
    assert html.count("<mark>") == html.count("</mark>")


def test_fields_are_named_the_pictures_own_text_first():
    matches = field_matches(
        {
            "article": "<mark>Putin</mark> ‘hammer blow’",
            "printed_credit": "(Image: <mark>GETTY</mark>)",
            "caption": "Vladimir <mark>Putin</mark>",
            "title": "",
        }
    )
    assert [match.label for match in matches] == ["caption", "printed credit line", "headline"]
    assert str(matches[1].snippet) == "(Image: <mark>GETTY</mark>)"
    limited = {"title": "a", "caption": "b", "claims": "c", "article": "d"}
    assert [match.label for match in field_matches(limited, 2)] == ["title", "caption"]


def test_a_caption_printed_as_catalogued_is_shown_once_under_both_names():
    same = "Vladimir <mark>Putin</mark>"
    matches = field_matches({"caption": same, "printed_caption": same, "article": "<mark>x</mark>"})
    assert [(m.field, m.label) for m in matches] == [
        ("caption", "caption, printed caption"),
        ("article", "headline"),
    ]


# --- snippets cut from the text as written ----------------------------------------------------

HEADLINE = "Putin ‘hammer blow’ as Ukraine has killed 13,000 Russian soldiers this month"


def terms(text: str) -> tuple[Term, ...]:
    return parse_query(text).positive


def test_the_text_is_shown_as_printed_with_the_words_found_marked():
    assert highlight(HEADLINE, terms("russian soldiers 13000")) == (
        "Putin ‘hammer blow’ as Ukraine has killed <mark>13,000</mark>"
        " <mark>Russian</mark> <mark>soldiers</mark> this month"
    )
    # A phrase is marked as one, quotes and punctuation stay outside the mark.
    assert highlight(HEADLINE, terms('"russian soldiers" hammer')) == (
        "Putin ‘<mark>hammer</mark> blow’ as Ukraine has killed 13,000"
        " <mark>Russian soldiers</mark> this month"
    )
    # Words that are not next to each other are no phrase.
    assert highlight(HEADLINE, terms('"soldiers russian"')) == ""


def test_accents_and_case_are_folded_as_search_folds_them():
    assert highlight("Café in KYIV; Zelenskyy’s office", terms("cafe kyiv zelenskyy")) == (
        "<mark>Café</mark> in <mark>KYIV</mark>; <mark>Zelenskyy</mark>’s office"
    )
    assert highlight("Straße", terms("STRASSE")) == "<mark>Straße</mark>"


@pytest.mark.parametrize("typed", ["71,000", "71000", "71 000", "71k", "71 thousand"])
def test_a_number_is_marked_as_written_however_typed(typed):
    text = "Russia has lost more than 71,000 troops"
    assert highlight(text, terms(typed)) == "Russia has lost more than <mark>71,000</mark> troops"
    assert highlight("about 71k dead", terms(typed)) == "about <mark>71k</mark> dead"
    assert highlight("71 000 and 710", terms(typed)) == "<mark>71 000</mark> and 710"
    assert highlight("a 1,710,000 total", terms(typed)) == ""  # part of a longer number


def test_the_last_word_of_a_prefix_term_matches_its_start():
    text = "Mobilisation orders; the mobilised men, not the mob"
    assert highlight(text, terms("mobilis*")) == (
        "<mark>Mobilisation</mark> orders; the <mark>mobilised</mark> men, not the mob"
    )
    assert highlight(text, terms("mobilis")) == ""
    assert highlight(text, terms('"mobilisation ord*"')) == (
        "<mark>Mobilisation orders</mark>; the mobilised men, not the mob"
    )


def test_everything_but_the_marks_is_escaped():
    html = highlight('<b onclick="x">Getty</b> & <script>getty</script>', terms("getty"))
    assert html == (
        "&lt;b onclick=&quot;x&quot;&gt;<mark>Getty</mark>&lt;/b&gt; &amp; "
        "&lt;script&gt;<mark>getty</mark>&lt;/script&gt;"
    )


@given(st.text(max_size=80), st.text(alphabet="abcé1,0 ", min_size=1, max_size=10))
@hypothesis_settings(max_examples=300, deadline=None)
def test_a_highlight_never_opens_a_tag(text, query):
    html = highlight(text, terms(query))
    assert "<" not in html.replace("<mark>", "").replace("</mark>", "")
    assert html.count("<mark>") == html.count("</mark>")


@given(st.text(alphabet="aZé1,0 .k-‘ßﬁ\u00a0", max_size=60))
@hypothesis_settings(max_examples=300, deadline=None)
def test_words_are_found_where_the_documents_read_them(text):
    spans = search_word_spans(text)
    assert [word for word, _, _ in spans] == list(search_words(text))
    ends = [0] + [end for _, _, end in spans]
    for (_, start, end), before in zip(spans, ends, strict=False):
        assert before <= start < end <= len(text)


def test_a_long_text_is_cut_around_its_first_hit_at_spaces():
    text = " ".join(f"word{index}" for index in range(100)) + " Kherson " + "tail " * 50
    html = highlight(text, terms("kherson"), width=60)
    assert html.startswith("…word") and html.endswith("…")
    assert "<mark>Kherson</mark>" in html and len(html) < 100
    plain = html.replace("<mark>", "").replace("</mark>", "").strip("…")
    assert plain in text and plain.split()[0] in text.split()  # whole words only
    # A hit near the end: the room goes before it.
    assert highlight(text, terms("tail"), width=60).startswith("…word9")
    assert highlight("short Kherson", terms("kherson"), width=60) == "short <mark>Kherson</mark>"


def test_the_text_with_most_of_the_words_is_shown_else_the_engines_snippet():
    texts = ["Kherson", "Smoke over Kherson", "smoke"]
    assert (
        best_snippet(texts, terms("kherson smoke"))
        == "<mark>Smoke</mark> over <mark>Kherson</mark>"
    )
    engine = {"caption": f"smoke over {hit('kherson')}", "claimant": hit("zelensky")}
    shown = shown_snippets(engine, {"caption": texts}, terms("kherson claimant:zelensky"))
    assert shown["caption"] == "<mark>Kherson</mark>"
    # Nothing as written where the engine found it: its own snippet, escaped and marked.
    assert shown["claimant"] == "<mark>zelensky</mark>"


@given(st.text(alphabet="aZ1,0 .k-_m\n", max_size=60))
@hypothesis_settings(max_examples=300, deadline=None)
def test_ascii_words_are_found_where_the_documents_read_them(text):
    assert [word for word, _, _ in search_word_spans(text)] == list(search_words(text))
