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


def test_the_first_character_shortcut_agrees_with_the_full_test():
    """The guard decides most cells by their first character: for every character that may
    start a cell (the BMP's, and a few past it), followed by a formula or by text, it gives
    what the first-visible-character rule gives."""
    import re

    signs = set("=+-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63")
    visible = re.compile(r"[\s\ufeff\u200b]*(.)", re.DOTALL)

    def rule(value: str) -> str:
        first = visible.match(value)
        formula = value.startswith(("\t", "\r")) or (first and first.group(1) in signs)
        return "'" + value if formula else value

    for code in [*range(0x10000), 0x1F600, 0x20000]:
        if 0xD800 <= code <= 0xDFFF:
            continue
        for rest in ("", "=1", "x", " +1"):
            cell = chr(code) + rest
            assert spreadsheet_safe(cell) == rule(cell), hex(code)
