"""Names in printed credit lines: an agency or photo service, a person, or an organisation?

`known_agency` gives the canonical name of an agency the credit readers know (those of
`archive.agencies` and the others listed here); the shape tests tell a photographer's name
("Evgeniy Maloletka") from an organisation's ("Ukrainian Presidential Press Office") and
from a title or sentence. Used by `credit_lines` and `caption_credits`.
"""

from __future__ import annotations

import re

from archive.agencies import agency_named
from archive.articles.draft import norm

# Agencies, pools and photo services that are not in `archive.agencies` but are printed after
# a slash often enough that "Name/Agency" can be read without guessing which side is which.
_OTHER_AGENCIES = frozenset(
    credit.lower()
    for credit in (
        "Alamy Live News",
        "LightRocket",
        "Rex Features",
        "iStock",
        "iStockphoto",
        "Corbis",
        "WireImage",
        "FilmMagic",
        "Redux",
        "The Guardian",
        "The Observer",
        "BBC",
        "Eyevine",
        "Camera Press",
        "Bridgeman Images",
        "Magnum Photos",
        "Polaris",
        "Abaca",
        "Avalon",
        "UPI",
        "Universal Images Group",
        "Hulton Archive",
        "Keystone",
        "Planet Pix",
        "Kyodo",
        "Yonhap",
        "KCNA",
        "ANSA",
        "Europa Press",
        "Pixsell",
        "Pool",
        "PAP",
        "Polska Agencja Prasowa",
        "Agencja Gazeta",
        "East News",
        "LaPresse",
        "Fotogramma",
        "Imagoeconomica",
        "Belga",
        "ANP",
        "Keystone-SDA",
        "APA",
        "CTK",
        "Ritzau Scanpix",
        "Scanpix",
        "TT",
        "NTB",
        "Lehtikuva",
        "The Canadian Press",
        "AAP",
        "Keystone-ATS",
        # the Gulf's and the Arab world's national news agencies, credited by their initials
        # ("... before the rains. (SPA)")
        "SPA",
        "Saudi Press Agency",
        "WAM",
        "Emirates News Agency",
        "KUNA",
        "Kuwait News Agency",
        "QNA",
        "Qatar News Agency",
        "BNA",
        "Bahrain News Agency",
        "ONA",
        "Oman News Agency",
        "MENA",
        "IRNA",
        # Mexican and South American photo agencies, printed bare under a caption
        "Cuartoscuro",
        "Notimex",
        "Agencia Uno",
        "Aton Chile",
    )
)
# Parts of a slashed credit that name neither the agency nor the photographer.
_FILE_SUFFIXES = frozenset(
    ("file", "file photo", "files", "handout photo", "pool", "pool photo", "archive", "archives")
    # "Arquivo / Agência X", "Archivo/Télam": a file picture, in other languages
    + ("arquivo", "archivo", "archiv", "archivio", "archiwum", "arkiv")
)
# Words that make a name an organisation's ("Ukrainian Presidential Press Office").
_ORGANISATION_WORDS = frozenset(
    """press office service ministry agency news images image photo photos pictures handout
    pool tv media group department council government presidential police army forces
    command staff administration office committee authority company corporation foundation
    museum archive archives library university institute network channel studio studios
    radio television newswire wire
    press-service prensa presse пресс-служба пресс-службы прес-служба служба""".split()
)
_ARTICLES = frozenset(("The", "Le", "La", "Les", "Die", "Der", "Das", "El", "Il", "Lo", "De"))
_SUPPLIED = frozenset(("handout", "supplied", "pool", "pool photo", "handout photo"))


def _known(name: str) -> str:
    """The canonical name of a known agency or photo service named by ``name``, else ""."""
    name = name.strip(" .,;")
    agency = agency_named(name)
    if agency:
        return agency.name
    low = name.lower()
    if low in _OTHER_AGENCIES:
        return name
    if low.endswith(" photo") or low.endswith(" photos"):  # "AP Photo", "AFP Photo"
        base = name.rsplit(" ", 1)[0]
        agency = agency_named(base)
        if agency:
            return agency.name
    if "getty images" in low:  # "Getty Images News", "Getty Images for Netflix"
        return "Getty Images"
    return ""


def known_agency(name: str) -> str:
    """The canonical name of an agency or picture service the credit readers know ("EUROPA
    PRESS", "LaPresse", the agencies of `archive.agencies` and the others here), else ""."""
    return _known(name)


def _looks_like_person(name: str) -> bool:
    """Is ``name`` shaped like a person's name ("Evgeniy Maloletka", "J. R. Smith")?"""
    words = name.split()
    if not 2 <= len(words) <= 5 or _known(name) or words[0] in _ARTICLES:
        return False
    if not name.isupper() and any(len(w) >= 2 and w.isupper() and w.isalpha() for w in words):
        return False  # an acronym among capitalised words: "NCA NewsWire", "BBC Studios"
    if any(w.lower().strip(".,") in _ORGANISATION_WORDS for w in words):
        return False
    capitalised = [w for w in words if w[:1].isupper()]
    return len(capitalised) >= min(2, len(words)) and all(
        w[:1].isupper() or w in {"de", "van", "von", "der", "da", "la", "le", "al", "bin", "del"}
        for w in words
    )


def _initials(name: str) -> bool:
    return all(len(word.rstrip(".")) <= 1 for word in name.split())


_NAME_JOINERS = frozenset(
    "de van von der da la le al bin del of and the for et und y e i и і du des di".split()
)


def reads_as_title(text: str) -> bool:
    """Does ``text`` read as a title or a sentence ("Floodwater reaches the square"), not as
    a name ("The Hindu", "hromadske", "HARWOOD POTASH")? Two words or more in lower case
    that do not join a name."""
    words = text.split()
    lower = [w for w in words if w[:1].islower() and w.lower() not in _NAME_JOINERS]
    return len(words) >= 3 and len(lower) >= 2


def _is_name_part(text: str) -> bool:
    """Is ``text`` short and capitalised like a name, not a clause ("Jess Lodge", "Queensland
    Fire Department"; not "up 3% on the year")?"""
    words = norm(text).split()
    return 1 <= len(words) <= 6 and words[0][:1].isupper() and not any(c in text for c in ".;!?")


# A website's name printed as its domain ("iDNES.cz", "Aktuálně.cz", "blesk.sk").
_SITE_NAME_RE = re.compile(r"[^\W\d_][\w-]*(?:\.[\w-]+)*\.[a-z]{2,6}")


def _is_site_name(name: str) -> bool:
    """Is ``name`` a website's domain, printed as a house's name in a credit?"""
    return bool(_SITE_NAME_RE.fullmatch(name.strip()))


def _is_org_name(name: str) -> bool:
    """Is ``name`` shaped like an organisation's name printed in a credit ("The Washington
    Post", "Al Jazeera", "NASA"): one to six words, capitalised, no sentence punctuation?"""
    words = name.split()
    if not 1 <= len(words) <= 6 or any(c in name for c in ",;:!?"):
        return False
    return words[0][:1].isupper() and words[-1][:1].isupper()


# Articles and joining words left out of a house's initials ("The Harbour Weekly": "HW").
_SMALL_WORDS = frozenset("the le la les l der die das el los las il lo de of du des".split())
# Getty Images' own collections: printed after it ("Getty Images/iStock"), Getty Images is
# credited and the collection is the source.
_GETTY_COLLECTIONS = frozenset(("istock", "istockphoto", "wireimage", "filmmagic"))
