"""More failure classes found on a never-tuned corpus, each on a few lines written here.

The sequel of `test_failure_classes.py` (grown long): each test is a convention that other
publishers' pages share; the snippets are invented and the expected values read off them.
"""

from __future__ import annotations

from archive.articles import parse_article
from archive.articles.caption_credits import read_caption
from archive.articles.credit_lines import read_credit_line
from tests.articles.conftest import PARAGRAPH


def _story(n: int) -> str:
    return "\n".join(f"{PARAGRAPH} Paragraph {word} of the story." for word in "abcdefgh"[:n])


def _credits(text: str) -> list[tuple[str, str, str, str, str]]:
    return [
        (p.kind, p.caption, p.credit_line, p.credit, p.creator)
        for p in parse_article(text).placements
    ]


# A credit sentence closing a caption's line, its full stop kept: "<Kind> by X.", "<Kind>
# courtesy of X.", and the attribution picture sites ask for ("Photo by X on Unsplash").


def test_credit_sentence_closes_the_caption_line():
    found = read_caption("Gulls over the harbour wall at dawn. Image by Tom Reyes/Coast Desk.")
    assert (found.caption, found.credit_line, found.credit, found.creator) == (
        "Gulls over the harbour wall at dawn.",
        "Image by Tom Reyes/Coast Desk.",
        "Coast Desk",
        "Tom Reyes",
    )
    found = read_caption(
        "The flooded ring road, seen from the bridge. Chart courtesy of Met Office."
    )
    assert (found.caption, found.credit_line, found.credit) == (
        "The flooded ring road, seen from the bridge.",
        "Chart courtesy of Met Office.",
        "Met Office",
    )


def test_picture_site_attribution_credits_the_site():
    found = read_caption("A heron on the mudflats. Photo by Ines Garcia on Pexels.")
    assert (found.credit_line, found.credit, found.creator) == (
        "Photo by Ines Garcia on Pexels.",
        "Pexels",
        "Ines Garcia",
    )
    parts = read_credit_line("Image by Piet Smit from Pixabay")
    assert (parts.credit, parts.creator) == ("Pixabay", "Piet Smit")


def test_video_courtesy_of_makes_a_video():
    found = read_caption(
        "Volunteers clear the beach after the storm. Video courtesy of Shore Watch."
    )
    assert found.video
    assert found.credit == "Shore Watch"


def test_a_credit_sentence_is_one_sentence():
    # "Photo by the sea." is no credit, and a credit is never read across sentences.
    text = "We stood there. Photo by the pier. Then we went home. Image by Ann Lee/Bay News."
    found = read_caption(text)
    assert found.credit_line == "Image by Ann Lee/Bay News."
    assert found.caption == "We stood there. Photo by the pier. Then we went home."
    assert read_caption("We took one more. Photo by the pier.").credit_line == ""


def test_caption_lines_with_credit_sentences_in_text_copy():
    text = (
        "Ferry terminal to close\n"
        f"{_story(3)}\n"
        "Workers repaint the hull of the last ferry. Image by Tom Reyes/Coast Desk.\n"
        f"{_story(2)}\n"
        "Volunteers clear the slipway after the storm. Video courtesy of Shore Watch.\n"
        f"{_story(2)}\n"
        "Banner image: The terminal at low tide, seen from the pier. Photo by Ines Garcia on Pexels.\n"
    )
    assert _credits(text) == [
        (
            "picture",
            "Workers repaint the hull of the last ferry.",
            "Image by Tom Reyes/Coast Desk.",
            "Coast Desk",
            "Tom Reyes",
        ),
        (
            "video",
            "Volunteers clear the slipway after the storm.",
            "Video courtesy of Shore Watch.",
            "Shore Watch",
            "",
        ),
        (
            "picture",
            "The terminal at low tide, seen from the pier.",
            "Photo by Ines Garcia on Pexels.",
            "Pexels",
            "Ines Garcia",
        ),
    ]


def test_lead_picture_labels_are_not_the_caption():
    for label in ("Banner image", "Main photo", "Titelbild", "Foto de portada", "Pääkuva"):
        text = (
            "Ferry terminal to close\n"
            f"{_story(4)}\n"
            f"{label}: The terminal at low tide, seen from the pier. Image by Tom Reyes/Coast Desk.\n"
        )
        draft = parse_article(text)
        assert [p.caption for p in draft.placements] == [
            "The terminal at low tide, seen from the pier."
        ], label


# "Source:" in other languages on a line of its own under a caption ("Źródło: X", "Quelle:
# X"), with the author's label before it ("Autor: Name / Źródło: Agency"); under a dateline
# the same label gives the story's source, no picture's.


def test_source_labels_in_other_languages_credit_the_caption_above():
    text = (
        "Nowy most na Wiśle\n"
        f"{_story(3)}\n"
        "Budowa przęsła nad rzeką, widok od strony portu\n"
        "Źródło: Urząd Miasta\n"
        f"{_story(2)}\n"
        "Ein Kran hebt das letzte Teil der Brücke an\n"
        "Autorin: Lena Vogt / Quelle: Shutterstock\n"
        f"{_story(2)}\n"
    )
    assert _credits(text) == [
        (
            "picture",
            "Budowa przęsła nad rzeką, widok od strony portu",
            "Źródło: Urząd Miasta",
            "Urząd Miasta",
            "",
        ),
        (
            "picture",
            "Ein Kran hebt das letzte Teil der Brücke an",
            "Autorin: Lena Vogt / Quelle: Shutterstock",
            "Shutterstock",
            "Lena Vogt",
        ),
    ]


def test_source_label_under_the_dateline_is_the_storys():
    text = (
        "Паром закрывают на ремонт\n"
        "3 декабря 2026, 10:15\n"
        "Источник: Городские новости\n"
        f"{_story(4)}\n"
    )
    assert parse_article(text).placements == []


def test_video_label_with_its_running_time_is_the_players():
    text = (
        "Nowy most na Wiśle\n"
        f"{_story(3)}\n"
        "Wideo 3:12\n"
        "Jak powstaje nowy most na Wiśle\n"
        "Źródło: Fakty Regionu\n"
        f"{_story(2)}\n"
    )
    assert _credits(text) == [
        ("video", "Jak powstaje nowy most na Wiśle", "Źródło: Fakty Regionu", "Fakty Regionu", "")
    ]


# The lead picture's credit printed at the end of the copy with a "main picture" label; its
# caption is the short line under the headline, above the byline.


def test_lead_picture_credit_at_the_end_goes_with_the_caption_under_the_headline():
    for label, byline in (
        ("Main image", "By Tom Reyes"),
        ("Źródło zdjęcia głównego", "Autor: Anna Nowak"),
        ("Titelbild", "Von Lena Vogt"),
    ):
        text = (
            "Harbour News\n"
            "Ferry terminal to close for a year of repairs\n"
            "The old terminal seen from the harbour wall at dawn\n"
            f"{byline}\n"
            f"{_story(3)}\n"
            "A pontoon waits at the slipway before its tow upriver.\n"
            "(AP Photo/Lena Marsh)\n"
            f"{_story(2)}\n"
            f"{label}: REUTERS/Piet Smit\n"
        )
        assert _credits(text) == [
            (
                "picture",
                "The old terminal seen from the harbour wall at dawn",
                f"{label}: REUTERS/Piet Smit",
                "Reuters",
                "Piet Smit",
            ),
            (
                "picture",
                "A pontoon waits at the slipway before its tow upriver.",
                "(AP Photo/Lena Marsh)",
                "AP",
                "Lena Marsh",
            ),
        ], label


def test_lead_picture_credit_with_no_caption_found_is_flagged():
    text = f"Ferry terminal to close\n{_story(4)}\nMain image: Piet Smit/Harbour Weekly\n"
    [lead] = parse_article(text).placements
    assert (lead.caption, lead.credit, lead.creator) == ("", "Harbour Weekly", "Piet Smit")
    assert lead.needs_review


# A kind label with a slash before the caption ("Photo/Illustration ", "Video/ "), the
# bracketed group closing such a caption its credit whatever it holds: a name, a house's file
# photo, "Provided by X".


def test_slashed_kind_label_before_the_caption():
    found = read_caption(
        "Photo/Illustration Snow piles up on the temple roof on Jan. 4 (Aiko Mori)"
    )
    assert (found.caption, found.credit_line, found.credit, found.video) == (
        "Snow piles up on the temple roof on Jan. 4",
        "(Aiko Mori)",
        "Aiko Mori",
        False,
    )
    found = read_caption("Video/ Lanterns float down the river at night (Video by Ken Sato)")
    assert (found.caption, found.credit, found.video) == (
        "Lanterns float down the river at night",
        "Ken Sato",
        True,
    )


def test_provided_by_is_a_handout_credit():
    found = read_caption(
        "Photo/Illustration The new ferry on its trials (Provided by Harbour Board)"
    )
    assert (found.credit_line, found.credit) == ("(Provided by Harbour Board)", "Harbour Board")
    assert read_credit_line("Photo supplied by Harbour Board").credit == "Harbour Board"


def test_house_file_photo_credits_the_house_named_by_the_masthead():
    assert read_credit_line("(Harbour Times file photo)").credit == "Harbour Times"
    text = (
        "The Harbour Times\n"
        "Ferry terminal shuts for a year\n"
        f"{_story(3)}\n"
        "Photo/Illustration The terminal in 1998, before its last refit. (Harbour Times file photo)\n"
        f"{_story(2)}\n"
    )
    assert _credits(text) == [
        (
            "picture",
            "The terminal in 1998, before its last refit.",
            "(Harbour Times file photo)",
            "The Harbour Times",
            "",
        )
    ]


# An advert's box labels ("Mainos", "Mainos päättyy", "Advertisement ends", "Annons") are page
# furniture: a credit printed after them goes with the caption below it.


def test_advert_box_labels_are_furniture_and_the_credit_leads_the_caption_below():
    for start, end in (("Mainos", "Mainos päättyy"), ("Advertisement", "Advertisement ends")):
        text = (
            "Lauttaterminaali suljetaan\n"
            f"{_story(3)}\n"
            f"{start}\n"
            f"{end}\n"
            "Grafiikka: Aino Laine / HS\n"
            "Lauttojen matkustajamäärät vuosina 2016–2026, tuhatta matkustajaa.\n"
            f"{_story(2)}\n"
        )
        draft = parse_article(text)
        assert [(p.caption, p.credit_line, p.credit) for p in draft.placements] == [
            (
                "Lauttojen matkustajamäärät vuosina 2016–2026, tuhatta matkustajaa.",
                "Grafiikka: Aino Laine / HS",
                "HS",
            )
        ], start
        assert not any(line in draft.paragraphs for line in (start, end))


# A page whose captions close with their credits in brackets: a bracketed group closing
# another caption there is its credit too, whatever it names (a handout's organisation); and
# "(Paper/Data source)" credits the paper, its data the source.


def _figure(caption: str, src: str) -> str:
    return (
        f'<figure><img src="https://img.example/{src}.jpg" alt="">'
        f"<figcaption>{caption}</figcaption></figure>"
    )


def test_bracketed_credits_are_the_pages_convention():
    body = "".join(f"<p>{PARAGRAPH} Paragraph {w}.</p>" for w in "abcdef")
    html = (
        "<html><head><title>Traghetti</title>"
        '<meta property="og:site_name" content="Gazzetta del Porto"></head><body><article>'
        "<h1>Il terminal dei traghetti chiude per un anno</h1>"
        + body[:300]
        + _figure("Il molo visto dal faro, il 2 marzo (ANSA/LUCA NERI)", "a")
        + body
        + _figure("Un operaio ripara la rampa del traghetto (Autorità portuale)", "b")
        + _figure("La nave in bacino, il 5 marzo (Marta Riva/LaPresse)", "c")
        + _figure("Il percorso dei traghetti (Gazzetta del Porto/OpenStreetMap)", "d")
        + "</article></body></html>"
    )
    draft = parse_article(html, filename="page.html")
    assert [(p.caption, p.credit_line, p.credit, p.source) for p in draft.placements] == [
        ("Il molo visto dal faro, il 2 marzo", "(ANSA/LUCA NERI)", "ANSA", ""),
        (
            "Un operaio ripara la rampa del traghetto",
            "(Autorità portuale)",
            "Autorità portuale",
            "",
        ),
        ("La nave in bacino, il 5 marzo", "(Marta Riva/LaPresse)", "LaPresse", ""),
        (
            "Il percorso dei traghetti",
            "(Gazzetta del Porto/OpenStreetMap)",
            "Gazzetta del Porto",
            "OpenStreetMap",
        ),
    ]


def test_a_bracket_on_a_page_of_other_conventions_stays_in_the_caption():
    body = "".join(f"<p>{PARAGRAPH} Paragraph {w}.</p>" for w in "abcdef")
    html = (
        "<html><body><article><h1>Ferry terminal shuts</h1>"
        + body
        + _figure("The pier at dawn. Photograph: Lena Marsh/Reuters", "a")
        + _figure("The mayor (centre) with the harbour board (Ferry Trust)", "b")
        + "</article></body></html>"
    )
    captions = [p.caption for p in parse_article(html, filename="page.html").placements]
    assert captions[-1] == "The mayor (centre) with the harbour board (Ferry Trust)"


# Adverts known by where their picture comes from (an ad server, a banner in a standard advert
# size) and the publisher's own subscription boxes in other languages are furniture.


def test_ad_server_banners_and_subscription_boxes_are_left_out():
    body = "".join(f"<p>{PARAGRAPH} Paragraph {w}.</p>" for w in "abcdef")
    html = (
        "<html><body><article><h1>Ferry terminal shuts</h1>"
        + body
        + _figure("Workers repaint the hull of the last ferry. (AP Photo/Lena Marsh)", "a")
        + '<div class="side"><img src="https://ads.harbour.example/c/77.jpg" alt=""></div>'
        + '<div><img src="https://img.harbour.example/b/300x600/winter.jpg" alt=""></div>'
        + '<div class="box-abonnement"><img src="https://img.harbour.example/p/j.jpg" '
        'alt="Lisez le Port"></div>' + body + "</article></body></html>"
    )
    draft = parse_article(html, filename="page.html")
    assert [p.caption for p in draft.placements] == ["Workers repaint the hull of the last ferry."]
    assert [lo.reason for lo in draft.left_out].count("advertisement") >= 3


# A graphic credited to its maker with its data's source ("Graphic: House / Source: Body"),
# and Dutch "Infographic <house>" with no colon.


def test_graphic_maker_and_its_data_source():
    for line in (
        "(Graphic: Harbour Weekly / Source: Port Authority)",
        "Grafik: Harbour Weekly / Quelle: Port Authority",
        "Infographic: Harbour Weekly; Data: Port Authority",
    ):
        parts = read_credit_line(line)
        assert (parts.credit, parts.source, parts.creator) == (
            "Harbour Weekly",
            "Port Authority",
            "",
        ), line


def test_dutch_infographic_label_with_no_colon():
    assert read_credit_line("Infographic de Havenkrant").credit == "de Havenkrant"
    assert read_credit_line("Infografiek NRC").credit == "NRC"


# A byline printed with its date ("by Name on 3 December 2026", "By Name | March 3, 2026"):
# the article's date, and a byline (the section kicker above the headline is no video title).


def test_byline_with_its_date():
    for byline, day in (
        ("by Lena Marsh on 3 December 2026", "2026-12-03"),
        ("By Lena Marsh | March 3, 2026", "2026-03-03"),
        ("Par Léa Martin, le 3 décembre 2026", "2026-12-03"),
    ):
        text = (
            "Harbour Weekly\n"
            "Coastal Series: Ferries of the North\n"
            "Ferry terminal shuts for a year of repairs\n"
            f"{byline}\n"
            f"{_story(4)}\n"
        )
        draft = parse_article(text)
        assert draft.date is not None and draft.date.isoformat() == day, byline
        assert draft.placements == [], byline


# Money in more house styles: the rand ("R1,800", "R450-million"), the rupiah, the rupee and
# the ringgit before the figure ("Rp 150,000", "Rs 1,200", "RM 50,000"), currency signs of
# Asia and Africa, and Italian thousands joined to the figure ("45mila").


def test_more_currencies_before_the_figure():
    from archive.articles.figures import read_figures

    def read(text: str) -> list[tuple[str, str]]:
        return [(str(f.value), f.unit) for f in read_figures(text)]

    assert read("The city spent R1,800 on water.") == [("1800", "ZAR")]
    assert read("It approved R450-million for the dam.") == [("450000000", "ZAR")]
    assert read("The R1.2-billion scheme is late.") == [("1200000000", "ZAR")]
    assert read("Take the R44 towards the coast.") == []
    assert read("Crabs sell for Rp 150,000 a kilo.") == [("150000", "IDR")]
    assert read("Tankers charge Rs 1,200 a trip.") == [("1200", "INR")]
    assert read("The stall earns RM 50,000 a year.") == [("50000", "MYR")]
    assert read("A ticket costs ₩12,000 now.") == [("12000", "KRW")]
    assert read("Sono stati stanziati 500mila euro.") == [("500000", "EUR")]
    assert read("Passano 45mila veicoli.")[0][0] == "45000"


# Fractions, shares and multiples in more words: Finnish fractions with their case endings
# ("kaksi kolmasosaa", "neljäsosan") and its elative shares ("neljä viidestä"), Portuguese
# "dois terços" and "metade", English "half the", "twice that" and "N times more", Finnish
# "kymmenkunta" (about ten, with no article).


def test_more_fractions_shares_and_multiples():
    from archive.articles.figures import read_figures

    def values(text: str) -> list[str]:
        return [f"{f.value.normalize():f}" for f in read_figures(text)]

    assert values("Laitos tuottaa kaksi kolmasosaa sähköstä.") == ["0.67"]
    assert values("Noin neljäsosan asukkaista arvioidaan muuttavan.") == ["0.25"]
    assert values("Kolme neljästä kunnasta nostaa veroa.") == ["0.75"]
    assert values("A empresa recuperou dois terços das linhas.") == ["0.67"]
    assert values("Rainfall reached half the yearly average.") == ["0.5"]
    assert values("It took half the time.") == []
    assert values("The new roof cost twice that.") == ["2"]
    assert values("Wetlands hold five times more water than fields.") == ["5"]
    assert values("Kymmenkunta kuntaa on jo liittynyt.") == ["10"]


# Finnish multipliers and currency in the cases a figure puts them in ("1,8 miljoonan euron",
# "4,5 miljoonaa euroa", "120 euroa").


def test_finnish_inflected_multipliers_and_euros():
    from archive.articles.figures import read_figures

    def read(text: str) -> list[tuple[str, str]]:
        return [(f"{f.value.normalize():f}", f.unit) for f in read_figures(text)]

    assert read("Valtuusto hyväksyi 2,5 miljoonan euron lainan.") == [("2500000", "EUR")]
    assert read("Hanke maksaa 3,2 miljardia euroa.") == [("3200000000", "EUR")]
    assert read("Lippu maksaa 120 euroa.") == [("120", "EUR")]


# A usage note printed in brackets before the credit ("(NOT FOR SALE) (Agency)", "(EDITORIAL
# USE ONLY) (Agency)") belongs to the credit line, not the caption.


def test_usage_note_before_the_credit_is_part_of_the_credit_line():
    for note in ("(PHOTO NOT FOR SALE)", "(EDITORIAL USE ONLY)", "[MANDATORY CREDIT]"):
        found = read_caption(f"Ice on the river at dawn on Jan. 4. {note} (AP Photo/Lena Marsh)")
        assert (found.caption, found.credit_line, found.credit) == (
            "Ice on the river at dawn on Jan. 4.",
            f"{note} (AP Photo/Lena Marsh)",
            "AP",
        ), note


# Finnish "according to" printed after its source, in the genitive ("Yhtiön mukaan": the
# company named before; "Tilastokeskuksen mukaan": Tilastokeskus).


def test_finnish_according_to_after_its_source():
    from archive.articles.claims import extract_claim_candidates

    claims = extract_claim_candidates(
        [
            "Laiturit Oy:n mukaan hinnat nousevat 5 prosenttia ensi vuonna.",
            "Yhtiön mukaan kaksi kolmasosaa laivoista on jo vanhoja.",
            "Tilastokeskuksen mukaan matkustajia oli 1,2 miljoonaa viime vuonna.",
        ]
    )
    assert [(f"{c.figure.normalize():f}", c.claimant) for c in claims] == [
        ("5", "Laiturit Oy"),
        ("0.67", "Laiturit Oy"),
        ("1200000", "Tilastokeskus"),
    ]
