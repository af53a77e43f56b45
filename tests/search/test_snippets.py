"""Why a result matched, as pure functions: snippets escaped, hits marked, fields named."""

from __future__ import annotations

from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from archive.search.backends.base import HIT_END, HIT_START
from archive.search.snippets import field_matches, snippet_html


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
            "article": hit("putin") + " hammer blow",
            "printed_credit": "image " + hit("getty"),
            "caption": "vladimir " + hit("putin"),
            "title": "",
        }
    )
    assert [match.label for match in matches] == ["caption", "printed credit line", "headline"]
    assert str(matches[1].snippet) == "image <mark>getty</mark>"
    limited = {"title": "a", "caption": "b", "claims": "c", "article": "d"}
    assert [match.label for match in field_matches(limited, 2)] == ["title", "caption"]


def test_a_caption_printed_as_catalogued_is_shown_once_under_both_names():
    same = "vladimir " + hit("putin")
    matches = field_matches({"caption": same, "printed_caption": same, "article": hit("putin")})
    assert [(m.field, m.label) for m in matches] == [
        ("caption", "caption, printed caption"),
        ("article", "headline"),
    ]
