"""Failure classes of round 21a (placements and credits), each on a few lines written here.

Credit labels closed by the Khmer colon "៖" or a full-width "：" are labels; Thai labels with
no colon ("ขอบคุณภาพจาก X", thanks for the picture from X); a "file photo" phrase in brackets
closing a caption is its credit line; a video's title printed with the video label over the
video's own credit line is the title, not a second credit; and lines in scripts written
without spaces between words (Thai, Khmer) are measured by their characters, not their
spaces, so that a caption is told from a paragraph there. The snippets are invented, in
other words, places, names and languages than the sets' pages, and the expected values read
off them.
"""

from __future__ import annotations

import pytest

from archive.articles import parse_article
from archive.articles.caption_credits import read_caption
from archive.articles.credit_lines import read_credit_line
from archive.articles.draft import KIND_PICTURE, KIND_VIDEO, norm
from archive.articles.text_sizes import words_in
from tests.articles.conftest import caption_parts


def _text(lines: list[str]):
    return parse_article("\n".join(lines).encode(), filename="copy.txt")


# 1. Labels closed by the Khmer colon "៖" or a full-width colon "：".


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("រូបថត៖ ចាន់ ដារ៉ា", "ចាន់ ដារ៉ា"),
        ("រូបភាព៖ ក្រសួងទេសចរណ៍", "ក្រសួងទេសចរណ៍"),
        ("摄影：王志明", "王志明"),
        ("圖片：陳家豪", "陳家豪"),
    ],
)
def test_labels_closed_by_a_khmer_or_full_width_colon(line, credit):
    assert read_credit_line(line).credit == credit


@pytest.mark.parametrize("line", ["វីដេអូ៖ ទូរទស្សន៍បាយ័ន", "视频：陈国华"])
def test_video_labels_closed_by_a_khmer_or_full_width_colon_mark_a_video(line):
    found = read_caption(line)
    assert found.credit_line == line and not found.caption
    assert found.video


def test_khmer_credit_names_facebook_in_khmer_letters():
    parts = read_credit_line("រូបថត៖ ហ្វេសប៊ុក សាលាខេត្តកំពត")
    assert (parts.credit, parts.source) == ("Facebook", "សាលាខេត្តកំពត")


# 2. Thai labels printed with no colon before the name.


def test_thai_thanks_for_the_picture_from():
    parts = read_credit_line("ขอบคุณภาพจาก กรมอุตุนิยมวิทยา")
    assert parts.credit == "กรมอุตุนิยมวิทยา"


def test_thai_thanks_for_the_clip_from_marks_a_video():
    found = read_caption("ขอบคุณคลิปจาก ไทยพีบีเอส")
    assert found.credit_line == "ขอบคุณคลิปจาก ไทยพีบีเอส"
    assert found.credit == "ไทยพีบีเอส"
    assert found.video


def test_thai_thanks_for_the_picture_from_a_facebook_page():
    parts = read_credit_line("ขอบคุณภาพจาก เฟซบุ๊ก ร้านกาแฟบ้านไร่")
    assert (parts.credit, parts.source) == ("Facebook", "ร้านกาแฟบ้านไร่")


# 3. A "file photo" phrase in brackets closing a caption.


@pytest.mark.parametrize(
    ("printed", "caption", "credit"),
    [
        ("เรือประมงจอดเรียงรายที่ท่าเรือสงขลา (แฟ้มภาพ)", "เรือประมงจอดเรียงรายที่ท่าเรือสงขลา", "แฟ้มภาพ"),
        ("ផ្សារធំថ្មីនៅរាជធានីភ្នំពេញ។ (រូបថតឯកសារ)", "ផ្សារធំថ្មីនៅរាជធានីភ្នំពេញ។", "រូបថតឯកសារ"),
        ("عمال في ميناء الشويخ (أرشيف)", "عمال في ميناء الشويخ", "أرشيف"),
    ],
)
def test_file_photo_in_brackets_closing_a_caption(printed, caption, credit):
    found = read_caption(printed)
    assert found.caption == caption
    assert found.credit == credit
    assert found.credit_line == printed[len(caption) :].strip()


# 4. A video's title with the video label, over the video's credit line.

_KHMER_PARAGRAPHS = [
    "អាជ្ញាធរខេត្តសៀមរាបបានឱ្យដឹងថា ចំនួនភ្ញៀវទេសចរបរទេសបានកើនឡើងក្នុងខែនេះ "
    "ហើយសណ្ឋាគារជាច្រើននៅក្នុងក្រុងបានបើកដំណើរការឡើងវិញបន្ទាប់ពីរដូវវស្សា។",
    "ម្ចាស់ភោជនីយដ្ឋានមួយនៅជិតផ្សារចាស់បាននិយាយថា "
    "ចំណូលរបស់គាត់បានកើនឡើងទ្វេដងបើធៀបនឹងឆ្នាំមុន ហើយគាត់ត្រូវការបុគ្គលិកបន្ថែមទៀត។",
    "មន្ទីរទេសចរណ៍ខេត្តរំពឹងថា ភ្ញៀវទេសចរនឹងបន្តកើនឡើងរហូតដល់ចុងឆ្នាំ ដោយសារជើងហោះហើរថ្មីពីប្រទេសជិតខាង។",
]


def test_khmer_video_title_over_its_credit_and_captions_closed_by_the_khmer_stop():
    draft = _text(
        [
            "សារព័ត៌មានអង្គរ",
            "ភ្ញៀវទេសចរកើនឡើងនៅសៀមរាប",
            _KHMER_PARAGRAPHS[0],
            "ភ្ញៀវទេសចរដើរលេងនៅប្រាសាទអង្គរវត្ត កាលពីថ្ងៃអាទិត្យ។",
            "រូបថត៖ ចាន់ ដារ៉ា",
            _KHMER_PARAGRAPHS[1],
            "វីដេអូ៖ ទេសចរនិយាយពីដំណើរកម្សាន្តនៅអង្គរ",
            "វីដេអូ៖ ទូរទស្សន៍បាយ័ន",
            _KHMER_PARAGRAPHS[2],
        ]
    )
    found = [(p.kind, p.caption, p.credit) for p in draft.placements]
    assert found == [
        (KIND_PICTURE, "ភ្ញៀវទេសចរដើរលេងនៅប្រាសាទអង្គរវត្ត កាលពីថ្ងៃអាទិត្យ។", "ចាន់ ដារ៉ា"),
        (KIND_VIDEO, "ទេសចរនិយាយពីដំណើរកម្សាន្តនៅអង្គរ", "ទូរទស្សន៍បាយ័ន"),
    ]


def test_thai_video_title_over_its_thanks_for_the_clip_line():
    draft = _text(
        [
            "ข่าวภาคเหนือ",
            "น้ำในอ่างเก็บน้ำเชียงใหม่ลดลง",
            "เจ้าหน้าที่เทศบาลเมืองเชียงใหม่ แถลงว่า ปีนี้ฝนตกน้อยกว่าปกติ "
            "ทำให้อ่างเก็บน้ำหลายแห่งในจังหวัดมีน้ำเหลือไม่ถึงครึ่ง "
            "และชาวนาในอำเภอสันทรายต้องเลื่อนการปลูกข้าวออกไปอีกหนึ่งเดือน",
            "วิดีโอ : ชาวนาสันทรายเล่าถึงปัญหาน้ำแล้ง",
            "ขอบคุณคลิปจาก ลานนาทีวี",
            "ด้านสำนักงานชลประทานจังหวัดระบุว่า จะเร่งขุดลอกคลองส่งน้ำ "
            "ให้เสร็จก่อนฤดูแล้งปีหน้า และจะแจกจ่ายน้ำให้เกษตรกรตามรอบเวร",
        ]
    )
    found = [(p.kind, p.caption, p.credit) for p in draft.placements]
    assert found == [(KIND_VIDEO, "ชาวนาสันทรายเล่าถึงปัญหาน้ำแล้ง", "ลานนาทีวี")]


# 5. Lines in scripts without spaces between words: measured by their characters.


def test_spaceless_lines_are_counted_by_their_characters():
    paragraph = (
        "เจ้าหน้าที่เทศบาลเมืองเชียงใหม่ แถลงว่า ปีนี้ฝนตกน้อยกว่าปกติ ทำให้อ่างเก็บน้ำหลายแห่งในจังหวัดมีน้ำเหลือไม่ถึงครึ่ง"
    )
    assert words_in(paragraph) > 15 > len(paragraph.split())
    assert words_in("ชาวนาสูบน้ำเข้าแปลงนา") < 8
    assert words_in("Farmers pump water into their fields") == 6


def test_thai_caption_wrapped_over_two_lines_above_its_credit_between_paragraphs():
    # Thai prints no full stops: the caption's second line continues its first, and the
    # credit under it goes with that caption, not with the long paragraph below.
    draft = _text(
        [
            "ข่าวภาคเหนือ",
            "น้ำในอ่างเก็บน้ำเชียงใหม่ลดลง",
            "ชาวนาสูบน้ำเข้าแปลงนาที่อำเภอสันทราย",
            "เมื่อวันที่ 10 มีนาคม",
            "ภาพ : สมชาย ใจดี",
            "เจ้าหน้าที่เทศบาลเมืองเชียงใหม่ แถลงว่า ปีนี้ฝนตกน้อยกว่าปกติ "
            "ทำให้อ่างเก็บน้ำหลายแห่งในจังหวัดมีน้ำเหลือไม่ถึงครึ่ง "
            "และชาวนาในอำเภอสันทรายต้องเลื่อนการปลูกข้าวออกไปอีกหนึ่งเดือน "
            "ขณะที่ราคาน้ำดื่มในตลาดเพิ่มขึ้นอย่างต่อเนื่องตลอดสัปดาห์ที่ผ่านมา",
            "ด้านสำนักงานชลประทานจังหวัดระบุว่า จะเร่งขุดลอกคลองส่งน้ำ "
            "ให้เสร็จก่อนฤดูแล้งปีหน้า และจะแจกจ่ายน้ำให้เกษตรกรตามรอบเวร",
        ]
    )
    found = [(p.caption, p.credit_line) for p in draft.placements]
    assert found == [("ชาวนาสูบน้ำเข้าแปลงนาที่อำเภอสันทราย เมื่อวันที่ 10 มีนาคม", "ภาพ : สมชาย ใจดี")]


# 6. "Read more" in other scripts opens a teaser, not a caption wrapped over two lines; a line
# opening with a label starts its own block.


def test_bengali_read_more_teaser_is_no_caption_and_the_video_title_stands():
    draft = _text(
        [
            "দৈনিক বার্তা",
            "চট্টগ্রামে চায়ের দাম বাড়ল",
            "চট্টগ্রামের পাইকারি বাজারে এক সপ্তাহে চায়ের দাম কেজিতে বেড়েছে অনেক। "
            "ব্যবসায়ীরা বলছেন, নিলামে সরবরাহ কমে যাওয়ায় এই অবস্থা।",
            "আরও পড়ুন",
            "সিলেটের বাগানে নতুন মৌসুমের প্রস্তুতি",
            "ভিডিও : চা শ্রমিকেরা বললেন মজুরির কথা",
            "ভিডিও : দৈনিক বার্তা",
            "বাগান মালিকেরা জানান, উৎপাদন খরচ গত বছরের চেয়ে বেশি। তাঁরা সরকারের কাছে সহায়তা চেয়েছেন।",
        ]
    )
    found = [(p.kind, p.caption, p.credit) for p in draft.placements]
    assert found == [(KIND_VIDEO, "চা শ্রমিকেরা বললেন মজুরির কথা", "দৈনিক বার্তা")]


# 7. A house's name alone on a line, in a script without case, under a caption closed by the
# danda or the Khmer stop: the caption's credit line, when the page credits that name
# elsewhere; and a frame of the video above named in Bengali or Khmer is a still.


def test_house_name_alone_under_a_bengali_still_caption():
    draft = _text(
        [
            "দৈনিক বার্তা",
            "চট্টগ্রামে চায়ের দাম বাড়ল",
            "চট্টগ্রামের পাইকারি বাজারে এক সপ্তাহে চায়ের দাম কেজিতে বেড়েছে অনেক। "
            "ব্যবসায়ীরা বলছেন, নিলামে সরবরাহ কমে যাওয়ায় এই অবস্থা।",
            "ভিডিও : চা শ্রমিকেরা বললেন মজুরির কথা",
            "ভিডিও : দৈনিক বার্তা",
            "ওপরের ভিডিও থেকে: বাগানে পাতা তুলছেন এক শ্রমিক।",
            "দৈনিক বার্তা",
            "বাগান মালিকেরা জানান, উৎপাদন খরচ গত বছরের চেয়ে বেশি। তাঁরা সরকারের কাছে সহায়তা চেয়েছেন।",
        ]
    )
    found = [(p.kind, p.caption, p.credit_line) for p in draft.placements]
    assert found == [
        (KIND_VIDEO, "চা শ্রমিকেরা বললেন মজুরির কথা", "ভিডিও : দৈনিক বার্তা"),
        ("still", "ওপরের ভিডিও থেকে: বাগানে পাতা তুলছেন এক শ্রমিক।", "দৈনিক বার্তা"),
    ]


def test_khmer_still_under_the_video_with_the_house_alone_as_credit():
    draft = _text(
        [
            "សារព័ត៌មានអង្គរ",
            "ភ្ញៀវទេសចរកើនឡើងនៅសៀមរាប",
            _KHMER_PARAGRAPHS[0],
            "វីដេអូ៖ ទេសចរនិយាយពីដំណើរកម្សាន្តនៅអង្គរ",
            "វីដេអូ៖ សារព័ត៌មានអង្គរ",
            "រូបភាពពីវីដេអូខាងលើ៖ ភ្ញៀវទេសចរថតរូបនៅមុខប្រាសាទ។",
            "សារព័ត៌មានអង្គរ",
            _KHMER_PARAGRAPHS[1],
        ]
    )
    found = [(p.kind, p.credit_line) for p in draft.placements]
    assert found == [(KIND_VIDEO, "វីដេអូ៖ សារព័ត៌មានអង្គរ"), ("still", "សារព័ត៌មានអង្គរ")]


# 8. Chinese, Japanese, Arabic and Hebrew credit forms closing a caption.


@pytest.mark.parametrize(
    ("printed", "caption", "credit_line", "credit"),
    [
        # a handout's giver, a file photo, a platform glued after the last "。"
        (
            "渔民在码头卸下当天的渔获。渔业协会提供",
            "渔民在码头卸下当天的渔获。",
            "渔业协会提供",
            "渔业协会",
        ),
        (
            "旧车站在上世纪70年代落成。资料照片",
            "旧车站在上世纪70年代落成。",
            "资料照片",
            "资料照片",
        ),
        (
            "夜市摊位前挤满了游客。取自夜市协会脸书",
            "夜市摊位前挤满了游客。",
            "取自夜市协会脸书",
            "Facebook",
        ),
        # the maker of the video, the grab or the picture, before what it is
        (
            "居民在屋苑大堂开会。（黄家明视频截图）",
            "居民在屋苑大堂开会。",
            "（黄家明视频截图）",
            "黄家明",
        ),
        ("水務署人員檢查水管。（水務署圖片）", "水務署人員檢查水管。", "（水務署圖片）", "水務署"),
        # a label and a full-width colon in brackets; an online picture names no one
        (
            "店主讲述搬迁的原因。（视频：郑文辉）",
            "店主讲述搬迁的原因。",
            "（视频：郑文辉）",
            "郑文辉",
        ),
        ("網民在論壇轉載通告。（網上圖片）", "網民在論壇轉載通告。", "（網上圖片）", "網上圖片"),
        # Japanese "＝Xから": taken from a platform
        (
            "閉店を惜しむ常連客の投稿＝Instagramから",
            "閉店を惜しむ常連客の投稿",
            "Instagramから",
            "Instagram",
        ),
        # Arabic "تصوير" with no colon; "from X's account on a platform"
        (
            "صيادون في سوق السمك (تصوير خالد المطيري)",
            "صيادون في سوق السمك",
            "(تصوير خالد المطيري)",
            "خالد المطيري",
        ),
        (
            "ملصق البلدية عن مواعيد العمل (من حساب البلدية على فيسبوك)",
            "ملصق البلدية عن مواعيد العمل",
            "(من حساب البلدية على فيسبوك)",
            "Facebook",
        ),
        # Hebrew "(צילום מסך)": a screenshot, naming no one
        (
            "מנהל המפעל בראיון לערוץ (צילום מסך)",
            "מנהל המפעל בראיון לערוץ",
            "(צילום מסך)",
            "צילום מסך",
        ),
    ],
)
def test_script_credit_forms_closing_a_caption(printed, caption, credit_line, credit):
    found = read_caption(printed)
    assert (found.caption, found.credit_line, found.credit) == (caption, credit_line, credit)


def test_video_label_in_full_width_brackets_marks_a_video():
    assert read_caption("店主讲述搬迁的原因。（视频：郑文辉）").video


# 9. A figure named as a social post, printing its caption and credit, is the story's picture.


def test_social_post_figure_with_a_credited_caption_is_a_placement():
    page = (
        "<html><body><article><h1>夜市延长营业时间</h1>"
        "<p>市政府昨天宣布，夜市将从下月起延长营业时间至凌晨两点。摊贩们表示欢迎。</p>"
        '<figure class="social-embed"><img src="https://example.com/pics/nightmarket_post.jpg" '
        'alt=""><figcaption>一名游客在微博上分享夜市美食。（取自微博）</figcaption></figure>'
        "<p>摊贩协会说，延长营业时间有助增加收入，但也需要更多清洁人手。</p>"
        "</article></body></html>"
    )
    draft = parse_article(page.encode(), filename="page.html")
    found = [(p.caption, p.credit_line, p.credit) for p in draft.placements]
    assert found == [("一名游客在微博上分享夜市美食。", "（取自微博）", "微博")]


# 10. A player titled only by its own attribute, its caption and credit printed beside it;
# the headline and lead picture printed in the box above a body-only <article>.


def test_player_named_by_its_iframe_title_takes_the_caption_beside_it():
    page = (
        "<html><body><article><h1>Tram line closes for repairs</h1>"
        "<p>The city will close the harbour tram line for three weeks from Monday, officials "
        "said, while engineers replace the worn rails.</p>"
        '<div class="clipbox"><iframe src="https://player.example.com/v/tram.mp4" '
        'title="Harbour Post video" allowfullscreen></iframe>'
        "<div>Commuters on the last tram before the closure. (Video: Jan Olsen)</div></div>"
        "<p>Replacement buses will run every ten minutes, the operator said.</p>"
        "</article></body></html>"
    )
    draft = parse_article(page.encode(), filename="page.html")
    found = [(p.kind, p.caption, p.credit) for p in draft.placements]
    assert found == [(KIND_VIDEO, "Commuters on the last tram before the closure.", "Jan Olsen")]


def test_lead_picture_above_a_body_only_article_is_the_storys():
    page = (
        '<html><body><div class="menu"><a href="/">Home</a></div><div id="story">'
        "<h1>Tram line closes for repairs</h1>"
        '<div class="leadbox"><img src="https://example.com/pics/tram_lead.jpg" alt="">'
        "<p>A tram crosses the harbour bridge on Tuesday. (Photo: Jan Olsen)</p></div>"
        "<article><p>The city will close the harbour tram line for three weeks from Monday, "
        "officials said, while engineers replace the worn rails.</p>"
        "<p>Replacement buses will run every ten minutes, the operator said.</p></article>"
        "</div></body></html>"
    )
    draft = parse_article(page.encode(), filename="page.html")
    found = [(p.caption, p.credit) for p in draft.placements]
    assert found == [("A tram crosses the harbour bridge on Tuesday.", "Jan Olsen")]


# 11. Korean: "영상=Name PD" (the kind and "="), a house's "자료사진" (file photo) and a Korean
# news agency glued after the caption's last full stop.


@pytest.mark.parametrize(
    ("printed", "caption", "credit_line", "credit"),
    [
        (
            "1990년대 부산항의 모습. 부산일보 자료사진",
            "1990년대 부산항의 모습.",
            "부산일보 자료사진",
            "부산일보",
        ),
        ("시민들이 광장에 모여 있다. 뉴시스", "시민들이 광장에 모여 있다.", "뉴시스", "뉴시스"),
        (
            "어선들이 항구로 돌아오고 있다. 연합뉴스",
            "어선들이 항구로 돌아오고 있다.",
            "연합뉴스",
            "연합뉴스",
        ),
    ],
)
def test_korean_credits_glued_after_the_last_full_stop(printed, caption, credit_line, credit):
    found = read_caption(printed)
    assert (found.caption, found.credit_line, found.credit) == (caption, credit_line, credit)


def test_korean_kind_and_equals_label_credits_a_video():
    found = read_caption("영상=박지훈 PD")
    assert (found.credit_line, found.credit, found.video) == ("영상=박지훈 PD", "박지훈", True)
    assert read_credit_line("사진=부산시").credit == "부산시"


# 12. Armenian credit lines: the label closed by "՝", the name in the genitive.


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Լուսանկարը՝ Արամ Սարգսյանի", "Արամ Սարգսյան"),
        ("Լուսանկարը՝ Շանթի արխիվից", "Շանթ"),
        ("Լուսանկարը՝ Reuters-ի", "Reuters"),
    ],
)
def test_armenian_label_and_genitive_name(line, credit):
    assert read_credit_line(line).credit == credit


def test_armenian_video_label_marks_a_video_and_a_frame_of_it_is_a_still():
    found = read_caption("Տեսանյութը՝ Շանթի")
    assert (found.credit, found.video) == ("Շանթ", True)
    draft = _text(
        [
            "Լրատու",
            "Վանաձորում փակվում է հացի գործարանը",
            "Վանաձորի հացի գործարանը հունվարից կդադարեցնի աշխատանքը, հայտնել են ընկերությունից։",
            "Տեսանյութ",
            "Գործարանի տնօրենը պատմում է փակման պատճառների մասին",
            "Տեսանյութը՝ Շանթի",
            "Կադր վերևի տեսանյութից՝ աշխատողները գործարանի բակում",
            "Լուսանկարը՝ Շանթի",
            "Քաղաքապետարանը խոստացել է օգնել աշխատողներին նոր աշխատանք գտնել։",
        ]
    )
    found = [(p.kind, p.credit) for p in draft.placements]
    assert found == [(KIND_VIDEO, "Շանթ"), ("still", "Շանթ")]


# 13. Persian: the zero-width non-joiner inside a word is part of its spelling; "ویدئو:" is a
# video label; Telegram, Instagram and Facebook in Persian letters; "آرشیو House".


def test_zero_width_non_joiner_inside_a_word_is_kept_and_stray_ones_dropped():
    assert norm("کتاب\u200cها در قفسه\u200cای") == "کتاب\u200cها در قفسه\u200cای"
    assert norm("\u200cسلام \u200c دنیا\u200c") == "سلام دنیا"
    assert norm("a\u200bb") == "ab"


def test_persian_caption_keeps_its_non_joiners_in_an_html_figure():
    page = (
        "<html><body><article><h1>کارخانه تعطیل می\u200cشود</h1>"
        "<p>کارگران کارخانه نساجی قزوین از هفته آینده بیکار می\u200cشوند، "
        "مدیر کارخانه روز دوشنبه گفت.</p>"
        '<figure><img src="https://example.com/pics/mill.jpg" alt="">'
        "<figcaption>سالن تولید کارخانه\u200cای در قزوین عکس: مریم احمدی</figcaption></figure>"
        "<p>به گفته او، سفارش\u200cها در سال جاری کاهش یافته است.</p>"
        "</article></body></html>"
    )
    draft = parse_article(page.encode(), filename="page.html")
    assert [p.caption for p in draft.placements] == ["سالن تولید کارخانه\u200cای در قزوین"]


@pytest.mark.parametrize(
    ("line", "credit", "source"),
    [
        ("ویدئو: خبرگزاری شمال", "خبرگزاری شمال", ""),
        ("تلگرام / کانال کارگران نساجی", "Telegram", "کانال کارگران نساجی"),
        ("آرشیو روزنامه شرق", "روزنامه شرق", ""),
    ],
)
def test_persian_credit_forms(line, credit, source):
    parts = read_credit_line(line)
    assert (parts.credit, parts.source) == (credit, source)


def test_persian_video_label_marks_a_video():
    assert read_caption("ویدئو: خبرگزاری شمال").video


# 14. A house named by its website's domain, the photographer after a slash, glued after the
# caption's last full stop.


@pytest.mark.parametrize(
    ("printed", "caption", "credit_line", "credit", "creator"),
    [
        (
            "Ferðamenn við Gullfoss í gær. visir.is/Anna Jónsdóttir",
            "Ferðamenn við Gullfoss í gær.",
            "visir.is/Anna Jónsdóttir",
            "visir.is",
            "Anna Jónsdóttir",
        ),
        (
            "Kayakers on the harbour at dawn. harbournews.co.nz/Tom Reid",
            "Kayakers on the harbour at dawn.",
            "harbournews.co.nz/Tom Reid",
            "harbournews.co.nz",
            "Tom Reid",
        ),
    ],
)
def test_site_domain_and_photographer_after_the_last_full_stop(
    printed, caption, credit_line, credit, creator
):
    assert caption_parts(printed) == (caption, credit_line, credit, creator)


def test_a_sentence_naming_a_site_is_no_credit():
    found = read_caption("Readers can find the full list online. See example.com/results for more.")
    assert not found.credit_line


# 15. "(צילום: Name, Agency)": the photographer, then the agency after a comma, in a script
# without case: the agency credited, the person its creator.


def test_hebrew_photographer_then_agency_after_a_comma():
    parts = read_credit_line("(צילום: יוסי כהן, פלאש 90)")
    assert (parts.credit, parts.creator) == ("פלאש 90", "יוסי כהן")
