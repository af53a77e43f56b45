"""Failure classes of the holdout11 round, each on a few lines written here.

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


# The picture and video labels in Turkish and Greek ("Fotoğraf: Name/Agency", "Foto:",
# "Φωτογραφία: Agency / Name", "Βίντεο:", "Φωτογραφία αρχείου:", an archive picture), like
# "Photo:" and "Video:"; "Platform / Owner": the platform credited, the page's owner its source.


def test_turkish_picture_label():
    assert _cut("İzmir Körfezi'nde balıkçı tekneleri. Fotoğraf: Deniz Kaya/DHA") == (
        "İzmir Körfezi'nde balıkçı tekneleri.",
        "Fotoğraf: Deniz Kaya/DHA",
        "DHA",
    )
    parts = read_credit_line("Fotoğraf: Ankara Büyükşehir Belediyesi")
    assert (parts.credit, parts.creator) == ("Ankara Büyükşehir Belediyesi", "")


def test_greek_picture_and_video_labels():
    parts = read_credit_line("Φωτογραφία: Intime / Νίκος Παππάς")
    assert (parts.credit, parts.creator) == ("Intime", "Νίκος Παππάς")
    assert _cut("Το λιμάνι του Πειραιά το πρωί (Φωτογραφία αρχείου: Intime)") == (
        "Το λιμάνι του Πειραιά το πρωί",
        "(Φωτογραφία αρχείου: Intime)",
        "Intime",
    )
    read = read_caption("Η νέα γέφυρα από ψηλά (Βίντεο: Instagram / Δήμος Πάτρας)")
    assert (read.caption, read.credit, read.source, read.video) == (
        "Η νέα γέφυρα από ψηλά",
        "Instagram",
        "Δήμος Πάτρας",
        True,
    )
