"""Claimants in the conventions of more languages (issue 14, round 22): "according to" after
its source in the genitive (Georgian, Armenian, Bengali, Nepali), before it (Persian,
Icelandic), the speaker before the verb or after it behind a quotation, titles before names,
the pronoun "he" in those languages. Sentences written for these tests, not the corpora's."""

from __future__ import annotations

from archive.articles import extract_claim_candidates
from archive.articles.attribution import attribution, quoted_spans
from archive.articles.claimant_scripts import caseless


def _source(sentence: str) -> str:
    return attribution(sentence, quoted_spans(sentence))


def _claimants(*paragraphs: str) -> list[str]:
    return [c.claimant for c in extract_claim_candidates(list(paragraphs)) if c.figure]


# -- Georgian -------------------------------------------------------------------------------


def test_georgian_according_to_a_body_in_the_genitive():
    assert _claimants("ბათუმის მერიის მონაცემებით, ქალაქში 45 ახალი სკოლა აშენდება.") == [
        "ბათუმის მერია"
    ]
    assert _claimants("ეროვნული ბანკის ინფორმაციით, ინფლაციამ 7 პროცენტს მიაღწია.") == [
        "ეროვნული ბანკი"
    ]


def test_georgian_speaker_in_the_ergative_in_apposition_then_his_words():
    found = _claimants(
        "ფოთის პორტიდან 120 მუშა გაათავისუფლეს. ამის შესახებ პორტის დირექტორმა, გიორგი "
        "ბერიძემ, გუშინ ჟურნალისტებს განუცხადა.",
        "მისი თქმით, პორტმა წელს 2 მილიონი ტონა ტვირთი გადაამუშავა.",
    )
    assert found == ["გიორგი ბერიძე", "გიორგი ბერიძე"]


def test_georgian_quotation_then_verb_then_speaker_with_her_age():
    found = _claimants("„ჩემი ხელფასი 900 ლარია“, — გვითხრა 45 წლის მარიამ კაპანაძემ.")
    assert set(found) == {"მარიამ კაპანაძე"}


def test_georgian_words_have_no_capitals():
    assert caseless("მერია") and not caseless("merja")


# -- Armenian -------------------------------------------------------------------------------


def test_armenian_according_to_a_body_in_the_genitive():
    assert _claimants("Կենտրոնական բանկի տվյալներով՝ գնաճը կազմել է 6 տոկոս։") == [
        "Կենտրոնական բանկ"
    ]


def test_armenian_verb_then_title_and_name_then_his_words_and_surname():
    found = _claimants(
        "Քաղաքապետարանը կփակի 3 դպրոց, հայտնեց քաղաքապետարանի խոսնակ Լիլիթ Հովհաննիսյանը։",
        "Նրա խոսքով՝ 40 ուսուցիչ կտեղափոխվի այլ դպրոցներ։",
        "«Մենք ունենք 200 աշակերտ»,- ասաց Հովհաննիսյանը։",
    )
    assert found == ["Լիլիթ Հովհաննիսյան"] * 3


# -- Persian --------------------------------------------------------------------------------


def test_persian_based_on_the_report_of_a_body():
    assert _claimants("بر اساس گزارش بانک مرکزی، تورم به ۴۰ درصد رسید.") == ["بانک مرکزی"]


def test_persian_title_then_name_between_commas_then_according_to_him():
    found = _claimants(
        "سخنگوی شهرداری، علی کریمی، به خبرنگاران گفت: «۱۲ پارک جدید افتتاح می‌شود.»",
        "به گفته او، ۳۰۰ درخت در این پارک‌ها کاشته شد.",
    )
    assert found == ["علی کریمی", "علی کریمی"]


def test_persian_company_announced_in_its_city():
    assert _source("شرکت فولاد سپاهان در اصفهان اعلام کرد ۲۵۰ کارگر را اخراج میکند.") == (
        "شرکت فولاد سپاهان"
    )


# -- Bengali --------------------------------------------------------------------------------


def test_bengali_according_to_a_body_in_the_genitive():
    assert _source("বাংলাদেশ ব্যাংকের তথ্য অনুযায়ী, রিজার্ভ কমেছে।") == "বাংলাদেশ ব্যাংক"
    assert _source("বাজার সমিতির হিসাবে, প্রতিদিন ৫০০ ট্রাক আসে।") == "বাজার সমিতি"


def test_bengali_speaker_before_the_verb():
    found = _claimants("চট্টগ্রামের জেলে করিম উদ্দিন বলেন, প্রতিদিন ৩০০ টাকা আয় হয়।")
    assert found and all("করিম উদ্দিন" in who for who in found)


# -- Nepali, Arabic, Icelandic ----------------------------------------------------------------


def test_nepali_according_to_with_the_genitive_glued():
    assert _claimants("नेपाल राष्ट्र बैंकका अनुसार मुद्रास्फीति ५ प्रतिशत पुगेको छ ।") == ["नेपाल राष्ट्र बैंक"]


def test_arabic_reported_that_and_said_that_he():
    assert _claimants("أفادت وزارة الصحة بأن ٣٠ مستشفى تعمل بكامل طاقتها.") == ["وزارة الصحة"]
    found = _claimants("وقال الصياد محمد الكندري إنه يخسر ٥٠ ديناراً يومياً.")
    assert found and all("محمد الكندري" in who for who in found)


def test_icelandic_speaker_after_the_quotation_then_she_says():
    found = _claimants(
        "„Við misstum 40 störf í haust,“ segir Guðrún Helga Sigurðardóttir, formaður félagsins.",
        "Hún segir að laun hafi hækkað um 12 prósent.",
    )
    assert found == ["Guðrún Helga Sigurðardóttir"] * 2


def test_icelandic_according_to_the_figures_of_a_body():
    found = _claimants("Samkvæmt tölum Seðlabanka Íslands hækkaði verðbólga um 6 prósent.")
    assert found == ["tölum Seðlabanka Íslands"] or found == ["Seðlabanka Íslands"]


# -- Hebrew ---------------------------------------------------------------------------------


def test_hebrew_speaker_named_with_a_relative_clause():
    assert _claimants("יוסי כהן, שמנהל את המאפייה, סיפר כי 12 עובדים פוטרו.") == ["יוסי כהן"]


def test_hebrew_body_speaking_in_the_plural():
    assert _claimants("בעיריית אשדוד אמרו כי 30 גנים ייסגרו בקיץ.") == ["עיריית אשדוד"]


def test_hebrew_quotation_then_verb_then_title_and_name():
    found = _claimants('"אנחנו מפסידים 5 מיליון שקל בשנה", אמר יו"ר הוועד, משה לוי.')
    assert found == ["משה לוי"]


def test_hebrew_ministry_announced_that():
    assert _claimants("משרד הבריאות הודיע היום כי 200 מיטות נוספו.") == ["משרד הבריאות"]
