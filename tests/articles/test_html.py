"""The HTML reader: publishers' page styles, JSON-LD and microdata, figures, hostile markup."""

from __future__ import annotations

from decimal import Decimal

from archive.articles import parse_article
from tests.articles.conftest import FIXTURES, parse_fixture

# ---------------------------------------------------------------------------------------------
# Pages in several publishers' styles


def test_bbc_like_image_source_and_caption_prefix():
    draft = parse_fixture("bbc_like.html")
    assert draft.headline == "Ukraine war: Kherson residents return home"
    assert draft.publication == "BBC News"
    assert draft.date.isoformat() == "2022-11-14"
    assert draft.url == "https://www.example.com/news/world-europe-1"
    first, second = draft.placements
    assert (first.caption, first.credit_line, first.credit) == (
        "Residents gathered in the main square on Saturday",
        "Getty Images",  # the visually hidden "Image source, " label is not printed
        "Getty Images",
    )
    assert first.alt == "Residents of Kherson celebrate in the main square"
    assert first.src.endswith("kherson.jpg")
    assert (second.caption, second.credit_line, second.credit) == (
        "The Antonivskiy bridge was destroyed by retreating Russian forces",
        "Reuters",
        "Reuters",
    )
    text = " ".join(draft.paragraphs)
    assert "window.__INITIAL_DATA__" not in text and "Related Topics" not in text
    assert "Copyright 2022 BBC" not in text


def test_guardian_like_photograph_credit_json_ld_and_open_graph():
    draft = parse_fixture("guardian_like.html")
    assert draft.headline == "Russia says mobilisation is complete"
    assert draft.date.isoformat() == "2022-10-28"
    assert draft.url.endswith("/russia-mobilisation-complete")
    assert draft.publication == "the Guardian"
    shoigu, recruits = draft.placements
    assert shoigu.caption == "Sergei Shoigu, right, at the meeting in the Kremlin on Friday."
    assert shoigu.credit_line == "Photograph: Mikhail Klimentyev/Sputnik/AFP/Getty Images"
    assert shoigu.credit == "Getty Images"
    assert (recruits.credit_line, recruits.credit) == ("Photograph: Reuters", "Reuters")
    assert not any("Read more" in p for p in draft.paragraphs)
    figures = {c.figure for c in draft.claim_candidates}
    assert {Decimal(300000), Decimal(82000), Decimal(2000)} <= figures


def test_publication_and_url_arguments_win():
    draft = parse_article(
        (FIXTURES / "guardian_like.html").read_bytes(),
        filename="g.html",
        publication="The Guardian",
        url="https://example.org/x",
    )
    assert (draft.publication, draft.url) == ("The Guardian", "https://example.org/x")


def test_wire_styles_and_loose_image_caption():
    draft = parse_fixture("wire_like.html")
    got = [(p.credit_line, p.credit) for p in draft.placements]
    assert got == [
        ("REUTERS/Gleb Garanich", "REUTERS"),
        ("(AP Photo/Evgeniy Maloletka)", "AP"),
        ("Chip Somodevilla/Getty Images", "Getty Images"),
        ("© Wire Desk Graphics", "Wire Desk Graphics"),
        ("Picture: Jane Doe", "Jane Doe"),
    ]
    assert draft.placements[0].caption == (
        "A Ukrainian tank fires near Bakhmut, Ukraine, February 2, 2023."
    )
    assert draft.placements[4].caption == "Smoke rises over the town."
    assert draft.placements[4].alt == "Smoke over the town"
    # The tracking pixel is not a placement.
    assert all("pixel" not in p.src for p in draft.placements)


def test_json_ld_credits_and_video_object():
    draft = parse_fixture("jsonld_media.html")
    assert draft.headline == "Storm floods coastal towns"
    assert draft.date.isoformat() == "2023-01-16"
    assert draft.url == "https://news.example.net/storm"
    assert draft.publication == "Example News"
    flood, sandbags, pier, video = draft.placements
    assert (flood.credit_line, flood.credit) == ("", "Example Agency")  # creditText, not printed
    assert not flood.needs_review and any("schema.org" in n for n in flood.notes)
    assert sandbags.credit == "Coastal Photos Ltd"  # from copyrightNotice
    assert pier.needs_review and pier.credit == ""
    assert pier.caption == "The pier was closed (courtesy of the harbour trust)"
    assert (video.kind, video.title, video.src) == (
        "video",
        "Watch: waves batter the sea wall",
        "https://cdn.example.net/waves.mp4",
    )
    assert video.credit == "Example News" and video.needs_review
    # The broken second JSON-LD block is reported, not fatal.
    assert any("JSON-LD" in w for w in draft.warnings)


def test_credit_in_its_own_element_video_and_still():
    draft = parse_fixture("credit_span.html")
    assert draft.headline == "Volcano erupts on remote island"
    assert draft.date.isoformat() == "2023-03-02"
    video, ash, still, evac = draft.placements
    assert video.kind == "video"
    assert video.title == "Volcano: lava fountains light up the night sky"
    assert video.src == "https://media.example.com/lava.mp4"
    assert (video.credit_line, video.credit) == ("Island Observatory", "Island Observatory")
    assert (ash.caption, ash.credit_line, ash.credit) == (
        "An ash cloud rises over the island",
        "Photo: Ana Lima",
        "Ana Lima",
    )
    assert still.kind == "still"
    assert (still.caption, still.credit) == (
        "Lava fountains moments after the eruption began",
        "Island Observatory",
    )
    # A script in a caption is dropped; markup does not survive.
    assert evac.caption == "Residents board a ferry to safety"
    assert (evac.credit_line, evac.credit) == ("© Harbour Pictures", "Harbour Pictures")


def test_gallery_with_microdata():
    draft = parse_fixture("gallery.html")
    assert draft.headline == "In pictures: the week around the world"
    got = [(p.alt, p.caption, p.credit_line, p.credit) for p in draft.placements]
    assert got == [
        ("Fireworks", "Fireworks over the harbour", "Sam Lee/AFP", "AFP"),
        ("Snow", "Snow covers the temple roofs", "Kyodo", "Kyodo"),
        ("Marathon", "Runners cross the bridge.", "Image: PA", "PA"),
        ("Kite", "A kite festival", "(Image: Getty)", "Getty"),
        ("Boats", "Boats in the bay", "Credit: Tom Bay", "Tom Bay"),
    ]
    assert [p.position for p in draft.placements] == [1, 2, 3, 4, 5]


def test_page_with_no_pictures():
    draft = parse_fixture("no_pictures.html")
    assert draft.headline == "Interest rates held at 4%"
    assert draft.placements == []
    assert draft.publication == "Money Daily"
    assert draft.paragraphs[0].startswith("The central bank held")  # byline dropped
    assert [c.figure for c in draft.claim_candidates] == [Decimal(4), Decimal("6.7")]
    assert draft.claim_candidates[1].claimant == "the statistics office"


# ---------------------------------------------------------------------------------------------
# Hostile markup


def test_deeply_nested_tags_do_not_crash():
    nested = (
        "<html><body><h1>Deep</h1><p>A first paragraph.</p>"
        + "<div>" * 10000
        + "<p>Deep text.</p>"
        + "</div>" * 10000
        + "</body></html>"
    )
    draft = parse_article(nested, filename="deep.html")
    assert draft.headline == "Deep"
    assert any("deeply" in w for w in draft.warnings)
    items = (
        "<html><body><h1>Deep items</h1><p>Text.</p>"
        + '<div itemscope itemtype="https://schema.org/Thing">' * 10000
        + "</div>" * 10000
        + "</body></html>"
    )
    assert parse_article(items).headline == "Deep items"
    deep_json = (
        '<html><head><script type="application/ld+json">'
        + "[" * 100000
        + "]" * 100000
        + "</script></head><body><h1>Deep JSON</h1><p>Text.</p></body></html>"
    )
    assert parse_article(deep_json).headline == "Deep JSON"


def test_script_in_a_caption_is_stripped():
    page = (
        "<html><body><h1>H</h1><figure><img src='a.jpg' alt='A &lt;script&gt;x()&lt;/script&gt;'>"
        "<figcaption>Nice <script>alert(1)</script>view "
        "&lt;script&gt;alert(2)&lt;/script&gt;<style>p{}</style> (Image: GETTY)"
        "</figcaption></figure><p>Body.</p></body></html>"
    )
    p = parse_article(page).placements[0]
    assert (p.caption, p.credit_line, p.credit, p.alt) == (
        "Nice view",
        "(Image: GETTY)",
        "GETTY",
        "A",
    )
    text = parse_article("Headline\n\nAlt\n\nAlt <script>alert(1)</script>caption (Image: X)\n")
    assert text.placements[0].caption == "Alt caption"
    for d in (parse_article(page), text):
        for pl in d.placements:
            for value in (pl.caption, pl.alt, pl.title, pl.credit_line):
                assert "<" not in value and "alert" not in value
