"""Reading a source: size limit, refused binaries, decoding, format sniffing, damaged input."""

from __future__ import annotations

import pytest

from archive.articles import MAX_SOURCE_BYTES, ArticleParseError, parse_article
from tests.articles.conftest import FIXTURES, SEEDS


def test_a_20_mb_page_is_refused_quickly():
    page = b"<html><body><p>" + b"a" * (20 * 1024 * 1024) + b"</p></body></html>"
    with pytest.raises(ArticleParseError, match="too large"):
        parse_article(page, filename="big.html")
    with pytest.raises(ArticleParseError, match="too large"):
        parse_article(page.decode("ascii"))
    assert MAX_SOURCE_BYTES == 10 * 1024 * 1024


def test_a_large_page_under_the_limit_parses(settings):
    settings.ARCHIVE_ARTICLE_MAX_TEXT_CHARS = 1_000_000  # longer than an article: read anyway
    rows = "".join(
        f"<p>Paragraph {i}: officials said 1,000 soldiers were killed.</p>"
        f'<figure><img src="i{i}.jpg" alt="Alt {i}"><figcaption>Caption {i} (Image: GETTY)'
        f"</figcaption></figure>"
        for i in range(6000)
    )
    draft = parse_article(f"<html><body><h1>Big</h1>{rows}</body></html>")
    assert len(draft.placements) == 6000
    assert any("claim candidates were proposed from the first" in w for w in draft.warnings)


def test_broken_encodings_are_decoded_best_effort():
    latin = "Café headline\n\nThe café has 12 chairs, the owner said.\n".encode("latin-1")
    draft = parse_article(latin, filename="a.txt")
    assert draft.headline == "Café headline"
    assert any("not UTF-8" in w for w in draft.warnings)
    # A wrong meta charset: the bytes are valid UTF-8, which wins.
    wrong_meta = (
        '<html><head><meta charset="iso-8859-1"></head><body><h1>Zelensky’s plan</h1>'
        "<p>Text “quoted” here.</p></body></html>"
    ).encode()
    assert parse_article(wrong_meta).headline == "Zelensky’s plan"
    # Declared UTF-8 but written in Windows-1252.
    cp = (
        '<html><head><meta charset="utf-8"></head><body><h1>Zelensky’s plan</h1>'
        "<p>Text.</p></body></html>"
    ).encode("cp1252")
    assert parse_article(cp).headline == "Zelensky’s plan"
    garbage = b"<html><body><h1>Head \x81\x8d\x8f</h1><p>Text \xff\xfe here</p></body></html>"
    draft = parse_article(garbage, filename="g.html")
    assert draft.headline.startswith("Head")
    assert draft.warnings
    utf16 = "Headline\n\nA paragraph of text.\n".encode("utf-16")
    assert parse_article(utf16).headline == "Headline"


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "article.pdf", "PDF"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "article.txt", "PDF"),
        (b"%PDF-1.4 text", "", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "", "JPEG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "story.docx", "ZIP"),
        (bytes(range(256)) * 10, "", "binary"),
        (b"", "", "no text"),
        (b"  \n\n  ", "a.txt", "no text"),
        ("<html><body><script>x()</script></body></html>", "a.html", "no text"),
    ],
)
def test_unreadable_sources_raise_clear_errors(data, filename, message):
    with pytest.raises(ArticleParseError, match=message):
        parse_article(data, filename=filename)


def test_pdf_passed_as_str_is_refused():
    with pytest.raises(ArticleParseError, match="PDF"):
        parse_article("%PDF-1.5\n1 0 obj << >>")


def test_mutated_fixtures_never_crash():
    """Random damage to every fixture (deterministic seed): a draft or ArticleParseError."""
    import random

    rng = random.Random(7)
    sources = [p.read_bytes() for p in FIXTURES.iterdir() if p.suffix in (".html", ".txt")]
    sources.append((SEEDS / "article.txt").read_bytes())
    pieces = [
        "<p>",
        "</figure>",
        "<figcaption>",
        "(Image: ",
        "REUTERS/",
        "“",
        "\x00",
        "<script>",
        'src="http://[::1',
        '{"@type": "VideoObject"',
        "<video>",
        "\ud800",
        "according to",
    ]
    for _ in range(300):
        data = bytearray(rng.choice(sources))
        for _ in range(rng.randint(1, 30)):
            pos = rng.randrange(len(data) + 1)
            roll = rng.random()
            if roll < 0.5:
                data[pos:pos] = rng.choice(pieces).encode("utf-8", "surrogatepass")
            elif roll < 0.75:
                del data[pos : pos + rng.randint(1, 50)]
            else:
                data[pos:pos] = bytes([rng.randrange(256)])
        for source in (bytes(data), bytes(data).decode("utf-8", "surrogateescape")):
            try:
                draft = parse_article(source, filename=rng.choice(["", "a.html", "a.txt"]))
            except ArticleParseError:
                continue
            for p in draft.placements:
                assert "<script" not in p.caption.lower()


def test_html_sniffed_without_filename():
    text = (FIXTURES / "gallery.html").read_text(encoding="utf-8")
    draft = parse_article(text)
    assert draft.source_format == "html" and len(draft.placements) == 5


MARCH = "<p>Mr Smith said 1,200 people marched through the town, and police said 40 were held.</p>"


def test_a_text_longer_than_any_article_is_refused_before_its_claims_are_read(settings):
    assert settings.ARCHIVE_ARTICLE_MAX_TEXT_CHARS == 200_000
    page = f"<html><body><article><h1>March</h1>{MARCH * 2_600}</article></body></html>"
    with pytest.raises(ArticleParseError, match=r"characters long, more than any article"):
        parse_article(page, filename="march.html")
    settings.ARCHIVE_ARTICLE_MAX_TEXT_CHARS = 1_000
    text = "March\n\n" + "Mr Smith said 1,200 people marched through the town.\n\n" * 30
    with pytest.raises(ArticleParseError, match=r"at most 1,000"):
        parse_article(text, filename="march.txt")
    assert parse_article(text[:900], filename="march.txt").claim_candidates


def test_claim_candidates_are_capped_and_the_draft_says_so(settings):
    page = f"<html><body><article><h1>March</h1>{MARCH * 30}</article></body></html>"
    assert len(parse_article(page).claim_candidates) == 60
    settings.ARCHIVE_ARTICLE_MAX_CLAIMS = 7
    draft = parse_article(page)
    assert len(draft.claim_candidates) == 7
    assert "more than 7 claim candidates; only the first 7 are shown" in " ".join(draft.warnings)
    settings.ARCHIVE_ARTICLE_MAX_CLAIMS = 60
    assert not any("claim candidates" in w for w in parse_article(page).warnings)
