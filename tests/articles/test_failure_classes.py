"""Failure classes found on a never-tuned corpus, each on a few lines written here.

Each test is a convention, a markup pattern, a date format, a unit or a claimant reference
that other publishers' pages share; the snippets are invented and the expected values are
read off them.
"""

from __future__ import annotations

from decimal import Decimal

from archive.articles import parse_article
from tests.articles.conftest import PARAGRAPH


def _story(n: int) -> str:
    return "\n".join(f"{PARAGRAPH} Paragraph {word} of the story." for word in "abcdefgh"[:n])


# A "Comments" link in the share bar above the story is not the story's end.


def test_comments_link_above_the_story_does_not_end_it():
    text = (
        "Ferry terminal to close for a year\n"
        "Notice: this page was archived and some details may have changed since it went up.\n"
        "A note from the editors: readers can send corrections through the form below it.\n"
        "A second notice printed by the site above every story in this section of the paper.\n"
        "Comments\n"
        "Share\n"
        f"{_story(5)}\n"
        "A crane lifts a pontoon off the slipway at the terminal\n"
        "LENA MARSH/REUTERS\n"
        f"{_story(3)}\n"
        "Comments\n"
        "Join the conversation below.\n"
    )
    draft = parse_article(text)
    assert len(draft.paragraphs) >= 8
    assert [p.caption for p in draft.placements] == [
        "A crane lifts a pontoon off the slipway at the terminal"
    ]
    assert not any("Join the conversation" in p for p in draft.paragraphs)


def test_comments_line_after_the_story_still_ends_it():
    text = f"Ferry terminal to close\n{_story(5)}\nComments\n{PARAGRAPH} A reader wrote this.\n"
    draft = parse_article(text)
    assert not any("A reader wrote" in p for p in draft.paragraphs)


# A button printed over each picture ("Expand image", "View photo in gallery:") is furniture:
# it is not a paragraph of the story, nor the caption of the picture under it.


def test_picture_buttons_are_furniture():
    text = (
        "Ferry terminal to close\n"
        f"{_story(3)}\n"
        "View this image in the gallery:\n"
        "Workers repaint the hull of the last ferry in the dry dock.\n"
        "LENA MARSH/REUTERS\n"
        f"{_story(3)}\n"
        "Expand image\n"
        "A pontoon waits at the slipway before its tow upriver.\n"
        "(AP Photo)\n"
        f"{_story(2)}\n"
    )
    draft = parse_article(text)
    assert [p.caption for p in draft.placements] == [
        "Workers repaint the hull of the last ferry in the dry dock.",
        "A pontoon waits at the slipway before its tow upriver.",
    ]
    assert not any("image" in p.lower() for p in draft.paragraphs)


# A credit on a line of its own that names no known agency: a photographer and the house
# they shoot for, in capitals or not, or the word that the picture was handed out.


def test_lone_credit_lines_naming_unknown_houses():
    text = (
        "Ferry terminal to close\n"
        f"{_story(3)}\n"
        "Workers repaint the hull of the last ferry in the dry dock.\n"
        "PIETRO VALLE/THE RIVER COURIER\n"
        f"{_story(2)}\n"
        "The harbour master speaks to reporters at the terminal gate.\n"
        "SUPPLIED\n"
        f"{_story(2)}\n"
        "A tug noses the pontoon towards the channel at dawn.\n"
        "Ines Arbeloa/Harbour Weekly News\n"
        f"{_story(2)}\n"
    )
    got = [(p.caption, p.credit_line, p.creator) for p in parse_article(text).placements]
    assert got == [
        (
            "Workers repaint the hull of the last ferry in the dry dock.",
            "PIETRO VALLE/THE RIVER COURIER",
            "PIETRO VALLE",
        ),
        ("The harbour master speaks to reporters at the terminal gate.", "SUPPLIED", ""),
        (
            "A tug noses the pontoon towards the channel at dawn.",
            "Ines Arbeloa/Harbour Weekly News",
            "Ines Arbeloa",
        ),
    ]


def test_a_line_of_two_names_with_a_slash_is_not_always_a_credit():
    from archive.articles.caption_credits import read_caption

    assert read_caption("Ines Arbeloa/Pietro Valle").credit_line == ""
    assert read_caption("Budget talks: Lisbon/Madrid").credit_line == ""


# Money's multiplier joined by a hyphen ("$3.2-billion", "C$75-million"): the Canadian style.


def test_hyphenated_money_multiplier():
    from archive.articles.figures import read_figures

    (one,) = read_figures("The port lost about C$3.2-billion in trade last year.")
    assert (one.value, one.unit) == (Decimal("3200000000"), "CAD")
    (pair,) = read_figures("Repairs will cost between $75-million and $90-million, she said.")
    assert (pair.value, pair.high) == (Decimal("75000000"), Decimal("90000000"))
    (word,) = read_figures("It fielded a 12-million-strong militia.")
    assert word.value == Decimal("12")


# Indian numbering: a lakh is a hundred thousand, a crore ten million.


def test_lakh_and_crore():
    from archive.articles.figures import read_figures

    (money,) = read_figures("The state released ₹3.5 crore for the new bridge.")
    assert (money.value, money.unit) == (Decimal("35000000"), "INR")
    (count,) = read_figures("Nearly 4 lakh commuters use the line every day.")
    assert (count.value, count.unit) == (Decimal("400000"), "commuters")


# "Video: a title" is the video's label and title, not its credit; the credit follows on the
# next line, labelled ("Video credit: X", "Відео: X") or as a name alone in capitals.


def test_video_label_before_its_title_and_credit_below():
    text = (
        "Ferry terminal to close\n"
        f"{_story(3)}\n"
        "Video: Tugboats haul the old pontoon out of the harbour\n"
        "Video credit: Harbour Weekly\n"
        f"{_story(2)}\n"
        "Відео: Як буксири тягнуть понтон з гавані\n"
        "Відео: портова служба\n"
        f"{_story(2)}\n"
        "Video: Divers inspect the damaged hull below the waterline\n"
        "CITY FIRE SERVICE\n"
        f"{_story(2)}\n"
        "Pilots guide the last crossing of the night.\n"
        "Video: AP\n"
        f"{_story(2)}\n"
    )
    got = [(p.kind, p.caption, p.credit_line) for p in parse_article(text).placements]
    assert got == [
        (
            "video",
            "Tugboats haul the old pontoon out of the harbour",
            "Video credit: Harbour Weekly",
        ),
        ("video", "Як буксири тягнуть понтон з гавані", "Відео: портова служба"),
        ("video", "Divers inspect the damaged hull below the waterline", "CITY FIRE SERVICE"),
        ("video", "Pilots guide the last crossing of the night.", "Video: AP"),
    ]


# "A caption | CREDIT": a bar between the caption and its credit in capitals or an agency's
# name; a bar inside a sentence is left alone.


def test_credit_after_a_bar():
    from archive.articles.caption_credits import read_caption

    found = read_caption("Tugs wait off the breakwater on Friday | PORT AUTHORITY / VIA JIJI")
    assert (found.caption, found.credit_line) == (
        "Tugs wait off the breakwater on Friday",
        "PORT AUTHORITY / VIA JIJI",
    )
    found = read_caption("A diver surfaces beside the hull. | Reuters")
    assert (found.caption, found.credit_line, found.credit) == (
        "A diver surfaces beside the hull.",
        "Reuters",
        "Reuters",
    )
    assert read_caption("Ferry times | Timetable changes from Monday").credit_line == ""


# The most-read list below the story, headed in the page's language: its headlines are not
# captions, even when the site's copyright line (a "credit") follows the last one.


def test_most_read_list_in_other_languages_ends_the_story():
    for heading in ("Meest gelezen", "Найпопулярніше", "Most viewed in Sport"):
        text = (
            "Veerpont stopt\n"
            f"{_story(4)}\n"
            f"{heading}\n"
            "Gemeente sluit twee bruggen voor onderhoud\n"
            "Nieuwe dienstregeling voor de veerboot vanaf maart\n"
            "© Harbour Media 2026\n"
        )
        assert parse_article(text).placements == [], heading


# A newsletter's sign-up line between two paragraphs is not a caption printed without credit.


def test_newsletter_signup_line_is_not_a_caption():
    text = (
        "Ferry terminal to close\n"
        f"{_story(3)}\n"
        "Get the Harbour Morning newsletter in your inbox\n"
        f"{_story(3)}\n"
    )
    draft = parse_article(text)
    assert draft.placements == []
    assert not any("newsletter" in p for p in draft.paragraphs)


# "A caption. Foto Name": the credit's label with no colon after the caption's last sentence.


def test_label_without_colon_after_the_caption():
    from archive.articles.caption_credits import read_caption

    found = read_caption("Een sleepboot bij de sluis in IJmuiden. Foto Mirjam Dekker/ANP")
    assert (found.caption, found.credit_line, found.credit, found.creator) == (
        "Een sleepboot bij de sluis in IJmuiden.",
        "Foto Mirjam Dekker/ANP",
        "ANP",
        "Mirjam Dekker",
    )
    found = read_caption("Aantal veerdiensten per jaar, 2010-2025. Grafiek Havenkrant")
    assert (found.caption, found.credit_line) == (
        "Aantal veerdiensten per jaar, 2010-2025.",
        "Grafiek Havenkrant",
    )
    # a sentence that goes on after the word is not a credit
    assert read_caption("Hij maakte een foto. Foto van de dag is gekozen").credit_line == ""


# A bare player with its title and credit printed beside it, outside any figure, in elements
# named for them ("player-title", "clip-credit").


def _page(body: str) -> str:
    story = "".join(f"<p>{PARAGRAPH} Part {n} of the story.</p>" for n in range(3))
    return (
        "<html><head><title>Ferry terminal</title></head><body><article>"
        f"<h1>Ferry terminal to close</h1>{story}{body}{story}</article></body></html>"
    )


def test_player_title_beside_a_bare_player():
    html = _page(
        '<div class="clip"><div class="clip-player" data-video-id="f-77">'
        '<video poster="/p.jpg" controls></video></div>'
        '<p class="player-title">Tugboats haul the old pontoon out of the harbour</p>'
        '<p class="clip-credit">Video: Harbour Weekly</p></div>'
    )
    (video,) = parse_article(html, filename="page.html").placements
    assert (video.kind, video.title, video.caption, video.credit_line) == (
        "video",
        "Tugboats haul the old pontoon out of the harbour",
        "Tugboats haul the old pontoon out of the harbour",
        "Video: Harbour Weekly",
    )


def test_video_label_without_colon_in_a_credit_element():
    from archive.articles.credit_lines import read_credit_line

    assert read_credit_line("Video Reuters").credit == "Reuters"
    assert read_credit_line("Video Harbour Weekly").credit == "Harbour Weekly"


# A caption element holding only the maker's credit and the pictures it was made from
# ("Illustration by X. Sources: A; B."): a credit with no caption.


def test_illustration_credit_with_its_sources():
    from archive.articles.caption_credits import read_caption

    found = read_caption("Illustration by Harbour Weekly. Sources: Alamy; Reuters.")
    assert (found.caption, found.credit_line, found.credit) == (
        "",
        "Illustration by Harbour Weekly. Sources: Alamy; Reuters.",
        "Harbour Weekly",
    )
    # a caption that speaks of sources is still a caption
    found = read_caption("Illustration by a pupil of the school. Sources: her class")
    assert found.credit_line == ""


# "Updated - <date>" printed above "Published - <date> <time> <zone> - PLACE": the date is
# the one published, and a zone and a place after the time still make a dateline.


def test_published_stamp_wins_over_an_update_above_it():
    from datetime import date

    from archive.articles.dates import dateline

    assert dateline("Published - March 04, 2026 06:10 pm JST - SENDAI") == date(2026, 3, 4)
    text = (
        "Ferry terminal to close\n"
        "Updated - March 05, 2026 09:00 am AEST\n"
        "Published - March 04, 2026 06:10 pm AEST - HOBART\n"
        f"{_story(4)}\n"
    )
    assert parse_article(text).date == date(2026, 3, 4)


# A caption printed with no credit as one short sentence between two long paragraphs; short
# sentences of the story itself (a reply, speech, a sentence going on from the one above) stay.

LONG = (
    "The harbour board met for three hours on Thursday and heard from engineers, ferry "
    "operators and residents of both banks before it agreed on the timetable for the works."
)


def test_short_sentence_caption_between_long_paragraphs():
    text = (
        f"Ferry terminal to close\n{_story(3)}\n{LONG}\n"
        "Divers inspect the rusted piles below the old landing stage.\n"
        f"{LONG}\n"
        "The operator did not respond to a request for comment.\n"
        f"{LONG}\n"
        "But the works will not start before the summer season ends.\n"
        f"{LONG}\n"
    )
    draft = parse_article(text)
    assert [(p.caption, p.credit_line, p.needs_review) for p in draft.placements] == [
        ("Divers inspect the rusted piles below the old landing stage.", "", True)
    ]
    assert "The operator did not respond to a request for comment." in draft.paragraphs


# Fractions in German, Italian and Ukrainian words ("drei Viertel", "un quinto", "чверть");
# an ordinal ("il quinto giorno", "im ersten Viertel") is no share.


def test_fraction_words_in_more_languages():
    from archive.articles.figures import read_figures

    def shares(sentence: str) -> list[Decimal]:
        return [f.value for f in read_figures(sentence) if f.share]

    assert shares("Drei Viertel der Fähren fahren mit Diesel.") == [Decimal("0.75")]
    assert shares("Die Gebühr ist um ein Fünftel gesunken.") == [Decimal("0.2")]
    assert shares("Un quinto dei traghetti resta in porto.") == [Decimal("0.2")]
    assert shares("Чверть поромів стоїть у порту.") == [Decimal("0.25")]
    assert shares("Il quinto traghetto parte alle otto.") == []
    assert shares("Im ersten Viertel des Jahres fuhr keine Fähre.") == []


# A credit on its own line under the caption, with a label in Finnish or Hungarian ("Kuva:",
# "Fotó:"); when a heading follows it (no full stop), the sentence above is its caption.


def test_finnish_picture_label_on_its_own_line():
    text = (
        "Satama suljetaan korjausten ajaksi\n"
        f"{_story(3)}\n"
        "Nosturi nostaa ponttonin telakalta vanhassa satamassa.\n"
        "Kuva: Liisa Marttila / Lehti\n"
        "Korjaukset kestävät koko vuoden\n"
        f"{_story(3)}\n"
        "Hinaaja odottaa laiturissa.\n"
        "Fotó: Satamayhtiö\n"
        f"{_story(2)}\n"
    )
    draft = parse_article(text)
    assert [(p.caption, p.credit_line, p.credit) for p in draft.placements] == [
        (
            "Nosturi nostaa ponttonin telakalta vanhassa satamassa.",
            "Kuva: Liisa Marttila / Lehti",
            "Lehti",
        ),
        ("Hinaaja odottaa laiturissa.", "Fotó: Satamayhtiö", "Satamayhtiö"),
    ]


# "Read also:" in Nordic, Portuguese and Dutch papers opens a teaser whose picture credit is
# not the story's picture.


def test_read_also_label_in_more_languages_is_a_teaser():
    for label in ("Läs också:", "Leia também:", "Lue myös:"):
        text = (
            "Ferry terminal to close\n"
            f"{_story(3)}\n"
            f"{label}\n"
            "Bridge tolls rise again for the third year running\n"
            "Foto: Erik Holm / Tidning\n"
            f"{_story(3)}\n"
        )
        draft = parse_article(text)
        assert draft.placements == [], label


# "A caption. Photo / Name": the label and a spaced slash close the caption's line
# (New Zealand papers); "Video / Name" makes the placement a video.


def test_slashed_label_after_the_caption():
    text = (
        "Ferry terminal to close\n"
        f"{_story(3)}\n"
        "A crane lifts a pontoon off the slipway at the terminal. Photo / Lena Marsh\n"
        f"{_story(3)}\n"
        "The harbourmaster walks the wharf before the works begin. Video / Tom Pike\n"
        f"{_story(2)}\n"
    )
    draft = parse_article(text)
    assert [(p.kind, p.caption, p.credit_line, p.credit) for p in draft.placements] == [
        (
            "picture",
            "A crane lifts a pontoon off the slipway at the terminal.",
            "Photo / Lena Marsh",
            "Lena Marsh",
        ),
        (
            "video",
            "The harbourmaster walks the wharf before the works begin.",
            "Video / Tom Pike",
            "Tom Pike",
        ),
    ]


# "A caption. AGENCY", "A caption. NAME SURNAME": a credit in capitals with no label after
# the caption's last full stop (Spanish papers); a time zone after "a.m." is not one.


def test_credit_in_capitals_after_the_caption():
    text = (
        "Ferry terminal to close\n"
        f"{_story(3)}\n"
        "Una grúa levanta un pontón en el muelle del puerto viejo. ANA LÓPEZ\n"
        f"{_story(3)}\n"
        "Un remolcador espera en el muelle. PRENSA LIBRE\n"
        f"{_story(2)}\n"
        "Updated Jan. 5, 2026, 9:10 a.m. ET\n"
        f"{_story(2)}\n"
    )
    draft = parse_article(text)
    assert [(p.caption, p.credit_line, p.credit) for p in draft.placements] == [
        ("Una grúa levanta un pontón en el muelle del puerto viejo.", "ANA LÓPEZ", "ANA LÓPEZ"),
        ("Un remolcador espera en el muelle.", "PRENSA LIBRE", "Prensa Libre"),
    ]


# A player's "Play video" button copied in another language ("Reproducir vídeo", "Video
# abspielen") makes the caption under it a video's.


def test_play_video_button_in_other_languages():
    for button in ("Reproducir vídeo", "Video abspielen", "Riproduci video"):
        text = (
            "Ferry terminal to close\n"
            f"{_story(3)}\n"
            f"{button}\n"
            "Así se remolca un pontón por el río. PRENSA LIBRE\n"
            f"{_story(3)}\n"
        )
        draft = parse_article(text)
        assert [(p.kind, p.caption) for p in draft.placements] == [
            ("video", "Así se remolca un pontón por el río.")
        ], button


# A credit element printed after a dash ("caption <span class=credit>- Name/Agency</span>"):
# the dash separates it from the caption and is no part of the credit line.


def test_dash_before_a_credit_element():
    html = _page(
        '<figure><img src="/pontoon.jpg" alt=""><figcaption>A crane lifts a pontoon off the '
        'slipway <span class="image-credit">- Lena Marsh/Reuters</span></figcaption></figure>'
    )
    draft = parse_article(html, filename="page.html")
    assert [(p.caption, p.credit_line, p.creator) for p in draft.placements] == [
        ("A crane lifts a pontoon off the slipway", "Lena Marsh/Reuters", "Lena Marsh")
    ]


# "(foto di Name)": an Italian by-label in lower case in brackets; the preposition is not part
# of the credit.


def test_lower_case_by_label_in_italian():
    text = (
        "Ferry terminal to close\n"
        f"{_story(3)}\n"
        "La gru solleva un pontone dallo scalo del porto vecchio (foto di Lena Marsh)\n"
        f"{_story(3)}\n"
    )
    draft = parse_article(text)
    assert [(p.caption, p.credit_line, p.credit) for p in draft.placements] == [
        (
            "La gru solleva un pontone dallo scalo del porto vecchio",
            "(foto di Lena Marsh)",
            "Lena Marsh",
        )
    ]


# Thousands and millions in Portuguese, Spanish and Finnish words after the digits ("120 mil",
# "R$ 7 milhões", "2,5 miljoonaa"), and the Brazilian real's sign.


def test_thousands_and_millions_in_more_languages():
    from archive.articles.figures import read_figures

    (one,) = read_figures("O porto recebeu 120 mil passageiros no verão.")
    assert one.value == Decimal("120000")
    (two,) = read_figures("A obra vai custar R$ 7 milhões ao município.")
    assert (two.value, two.unit) == (Decimal("7000000"), "BRL")
    (three,) = read_figures("Satama maksaa korjauksista noin 2,5 miljoonaa euroa.")
    assert three.value == Decimal("2500000")


# Small numbers in Portuguese and Finnish words.


def test_number_words_in_portuguese_and_finnish():
    from archive.articles.figures import read_figures

    (one,) = read_figures("A prefeitura abriu oito postos de vacinação no bairro.")
    assert one.value == Decimal("8")
    (two,) = read_figures("Satamaan rakennetaan kolme uutta laituria.")
    assert two.value == Decimal("3")


# The story printed as text straight in a box, paragraphs cut by <br><br>, pictures in boxes
# between them: each run of text is a paragraph, in its place among the pictures.


def test_story_text_cut_by_line_breaks_in_a_box():
    html = (
        "<html><head><title>Harbour</title></head><body><main><h1>Harbour dues rise</h1>"
        '<div class="story-body">HULL: The port authority will raise harbour dues by 12% '
        "from April, its chief executive told the board on Monday.<br><br>"
        "Fishing crews said the rise would cost each trawler about <b>£4,000</b> a year, "
        "and 30 skippers signed a letter against it.<br><br>"
        '<div class="pic"><img src="/quay.jpg" width="800" height="500" alt="">'
        '<div class="pic-caption">Trawlers tied up at the fish quay. (Photo: Dock Agency)'
        "</div></div>"
        "The authority said the dues had not risen since 2019 and that the quay walls "
        "needed repairs worth £2m.<br><br>"
        "</div></main></body></html>"
    )
    draft = parse_article(html, filename="page.html")
    assert draft.paragraphs == [
        "HULL: The port authority will raise harbour dues by 12% from April, its chief "
        "executive told the board on Monday.",
        "Fishing crews said the rise would cost each trawler about £4,000 a year, and 30 "
        "skippers signed a letter against it.",
        "The authority said the dues had not risen since 2019 and that the quay walls needed "
        "repairs worth £2m.",
    ]
    (picture,) = draft.placements
    assert (picture.caption, picture.credit_line) == (
        "Trawlers tied up at the fish quay.",
        "(Photo: Dock Agency)",
    )
    figures = {c.figure for c in draft.claim_candidates}
    assert figures >= {Decimal("12"), Decimal("4000"), Decimal("30"), Decimal("2000000")}


# Claimants. Each snippet is a paragraph list read by the claim rules; the claimant expected is
# who the words say states the figure.


def _claimants(paragraphs: list[str]) -> dict[Decimal, str]:
    from archive.articles.claims import extract_claim_candidates

    return {c.figure: c.claimant for c in extract_claim_candidates(paragraphs)}


# The speaker named after the verb when a comma or a quotation comes first ("..., säger han",
# "..., a annoncé la préfecture de Lyon", "..., contó Name", "”, said Name").


def test_speaker_named_after_the_verb():
    found = _claimants(
        [
            "– Vi öppnade klockan sex, säger bagaren Ingrid Falk.",
            "Omkring 40 kunder kom före klockan sju, säger hon.",
            "Près de 300 arbres sont tombés dans la nuit, a annoncé la préfecture de Lyon.",
            "El alquiler subió un 12% en un año, contó Lucía Ferraro, vecina de Caballito.",
        ]
    )
    assert found[Decimal("40")] == "Ingrid Falk"
    assert found[Decimal("300")] == "la préfecture de Lyon"
    assert found[Decimal("12")] == "Lucía Ferraro"


def test_appositive_before_the_verb_still_names_the_speaker():
    found = _claimants(["Tom Reyes, 61, a ferryman, told the inquiry that 14 sailings were lost."])
    assert found[Decimal("14")] == "Tom Reyes"


# "According to" and speech verbs in Portuguese, Spanish and Swedish.


def test_attribution_in_portuguese_spanish_and_swedish():
    found = _claimants(
        [
            "Segundo a Autoridade Marítima Nacional, 18 embarcações ficaram retidas no porto.",
            "De acuerdo con la Cámara de Comercio, 230 locales cerraron este año.",
            "Länsstyrelsen uppger att 75 fastigheter saknar vatten.",
            "A Federação dos Pescadores diz que perdeu 9 barcos.",
        ]
    )
    assert found[Decimal("18")] == "Autoridade Marítima Nacional"
    assert found[Decimal("230")] == "Cámara de Comercio"
    assert found[Decimal("75")] == "Länsstyrelsen"
    assert found[Decimal("9")] == "Federação dos Pescadores"


# "an estimated 9,000" is no speech verb; a closing ", the survey found." attributes the
# whole sentence, whatever verb came first.


def test_adjectival_verb_and_closing_attribution():
    found = _claimants(
        [
            "The Coastal Rowing Federation polled its clubs in May.",
            "Clubs on the east coast reported 320 new members, the survey found.",
            "The regatta drew an estimated 9,000 spectators, Harbour Events Trust said.",
        ]
    )
    assert found[Decimal("320")] == "Coastal Rowing Federation"
    assert found[Decimal("9000")] == "Harbour Events Trust"


# People counted as the subject ("Of those, 41 said") name no claimant.


def test_counted_respondents_are_no_claimant():
    found = _claimants(
        [
            "The Allotment Society wrote to 90 members.",
            "Of those, 27 said they would give up their plots.",
        ]
    )
    assert found[Decimal("27")] == ""


# A short form given in brackets ("the Northern Water Board (NWB)") resolves to the full name.


def test_short_form_resolves_to_the_full_name():
    found = _claimants(
        [
            "The Northern Water Board (NWB) met on Tuesday.",
            "Reservoirs are at 48% of capacity, the NWB said.",
        ]
    )
    assert found[Decimal("48")] == "Northern Water Board"


# "A council spokesperson", "a ministry official", German "ein Polizeisprecher": the body of
# that name met before, not the last person named.


def test_spokesperson_of_a_body_named_before():
    found = _claimants(
        [
            "Councillor Jane Okafor criticised the Dunmore District Council over the closures.",
            "A council spokesperson said 6 libraries would reopen in spring.",
            "Die Polizei Hamburg sperrte den Hafen.",
            "Ein Polizeisprecher sagte, 30 Boote seien kontrolliert worden.",
        ]
    )
    assert found[Decimal("6")] == "Dunmore District Council"
    assert found[Decimal("30")] == "Polizei Hamburg"


# A signpost opening a sentence ("By the numbers:") is no part of its subject.


def test_signpost_before_the_subject():
    found = _claimants(
        [
            "The Lakeland Tourism Association published its figures on Friday.",
            "By the numbers: The association counted 1.2 million visitors last summer.",
        ]
    )
    assert found[Decimal("1200000")] == "Lakeland Tourism Association"


# An attributed quotation with no figure is a candidate when its speaker is named or
# referred to, not when the verb stands alone ("..., dice dalla finestra").


def test_quotation_without_a_named_speaker_is_no_candidate():
    from archive.articles.claims import extract_claim_candidates

    named = extract_claim_candidates(
        ["“We will not close the pier while I am on this council,” said Mary Quinn."]
    )
    assert [c.claimant for c in named] == ["Mary Quinn"]
    unnamed = extract_claim_candidates(
        ['"Sono cresciuto su questa isola e qui voglio restare", dice dal molo del porto.']
    )
    assert unnamed == []


# Credits. A frame taken from a page or a video ("SCREENGRAB FROM X", "Screenshot from X"):
# the page or platform it was taken from is credited.


def test_screengrab_credits_the_platform():
    from archive.articles.credit_lines import read_credit_line

    assert read_credit_line("SCREENGRAB FROM INSTAGRAM").credit == "Instagram"
    assert read_credit_line("Screenshot from YouTube/Harbour Rescue").credit == "YouTube"
    assert read_credit_line("Screengrab: Telegram").credit == "Telegram"


# A handout or reproduction word printed before whoever handed the picture out
# ("Divulgação/Org", "Reprodução/Instagram", "Handout/Ministry"): that one is credited.


def test_handout_word_before_the_organisation():
    from archive.articles.credit_lines import read_credit_line

    assert read_credit_line("Divulgação/Porto de Santos").credit == "Porto de Santos"
    assert read_credit_line("Reprodução/Instagram").credit == "Instagram"
    assert read_credit_line("Handout/Harbour Authority").credit == "Harbour Authority"


# What the picture is, printed as a part of a slashed credit ("House/Infografik") or as a
# label inside a part ("XY/Vidéo : Name"), names nobody.


def test_kind_word_in_a_slashed_credit():
    from archive.articles.credit_lines import read_credit_line

    assert read_credit_line("© Weser-Kurier/Grafik").credit == "Weser-Kurier"
    found = read_credit_line("OF/Vidéo : Camille Arnaud")
    assert (found.credit, found.creator) == ("OF", "Camille Arnaud")
    assert read_credit_line("Infografia: Jornal da Serra").credit == "Jornal da Serra"


# A house's own desk before its photographer's name ("HW PHOTO: NAME", "(HW photo by Name)"):
# the house is credited, and its initials name the publication the page is from.


def test_house_desk_and_its_initials():
    from archive.articles.credit_lines import read_credit_line
    from archive.articles.house_credits import own_house_credit

    found = read_credit_line("HW PHOTO: JANE DOE")
    assert (found.credit, found.creator) == ("HW", "JANE DOE")
    found = read_credit_line("(HW photo by Jane Doe)")
    assert (found.credit, found.creator) == ("HW", "Jane Doe")
    assert own_house_credit("HW PHOTO: JANE DOE", "HW", "JANE DOE", "The Harbour Weekly") == (
        "The Harbour Weekly",
        "JANE DOE",
    )
    # A house known by initials printed after the name keeps them; other initials stay.
    assert own_house_credit("Jo Bloggs - RTN", "RTN", "Jo Bloggs", "Radio Télé Nord") == (
        "RTN",
        "Jo Bloggs",
    )
    assert own_house_credit("AFP/Jo Bloggs", "AFP", "Jo Bloggs", "The Harbour Weekly") == (
        "AFP",
        "Jo Bloggs",
    )


def test_house_desk_in_a_page_names_the_publication():
    html = (
        '<html><head><meta property="og:site_name" content="Le Courrier du Port">'
        "<title>Quai</title></head><body><article><h1>Le quai ferme</h1>"
        f"<p>{PARAGRAPH}</p>"
        '<figure><img src="/quai.jpg" width="800" height="500" alt="">'
        "<figcaption>Le quai nord, mardi matin. CP/Lucie Marchand</figcaption></figure>"
        f"<p>{PARAGRAPH}</p>"
        '<figure><img src="/bateau.jpg" width="800" height="500" alt="">'
        "<figcaption>Un chalutier au mouillage. (Photo: Le Courrier du Port / Paul Henry)"
        "</figcaption></figure>"
        f"<p>{PARAGRAPH}</p></article></body></html>"
    )
    first, second = parse_article(html, filename="page.html").placements
    assert (first.credit, first.creator) == ("Le Courrier du Port", "Lucie Marchand")
    assert (second.credit, second.creator) == ("Le Courrier du Port", "Paul Henry")


# A kind label before a caption ("Watch: ...", "Vidéo. ...", "Map: ...", "Chart: ...") is page
# furniture; "Watch:" or "Vidéo." says the thing is a video. Under the site's own caption label
# ("Media caption, Watch: ...") the words are the caption as printed.


def test_kind_label_before_a_caption():
    from archive.articles.draft import DraftPlacement, drop_kind_labels

    watch = DraftPlacement(0, "picture", caption="Watch: Dockers walk out over the new rota")
    video = DraftPlacement(0, "video", caption="Vidéo. Les quais inondés vus depuis le pont")
    chart = DraftPlacement(0, "picture", caption="Chart: Sailings cancelled each month, 2024")
    credit = DraftPlacement(0, "video", caption="Video: Harbour Weekly")
    labelled = DraftPlacement(
        0, "video", caption="Watch: The tide reaches the quay", caption_labelled=True
    )
    drop_kind_labels([watch, video, chart, credit, labelled])
    assert (watch.kind, watch.caption) == ("video", "Dockers walk out over the new rota")
    assert video.caption == "Les quais inondés vus depuis le pont"
    assert (chart.kind, chart.caption) == ("picture", "Sailings cancelled each month, 2024")
    assert credit.caption == "Video: Harbour Weekly"
    assert labelled.caption == "Watch: The tide reaches the quay"


def test_kind_label_before_a_caption_in_plain_text():
    text = (
        "Ferry fares to rise\n"
        f"{_story(3)}\n"
        "Map: The new ferry routes across the bay.\n"
        "Graphic: Harbour Weekly\n"
        f"{_story(3)}\n"
    )
    (graphic,) = parse_article(text).placements
    assert (graphic.caption, graphic.credit_line) == (
        "The new ferry routes across the bay.",
        "Graphic: Harbour Weekly",
    )


# Multiples in words in other languages ("o triplo", "el doble", "deux fois plus", "вдвое",
# "twice as") and collective numerals of tens ("une quarantaine de").


def test_multiples_and_round_counts_in_words():
    from archive.articles.figures import read_figures

    cases = {
        "Os pescadores ganham hoje o dobro do que ganhavam em 2020.": Decimal("2"),
        "La tarifa del ferry es casi el triple que hace cinco años.": Decimal("3"),
        "Les réserves sont trois fois moins importantes qu'en juin.": Decimal("3"),
        "Аренда причала подорожала втрое за два года.": Decimal("3"),
        "The new terminal is twice as large as the old one.": Decimal("2"),
        "Une cinquantaine de bateaux sont restés au port mardi.": Decimal("50"),
    }
    for sentence, value in cases.items():
        assert value in [f.value for f in read_figures(sentence)], sentence
    # A frequency is no multiple.
    assert read_figures("The ferry broke down twice within a week.") == []


# "X, obtained by Y" / "X, released to Y": the body the picture comes from is credited, not
# the newsroom that obtained it.


def test_obtained_by_is_not_the_credit():
    from archive.articles.credit_lines import read_credit_line

    found = read_credit_line("Credit: Harbour Police Service, obtained by The Gazette")
    assert found.credit == "Harbour Police Service"
    assert read_credit_line("Photo: Port Authority, released to Harbour Weekly").credit == (
        "Port Authority"
    )
