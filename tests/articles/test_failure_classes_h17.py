"""Failure classes of the holdout17 round, each on a few lines written here.

Each test is a convention other publishers' pages share (a credit printed above its picture,
a gallery's counter, a credit line with no label, a paper's brand letters); the snippets are
invented, in other words and for other houses than the set's pages, and the expected values
read off them.
"""

from __future__ import annotations

from archive.articles import parse_article
from archive.articles.credit_forms import brand_letters, house_archive
from archive.articles.draft import KIND_PICTURE, KIND_STILL, KIND_VIDEO, DraftPlacement, mark_stills
from tests.articles.conftest import PARAGRAPH, caption_cut, credit_parts


def _page(figures: str):
    page = f"""<html><body><article><h1>Dyke repairs begin</h1><p>{PARAGRAPH}</p>
    {figures}<p>{PARAGRAPH}</p></article></body></html>"""
    return parse_article(page.encode(), filename="page.html")


def _page_cuts(figures: str) -> list[tuple[str, str, str]]:
    return [(p.caption, p.credit_line, p.credit) for p in _page(figures).placements]


# A box of one picture that prints its credit first, above the picture (an overlay in the
# corner, a source line over it, a gallery item "counter, credit, picture, caption"): the
# credit is this picture's, not the one before it, and the counter is no part of anything.


def test_gallery_items_printing_counter_and_credit_before_the_picture():
    figures = """<div class="slides">
    <div class="slide"><span class="slide-count">1 of 2</span>
    <span class="pic-credit">Photo: ANP/Jan de Vries</span>
    <img src="https://example.org/dyke-1.jpg" width="800" height="500">
    <p class="slide-caption">Workers reinforce the dyke near Delfzijl.</p></div>
    <div class="slide"><span class="slide-count">2 of 2</span>
    <span class="pic-credit">Photo: Waterschap Noorderzijlvest</span>
    <img src="https://example.org/dyke-2.jpg" width="800" height="500">
    <p class="slide-caption">The pumps at the sluice in Lauwersoog.</p></div></div>"""
    assert _page_cuts(figures) == [
        ("Workers reinforce the dyke near Delfzijl.", "Photo: ANP/Jan de Vries", "ANP"),
        (
            "The pumps at the sluice in Lauwersoog.",
            "Photo: Waterschap Noorderzijlvest",
            "Waterschap Noorderzijlvest",
        ),
    ]


def test_source_line_above_a_picture_in_boxes_named_in_another_language():
    # Polish class names ("zdjecie", "podpis", "zrodlo"): the label, not the class, says credit.
    figures = """
    <div class="zdjecie"><div class="zrodlo">Źródło: Wody Polskie</div>
    <img src="https://example.org/jaz.jpg" width="900" height="600">
    <div class="podpis">Jaz na Wiśle pod Włocławkiem.</div></div>
    <div class="zdjecie"><div class="zrodlo">Fot. PAP/Tomasz Nowak</div>
    <img src="https://example.org/wal.jpg" width="900" height="600">
    <div class="podpis">Wał przeciwpowodziowy w Płocku.</div></div>"""
    assert _page_cuts(figures) == [
        ("Jaz na Wiśle pod Włocławkiem.", "Źródło: Wody Polskie", "Wody Polskie"),
        ("Wał przeciwpowodziowy w Płocku.", "Fot. PAP/Tomasz Nowak", "PAP"),
    ]


def test_picture_described_only_in_alt_keeps_the_credit_printed_above_it():
    # A box named in the page's language ("kuva", a picture): a source line over the picture,
    # whose description is only in its alt and title; the caption is empty.
    figures = """<div class="kuva-laatikko"><div class="kuva-lahde">Lähde: Satamalaitos</div>
    <img src="https://example.org/laituri.jpg" alt="Laituri" title="Uusi laituri aamulla"
    width="900" height="600"></div>"""
    [placement] = _page(figures).placements
    assert (placement.caption, placement.credit_line, placement.credit) == (
        "",
        "Lähde: Satamalaitos",
        "Satamalaitos",
    )
    assert placement.alt == "Laituri"


def test_overlay_credit_before_picture_does_not_go_to_the_picture_before():
    # A figure credited after its caption, then a box whose overlay credit (no label) comes
    # before its picture: each keeps its own.
    figures = """
    <figure><img src="https://example.org/a.jpg" width="800" height="450">
    <figcaption>Sandbags on the quay. <span class="credit">Reuters</span></figcaption></figure>
    <div class="imgBox"><span class="imageCredit">ANP / Piet Bakker</span>
    <img src="https://example.org/b.jpg" width="800" height="450">
    <div class="imgText">The flooded polder at Kinderdijk.</div></div>
    <div class="imgBox"><img src="https://example.org/c.jpg" width="800" height="450">
    <div class="imgCaption">Mills at sunset.</div><span class="imageCredit">Reuters</span></div>"""
    assert _page_cuts(figures) == [
        ("Sandbags on the quay.", "Reuters", "Reuters"),
        (
            "The flooded polder at Kinderdijk.",
            "ANP / Piet Bakker",
            "ANP",
        ),
        ("Mills at sunset.", "Reuters", "Reuters"),
    ]


def test_player_box_printing_its_credit_first_and_an_unmarked_title():
    figures = """<div class="player-box" data-player="jw" data-video-id="x1">
    <div class="player-src">Video: NOS</div>
    <div class="player-poster"><img src="https://example.org/poster.jpg" width="800"
    height="450"></div><div class="player-cim">Residents fill sandbags overnight</div></div>"""
    [video] = _page(figures).placements
    assert video.kind == KIND_VIDEO
    assert (video.caption, video.credit_line, video.credit) == (
        "Residents fill sandbags overnight",
        "Video: NOS",
        "NOS",
    )


def test_gallery_counter_opening_a_caption_is_left_out():
    figures = """<div class="g-item"><img src="https://example.org/g1.jpg" width="900"
    height="600"><p class="g-caption"><span class="g-num">2/5</span> Sluice gates at
    Terneuzen. <span class="credit">Foto: Rijkswaterstaat</span></p></div>
    <div class="g-item"><img src="https://example.org/g2.jpg" width="900"
    height="600"><p class="g-caption"><span class="g-num">3 από 5</span> Το λιμάνι του Βόλου.
    <span class="credit">Φωτογραφία: ΑΠΕ-ΜΠΕ</span></p></div>"""
    cuts = _page_cuts(figures)
    assert [c[0] for c in cuts] == ["Sluice gates at Terneuzen.", "Το λιμάνι του Βόλου."]
    assert [c[1] for c in cuts] == ["Foto: Rijkswaterstaat", "Φωτογραφία: ΑΠΕ-ΜΠΕ"]


# A picture after a video whose caption calls it a frame of "the video above" in Greek (with
# the adjective between) or Hungarian ("a fenti videóból", "a videóból"): a still.


def test_still_from_the_video_above_in_greek_and_hungarian():
    for caption in (
        "Στιγμιότυπο από το παραπάνω βίντεο: ο δρόμος προς το λιμάνι",
        "Képkocka a fenti videóból: a gát Szegednél",
        "Részlet a videóból.",
    ):
        video = DraftPlacement(0, KIND_VIDEO, title="Flood", caption="Flood", credit="RTL")
        pic = DraftPlacement(0, KIND_PICTURE, caption=caption, credit="RTL")
        mark_stills([video, pic])
        assert pic.kind == KIND_STILL, caption


def _text_cuts(text: str) -> list[tuple[str, str, str, str]]:
    draft = parse_article(text.encode(), filename="copy.txt")
    return [(p.kind, p.caption, p.credit_line, p.credit) for p in draft.placements]


# A text copy whose every credit line stands over its caption (two at least), a video's over
# its player's label and title: each credit goes down to the line under it, even a one-word
# caption, and never to the paragraph above it.


def test_text_copy_with_every_credit_over_its_caption():
    text = f"""Gdańsk zamyka stocznię remontową
Autor: Ewa Maj
4 grudnia 2026
Fot. PAP/Adam Warżawa
Robotnicy przed bramą stoczni w czwartek rano
{PARAGRAPH}
Zarząd powiedział, że zamówienia spadły o połowę w ciągu roku.
Fot. Urząd Miasta Gdańska
Suwnica nad pustym dokiem
{PARAGRAPH}
Wideo: TVN24
WIDEO
Pracownicy stoczni: „Nikt nam nic nie powiedział”
Związkowcy zapowiadają protest przed urzędem wojewódzkim w przyszłym tygodniu.
Fot. Shutterstock
Ilustracja
{PARAGRAPH}
"""
    assert _text_cuts(text) == [
        (
            "picture",
            "Robotnicy przed bramą stoczni w czwartek rano",
            "Fot. PAP/Adam Warżawa",
            "PAP",
        ),
        (
            "picture",
            "Suwnica nad pustym dokiem",
            "Fot. Urząd Miasta Gdańska",
            "Urząd Miasta Gdańska",
        ),
        ("video", "Pracownicy stoczni: „Nikt nam nic nie powiedział”", "Wideo: TVN24", "TVN24"),
        ("picture", "Ilustracja", "Fot. Shutterstock", "Shutterstock"),
    ]


def test_credit_under_caption_style_keeps_its_credits_with_the_line_above():
    # The credit follows its caption; the line under each credit is the story's sentence.
    text = f"""Harbour dredging resumes
By Tom Reed
December 4, 2026
{PARAGRAPH}
A dredger works off the north pier on Thursday
Reuters
{PARAGRAPH}
Divers check the pier's footings
Jane Holt/PA
{PARAGRAPH}
"""
    cuts = _text_cuts(text)
    assert [c[1:] for c in cuts] == [
        ("A dredger works off the north pier on Thursday", "Reuters", "Reuters"),
        ("Divers check the pier's footings", "Jane Holt/PA", "PA Media"),
    ]


# A live blog's copy: each entry opens with its time ("15:05"), which is no video's running
# time; a credit printed alone under its caption with no label (an agency's bare name, a
# platform's account) is that caption's.


def test_live_blog_entry_times_and_bare_credit_lines():
    text = f"""Dock workers strike in Gdynia
By Staff
December 4, 2026 08:00 GMT
15:05
{PARAGRAPH}
13:20
Cranes stand idle at the container terminal (file photo)
AFP
12:40
The union said the strike would last until Monday. Its leader spoke to reporters.
11:10
A video posted on TikTok shows trucks queuing at the gate.
TikTok/@gdynia_port_watch
10:00
{PARAGRAPH}
"""
    assert _text_cuts(text) == [
        ("picture", "Cranes stand idle at the container terminal (file photo)", "AFP", "AFP"),
        (
            "video",
            "A video posted on TikTok shows trucks queuing at the gate.",
            "TikTok/@gdynia_port_watch",
            "TikTok",
        ),
    ]


def test_masthead_with_its_initials_and_a_donation_appeal_are_no_pictures():
    text = f"""Skip to main content
Voice of Asia/Radio Pacific
VOA/RP
Grain terminal reopens in Izmail
By Staff
December 4, 2026
{PARAGRAPH}
Support our independent journalism of integrity
We believe in journalism that is free to read for everyone, and we ask readers to help us.
Make a Contribution
Advertisement
{PARAGRAPH}
"""
    assert _text_cuts(text) == []


# Credit line forms: a label and a dash before the credit (Czech and Slovak papers), the
# house's brand letter after the label; two initialisms joined by a slash (and one of the
# house's services) are one name; a screenshot's word is a label, the platform is credited.


def test_dash_after_label_and_brand_letter():
    assert credit_parts("Foto – ČTK") == ("ČTK", "", "")
    assert credit_parts("Foto – Krajský úrad Žilina") == ("Krajský úrad Žilina", "", "")
    assert credit_parts("Foto D – Petra Nováková") == ("D", "", "Petra Nováková")
    assert credit_parts("Infografika D") == ("D", "", "")


def test_slashed_initialisms_are_one_name():
    assert credit_parts("VOA/RFA") == ("VOA/RFA", "", "")
    assert credit_parts("Video: VOA/RFA's Uyghur Service") == ("VOA/RFA", "", "")
    assert credit_parts("AP/TT")[0] != "AP/TT"  # a known agency: two names


def test_screenshot_word_names_the_platform():
    assert credit_parts("Fot. Zrzut ekranu / Facebook / Urząd Miasta Gdyni") == (
        "Facebook",
        "Urząd Miasta Gdyni",
        "",
    )
    assert credit_parts("Kuva: Kuvakaappaus / TikTok") == ("TikTok", "", "")
    assert credit_parts("Foto: Skjermbilde/Instagram/@oslopolitiet") == (
        "Instagram",
        "@oslopolitiet",
        "",
    )


def test_sentence_after_slashed_initials_is_no_credit():
    assert caption_cut("Crowds gather at dawn. VOA/RFA is reporting from the scene.") == (
        "Crowds gather at dawn. VOA/RFA is reporting from the scene.",
        "",
        "",
    )


# A paper's brand letters name it: the letter that ends its name, the initials of a name
# written as one hyphenated word, initials before "file photo"; initials it goes by are kept.


def test_brand_letters_name_the_paper():
    assert brand_letters("D", "Foto D – Petra Nováková", ["Deník D"], []) == "Deník D"
    assert brand_letters("KU", "Kuva: Name / KU", ["Kansan-Uutiset"], []) == "Kansan-Uutiset"
    assert (
        brand_letters("PS", "(PS file photo)", ["x", "Philippine Star"], ["PHILIPPINE STAR"])
        == "PHILIPPINE STAR"
    )
    assert brand_letters("NT", "Photo: Ann Lee / NT", ["Northern Times"], []) == "NT"
    assert brand_letters("AP", "AP file photo", ["Alpine Post"], []) == "AP"


# Credit lines over captions that close with a full stop (Postimees): where two credit lines
# or more stand between the story (or an advert's label) above and a caption-sized line
# below, and none under a caption with the story below it, each goes down, even to a name
# alone; an Estonian teaser's label and advert label are furniture; "Graafik:" is a label.

_TWO_SENTENCES = "Sadam teatas, et laevaliiklus taastub reedel. Reisijad said piletiraha tagasi."


def test_credits_over_full_stopped_captions():
    text = f"""Tallinna sadamas peatus parvlaev
Autor: Mari Tamm
4. detsember 2026, 8:15
{PARAGRAPH}
Foto: Sadama AS
Parvlaev kail neljapäeva hommikul.
{_TWO_SENTENCES}
Foto: Erakogu
Kapten Jaan Sepp
{PARAGRAPH}
Graafik: Eesti Päevaleht / Allikas: Eurostat
Reisijate arv 2020–2026
LOE KA
Foto: Scanpix
Rootsi parvlaev jäi jääd kinni
REKLAAM
Foto: Jaan Sepp
Sadamakai õhtul.
{PARAGRAPH}
"""
    assert [c[1:] for c in _text_cuts(text)] == [
        ("Parvlaev kail neljapäeva hommikul.", "Foto: Sadama AS", "Sadama AS"),
        ("Kapten Jaan Sepp", "Foto: Erakogu", "Erakogu"),
        (
            "Reisijate arv 2020–2026",
            "Graafik: Eesti Päevaleht / Allikas: Eurostat",
            "Eesti Päevaleht",
        ),
        ("Sadamakai õhtul.", "Foto: Jaan Sepp", "Jaan Sepp"),
    ]


# A gallery in a text copy, its label then "credit, caption" for each picture: once a credit
# has gone down to the caption under it, the credit under that caption is the next
# picture's, not a second credit of the same one. A two-word caption marked as an
# illustration is still a caption.


def test_gallery_of_credits_over_captions_in_a_text_copy():
    text = f"""Farmers block the road to Lleida
By Staff
December 4, 2026
{PARAGRAPH}
Farmers say costs have doubled. They want 40 cents a kilo, twice what buyers pay now.
Photo gallery
Photo: Ana Ruiz / EFE
Tractors on the road to Lleida
Photo: Ana Ruiz / EFE
Farmers brought banners with the price they ask for
Photo: Screenshot/TikTok/agri_lleida
Video of the blockade shared on social networks
Advertisement
{PARAGRAPH}
Apples (illustration)
Photo: Shutterstock
Advertisement
{PARAGRAPH}
"""
    assert [c[1:] for c in _text_cuts(text)] == [
        ("Tractors on the road to Lleida", "Photo: Ana Ruiz / EFE", "EFE"),
        ("Farmers brought banners with the price they ask for", "Photo: Ana Ruiz / EFE", "EFE"),
        (
            "Video of the blockade shared on social networks",
            "Photo: Screenshot/TikTok/agri_lleida",
            "TikTok",
        ),
        ("Apples (illustration)", "Photo: Shutterstock", "Shutterstock"),
    ]


# holdout16's leftovers, in other words.


def test_amp_figure_printing_only_a_credit_line():
    # An <amp-img> described only in its alt and title, its figcaption only a credit line.
    figures = """<figure><amp-img src="https://example.org/market.jpg" alt="Stalls at the
    souq" title="Stalls at the souq" width="800" height="450" layout="responsive"></amp-img>
    <figcaption><span class="credit">Reuters file photo</span></figcaption></figure>"""
    cuts = _page_cuts(figures)
    assert cuts == [("", "Reuters file photo", "Reuters")]


def test_house_archive_in_the_genitive_names_the_paper():
    assert house_archive("arhiv Večera", ["Večer"]) == "Večer"
    assert house_archive("archiwum Gazety", ["Gazeta"]) == "Gazeta"
    assert house_archive("arhiv STA", ["Večer"]) == "arhiv STA"
    assert house_archive("Foto Večer", ["Večer"]) == "Foto Večer"


def test_player_author_under_its_title_is_the_video_credit():
    figures = """<div class="clip"><div class="clip__video-player" data-dailymotion="x1"><img
    class="clip__poster" src="https://example.org/poster.jpg" width="1240" height="698"></div>
    <p class="clip__title">Waves flood the seafront in Cádiz</p>
    <p class="clip__author">Diario de Cádiz</p></div>"""
    [video] = _page(figures).placements
    assert (video.kind, video.title, video.credit_line, video.credit) == (
        KIND_VIDEO,
        "Waves flood the seafront in Cádiz",
        "Diario de Cádiz",
        "Diario de Cádiz",
    )


def test_premium_subscription_offer_is_no_picture():
    figures = """<div class="pd-premium"><img src="https://example.org/plus.jpg"
    alt="Diario Premium" width="600" height="120">
    <p>Suscríbete a Diario Premium: 1 € el primer mes</p></div>"""
    assert _page(figures).placements == []


def test_a_paywalled_storys_own_figure_named_premium_is_a_picture():
    # A subscriber-only story marks its own figures "is-premium": a <figure> is the story's.
    figures = """<figure class="article-figure is-premium"><img src="https://example.org/p.jpg"
    alt="" width="1200" height="800"><figcaption>Harvest starts early in the Douro valley
    (Photo: Rui Matos/Lusa)</figcaption></figure>"""
    (placement,) = _page(figures).placements
    assert placement.caption == "Harvest starts early in the Douro valley"


def test_graphic_label_and_source_after_a_caption_with_no_full_stop():
    assert caption_cut("Pendlerströme im Kanton Zug Grafik: LZ / Quelle: BFS") == (
        "Pendlerströme im Kanton Zug",
        "Grafik: LZ / Quelle: BFS",
        "LZ",
    )


def test_app_promotion_line_is_furniture():
    text = f"""Ferry fares rise in Hobart
By Staff
December 4, 2026
{PARAGRAPH}
{PARAGRAPH}
Share
Latest
Ferry timetable changes from Monday
Two arrested over dockside fire
Follow Harbour News
Download our apps
© 2026 Harbour News
"""
    assert _text_cuts(text) == []


def test_menu_word_watch_alone_is_no_video():
    text = f"""Harbour News
News
Sport
Watch
Business
Ferry fares rise in Hobart
{PARAGRAPH}
By Staff
December 4, 2026
{PARAGRAPH}
{PARAGRAPH}
"""
    assert _text_cuts(text) == []
