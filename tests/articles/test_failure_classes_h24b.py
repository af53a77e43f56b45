"""Failure classes of round 23b (placements and credits of holdout24's plain-text copies), each
on a few lines written here.

1. A caption's bracketed credit wrapped over two lines ("(Courier Photo" / "by Name)") is one
   credit line.
2. A house's desk credited with no name, in brackets ("(Harbour Post Video)", "(Harbour Post
   Photo/File)"), is a credit line; a text copy whose masthead ends with that word ("The
   Bombay Courier" over "(Courier Photo)") credits the house by its masthead's name.
3. A caption wrapped after a word no caption ends with ("... the old fort at" / "Panaji.
   (Credit)") is one caption.
4. A video's title after a label to watch it ("Watch:", "Se video:", Arabic "فيديو:") over a
   line that is only a credit is the video's title, then its credit line.
5. A frame of the video above, credited to a video desk, is the video's still.
6. On a page whose captions close with a bracketed credit (two or more), a line that is only a
   bracketed group of names, under its caption, is that caption's credit line.
7. "(Name - House)" where the house is the copy's masthead: the house credited, the name its
   photographer.
8. Archive words in a credit: "Archive photo / House", "TT Arkiv", Arabic "أرشيف «House»".
9. "Supplied / Body" and "Body / Supplied": credited "Supplied", the body the source.
10. Norwegian, Swedish and Danish screenshot labels ("Skjermbilde:", "Skärmdump:").
11. A teaser whose words the story shares with the picture under it does not take the story's
    own picture.

And holdout23's text leftovers (Urdu, Amharic, Sinhala):

12. The full stops of Urdu ("۔") and Amharic ("።") end the story's sentences: a paragraph so
    closed under a credit line is no caption that credit stands over, and a house's name
    alone under a caption, above such a sentence, is its credit line.
13. The most-read list's heading in Urdu, Amharic, Sinhala and Arabic ends the story: the
    headlines under it are no caption.
14. "فائل فوٹو" (Urdu "file photo") alone is a credit line; a caption opened by a "file
    photo" label ("የማኅደር ፎቶ፡ …", "File photo: …") over a credit line is a caption, whole; the
    masthead then the archive's word ("ሪፖርተር ማኅደር") credits the house.
15. A dateline naming the reporter in brackets ("کوئٹہ (نمائندہ جنگ)") is no caption's credit.

Dates of text copies:

16. Datelines `dates.dateline` does not read: "03-11-2026 | 08:05", "03/11/2026 - 8h05min",
    Urdu "03 نومبر ، 2026", Sinhala year first "2026 නොවැම්බර් 03 …", an Ethiopian-calendar
    date "ጥቅምት 24 ቀን 2019 ዓ.ም." (the Gregorian 3 November 2026).
17. A headline printed twice counts as one paragraph above the dateline.

The snippets are invented, in other words, places, names and languages than the set's pages,
and the expected values read off them.
"""

from __future__ import annotations

from datetime import date

import pytest

from archive.articles import parse_article
from archive.articles.caption_credits import read_caption
from archive.articles.credit_lines import read_credit_line
from archive.articles.draft import KIND_PICTURE, KIND_STILL, KIND_VIDEO
from archive.articles.text_stamps import copy_stamp
from tests.articles.conftest import PARAGRAPH

_STORY = (
    "Fishermen in the bay said the storm had wrecked dozens of boats and nets overnight, "
    "and the port stayed shut through the morning."
)
_ARABIC_STORY = (
    "وقالت البلدية في بيان إنّ العاصفة ألحقت أضراراً بعشرات المنازل في الأحياء الساحلية، "
    "وإنّ فرق الإغاثة تعمل منذ الفجر على فتح الطرقات."
)


def _text(lines: list[str]):
    return parse_article("\n".join(lines).encode(), filename="copy.txt")


def _courier(*lines: str):
    """A text copy of a page of "The Bombay Courier" with ``lines`` in its story."""
    return _text(
        [
            "Skip to content",
            "The Bombay Courier",
            "Cyclone batters Goa coast as fishing fleet stays in harbour",
            "Written by Meera Joshi",
            "Panaji | Updated: March 3, 2026 10:15 IST",
            PARAGRAPH,
            *lines,
            _STORY,
            PARAGRAPH,
        ]
    )


# 1. and 2. A bracketed credit wrapped over two lines; the house's desk named by its masthead.


def test_bracketed_credit_wrapped_over_two_lines_is_one_credit_line():
    draft = _courier(
        "Boats lie overturned on the beach at Calangute on Tuesday. (Courier Photo",
        "by Rahul Desai)",
        _STORY,
        "A fishing boat in the harbour last monsoon. (PTI Photo)",
    )
    first = draft.placements[0]
    assert first.caption == "Boats lie overturned on the beach at Calangute on Tuesday."
    assert first.credit_line == "(Courier Photo by Rahul Desai)"
    assert (first.credit, first.creator) == ("The Bombay Courier", "Rahul Desai")


@pytest.mark.parametrize("inner", ["Harbour Post Video", "Harbour Post Photo/File"])
def test_a_house_desk_with_no_name_in_brackets_is_a_credit(inner):
    found = read_caption(f"Waves break over the sea wall at dawn. ({inner})")
    assert found.caption == "Waves break over the sea wall at dawn."
    assert found.credit_line == f"({inner})"


def test_a_desk_file_credit_names_the_house():
    assert read_credit_line("(Harbour Post Photo/File)").credit == "Harbour Post"


@pytest.mark.parametrize(
    "line", ["Storm hits the coast (PHOTO, VIDEO)", "Storm hits the coast. (Watch Video)"]
)
def test_media_kinds_and_buttons_in_brackets_are_no_credit(line):
    assert read_caption(line).credit_line == ""


def test_desk_credits_name_the_masthead_of_the_copy():
    draft = _courier(
        "The old jetty at Vasco after the storm. (Courier Photo/File)",
        _STORY,
        "Tourists wait for buses at Margao station. (PTI Photo)",
    )
    credits = [(p.caption, p.credit) for p in draft.placements]
    assert credits == [
        ("The old jetty at Vasco after the storm.", "The Bombay Courier"),
        ("Tourists wait for buses at Margao station.", "PTI"),
    ]


# 3., 4. and 5. A watch label over a credit alone; a caption wrapped after a hanging word; the
# frame of the video above, credited to the video desk.


def test_watch_title_over_a_desk_credit_then_its_wrapped_still():
    draft = _courier(
        "Watch: Giant waves lash the promenade at Miramar",
        "(Courier Video)",
        "Screengrab from the video above shows the flooded road near the old fort at",
        "Panaji. (Courier Video)",
        _STORY,
        "Fishermen haul a net at Colva beach. (PTI Photo)",
    )
    found = [(p.kind, p.caption, p.credit_line, p.credit) for p in draft.placements]
    assert found == [
        (
            KIND_VIDEO,
            "Giant waves lash the promenade at Miramar",
            "(Courier Video)",
            "The Bombay Courier",
        ),
        (
            KIND_STILL,
            "Screengrab from the video above shows the flooded road near the old fort at Panaji.",
            "(Courier Video)",
            "The Bombay Courier",
        ),
        (KIND_PICTURE, "Fishermen haul a net at Colva beach.", "(PTI Photo)", "PTI"),
    ]


def test_norwegian_watch_label_over_a_video_credit():
    draft = _text(
        [
            "Dagbladet",
            "Storm stenger Bergensbanen",
            "Av Kari Nilsen",
            "Publisert: 03.03.2026 09:12",
            "Toget ble stående i over fem timer ved Finse etter at snøskred stengte linjen tidlig i morges, opplyser Bane NOR.",
            "Se video: Snøskredet sperrer sporet ved Finse",
            "Video: Ola Hansen / Dagbladet",
            "Passasjerene ble hentet med beltevogner fra stasjonen og kjørt til Geilo før kvelden.",
            "Mannskaper rydder sporet ved Finse onsdag.",
            "Foto: Bane NOR",
            "Bane NOR regner med at linjen kan åpne igjen torsdag morgen dersom været bedrer seg.",
        ]
    )
    found = [(p.kind, p.caption, p.credit_line, p.credit) for p in draft.placements]
    assert found == [
        (
            KIND_VIDEO,
            "Snøskredet sperrer sporet ved Finse",
            "Video: Ola Hansen / Dagbladet",
            "Dagbladet",
        ),
        (KIND_PICTURE, "Mannskaper rydder sporet ved Finse onsdag.", "Foto: Bane NOR", "Bane NOR"),
    ]


# 4., 6. and 7. An Arabic page: bracketed credits on their own lines, a video's label, a
# photographer beside the masthead.


def test_arabic_copy_with_bracketed_credit_lines():
    draft = _text(
        [
            "الأخبار",
            "عاصفة تضرب الساحل الشمالي وتقطع الطرقات",
            "سامر الخوري",
            "03-03-2026 | 09:40",
            "أمواج عالية تضرب الكورنيش البحري في طرابلس صباح اليوم. (ليلى حداد - الأخبار)",
            _ARABIC_STORY,
            "عناصر الإغاثة يزيلون الأشجار المقتلعة عن طريق البحصاص.",
            "(الصليب الأحمر اللبناني)",
            _ARABIC_STORY,
            "فيديو: السيول تجتاح شوارع الميناء",
            "(الأخبار)",
            "سيارة جرفتها المياه قرب سوق الخضار. (الأخبار)",
            _ARABIC_STORY,
            "مرفأ طرابلس خلال عاصفة سابقة، في صورة من الأرشيف.",
            '(أرشيف "الأخبار")',
            _ARABIC_STORY,
        ]
    )
    found = [(p.kind, p.caption, p.credit_line, p.credit, p.creator) for p in draft.placements]
    assert found == [
        (
            KIND_PICTURE,
            "أمواج عالية تضرب الكورنيش البحري في طرابلس صباح اليوم.",
            "(ليلى حداد - الأخبار)",
            "الأخبار",
            "ليلى حداد",
        ),
        (
            KIND_PICTURE,
            "عناصر الإغاثة يزيلون الأشجار المقتلعة عن طريق البحصاص.",
            "(الصليب الأحمر اللبناني)",
            "الصليب الأحمر اللبناني",
            "",
        ),
        (KIND_VIDEO, "السيول تجتاح شوارع الميناء", "(الأخبار)", "الأخبار", ""),
        (KIND_PICTURE, "سيارة جرفتها المياه قرب سوق الخضار.", "(الأخبار)", "الأخبار", ""),
        (
            KIND_PICTURE,
            "مرفأ طرابلس خلال عاصفة سابقة، في صورة من الأرشيف.",
            '(أرشيف "الأخبار")',
            "الأخبار",
            "",
        ),
    ]


@pytest.mark.parametrize("line", ["(pictured)", "(Reporting by Sam Lee)", "(1 of 3)"])
def test_a_bracketed_remark_alone_is_no_credit_line(line):
    from archive.articles.text_brackets import bracketed_credit_line

    assert bracketed_credit_line(line) is None


# 8. and 9. Archive words; handouts.


@pytest.mark.parametrize(
    ("line", "credit", "source"),
    [
        ("(Image: Archive photo / Evening Times)", "Evening Times", ""),
        ("Foto: TT Arkiv", "TT", ""),
        ("Library picture / Belfast Telegraph", "Belfast Telegraph", ""),
        ("(أرشيف «السفير»)", "السفير", ""),
        ("Picture: Supplied / NSW Rural Fire Service", "Supplied", "NSW Rural Fire Service"),
        ("Photo: Queensland Police / Supplied", "Supplied", "Queensland Police"),
    ],
)
def test_archive_and_handout_credit_forms(line, credit, source):
    parts = read_credit_line(line)
    assert (parts.credit, parts.source) == (credit, source)


def test_supplied_beside_a_person_keeps_the_person():
    assert read_credit_line("Supplied/John Smith").credit == "John Smith"


# 10. Nordic screenshot labels.


@pytest.mark.parametrize(
    ("line", "credit", "source"),
    [
        ("Skjermbilde: Facebook / Bergen kommune", "Facebook", "Bergen kommune"),
        ("Skärmdump: Instagram / Göteborgs stad", "Instagram", "Göteborgs stad"),
        ("Skærmbillede: X / Aarhus Kommune", "Twitter", "Aarhus Kommune"),
    ],
)
def test_nordic_screenshot_labels_are_no_part_of_the_credit(line, credit, source):
    found = read_caption(f"Kommunen la ut bildene torsdag. {line}")
    assert found.caption == "Kommunen la ut bildene torsdag."
    assert found.credit_line == line
    assert (found.credit, found.source) == (credit, source)


# 11. A teaser sharing only the story's own words.


def test_a_teaser_sharing_the_story_topic_keeps_the_story_picture():
    draft = _text(
        [
            "Flood waters rise along the Murray as towns brace for peak",
            "Emergency crews sandbagged homes in Echuca as the river rose overnight.",
            PARAGRAPH,
            "RELATED: Flood warning issued for Gippsland towns",
            "Sandbags stacked outside a bakery as the flood nears Echuca. Picture: Jane Roe / AAP",
            PARAGRAPH,
        ]
    )
    assert [p.caption for p in draft.placements] == [
        "Sandbags stacked outside a bakery as the flood nears Echuca."
    ]


def test_a_teaser_picture_naming_the_other_story_is_left_out():
    draft = _text(
        [
            "Flood waters rise along the Murray as towns brace for peak",
            "Emergency crews sandbagged homes in Echuca as the river rose overnight.",
            PARAGRAPH,
            "RELATED: Gippsland dairy farmers count cost of floods",
            "Dairy cows wade through a paddock in Gippsland. Picture: Jane Roe / AAP",
            PARAGRAPH,
        ]
    )
    assert draft.placements == []
    assert [o.reason for o in draft.left_out] == ["teaser for another story"]


# 12. to 15. Urdu and Amharic copies.

_URDU = [
    "روزنامہ آواز",
    "پشاور میں سیلاب سے سڑکیں زیر آب، ہزاروں افراد متاثر",
    "پشاور (نمائندہ آواز)",
    "03 مارچ ، 2026",
    "دریائے کابل میں طغیانی کے بعد ڈوبی ہوئی گلیاں",
    "فوٹو: آواز",
    "ضلعی انتظامیہ کے مطابق شہر کے نشیبی علاقوں میں پانی داخل ہونے سے سیکڑوں گھر متاثر ہوئے ہیں۔",
    "ریسکیو اہلکار کشتیوں کے ذریعے لوگوں کو محفوظ مقامات پر منتقل کر رہے ہیں",
    "فوٹو: اے پی پی",
    "محکمہ موسمیات نے آئندہ دو روز میں مزید بارش کی پیش گوئی کی ہے اور شہریوں کو احتیاط کی ہدایت کی ہے۔",
    "۲۰۱۰ کے سیلاب میں پشاور کا ایک متاثرہ محلہ",
    "فائل فوٹو",
    "صوبائی حکومت نے متاثرین کے لیے امدادی کیمپ قائم کر دیے ہیں جہاں کھانا اور ادویات فراہم کی جا رہی ہیں۔",
    "سب سے زیادہ پڑھی جانے والی",
    "سونے کی قیمت میں اضافہ",
    "کرکٹ ٹیم کا اعلان",
    "© روزنامہ آواز",
]


def test_urdu_copy_credits_under_captions_and_its_furniture():
    draft = _text(_URDU)
    found = [(p.caption, p.credit_line) for p in draft.placements]
    assert found == [
        ("دریائے کابل میں طغیانی کے بعد ڈوبی ہوئی گلیاں", "فوٹو: آواز"),
        (
            "ریسکیو اہلکار کشتیوں کے ذریعے لوگوں کو محفوظ مقامات پر منتقل کر رہے ہیں",
            "فوٹو: اے پی پی",
        ),
        ("۲۰۱۰ کے سیلاب میں پشاور کا ایک متاثرہ محلہ", "فائل فوٹو"),
    ]


def test_urdu_reporter_dateline_is_no_credit():
    draft = _text(_URDU)
    assert all("نمائندہ" not in p.credit_line for p in draft.placements)


def test_amharic_copy_masthead_credit_and_archive_caption():
    draft = _text(
        [
            "አዲስ ልሳን",
            "በአዲስ አበባ ከባድ ዝናብ መንገዶችን ዘጋ",
            "በሰላም ታደሰ",
            "የከተማዋ ነዋሪዎች በውኃ በተሞላው መንገድ ላይ ሲጓዙ",
            "ፎቶ፡ ሰናይት አበበ",
            "የከተማው አስተዳደር እንዳስታወቀው በዝናቡ ምክንያት በርካታ መንገዶች ለሰዓታት ተዘግተው ቆይተዋል።",
            "ቪዲዮ፡ በቦሌ አካባቢ የጎርፍ ሁኔታ",
            "ቪዲዮ፡ አዲስ ልሳን",
            "ከላይ ካለው ቪዲዮ የተወሰደ ምስል፡ በጎርፍ የተከበበ አውቶቡስ",
            "አዲስ ልሳን",
            "የሜቲዮሮሎጂ ኢንስቲትዩት በሚቀጥሉት ቀናት ተጨማሪ ዝናብ እንደሚጠበቅ አስታውቋል።",
            "የማኅደር ፎቶ፡ በ2015 ዓ.ም. በዚሁ አካባቢ የደረሰው ጎርፍ",
            "ፎቶ፡ አዲስ ልሳን ማኅደር",
            "የከተማዋ የአደጋ መከላከል ኮሚሽን ነዋሪዎች ጥንቃቄ እንዲያደርጉ አሳስቧል።",
            "በብዛት የተነበቡ",
            "የነዳጅ ዋጋ ጨመረ",
            "የቡና ኤክስፖርት አደገ",
            "© 2026 አዲስ ልሳን",
        ]
    )
    found = [(p.kind, p.caption, p.credit) for p in draft.placements]
    assert found == [
        (KIND_PICTURE, "የከተማዋ ነዋሪዎች በውኃ በተሞላው መንገድ ላይ ሲጓዙ", "ሰናይት አበበ"),
        (KIND_VIDEO, "በቦሌ አካባቢ የጎርፍ ሁኔታ", "አዲስ ልሳን"),
        (KIND_STILL, "ከላይ ካለው ቪዲዮ የተወሰደ ምስል፡ በጎርፍ የተከበበ አውቶቡስ", "አዲስ ልሳን"),
        (KIND_PICTURE, "የማኅደር ፎቶ፡ በ2015 ዓ.ም. በዚሁ አካባቢ የደረሰው ጎርፍ", "አዲስ ልሳን"),
    ]


def test_english_file_photo_label_over_its_credit_is_the_caption():
    draft = _text(
        [
            "Dam level falls to record low",
            PARAGRAPH,
            "File photo: The reservoir at Kariba in a wetter year",
            "Photo: Zimbabwe Herald",
            PARAGRAPH,
        ]
    )
    assert [(p.caption, p.credit_line) for p in draft.placements] == [
        ("File photo: The reservoir at Kariba in a wetter year", "Photo: Zimbabwe Herald")
    ]


# 16. and 17. Dates of text copies.


@pytest.mark.parametrize(
    "line",
    [
        "03-11-2026 | 08:05",
        "03-11-2026",
        "03/11/2026 - 8h05min",
        "03 نومبر ، 2026",
        "2026 නොවැම්බර් 03 අඟහරුවාදා, පෙ.ව. 08:05",
        "ጥቅምት 24 ቀን 2019 ዓ.ም.",
    ],
)
def test_copy_datelines(line):
    assert copy_stamp(line) == date(2026, 11, 3)


@pytest.mark.parametrize("line", ["Population 03-11-2026 was", "31-02-2026", "ጥቅምት 31 ቀን 2019"])
def test_no_dateline(line):
    assert copy_stamp(line) is None


def test_headline_printed_twice_before_the_dateline():
    headline = (
        "Heavy snow closes Rohtang and Baralacha passes; army clears roads to 40 stranded "
        "villages in Lahaul"
    )
    draft = _text(
        [
            "The Valley Herald",
            headline,
            headline,
            "Snowfall of more than a metre cut off dozens of villages in the upper valley overnight.",
            "Manali | Updated: November 3, 2026 08:05 IST",
            PARAGRAPH,
            PARAGRAPH,
        ]
    )
    assert draft.date == date(2026, 11, 3)
