"""Failure classes of the holdout15 round, each on a few lines written here.

Each test is a convention other publishers' pages share (a credit layout, a credit word, a
furniture signal); the snippets are invented, in other words and for other houses than the
set's pages, and the expected values read off them.
"""

from __future__ import annotations

from archive.articles import parse_article
from archive.articles.claims import extract_claim_candidates
from archive.articles.house_credits import own_desk_initials, site_named_in_title
from archive.articles.text_lines import is_boilerplate
from tests.articles.conftest import PARAGRAPH, caption_cut, credit_parts


def _text_cuts(lines: list[str]) -> list[tuple[str, str, str, str, str]]:
    draft = parse_article("\n".join(lines), filename="page.txt")
    return [(p.caption, p.credit_line, p.credit, p.source, p.creator) for p in draft.placements]


STORY = [
    "Tramvajska pruga u Osijeku zatvorena do proljeća",
    "Gradsko prijevozno poduzeće obustavlja promet na dvije linije zbog obnove kolosijeka.",
    "Radovi bi trebali trajati četiri mjeseca, a zamjenski autobusi vozit će svakih deset minuta.",
]


# The site's own copyright notice at the foot of a copied page, with its year: "Copyright ©"
# together, or a company in its legal form (d.o.o., a.s., s.r.o., S.A. de C.V.), is no
# picture's credit line, and the line above it no caption.


def test_site_copyright_notice_with_year_is_no_picture():
    lines = [
        *STORY,
        "Pretplatite se na naš tjedni bilten",
        "Copyright © 2025, Glas Slavonije",
    ]
    assert _text_cuts(lines) == []
    assert is_boilerplate("Copyright © 2025 Slavonski Tisak d.o.o.")
    assert is_boilerplate("© 2025 Vltava Media, a.s.")
    assert is_boilerplate("© 2024 Noticias del Bajío, S.A. de C.V.")
    assert is_boilerplate("© Copyright 2023 Harbour Gazette")
    assert not is_boilerplate("© 2025 Reuters")
    assert not is_boilerplate("© Marko Horvat")


# A teaser label in Croatian, Czech, Slovak or Spanish ("Pročitajte i ovo", "Čtěte také", "Te
# recomendamos") on its own line: the other story's headline under it, and the credit line of
# its picture under that, are no placement of the story.


def test_teaser_label_then_headline_then_its_credit_is_left_out():
    lines = [
        *STORY[:2],
        "ČTĚTE TAKÉ",
        "Ostrava otevře nový most přes Odru až v létě",
        "foto: Jana Dvořáková, ČTK",
        STORY[2],
        "Tramvaj na zastávce u katedrály",
        "foto: Petr Novák, MAFRA",
        STORY[1],
    ]
    assert _text_cuts(lines) == [
        (
            "Tramvaj na zastávce u katedrály",
            "foto: Petr Novák, MAFRA",
            "MAFRA",
            "",
            "Petr Novák",
        )
    ]


def test_spanish_recommendation_label_marks_a_teaser_headline():
    lines = [
        "Suben las tarifas del agua en Puebla",
        "El organismo operador aprobó un aumento de 12 por ciento a partir de enero, informó.",
        "Te recomendamos",
        "Abren 14 nuevas rutas de transporte en la zona metropolitana",
        "La tarifa doméstica pasará de 180 a 202 pesos al mes para 30 mil hogares, dijo.",
    ]
    draft = parse_article("\n".join(lines), filename="agua.txt")
    assert not any("rutas" in c.sentence for c in draft.claim_candidates)


# A chart's credit on a line of its own, its maker after the label and the data's source after
# a separator (a slash, a semicolon, a bullet): "Infografika: House / Izvor: Body", "Chart:
# House • Source: Body • Created with Datawrapper" (the chart tool's label is no part of the
# credit line), "© House; Quelle: Body".


def test_chart_credit_line_with_its_data_source_under_its_title():
    lines = [
        *STORY[:2],
        "Putnici u tramvajima po godinama",
        "Infografika: Glas Slavonije / Izvor: GPP Osijek",
        STORY[2],
        "Median house prices by region, 2020-25",
        "Chart: Harbour News • Source: Stats NZ • Created with Datawrapper",
        STORY[1],
    ]
    assert _text_cuts(lines) == [
        (
            "Putnici u tramvajima po godinama",
            "Infografika: Glas Slavonije / Izvor: GPP Osijek",
            "Glas Slavonije",
            "GPP Osijek",
            "",
        ),
        (
            "Median house prices by region, 2020-25",
            "Chart: Harbour News • Source: Stats NZ",
            "Harbour News",
            "Stats NZ",
            "",
        ),
    ]


def test_copyright_credit_then_data_source_after_a_semicolon():
    assert credit_parts("© Tiroler Tageszeitung; Quelle: Land Tirol") == (
        "Tiroler Tageszeitung",
        "Land Tirol",
        "",
    )
    assert credit_parts("Grafika: Dnevnik; Izvor: DZS") == ("Dnevnik", "DZS", "")


# Mexican papers' credit lines printed alone under a caption with no label: the staff
# photographer, a bar and the house named in the masthead ("Name | HOUSE"); "Especial" or
# "Cortesía" (a supplied picture); a photo agency's bare name.


def test_mexican_credit_lines_alone_under_their_captions():
    lines = [
        "Menú",
        "EXPRESO",
        "Hermosillo",
        "Cierra mina de cobre en Cananea",
        "La minera anunció el cierre temporal de su tajo principal por la caída del precio.",
        "Mineros salen del último turno en la entrada de la mina.",
        "Lucía Ramírez | EXPRESO",
        "La empresa dijo que 640 trabajadores serán reubicados en otras unidades del estado.",
        "El alcalde durante la reunión con los mineros.",
        "Cortesía",
        "El sindicato pidió una mesa de diálogo con el gobierno estatal esta semana.",
        "Camiones detenidos en la carretera federal.",
        "Notimex",
        "Los transportistas calculan pérdidas por el bloqueo de la carretera federal.",
    ]
    assert _text_cuts(lines) == [
        (
            "Mineros salen del último turno en la entrada de la mina.",
            "Lucía Ramírez | EXPRESO",
            "EXPRESO",
            "",
            "Lucía Ramírez",
        ),
        ("El alcalde durante la reunión con los mineros.", "Cortesía", "Cortesía", "", ""),
        ("Camiones detenidos en la carretera federal.", "Notimex", "Notimex", "", ""),
    ]


def test_name_bar_house_not_in_the_masthead_stays_a_caption():
    lines = [
        "Cierra mina de cobre en Cananea",
        "La minera anunció el cierre temporal de su tajo principal por la caída del precio.",
        "Mineros salen del último turno en la entrada de la mina.",
        "Lucía Ramírez | SINDICATO",
        "La empresa dijo que 640 trabajadores serán reubicados en otras unidades del estado.",
    ]
    cuts = _text_cuts(lines)
    assert ("Lucía Ramírez", "SINDICATO") in [(c[0], c[1]) for c in cuts]


# A file picture's label ("File picture: Name", "File photo: Name") is part of the credit line.


def test_file_picture_label_is_kept_in_the_credit_line():
    assert caption_cut("Boats moored at the marina last winter. File photo: Declan Walsh") == (
        "Boats moored at the marina last winter.",
        "File photo: Declan Walsh",
        "Declan Walsh",
    )


# A paper's picture desk credited by the paper's initials and "Photo" ("(TT Photo)", "(Name/TT
# Photo)"): the paper, whose name the page's title closes and its logo carries.


def test_paper_initials_photo_credits_the_paper():
    page = f"""<html><head><title>Bridge closed for repairs | City - Tribune Times</title></head>
      <body><header><a class="logo" href="/"><img src="https://example.in/tt-logo.svg"
        alt="Tribune Times"></a></header>
      <article><h1>Bridge closed for repairs</h1><p>{PARAGRAPH}</p>
      <figure><img src="https://example.in/img/bridge.jpg" alt="">
        <figcaption>The bridge over the canal on Monday. (Arjun Mehta/TT Photo)</figcaption>
      </figure><p>{PARAGRAPH}</p>
      <figure><img src="https://example.in/img/notice.jpg" alt="">
        <figcaption>The closure notice at the bridge. (TT Photo)</figcaption>
      </figure><p>{PARAGRAPH}</p></article></body></html>"""
    draft = parse_article(page.encode(), filename="bridge.html")
    assert draft.publication == "Tribune Times"
    assert [(p.credit, p.creator) for p in draft.placements] == [
        ("Tribune Times", "Arjun Mehta"),
        ("Tribune Times", ""),
    ]


def test_initials_alone_or_a_title_without_its_logo_keep_their_credit():
    assert own_desk_initials("NRK", "Foto: NRK", "Norsk Rikskringkasting") == "NRK"
    assert own_desk_initials("TT", "(TT Photo)", "Tribune Times") == "Tribune Times"
    assert site_named_in_title("Bridge closed | City - Tribune Times", {"Tribune Times"}) == (
        "Tribune Times"
    )
    assert site_named_in_title("Bridge closed - Opinion", {"Tribune Times"}) == ""


# A player of another story's video under the article, labelled "Video recomendado" (or
# "Recommended video"): left out, not a placement.


def test_recommended_video_player_is_left_out():
    story = f"<p>{PARAGRAPH}</p>"
    page = f"""<html><body><article><h1>Lluvias en Cusco</h1>{story}
      <figure><img src="https://example.pe/img/rio.jpg" alt="">
        <figcaption>El río Huatanay desbordado. (Foto: Ana Quispe / Andina)</figcaption>
      </figure>{story}
      <section class="story__extra"><h3>Video recomendado</h3>
        <div class="jw-player" data-media="abc123"><img class="jw-preview"
          src="https://cdn.example.pe/v/abc123/poster.jpg" alt="" width="640" height="360"></div>
        <p>Huaico bloquea la carretera central</p></section>
      </article></body></html>"""
    draft = parse_article(page.encode(), filename="cusco.html")
    assert [p.kind for p in draft.placements] == ["picture"]


def _claims(sentence: str) -> list[tuple[float, str]]:
    return [
        (float(c.figure), c.unit)
        for c in extract_claim_candidates([sentence])
        if c.figure is not None
    ]


# Mexican papers print a thousand and its hundreds as "mil" and the figure ("mil 250 obreros"
# is 1,250), as they print "7 mil 300".


def test_mexican_thousand_word_before_the_hundreds():
    assert _claims("La fábrica despidió a mil 250 obreros en Saltillo, informó el sindicato.") == [
        (1250.0, "obreros")
    ]


# Croatian, Serbian and Bosnian scale words and the euro in their cases ("1,5 milijuna eura",
# "3 milijarde", "40 tisuća") and their fractions ("dvije trećine", "za polovicu").


def test_croatian_scales_currency_and_fractions():
    assert _claims("Luka je prošle godine uložila 2,4 milijuna eura u novi gat.") == [
        (2_400_000.0, "EUR")
    ]
    assert (
        _claims("Grad je za obnovu dobio 3 milijarde od države, rekao je gradonačelnik.")[0][0]
        == 3_000_000_000
    )
    assert _claims("U gradu živi oko 40 tisuća stanovnika, navodi zavod.") == [
        (40_000.0, "stanovnika")
    ]
    assert _claims("Dvije trećine učenika putuje autobusom, kaže ravnateljica.")[0][0] == 0.67
    assert _claims("Broj noćenja pao je za polovicu u odnosu na prošlu godinu.")[0][0] == 0.5


# Swiss and Belgian French count seventy, eighty and ninety as "septante", "huitante" and
# "nonante"; French tens take their unit after a hyphen ("trente-quatre").


def test_french_tens_with_swiss_and_belgian_words():
    assert _claims("Le club compte nonante-trois membres actifs, selon son comité.") == [
        (93.0, "membres")
    ]
    assert _claims("L'usine emploie trente-quatre apprentis cette année, a dit la direction.")[
        0
    ] == (34.0, "apprentis")


# Czech and Croatian datelines print the month in the genitive ("12. října 2025", "3.
# ožujka 2026.").


def test_czech_and_croatian_datelines_give_the_date():
    czech = ["Praha zdraží jízdné", "12. října 2025 8:15", PARAGRAPH, PARAGRAPH]
    assert str(parse_article("\n".join(czech), filename="a.txt").date) == "2025-10-12"
    croatian = ["Zagreb gradi most", "3. ožujka 2026. u 09:10", PARAGRAPH, PARAGRAPH]
    assert str(parse_article("\n".join(croatian), filename="b.txt").date) == "2026-03-03"


# "Read more:" over a list of other stories' headlines, one a line: every headline of the
# list is the teaser's, none the story's (no claim from "Five ways ..."); the list ends at the
# story's next paragraph.


def test_read_more_label_over_a_list_of_headlines():
    lines = [
        "Harbour dredging to cost $9 million",
        "The port company said dredging the channel would cost $9 million over two years.",
        "Read more:",
        "Port company posts record profit",
        "Five ways the new channel changes shipping",
        "Seven berths will close during the works, the harbourmaster said on Tuesday.",
    ]
    draft = parse_article("\n".join(lines), filename="port.txt")
    figures = sorted(float(c.figure) for c in draft.claim_candidates)
    assert figures == [7.0, 9_000_000.0]
