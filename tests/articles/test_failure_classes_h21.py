"""Failure classes of round 20a (placements and credits), each on a few lines written here.

Credit labels in Georgian ("ფოტო:", "ვიდეო:") and Nepali ("तस्बिर :", "भिडियो :", a space
before the colon) are labels, no part of the credit; and a paragraph closed by a full stop of
another script (the Devanagari danda "।", the Armenian "։") is no caption's first line that
the next line continues. The snippets are invented, in other words, places, names and
languages than the sets' pages, and the expected values read off them.
"""

from __future__ import annotations

import pytest

from archive.articles import parse_article
from archive.articles.caption_credits import read_caption
from archive.articles.credit_lines import read_credit_line
from archive.articles.draft import KIND_PICTURE, KIND_VIDEO
from tests.articles.conftest import PARAGRAPH


def _text(lines: list[str]):
    return parse_article("\n".join(lines).encode(), filename="copy.txt")


# 1. Georgian and Nepali credit labels: the label is dropped from the credit.


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("ფოტო: ბათუმის მერია", "ბათუმის მერია"),
        ("ვიდეო: რუსთავი 2", "რუსთავი 2"),
        ("तस्बिर : गोरखापत्र", "गोरखापत्र"),
        ("भिडियो : नयाँ पत्रिका", "नयाँ पत्रिका"),
    ],
)
def test_georgian_and_nepali_labels_are_no_part_of_the_credit(line, credit):
    assert read_credit_line(line).credit == credit


def test_nepali_credit_glued_after_the_captions_danda():
    found = read_caption("पोखराको फेवा तालमा डुंगा चलाउँदै पर्यटक । तस्बिर : हरि गुरुङ/गोरखापत्र")
    assert found.caption == "पोखराको फेवा तालमा डुंगा चलाउँदै पर्यटक ।"
    assert found.credit_line == "तस्बिर : हरि गुरुङ/गोरखापत्र"
    assert found.credit == "गोरखापत्र"


def test_nepali_video_label_marks_a_video():
    draft = _text(
        [
            "गोरखापत्र",
            "पोखरामा पर्यटक बढे",
            PARAGRAPH,
            "भिडियो",
            "फेवा तालमा डुंगा चलाउने व्यवसायी भन्छन्",
            "भिडियो : हरि गुरुङ/गोरखापत्र",
            PARAGRAPH,
        ]
    )
    videos = [p for p in draft.placements if p.kind == KIND_VIDEO]
    assert [p.credit for p in videos] == ["गोरखापत्र"]


# 2. A paragraph closed by another script's full stop does not run on into the caption under
# it (the copy's wrapped-caption rule read only the Latin marks as a sentence's end).


@pytest.mark.parametrize(
    ("paragraph", "caption", "credit_line"),
    [
        (
            "नगरपालिकाले यस वर्ष सडक मर्मतका लागि नयाँ बजेट छुट्याएको छ ।",
            "धरानको मुख्य बजारमा मर्मत भइरहेको सडक ।",
            "फोटो : सुमन राई/गोरखापत्र",
        ),
        (
            "शहर के बाजार में इस सप्ताह सब्जियों के दाम फिर बढ़ गए हैं।",
            "भोपाल की सब्जी मंडी में खरीदारी करते लोग।",
            "फोटो: राकेश वर्मा/दैनिक समाचार",
        ),
    ],
)
def test_paragraph_closed_by_a_danda_is_no_caption_head(paragraph, caption, credit_line):
    draft = _text(
        [
            "दैनिक समाचार",
            "बाजार में महंगाई",
            PARAGRAPH,
            paragraph,
            f"{caption} {credit_line}",
            PARAGRAPH,
        ]
    )
    pictures = [p for p in draft.placements if p.kind == KIND_PICTURE]
    assert [(p.caption, p.credit_line) for p in pictures] == [(caption, credit_line)]
