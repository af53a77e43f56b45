"""Credit lines read before the general forms of `credit_lines.read_credit_line`, each in its own
module: a Creative Commons licence ("CC-BY-SA 2.0 Name", `licence_credits`), a house's files
("Name/Reuters files", `files_suffix_credits`), a picture of two halves ("Left Image: X, Right
Image: Y", `split_picture_credits`) and a Lithuanian genitive credit (`genitive_credits`).
Pure; imported by `read_credit_line` when it runs (these modules import `credit_lines`).
"""

from __future__ import annotations

from archive.articles.credit_lines import CreditParts, _unwrap
from archive.articles.credit_names import _known
from archive.articles.draft import norm
from archive.articles.files_suffix_credits import read_files_credit
from archive.articles.genitive_credits import read_lithuanian_credit
from archive.articles.licence_credits import read_licence_credit
from archive.articles.split_picture_credits import read_split_credit


def read_special_credit(line: str) -> CreditParts | None:
    """The parts of ``line`` in one of the forms above, or None."""
    text = _unwrap(norm(line).strip())[0]
    found = read_licence_credit(text) or read_files_credit(text) or read_split_credit(norm(line))
    if found is not None:
        return found
    lithuanian = read_lithuanian_credit(line)
    if lithuanian:
        credit, source, creator, printed = lithuanian
        return CreditParts(_known(credit) or credit, source, creator, printed)
    return None
