"""The plain-text reader's placements: captions and credits in each house style, videos, and
the page furniture that looks like a picture but is left out (teasers, avatars, adverts).

Each article is a few lines as a newsroom prints them; the expected values are read off
those lines.
"""

from __future__ import annotations

import pytest

from archive.articles import parse_article

STORY = (
    "Officials said the repairs would take at least a week to complete.\n\n"
    "Residents were told to stay indoors until further notice.\n\n"
)


def read(body: str):
    return parse_article(f"A headline for the story\n\n{STORY}{body}\n\n{STORY}")


def fields(p) -> tuple:
    return (p.kind, p.caption, p.credit_line, p.credit, p.source, p.creator)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "President Zelensky in Kherson. (Ukrainian Presidential Press Office via AP)",
            (
                "picture",
                "President Zelensky in Kherson.",
                "(Ukrainian Presidential Press Office via AP)",
                "AP",
                "Ukrainian Presidential Press Office",
                "",
            ),
        ),
        (
            "A National Guard vehicle in a flooded street. (AP Photo)",
            (
                "picture",
                "A National Guard vehicle in a flooded street.",
                "(AP Photo)",
                "AP",
                "",
                "",
            ),
        ),
        (
            "Зеленський у Херсоні. Фото: Олег Петрасюк / Укрінформ",
            (
                "picture",
                "Зеленський у Херсоні.",
                "Фото: Олег Петрасюк / Укрінформ",
                "Ukrinform",
                "",
                "Олег Петрасюк",
            ),
        ),
        (
            "Шойгу на совещании. Фото: пресс-служба Минобороны",
            (
                "picture",
                "Шойгу на совещании.",
                "Фото: пресс-служба Минобороны",
                "пресс-служба Минобороны",
                "",
                "",
            ),
        ),
        (
            "Olaf Scholz in Berlin. Foto: Kay Nietfeld / dpa",
            (
                "picture",
                "Olaf Scholz in Berlin.",
                "Foto: Kay Nietfeld / dpa",
                "dpa",
                "",
                "Kay Nietfeld",
            ),
        ),
        (
            "Fans vor dem Stadion. Foto: IMAGO / Sven Simon",
            (
                "picture",
                "Fans vor dem Stadion.",
                "Foto: IMAGO / Sven Simon",
                "IMAGO",
                "",
                "Sven Simon",
            ),
        ),
        (
            "Das Rathaus am Abend. Bild: Stadt Köln",
            ("picture", "Das Rathaus am Abend.", "Bild: Stadt Köln", "Stadt Köln", "", ""),
        ),
        (
            "El puerto de Valencia. Fotografía: EFE/Ana Escobar",
            (
                "picture",
                "El puerto de Valencia.",
                "Fotografía: EFE/Ana Escobar",
                "EFE",
                "",
                "Ana Escobar",
            ),
        ),
        (
            "Des rescapés à l'hôpital, mercredi. Photo : Moussa Ndiaye / AFP",
            (
                "picture",
                "Des rescapés à l'hôpital, mercredi.",
                "Photo : Moussa Ndiaye / AFP",
                "AFP",
                "",
                "Moussa Ndiaye",
            ),
        ),
        (
            "Un patrouilleur de la marine, mercredi. Crédit : Marine nationale",
            (
                "picture",
                "Un patrouilleur de la marine, mercredi.",
                "Crédit : Marine nationale",
                "Marine nationale",
                "",
                "",
            ),
        ),
        (
            "Jeremy Hunt outside 11 Downing Street. Photograph: Tom Whitfield/PA",
            (
                "picture",
                "Jeremy Hunt outside 11 Downing Street.",
                "Photograph: Tom Whitfield/PA",
                "PA Media",
                "",
                "Tom Whitfield",
            ),
        ),
        (
            "A market in Chisinau. Credit...Lynsey Addario for The New York Times",
            (
                "picture",
                "A market in Chisinau.",
                "Credit...Lynsey Addario for The New York Times",
                "The New York Times",
                "",
                "Lynsey Addario",
            ),
        ),
    ],
)
def test_a_caption_line_in_each_house_style(line, expected):
    draft = read(line)
    assert [fields(p) for p in draft.placements] == [expected]
    assert not draft.placements[0].needs_review


def test_express_picture_with_its_title_line_and_a_twitter_handle():
    draft = read(
        "Ministry of Defence\n\n"
        "The UK's Ministry of Defence shared its update (Image: Twitter/@DefenceHQ)"
    )
    (p,) = draft.placements
    assert fields(p) == (
        "picture",
        "The UK's Ministry of Defence shared its update",
        "(Image: Twitter/@DefenceHQ)",
        "Twitter",
        "@DefenceHQ",
        "",
    )
    assert p.alt == "Ministry of Defence"


def test_a_caption_printed_with_no_credit_is_still_a_placement():
    draft = read(
        "Volodymyr Zelensky\n\nVolodymyr Zelensky believes Russia will have to conscript more men"
    )
    (p,) = draft.placements
    assert (p.kind, p.alt, p.caption, p.credit_line, p.credit) == (
        "picture",
        "Volodymyr Zelensky",
        "Volodymyr Zelensky believes Russia will have to conscript more men",
        "",
        "",
    )
    assert p.needs_review
    assert any("no credit was printed" in note for note in p.notes)


def test_a_map_printed_with_no_credit_is_a_placement():
    draft = read("Carte de localisation de Saint-Louis, au Sénégal, et des Canaries")
    (p,) = draft.placements
    assert (p.kind, p.credit_line, p.needs_review) == ("picture", "", True)


def test_a_lone_caption_between_paragraphs_is_an_uncredited_placement():
    draft = read("The bakery's sign on Calder Road")
    (p,) = draft.placements
    assert (p.caption, p.credit_line, p.credit, p.needs_review) == (
        "The bakery's sign on Calder Road",
        "",
        "",
        True,
    )


@pytest.mark.parametrize(
    "line",
    [
        "What Happens Next For The Workers",
        "Reporting by Alexei Voronin; Editing by Andrew Oakes",
        "Energy bills",
    ],
)
def test_subheadings_and_sign_offs_are_not_captions(line):
    assert read(line).placements == []


def test_a_credit_on_the_line_below_the_caption():
    draft = read(
        "Rescuers search the rubble of a building in Dnipro on Sunday.\nEvgeniy Maloletka/AP"
    )
    assert [fields(p) for p in draft.placements] == [
        (
            "picture",
            "Rescuers search the rubble of a building in Dnipro on Sunday.",
            "Evgeniy Maloletka/AP",
            "AP",
            "",
            "Evgeniy Maloletka",
        )
    ]


def test_a_credit_printed_above_its_caption():
    draft = read(
        "Cerro Alto produjo 431.000 toneladas de cobre fino en 2021, según datos de la "
        "Comisión Chilena del Cobre. Es la tercera mayor mina del país.\n"
        "Fotografía: Sindicato de Trabajadores Cerro Alto\n"
        "Trabajadores de Cerro Alto durante la votación de la huelga."
    )
    assert [fields(p) for p in draft.placements] == [
        (
            "picture",
            "Trabajadores de Cerro Alto durante la votación de la huelga.",
            "Fotografía: Sindicato de Trabajadores Cerro Alto",
            "Sindicato de Trabajadores Cerro Alto",
            "",
            "",
        )
    ]
    assert draft.paragraphs[2].startswith("Cerro Alto produjo")


def test_a_lead_picture_printed_with_a_credit_and_no_caption():
    draft = parse_article(
        "A headline\n\nNet payers want the money to come from existing pots, not new ones.\n"
        "Photo illustration by Marta Costa/POLITICO via Getty Images\n"
        "By Hanne Vermeulen and Piotr Nowak\n\n" + STORY
    )
    (p,) = draft.placements
    assert fields(p) == (
        "picture",
        "",
        "Photo illustration by Marta Costa/POLITICO via Getty Images",
        "Getty Images",
        "POLITICO",
        "Marta Costa",
    )
    assert p.needs_review
    assert draft.paragraphs[0].startswith("Net payers")


def test_an_agency_signing_the_story_off_is_no_credit():
    draft = read("Analysts said a long strike could cut growth this year.\nEFE")
    assert draft.placements == []


# ---------------------------------------------------------------------------------------------
# Videos


def test_video_credit_below_its_title_makes_a_video():
    draft = read("Hurricane Perla: Drone video shows flooded streets in Lake Charles\nVideo: AP")
    assert [fields(p) for p in draft.placements] == [
        (
            "video",
            "Hurricane Perla: Drone video shows flooded streets in Lake Charles",
            "Video: AP",
            "AP",
            "",
            "",
        )
    ]


def test_video_credit_after_a_caption_on_the_same_line():
    (p,) = read("Rescuers dig through the rubble in Kramatorsk. Video: AP").placements
    assert (p.kind, p.caption, p.credit_line, p.credit) == (
        "video",
        "Rescuers dig through the rubble in Kramatorsk.",
        "Video: AP",
        "AP",
    )


def test_agency_video_desk_and_running_time():
    draft = read("Russian budget under pressure as energy income falls\nReuters TV\n02:11")
    assert [fields(p) for p in draft.placements] == [
        (
            "video",
            "Russian budget under pressure as energy income falls",
            "Reuters TV",
            "Reuters",
            "",
            "",
        )
    ]


def test_a_title_above_a_players_furniture_is_a_video():
    draft = read(
        "Fans sing outside the ground as the takeover is confirmed\n"
        "Video Loading\nVideo Unavailable\nClick to play\nTap to play\n"
        "The video will start in 8\nCancel\nPlay now"
    )
    (p,) = draft.placements
    assert (p.kind, p.caption) == (
        "video",
        "Fans sing outside the ground as the takeover is confirmed",
    )
    assert not any("Video Loading" in para for para in draft.paragraphs)


def test_a_player_before_its_caption_and_credit_is_a_video():
    draft = read(
        "Video\nLoaded: 0%\nProgress: 0%\n0:00\nPLAY\n"
        "Workers protested plans to cut jobs in October.\nCredit\nCredit...Reuters"
    )
    assert [fields(p) for p in draft.placements] == [
        (
            "video",
            "Workers protested plans to cut jobs in October.",
            "Credit...Reuters",
            "Reuters",
            "",
            "",
        )
    ]


def test_bbc_labels_are_furniture_and_media_caption_is_a_video():
    draft = read(
        "Image source, Getty Images\nImage caption,\n"
        "CalMac's MV Caledonian Isles is one of the ships the new ferries will replace\n\n"
        "Officials met on Monday to discuss the delays to both vessels.\n\n"
        "Media caption,\nWatch: Inside the shipyard where the ferries are built"
    )
    assert [fields(p) for p in draft.placements] == [
        (
            "picture",
            "CalMac's MV Caledonian Isles is one of the ships the new ferries will replace",
            "Getty Images",
            "Getty Images",
            "",
            "",
        ),
        ("video", "Watch: Inside the shipyard where the ferries are built", "", "", "", ""),
    ]
    assert draft.placements[1].title == "Watch: Inside the shipyard where the ferries are built"
    assert not any(para.startswith(("Image", "Media")) for para in draft.paragraphs)


# ---------------------------------------------------------------------------------------------
# Furniture left out


def test_a_teasers_own_picture_is_left_out():
    draft = read(
        "READ MORE: Lavrov storms out of G20 summit after snub\n\n"
        "Sergei Lavrov\n\n"
        "Lavrov storms out of the G20 summit in Bali (Image: Getty)"
    )
    assert draft.placements == []
    (left,) = draft.left_out
    assert (left.reason, left.alt, left.caption, left.credit_line, left.credit) == (
        "teaser for another story",
        "Sergei Lavrov",
        "Lavrov storms out of the G20 summit in Bali",
        "(Image: Getty)",
        "Getty Images",
    )


def test_a_picture_title_above_a_teaser_is_left_out():
    draft = read("Sergei Lavrov\n\nREAD MORE: Lavrov storms out of G20 summit after snub")
    assert draft.placements == []
    assert [(lo.reason, lo.alt) for lo in draft.left_out] == [
        ("teaser for another story", "Sergei Lavrov")
    ]


def test_a_story_picture_after_an_unrelated_teaser_stays():
    draft = read(
        "Related: Bank of England raises interest rates to 3%\n\n"
        "Shahed drone\n\n"
        "The drone moments before it was hit over Odesa (Image: Twitter)"
    )
    assert [p.caption for p in draft.placements] == [
        "The drone moments before it was hit over Odesa"
    ]
    assert draft.left_out == []


def test_the_authors_picture_by_the_byline_is_left_out():
    draft = parse_article(
        "A headline for the story\n\nBy Oliver Pemberton, Foreign News Reporter\n\n"
        "Oliver Pemberton\n\n" + STORY
    )
    assert draft.placements == []
    assert [(lo.reason, lo.alt) for lo in draft.left_out] == [
        ("author's picture", "Oliver Pemberton")
    ]


def test_an_avatar_named_as_such_is_left_out():
    draft = read("Jane Smith profile picture\n\nJane Smith profile picture (Image: Express)")
    assert draft.placements == []
    assert [lo.reason for lo in draft.left_out] == ["author's picture"]


def test_an_uncredited_picture_in_an_advertisement_is_left_out():
    draft = read(
        "Advertisement\n\nHotel deals in Odesa\n\nHotel deals in Odesa from 39 pounds a night"
    )
    assert draft.placements == []
    assert [(lo.reason, lo.alt) for lo in draft.left_out] == [
        ("advertisement", "Hotel deals in Odesa")
    ]


def test_a_credited_picture_after_an_advertisement_label_stays():
    draft = read("ADVERTISEMENT\n\nBrandon Kessler at a charity dinner (Image: Getty Images)")
    assert [p.credit for p in draft.placements] == ["Getty Images"]
    assert draft.left_out == []


def test_the_sites_logo_is_left_out():
    draft = parse_article("AP Logo\nA headline for the story\n\n" + STORY)
    assert [(lo.reason, lo.alt) for lo in draft.left_out] == [("the site's logo", "AP Logo")]


def test_comments_in_a_share_bar_do_not_end_the_story():
    draft = parse_article(
        "A headline\n\nA standfirst that sums the story up in a sentence.\n\nShare\nComments\n\n"
        + STORY
        + "Vladimir Putin\n\nVladimir Putin has turned to Iran for drones (Image: GETTY)\n\n"
        + STORY
    )
    assert [p.credit for p in draft.placements] == ["Getty Images"]


def test_the_caption_under_a_players_duration_line_is_the_videos():
    draft = read(
        "Play Video. Duration: 2 minutes 14 seconds\n\n"
        "Volunteers filmed the levee giving way on Sunday.(Supplied: Noor Haddad)\n\n"
        "A frame from the video above shows the water reaching the road.(Supplied: Noor Haddad)"
    )
    video, still = draft.placements
    assert fields(video) == (
        "video",
        "Volunteers filmed the levee giving way on Sunday.",
        "(Supplied: Noor Haddad)",
        "Noor Haddad",
        "",
        "Noor Haddad",
    )
    assert still.kind == "still"
    assert not any("Duration" in p.caption for p in draft.placements)


def test_a_short_caption_over_its_credit_line_and_a_label_line_below_it():
    draft = read(
        "The Oostvaart depot\n\nFoto: Stadsarchief\n\n"
        "Engineers inspect the new tram before its first run in the city centre.\n\n"
        "Foto: Lina Vos\n\nMore on this topic:\n\nTransport"
    )
    depot, tram = draft.placements
    assert (depot.caption, depot.credit_line, depot.credit) == (
        "The Oostvaart depot",
        "Foto: Stadsarchief",
        "Stadsarchief",
    )
    assert tram.caption.startswith("Engineers inspect the new tram")
    assert (tram.credit_line, tram.credit) == ("Foto: Lina Vos", "Lina Vos")


def test_a_via_credit_alone_and_a_credit_label_on_its_own_line():
    draft = read(
        "Cyclists cross the new bridge over the Aire\n\nAFP via Getty Images\n\n"
        "Officials said the bridge took two years to build.\n\n"
        "Image:\n\nThe old ferry landing at dusk\n\nCredit:\n\nGetty Images"
    )
    bridge, landing = draft.placements
    assert (bridge.caption, bridge.credit_line, bridge.credit, bridge.source) == (
        "Cyclists cross the new bridge over the Aire",
        "AFP via Getty Images",
        "Getty Images",
        "AFP",
    )
    assert (landing.caption, landing.credit_line, landing.credit) == (
        "The old ferry landing at dusk",
        "Getty Images",
        "Getty Images",
    )


def test_a_credit_closing_its_block_belongs_to_the_caption_above():
    """A blank line ends a picture's block: the credit printed before it is the caption's
    above, even when the next paragraph is shorter than that caption."""
    draft = read(
        "Volunteers stack sandbags along the river wall in Lowbridge on Sunday evening\n"
        "Photo: Lowbridge Fire Service\n\n"
        "Follow our river updates on Telegram here\n\n"
        "The river is expected to peak on Tuesday morning, forecasters said."
    )
    assert [fields(p) for p in draft.placements] == [
        (
            "picture",
            "Volunteers stack sandbags along the river wall in Lowbridge on Sunday evening",
            "Photo: Lowbridge Fire Service",
            "Lowbridge Fire Service",
            "",
            "",
        )
    ]


def test_polish_video_label_credits_a_video():
    draft = read(
        "Most na Odrze zamknięty po nocnej ulewie\n"
        "Wideo: Straż Miejska Opole\n\n"
        "Objazd prowadzi przez centrum miasta, podali drogowcy."
    )
    assert [fields(p) for p in draft.placements] == [
        (
            "video",
            "Most na Odrze zamknięty po nocnej ulewie",
            "Wideo: Straż Miejska Opole",
            "Straż Miejska Opole",
            "",
            "",
        )
    ]


def test_polish_see_also_teaser_and_its_picture_are_left_out():
    draft = read(
        "Zobacz też: Remont mostu w Brzegu potrwa do wiosny\n"
        "Foto: Jan Nowak / PAP\n\n"
        "Objazd prowadzi przez centrum miasta, podali drogowcy."
    )
    assert draft.placements == []


def test_a_labelled_sentence_over_a_players_running_time_is_a_video():
    draft = read(
        "Watch: Divers recover the bell from the harbour floor.\n"
        "1:58\n"
        "The bell will go on show at the maritime museum in spring, the curator said."
    )
    assert [(p.kind, p.caption, p.title) for p in draft.placements] == [
        (
            "video",
            "Divers recover the bell from the harbour floor.",
            "Divers recover the bell from the harbour floor.",
        )
    ]
