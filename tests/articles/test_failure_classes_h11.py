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


# The Quebec and Latin house style: the kind word with no colon before the credit, in
# capitals ("PHOTO NAME, HOUSE", "VIDÉO HOUSE"); "fournie par" / "cortesía de" (handed out by)
# after it; "Archives House", "Archivo House": the house's own archive, the house credited.


def test_kind_word_without_colon_before_name_and_house():
    parts = read_credit_line("PHOTO MARIE TREMBLAY, LE SOLEIL")
    assert (parts.credit.upper(), parts.creator.upper()) == ("LE SOLEIL", "MARIE TREMBLAY")
    parts = read_credit_line("VIDÉO LE DEVOIR")
    assert parts.credit.upper() == "LE DEVOIR"
    assert read_credit_line("Vidéo Radio-Canada").credit == "Radio-Canada"


def test_supplied_by_in_french_and_spanish():
    assert read_credit_line("PHOTO FOURNIE PAR HYDRO-QUÉBEC").credit.upper() == "HYDRO-QUÉBEC"
    assert read_credit_line("Photo fournie par la Ville de Laval").credit == "la Ville de Laval"
    assert read_credit_line("Foto cortesía de Pemex").credit == "Pemex"


def test_house_archive_credits_the_house():
    parts = read_credit_line("PHOTO PAUL GAGNON, ARCHIVES LE SOLEIL")
    assert (parts.credit.upper(), parts.creator.upper()) == ("LE SOLEIL", "PAUL GAGNON")
    assert read_credit_line("Foto: Archivo El Heraldo").credit == "El Heraldo"
    assert read_credit_line("Arquivo O GLOBO").credit.upper() == "O GLOBO"
    assert read_credit_line("Foto: Archivo AFP").credit == "AFP"
    # a body named for its archive is no house's archive
    assert read_credit_line("Foto: Archivo General de la Nación").credit == (
        "Archivo General de la Nación"
    )
