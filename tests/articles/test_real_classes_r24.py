"""Classes of real newsrooms' pages (round 24, tuned on `tests/fixtures/articles/real`), each
on markup written here: other words, other sites' conventions of the same structure.
"""

from __future__ import annotations

import datetime

import lxml.html
import pytest

from archive.articles import parse_article
from archive.articles.html_affiliates import is_affiliate_link
from archive.articles.html_dates import published_meta_date, zoned_iso_date
from archive.articles.html_lazy import frame_src
from archive.articles.html_players import without_running_time
from archive.articles.html_styles import hidden_by_style, loader_file, style_pixels

_STORY = (
    "<p>The harbour board voted on Tuesday to extend the pier by 120 metres, its chair said,"
    " after a winter in which storms closed the ferry terminal on eleven days.</p>"
    "<p>Fishermen on the quay welcomed the plan but asked how the works would be paid for,"
    " and whether the old crane would stay where it has stood since the war.</p>"
)


def _page(body: str, head: str = "") -> str:
    return (
        f"<html><head><title>Pier to grow</title>{head}</head><body>"
        f"<h1>Pier to grow by 120 metres</h1>{body}</body></html>"
    )


def _draft(body: str, head: str = ""):
    return parse_article(_page(body, head), filename="page.html")


# --- A figure inside a link to another story is a teaser card -------------------------------


def test_figure_inside_link_to_other_story_is_teaser():
    draft = _draft(
        "<article>"
        '<figure><img src="/img/pier-lead.jpg" alt="">'
        "<figcaption>The pier at low tide.</figcaption></figure>"
        f"{_STORY}"
        '<section class="top-reads"><h2>Top reads</h2><ol>'
        '<li><div><a href="/stories/ferry-fares-rise"><figure class="thumb">'
        '<img src="/img/ferry.jpg" alt="Ferry fares rise again"></figure>'
        "<strong>Ferry fares rise again</strong></a></div></li>"
        '<li><div><a href="/stories/crane-listed"><figure class="thumb">'
        '<img src="/img/crane.jpg" alt="Old crane may be listed"></figure>'
        "<strong>Old crane may be listed</strong></a></div></li>"
        "</ol></section></article>"
    )
    assert [p.caption for p in draft.placements] == ["The pier at low tide."]
    assert {item.src.rsplit("/", 1)[-1] for item in draft.left_out} >= {"ferry.jpg", "crane.jpg"}


def test_figure_linking_to_its_own_file_stays():
    draft = _draft(
        f"<article>{_STORY}"
        '<a href="/media/full/quay.jpg"><figure><img src="/media/quay.jpg" alt="">'
        "<figcaption>The quay at dawn. Photo: Ana Ruiz</figcaption></figure></a></article>"
    )
    assert [p.caption for p in draft.placements] == ["The quay at dawn."]


# --- Sizes given in the inline style ---------------------------------------------------------


def test_style_pixels_reads_px_only():
    el = lxml.html.fragment_fromstring('<img style="width: auto; HEIGHT:24px">')
    assert style_pixels(el, "height") == 24
    assert style_pixels(el, "width") is None
    pct = lxml.html.fragment_fromstring('<img style="width:100%">')
    assert style_pixels(pct, "width") is None


def test_picture_sized_small_in_its_style_is_no_placement():
    draft = _draft(
        f"<article>{_STORY}"
        '<h3><img src="/pic/partner-mark-7.png" style="height:26px;width:auto" alt="Partner">'
        "Partner daily</h3>"
        '<img src="/pic/pier-works.jpg" style="width:640px" alt="">'
        "</article>"
    )
    assert [p.src.rsplit("/", 1)[-1] for p in draft.placements] == ["pier-works.jpg"]


def test_hidden_by_style():
    hidden = lxml.html.fragment_fromstring('<div style="color:red; display : none">x</div>')
    shown = lxml.html.fragment_fromstring('<div style="display:block">x</div>')
    assert hidden_by_style(hidden) and not hidden_by_style(shown)


# --- Logos: a picture linking to a front page, the page's own declared icon ------------------


def test_picture_linking_to_a_front_page_is_a_logo():
    draft = _draft(
        f'<div class="masthead"><a href="https://www.harbour-news.example/">'
        '<img src="/static/hn-2.jpg"></a></div>'
        f'<div class="story">{_STORY}<img src="/photos/pier.jpg" alt=""></div>'
        '<div class="bottom"><a href="https://group.example"><img src="/static/g1.png"></a></div>'
    )
    assert [p.src.rsplit("/", 1)[-1] for p in draft.placements] == ["pier.jpg"]


def test_picture_of_the_declared_touch_icon_is_a_logo():
    draft = _draft(
        f'<div style="display:none"><img src="/static/share-mark.jpg"></div>'
        f'<div class="story">{_STORY}<img src="/photos/pier.jpg" alt=""></div>',
        head='<link rel="apple-touch-icon" href="/static/share-mark.jpg">',
    )
    assert [p.src.rsplit("/", 1)[-1] for p in draft.placements] == ["pier.jpg"]


# --- A player's box: its headline, and a running time before its credit ----------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("12:04 - Source: Harbour TV", "Source: Harbour TV"),
        ("1:02:33 | Video: Ana Ruiz", "Video: Ana Ruiz"),
        ("04:10", ""),
        ("Source: Harbour TV", "Source: Harbour TV"),
    ],
)
def test_running_time_is_not_the_credit_line(line, expected):
    assert without_running_time(line, "")[0] == expected


def test_player_headline_and_credit_after_its_running_time():
    draft = _draft(
        "<article>"
        '<div class="clip-player" data-video-id="harbour/2026/pier-vote" '
        'data-headline="Watch the harbour board vote on the pier">'
        '<div class="clip-player__meta"><span class="clip-player__credit">'
        "<span>07:41</span><span> - Source: Harbour TV</span></span></div></div>"
        f"{_STORY}</article>"
    )
    videos = [p for p in draft.placements if p.kind == "video"]
    assert len(videos) == 1
    assert videos[0].caption == "Watch the harbour board vote on the pier"
    assert videos[0].credit_line == "Source: Harbour TV"


# --- Dates declared under a page's own meta names -------------------------------------------


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ('<meta name="publishdate" content="2025-03-09">', datetime.date(2025, 3, 9)),
        (
            '<meta name="story_date_original" content="Sunday, March 9, 2025, 8:15 AM">',
            datetime.date(2025, 3, 9),
        ),
        (
            '<meta name="ce:recs:publishtime" content="2025-03-09T06:00:00Z">',
            datetime.date(2025, 3, 9),
        ),
        ('<meta name="story_date_updated" content="2025-04-01">', None),
        ('<meta name="epoch-publish-date" content="1741500000000">', None),
        ('<meta name="publishid" content="2025.03.09.1">', None),
    ],
)
def test_published_meta_date(meta, expected):
    root = lxml.html.document_fromstring(f"<html><head>{meta}</head><body>x</body></html>")
    assert published_meta_date(root) == expected


def test_page_date_from_meta_of_its_own_naming():
    draft = _draft(
        f"<div>{_STORY}</div>", head='<meta name="story_date_original" content="2025-03-09">'
    )
    assert draft.date == datetime.date(2025, 3, 9)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-06-30T21:05:00CEST", datetime.date(2024, 6, 30)),
        ("2024-06-30", datetime.date(2024, 6, 30)),
        ("30 June 2024", None),
    ],
)
def test_zoned_iso_date(value, expected):
    assert zoned_iso_date(value) == expected


def test_json_ld_date_with_zone_abbreviation():
    head = (
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        '"@type":"NewsArticle","headline":"Pier to grow",'
        '"datePublished":"2024-06-30T21:05:00CEST"}</script>'
    )
    assert _draft(f"<article>{_STORY}</article>", head).date == datetime.date(2024, 6, 30)


# --- Hover thumbnails in small styled boxes; loaders' spinners -------------------------------


def test_picture_in_a_small_styled_box_is_no_placement():
    draft = _draft(
        "<article>"
        '<div class="slides"><img src="/g/quay-1-large.jpg" alt="" width="640" height="360">'
        "<cite>Boats at the quay.</cite></div>"
        f"{_STORY}"
        '<div class="pager"><span onmouseover="peek(1)">'
        '<div style="position:absolute;width:48px;height:48px;display:none">'
        '<img src="/g/quay-1-tiny.jpg"></div>1</span></div></article>'
    )
    assert [p.src.rsplit("/", 1)[-1] for p in draft.placements] == ["quay-1-large.jpg"]


@pytest.mark.parametrize(
    ("src", "loader"),
    [
        ("/images/ajax-loader.gif", True),
        ("https://cdn.example/img/spinner.svg", True),
        ("/static/loading.png?v=2", True),
        ("/imagenes/comun/preload.gif", True),
        ("/photos/loading-bay.jpg", False),
        ("/photos/blank-verse-poet.jpg", False),
    ],
)
def test_loader_file(src, loader):
    assert loader_file(src) is loader


def test_loader_spinner_is_no_placement():
    draft = _draft(
        f'<article>{_STORY}<div id="search-wait"><img alt="Please wait" '
        'src="/static/ajax-loader.gif"></div></article>'
    )
    assert draft.placements == []


# --- Lazy-loaded embeds ----------------------------------------------------------------------


def test_frame_src_reads_a_lazy_loaders_attribute():
    frame = lxml.html.fragment_fromstring(
        '<iframe src="about:blank" data-rocket-src="https://clips.twitch.tv/embed?clip=Abc">'
        "</iframe>"
    )
    assert frame_src(frame) == "https://clips.twitch.tv/embed?clip=Abc"
    plain_frame = lxml.html.fragment_fromstring('<iframe src="https://x.example/e"></iframe>')
    assert frame_src(plain_frame) == "https://x.example/e"


def test_lazy_loaded_clip_embed_is_a_video():
    draft = _draft(
        f"<article>{_STORY}"
        '<figure class="embed"><div class="embed__wrapper">'
        '<iframe src="about:blank" data-lazy-src="https://clips.twitch.tv/embed?clip=PierCam"'
        ' width="640" height="360"></iframe></div></figure></article>'
    )
    assert [(p.kind, p.src) for p in draft.placements] == [
        ("video", "https://clips.twitch.tv/embed?clip=PierCam")
    ]


# --- Affiliate pictures and figures of tables ------------------------------------------------


@pytest.mark.parametrize(
    ("link", "sells_it"),
    [
        ('<a href="https://amzn.to/3xYz">', True),
        ('<a href="https://www.amazon.de/dp/B0ABCDEFGH?tag=x-21">', True),
        ('<a href="https://shop.example/boots" rel="sponsored nofollow">', True),
        ('<a href="https://www.amazon.com/stores/page/ABC">', False),
        ('<a href="/media/full/pier.jpg">', False),
    ],
)
def test_is_affiliate_link(link, sells_it):
    assert is_affiliate_link(lxml.html.fragment_fromstring(link + "x</a>")) is sells_it


def test_affiliate_product_picture_is_an_advert():
    draft = _draft(
        "<article>"
        '<figure><img src="/img/pier.jpg" alt=""><figcaption>The pier. Photo: Ana Ruiz'
        "</figcaption></figure>"
        f"{_STORY}"
        '<figure class="wp-block-image"><a href="https://amzn.to/4Rod"><img '
        'src="/img/fishing-rod.jpg" alt="A carbon rod"></a>'
        "<figcaption>Credit: Rodmakers</figcaption></figure>"
        '<figure class="wp-block-table"><table><tr><td><strong>BUY NOW:</strong> '
        '<a href="https://amzn.to/4Rod">Carbon fishing rod, 3 m</a></td></tr></table></figure>'
        "</article>"
    )
    assert [p.caption for p in draft.placements] == ["The pier."]
    assert any(item.src.endswith("fishing-rod.jpg") for item in draft.left_out)


# --- A story's paragraph marked with a furniture word ----------------------------------------


def test_metered_paragraphs_are_the_story():
    draft = _draft(
        "<article><p>The harbour board met on Tuesday.</p>"
        '<p class="metered-paywall">Its chair said the pier would grow by 120 metres after a'
        " winter in which storms closed the ferry terminal on eleven days, and that the works"
        " would start in spring.</p>"
        '<div class="paywall-offer"><p>Subscribe for 1 euro a month to read every story'
        " we publish, on every device, with no advertising at all in the app.</p></div>"
        "</article>"
    )
    assert any("grow by 120 metres" in p for p in draft.paragraphs)
    assert not any("Subscribe" in p for p in draft.paragraphs)


def test_qr_code_for_the_app_is_no_placement():
    draft = _draft(
        f'<article>{_STORY}<div class="get-app"><img src="/static/img/qrcode-android.png">'
        "<span>Scan to read us on the go</span></div></article>"
    )
    assert draft.placements == []


# --- The headline's box a few levels above the <article> -------------------------------------


def _deep_page(extra: str = "") -> str:
    return (
        "<html><head><title>Pier</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>'
        '<div class="layout"><div class="story-top">'
        '<header><ul class="crumbs"><li><a href="/local">Local</a></li></ul>'
        "<h1>Pier to grow by 120 metres</h1></header>"
        '<div class="lead"><figure><img src="/img/pier-lead.jpg" alt="">'
        "<figcaption>The pier at low tide. Photo: Ana Ruiz</figcaption></figure></div>"
        f'{extra}<div class="cols"><div class="col"><article>{_STORY}</article></div></div>'
        "</div></div>"
        '<footer><img src="/img/footer-banner.jpg" alt=""></footer></body></html>'
    )


def test_lead_picture_under_a_headline_boxed_above_the_article():
    draft = parse_article(_deep_page(), filename="page.html")
    assert [p.caption for p in draft.placements] == ["The pier at low tide."]


def test_no_lift_over_a_box_holding_an_aside():
    extra = '<aside class="rail"><p>Most read today</p></aside>'
    draft = parse_article(_deep_page(extra), filename="page.html")
    assert draft.placements == []


# --- A paragraph that is one link to another story; text for screen readers ----------------


def test_paragraph_that_is_only_a_link_elsewhere_is_no_story_text():
    draft = _draft(
        f"<article>{_STORY}"
        '<p><a href="/2026/03/ferries/fares.html">7 ways to save on ferry fares</a></p>'
        '<p>The board meets again in <a href="/board">May</a> to approve 3 contracts.</p>'
        "</article>"
    )
    assert not any("ferry fares" in p for p in draft.paragraphs)
    assert any("approve 3 contracts" in p for p in draft.paragraphs)


def test_screen_reader_label_is_not_part_of_the_credit_line():
    draft = _draft(
        "<article>"
        '<figure><span class="photo-and-copyright-box"><img src="/img/pier.jpg" alt="">'
        '<span class="visually-hidden">Ffynhonnell y llun</span>'
        '<span class="photo-copyright">Ana Ruiz</span></span>'
        "<figcaption>The pier at low tide</figcaption></figure>"
        f"{_STORY}</article>"
    )
    assert [p.credit_line for p in draft.placements] == ["Ana Ruiz"]


# --- A credit marked by its copyright sign in an unnamed element of the caption box ----------


def test_copyright_signed_element_is_the_credit_line():
    draft = _draft(
        f"<div>{_STORY}"
        '<div class="pic-wide"><a href="/pics/full/quay.jpg"><img src="/pics/quay.jpg" alt="">'
        '</a><div class="pic-caption"><span class="small">© Marta Oliva/Harbour Trust</span>'
        '<br><span class="words">Nets drying on the quay in March</span></div></div></div>'
    )
    assert [(p.caption, p.credit_line) for p in draft.placements] == [
        ("Nets drying on the quay in March", "© Marta Oliva/Harbour Trust")
    ]


# --- A box named both caption and credit beside a box named credit alone ---------------------


def test_double_named_caption_beside_its_credit_is_the_caption():
    draft = _draft(
        "<article>"
        '<div class="photo"><div class="photo__frame"><img src="/img/two.jpg" alt=""></div>'
        '<div class="photo__meta"><div class="photo__caption attribution">'
        "<span>Marta Oliva and Joan Serra</span></div>"
        '<figcaption class="photo__credit">Harbour Trust/Pool</figcaption></div></div>'
        f"{_STORY}</article>"
    )
    assert [(p.caption, p.credit_line) for p in draft.placements] == [
        ("Marta Oliva and Joan Serra", "Harbour Trust/Pool")
    ]


# --- A picture a script draws into a placeholder element -------------------------------------


def test_picture_drawn_by_script_into_a_placeholder():
    draft = _draft(
        '<div class="story"><div class="lead-art"><span class="jsimg photo-wide" '
        'data-image="https://media.example/pics/pier-main.jpg">pier.JPG</span></div>'
        '<div class="Caption">The pier at low tide. <em>(Reuters)</em></div>'
        f"{_STORY}"
        '<span class="jsimg byline-avatar" data-image="/pics/desk.png">Desk</span></div>'
    )
    assert [(p.src, p.caption, p.credit_line) for p in draft.placements] == [
        ("https://media.example/pics/pier-main.jpg", "The pier at low tide.", "(Reuters)")
    ]
    assert any(item.src.endswith("/pics/desk.png") for item in draft.left_out)


# --- The short points of a list a paragraph announces ----------------------------------------


def test_short_points_of_an_announced_list_are_story_text():
    draft = _draft(
        f"<div>{_STORY}<p>The board's other decisions include:</p>"
        "<ul><li>Ferry fares rise by 4 per cent in May.</li>"
        "<li>The old crane is kept.</li></ul>"
        '<ul><li><a href="/news/ferries">Ferries: all our coverage</a></li></ul></div>'
    )
    assert "Ferry fares rise by 4 per cent in May." in draft.paragraphs
    assert "The old crane is kept." in draft.paragraphs
    assert not any("all our coverage" in p for p in draft.paragraphs)


def test_dateline_with_its_label_in_an_element_of_its_own():
    draft = _draft(
        f'<div class="story"><div class="datestamp"><span class="stamp-label">Diweddarwyd</span>'
        f" 9 March 2025, 08:15 GMT</div>{_STORY}</div>"
    )
    assert draft.date == datetime.date(2025, 3, 9)


# --- A heading ends a picture's neighbourhood --------------------------------------------------


def test_credit_box_after_a_heading_is_not_the_last_pictures():
    draft = _draft(
        '<div class="post">'
        f'{_STORY}<div class="sep"><img src="/pics/pier-6.jpg" alt=""></div>'
        "<h3>Elsewhere on the site</h3>"
        '<div class="copyright-area">Made by Harbour Themes | Hosted by Quay Ltd</div></div>'
    )
    assert [(p.src.rsplit("/", 1)[-1], p.credit_line) for p in draft.placements] == [
        ("pier-6.jpg", "")
    ]


# --- A counter's beacon hidden by its own style; the site's clock in its header -------------


def test_hidden_beacon_is_no_placement():
    draft = _draft(
        f'<div class="story">{_STORY}</div>'
        '<img class="stats-counter" src="/count/b" alt="" style="display: none;">'
    )
    assert draft.placements == []


def test_hidden_gallery_slide_with_alt_text_stays():
    draft = _draft(
        "<article><div class='slides'>"
        '<img src="/g/a.jpg" alt="Boats at the quay" width="640" height="360">'
        '<img src="/g/b.jpg" alt="Nets on the quay" width="640" height="360" '
        'style="display:none"></div>'
        f"{_STORY}</article>"
    )
    assert [p.src.rsplit("/", 1)[-1] for p in draft.placements] == ["a.jpg", "b.jpg"]


def test_date_in_the_site_header_is_not_the_storys():
    draft = _draft(
        '<div id="top-header"><div class="today-date">Tue, 2 Sep 2025</div></div>'
        f'<div class="story">{_STORY}</div>'
    )
    assert draft.date is None
