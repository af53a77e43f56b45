"""Zero-width joiners are spelling inside a word and kept there; stray ones are dropped."""

from __future__ import annotations

from archive.articles import parse_article
from archive.articles.draft import norm

ZWNJ, ZWJ = "\u200c", "\u200d"


def test_a_non_joiner_inside_a_persian_word_is_kept():
    assert norm(f"می{ZWNJ}گوید") == f"می{ZWNJ}گوید"


def test_a_joiner_after_a_virama_is_kept():
    # Devanagari: the joiner after the virama asks for the half form; it is part of the word.
    assert norm(f"क्{ZWJ}ष") == f"क्{ZWJ}ष"


def test_stray_joiners_at_word_edges_and_between_digits_are_dropped():
    assert norm(f"{ZWNJ}Kabul {ZWJ} 12{ZWNJ}3 city{ZWNJ}") == "Kabul 123 city"


def test_other_invisible_characters_are_still_dropped():
    assert norm("Mos\u200bul\u00ad \ufeffport") == "Mosul port"


def test_a_persian_caption_and_claim_keep_their_non_joiners():
    name = f"کریمی{ZWNJ}پور"
    page = f"""<html lang="fa"><head><title>بندر</title></head><body><article>
    <h1>خسارت سیل در بندر</h1>
    <figure><img src="/p/harbour.jpg" alt="">
    <figcaption>قایق{ZWNJ}ها در بندر انزلی پس از سیل عکس: ایسنا</figcaption></figure>
    <p>به گفته {name}، مدیر بندر، ۱۲ قایق غرق شدند.</p>
    </article></body></html>"""
    draft = parse_article(page, filename="page.html")
    assert any(f"قایق{ZWNJ}ها" in p.caption for p in draft.placements)
    assert any(name in paragraph for paragraph in draft.paragraphs)
