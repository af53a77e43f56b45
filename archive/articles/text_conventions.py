"""What a plain-text copy's captions have in common: the dash printed between a caption and
its credit, the names its credits give, and whether it prints its captions "Caption / Credit".
Read once over the page by `text`, so that a caption printed in the page's way is read by it.
Pure.
"""

from __future__ import annotations

from archive.articles.caption_credits import dash_separator, read_caption, slash_credit


def page_conventions(lines: list[str]) -> tuple[str, set[str]]:
    """The dash a page prints between its captions and their credits ("... Tuesday. — Photo
    by Name/Agency"), or ""; and the names its credits give (casefolded)."""
    dashes: list[str] = []
    names: set[str] = set()
    for line in lines:
        found = read_caption(line)
        if found.credit:
            names.add(found.credit.casefold())
        if found.credit_line and found.caption:
            dashes.append(dash_separator(line))
    dash = next((d for d in dashes if d), "")
    return dash, names


def slashed_captions(lines: list[str]) -> bool:
    """Does the page print three or more captions "Caption / Credit" that no other rule reads
    (`slash_credit`): its house's convention, read for every caption so printed?"""
    slashed = 0
    for line in lines:
        if slash_credit(line) and not read_caption(line).credit_line:
            slashed += 1
    return slashed >= 3
