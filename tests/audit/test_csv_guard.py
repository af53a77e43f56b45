"""The licence CSV's formula guard: the first visible character decides, full-width forms too."""

from __future__ import annotations

import pytest

from archive.audit import spreadsheet_safe

FORMULAS = [
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    ' =HYPERLINK("http://evil.example","x")',
    "   @cmd",
    "\n=1+1",
    "\r\n+1",
    "\n \t-2",
    "\u3000=1+1",  # an ideographic space first
    "\u00a0=1",
    "\ufeff=1",
    '\uff1dHYPERLINK("http://evil.example")',  # full-width equals
    "\uff0b1",
    "\uff0d1",
    "\uff20SUM(A1)",
    "  \uff1d1",
    "\tplain",
    "\rplain",
]


@pytest.mark.parametrize("cell", FORMULAS)
def test_formula_starts_are_made_inert(cell):
    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize(
    "cell", ["GETTY", "Reuters / Alamy", " AP", "a=b", "x-1", "email@example.org", "", "  "]
)
def test_ordinary_text_is_left_alone(cell):
    assert spreadsheet_safe(cell) == cell


def test_non_text_is_left_alone():
    assert spreadsheet_safe(-12) == -12 and spreadsheet_safe(None) is None
