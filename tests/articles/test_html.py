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
        ("REUTERS/Gleb Garanich", "Reuters"),  # credits name known agencies canonically
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
        ("Marathon", "Runners cross the bridge.", "Image: PA", "PA Media"),
        ("Kite", "A kite festival", "(Image: Getty)", "Getty Images"),
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
        "Getty Images",
        "A",
    )
    text = parse_article("Headline\n\nAlt\n\nAlt <script>alert(1)</script>caption (Image: X)\n")
    assert text.placements[0].caption == "Alt caption"
    for d in (parse_article(page), text):
        for pl in d.placements:
            for value in (pl.caption, pl.alt, pl.title, pl.credit_line):
                assert "<" not in value and "alert" not in value


# ---------------------------------------------------------------------------------------------
# Page furniture: pictures left out of the placements, with their reason


def left_out_of(draft) -> list[tuple[str, str]]:
    return [(item.reason, item.src.rsplit("/", 1)[-1]) for item in draft.left_out]


def test_author_headshots_byline_pictures_and_bios_are_left_out():
    draft = parse_fixture("furniture_avatars.html")
    (story,) = draft.placements
    assert story.caption == "People fill bottles at a standpipe in Kyiv on Monday."
    assert left_out_of(draft) == [
        ("author's picture", "Shaun-Walker.png?width=180&dpr=2"),  # a headshot in the meta block
        ("author's picture", "sauer.jpg"),  # hashed classes: its alt names an author
        ("author's picture", "230110-jane-doe.jpg?c=1x1"),  # CNN's byline__image
        ("author's picture", "jane-doe-square.jpg"),  # an author bio
    ]
    assert draft.left_out[0].alt == "Shaun Walker"
    assert not any("correspondent based in Kyiv" in p for p in draft.paragraphs)


def test_adverts_are_left_out_by_slot_names_and_printed_label():
    draft = parse_fixture("furniture_adverts.html")
    (story,) = draft.placements
    assert (story.caption, story.credit_line, story.credit) == (
        "Firefighters battled the blaze near Mandra on Tuesday.",
        "Credit...Louisa Gouliamaki/Reuters",
        "Reuters",
    )
    assert left_out_of(draft) == [
        ("advertisement", "sun-cream-970x250.jpg"),  # NYT: hashed classes, "Advertisement"
        ("advertisement", "holidays-300x250.png"),  # class "ad-slot"
        ("advertisement", "watch.jpg"),  # id "div-gpt-ad-..."
        ("advertisement", "boiler.jpg"),  # "sponsored-content"
    ]
    assert "Advertisement" not in draft.paragraphs


def test_teasers_for_other_stories_are_left_out():
    draft = parse_fixture("furniture_teasers.html")
    (story,) = draft.placements
    assert story.src.endswith("energy-bills-1790001.jpg")
    reasons = {item.reason for item in draft.left_out}
    assert reasons == {"teaser for another story"}
    assert [item.src.rsplit("/", 1)[-1] for item in draft.left_out] == [
        "british-gas-van-1789555.jpg",  # Express "READ MORE" teaser
        "winter-fuel-1788001.jpg",  # "More on this story", hashed class names
        "beach-1787777.jpg",  # a card whose only sign is its link to another article
        "gas-storage.jpg?width=320",  # Reuters media-story-card
        "anti-ageing.jpg",  # Outbrain
        "pension-1786001.jpg",  # "Most Read" beside the article
    ]
    assert draft.left_out[1].caption == "Winter fuel payment: who gets it"
    assert draft.left_out[2].caption == "A crowded beach"


def test_share_images_logos_icons_small_pictures_and_newsletters_are_left_out():
    draft = parse_fixture("furniture_share_logos.html")
    (story,) = draft.placements
    assert story.caption == "La rivière en crue à Alès (Gard), le 19 octobre 2023."
    assert left_out_of(draft) == [
        # og:image is not in the body; twitter:image is the story's picture: not listed
        ("share image, not in the article", "share-inondations-gard.jpg"),
        ("logo or icon", "logo-journal.png"),
        ("logo or icon", "picto-alerte.png"),
        ("too small to be a news picture", "tiny-map.jpg"),
        ("newsletter sign-up", "newsletter-matin.jpg"),
        ("logo or icon", "groupe-logo.png"),  # in the page's footer
    ]  # the tracking pixel is left out silently
    assert draft.left_out[0].alt == "Une route inondée dans le Gard"


def test_story_pictures_galleries_and_uncaptioned_pictures_are_kept():
    draft = parse_fixture("story_pictures_kept.html")
    assert draft.left_out == []
    passau, *gallery, gauge = draft.placements
    assert passau.src.endswith("hochwasser-passau.jpg")  # class "media-figure", linked to its
    assert passau.caption.startswith("Die Altstadt von Passau am Montag.")  # large size
    assert [p.caption.split(".")[0] for p in gallery] == [
        "Feuerwehrleute füllen Sandsäcke in Regensburg",
        "Ein Boot in einer überfluteten Straße",
        "Helfer verstärken einen Damm",
    ]  # the "1 of 3" counters are not part of the captions
    assert (gauge.alt, gauge.caption, gauge.credit_line) == ("Pegel der Donau", "", "")
    assert gauge.needs_review and "no caption or credit printed beside it" in gauge.notes


def test_video_players_are_videos_not_pictures():
    draft = parse_fixture("videos.html")
    got = [(p.kind, p.caption, p.credit_line) for p in draft.placements]
    assert got == [
        ("video", "Watch: Police use water cannon on protesters", ""),  # "Media caption, "
        ("video", "Protesters outside parliament on Tuesday night", "(Video: Reuters)"),
        ("video", "Riot police on Rustaveli Avenue.", "Video: Meduza"),  # data-video-id
    ]
    assert draft.placements[1].src == "https://www.youtube.com/embed/abc123"
    assert draft.left_out == []


def test_left_out_items_are_deduplicated_in_page_order():
    page = """<html><head><meta property="og:image" content="https://x.example/a/lead-photo.jpg">
    </head><body><article><h1>H</h1>
    <div class="ad-slot"><img src="https://ads.example/b.jpg" alt="Ad"></div>
    <figure><img src="https://x.example/a/lead-photo.jpg?w=800" alt="Lead">
    <figcaption>The lead. Photo: A B</figcaption></figure><p>Body text here.</p>
    <div class="ad-slot"><img src="https://ads.example/b.jpg" alt="Ad"></div>
    </article></body></html>"""
    draft = parse_article(page, filename="p.html")
    assert [p.caption for p in draft.placements] == ["The lead."]
    assert [(i.reason, i.src) for i in draft.left_out] == [
        ("advertisement", "https://ads.example/b.jpg")
    ]


def test_a_printed_credit_line_names_the_source_and_creator():
    page = (
        "<html><body><article><h1>Border</h1><figure><img src='https://x.example/a.jpg'>"
        "<figcaption>Lorries queue at the border. Photograph: Jane Doe/AFP via Getty Images"
        "</figcaption></figure><figure><img src='https://x.example/b.jpg'><figcaption>"
        "Troops near Bakhmut <span class='credit'>REUTERS/Gleb Garanich/File Photo</span>"
        "</figcaption></figure><p>Body text of the story.</p></article></body></html>"
    )
    first, second = parse_article(page, filename="a.html").placements
    assert (first.credit, first.source, first.creator) == ("Getty Images", "AFP", "Jane Doe")
    assert (second.credit, second.source, second.creator) == ("Reuters", "", "Gleb Garanich")


def test_a_labelled_box_whose_figure_links_to_another_story_and_sponsored_widgets_are_left_out():
    from archive.articles import parse_article

    story = "<p>The council said on Tuesday that repairs would take a week to finish.</p>"
    page = f"""<html><body><article><h1>Bridge</h1>{story}
    <figure><img src="/img/bridge.jpg" alt="Bridge"><figcaption>Crews repair the bridge.
    Photo: Reuters</figcaption></figure>{story}
    <aside><strong>See also</strong><figure><a href="/city/tram-fares-rise-1.4821"><img
    src="/img/tram.jpg" alt=""></a><figcaption>Tram fares rise again (Photo: AFP)</figcaption>
    </figure></aside>
    <div class="plista-widget"><img src="/img/w.jpg" alt=""><p>Ten photos you must see</p></div>
    {story}</article></body></html>"""
    draft = parse_article(page, filename="a.html", url="https://news.example/city/bridge-1.4820")
    assert [p.caption for p in draft.placements] == ["Crews repair the bridge."]
    assert [item.reason for item in draft.left_out] == ["teaser for another story"] * 2


def test_a_script_filled_player_with_a_running_time_is_a_video():
    """A JW Player box holds no <video>: its poster is a background, its title and running
    time are text. Its controls say it is a player; the caption printed under it is its own."""
    from archive.articles import parse_article

    story = "<p>" + "The lighthouse reopened to visitors on Friday after repairs. " * 3 + "</p>"
    page = f"""<html><body><article><h1>Lighthouse</h1>{story}
      <div class="clip">
        <div class="jw-player-box" data-media-id="Ab12Cd34">
          <div class="jw-preview" style="background-image:url(/poster.jpg)"></div>
          <span class="jw-title">Inside the restored lighthouse lamp room</span>
          <span class="jw-duration">02:05</span>
        </div>
        <p class="clip-caption">Visitors climb to the lamp room on reopening day</p>
      </div>{story}</article></body></html>"""
    (video,) = parse_article(page.encode(), filename="lighthouse.html").placements
    assert (video.kind, video.caption) == (
        "video",
        "Visitors climb to the lamp room on reopening day",
    )


def test_a_video_title_in_an_element_named_for_it_is_the_videos_caption():
    """An embed box printing its title in `<p class="clip-title">` above the player's iframe:
    one video, captioned with that title (not an untitled player and a stray line)."""
    from archive.articles import parse_article

    story = "<p>" + "The marathon closed roads across the city centre on Sunday. " * 3 + "</p>"
    page = f"""<html><body><article><h1>Marathon</h1>{story}
      <div class="story-video-embed"><p class="clip-title">Runners cross the finish line at City Hall</p>
        <iframe src="https://www.youtube.com/embed/zzTest01" title="YouTube video player">
        </iframe></div>{story}</article></body></html>"""
    (video,) = parse_article(page.encode(), filename="marathon.html").placements
    assert (video.kind, video.caption) == ("video", "Runners cross the finish line at City Hall")
