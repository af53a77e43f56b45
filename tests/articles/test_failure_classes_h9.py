"""Failure classes of the holdout9 round, each on a few lines written here.

Each test is a convention other publishers' pages share (a label, a structure, a credit
word); the snippets are invented, in other words and for other houses than the set's pages,
and the expected values read off them.
"""

from __future__ import annotations

from archive.articles.caption_credits import read_caption
from archive.articles.credit_lines import read_credit_line


def _cut(printed: str) -> tuple[str, str, str]:
    read = read_caption(printed)
    return read.caption, read.credit_line, read.credit


# A credit label whose name ends in an abbreviation's full stop: a house's initials
# ("N.Z.Z.", "S.F.") or a handout's cut words ("mat. pras."); the stop belongs to the name.


def test_label_naming_initials_after_the_caption():
    assert _cut("Die neuen Tarife im Überblick. Grafik: N.Z.Z.") == (
        "Die neuen Tarife im Überblick.",
        "Grafik: N.Z.Z.",
        "N.Z.Z.",
    )
    assert _cut("Foto: mat. pras.") == ("", "Foto: mat. pras.", "mat. pras.")
    assert read_credit_line("Photo: K.L.M.").credit == "K.L.M."


def test_a_sentence_after_the_label_is_no_abbreviation():
    assert _cut("A ferry at dawn. Photo: waiting at the pier.")[1] == ""


# "A chart. Graphic: Name. Source: Body": the maker's label and the data's source, each
# closed by a full stop, after the caption's last sentence (Nordic and German papers).


def test_graphic_maker_then_source_after_the_caption():
    read = read_caption("Lediga bostäder i Umeå, 2018–2025. Grafik: Lena Berg. Källa: SCB")
    assert (read.caption, read.credit_line) == (
        "Lediga bostäder i Umeå, 2018–2025.",
        "Grafik: Lena Berg. Källa: SCB",
    )
    assert (read.credit, read.source, read.creator) == ("Lena Berg", "SCB", "Lena Berg")
    parts = read_credit_line("Graphic: Harbour Times / Source: ONS")
    assert (parts.credit, parts.source, parts.creator) == ("Harbour Times", "ONS", "")


# Polish "Rys. Name" (rysunek, a drawing or a chart): the label cut short like "Fot.".


def test_polish_drawing_label():
    assert _cut("Ceny biletów w Krakowie. Rys. Łucja Zawada") == (
        "Ceny biletów w Krakowie.",
        "Rys. Łucja Zawada",
        "Łucja Zawada",
    )
    assert read_credit_line("Rys. Marek Sowa").credit == "Marek Sowa"


# "(Harbour Gazette file photo)" closing a caption, no label before it: the house's archive.


def test_house_file_photo_in_brackets_closes_the_caption():
    assert _cut(
        "Fishing boats moored at Ban Phe pier last April. (Eastern Courier file photo)"
    ) == (
        "Fishing boats moored at Ban Phe pier last April.",
        "(Eastern Courier file photo)",
        "Eastern Courier",
    )


# Whoever handed a picture out, printed with the kind word first ("Image supplied"), and a
# page a picture was taken from ("Screenshot from X website"): "Supplied", the page's owner.


def test_kind_word_before_supplied():
    assert read_credit_line("(Image supplied)").credit == "Supplied"
    assert read_credit_line("Picture supplied").credit == "Supplied"


def test_screenshot_of_a_website_credits_its_owner():
    assert read_credit_line("(Screenshot from Harbour Water Board website)").credit == (
        "Harbour Water Board"
    )
    assert read_credit_line("Image: the Port Authority's website").credit == "Port Authority"
