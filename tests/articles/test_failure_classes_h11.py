"""Failure classes of the holdout11 round, each on a few lines written here.

Each test is a convention other publishers' pages share (a label, a structure, a credit
word); the snippets are invented, in other words and for other houses than the set's pages,
and the expected values read off them.
"""

from __future__ import annotations

from datetime import date

from archive.articles import parse_article
from archive.articles.caption_credits import read_caption
from archive.articles.credit_lines import read_credit_line
from archive.articles.dates import dateline
from tests.articles.conftest import PARAGRAPH, caption_cut

# The picture and video labels in Turkish and Greek ("Fotoğraf: Name/Agency", "Foto:",
# "Φωτογραφία: Agency / Name", "Βίντεο:", "Φωτογραφία αρχείου:", an archive picture), like
# "Photo:" and "Video:"; "Platform / Owner": the platform credited, the page's owner its source.


def test_turkish_picture_label():
    assert caption_cut("İzmir Körfezi'nde balıkçı tekneleri. Fotoğraf: Deniz Kaya/DHA") == (
        "İzmir Körfezi'nde balıkçı tekneleri.",
        "Fotoğraf: Deniz Kaya/DHA",
        "DHA",
    )
    parts = read_credit_line("Fotoğraf: Ankara Büyükşehir Belediyesi")
    assert (parts.credit, parts.creator) == ("Ankara Büyükşehir Belediyesi", "")


def test_greek_picture_and_video_labels():
    parts = read_credit_line("Φωτογραφία: Intime / Νίκος Παππάς")
    assert (parts.credit, parts.creator) == ("Intime", "Νίκος Παππάς")
    assert caption_cut("Το λιμάνι του Πειραιά το πρωί (Φωτογραφία αρχείου: Intime)") == (
        "Το λιμάνι του Πειραιά το πρωί",
        "(Φωτογραφία αρχείου: Intime)",
        "Intime",
    )
    read = read_caption("Η νέα γέφυρα από ψηλά (Βίντεο: Instagram / Δήμος Πάτρας)")
    assert (read.caption, read.credit, read.source, read.video) == (
        "Η νέα γέφυρα από ψηλά",
        "Instagram",
        "Δήμος Πάτρας",
        True,
    )


# The Quebec and Latin house style: the kind word with no colon before the credit, in
# capitals ("PHOTO NAME, HOUSE", "VIDÉO HOUSE"); "fournie par" / "cortesía de" (handed out by)
# after it; "Archives House", "Archivo House": the house's own archive, the house credited.


def test_kind_word_without_colon_before_name_and_house():
    parts = read_credit_line("PHOTO MARIE TREMBLAY, LE SOLEIL")
    assert (parts.credit.upper(), parts.creator.upper()) == ("LE SOLEIL", "MARIE TREMBLAY")
    parts = read_credit_line("VIDÉO LE DEVOIR")
    assert parts.credit.upper() == "LE DEVOIR"
    assert read_credit_line("Vidéo Radio-Canada").credit == "Radio-Canada"


def test_supplied_by_in_french_and_spanish():
    assert read_credit_line("PHOTO FOURNIE PAR HYDRO-QUÉBEC").credit.upper() == "HYDRO-QUÉBEC"
    assert read_credit_line("Photo fournie par la Ville de Laval").credit == "la Ville de Laval"
    assert read_credit_line("Foto cortesía de Pemex").credit == "Pemex"


def test_house_archive_credits_the_house():
    parts = read_credit_line("PHOTO PAUL GAGNON, ARCHIVES LE SOLEIL")
    assert (parts.credit.upper(), parts.creator.upper()) == ("LE SOLEIL", "PAUL GAGNON")
    assert read_credit_line("Foto: Archivo El Heraldo").credit == "El Heraldo"
    assert read_credit_line("Arquivo O GLOBO").credit.upper() == "O GLOBO"
    assert read_credit_line("Foto: Archivo AFP").credit == "AFP"
    # a body named for its archive is no house's archive
    assert read_credit_line("Foto: Archivo General de la Nación").credit == (
        "Archivo General de la Nación"
    )


# The Philippine house style: the credit in capitals straight after an em dash closing the
# caption's last sentence ("... on Friday. —NAME IN CAPITALS"), often after a kicker word in
# capitals; the credit's own conventions: "CONTRIBUTED PHOTO" (handed out, like "Supplied"),
# "PHOTO FROM THE X FACEBOOK PAGE", "VIDEO FROM THE FACEBOOK PAGE OF X" (the platform credited,
# the page's owner its source).


def test_capitals_credit_after_an_attached_em_dash():
    assert caption_cut(
        "FLOODED Residents wade through Rizal Avenue in Tacloban. —ANA M. REYES"
    ) == (
        "FLOODED Residents wade through Rizal Avenue in Tacloban.",
        "ANA M. REYES",
        "ANA M. REYES",
    )
    assert caption_cut("Fishermen mend nets in Dumaguete on Friday. —STAR FILE PHOTO")[1:] == (
        "STAR FILE PHOTO",
        "STAR",
    )
    # a dash inside a sentence, or a credit not in capitals, is no credit
    assert caption_cut("The pier was closed —for now.")[1] == ""


def test_contributed_and_facebook_page_credits():
    assert read_credit_line("CONTRIBUTED PHOTO").credit.lower() == "contributed"
    parts = read_credit_line("PHOTO FROM THE DAVAO POLICE FACEBOOK PAGE")
    assert (parts.credit, parts.source.lower()) == ("Facebook", "davao police")
    parts = read_credit_line("VIDEO FROM THE FACEBOOK PAGE OF CEBU FERRY OPERATORS")
    assert (parts.credit, parts.source.lower()) == ("Facebook", "cebu ferry operators")


def test_capitals_credits_after_em_dashes_in_a_text_copy():
    text = "\n".join(
        [
            "Ferry fares rise as fuel costs climb",
            PARAGRAPH,
            "QUEUE Passengers wait at the Cebu pier on Sunday. —ANA M. REYES",
            PARAGRAPH,
            "Boats idle at the port of Iloilo. —CONTRIBUTED PHOTO",
            PARAGRAPH,
        ]
    )
    found = [(p.caption, p.credit_line) for p in parse_article(text).placements]
    assert found == [
        ("QUEUE Passengers wait at the Cebu pier on Sunday.", "ANA M. REYES"),
        ("Boats idle at the port of Iloilo.", "CONTRIBUTED PHOTO"),
    ]


# Page furniture in a text copy: "READ: headline" (a teaser label, Philippine and US papers)
# and "By: Name - @handle" (the byline with a colon and the reporter's handle).


def _story_with(*lines: str) -> str:
    return "\n".join(["Ferry fares rise as fuel costs climb", *lines, PARAGRAPH, PARAGRAPH])


def test_read_teaser_and_byline_with_colon_are_no_placements():
    text = _story_with(
        "By: Carmela Santos - @sunstarcebu",
        PARAGRAPH,
        "READ: Power rates to rise in Visayas next month",
        PARAGRAPH,
    )
    draft = parse_article(text)
    assert draft.placements == []


# A page that prints every credit line above its caption, the caption a line with no full
# stop under it (Mexican papers: "Foto: Name / HOUSE", then the caption): the credits go
# down, even under a sentence of the story.


def test_credits_printed_over_their_captions_on_the_whole_page():
    text = "\n".join(
        [
            "Lluvias en Oaxaca: cierran 40 caminos",
            "Los deslaves dejaron incomunicadas a 12 comunidades de la Sierra Sur",
            "Foto: Laura Méndez / EL HERALDO",
            "Un tramo de la carretera federal 175, cubierto por el lodo cerca de Miahuatlán",
            PARAGRAPH,
            "“Llevamos tres días sin poder bajar al mercado”, dijo una vecina.",
            "Foto: Especial",
            "Brigadistas de Protección Civil retiran árboles caídos en San Pedro Pochutla",
            PARAGRAPH,
            "Video: Laura Méndez / EL HERALDO",
            "Habitantes de Candelaria Loxicha cruzan el río con cuerdas",
            PARAGRAPH,
        ]
    )
    found = [(p.kind, p.caption, p.credit_line) for p in parse_article(text).placements]
    assert found == [
        (
            "picture",
            "Un tramo de la carretera federal 175, cubierto por el lodo cerca de Miahuatlán",
            "Foto: Laura Méndez / EL HERALDO",
        ),
        (
            "picture",
            "Brigadistas de Protección Civil retiran árboles caídos en San Pedro Pochutla",
            "Foto: Especial",
        ),
        (
            "video",
            "Habitantes de Candelaria Loxicha cruzan el río con cuerdas",
            "Video: Laura Méndez / EL HERALDO",
        ),
    ]


# Korean papers' credits after the caption's last sentence: the staff photographer "Name 기자"
# (reporter) with their e-mail, "Body 제공" (provided by), "영상 Name 피디" (a video and its
# producer), "Platform 갈무리" (a capture of the platform's page, the platform credited).


def test_korean_credits_after_the_caption():
    read = read_caption("부산 해운대 해수욕장에 피서객이 몰려 있다. 이정민 기자 ljm@example.co.kr")
    assert (read.caption, read.credit_line, read.credit, read.creator) == (
        "부산 해운대 해수욕장에 피서객이 몰려 있다.",
        "이정민 기자 ljm@example.co.kr",
        "이정민",
        "이정민",
    )
    assert caption_cut("대전시청 앞 광장. 대전시 제공") == (
        "대전시청 앞 광장.",
        "대전시 제공",
        "대전시",
    )
    read = read_caption("폭우로 잠긴 지하차도. 영상 최민호 피디")
    assert (read.caption, read.credit, read.video) == ("폭우로 잠긴 지하차도.", "최민호", True)
    assert caption_cut("한 누리꾼이 올린 사진. 인스타그램 갈무리")[1:] == (
        "인스타그램 갈무리",
        "Instagram",
    )
    # a sentence of the story ending in a name and "기자" is no caption's credit
    assert caption_cut("그는 이렇게 말했다고 전했다.")[1] == ""


def test_korean_captions_in_a_text_copy():
    story = "대전시는 내년부터 시내버스 요금을 동결하기로 했다고 4일 밝혔다. 시는 이번 결정으로 시민 부담이 줄어들 것으로 기대했다."
    text = "\n".join(
        [
            "대전시, 시내버스 요금 동결",
            story,
            "4일 대전역 앞 정류장에서 시민들이 버스를 기다리고 있다. 이정민 기자 ljm@example.co.kr",
            story,
            "대전시청 앞 광장. 대전시 제공",
            story,
        ]
    )
    found = [(p.caption, p.credit_line) for p in parse_article(text).placements]
    assert found == [
        (
            "4일 대전역 앞 정류장에서 시민들이 버스를 기다리고 있다.",
            "이정민 기자 ljm@example.co.kr",
        ),
        ("대전시청 앞 광장.", "대전시 제공"),
    ]


# Lone credit lines under their captions (Portuguese papers): "NAME/POOL/AGENCY" (a pool
# picture, the pool between the photographer and the agency) and "D.R." (direitos reservados,
# droits réservés: rights reserved, the owner not named), each a credit line of its own.


def test_lone_pool_and_rights_reserved_credit_lines():
    assert caption_cut("CARLA NUNES/POOL/LUSA") == ("", "CARLA NUNES/POOL/LUSA", "LUSA")
    assert read_credit_line("CARLA NUNES/POOL/LUSA").creator == "CARLA NUNES"
    assert caption_cut("D.R.") == ("", "D.R.", "D.R.")
    assert caption_cut("DR")[1] == ""  # a bare "DR" is as often a name (a masthead)
    text = "\n".join(
        [
            "Preço do pão sobe em Lisboa",
            PARAGRAPH,
            "A padaria Estrela, em Campo de Ourique, numa manhã de novembro",
            "D.R.",
            PARAGRAPH,
        ]
    )
    found = [(p.caption, p.credit_line) for p in parse_article(text).placements]
    assert found == [("A padaria Estrela, em Campo de Ourique, numa manhã de novembro", "D.R.")]


# "A caption (AGENCY/NAME)": an agency's name and its photographer's, both in capitals,
# in brackets closing the caption (Greek papers: "(ΑΓΕΝΤΙΑ/ΟΝΟΜΑ ΕΠΩΝΥΜΟ)").


def test_agency_then_name_in_capitals_in_brackets():
    assert caption_cut("Ο νέος σταθμός στο Πειραιά (SOOC/ΜΑΡΙΑ ΑΛΕΞΙΟΥ)") == (
        "Ο νέος σταθμός στο Πειραιά",
        "(SOOC/ΜΑΡΙΑ ΑΛΕΞΙΟΥ)",
        "SOOC",
    )
    parts = read_credit_line("(TASR/JÁN NOVÁK)")
    assert (parts.credit, parts.creator) == ("TASR", "JÁN NOVÁK")
    assert caption_cut("Nová tramvaj v depu (TASR/JÁN NOVÁK)")[1] == "(TASR/JÁN NOVÁK)"
    # two words in capitals with no person among them are no credit
    assert caption_cut("Η ψηφοφορία στη Βουλή (ΝΔ/ΠΑΣΟΚ)")[1] == ""


# The date line of a text copy: Greek month names in the genitive ("12 Μαρτίου 2025 |
# 09:10"), and the publication's name before a spaced slash ("Harbour Daily / 08:40 PM
# March 12, 2025", Philippine papers).


def test_greek_month_names_and_name_slash_date_lines():
    assert dateline("12 Μαρτίου 2025 | 09:10") == date(2025, 3, 12)
    assert dateline("7 Αυγούστου 2024") == date(2024, 8, 7)
    assert dateline("Visayan Daily Star / 08:40 PM March 12, 2025") == date(2025, 3, 12)


# Attribution in Greek and Czech: "σύμφωνα με X" and "podle X" (according to X), and the
# Greek speech verbs after the speaker ("X είπε ότι", "X ανακοίνωσε", "X δήλωσε").


def _claimants(*paragraphs: str) -> list[str]:
    text = "\n".join(["Headline of the story", *paragraphs])
    return [c.claimant for c in parse_article(text).claim_candidates]


def test_greek_and_czech_according_to():
    [claimant] = _claimants(
        "Σύμφωνα με την Περιφέρεια Κρήτης, 40 σχολεία έμειναν κλειστά την Τετάρτη."
    )
    assert "Περιφέρεια Κρήτης" in claimant
    [claimant] = _claimants("Podle starosty Jana Horáka přijde oprava mostu na 40 milionů korun.")
    assert "Jana Horáka" in claimant


def test_greek_speech_verbs_after_the_speaker():
    [claimant] = _claimants(
        "Ο δήμαρχος Ηρακλείου Αλέξης Καλοκαιρινός είπε ότι θα προσληφθούν 25 εργάτες."
    )
    assert "Αλέξης Καλοκαιρινός" in claimant
    [claimant] = _claimants("Η ΔΕΗ ανακοίνωσε ότι θα επενδύσει 300 εκατομμύρια σε δίκτυα.")
    assert "ΔΕΗ" in claimant
