"""The pure normalisers in archive.text: folding, credit keys and printed credit names."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from archive.agencies import canonical_credit
from archive.articles import split_credit
from archive.text import (
    credit_key,
    fold,
    fold_words,
    normalise_numbers,
    printed_credit_name,
    search_fold,
    search_words,
)

ROOT = Path(__file__).resolve().parent.parent


def test_fold_drops_case_accents_and_punctuation():
    assert fold("Café, Kyïv!") == "cafe kyiv"
    assert fold("Agence France-Presse") == "agence france presse"
    assert fold("Kyïv Post") == "kyiv post"
    assert fold("") == fold(None) == ""
    assert fold_words("Café, Kyïv!") == ("cafe", "kyiv")


def test_credit_key_ignores_case_accents_punctuation_and_spaces():
    assert credit_key("GETTY") == credit_key("getty.") == credit_key(" Getty ")
    assert credit_key("Agence France-Presse") == credit_key("agence france presse")
    assert credit_key("Kyïv Post") == credit_key("kyiv post")
    # An alias is recorded as such, never merged by the key.
    assert credit_key("Getty Images") != credit_key("Getty")


@pytest.mark.parametrize(
    ("credit_line", "name"),
    [
        ("(Image: GETTY)", "GETTY"),
        ("(Pictures: Getty Images )", "Getty Images"),
        ("Image: Getty", "Getty"),
        ("Credit: X", "X"),
        ("© X 2024", "X"),
        ("© 2022 Reuters. All rights reserved.", "Reuters"),
        ("Photograph: A B/Agency", "Agency"),
        ("Photograph: Dan Kitwood/Getty Images", "Getty Images"),
        ("REUTERS/A B", "REUTERS"),
        ("(AP Photo/Evgeniy Maloletka)", "AP"),
        ("Image source, Getty Images", "Getty Images"),
        # A bare credit line, in no labelled convention, is the name itself.
        ("Reuters", "Reuters"),
        ("Island Observatory", "Island Observatory"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_printed_credit_name(credit_line, name):
    assert printed_credit_name(credit_line) == name


@pytest.mark.parametrize(
    "caption",
    [
        "Soldiers in Kyiv (Image: GETTY)",
        "A parade Picture: PA",
        "A parade © 2022 Reuters. All rights reserved.",
        "A rally. J. R. Smith/AFP via Getty Images",
        "A tank near Bakhmut. REUTERS/Gleb Garanich/File Photo",
        "Rescuers (AP Photo/Evgeniy Maloletka, File)",
        "Residents in the square Image source, Reuters",
    ],
)
def test_printed_credit_name_agrees_with_the_article_importer(caption):
    _rest, credit_line, credit = split_credit(caption)
    assert credit_line
    # The importer names the agency canonically; printed_credit_name keeps the desk's spelling.
    assert canonical_credit(printed_credit_name(credit_line)) == credit


def test_importing_archive_text_loads_neither_django_nor_the_articles_package():
    code = (
        "import sys, archive.text; "
        "assert 'django' not in sys.modules, 'django'; "
        "assert 'archive.articles' not in sys.modules, 'archive.articles'"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("71,000", "71000"),
        ("71000", "71000"),
        ("71 000", "71000"),
        ("71\u00a0000 and 71\u202f000", "71000 and 71000"),
        ("71k", "71000"),
        ("71K troops", "71000 troops"),
        ("71 thousand", "71000"),
        ("1.2m", "1200000"),
        ("1.2 million", "1200000"),
        ("£1.5bn", "£1500000000"),
        ("3 billion", "3000000000"),
        ("0.5m", "500000"),
        ("1,234,567 and 12 345 678", "1234567 and 12345678"),
        (
            "lost more than 71,000 troops, Ukraine claims",
            "lost more than 71000 troops, Ukraine claims",
        ),
        # Not thousands: years, dates, decimals, lists, units, other groupings.
        ("in 2022 100 troops", "in 2022 100 troops"),
        ("24 February 2022", "24 February 2022"),
        ("3.141 592", "3.141 592"),
        ("12,34 and 1,0000", "12,34 and 1,0000"),
        ("71,000.5", "71,000.5"),
        ("a 71km front, 4G", "a 71km front, 4G"),
        ("1.2345k", "1.2345k"),
        ("no numbers here", "no numbers here"),
        ("", ""),
    ],
)
def test_numbers_are_written_one_way(text, normalised):
    assert normalise_numbers(text) == normalised


def test_search_fold_reads_numbers_then_folds():
    assert search_fold("Putin has lost 71,000 troops (Image: GETTY)") == (
        "putin has lost 71000 troops image getty"
    )
    assert search_words("Kyïv: 1.2 million") == ("kyiv", "1200000")
    assert search_fold(None) == ""


@given(st.integers(min_value=1000, max_value=999_999_999))
@hypothesis_settings(max_examples=300, deadline=None)
def test_every_written_form_of_a_number_gives_the_same_word(number):
    forms = {f"{number:,}", str(number), f"{number:,}".replace(",", " ")}
    if number % 1000 == 0:
        forms.add(f"{number // 1000}k")
        forms.add(f"{number // 1000} thousand")
    if number % 100_000 == 0:
        forms.add(f"{number / 1_000_000:g}m")
        forms.add(f"{number / 1_000_000:g} million")
    for form in forms:
        assert search_words(f"lost {form} troops") == ("lost", str(number), "troops"), form
