"""Classes of round 24s (placement recall and credits on real2's pages), each on snippets
written here in other words and other markup of the same convention.

1. A picture printed only in `<noscript>` (inside a `<picture>` a script fills, or beside a
   loader's `<img>` with no address) is a placement; a script's `<noscript>` advert or
   tracking pixel is not, nor a fallback repeating a lazy picture already printed.
2. A box named for pictures holding one picture and one short plain `<p>` under it (DW's
   "picBox"): the paragraph is the caption, not body text.
3. A gallery whose slides are all in the HTML (a list in a box named for a gallery or
   slideshow, one picture per item): one placement per slide, its caption the slide's
   headings and text, less the gallery title every slide repeats and the author's line.
4. A Creative Commons licence as the credit: alone ("CC-BY-SA 2.0", closing a caption) it is
   the credit line and the credit; beside a name ("Foto: CC-BY-NC 2.0 Name") the name.
5. A `<cite>` in a picture's `<figure>` beside its caption is the picture's credit; one under
   a quotation is not.
6. A control that reveals the caption (a `<label>`/`<input>` named "reveal-caption", its
   icon) is not the caption: the `<figcaption>` after it is.
7. A credit closed by "files"/"file" after the house ("Name/Reuters files", "Postmedia News
   files"): the house is credited, the name before it its photographer.
8. Dates, when the page declares none: a date in a teaser of another story (inside its link)
   is not the page's; a facts list's labelled date ("<li><strong>Date</strong> …</li>",
   "<dt>Datum</dt><dd>…</dd>") is; so is the date of the header box above the `<article>`.
9. A lazy loader's blurred preview (`src` asking "w=20", in a box named "lazy…") is the
   story's picture, not a small one; a `<figcaption>` right after its `<figure>` is its
   caption, unless it is only the gallery's label ("Slideshow (14 Images)").
10. A GIF placeholder in `src` with the picture in a loader's own `data-…-src`
    ("data-retina-src") is that picture; a picture linked to a page under the article's own
    address (its picture page) is the story's, not a teaser.
11. An interactive chart a chart service draws (Infogram's or Flourish's embed `<div>`, a
    Datawrapper `<iframe>`) is a picture placement, with its figure's caption if printed.
12. A separator glyph in its own element between a caption and its credit element ("•") is
    neither's.
13. A player a script builds from hidden inputs (`player_type` "video", a `.mp4` file) is a
    video placement, its caption the title its box prints (not a hidden share box's).
14. A `<picture>` whose `<img>` has no address shows its `<source srcset>`'s picture; a
    split picture's credit line ("Left Image: X, Right Image: Y") credits the first side.
15. A river of whole stories (three `<article>`s or more) opened at one: the story is the
    `<article>` whose id is the address's last word (or whose headline is the declared
    title), not the longest; its "related" list of pictured blurbs is furniture even when
    its blurbs are long.
"""

from __future__ import annotations

from datetime import date

import lxml.html
import pytest

from archive.articles import parse_article
from archive.articles.caption_credits import read_caption
from archive.articles.credit_lines import read_credit_line
from archive.articles.draft import KIND_PICTURE, KIND_VIDEO
from archive.articles.figure_cites import is_figure_cite

_STORY = (
    "<p>Rangers counted the nesting seabirds on the island for a third week, and said the "
    "colonies had grown since the rats were cleared from the cliffs two winters ago.</p>"
)


def _page(body: str):
    page = (
        '<html><head><meta property="og:site_name" content="Coast Weekly"></head><body>'
        f"<article><h1>Seabirds return to the cliffs</h1>{_STORY}{body}{_STORY}</article>"
        "</body></html>"
    )
    return parse_article(page.encode(), filename="seabirds.html")


# 1. Pictures printed only in <noscript>.


def test_picture_only_in_noscript_inside_picture_is_a_placement():
    draft = _page(
        '<div class="photo-block"><picture class="responsive"><noscript>'
        '<img src="/media/puffins-900.jpg" alt="Puffins on the ledge"/></noscript>'
        "<script>loadPicture(this)</script></picture>"
        '<div class="photo-block__caption">Puffins on the north ledge in May.</div>'
        '<div class="photo-block__credit">Photo: Mari Lund</div></div>'
    )
    assert len(draft.placements) == 1
    placement = draft.placements[0]
    assert placement.kind == KIND_PICTURE
    assert placement.src.endswith("/media/puffins-900.jpg")
    assert placement.caption == "Puffins on the north ledge in May."


def test_noscript_beside_a_loader_img_without_address_is_the_picture():
    draft = _page(
        '<figure><img class="lazy" alt=""/><noscript><img src="/media/gannet.jpg" '
        'alt="A gannet"/></noscript><figcaption>A gannet over the bay. Photo: Ole Berg'
        "</figcaption></figure>"
    )
    assert len(draft.placements) == 1
    assert draft.placements[0].src.endswith("/media/gannet.jpg")
    assert draft.placements[0].credit_line == "Photo: Ole Berg"


def test_noscript_repeating_a_lazy_picture_is_not_a_second_placement():
    draft = _page(
        '<figure><img class="lazyload" data-src="/media/tern.jpg" alt="A tern"/>'
        '<noscript><img src="/media/tern.jpg" alt="A tern"/></noscript>'
        "<figcaption>A tern on the shingle. Photo: Ole Berg</figcaption></figure>"
    )
    assert len(draft.placements) == 1


def test_noscript_advert_after_a_script_is_no_placement():
    draft = _page(
        '<div class="ad-slot"><script>writeBanner()</script><noscript><a href="/click">'
        '<img src="https://ads.example.net/banner.php?zone=4" alt="Advert"/></a></noscript>'
        "</div>"
    )
    assert draft.placements == []


# 2. A picture box's lone plain paragraph under its picture is the caption.


def test_plain_paragraph_in_a_picture_box_is_the_caption():
    draft = _page(
        '<div class="photoFrame wide"><a class="zoom" href="#"><img src="/media/cliff.jpg" '
        'alt="Cliff (Coast Weekly/A. Holm)"/></a><p>The west cliff after the storm</p></div>'
    )
    assert len(draft.placements) == 1
    assert draft.placements[0].caption == "The west cliff after the storm"
    assert all("west cliff after" not in p for p in draft.paragraphs)


def test_picture_box_paragraph_ending_in_a_credit_gives_the_credit_line():
    draft = _page(
        '<div class="image-box"><img src="/media/nest.jpg" alt=""/>'
        "<p>A nest on the east ledge. Photo: Kari Nes</p></div>"
    )
    assert draft.placements[0].caption == "A nest on the east ledge."
    assert draft.placements[0].credit_line == "Photo: Kari Nes"


def test_box_with_a_heading_or_two_paragraphs_is_not_read_so():
    draft = _page(
        '<div class="media-teaser"><img src="/media/boat.jpg" alt=""/><h3>Boats</h3>'
        "<p>The ferry returns in spring</p></div>"
        '<div class="photo-row"><img src="/media/gull.jpg" alt=""/>'
        "<p>One line of the story's text here.</p><p>And another one of it.</p></div>"
    )
    assert [p.caption for p in draft.placements] == ["", ""]


# 3. A gallery whose slides are in the HTML: one placement per slide, the repeated title out.


def _slide(src: str, heading: str, text: str, extra: str = "") -> str:
    return (
        f'<li class="item"><div class="frame"><img src="{src}" alt="x (Agency)"/></div>'
        f'<div class="text"><h3>Birds of the outer isles</h3><h2>{heading}</h2>'
        f"<p>{text}</p>{extra}</div></li>"
    )


def test_gallery_slides_in_the_html_are_one_placement_each():
    draft = _page(
        '<div class="photo-gallery"><ol class="carousel-track">'
        + _slide("/g/1.jpg", "Guillemots", "They nest on the bare rock of the cliffs.")
        + _slide("/g/2.jpg", "Kittiwakes", "Their colony doubled in ten years. Photo: Ida Sund")
        + _slide(
            "/g/3.jpg",
            "Skuas",
            "They chase other birds for their catch.",
            '<p class="author">Author: Per Vik</p>',
        )
        + "</ol></div>"
    )
    assert [p.caption for p in draft.placements] == [
        "Guillemots They nest on the bare rock of the cliffs.",
        "Kittiwakes Their colony doubled in ten years.",
        "Skuas They chase other birds for their catch.",
    ]
    assert draft.placements[1].credit_line == "Photo: Ida Sund"
    assert draft.placements[0].credit_line == ""
    assert all("bare rock" not in p for p in draft.paragraphs)


def test_slider_of_linked_covers_is_not_a_gallery_of_the_story():
    draft = _page(
        '<div class="slider"><ul class="covers">'
        '<li><h4>Weekly</h4><a href="https://shop.example.org/weekly"><img src="/c/1.jpg" '
        'alt="Weekly"/></a></li><li><h4>Monthly</h4><a href="https://shop.example.org/monthly">'
        '<img src="/c/2.jpg" alt="Monthly"/></a></li></ul></div>'
    )
    assert draft.placements == []


# 4. A Creative Commons licence printed as the credit.


@pytest.mark.parametrize(
    ("printed", "caption", "line", "credit", "creator"),
    [
        (
            "Map of the harbour's owners (as of May 2024). CC BY-SA 4.0",
            "Map of the harbour's owners (as of May 2024).",
            "CC BY-SA 4.0",
            "CC BY-SA 4.0",
            "",
        ),
        (
            "The old lighthouse. Foto: CC-BY 2.0 Lena Vogt",
            "The old lighthouse.",
            "Foto: CC-BY 2.0 Lena Vogt",
            "Lena Vogt",
            "Lena Vogt",
        ),
        (
            "Ferries at the quay. Photo: Tom Hale (CC BY-NC-ND 3.0)",
            "Ferries at the quay.",
            "Photo: Tom Hale (CC BY-NC-ND 3.0)",
            "Tom Hale",
            "Tom Hale",
        ),
        (
            "Nets drying on the pier. Bild: Ari Lahti, CC0 1.0",
            "Nets drying on the pier.",
            "Bild: Ari Lahti, CC0 1.0",
            "Ari Lahti",
            "Ari Lahti",
        ),
    ],
)
def test_creative_commons_licence_as_the_credit(printed, caption, line, credit, creator):
    found = read_caption(printed)
    assert (found.caption, found.credit_line, found.credit, found.creator) == (
        caption,
        line,
        credit,
        creator,
    )


def test_licence_linked_in_a_figcaption_is_the_credit_line():
    draft = _page(
        '<figure><img src="/media/owners.png" alt=""/><figcaption>Who owns the quay. '
        '<span class=\'media-licence\'><a rel="license" href="https://creativecommons.org/'
        'licenses/by/4.0/">CC BY 4.0</a></span></figcaption></figure>'
    )
    assert draft.placements[0].caption == "Who owns the quay."
    assert draft.placements[0].credit_line == "CC BY 4.0"


def test_a_licence_named_inside_a_sentence_is_no_credit():
    found = read_caption("Volunteers released the photos under CC BY 4.0 for the museum")
    assert found.credit_line == ""


# 5. A <cite> in a picture's figure is its credit.


def test_cite_in_a_picture_figure_is_its_credit():
    draft = _page(
        '<figure class="photo"><span class="inner"><img src="/media/quay.jpg" alt=""/></span>'
        '<span class="meta"><figcaption><em>The quay at low tide.</em></figcaption>'
        '<cite>Photo: <a href="https://example.org/ines">Ines Paul</a></cite></span></figure>'
    )
    assert draft.placements[0].caption == "The quay at low tide."
    assert draft.placements[0].credit_line == "Photo: Ines Paul"
    assert draft.placements[0].credit == "Ines Paul"


def test_cite_under_a_quotation_is_no_picture_credit():
    root = lxml.html.fromstring(
        '<div><figure><img src="/a.jpg"/><blockquote>We stay.</blockquote>'
        "<cite>Mayor Ann Holt</cite></figure><figure><img src='/b.jpg'/>"
        "<cite>Photo: Ann Holt</cite></figure></div>"
    )
    cites = list(root.iter("cite"))
    assert [is_figure_cite(c) for c in cites] == [False, True]


# 6. A caption's reveal control is not the caption.


def test_caption_toggle_before_the_figcaption_is_not_the_caption():
    draft = _page(
        '<figure class="lead"><a href="#lead" class="zoom"><img src="/media/dunes.jpg" '
        'alt="Dunes"/></a><input type="checkbox" class="show-caption__toggle" id="t1">'
        '<label class="show-caption" for="t1"><span class="show-caption-icon">i</span>'
        '</label><figcaption class="caption">Dunes north of the bay in March. Photograph: '
        "Lea Moser/Coast Weekly</figcaption></figure>"
    )
    assert draft.placements[0].caption == "Dunes north of the bay in March."
    assert draft.placements[0].credit_line == "Photograph: Lea Moser/Coast Weekly"


# 7. "Name/Agency files": the agency's file picture.


@pytest.mark.parametrize(
    ("printed", "credit", "creator"),
    [
        ("Ana Ruiz/AFP files", "AFP", "Ana Ruiz"),
        ("Coast Weekly files", "Coast Weekly", ""),
        ("(Dan Hook/Reuters file)", "Reuters", "Dan Hook"),
    ],
)
def test_files_after_the_house_credits_the_house(printed, credit, creator):
    parts = read_credit_line(printed)
    assert (parts.credit, parts.creator) == (credit, creator)


def test_credit_element_closed_by_files_in_a_figure():
    draft = _page(
        '<figure><img src="/media/port.jpg" alt=""/><figcaption><span class="img-caption">'
        'The port at night.</span> <span class="img-author"><span itemprop="creator">'
        "Ana Ruiz/AFP files</span></span></figcaption></figure>"
    )
    assert draft.placements[0].credit_line == "Ana Ruiz/AFP files"
    assert draft.placements[0].credit == "AFP"


# 8. Dates printed where the first readings do not look.


def _undated(article: str, before: str = "") -> str:
    return ("<html><body>" + before + f"<article>{article}</article></body></html>").encode()


def test_teaser_date_is_not_the_page_date_and_facts_list_date_is():
    page = _undated(
        f"<h1>Wine on the steep slopes</h1>{_STORY}{_STORY}"
        '<ul class="facts"><li><strong>Date</strong> 03.09.2014</li>'
        "<li><strong>Author</strong> Eva Roth</li></ul>"
        '<div class="more-reading"><a href="/other-story/a-1234"><h2>Another story '
        '<span class="date">21.02.2021</span></h2></a></div>'
    )
    draft = parse_article(page, filename="wine.html")
    assert draft.date == date(2014, 9, 3)


def test_definition_list_date_label():
    page = _undated(
        f"<h1>Wine on the steep slopes</h1>{_STORY}"
        "<dl><dt>Autor</dt><dd>Eva Roth</dd><dt>Datum:</dt><dd>4. März 2015</dd></dl>"
    )
    assert parse_article(page, filename="wine.html").date == date(2015, 3, 4)


def test_date_in_the_header_box_above_the_article():
    page = _undated(
        f"{_STORY}{_STORY}",
        before='<header class="story-head"><h1>Wine on the steep slopes</h1>'
        '<div class="story-date">07.11.2016, 08:30 Uhr</div></header>',
    )
    assert parse_article(page, filename="wine.html").date == date(2016, 11, 7)


def test_header_box_without_the_headline_gives_no_date():
    page = _undated(
        f"<h1>Wine on the steep slopes</h1>{_STORY}{_STORY}",
        before='<div class="ticker"><span class="ticker-date">07.11.2016</span></div>',
    )
    assert parse_article(page, filename="wine.html").date is None


# 9. A lazy loader's preview; a caption after its figure; a gallery's label.


def test_lazy_preview_with_the_caption_after_the_figure():
    draft = _page(
        '<div class="Photo_box"><figure class="Photo_zoom"><div class="LazyPic_frame">'
        '<img src="//img.example.net/r/?id=77&amp;w=20"/></div></figure>'
        '<figcaption><div class="Photo_caption"><span>Seals on the sandbank at low tide. '
        "REUTERS/Jon Lee</span></div></figcaption></div>"
    )
    assert len(draft.placements) == 1
    assert draft.placements[0].caption == "Seals on the sandbank at low tide."
    assert draft.placements[0].credit == "Reuters"


def test_tiny_picture_outside_a_lazy_box_is_still_small():
    draft = _page('<p><img src="//img.example.net/r/?id=78&amp;w=20"/></p>')
    assert draft.placements == []


def test_gallery_label_after_a_preview_is_no_caption():
    draft = _page(
        '<div class="Gallery_box"><figure><div class="LazyPic_frame"><img '
        'src="//img.example.net/r/?id=79"/></div></figure><figcaption class="Gallery_caption">'
        'Photo gallery<span class="count"> (9 photos)</span></figcaption></div>'
    )
    assert draft.placements[0].caption == ""


# 10. A loader's own data-…-src; a link to the picture's own page under the article.


def _linked_page(href: str):
    page = (
        '<html><head><link rel="canonical" href="https://coast.example/news/seabirds-4411.html">'
        "</head><body><article><h1>Seabirds return to the cliffs</h1>"
        f'<div class="lead-box"><a href="{href}"><img src="/img/empty.gif" width="900" '
        'data-hires-src="https://media.coast.example/seabirds/auk-colony.jpg" alt="Auks"/></a>'
        '<span class="lead-box__text">Auks on the east stack.</span> '
        '<span class="lead-box__credit">Bild: Coast Weekly</span></div>'
        f"{_STORY}{_STORY}</article></body></html>"
    )
    return parse_article(page.encode(), filename="seabirds.html")


def test_picture_linked_to_its_page_under_the_article_with_a_loader_address():
    draft = _linked_page("https://coast.example/news/seabirds-4411/auks-on-the-stack-4412.html")
    assert len(draft.placements) == 1
    assert draft.placements[0].src == "https://media.coast.example/seabirds/auk-colony.jpg"


def test_picture_linked_to_another_story_is_still_a_teaser():
    draft = _linked_page("https://coast.example/news/auk-census-4390.html")
    assert draft.placements == []


# 11. Interactive charts.


def test_chart_service_embeds_are_picture_placements():
    draft = _page(
        '<figure class="html-box"><div class="flourish-embed flourish-chart" '
        'data-src="visualisation/123"></div><script>drawChart()</script></figure>'
        '<div class="chart"><iframe src="https://datawrapper.dwcdn.net/AbC12/3/" '
        'title="Nests per year"></iframe></div>'
        '<figure><div class="infogram-embed" data-id="x-1" data-type="interactive"></div>'
        "<figcaption>Nests counted each spring. Grafik: Coast Weekly</figcaption></figure>"
    )
    assert [p.kind for p in draft.placements] == [KIND_PICTURE] * 3
    assert draft.placements[0].caption == ""
    assert draft.placements[2].caption == "Nests counted each spring."
    assert draft.placements[2].credit_line == "Grafik: Coast Weekly"


def test_a_div_merely_named_for_a_chart_is_no_placement():
    draft = _page('<div class="chart-note">Figures from the harbour office.</div>')
    assert draft.placements == []


# 12. A separator glyph between caption and credit.


def test_separator_glyph_between_caption_and_credit_elements():
    draft = _page(
        '<figure><img src="/media/pier.jpg" alt=""/><figcaption><span class="caption">'
        'The pier in 1910</span><span class="sep">&middot;</span><span class="copyright">'
        "Photo: <em>Coast Museum</em></span></figcaption></figure>"
    )
    assert draft.placements[0].caption == "The pier in 1910"
    assert draft.placements[0].credit_line == "Photo: Coast Museum"


# 13. A player declared in hidden inputs.


def test_player_declared_in_hidden_inputs_is_a_video():
    draft = _page(
        '<div class="clipBox"><div class="clip">'
        '<input type="hidden" name="kind" value="video">'
        '<input type="hidden" name="clip_file" value="https://cdn.example.org/clips/auks.mp4">'
        '<div class="poster" title="Auks (Coast Weekly)"><span>Play 01:45</span></div>'
        '<div class="sharing" style="display:none"><h4>Share</h4><h2>Auks return</h2></div>'
        '</div><div class="clipInfo"><h2>Auks return to the east stack</h2></div></div>'
    )
    assert len(draft.placements) == 1
    assert draft.placements[0].kind == KIND_VIDEO
    assert draft.placements[0].caption == "Auks return to the east stack"


def test_hidden_inputs_of_a_form_are_no_player():
    draft = _page(
        '<div class="poll"><input type="hidden" name="poll_id" value="12">'
        '<input type="hidden" name="kind" value="poll"><h3>Should the ferry run?</h3></div>'
    )
    assert draft.placements == []


# 14. An address only in <source srcset>; a two-sided credit line.


def test_picture_with_its_address_only_in_source_srcset_and_two_sided_credit():
    draft = _page(
        '<div class="lede"><picture class="resp"><source media="(min-width: 0px)" '
        'srcSet="https://img.example.org/lede/split.jpeg?resize=700:*"/><img class="resp__img" '
        'alt=""/></picture></div><p class="lede__credit">Top photo: Harbour Office, bottom '
        "photo: Per Vik</p>"
    )
    assert len(draft.placements) == 1
    placement = draft.placements[0]
    assert placement.src.startswith("https://img.example.org/lede/split.jpeg")
    assert placement.credit_line == "Top photo: Harbour Office, bottom photo: Per Vik"
    assert placement.credit == "Harbour Office"


# 15. A river of stories; its related list.


def _river(first_id: str) -> bytes:
    blurb = "<p>" + "A long blurb about another story in the series of the coast. " * 4 + "</p>"
    related = (
        '<div class="list list--related">'
        + "".join(
            f'<div class="entry entry--check"><header><div class="text"><span class="topic"><a '
            f'href="/topics/coast/">Coast</a></span><h2>Other story {i}</h2>{blurb}</div>'
            f'<div class="pic"><picture><img src="/img/other-{i}.jpg" alt=""/></picture></div>'
            f'</header><div class="entry__bar"><a href="/news/other-{i}/">Read on</a></div></div>'
            for i in range(4)
        )
        + "</div>"
    )
    ours = (
        f'<article id="{first_id}"><h2>Ferry service returns to the isle</h2>'
        '<figure><img src="/img/ferry.jpg" alt=""/><figcaption>The ferry at the pier. '
        f"Photo: Ole Berg</figcaption></figure>{_STORY * 10}{related}</article>"
    )
    longer = "".join(
        f'<article id="story-{i}"><h2>Older story {i}</h2><figure><img src="/img/old-{i}.jpg" '
        f'alt=""/><figcaption>Old picture {i}. Photo: Kari Nes</figcaption></figure>'
        + _STORY * 24
        + "</article>"
        for i in range(3)
    )
    return (
        '<html><head><meta property="og:url" content="https://coast.example/news/2024/'
        'ferry-service-returns/"><meta property="og:title" content="Ferry service returns to '
        f'the isle"></head><body>{ours}{longer}</body></html>'
    ).encode()


def test_river_story_named_by_the_address_with_its_related_list_left_out():
    draft = parse_article(_river("ferry-service-returns"), filename="ferry.html")
    assert [p.caption for p in draft.placements] == ["The ferry at the pier."]


def test_river_story_named_by_its_declared_title():
    draft = parse_article(_river("post-981"), filename="ferry.html")
    assert [p.caption for p in draft.placements] == ["The ferry at the pier."]
