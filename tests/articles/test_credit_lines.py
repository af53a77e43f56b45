"""Credit lines printed in captions: every recognised convention, and no guessing."""

from __future__ import annotations

import pytest

from archive.articles import split_credit
from archive.articles.credit_lines import credit_name, parse_credit_text

CREDIT_CASES = [
    ("Soldiers in Kyiv (Image: GETTY)", "Soldiers in Kyiv", "(Image: GETTY)", "GETTY"),
    ("Soldiers in Kyiv Image: Getty", "Soldiers in Kyiv", "Image: Getty", "Getty"),
    (
        "Troops in Kherson. Photograph: Dan Kitwood/Getty Images",
        "Troops in Kherson.",
        "Photograph: Dan Kitwood/Getty Images",
        "Getty Images",
    ),
    (
        "Recruits at a station. Photograph: Reuters",
        "Recruits at a station.",
        "Photograph: Reuters",
        "Reuters",
    ),
    ("The town hall Photo: Jane Doe", "The town hall", "Photo: Jane Doe", "Jane Doe"),
    ("A parade Picture: PA", "A parade", "Picture: PA", "PA"),
    ("A parade. Credit: Jane Doe", "A parade.", "Credit: Jane Doe", "Jane Doe"),
    ("A parade © Getty Images", "A parade", "© Getty Images", "Getty Images"),
    (
        "A parade © 2022 Reuters. All rights reserved.",
        "A parade",
        "© 2022 Reuters. All rights reserved.",
        "Reuters",
    ),
    (
        "Joe Biden speaks in Washington. Chip Somodevilla/Getty Images",
        "Joe Biden speaks in Washington.",
        "Chip Somodevilla/Getty Images",
        "Getty Images",
    ),
    (
        "A rally. J. R. Smith/AFP via Getty Images",
        "A rally.",
        "J. R. Smith/AFP via Getty Images",
        "AFP via Getty Images",
    ),
    (
        "A tank near Bakhmut. REUTERS/Gleb Garanich",
        "A tank near Bakhmut.",
        "REUTERS/Gleb Garanich",
        "REUTERS",
    ),
    (
        "A tank near Bakhmut. REUTERS/Gleb Garanich/File Photo",
        "A tank near Bakhmut.",
        "REUTERS/Gleb Garanich/File Photo",
        "REUTERS",
    ),
    (
        "Smoke over Kyiv. EPA-EFE/SERGEY DOLZHENKO",
        "Smoke over Kyiv.",
        "EPA-EFE/SERGEY DOLZHENKO",
        "EPA-EFE",
    ),
    (
        "Rescuers in Kramatorsk (AP Photo/Evgeniy Maloletka)",
        "Rescuers in Kramatorsk",
        "(AP Photo/Evgeniy Maloletka)",
        "AP",
    ),
    (
        "Rescuers (AP Photo/Evgeniy Maloletka, File)",
        "Rescuers",
        "(AP Photo/Evgeniy Maloletka, File)",
        "AP",
    ),
    (
        "Image source, Getty Images Image caption, Residents in the square",
        "Residents in the square",
        "Image source, Getty Images",
        "Getty Images",
    ),
    (
        "Residents in the square Image source, Reuters",
        "Residents in the square",
        "Image source, Reuters",
        "Reuters",
    ),
]


@pytest.mark.parametrize(("printed", "caption", "credit_line", "credit"), CREDIT_CASES)
def test_credit_conventions(printed, caption, credit_line, credit):
    assert split_credit(printed) == (caption, credit_line, credit)


@pytest.mark.parametrize(
    "printed",
    [
        "Soldiers in Kyiv",
        "Soldiers in Kyiv (courtesy of the family)",
        # A name/agency with no clean boundary is ambiguous: never guess where the caption ends.
        "Biden in Washington Chip Somodevilla/Getty Images",
        "The ratio is 1/2 of the total",
        "A man/woman walks past",
        "Photo: the scene of the crash. It was big.",
    ],
)
def test_unknown_credit_conventions_leave_the_caption_whole(printed):
    assert split_credit(printed) == (printed, "", "")


def test_initials_before_a_slash_are_a_photographer_not_an_agency():
    assert split_credit("Troops in Kherson. Photograph: A B/Agency") == (
        "Troops in Kherson.",
        "Photograph: A B/Agency",
        "Agency",
    )
    assert credit_name("J. R./Getty Images") == "Getty Images"
    assert credit_name("AP/Jane Doe") == "AP"


def test_copyright_year_is_dropped_before_or_after_the_name():
    assert split_credit("A parade © Getty Images 2024") == (
        "A parade",
        "© Getty Images 2024",
        "Getty Images",
    )
    assert split_credit("A parade © 2019-2024 Reuters") == (
        "A parade",
        "© 2019-2024 Reuters",
        "Reuters",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(Image: GETTY)", ("(Image: GETTY)", "GETTY")),
        ("Photo: Ana Lima", ("Photo: Ana Lima", "Ana Lima")),
        # An element that is a credit holds the name itself when no convention is printed.
        ("Island Observatory", ("Island Observatory", "Island Observatory")),
        ("Sam Lee/AFP", ("Sam Lee/AFP", "AFP")),
        ("  ", ("", "")),
    ],
)
def test_a_text_that_is_a_credit_on_its_own(text, expected):
    assert parse_credit_text(text) == expected
