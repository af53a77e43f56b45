"""Credit lines printed in captions: every recognised convention, and no guessing.

Expected values are read off the printed line: the credit is the organisation credited (the
agency's canonical name in `archive.agencies`, else the name as printed), the source the
original supplier named beside it, the creator the photographer.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from archive.articles import caption_credits, split_credit
from archive.articles.caption_credits import parse_credit_text, read_caption
from archive.articles.credit_lines import (
    CreditParts,
    credit_name,
    read_credit_line,
)
from archive.text import printed_credit_name

# (printed caption, caption, credit line, credit, source, creator)
CAPTION_CASES = [
    # Express, Mirror, Daily Star
    (
        "Soldiers in Kyiv (Image: GETTY)",
        "Soldiers in Kyiv",
        "(Image: GETTY)",
        "Getty Images",
        "",
        "",
    ),
    (
        "A tweet (Image: Twitter/@DefenceHQ)",
        "A tweet",
        "(Image: Twitter/@DefenceHQ)",
        "Twitter",
        "@DefenceHQ",
        "",
    ),
    ("A crowd (Picture: PA)", "A crowd", "(Picture: PA)", "PA Media", "", ""),
    ("A crowd (Pic: PA Media)", "A crowd", "(Pic: PA Media)", "PA Media", "", ""),
    (
        "Fans outside the ground (Image: Reach)",
        "Fans outside the ground",
        "(Image: Reach)",
        "Reach",
        "",
        "",
    ),
    ("Soldiers in Kyiv Image: Getty", "Soldiers in Kyiv", "Image: Getty", "Getty Images", "", ""),
    # The Guardian
    (
        "Troops in Kherson. Photograph: Dan Kitwood/Getty Images",
        "Troops in Kherson.",
        "Photograph: Dan Kitwood/Getty Images",
        "Getty Images",
        "",
        "Dan Kitwood",
    ),
    (
        "Traders in London. Photograph: Chris Radley/Bloomberg via Getty Images",
        "Traders in London.",
        "Photograph: Chris Radley/Bloomberg via Getty Images",
        "Getty Images",
        "Bloomberg",
        "Chris Radley",
    ),
    (
        "A rally. Photograph: J. R. Smith/AFP via Getty Images",
        "A rally.",
        "Photograph: J. R. Smith/AFP via Getty Images",
        "Getty Images",
        "AFP",
        "J. R. Smith",
    ),
    (
        "Hunt and Sunak. Composite: Guardian Design/Getty Images/PA",
        "Hunt and Sunak.",
        "Composite: Guardian Design/Getty Images/PA",
        "The Guardian",
        "",
        "Guardian Design",
    ),
    (
        "The first big test. Illustration: Nadia Holt/The Guardian",
        "The first big test.",
        "Illustration: Nadia Holt/The Guardian",
        "The Guardian",
        "",
        "Nadia Holt",
    ),
    ("Recruits. Photograph: Reuters", "Recruits.", "Photograph: Reuters", "Reuters", "", ""),
    # Reuters
    (
        "A tank near Bakhmut. REUTERS/Gleb Garanich",
        "A tank near Bakhmut.",
        "REUTERS/Gleb Garanich",
        "Reuters",
        "",
        "Gleb Garanich",
    ),
    (
        "A tank near Bakhmut. REUTERS/Gleb Garanich/File Photo",
        "A tank near Bakhmut.",
        "REUTERS/Gleb Garanich/File Photo",
        "Reuters",
        "",
        "Gleb Garanich",
    ),
    (
        "Biden speaks in Washington. Chip Somodevilla/Reuters",
        "Biden speaks in Washington.",
        "Chip Somodevilla/Reuters",
        "Reuters",
        "",
        "Chip Somodevilla",
    ),
    (
        "[1/2] The Kremlin, January 15, 2023. REUTERS/Yulia Demidova/File Photo "
        "Purchase Licensing Rights",
        "The Kremlin, January 15, 2023.",
        "REUTERS/Yulia Demidova/File Photo",
        "Reuters",
        "",
        "Yulia Demidova",
    ),
    # AP
    (
        "Rescuers in Kramatorsk (AP Photo/Evgeniy Maloletka)",
        "Rescuers in Kramatorsk",
        "(AP Photo/Evgeniy Maloletka)",
        "AP",
        "",
        "Evgeniy Maloletka",
    ),
    (
        "Rescuers (AP Photo/Evgeniy Maloletka, File)",
        "Rescuers",
        "(AP Photo/Evgeniy Maloletka, File)",
        "AP",
        "",
        "Evgeniy Maloletka",
    ),
    ("A flooded street. (AP Photo)", "A flooded street.", "(AP Photo)", "AP", "", ""),
    (
        "Zelensky in Kherson. (Ukrainian Presidential Press Office via AP)",
        "Zelensky in Kherson.",
        "(Ukrainian Presidential Press Office via AP)",
        "AP",
        "Ukrainian Presidential Press Office",
        "",
    ),
    # The New York Times
    (
        "A market in Chisinau. Credit...Lynsey Addario for The New York Times",
        "A market in Chisinau.",
        "Credit...Lynsey Addario for The New York Times",
        "The New York Times",
        "",
        "Lynsey Addario",
    ),
    (
        "Power lines. Credit...Sergei Gapon/Agence France-Presse — Getty Images",
        "Power lines.",
        "Credit...Sergei Gapon/Agence France-Presse — Getty Images",
        "Getty Images",
        "AFP",
        "Sergei Gapon",
    ),
    # EPA, EFE, Anadolu
    (
        "Smoke over Kyiv. EPA-EFE/SERGEY DOLZHENKO",
        "Smoke over Kyiv.",
        "EPA-EFE/SERGEY DOLZHENKO",
        "EPA-EFE",
        "",
        "SERGEY DOLZHENKO",
    ),
    (
        "Smoke over Kyiv. EPA/Oleg Petrasyuk",
        "Smoke over Kyiv.",
        "EPA/Oleg Petrasyuk",
        "EPA-EFE",
        "",
        "Oleg Petrasyuk",
    ),
    (
        "Vecinos en Madrid. EFE/Juan Pérez",
        "Vecinos en Madrid.",
        "EFE/Juan Pérez",
        "EFE",
        "",
        "Juan Pérez",
    ),
    (
        "Vecinos en Madrid. Foto: Juan Pérez (EFE)",
        "Vecinos en Madrid.",
        "Foto: Juan Pérez (EFE)",
        "EFE",
        "",
        "Juan Pérez",
    ),
    (
        "Rescuers in Hatay (Photo by Muhammed Enes Yildirim/Anadolu via Getty Images)",
        "Rescuers in Hatay",
        "(Photo by Muhammed Enes Yildirim/Anadolu via Getty Images)",
        "Getty Images",
        "Anadolu",
        "Muhammed Enes Yildirim",
    ),
    # Labels in other languages, and French spacing
    (
        "Зеленський у Херсоні. Фото: Олег Петрасюк / Укрінформ",
        "Зеленський у Херсоні.",
        "Фото: Олег Петрасюк / Укрінформ",
        "Ukrinform",
        "",
        "Олег Петрасюк",
    ),
    (
        "Шойгу на совещании. Фото: пресс-служба Минобороны РФ",
        "Шойгу на совещании.",
        "Фото: пресс-служба Минобороны РФ",
        "пресс-служба Минобороны РФ",
        "",
        "",
    ),
    (
        "Scholz in Berlin. Foto: Kay Nietfeld / dpa",
        "Scholz in Berlin.",
        "Foto: Kay Nietfeld / dpa",
        "dpa",
        "",
        "Kay Nietfeld",
    ),
    (
        "Fans in Dortmund. Foto: IMAGO / Sven Simon",
        "Fans in Dortmund.",
        "Foto: IMAGO / Sven Simon",
        "IMAGO",
        "",
        "Sven Simon",
    ),
    ("Das Rathaus. Bild: Stadt Köln", "Das Rathaus.", "Bild: Stadt Köln", "Stadt Köln", "", ""),
    ("El puerto. Fotografía: Reuters", "El puerto.", "Fotografía: Reuters", "Reuters", "", ""),
    (
        "Kyiv la nuit. Photo : Sergei Supinsky / AFP",
        "Kyiv la nuit.",
        "Photo : Sergei Supinsky / AFP",
        "AFP",
        "",
        "Sergei Supinsky",
    ),
    ("Le train. Crédit : AFP", "Le train.", "Crédit : AFP", "AFP", "", ""),
    # Le Monde, Der Spiegel, Ukrainska Pravda
    (
        "Des salariés en grève. Estelle Renaud pour « Le Monde »",
        "Des salariés en grève. Estelle Renaud pour « Le Monde »",
        "",
        "",
        "",
        "",
    ),
    (
        "Panzerhaubitze 2000 bei einer Übung. Bild: Bundeswehr / Marco Dornbusch",
        "Panzerhaubitze 2000 bei einer Übung.",
        "Bild: Bundeswehr / Marco Dornbusch",
        "Bundeswehr",
        "",
        "Marco Dornbusch",
    ),
    (
        "Ігор Савчук на місці удару. Фото: Telegram-канал Ігоря Савчука",
        "Ігор Савчук на місці удару.",
        "Фото: Telegram-канал Ігоря Савчука",
        "Telegram",
        "Ігоря Савчука",
        "",
    ),
    # Text joined from a caption and a credit printed in separate elements
    (
        "Residents lined up in Chisinau.Credit...Irina Rotaru for The New York Times",
        "Residents lined up in Chisinau.",
        "Credit...Irina Rotaru for The New York Times",
        "The New York Times",
        "",
        "Irina Rotaru",
    ),
    (
        "Agricultores protestan en Barcelona.EFE/Alejandro Ruiz",
        "Agricultores protestan en Barcelona.",
        "EFE/Alejandro Ruiz",
        "EFE",
        "",
        "Alejandro Ruiz",
    ),
    (
        "A protest in Brussels. Photo by Jane Doe/AFP via Getty Images",
        "A protest in Brussels.",
        "Photo by Jane Doe/AFP via Getty Images",
        "Getty Images",
        "AFP",
        "Jane Doe",
    ),
    # Bracketed credits with no label
    ("Protest in London (PA)", "Protest in London", "(PA)", "PA Media", "", ""),
    ("Protest in London (PA Wire)", "Protest in London", "(PA Wire)", "PA Media", "", ""),
    ("The missing woman (Handout)", "The missing woman", "(Handout)", "Handout", "", ""),
    ("The missing woman (Supplied)", "The missing woman", "(Supplied)", "Supplied", "", ""),
    # Copyright
    ("A parade © Getty Images", "A parade", "© Getty Images", "Getty Images", "", ""),
    (
        "A parade © 2022 Reuters. All rights reserved.",
        "A parade",
        "© 2022 Reuters. All rights reserved.",
        "Reuters",
        "",
        "",
    ),
    # Others
    ("The town hall Photo: Jane Doe", "The town hall", "Photo: Jane Doe", "Jane Doe", "", ""),
    ("A parade. Credit: Jane Doe", "A parade.", "Credit: Jane Doe", "Jane Doe", "", ""),
    # The BBC: the labels are for screen readers, not part of the caption or credit line
    (
        "Image source, Getty Images Image caption, Residents in the square",
        "Residents in the square",
        "Getty Images",
        "Getty Images",
        "",
        "",
    ),
    (
        "Residents in the square Image source, Reuters",
        "Residents in the square",
        "Reuters",
        "Reuters",
        "",
        "",
    ),
]


@pytest.mark.parametrize(
    ("printed", "caption", "credit_line", "credit", "source", "creator"), CAPTION_CASES
)
def test_caption_and_credit_conventions(printed, caption, credit_line, credit, source, creator):
    found = read_caption(printed)
    assert (found.caption, found.credit_line) == (caption, credit_line)
    assert found.parts == CreditParts(credit, source, creator)
    assert not found.video
    # The narrower calls answer from the same rules.
    assert split_credit(printed) == (caption, credit_line, credit)
    assert read_credit_line(credit_line).credit == credit
    assert parse_credit_text(credit_line) == (credit_line, credit)


@pytest.mark.parametrize(
    ("printed", "caption", "credit_line", "credit"),
    [
        ("Rescuers dig in the rubble. Video: AP", "Rescuers dig in the rubble.", "Video: AP", "AP"),
        ("Budget under pressure Reuters TV", "Budget under pressure Reuters TV", "", ""),
        ("Media caption, Watch: the bridge falls", "Watch: the bridge falls", "", ""),
    ],
)
def test_video_labels_say_the_media_is_a_video(printed, caption, credit_line, credit):
    found = read_caption(printed)
    assert (found.caption, found.credit_line, found.credit) == (caption, credit_line, credit)
    assert found.video is bool(credit_line or printed.startswith("Media"))


def test_an_agency_desk_alone_is_no_caption_credit_but_reads_as_its_agency():
    # Within a caption a bare name is never taken as its credit (the text reader takes an
    # agency's name on a line of its own); read as a credit line it names the agency.
    assert read_caption("Reuters TV").credit_line == ""
    assert read_credit_line("Reuters TV") == CreditParts("Reuters", "", "", "Reuters TV")
    assert read_credit_line("Reuters Graphics").credit == "Reuters"


def test_bbc_image_caption_label_is_not_part_of_the_caption():
    found = read_caption("Image caption, The MV Isle of Rona at Port Glasgow")
    assert (found.caption, found.credit_line, found.video) == (
        "The MV Isle of Rona at Port Glasgow",
        "",
        False,
    )


@pytest.mark.parametrize(
    "printed",
    [
        "Soldiers in Kyiv",
        "Soldiers in Kyiv (courtesy of the family)",
        "Soldiers in Kyiv (left) and Kharkiv (right)",
        # A name/agency with no clean boundary is ambiguous: never guess where the caption ends.
        "Biden in Washington Chip Somodevilla/Getty Images",
        "The ratio is 1/2 of the total",
        "A man/woman walks past",
        "Photo: the scene of the crash. It was big.",
        "MOSCOW (Reuters) - Russia ran a budget deficit of 1.76 trillion roubles in January.",
    ],
)
def test_unknown_credit_conventions_leave_the_caption_whole(printed):
    assert split_credit(printed) == (printed, "", "")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("(Image: GETTY)", CreditParts("Getty Images", "", "", "GETTY")),
        ("(Image: Twitter/@handle)", CreditParts("Twitter", "@handle", "", "Twitter")),
        ("PA", CreditParts("PA Media", "", "", "PA")),
        ("Press Association", CreditParts("PA Media", "", "", "Press Association")),
        ("AFP via Getty Images", CreditParts("Getty Images", "AFP", "", "Getty Images")),
        ("Jane Doe/Reuters", CreditParts("Reuters", "", "Jane Doe", "Reuters")),
        ("Jane Doe/AP", CreditParts("AP", "", "Jane Doe", "AP")),
        ("Sam Lee/AFP", CreditParts("AFP", "", "Sam Lee", "AFP")),
        ("AP/Jane Doe", CreditParts("AP", "", "Jane Doe", "AP")),
        ("Island Observatory", CreditParts("Island Observatory", "", "", "Island Observatory")),
        ("Image source, Getty Images", CreditParts("Getty Images", "", "", "Getty Images")),
        ("© Getty Images 2024", CreditParts("Getty Images", "", "", "Getty Images")),
        ("© 2019-2024 Reuters", CreditParts("Reuters", "", "", "Reuters")),
        ("(Pic: Express)", CreditParts("Express", "", "", "Express")),
        (
            "Estelle Renaud pour « Le Monde »",
            CreditParts("Le Monde", "", "Estelle Renaud", "Le Monde"),
        ),
        (
            "Credit...Hessler Antriebstechnik, via Reuters",
            CreditParts("Reuters", "Hessler Antriebstechnik", "", "Reuters"),
        ),
        ("Crédit : AFPTV", CreditParts("AFP", "", "", "AFPTV")),
        ("  ", CreditParts()),
    ],
)
def test_read_credit_line(line, expected):
    assert read_credit_line(line) == expected


def test_pa_and_pa_media_are_one_credit():
    spellings = ["(PA)", "(PA Wire)", "(Picture: PA Media)", "Photograph: Jane Doe/PA"]
    assert {read_credit_line(s).credit for s in spellings} == {"PA Media"}


def test_a_handle_is_the_source_not_the_credit():
    parts = read_credit_line("Twitter/@DefenceHQ")
    assert (parts.credit, parts.source) == ("Twitter", "@DefenceHQ")


def test_initials_before_a_slash_are_a_photographer_not_an_agency():
    assert split_credit("Troops in Kherson. Photograph: A B/Agency") == (
        "Troops in Kherson.",
        "Photograph: A B/Agency",
        "Agency",
    )
    assert credit_name("J. R./Getty Images") == "Getty Images"
    assert credit_name("AP/Jane Doe") == "AP"


def test_gallery_counters_are_not_part_of_the_caption():
    assert read_caption("1 of 4 Firefighters at the site. (AP Photo/Efrem Lukatsky)").caption == (
        "Firefighters at the site."
    )
    assert read_caption("1 of 4 children were hurt, police said.").caption == (
        "1 of 4 children were hurt, police said."
    )


def test_bbc_image_source_element_gives_the_visible_credit_line():
    assert parse_credit_text("Image source, Getty Images") == ("Getty Images", "Getty Images")


def test_a_text_that_is_a_credit_on_its_own_is_the_name_itself():
    assert parse_credit_text("Island Observatory") == ("Island Observatory", "Island Observatory")
    assert parse_credit_text("Photo: Ana Lima") == ("Photo: Ana Lima", "Ana Lima")
    assert parse_credit_text("  ") == ("", "")


def test_printed_credit_name_keeps_the_desks_spelling():
    # The audit matches it through the credits' own aliases, so it is not made canonical.
    assert printed_credit_name("(Image: GETTY)") == "GETTY"
    assert printed_credit_name("REUTERS/Gleb Garanich") == "REUTERS"
    assert printed_credit_name("(AP Photo/Evgeniy Maloletka)") == "AP"
    assert printed_credit_name("Photograph: Jane Doe/AFP via Getty Images") == "Getty Images"


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Courtesy Mandy Lee", "Mandy Lee"),
        ("Courtesy of the Harbour Museum", "Harbour Museum"),  # "the": no part of the name
        ("(Image: Courtesy of Reuters)", "Reuters"),
    ],
)
def test_courtesy_is_not_part_of_the_credited_name(line, credit):
    parts = read_credit_line(line)
    assert parts.credit == credit
    assert parts.printed == credit  # the name a new credit record is created under


@pytest.mark.parametrize(
    ("printed", "caption", "line", "credit", "creator"),
    [
        # The organisation (or "Supplied") as the label before the name, run on to the caption.
        (
            "Divers search the quarry lake.(Lakeland Radio: Priya Nair)",
            "Divers search the quarry lake.",
            "(Lakeland Radio: Priya Nair)",
            "Lakeland Radio",
            "Priya Nair",
        ),
        (
            "A hailstone beside a coin. (Supplied: Tomas Berg)",
            "A hailstone beside a coin.",
            "(Supplied: Tomas Berg)",
            "Tomas Berg",
            "Tomas Berg",
        ),
        (
            "Crews clear the road.(Supplied: Harbour City Council)",
            "Crews clear the road.",
            "(Supplied: Harbour City Council)",
            "Harbour City Council",
            "",
        ),
        (
            "The bridge at dawn. (Reuters: Ola Sand)",
            "The bridge at dawn.",
            "(Reuters: Ola Sand)",
            "Reuters",
            "Ola Sand",
        ),
        # A photographer and a known agency after a comma (Gannett's papers).
        (
            "The senator leaves the chamber. Lia Moreno, AFP",
            "The senator leaves the chamber.",
            "Lia Moreno, AFP",
            "AFP",
            "Lia Moreno",
        ),
    ],
)
def test_an_organisation_label_or_a_comma_before_the_agency_is_a_credit(
    printed, caption, line, credit, creator
):
    found = read_caption(printed)
    assert (found.caption, found.credit_line, found.credit, found.creator) == (
        caption,
        line,
        credit,
        creator,
    )


@pytest.mark.parametrize(
    "printed",
    [
        "The council meets. (Update: Corrected Spelling)",
        "The team on the podium. (Left: Ana Pires)",
        "The minister arrived late. (Note: the talks were cancelled)",
        "He shook hands with Lia Moreno, Reuters said",
    ],
)
def test_a_bracketed_note_or_a_sentence_is_no_credit(printed):
    assert read_caption(printed).credit_line == ""


@pytest.mark.parametrize(
    ("line", "credit", "source", "creator"),
    [
        # Bloomberg's label, and the picture's kind printed before the label
        ("Photographer: Ana Lim/Bloomberg", "Bloomberg", "", "Ana Lim"),
        ("Ілюстративне фото: Укрінформ", "Ukrinform", "", ""),
        ("Symbolbild: Lea Graf/dpa", "dpa", "", "Lea Graf"),
        # An acronym makes a name an organisation's: the name after it is the photographer
        ("Picture: NWS NewsWire / Tom Reid", "NWS NewsWire", "", "Tom Reid"),
        # "Name for Organisation" when the organisation is not a known one
        ("Rosa Keller for Hillside Radio", "Hillside Radio", "", "Rosa Keller"),
        # The organisation between the photographer and the distributor supplied the picture
        ("Jo Park/The Harbour Courier/AP", "AP", "The Harbour Courier", "Jo Park"),
    ],
)
def test_more_labels_and_shapes_of_credit_lines(line, credit, source, creator):
    parts = read_credit_line(line)
    assert (parts.credit, parts.source, parts.creator) == (credit, source, creator)


def test_a_kind_of_picture_before_the_label_is_not_left_in_the_caption():
    found = read_caption("Rubble after the strike. Ілюстративне фото: ДСНС")
    assert (found.caption, found.credit_line) == (
        "Rubble after the strike.",
        "Ілюстративне фото: ДСНС",
    )


@pytest.mark.parametrize(
    ("printed", "caption", "line", "credit", "creator"),
    [
        (
            "Voters queue in Fribourg. [Keystone - Ana Roth]",
            "Voters queue in Fribourg.",
            "[Keystone - Ana Roth]",
            "Keystone",
            "Ana Roth",
        ),
        ("The lake at dusk [Radio Lac]", "The lake at dusk", "[Radio Lac]", "Radio Lac", ""),
    ],
)
def test_square_brackets_closing_a_caption_hold_its_credit(printed, caption, line, credit, creator):
    found = read_caption(printed)
    assert (found.caption, found.credit_line, found.credit, found.creator) == (
        caption,
        line,
        credit,
        creator,
    )


@pytest.mark.parametrize(
    "printed",
    ["The mayor at the podium. [Note: she resigned later]", "The square at noon. [2/5]"],
)
def test_a_note_or_a_counter_in_square_brackets_is_no_credit(printed):
    assert read_caption(printed).credit_line == ""


@pytest.mark.parametrize(
    ("line", "caption", "credit_line", "credit"),
    [
        (
            "Der Verlauf der neuen Linie. (Grafik: Tagblatt)",
            "Der Verlauf der neuen Linie.",
            "(Grafik: Tagblatt)",
            "Tagblatt",
        ),
        (
            "Trasa nowej linii. Grafika: Gazeta Miejska",
            "Trasa nowej linii.",
            "Grafika: Gazeta Miejska",
            "Gazeta Miejska",
        ),
        (
            "Le tracé de la ligne. Infographie: Le Courrier",
            "Le tracé de la ligne.",
            "Infographie: Le Courrier",
            "Le Courrier",
        ),
    ],
)
def test_a_graphic_label_in_other_languages_is_not_the_credit(line, caption, credit_line, credit):
    found = read_caption(line)
    assert (found.caption, found.credit_line, found.credit) == (caption, credit_line, credit)


@pytest.mark.parametrize(
    ("line", "credit", "creator"),
    [("Lena Vogt - TVR", "TVR", "Lena Vogt"), ("TVK - Marc Aubry", "TVK", "Marc Aubry")],
)
def test_a_person_and_an_unknown_house_either_side_of_a_dash(line, credit, creator):
    """ "Name - House" with a house in no list: the person is the creator, the other the credit."""
    parts = read_credit_line(line)
    assert (parts.credit, parts.creator) == (credit, creator)


HOSTILE_LINE = "Photo by " + "Xy " * 100_000 + "x/AP"


def test_a_hostile_line_of_name_like_words_is_read_in_linear_time():
    # Searched from each capitalised word in turn, each attempt reading to the line's end,
    # this 300 kB line (pasted into the pre-publication check, 3 bytes a word) took about half
    # an hour of one core; read from the run before the last slash it takes well under a
    # second. A hang guard, not a speed figure: the child is given a minute.
    code = (
        "import sys; from archive.articles.caption_credits import read_caption; "
        "print(read_caption(sys.stdin.read()).credit_line or 'none')"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        input=HOSTILE_LINE,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "none"


@pytest.mark.parametrize(
    "line",
    [
        "Chip Somodevilla/Getty Images",
        "Soldiers at the front. Jane van der Berg / AFP via Getty Images",
        "J. R. Smith/AP",
        "(Kevin Smith/AP",
        "Six men said. Name Name Name Name Name Name/AP",
        "x de Name/AP",
        "de Name/AP",
        "Name/AP/Reuters",
        "No slash here at all",
        "Name\t/ AP ",
        "Name. Other/AP",
        "",
    ],
)
def test_the_name_slash_search_finds_what_the_pattern_finds(line):
    expected = caption_credits._NAME_SLASH_RE.search(line)
    found = caption_credits._name_slash_search(line)
    assert (found and (found.span(), found.groupdict())) == (
        expected and (expected.span(), expected.groupdict())
    )
