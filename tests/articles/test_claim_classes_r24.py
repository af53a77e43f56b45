"""Claim classes of the round on holdout24 (issue 14), each on sentences written here: other
words, places, numbers and names than the set's pages, the expected claimants read off them.

- a quotation in guillemets or low quotes opens a sentence of its own after a stop, and a
  figure-less quotation within a report is no claim of its own;
- Arabic: "that" with its shadda ("أنّ"), the paper spoken to in straight quotes, a colon
  opening the quotation, a relative clause after the speaker, "according to a tally of X";
- a quotation closed by a bare speech verb in Italian, Czech and Polish (the last person);
- Norwegian and Danish "bekrefter X", "anslår X", "…, viser tall fra X";
- a compound's head standing for it ("Departementet", "de bond", "die Stiftung");
- a person named as a sentence's subject, in apposition or after a title, for "he" next.
"""

from __future__ import annotations

from decimal import Decimal

from archive.articles import extract_claim_candidates
from archive.articles.claimant_subjects import person_subject
from archive.articles.figures import read_figures
from archive.articles.home_dollar import home_dollars
from archive.articles.sentences import split_sentences


def _claims(*paragraphs: str) -> list[tuple[Decimal, str]]:
    return [(c.figure, c.claimant) for c in extract_claim_candidates(list(paragraphs)) if c.figure]


# --- Quotations opening a sentence ---------------------------------------------------------


def test_guillemets_and_low_quotes_open_a_sentence_after_a_stop():
    assert split_sentences("Le port a perdu 12 navires. « Nous repartirons », dit-il.") == [
        "Le port a perdu 12 navires.",
        "« Nous repartirons », dit-il.",
    ]
    assert split_sentences("Der Verein zählt 900 Mitglieder. „Wir wachsen“, sagte sie.") == [
        "Der Verein zählt 900 Mitglieder.",
        "„Wir wachsen“, sagte sie.",
    ]


def test_a_quotation_after_a_report_has_its_own_speaker():
    claims = _claims(
        "Les pompiers ont secouru 45 personnes, selon la préfecture. « Nous avons perdu 12 "
        "maisons dans la nuit », a raconté la maire, Odile Perrin."
    )
    assert claims == [(Decimal(45), "préfecture"), (Decimal(12), "Odile Perrin")]


def test_a_figureless_quotation_within_a_report_is_no_claim():
    found = extract_claim_candidates(
        [
            "La mairie a recensé 45 caves inondées. “Personne ici n'avait jamais vu monter "
            "l'eau aussi vite”, a raconté la maire, Odile Perrin."
        ]
    )
    assert [c.figure for c in found] == [Decimal(45)]


# --- Arabic --------------------------------------------------------------------------------


def test_arabic_that_with_its_shadda_and_the_paper_spoken_to():
    claims = _claims(
        'وقال مدير المرفأ، سمير داود، لـ"الصباح" إنّ "الميناء استقبل 40 سفينة هذا الشهر".'
    )
    assert claims == [(Decimal(40), "سمير داود")]


def test_arabic_announced_that_with_its_shadda():
    claims = _claims("من جهته، أعلن الصليب الأحمر أنّه وزّع 500 خيمة على العائلات.")
    assert claims == [(Decimal(500), "الصليب الأحمر")]


def test_arabic_colon_opening_the_quotation_and_a_relative_clause_after_the_speaker():
    claims = _claims('وقال الصياد كمال نجار، الذي يعمل في الميناء منذ صغره: "خسرت 20 شبكة".')
    assert claims == [(Decimal(20), "الصياد كمال نجار")]


def test_arabic_according_to_a_tally_of_a_body():
    claims = _claims("وأدّت العاصفة، وفق حصيلة رسمية لوزارة الداخلية، إلى تضرّر 60 منزلاً.")
    assert claims == [(Decimal(60), "وزارة الداخلية")]


# --- A bare speech verb closing a quotation ------------------------------------------------


def test_italian_czech_and_polish_bare_verbs_after_a_quotation():
    assert _claims(
        "Lo ha detto Carla Neri, presidente della cooperativa.",
        "«Abbiamo venduto 300 quintali di mele», ha spiegato.",
    ) == [(Decimal(300), "Carla Neri")]
    assert _claims(
        "Krajská radní Jana Malá opravy chválí.",
        "„Opravili jsme 14 mostů,“ řekla.",
    ) == [(Decimal(14), "Jana Malá")]
    assert _claims(
        "Wiceburmistrz miasta Adam Nowicki chwali projekt.",
        "„Mamy 25 nowych autobusów” – dodał.",
    ) == [(Decimal(25), "Adam Nowicki")]


# --- Nordic verbs and records ----------------------------------------------------------------


def test_norwegian_confirms_estimates_and_figures_from():
    assert _claims("Kommunen får 80 millioner kroner, bekrefter Kulturdepartementet.")[0][1] == (
        "Kulturdepartementet"
    )
    assert _claims("Ledigheten er 3,1 prosent, viser tall fra Statistisk sentralbyrå.") == [
        (Decimal("3.1"), "Statistisk sentralbyrå")
    ]


# --- A compound's head standing for it -----------------------------------------------------


def test_a_compounds_head_refers_back_to_it():
    claims = _claims(
        "Tilskuddet er 50 millioner kroner, bekrefter Samferdselsdepartementet. "
        "Departementet anslår at 700 veier må repareres."
    )
    assert [c for _f, c in claims] == ["Samferdselsdepartementet"] * 2
    claims = _claims(
        "Volgens de Reizigersbond Zuid rijden er 20 bussen minder. Volgens de bond zijn 12 "
        "lijnen geschrapt."
    )
    assert [c for _f, c in claims] == ["de Reizigersbond Zuid"] * 2


# --- A person named as a sentence's subject ------------------------------------------------


def test_a_person_in_apposition_or_after_a_title_is_the_subject():
    assert person_subject("La sindaca di Bra, Anna Costa, ha firmato l'ordinanza.") == (
        "Anna Costa"
    )
    assert person_subject("Krajský radní Pavel Novák projekt chválí.") == "Pavel Novák"
    assert person_subject("The head of the port board, Dr Ama Mensah, resigned.") == "Ama Mensah"
    assert person_subject("Oslo, Bergen, Tromsø og Bodø er med.") == ""
    assert person_subject("In the end Oslo won.") == ""


def test_he_after_a_person_named_as_the_subject():
    claims = _claims(
        "Det var Erik Dahl som tok kontakt, sier Kari Lund.",
        "Rektoren ved skolen, Morten Aas, er fornøyd.",
        "– Vi har fått 30 nye elever, sier han.",
    )
    assert claims == [(Decimal(30), "Morten Aas")]


# --- A club, the management, the firm ----------------------------------------------------


def test_the_club_refers_back_to_the_team_named_before():
    claims = _claims(
        "Leith Athletic have announced a loss of £1.4m for the season.",
        "The Meadowbank club's accounts, filed on Monday, show wages rose to £3.2m.",
        "Ticket sales reached £900,000, the club said.",
    )
    assert [c for _f, c in claims] == ["Leith Athletic"] * 3


def test_french_management_and_firm_refer_back_to_the_company():
    claims = _claims(
        "Le fabricant de cartons Papeval a annoncé la fermeture de son site de Lens.",
        "Selon la direction, l'usine a perdu 12 millions d'euros en deux ans.",
        "Elle exporte 70 % de sa production, précise l'entreprise.",
    )
    assert [c for _f, c in claims] == ["Papeval"] * 2


# --- Relative clauses describing the one named -------------------------------------------


def test_a_figure_in_a_relative_clause_after_a_name_is_no_ones_claim():
    assert _claims("“The water rose in minutes,” said Ruth Okoye, 61, who lost three goats.") == [
        (Decimal(3), "")
    ]
    assert _claims("Brightline Buses, which runs 450 coaches, said it would cut 60 routes.") == [
        (Decimal(450), ""),
        (Decimal(60), "Brightline Buses"),
    ]
    assert _claims("La coopérative Lactalp, qui compte 800 éleveurs, a annoncé 35 départs.")[0] == (
        Decimal(800),
        "",
    )


def test_a_relative_clause_with_its_own_speech_verb_stays_the_names_claim():
    claims = _claims("The Harbour Trust, which said 40 boats sank, counted 12 more today.")
    assert claims[0] == (Decimal(40), "Harbour Trust")


def test_a_relative_clause_in_what_is_said_stays_the_speakers_claim():
    claims = _claims(
        "Moira Bell confirmed the trust had bought a new 300-seat hall, which would raise "
        "its capacity to 2,500."
    )
    assert [c for _f, c in claims] == ["Moira Bell"] * 2


# --- Records released by their owner -------------------------------------------------------


def test_records_released_by_a_body_name_it_as_the_source():
    assert _claims(
        "Il rapporto pubblicato ieri dalla Guardia costiera ligure conta 16 dispersi."
    ) == [(Decimal(16), "Guardia costiera ligure")]
    assert _claims("Les chiffres publiés par Météo-France font état de 80 communes touchées.") == [
        (Decimal(80), "Météo-France")
    ]
    assert _claims("Os dados divulgados pela Defesa Civil apontam 230 desalojados em Itajaí.") == [
        (Decimal(230), "Defesa Civil")
    ]


def test_an_italian_body_named_with_della_after_the_verb():
    claims = _claims(
        "Sono state chiuse 9 scuole, ha annunciato la Direzione della Sanità regionale."
    )
    assert claims[0][1].startswith("Direzione della Sanità")


# --- A bare "$" in a story set in Australia ------------------------------------------------


def test_a_bare_dollar_in_a_story_set_in_australia_is_the_australian_dollar():
    paragraphs = [
        "Floods across Queensland have cut 40 roads, the Australian Bureau of Meteorology said.",
        "The state will spend $12 million on repairs.",
        "A US charity gave US$3 million.",
    ]
    candidates = extract_claim_candidates(paragraphs)
    home_dollars(candidates, paragraphs)
    assert [(c.figure, c.unit) for c in candidates if c.unit.endswith("D")] == [
        (Decimal(12_000_000), "AUD"),
        (Decimal(3_000_000), "USD"),
    ]


def test_a_paper_marking_the_australian_dollar_means_the_us_dollar_by_a_bare_sign():
    paragraphs = [
        "A Western Australia miner wrote down A$900mn, as Australian lithium prices fell.",
        "Prices below $800 a tonne leave no profit.",
    ]
    candidates = extract_claim_candidates(paragraphs)
    home_dollars(candidates, paragraphs)
    assert [c.unit for c in candidates if c.figure == 800][0] == "USD"


# --- Ukrainian and Russian: "as they reported at X", a body publishing, "by X's counts" -----


def test_as_reported_at_a_body_gives_the_body_in_the_nominative():
    assert _claims("Як повідомили в Харківській обласній прокуратурі, пошкоджено 17 будинків.") == [
        (Decimal(17), "Харківська обласна прокуратура")
    ]
    assert _claims("Як зазначили у Державних службах зайнятості, роботу знайшли 400 людей.")[0][
        1
    ].startswith("Державні служби")
    assert _claims(
        "Как сообщили в Министерстве здравоохранения, без тепла остались 60 больниц."
    ) == [(Decimal(60), "Министерство здравоохранения")]


def test_a_cyrillic_body_publishing_its_figures():
    assert (
        _claims("Водночас Національний банк оприлюднив дані: інфляція сягнула 9 відсотків.")[0][1]
        == "Національний банк"
    )
    assert _claims("Росстат опубликовал данные: в регионе родились 1200 детей.")[0][1] == (
        "Росстат"
    )


def test_by_the_counts_of_a_body():
    assert _claims("За підрахунками Львівської ОВА, з початку року збито 35 дронів.") == [
        (Decimal(35), "Львівської ОВА")
    ]


# --- Initials standing for a name spelled out before -------------------------------------


def test_initials_resolve_to_the_name_spelled_out_before():
    claims = _claims(
        "A doctor at a clinic run by Cruz Vermelha Portuguesa in the camp said it was full.",
        "CVP said its clinic had 80 beds.",
        "The Norwegian Refugee Council said it had housed 900 families.",
        "“We can reach half of them,” an NRC spokesperson said.",
    )
    assert [c for _f, c in claims] == [
        "Cruz Vermelha Portuguesa",
        "Norwegian Refugee Council",
        "Norwegian Refugee Council",
    ]


# --- The paper's own information -----------------------------------------------------------


def test_the_papers_own_information_is_no_ones_and_takes_no_other_claimant():
    claims = _claims(
        "Le maire a annoncé 14 nouvelles classes, a-t-il précisé. Le chantier coûtera 3 "
        "millions d'euros, selon nos informations."
    )
    assert claims[-1] == (Decimal(3_000_000), "")
    claims = _claims(
        "Die Stadt baut 200 Wohnungen, sagte der Bürgermeister Jens Kohl. Nach unseren "
        "Informationen fehlen noch 40 Millionen Euro."
    )
    assert claims[-1] == (Decimal(40_000_000), "")


def test_arabic_verb_first_with_an_object_not_a_that_clause():
    assert (
        _claims("وأعلن الصندوق العربي الأسبوع الماضي تقديم 30 مليون دولار للمزارعين.")[0][1]
        == "الصندوق العربي"
    )
    assert _claims("وأعلنت بلدية صيدا اليوم إغلاق 8 مدارس.")[0][1] == "بلدية صيدا"


# --- A clause on a noun closing the sentence is no closing attribution ---------------------


def test_a_clause_on_a_noun_closing_the_sentence_keeps_the_subject_before_said():
    claims = _claims(
        "The International Committee of the Red Cross said on Monday that 12,000 people "
        "had fled, twice the number it counted in June."
    )
    assert claims[0] == (Decimal(12000), "International Committee of the Red Cross")


def test_a_body_and_its_seat_before_said_is_the_body():
    claims = _claims("Chad's transitional government in N'Djamena said 70 villages were burnt.")
    assert claims == [(Decimal(70), "Chad's transitional government")]


# --- Arabic "dollar" alone --------------------------------------------------------------


def test_arabic_dollar_alone_is_the_us_dollar_and_another_countrys_is_not():
    assert [(f.value, f.unit) for f in read_figures("رصدت الحكومة 70 مليون دولار للطرق.")] == [
        (Decimal(70_000_000), "USD")
    ]
    assert [f.unit for f in read_figures("دفعت الشركة 15 دولاراً عن كل طن.")] == ["USD"]
    assert read_figures("بلغت الصادرات 9 ملايين دولار كندي.")[0].unit != "USD"


def test_an_elided_body_of_no_known_kind_takes_the_paragraphs_source():
    claims = _claims(
        "Secondo l'Osservatorio Etneo, le repliche sono 40. Il suolo, spiega l'osservatorio, "
        "sale di 3 centimetri al mese."
    )
    assert [c for _f, c in claims] == ["Osservatorio Etneo"] * 2


# --- Ukrainian and Russian numerals in their oblique cases ---------------------------------


def test_ukrainian_and_russian_numerals_in_oblique_cases():
    assert [(f.value, f.unit) for f in read_figures("Світла немає у п'яти селах.")] == [
        (Decimal(5), "селах")
    ]
    assert [(f.value, f.unit) for f in read_figures("Рятувальники працювали у восьми школах.")] == [
        (Decimal(8), "школах")
    ]
    assert [(f.value, f.unit) for f in read_figures("Ранены четырёх горняков.")] == [
        (Decimal(4), "горняков")
    ]


def test_a_norwegian_and_danish_quarter():
    assert [f.value for f in read_figures("Nesten en fjerdedel av bussene står stille.")] == [
        Decimal("0.25")
    ]
    assert [f.value for f in read_figures("En fjerdedel af skolerne mangler lærere.")] == [
        Decimal("0.25")
    ]
