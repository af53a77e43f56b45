"""The pure normalisers in archive.text: folding, credit keys and printed credit names."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from archive.agencies import canonical_credit
from archive.articles import split_credit
from archive.text import credit_key, fold, fold_words, printed_credit_name

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
