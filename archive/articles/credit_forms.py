"""Credit line forms that `credit_lines.read_credit_line` asks about before its own rules.

- A label and a dash before the credit, Czech and Slovak style: "Foto – TASR" (the agency),
  "Foto N – Name" (the house's brand letter, then its photographer); "Grafika N" (the brand
  letter alone after the label).
- Two initialisms joined by a slash, neither a known agency, are one name: "RFE/RL", and
  "RFE/RL's Kazakh Service" (one of its services) is credited to it.
- A screenshot's word printed as the first part ("Kuvakaappaus / Instagram",
  "Printscreen/Facebook/Page"): the word is a label, the platform is credited and the page
  or account is the source.

`brand_letters` names the publication for its brand letters ("IS" for Ilta-Sanomat, "N" for
Denník N, "MB" for Manila Bulletin). Pure.
"""

from __future__ import annotations

import re

from archive.agencies import agency_named
from archive.articles.credit_forms_archive import read_archive_credit_form
from archive.articles.credit_forms_more import read_more_credit_form
from archive.articles.credit_lines import _LABEL_WORDS, CreditParts, _unwrap
from archive.articles.credit_names import _known, _looks_like_person
from archive.articles.house_person_forms import read_house_person_form
from archive.articles.screenshot_labels import read_screenshot_label
from archive.articles.script_credits import read_script_credit

_BRAND = r"[A-Z]{1,3}"
# "Foto – TASR", "Foto N – Name", "Video N – Name"
_DASH_LABEL_RE = re.compile(
    rf"^(?:{_LABEL_WORDS})(?:\s+(?P<brand>(?-i:{_BRAND})))?\s+[–—]\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
# "Grafika N", "Foto SME": a label, then the house's brand letters alone
_LABEL_BRAND_RE = re.compile(rf"^(?:{_LABEL_WORDS})\s+(?P<brand>(?-i:{_BRAND}))$", re.IGNORECASE)
_INITIALISMS_RE = re.compile(r"^(?P<org>[A-Z]{2,5}/[A-Z]{2,3})(?:['’]s\s+\S.*)?$")
# A screenshot's word in a credit's first part, in several languages.
_SCREENSHOT_WORDS = frozenset(
    (
        "kuvakaappaus",  # Finnish
        "printscreen",
        "print screen",
        "screenshot",
        "screengrab",
        "screen grab",
        "képernyőkép",  # Hungarian
        "képernyőfotó",
        "snímka obrazovky",  # Slovak
        "snímek obrazovky",  # Czech
        "zrzut ekranu",  # Polish
        "skjermbilde",  # Norwegian
        "skärmdump",  # Swedish
        "skærmbillede",  # Danish
        "kuvankaappaus",
        "captura de pantalla",
        "capture d'écran",
        "снимок экрана",
        "скриншот",
    )
)


def read_credit_form(line: str, read) -> CreditParts | None:
    """The parts of a credit line in one of the forms above, or None; ``read`` reads the
    rest of the line (`read_credit_line`)."""
    found = read_script_credit(line, read) or read_more_credit_form(line, read)
    found = found or read_screenshot_label(line, read)  # "Скриншот: X": `screenshot_labels`
    found = found or read_archive_credit_form(line, read)  # files, handouts, desks
    found = found or read_house_person_form(line, read)  # "© House (Name)": `house_person_forms`
    if found is not None:
        return found
    m = _DASH_LABEL_RE.match(line.strip())
    if m:
        rest = m["rest"].strip()
        if m["brand"]:
            if _looks_like_person(rest):
                return CreditParts(m["brand"], "", rest, m["brand"])
            return None
        return read(rest)
    m = _LABEL_BRAND_RE.match(line.strip())
    if m and not _known(m["brand"]):
        return CreditParts(m["brand"], "", "", m["brand"])
    text, _label = _unwrap(line)
    m = _INITIALISMS_RE.match(text)
    if m and not any(agency_named(part) for part in m["org"].split("/")):
        return CreditParts(m["org"], "", "", m["org"])
    parts = [p.strip() for p in text.split("/")]
    if len(parts) >= 2 and parts[0].casefold() in _SCREENSHOT_WORDS and all(parts[1:]):
        platform = parts[1]
        found = agency_named(platform)
        return CreditParts(found.name if found else platform, "/".join(parts[2:]), "", platform)
    return None


_LOWER_WORD_RE = re.compile(r"(?<!\S)[a-z]{2,}(?!\S)")


def reads_as_sentence(text: str) -> bool:
    """Whether what follows an "AGENCY/" is a sentence, not a name: it closes with a full stop
    after three lower-case words or more ("RL is following the strike live.")."""
    return text.rstrip()[-1:] in ".!?" and len(_LOWER_WORD_RE.findall(text)) >= 3


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-/]+", name) if w and w[0].isalpha()]
    return "".join(w[0] for w in words).upper()


# the media words a Malay or Indonesian paper prints before its initials ("Video BH")
_UNCOLONED_LABELS = r"(?:foto|video|gambar)(?:\s+(?:tangkap\s+layar|fail))?"


def brand_letters(credit: str, credit_line: str, names: list[str], spellings: list[str]) -> str:
    """The publication, when ``credit`` is its brand letters, one of its ``names`` (its name,
    or the first lines of a text copy: its masthead): the one letter that ends it ("Foto N –
    Name" for "Denník N"), the initials of a name written as one hyphenated word ("IS" for
    "Ilta-Sanomat"), or initials before "file photo" ("(MB file photo)", the paper's own
    archive); spelled as another credit of the page prints it (``spellings``: "MANILA
    BULLETIN"). Initials a house goes by are kept ("HS", "NZZ", "Name / FT"), as is a known
    agency's name."""
    if not credit or not re.fullmatch(_BRAND, credit) or agency_named(credit):
        return credit
    if credit in (name.strip() for name in names):
        # A masthead printing the initials on a line of their own over the name ("JN" /
        # "Jornal de Notícias"): the name whose capitalised words give them.
        for name in names:
            capitals = [w for w in re.split(r"[\s\-]+", name.strip()) if w[:1].isupper()]
            if len(capitals) >= 2 and "".join(w[0] for w in capitals) == credit:
                return name.strip()
    desk = re.search(
        rf"(?<!\w){re.escape(credit)}\s+(?:file\s+)?(?:photo|picture)s?\b", credit_line, re.I
    )
    # "Video BH", "Gambar tangkap layar BH": a label with no colon before the initials alone
    desk = desk or re.fullmatch(rf"(?i:{_UNCOLONED_LABELS})\s+{re.escape(credit)}", credit_line)
    for name in names:
        name = (name or "").strip()
        # "Hospodářské noviny (HN.cz)": the page gives the initials it goes by itself
        short = re.fullmatch(r"(?P<name>.+?)\s+\((?P<short>[^()\s]+?)(?:\.[a-z]{2,3})?\)", name)
        if short and short["short"] == credit and len(short["name"].split()) >= 2:
            return short["name"]
        words = [w for w in re.split(r"[\s\-]+", name) if w]
        if len(words) < 2 or len(name) > 60:
            continue
        if len(credit) == 1:
            found = words[-1] == credit and " " in name
        else:
            found = initials(name) == credit and (desk is not None or " " not in name)
        if found:
            same = [s for s in spellings if s.casefold() == name.casefold()]
            return same[0] if same else name
    return credit


# "arhiv Dnevnika" (Slovenian), "archiv Deníku" (Czech), "archiwum Gazety" (Polish): the
# paper's own archive, its name in the genitive.
_ARCHIVE_OF_RE = re.compile(r"^(?:arhiv|arhiva|archiv|archív|archiwum)\s+(?P<name>\S.*)$", re.I)


def house_archive(credit: str, names: list[str]) -> str:
    """The publication, when ``credit`` is its archive with its name in the genitive ("arhiv
    Dnevnika" for "Dnevnik": the name, give or take the case ending's last letters); else
    ``credit``."""
    m = _ARCHIVE_OF_RE.match(credit.strip())
    if not m:
        return credit
    printed = m["name"].casefold()
    for name in names:
        name = (name or "").strip()
        words, printed_words = name.casefold().split(), printed.split()
        if not name or len(words) != len(printed_words):
            continue
        if all(
            p.startswith(w[: max(3, len(w) - 1)]) and len(p) - len(w) <= 2
            for w, p in zip(words, printed_words, strict=True)
        ):
            return name
    return credit
