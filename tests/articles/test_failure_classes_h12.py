"""Failure classes of the holdout12 round, each on a few lines written here.

Each test is a convention other publishers' pages share (a label, a credit word, a layout);
the snippets are invented, in other words and for other houses than the set's pages, and the
expected values read off them.
"""

from __future__ import annotations

from archive.articles import parse_article
from archive.articles.caption_credits import read_caption
from archive.articles.credit_lines import read_credit_line
from tests.articles.conftest import PARAGRAPH, caption_cut

# The picture, graphic and video labels of Vietnamese papers ("Ảnh: Name", "Đồ họa: Name",
# "Video: Name") and the Hungarian video label ("Videó: House"), like "Photo:" and "Video:".


def test_vietnamese_picture_and_graphic_labels():
    assert caption_cut("Xe cứu hộ trên quốc lộ 1A chiều 5/11. Ảnh: Nguyễn Minh Tâm") == (
        "Xe cứu hộ trên quốc lộ 1A chiều 5/11.",
        "Ảnh: Nguyễn Minh Tâm",
        "Nguyễn Minh Tâm",
    )
    assert caption_cut("Tuyến metro số 2 dự kiến. Đồ họa: Thanh Hà") == (
        "Tuyến metro số 2 dự kiến.",
        "Đồ họa: Thanh Hà",
        "Thanh Hà",
    )
    assert read_credit_line("Ảnh: TTXVN").credit == "TTXVN"


def test_hungarian_video_label_after_a_dash():
    read = read_caption("Mentőautók a Széchenyi téren kedden – Videó: Index")
    assert (read.caption, read.credit_line, read.credit, read.video) == (
        "Mentőautók a Széchenyi téren kedden",
        "Videó: Index",
        "Index",
        True,
    )


# A company's legal form closing a credit line ("Zrt.", "Kft.", "Ltd.", "Inc."): its full stop
# is the abbreviation's, part of the name, not a sentence's end.


def test_company_legal_form_closes_a_credit_line():
    assert caption_cut("Az új villamos a remízben. Fotó: Instagram / Szegedi Közlekedési Kft.") == (
        "Az új villamos a remízben.",
        "Fotó: Instagram / Szegedi Közlekedési Kft.",
        "Instagram",
    )
    assert caption_cut("The new terminal at dusk. Photo: Harbour Holdings Ltd.") == (
        "The new terminal at dusk.",
        "Photo: Harbour Holdings Ltd.",
        "Harbour Holdings Ltd.",
    )


# A news agency's own desk credit closing the caption with no label, the picture's date after
# it ("Yonhap photo Nov. 17, 2025", "PNA file photo"); a credit dated so ("Photo courtesy of
# Body Nov. 17, 2025") credits the body, not the date; "Photo taken from platform.com/page":
# the platform credited, the page its source.


def test_agency_desk_photo_with_its_date_closes_a_caption():
    assert caption_cut("Commuters at Seoul Station on Monday. Yonhap photo Nov. 17, 2025") == (
        "Commuters at Seoul Station on Monday.",
        "Yonhap photo Nov. 17, 2025",
        "Yonhap",
    )
    assert caption_cut("A fishing port in Batangas, after the typhoon. PNA file photo") == (
        "A fishing port in Batangas, after the typhoon.",
        "PNA file photo",
        "PNA",
    )
    # a sentence that only ends in "photo" is no credit
    assert caption_cut("Two women look at the photo")[1] == ""


def test_dated_courtesy_credit_credits_the_body():
    assert caption_cut("Keepers weigh the cub. Photo courtesy of Taipei Zoo Nov. 17, 2025") == (
        "Keepers weigh the cub.",
        "Photo courtesy of Taipei Zoo Nov. 17, 2025",
        "Taipei Zoo",
    )


def test_photo_taken_from_a_platform_address():
    read = read_caption("Volunteers clear the beach. Photo taken from instagram.com/kentingpark")
    assert (read.caption, read.credit_line, read.credit, read.source) == (
        "Volunteers clear the beach.",
        "Photo taken from instagram.com/kentingpark",
        "Instagram",
        "kentingpark",
    )
    parts = read_credit_line("Foto: www.facebook.com/bomberosmadrid")
    assert (parts.credit, parts.source) == ("Facebook", "bomberosmadrid")


# A player's own accessibility title ("YouTube video player", "Vimeo embed") names the player,
# not the video; the short text right after a video's player that ends in its credit line
# ("... Video courtesy of Body") is the video's caption, as it is a picture's.


def test_player_title_is_no_caption_and_the_text_under_the_player_is():
    story = "<p>" + "The mountain road stayed closed for a third day on Friday. " * 3 + "</p>"
    page = f"""<html><body><article><h1>Pass closed</h1>{story}
      <div class="clipWrap">
        <iframe src="https://player.vimeo.com/video/5550123" title="Vimeo video player"></iframe>
        <div class="clipText">Crews clear rocks from the pass road. Video courtesy of Alpine Roads Office</div>
      </div>{story}</article></body></html>"""
    (video,) = parse_article(page.encode(), filename="pass.html").placements
    assert (video.kind, video.caption, video.credit_line, video.credit) == (
        "video",
        "Crews clear rocks from the pass road.",
        "Video courtesy of Alpine Roads Office",
        "Alpine Roads Office",
    )


# Romanian papers' credit labels "Sursa foto: X" and "Sursa video: X" (the picture's, the
# video's source), printed under the caption; a frame of the story's video, said so in its
# caption ("o captură din videoclipul de mai sus", Vietnamese "cắt từ video") or its credit
# ("Foto: Captură video House", the house credited), is a still.

RO_PARAGRAPH = (
    "Consiliul local a votat joi seara închiderea vechiului terminal de feriboturi pentru "
    "reparații pe care inginerii le consideră de mult întârziate."
)


def test_romanian_source_labels_and_a_video_capture():
    text = "\n".join(
        [
            "Incendiu la un depozit din Bacău: pompierii intervin de 10 ore",
            RO_PARAGRAPH,
            "Fumul se vede de la kilometri distanță, în cartierul Izvoare",
            "Sursa video: Antena 3",
            RO_PARAGRAPH,
            RO_PARAGRAPH,
            "Pompieri pe acoperișul halei, într-o captură din videoclipul de mai sus",
            "Foto: Captură video Antena 3",
            RO_PARAGRAPH,
            "Echipaj SMURD la intrarea în depozit",
            "Sursa foto: Facebook / ISU Bacău",
            RO_PARAGRAPH,
        ]
    )
    found = [(p.kind, p.caption, p.credit_line, p.credit) for p in parse_article(text).placements]
    assert found == [
        (
            "video",
            "Fumul se vede de la kilometri distanță, în cartierul Izvoare",
            "Sursa video: Antena 3",
            "Antena 3",
        ),
        (
            "still",
            "Pompieri pe acoperișul halei, într-o captură din videoclipul de mai sus",
            "Foto: Captură video Antena 3",
            "Antena 3",
        ),
        (
            "picture",
            "Echipaj SMURD la intrarea în depozit",
            "Sursa foto: Facebook / ISU Bacău",
            "Facebook",
        ),
    ]


def test_vietnamese_frame_cut_from_the_video_is_a_still():
    story = (
        "<p>" + "Mưa lớn kéo dài khiến nhiều tuyến phố ở Đà Nẵng bị ngập sâu trong sáng nay. " * 3
    )
    page = f"""<html><body><article><h1>Đà Nẵng ngập</h1>{story}</p>
      <div class="box_embed_video"><video src="https://example.vn/v/ngap.mp4"></video>
        <p class="caption">Nước tràn qua đường Bạch Đằng. Video: Nguyễn Đông</p></div>
      {story}</p>
      <figure><img src="https://example.vn/i/ngap-2.jpg" alt="">
        <figcaption>Một ô tô chết máy giữa dòng nước, cắt từ video phía trên. Ảnh: Nguyễn Đông</figcaption>
      </figure>{story}</p></article></body></html>"""
    kinds = [p.kind for p in parse_article(page.encode(), filename="ngap.html").placements]
    assert kinds == ["video", "still"]


# A teaser's "read also" label in other papers' words ("READ ALSO:" in West African papers'
# order, Romanian "Citiți și:", Croatian "Pročitajte i:") and the house's app advertised under
# the story ("Download the X app for Android and iOS"): furniture, no uncredited picture's
# caption.


def test_read_also_teasers_and_app_adverts_are_no_captions():
    text = "\n".join(
        [
            "Ferry terminal to close for repairs",
            "By Ada Obi",
            PARAGRAPH,
            "Passengers queue at the terminal on Monday.",
            "Photo: Tunde Bakare",
            PARAGRAPH,
            "READ ALSO: Port workers begin three-day strike over unpaid wages",
            PARAGRAPH,
            "Citiți și: Cât costă abonamentul la tren din ianuarie",
            PARAGRAPH,
            "Pročitajte i: Trajekti od ponedjeljka voze po zimskom redu",
            PARAGRAPH,
            "Preuzmite aplikaciju Lučkog lista za Android i iOS",
            PARAGRAPH,
        ]
    )
    found = [(p.caption, p.credit_line) for p in parse_article(text).placements]
    assert found == [("Passengers queue at the terminal on Monday.", "Photo: Tunde Bakare")]


# A copy of a page that starts with the paper's masthead ("Kenya Morning Post"): its own desk's
# credit by the paper's initials ("KMP photo by Name") credits the paper, the name its creator.


def test_house_initials_desk_credit_names_the_masthead_of_a_text_copy():
    text = "\n".join(
        [
            "Kenya Morning Post",
            "Ferry terminal to close for repairs",
            PARAGRAPH,
            "Passengers queue at the terminal on Monday. (KMP photo by Wanjiru Kamau)",
            PARAGRAPH,
            "The old ferry at the quay in 2019. (AP Photo/Ben Curtis)",
            PARAGRAPH,
        ]
    )
    found = [(p.credit, p.creator) for p in parse_article(text).placements]
    assert found == [("Kenya Morning Post", "Wanjiru Kamau"), ("AP", "Ben Curtis")]


# The publisher's appeal for readers' support ("support-box", "supportUs": "Support our
# journalism", "Unterstützen Sie uns"), a call to action like a donation box: its picture is
# the appeal's, not the story's.


def test_reader_support_appeal_box_picture_is_left_out():
    story = "<p>" + "Die Fähre bleibt wegen des niedrigen Wasserstands bis März im Hafen. " * 3
    page = f"""<html><body><article><h1>Fähre im Hafen</h1>{story}</p>
      <figure><img src="https://example.de/bild/faehre.jpg" alt="">
        <figcaption>Die Fähre am Steg. Foto: Anna Berg</figcaption></figure>{story}</p>
      <div class="supportUs"><img src="https://example.de/img/unterstuetzen.png" alt="Unterstützen">
        <p>Unabhängiger Journalismus kostet Geld. Unterstützen Sie uns!</p>
        <a href="/unterstuetzen">Jetzt unterstützen</a></div>
      </article></body></html>"""
    draft = parse_article(page.encode(), filename="faehre.html")
    assert [p.src for p in draft.placements] == ["https://example.de/bild/faehre.jpg"]


# The Gulf's and the Arab world's national news agencies, printed by their initials in
# brackets after the caption ("(WAM)", "(KUNA)"), like "(AFP)": the agency credited.


def test_gulf_national_agency_initials_in_brackets():
    assert caption_cut("Rescue teams search the wadi near Al Ain on Tuesday. (WAM)") == (
        "Rescue teams search the wadi near Al Ain on Tuesday.",
        "(WAM)",
        "WAM",
    )
    assert caption_cut("The emir opens the new port terminal. (KUNA)")[2] == "KUNA"
