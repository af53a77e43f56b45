"""Failure classes of round 22p (placements and credits of holdout23's kind), each on a few
lines written here.

1. Credit labels in Urdu ("فوٹو:", "ویڈیو:", "اسکرین گریب:"), Amharic ("ፎቶ፡", "ቪዲዮ፡", closed by
   the Ethiopic colon "፡"), Sinhala ("ඡායාරූපය:", "වීඩියෝ:") and Greek ("Φωτ.:", "Πηγή:",
   "Φωτογράφος:") are labels, no part of the credit; on a line of their own under a caption
   they make the caption a picture's (a video's, for the video labels).
2. In a script with no capital letters, "Video: a title" over "Video: House" (the same label
   twice) is a video's title, then its credit line: the story's paragraph above is no title.
3. A caption and its credit line in one line joined by a spaced slash or dash, the credit
   line opening with a label word and no colon ("A caption / фото X", "A caption. - Foto X"):
   the separator belongs to neither.
4. Credit forms: a label with no colon before the name ("фото ДСНС", "Foto ihsan X", "Foto
   fail X", "Photo House/Ph. Name", "скріншот з відео X"); an agency, a comma and its
   photographer; one agency named twice ("AP:Associated Press"); "Body/Handout via Agency";
   "Company / Divulgação"; "Facebook (Page)" and Amharic "ከፌስቡክ (Page)".
5. The agencies' and platforms' names in Urdu, Amharic, Sinhala and Cyrillic ("اے ایف پی",
   "ایکس", "ፌስቡክ", "ෆේස්බුක්", "Фејсбук", "ЕПА") give their canonical names.
6. In a saved page, a `<figcaption>` whose class names a furniture box ("subscribe_…") is still
   its picture's caption; a `<dl>` gallery's `<dd>` captions the picture in the `<dt>` before
   it; a "read-also" box is a teaser.
7. Teaser labels in Urdu, Amharic (closed by "፡"), Sinhala, Greek, Serbian and Malay, and
   captions naming the video above in Urdu, Amharic, Sinhala, Serbian, Greek, French,
   Portuguese, Malay and Ukrainian (a still of that video).
8. A paper's initials after a label with no colon ("Video HM", "Gambar tangkap layar HM")
   name the paper itself.
9. In a text copy, a credit line alone with a label and no colon ("Photo House/Ph. Name",
   "Vidéo House", "Reprodução / Instagram @x", "Arquivo / House", "Capture d'écran X/@x") is a
   credit line; a credit line between a caption with no full stop and a sentence of the story
   closes the caption; "Receba ... no WhatsApp" is a channel's sign-up, not a caption.
10. A text copy's masthead (its first line, the house's name) printed again alone under a
    caption is that caption's credit line (the house's own frame of its video).

The snippets are invented, in other words, places, names and languages than the sets' pages,
and the expected values read off them.
"""

from __future__ import annotations

import pytest

from archive.articles import parse_article
from archive.articles.caption_credits import read_caption
from archive.articles.credit_forms import brand_letters
from archive.articles.credit_lines import read_credit_line
from archive.articles.draft import KIND_PICTURE, KIND_VIDEO, speaks_of_a_video
from archive.articles.furniture import invites_signup
from archive.articles.text_lines import TEASER_RE
from tests.articles.conftest import PARAGRAPH, caption_parts


def _text(lines: list[str]):
    return parse_article("\n".join(lines).encode(), filename="copy.txt")


# 1. Urdu, Amharic, Sinhala and Greek credit labels.


@pytest.mark.parametrize(
    ("line", "credit", "video"),
    [
        ("فوٹو: ڈان نیوز", "ڈان نیوز", False),
        ("ویڈیو: سماء ٹی وی", "سماء ٹی وی", True),
        ("اسکرین گریب: سماء ٹی وی", "سماء ٹی وی", False),
        ("ፎቶ፡ አዲስ ዘመን", "አዲስ ዘመን", False),
        ("ቪዲዮ፡ ፋና ብሮድካስቲንግ", "ፋና ብሮድካስቲንግ", True),
        ("ඡායාරූපය: නිමල් පෙරේරා", "නිමල් පෙරේරා", False),
        ("වීඩියෝ: දිවයින", "දිවයින", True),
        ("Φωτ.: Δήμος Λάρισας", "Δήμος Λάρισας", False),
        ("Φωτογράφος: Νίκος Παππάς", "Νίκος Παππάς", False),
    ],
)
def test_labels_of_more_languages_are_no_part_of_the_credit(line, credit, video):
    found = read_caption(line)
    assert found.credit_line == line
    assert found.credit == credit
    assert found.video is video


def test_greek_source_label_on_its_own_line_is_a_label():
    assert read_credit_line("Πηγή: Δήμος Βόλου").credit == "Δήμος Βόλου"


@pytest.mark.parametrize(
    ("caption", "credit_line", "credit"),
    [
        ("لاہور میں بارش کے بعد سڑکوں پر کھڑا پانی", "فوٹو: ڈان نیوز", "ڈان نیوز"),
        ("በባሕር ዳር ከተማ የጣለው ከባድ ዝናብ", "ፎቶ፡ አዲስ ዘመን", "አዲስ ዘመን"),
        ("ගාල්ල වරායේ නැංගුරම් ලා ඇති නැව්", "ඡායාරූපය: නිමල් පෙරේරා", "නිමල් පෙරේරා"),
    ],
)
def test_caption_over_a_labelled_credit_line_in_a_text_copy(caption, credit_line, credit):
    draft = _text(["Headline of the story here", PARAGRAPH, caption, credit_line, PARAGRAPH])
    pictures = [p for p in draft.placements if p.kind == KIND_PICTURE]
    assert [(p.caption, p.credit_line, p.credit) for p in pictures] == [
        (caption, credit_line, credit)
    ]


# 2. A video's title and credit under the same label, in a script with no case.


@pytest.mark.parametrize(
    ("title_line", "credit_line", "title", "credit"),
    [
        (
            "ویڈیو: کراچی کی بندرگاہ پر طوفان کا منظر",
            "ویڈیو: سماء ٹی وی",
            "کراچی کی بندرگاہ پر طوفان کا منظر",
            "سماء ٹی وی",
        ),
        ("ቪዲዮ፡ በአዋሳ ሐይቅ ዳር የተካሄደው ሩጫ", "ቪዲዮ፡ ፋና", "በአዋሳ ሐይቅ ዳር የተካሄደው ሩጫ", "ፋና"),
        ("වීඩියෝ: ගාල්ල කොටුවේ සංචාරකයින්", "වීඩියෝ: දිවයින", "ගාල්ල කොටුවේ සංචාරකයින්", "දිවයින"),
    ],
)
def test_video_title_over_its_credit_under_the_same_label(title_line, credit_line, title, credit):
    story = "بندرگاہ کے حکام نے بتایا کہ جمعے کی شام تک تمام جہاز روک دیے گئے تھے اور ماہی گیروں کو سمندر میں جانے سے منع کیا گیا تھا۔"
    draft = _text(
        ["Headline of the story here", PARAGRAPH, story, title_line, credit_line, PARAGRAPH]
    )
    videos = [p for p in draft.placements if p.kind == KIND_VIDEO]
    assert [(v.title, v.credit_line, v.credit) for v in videos] == [(title, credit_line, credit)]


def test_a_cased_video_label_pair_is_left_to_the_title_rule():
    found = read_caption("Video: Reuters")
    assert found.credit == "Reuters" and found.video


# 3. Caption and credit line joined by a spaced slash or dash.


@pytest.mark.parametrize(
    ("printed", "caption", "credit_line", "credit", "creator"),
    [
        (
            "Черга біля пункту незламності у Сумах / фото: Сумська ОВА",
            "Черга біля пункту незламності у Сумах",
            "фото: Сумська ОВА",
            "Сумська ОВА",
            "",
        ),
        (
            "Трамвай на вулиці Городоцькій / фото ЛКП, Марія Коваль",
            "Трамвай на вулиці Городоцькій",
            "фото ЛКП, Марія Коваль",
            "ЛКП",
            "Марія Коваль",
        ),
        (
            "Nelayan membaiki pukat di Kuala Besut. - Foto Bernama",
            "Nelayan membaiki pukat di Kuala Besut.",
            "Foto Bernama",
            "Bernama",
            "",
        ),
        (
            "Pasar malam di Kuantan dibuka semula. - Foto ihsan MPK",
            "Pasar malam di Kuantan dibuka semula.",
            "Foto ihsan MPK",
            "MPK",
            "",
        ),
    ],
)
def test_caption_and_credit_joined_by_a_slash_or_dash(
    printed, caption, credit_line, credit, creator
):
    assert caption_parts(printed) == (caption, credit_line, credit, creator)


def test_a_slash_inside_a_caption_before_no_label_is_the_captions():
    text = "Міст через Десну / вигляд з берега після ремонту"
    assert read_caption(text).credit_line == ""


# 4. Credit forms.


@pytest.mark.parametrize(
    ("line", "credit", "source", "creator"),
    [
        ("фото ДСНС", "ДСНС", "", ""),
        ("Фото Град Ниш", "Град Ниш", "", ""),
        ("скріншот з відео Суспільне", "Суспільне", "", ""),
        ("Foto fail KOSMO", "KOSMO", "", ""),
        ("Foto tangkap layar Facebook JBPM", "Facebook", "JBPM", ""),
        ("Photo Actualite.cd/Ph. Aimé Lukusa", "Actualite.cd", "", "Aimé Lukusa"),
        ("Vidéo Top Congo", "Top Congo", "", ""),
        ("AFP:Agence France-Presse", "AFP", "", ""),
        (
            "Queensland Police Service/Handout via Reuters",
            "Reuters",
            "Queensland Police Service",
            "",
        ),
        ("Calçados Serra / Divulgação", "Calçados Serra", "", ""),
        ("Facebook (Bahir Dar City)", "Facebook", "Bahir Dar City", ""),
        ("ፎቶ፡ ከፌስቡክ (ባሕር ዳር ከተማ)", "Facebook", "ባሕር ዳር ከተማ", ""),
    ],
)
def test_more_credit_forms(line, credit, source, creator):
    parts = read_credit_line(line)
    assert (parts.credit, parts.source, parts.creator) == (credit, source, creator)


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Photo by Jane Roe/Northern Star", "Northern Star"),
        ("Photo from City Hall", "City Hall"),
        ("Foto N – Jana Nová", "N"),
    ],
)
def test_label_phrases_leave_by_and_from_credits_to_their_rules(line, credit):
    assert read_credit_line(line).credit == credit


# 5. Agencies and platforms named in other scripts.


@pytest.mark.parametrize(
    ("line", "credit", "source"),
    [
        ("فوٹو: اے ایف پی", "AFP", ""),
        ("فوٹو: ایکس/@KarachiPolice", "Twitter", "@KarachiPolice"),
        ("ඡායාරූපය: ෆේස්බුක් / Ceylon Tea Board", "Facebook", "Ceylon Tea Board"),
        ("Фото Фејсбук/Општина Пирот", "Facebook", "Општина Пирот"),
        ("ፎቶ፡ ዩቲዩብ/ኢቢሲ", "YouTube", "ኢቢሲ"),
    ],
)
def test_agencies_and_platforms_in_other_scripts(line, credit, source):
    parts = read_credit_line(line)
    assert (parts.credit, parts.source) == (credit, source)


# 6. Captions in boxes a saved page names otherwise.

_STORY = "<p>" + PARAGRAPH + "</p>"


def _page(body: str):
    page = f"<html><body><article><h1>Міст відкрили після ремонту</h1>{_STORY}{body}{_STORY}</article></body></html>"
    return parse_article(page.encode(), filename="mist.html")


def test_figcaption_with_a_box_class_is_its_pictures_caption():
    draft = _page(
        '<figure><img src="https://example.org/p/mist.jpg" alt="">'
        '<figcaption class="subscribe-text">Міст через Десну після ремонту / фото: Чернігівська ОВА'
        "</figcaption></figure>"
    )
    assert [(p.caption, p.credit) for p in draft.placements] == [
        ("Міст через Десну після ремонту", "Чернігівська ОВА")
    ]


def test_dl_gallery_dd_captions_the_picture_in_the_dt_before_it():
    draft = _page(
        '<dl class="gallery"><dt><img src="https://example.org/p/a.jpg" alt=""></dt>'
        "<dd>Нова опора мосту / фото ЧОДА, Петро Левченко</dd>"
        '<dt><img src="https://example.org/p/b.jpg" alt=""></dt>'
        "<dd>Перший трамвай на мосту / фото ЧОДА, Петро Левченко</dd></dl>"
    )
    assert [(p.caption, p.credit, p.creator) for p in draft.placements] == [
        ("Нова опора мосту", "ЧОДА", "Петро Левченко"),
        ("Перший трамвай на мосту", "ЧОДА", "Петро Левченко"),
    ]


def test_read_also_box_is_a_teaser():
    draft = _page(
        '<div class="read-also"><img src="https://example.org/p/t.jpg" alt="">'
        '<a href="https://example.org/other-story">Ремонт доріг у Ніжині</a></div>'
    )
    assert draft.placements == []
    assert any("teaser" in item.reason for item in draft.left_out)


# 7. Teaser labels and still phrases in more languages.


@pytest.mark.parametrize(
    "line",
    [
        "یہ بھی پڑھیں: لاہور میں اسموگ کا راج",
        "ተጨማሪ ያንብቡ፡ በባሕር ዳር አዲስ ድልድይ ተመረቀ",
        "මෙයත් කියවන්න: ගාල්ලේ නව බස් නැවතුම",
        "Διαβάστε επίσης: Νέα γέφυρα στη Λάρισα",
        "Прочитајте још: Нови мост у Нишу",
        "Baca lagi: Jambatan baharu di Kuantan",
    ],
)
def test_teaser_labels_of_more_languages(line):
    assert TEASER_RE.match(line)


@pytest.mark.parametrize(
    "caption",
    [
        "اوپر دی گئی ویڈیو سے لیا گیا منظر: بندرگاہ پر کھڑی کشتیاں",
        "ከላይ ካለው ቪዲዮ የተወሰደ ምስል፡ የተዘጋው መንገድ",
        "ඉහත වීඩියෝවෙන් ලබාගත් දර්ශනයක්: වරායේ නැව්",
        "Кадар из видеа изнад: срушени мост код Ниша",
        "Στιγμιότυπο από το παραπάνω βίντεο: η γέφυρα της Λάρισας",
        "Capture de la vidéo ci-dessus : le pont de Bukavu",
        "Imagem do vídeo acima: a ponte de Pelotas",
        "Tangkap layar video di atas menunjukkan jambatan di Kuantan",
        "Кадр з відео вище: міст у Чернігові",
    ],
)
def test_captions_naming_the_video_above_in_more_languages(caption):
    assert speaks_of_a_video(caption)


# 8. A paper's initials after a label with no colon.


@pytest.mark.parametrize("line", ["Video HM", "Gambar tangkap layar HM", "Foto HM"])
def test_initials_after_a_label_name_the_paper(line):
    assert brand_letters("HM", line, ["Harian Metro"], []) == "Harian Metro"


def test_initials_after_a_photographer_are_kept():
    assert brand_letters("HM", "Ali Hassan / HM", ["Harian Metro"], []) == "HM"


# 9. Lone credit lines with labels and no colon; which caption a credit closes.


@pytest.mark.parametrize(
    ("line", "credit", "source", "creator"),
    [
        ("Photo Top Congo/Ph. Aimé Lukusa", "Top Congo", "", "Aimé Lukusa"),
        ("Photo MONUSCO/Ph. Jean Kabila", "MONUSCO", "", "Jean Kabila"),
        ("Reprodução / Instagram @feiradolivro", "Instagram", "@feiradolivro", ""),
        ("Arquivo / Jornal do Comércio", "Jornal do Comércio", "", ""),
        ("Capture d'écran X/@UNICEF_DRC", "Twitter", "@UNICEF_DRC", ""),
    ],
)
def test_lone_credit_line_with_a_label_and_no_colon(line, credit, source, creator):
    found = read_caption(line)
    assert (found.caption, found.credit_line) == ("", line)
    assert (found.credit, found.source, found.creator) == (credit, source, creator)


def test_a_photo_line_that_is_a_sentence_is_no_credit_line():
    assert read_caption("Photo exhibition opens in the old town hall.").credit_line == ""


def test_credit_between_an_unstopped_caption_and_a_story_sentence_closes_the_caption():
    caption = "Message posted by the charity on X about the wounded treated in Rutshuru town"
    story = "The provincial government released an envelope of 300,000 dollars for the emergency."
    draft = _text(
        [
            "Headline of the story here",
            PARAGRAPH,
            caption,
            "Capture d'écran X/@Caritas_Goma",
            story,
            PARAGRAPH,
        ]
    )
    assert [(p.caption, p.credit) for p in draft.placements] == [(caption, "Twitter")]
    assert story in draft.paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "Receba as principais notícias do Correio no WhatsApp",
        "Join our Telegram channel for updates",
    ],
)
def test_messaging_channel_invitations_are_sign_ups(line):
    assert invites_signup(line)


# 10. The masthead again under a caption: the house's credit line.


def test_masthead_line_under_a_caption_is_the_houses_credit():
    draft = _text(
        [
            "Radio Maendeleo",
            "Bukavu : le pont de Ruzizi rouvert",
            PARAGRAPH,
            "VIDÉO : Les habitants de Bukavu traversent le pont rouvert",
            "Vidéo Radio Maendeleo",
            "Capture de la vidéo ci-dessus : des motos sur le pont de Ruzizi",
            "Radio Maendeleo",
            PARAGRAPH,
        ]
    )
    still = [p for p in draft.placements if p.caption.startswith("Capture de la vidéo")]
    assert [(p.kind, p.credit_line, p.credit) for p in still] == [
        ("still", "Radio Maendeleo", "Radio Maendeleo")
    ]
