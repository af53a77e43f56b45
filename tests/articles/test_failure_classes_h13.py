"""Failure classes of the holdout13 round, each on a few lines written here.

Each test is a convention other publishers' pages share (a credit layout, a credit word, a
furniture signal); the snippets are invented, in other words and for other houses than the
set's pages, and the expected values read off them.
"""

from __future__ import annotations

from archive.articles import parse_article
from archive.articles.caption_credits import read_caption
from archive.articles.draft import KIND_PICTURE, KIND_STILL, KIND_VIDEO, DraftPlacement, mark_stills
from archive.articles.text_lines import is_boilerplate
from tests.articles.conftest import PARAGRAPH, caption_cut, credit_parts


def _page(headline: str, captions: list[str]) -> str:
    story = f"<p>{PARAGRAPH}</p>"
    figures = "".join(
        f'<figure><img src="https://example.pk/img/pic-{n}.jpg" alt="">'
        f"<figcaption>{caption}</figcaption></figure>{story}"
        for n, caption in enumerate(captions)
    )
    return f"<html><body><article><h1>{headline}</h1>{story}{figures}</article></body></html>"


def _cuts(page: str, name: str) -> list[tuple[str, str, str]]:
    draft = parse_article(page.encode(), filename=name)
    return [(p.caption, p.credit_line, p.credit) for p in draft.placements]


# A house that closes every caption with a spaced dash and the credit, whatever it names (its
# own staff, a handout, an archive picture, a social-media account): on such a page the name
# after the dash is the credit, even when no other rule knows it; a caption's date in
# brackets may close its sentence ("on Friday (Nov 6). — Name").


def test_page_of_captions_closed_by_a_spaced_dash_and_the_credit():
    page = _page(
        "Ferry terminal shut",
        [
            "Passengers queue at the old terminal on Friday (Nov 6). — Harbour Courier",
            "The terminal's pier during the 2019 storm. — Archive pic",
            "Divers inspect the pilings near the slipway. — Instagram/Lakeside Fire Service",
        ],
    )
    assert _cuts(page, "ferry.html") == [
        (
            "Passengers queue at the old terminal on Friday (Nov 6).",
            "Harbour Courier",
            "Harbour Courier",
        ),
        ("The terminal's pier during the 2019 storm.", "Archive pic", "Archive pic"),
        (
            "Divers inspect the pilings near the slipway.",
            "Instagram/Lakeside Fire Service",
            "Instagram",
        ),
    ]


def test_one_caption_closed_by_a_dash_is_no_convention():
    page = _page(
        "Ferry terminal shut",
        [
            "Passengers queue at the old terminal on Friday. — Harbour Courier",
            "The terminal's pier during the 2019 storm.",
        ],
    )
    assert _cuts(page, "ferry.html")[0] == (
        "Passengers queue at the old terminal on Friday. — Harbour Courier",
        "",
        "",
    )


# Polish portals print each caption "Caption / Credit" on one line, the credit after a spaced
# slash ("/ Name / Agency", "/ materiały prasowe", "/ a TV channel"): on a page printing three
# or more captions so, the words after the first spaced slash are the credit.


def test_page_of_captions_closed_by_a_spaced_slash_and_the_credit():
    text = "\n".join(
        [
            "Most w Gdańsku zamknięty do wiosny",
            "Przęsło mostu nad Motławą / Katarzyna Wilk-Nowicka / Agencja Pomorska",
            "Piotr Zieliński",
            "Środa, 2 grudnia 2026 (14:30)",
            "Drogowcy zamknęli most na Motławie po wykryciu pęknięć w przęśle.",
            "Naprawa ma kosztować 18 mln zł i potrwa co najmniej pięć miesięcy.",
            "Objazd dla kierowców / materiały prasowe",
            "Miasto uruchomi dodatkowe tramwaje na czas remontu mostu w centrum.",
            "Kierowcy muszą liczyć się z korkami na ul. Podwale Przedmiejskie.",
            "Ekipa remontowa na moście / Tomasz Kruk / PAP",
            "Prace mają ruszyć w poniedziałek rano, zapowiada zarząd dróg.",
        ]
    )
    found = [(p.caption, p.credit_line, p.credit) for p in parse_article(text).placements]
    assert found == [
        (
            "Przęsło mostu nad Motławą",
            "Katarzyna Wilk-Nowicka / Agencja Pomorska",
            "Agencja Pomorska",
        ),
        ("Objazd dla kierowców", "materiały prasowe", "materiały prasowe"),
        ("Ekipa remontowa na moście", "Tomasz Kruk / PAP", "PAP"),
    ]


def test_two_slashed_lines_are_no_convention():
    text = "\n".join(
        [
            "Most w Gdańsku zamknięty do wiosny",
            "Drogowcy zamknęli most na Motławie po wykryciu pęknięć w przęśle.",
            "Objazd dla kierowców / materiały prasowe",
            "Miasto uruchomi dodatkowe tramwaje na czas remontu mostu w centrum.",
            "Ekipa remontowa na moście / zarząd dróg",
            "Prace mają ruszyć w poniedziałek rano, zapowiada zarząd dróg.",
        ]
    )
    assert all(not p.credit_line for p in parse_article(text).placements)


# Indonesian credits: "(Dok. Body)" ("dokumentasi", the body's own picture) names the body that
# gave the picture; an agency's "AGENCY FOTO/Photographer/abc." closes with the desk editor's
# initials in lower case, no part of any name.


def test_indonesian_documentation_label_credits_the_body():
    assert caption_cut(
        "Relawan membagikan makanan di posko Sidoarjo. (Dok. Humas Pemkab Sidoarjo)"
    ) == (
        "Relawan membagikan makanan di posko Sidoarjo.",
        "(Dok. Humas Pemkab Sidoarjo)",
        "Humas Pemkab Sidoarjo",
    )
    assert credit_parts("(DOKUMENTASI BASARNAS)") == ("BASARNAS", "", "")


def test_agency_credit_closed_by_the_editors_initials():
    assert caption_cut(
        "Kapal nelayan bersandar di Muara Baru, Senin (30/11/2026). (ANTARA FOTO/Rudi Gunawan/foc.)"
    ) == (
        "Kapal nelayan bersandar di Muara Baru, Senin (30/11/2026).",
        "(ANTARA FOTO/Rudi Gunawan/foc.)",
        "ANTARA FOTO",
    )
    assert credit_parts("ANTARA FOTO/Rudi Gunawan/foc.") == ("ANTARA FOTO", "", "Rudi Gunawan")


# "Capture d'écran House" (French), like the Romanian "Captură ecran House": a frame of the
# house's video, the house credited.


def test_french_screen_capture_credits_the_house():
    # (a name in capitals may be given in the reader's own case: the class is the label)
    assert credit_parts("CAPTURE D'ÉCRAN RADIO ARMOR")[0].upper() == "RADIO ARMOR"
    assert credit_parts("Capture d’écran Le Télégramme")[0] == "Le Télégramme"


# "(Photo courtesy of Body)(Agency)", "(Handout)(Agency)": who handed the picture out, then
# the distributing agency, each in brackets, printed together; the agency is the credit, the
# giver its source, the whole pair the credit line.


def test_giver_in_brackets_then_the_distributing_agency():
    found = read_caption(
        "Cranes unload containers at the new pier in Busan on Nov. 30. "
        "(Photo courtesy of Busan Port Authority)(Yonhap)"
    )
    assert (found.caption, found.credit_line, found.credit, found.source) == (
        "Cranes unload containers at the new pier in Busan on Nov. 30.",
        "(Photo courtesy of Busan Port Authority)(Yonhap)",
        "Yonhap",
        "Busan Port Authority",
    )
    found = read_caption("Ministers pose before their talks in Seoul. (Handout)(Yonhap)")
    assert (found.caption, found.credit_line, found.credit, found.source) == (
        "Ministers pose before their talks in Seoul.",
        "(Handout)(Yonhap)",
        "Yonhap",
        "",
    )
    assert read_caption("Ferries in the bay at dawn. (Video courtesy of Kobe City)(Kyodo)").video


# Indonesian and Malay words for a frame of a video: "tangkapan layar" / "tangkapan skrin" (a
# screen capture), "video di atas" (the video above).


def test_indonesian_and_malay_screen_capture_makes_a_still():
    for caption in (
        "Tangkapan skrin menunjukkan air naik di jalan utama Kota Bharu.",
        "Warga menyeberangi sungai, seperti terlihat dalam video di bawah ini.",
    ):
        video = DraftPlacement(0, KIND_VIDEO, title="Banjir di Kelantan", caption="Banjir")
        pic = DraftPlacement(0, KIND_PICTURE, caption=caption)
        mark_stills([video, pic])
        assert pic.kind == KIND_STILL, caption


# The site's own copyright notice at the foot of the page: a company in its legal form holds
# it ("© Editora Sul S.A. 2026", "© 2026 Harbour Media Ltd"); it credits no picture, and the
# line above it (a teaser, a button) is no caption.


def test_site_copyright_notice_of_a_company_is_no_credit():
    text = "\n".join(
        [
            "Porto de Leixões bate recorde de contentores",
            "O porto movimentou 720 mil contentores até novembro, mais 9% do que em 2025.",
            "A administração portuária espera fechar o ano acima dos 780 mil.",
            "Mais lidas",
            "Novo hospital de Braga abre em março",
            "© Editora Sul S.A. 2026",
        ]
    )
    assert parse_article(text).placements == []
    assert is_boilerplate("© 2026 Harbour Media Ltd")
    assert not is_boilerplate("© Reuters 2026")


# A German public broadcaster's player: its title, then a meta line "Reporter, House,
# Programme 19:30 Uhr, 03.12.2026" (who reported, the broadcaster, the programme and its
# airtime, the date): the video's credit line, the broadcaster credited, the reporter its maker.


def test_broadcasters_player_meta_line_is_the_videos_credit():
    story = f"<p>{PARAGRAPH}</p>"
    page = f"""<html><body><article><h1>Hafenfähre eingestellt</h1>{story}
      <div class="player-box"><video src="https://example.de/v/faehre.mp4"
        poster="https://example.de/v/faehre.jpg"></video>
      <p class="player__title">Die letzte Fahrt der Hafenfähre</p>
      <p class="player__info">Lena Sommerfeld, NDR, Hamburg Journal 19:30 Uhr, 03.12.2026</p>
      </div>{story}</article></body></html>"""
    (video,) = parse_article(page.encode(), filename="faehre.html").placements
    assert (video.kind, video.credit_line, video.credit, video.creator) == (
        "video",
        "Lena Sommerfeld, NDR, Hamburg Journal 19:30 Uhr, 03.12.2026",
        "NDR",
        "Lena Sommerfeld",
    )
    assert credit_parts("Lena Sommerfeld, NDR, Hamburg Journal 19:30 Uhr, 03.12.2026") == (
        "NDR",
        "",
        "Lena Sommerfeld",
    )
