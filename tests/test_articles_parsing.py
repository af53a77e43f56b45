"""The article importer's pure parsing: no database needed."""

from __future__ import annotations

import re
import time
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from archive.articles import (
    MAX_SOURCE_BYTES,
    ArticleParseError,
    extract_claim_candidates,
    parse_article,
    split_credit,
    split_sentences,
)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"


def _fixture(name: str):
    return parse_article((FIXTURES / name).read_bytes(), filename=name)


def _by_caption(draft):
    return {p.caption: p for p in draft.placements}


# ---------------------------------------------------------------------------------------------
# The seed article


@pytest.fixture(scope="module")
def manifest():
    return yaml.safe_load((SEEDS / "manifest.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_draft(manifest):
    return parse_article(
        (SEEDS / "article.txt").read_bytes(),
        filename="article.txt",
        publication=manifest["article"]["publication"],
    )


def test_seed_headline_and_metadata(seed_draft, manifest):
    assert seed_draft.headline == manifest["article"]["headline"]
    assert seed_draft.publication == manifest["article"]["publication"]
    assert seed_draft.source_format == "text"
    # The text states no date; the importer does not invent one.
    assert seed_draft.date is None
    assert seed_draft.source_text.startswith("Putin hammer blow")


def test_seed_placements_match_the_manifest_field_by_field(seed_draft, manifest):
    assets = sorted(manifest["assets"], key=lambda a: a["position"])
    assert len(seed_draft.placements) == len(assets) == 8
    for placement, asset in zip(seed_draft.placements, assets, strict=True):
        where = f"position {asset['position']} ({asset['key']})"
        assert placement.position == asset["position"], where
        assert placement.kind == asset["placement_kind"], where
        assert placement.caption == asset["caption"], where
        assert placement.credit_line == asset["credit_line"], where
        assert placement.credit == asset["credit"], where
        assert placement.alt == asset["alt"], where
        if asset["placement_kind"] == "video":
            assert placement.title == asset["placement_title"], where
        assert not placement.needs_review, where
    # The printed text is "caption credit_line" for every picture.
    text = (SEEDS / "article.txt").read_text(encoding="utf-8")
    for p in seed_draft.placements:
        if p.credit_line:
            assert f"{p.caption} {p.credit_line}" in text


def test_seed_boilerplate_is_dropped(seed_draft):
    body = "\n".join(seed_draft.paragraphs)
    for junk in (
        "7 mins read",
        "JUST IN:",
        "[REVEAL]",
        "[REPORT]",
        "[INSIGHT]",
        "Leave a Reply",
        "Your email address will not be published",
        "Latest from Blog",
        "(Image:",
    ):
        assert junk not in body
    assert seed_draft.paragraphs[0].startswith("Ukraine killed almost 13,000")
    assert seed_draft.paragraphs[-1].startswith("He said Russian forces")
    # Captions, alt lines and the video title are not paragraphs.
    assert "Vladimir Putin" not in seed_draft.paragraphs
    assert all(not p.startswith("Ukraine: Russian vehicle") for p in seed_draft.paragraphs)


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("“", '"').replace("”", '"')).strip().lower()


def _same_sentence(candidate: str, claim_sentence: str) -> bool:
    a, b = _key(candidate), _key(claim_sentence)
    if a in b or b in a:
        return True
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) / max(1, len(wa | wb)) >= 0.6


def test_seed_claim_candidates_recall_and_precision(seed_draft, manifest):
    claims = manifest["claims"]
    candidates = seed_draft.claim_candidates
    found = [
        c for c in claims if any(_same_sentence(k.sentence, c["sentence"]) for k in candidates)
    ]
    real = [k for k in candidates if any(_same_sentence(k.sentence, c["sentence"]) for c in claims)]
    recall, precision = len(found), len(real)
    print(
        f"\nclaim candidates on the seed: recall {recall}/{len(claims)} manifest claims "
        f"({recall / len(claims):.0%}), precision {precision}/{len(candidates)} candidates "
        f"({precision / len(candidates):.0%})"
    )
    missed = [c["key"] for c in claims if c not in found]
    print(f"missed: {missed}")
    print("not in the manifest:", [k.sentence[:60] for k in candidates if k not in real])
    assert recall >= 13, missed
    assert precision >= 12 and len(candidates) <= 16


def test_seed_claim_candidate_fields(seed_draft):
    by_start = {c.sentence[:30]: c for c in seed_draft.claim_candidates}

    def get(prefix):
        return next(c for s, c in by_start.items() if s.startswith(prefix))

    c = get("The eye-watering total")
    assert c.figure == Decimal(12730)
    assert c.claimant == "Defense of Ukraine"  # borrowed from its paragraph
    c = get("It brings the total death toll")
    assert (c.figure, c.claimant) == (Decimal(71200), "Defense of Ukraine")
    c = get("A further 950 soldiers")
    assert (c.figure, c.unit, c.status) == (Decimal(950), "soldiers", "unverified")
    c = get("Defence Minister Sergei Shoigu")
    assert (c.figure, c.unit, c.claimant) == (
        Decimal(300000),
        "people",
        "Defence Minister Sergei Shoigu",
    )
    c = get("Shoigu said 82,000")
    assert c.figure == Decimal(82000)
    assert c.claimant.endswith("Sergei Shoigu")  # surname resolved to the full name
    c = get("He said Russian forces")
    assert c.claimant == "Ukraine’s President Volodymyr Zelensky"  # "He" resolved
    c = get("“In September, Russian")
    assert c.claimant == "Defence HQ"  # a continued quotation keeps its speaker
    c = get("“The integration")
    assert c.claimant == "MoD"  # "It added:" resolved to the last organisation
    assert c.figure == Decimal(2)
    c = get("In one widely-shared video")
    assert c.status == "appears to illustrate"
    c = get("More than 2,000 people")
    assert (c.figure, c.unit) == (Decimal(2000), "people")
    assert all(c.paragraph_index < len(seed_draft.paragraphs) for c in seed_draft.claim_candidates)


# ---------------------------------------------------------------------------------------------
# Credit conventions

CREDIT_CASES = [
    ("Soldiers in Kyiv (Image: GETTY)", "Soldiers in Kyiv", "(Image: GETTY)", "GETTY"),
    ("Soldiers in Kyiv Image: Getty", "Soldiers in Kyiv", "Image: Getty", "Getty"),
    (
        "Troops in Kherson. Photograph: Dan Kitwood/Getty Images",
        "Troops in Kherson.",
        "Photograph: Dan Kitwood/Getty Images",
        "Getty Images",
    ),
    (
        "Recruits at a station. Photograph: Reuters",
        "Recruits at a station.",
        "Photograph: Reuters",
        "Reuters",
    ),
    ("The town hall Photo: Jane Doe", "The town hall", "Photo: Jane Doe", "Jane Doe"),
    ("A parade Picture: PA", "A parade", "Picture: PA", "PA"),
    ("A parade. Credit: Jane Doe", "A parade.", "Credit: Jane Doe", "Jane Doe"),
    ("A parade © Getty Images", "A parade", "© Getty Images", "Getty Images"),
    (
        "A parade © 2022 Reuters. All rights reserved.",
        "A parade",
        "© 2022 Reuters. All rights reserved.",
        "Reuters",
    ),
    (
        "Joe Biden speaks in Washington. Chip Somodevilla/Getty Images",
        "Joe Biden speaks in Washington.",
        "Chip Somodevilla/Getty Images",
        "Getty Images",
    ),
    (
        "A rally. J. R. Smith/AFP via Getty Images",
        "A rally.",
        "J. R. Smith/AFP via Getty Images",
        "AFP via Getty Images",
    ),
    (
        "A tank near Bakhmut. REUTERS/Gleb Garanich",
        "A tank near Bakhmut.",
        "REUTERS/Gleb Garanich",
        "REUTERS",
    ),
    (
        "A tank near Bakhmut. REUTERS/Gleb Garanich/File Photo",
        "A tank near Bakhmut.",
        "REUTERS/Gleb Garanich/File Photo",
        "REUTERS",
    ),
    (
        "Smoke over Kyiv. EPA-EFE/SERGEY DOLZHENKO",
        "Smoke over Kyiv.",
        "EPA-EFE/SERGEY DOLZHENKO",
        "EPA-EFE",
    ),
    (
        "Rescuers in Kramatorsk (AP Photo/Evgeniy Maloletka)",
        "Rescuers in Kramatorsk",
        "(AP Photo/Evgeniy Maloletka)",
        "AP",
    ),
    (
        "Rescuers (AP Photo/Evgeniy Maloletka, File)",
        "Rescuers",
        "(AP Photo/Evgeniy Maloletka, File)",
        "AP",
    ),
    (
        "Image source, Getty Images Image caption, Residents in the square",
        "Residents in the square",
        "Image source, Getty Images",
        "Getty Images",
    ),
    (
        "Residents in the square Image source, Reuters",
        "Residents in the square",
        "Image source, Reuters",
        "Reuters",
    ),
]


@pytest.mark.parametrize(("printed", "caption", "credit_line", "credit"), CREDIT_CASES)
def test_credit_conventions(printed, caption, credit_line, credit):
    assert split_credit(printed) == (caption, credit_line, credit)


@pytest.mark.parametrize(
    "printed",
    [
        "Soldiers in Kyiv",
        "Soldiers in Kyiv (courtesy of the family)",
        # A name/agency with no clean boundary is ambiguous: never guess where the caption ends.
        "Biden in Washington Chip Somodevilla/Getty Images",
        "The ratio is 1/2 of the total",
        "A man/woman walks past",
        "Photo: the scene of the crash. It was big.",
    ],
)
def test_unknown_credit_conventions_leave_the_caption_whole(printed):
    assert split_credit(printed) == (printed, "", "")


def test_unknown_convention_in_text_is_flagged_for_review():
    draft = _fixture("dateline.txt")
    protest = draft.placements[-1]
    assert protest.caption == "A protest outside parliament in London (courtesy of the campaign)"
    assert (protest.credit_line, protest.credit) == ("", "")
    assert protest.needs_review
    assert protest.alt == "A protest outside parliament"


# ---------------------------------------------------------------------------------------------
# Plain text details


def test_text_dateline_byline_and_guardian_credit():
    draft = _fixture("dateline.txt")
    assert draft.headline == "Ministers promise 40,000 new homes"
    assert draft.date.isoformat() == "2022-10-31"
    assert not any(p.startswith(("By Sam", "Published", "READ MORE")) for p in draft.paragraphs)
    estate = draft.placements[0]
    assert (estate.kind, estate.alt, estate.caption, estate.credit_line, estate.credit) == (
        "picture",
        "A housing estate",
        "A housing estate under construction in Leeds.",
        "Photograph: Christopher Furlong/Getty Images",
        "Getty Images",
    )
    statuses = {c.status for c in draft.claim_candidates}
    assert "could not be independently verified" in statuses


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("10:15, Mon, Oct 31, 2022", "2022-10-31"),
        ("31 October 2022", "2022-10-31"),
        ("Published 2022-10-31 10:15 GMT", "2022-10-31"),
        ("Updated: Monday 31st October 2022 11:02 BST", "2022-10-31"),
    ],
)
def test_text_datelines(line, expected):
    draft = parse_article(f"A headline\n\n{line}\n\nA first paragraph of the story.\n")
    assert draft.date.isoformat() == expected
    assert draft.paragraphs == ["A first paragraph of the story."]


def test_dates_inside_paragraphs_are_not_the_publication_date():
    draft = parse_article("A headline\n\nThe war began on 24 February 2022, officials said.\n")
    assert draft.date is None


# ---------------------------------------------------------------------------------------------
# HTML pages in several publishers' styles


def test_bbc_like_image_source_and_caption_prefix():
    draft = _fixture("bbc_like.html")
    assert draft.headline == "Ukraine war: Kherson residents return home"
    assert draft.publication == "BBC News"
    assert draft.date.isoformat() == "2022-11-14"
    assert draft.url == "https://www.example.com/news/world-europe-1"
    first, second = draft.placements
    assert (first.caption, first.credit_line, first.credit) == (
        "Residents gathered in the main square on Saturday",
        "Image source, Getty Images",
        "Getty Images",
    )
    assert first.alt == "Residents of Kherson celebrate in the main square"
    assert first.src.endswith("kherson.jpg")
    assert (second.caption, second.credit_line, second.credit) == (
        "The Antonivskiy bridge was destroyed by retreating Russian forces",
        "Image source, Reuters",
        "Reuters",
    )
    text = " ".join(draft.paragraphs)
    assert "window.__INITIAL_DATA__" not in text and "Related Topics" not in text
    assert "Copyright 2022 BBC" not in text


def test_guardian_like_photograph_credit_json_ld_and_open_graph():
    draft = _fixture("guardian_like.html")
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
    draft = _fixture("wire_like.html")
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
    draft = _fixture("jsonld_media.html")
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
    draft = _fixture("credit_span.html")
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
    draft = _fixture("gallery.html")
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
    draft = _fixture("no_pictures.html")
    assert draft.headline == "Interest rates held at 4%"
    assert draft.placements == []
    assert draft.publication == "Money Daily"
    assert draft.paragraphs[0].startswith("The central bank held")  # byline dropped
    assert [c.figure for c in draft.claim_candidates] == [Decimal(4), Decimal("6.7")]
    assert draft.claim_candidates[1].claimant == "the statistics office"


def test_html_sniffed_without_filename():
    text = (FIXTURES / "gallery.html").read_text(encoding="utf-8")
    draft = parse_article(text)
    assert draft.source_format == "html" and len(draft.placements) == 5


# ---------------------------------------------------------------------------------------------
# Sentences and claims


def test_sentence_splitting_handles_quotes_and_abbreviations():
    text = (
        "Mr. Smith went to Washington. He said: “It is big. Very big.” Then U.S. forces "
        "left. J. Smith agreed! Was it 7.62mm? “Yes.” Fine"
    )
    assert split_sentences(text) == [
        "Mr. Smith went to Washington.",
        "He said: “It is big. Very big.”",
        "Then U.S. forces left.",
        "J. Smith agreed!",
        "Was it 7.62mm?",
        "“Yes.”",
        "Fine",
    ]


def test_claim_rules_on_plain_paragraphs():
    paragraphs = [
        "The weather was pleasant in the capital.",
        "Police said 1,200 people had been evacuated, according to the fire service.",
        "She added: “We have never seen anything like this in forty years of service.”",
        "Footage shared online appears to show the bridge collapsing.",
        "The report could not be independently verified.",
        "Dr. Jones, the chief medical officer, told reporters that 35 patients were treated.",
    ]
    candidates = extract_claim_candidates(paragraphs)
    sentences = [c.sentence for c in candidates]
    assert paragraphs[0] not in sentences
    police = candidates[0]
    assert (police.figure, police.unit, police.claimant) == (
        Decimal(1200),
        "people",
        "the fire service",
    )
    assert candidates[1].paragraph_index == 2
    assert candidates[2].status == "appears to show"
    assert candidates[3].status == "could not be independently verified"
    jones = candidates[4]
    assert (jones.figure, jones.unit, jones.claimant) == (Decimal(35), "patients", "Dr. Jones")


# ---------------------------------------------------------------------------------------------
# Hostile input


def test_a_20_mb_page_is_refused_quickly():
    page = b"<html><body><p>" + b"a" * (20 * 1024 * 1024) + b"</p></body></html>"
    start = time.monotonic()
    with pytest.raises(ArticleParseError, match="too large"):
        parse_article(page, filename="big.html")
    with pytest.raises(ArticleParseError, match="too large"):
        parse_article(page.decode("ascii"))
    assert time.monotonic() - start < 2
    assert MAX_SOURCE_BYTES == 10 * 1024 * 1024


def test_a_large_page_under_the_limit_parses():
    rows = "".join(
        f"<p>Paragraph {i}: officials said 1,000 soldiers were killed.</p>"
        f'<figure><img src="i{i}.jpg" alt="Alt {i}"><figcaption>Caption {i} (Image: GETTY)'
        f"</figcaption></figure>"
        for i in range(6000)
    )
    start = time.monotonic()
    draft = parse_article(f"<html><body><h1>Big</h1>{rows}</body></html>")
    assert time.monotonic() - start < 20
    assert len(draft.placements) == 6000
    assert any("claim candidates were proposed from the first" in w for w in draft.warnings)


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
