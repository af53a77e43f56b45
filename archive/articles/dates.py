"""Recognise calendar dates in article text, datelines and page metadata."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from functools import cache

from babel import Locale

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# The languages whose month and weekday names datelines are read in, from the Unicode CLDR
# through Babel (each in its forms as dates print them, the genitive "4 ноября", "4. prosince",
# and as a word alone, "listopad"). Where two languages use one word for different months the
# earlier in this list wins: Polish "listopada" (November) over Croatian (October).
DATE_LOCALES = (
    "ru uk fr de de_AT es pl it nl sv pt hu cs el hr sk sl sr_Latn sr bs mk bg ro lt lv et fi "
    "da nb nn is ga cy ca eu gl tr sq be ka hy az kk uz id ms fil vi sw af ar he fa "
    "hi bn ne mr ta ur"
).split()
_ENGLISH_MONTHS = {
    **{
        name: n
        for n, name in enumerate(
            "january february march april may june july august september october november "
            "december".split(),
            start=1,
        )
    },
    **{name[:3]: n for name, n in _MONTHS.items()},
    "sept": 9,
}
# Abbreviations typed before the CLDR was read, where they differ from English ("3 Dic,
# 2026", "14. Okt. 2026"); every name is also a month word outside a date (a sentence does not
# end after "am 3." before them, a name is not a claimant's).
_TYPED_ABBREVIATIONS = {
    **dict.fromkeys(("ene", "gen"), 1),
    "fev": 2,
    "mrt": 3,
    "abr": 4,
    "giu": 6,
    "lug": 7,
    **dict.fromkeys(("okt", "ott"), 10),
    **dict.fromkeys(("dic", "dez"), 12),
}
# Abbreviations that are common words or names elsewhere ("ago", "set", "out", "pro", "lip",
# "Ian", French "des") are no months even inside a date.
_NOT_MONTHS = frozenset("ago set out pro lis lip ian des mac".split())


def _is_word(name: str) -> bool:
    """Letters only, with the vowel signs of Indic scripts ("ডিসেম্বর", "दिसंबर")."""
    return all(ch.isalpha() or unicodedata.category(ch) in ("Mn", "Mc") for ch in name)


@cache
def _cldr_names(kind: str, width: str) -> dict[str, int]:
    """Every locale's names of months (or weekdays) of one width ("wide", "abbreviated") in
    lower case, each with its number (1 for January, 0 for Monday); one word only, not
    starting with a digit ("12月" is read by its own pattern)."""
    names: dict[str, int] = {}
    for code in DATE_LOCALES:
        locale = Locale.parse(code)
        table = locale.months if kind == "months" else locale.days
        for context in ("format", "stand-alone"):
            for number, name in table[context][width].items():
                key = name.lower().rstrip(".")
                if len(key) >= 3 and _is_word(key) and key not in _NOT_MONTHS:
                    names.setdefault(key, number)
    if kind == "months" and width == "wide":
        # Forms papers print that the CLDR lacks: Austrian "Feber", Croatian "studenog".
        names.update(feber=2, studenog=11)
    return names


def month_number(word: str, *, in_date: bool = True) -> int | None:
    """The month ``word`` names (English, any language above, an abbreviation typed before),
    else None. ``in_date``: the word stands between a day and a year, where the CLDR's
    abbreviations are read too ("4 дек 2026", "3 Ara 2026"); alone they are not, since many
    are names or words elsewhere ("Ion", "Ira", "Mac", "Sen")."""
    key = word.lower().rstrip(".")
    found = (
        _ENGLISH_MONTHS.get(key)
        or _cldr_names("months", "wide").get(key)
        or _TYPED_ABBREVIATIONS.get(key)
    )
    if found is None and in_date:
        found = _cldr_names("months", "abbreviated").get(key)
    return found


# A month's place in the patterns below: a word of letters, looked up by month_number (a word
# that names no month makes no date).
_MONTH = r"[^\W\d_]{3,}"
_DATE_PATTERNS = (
    ("ymd", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    (
        "dmy",
        re.compile(
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?(?P<m>{_MONTH})\.?,?\s+"
            rf"(?:de\s+)?(?P<y>(?:19|20)\d\d)\b"
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"\b(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b"
        ),
    ),
    # "2026. december 4." (Hungarian: the year, the month, the day, each closed by a point)
    (
        "ymd_words",
        re.compile(rf"\b(?P<y>(?:19|20)\d\d)\.\s+(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})\.(?!\d)"),
    ),
    # "2026 m. gruodžio 4 d." (Lithuanian: the year, the month in the genitive, the day)
    (
        "ymd_lt",
        re.compile(rf"\b(?P<y>(?:19|20)\d\d)\s*m\.\s+(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})\s*d\."),
    ),
    # "2026年12月4日", "2026년 12월 4일" (Chinese, Japanese, Korean)
    (
        "ymd_cjk",
        re.compile(
            r"(?P<y>(?:19|20)\d\d)\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]"
        ),
    ),
    # "27/11/2026", "03.06.2024": day first as Europe prints it; a second number above 12
    # can only be the day ("11/27/2026", the US order).
    ("numeric", re.compile(r"\b(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>(?:19|20)\d\d)\b")),
)


def is_month_word(word: str) -> bool:
    """Whether ``word`` alone is a month's name ("December", "Dec.", "Jänner", "gruodžio");
    the CLDR's abbreviations count only inside a date (see month_number)."""
    return month_number(word, in_date=False) is not None


def find_date(text: str) -> tuple[date | None, tuple[int, int] | None]:
    """The first calendar date written in `text` (ISO, "31 October 2022", "Oct 31, 2022")."""
    best = None
    for _kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            month = m["m"]
            month_n = int(month) if month.isdigit() else month_number(month)
            day = int(m["d"])
            if _kind == "numeric" and month_n > 12 >= day:
                day, month_n = month_n, day
            try:
                found = date(int(m["y"]), month_n, day)
            except (TypeError, ValueError):
                continue
            if best is None or m.start() < best[1][0]:
                best = (found, m.span())
            break
    return (best[0], best[1]) if best else (None, None)


def parse_iso_date(value) -> date | None:
    """Return the date of a metadata value ("2022-10-31T09:30:00Z", or a list of them)."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    return find_date(value)[0]


_DATELINE_WORDS_TYPED = frozenset(
    """published updated last first on at bst gmt utc cet cest eet eest msk edt est pdt pst et
    am pm mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday
    saturday sunday posted modified г года року publié mis à jour le veröffentlicht
    aktualisiert am um uhr publicado actualizado opublikowano опубликовано обновлено
    опубліковано оновлено modifié mise gepubliceerd aangepast bijgewerkt publicerad
    uppdaterad kl lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch
    donnerstag freitag samstag sonntag lunes martes miércoles jueves viernes sábado domingo
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag måndag tisdag onsdag torsdag
    fredag lördag söndag data utworzenia aktualizacji publikacji stand datum
    ist jst kst hkt sgt aest aedt awst acst nzst nzdt sast eat wat cat cst cdt mst mdt pt ct mt
    ast adt wib τελευταία ενημέρωση ενημερώθηκε δημοσίευση aktualizováno güncelleme klo""".split()
)


def _is_dateline_word(word: str) -> bool:
    """A word a dateline prints beside its date: a label, a zone, a weekday in any language
    above ("torstai", "четвъртък"), a month."""
    word = word.lower()
    return (
        word in _DATELINE_WORDS_TYPED or word in _cldr_names("days", "wide") or is_month_word(word)
    )


# An update's stamp ("Updated - ...", "Last modified on ..."): the date published wins over it.
UPDATE_STAMP_RE = re.compile(
    r"^\W*(?:last\s+)?(?:updated|modified|aktualisiert|mis à jour|actualizado|aggiornato|"
    r"bijgewerkt|aangepast|uppdaterad|оновлено|обновлено|(?:τελευταία\s+)?ενημέρωση|"
    r"ενημερώθηκε|aktualizováno|güncelleme)\b",
    re.IGNORECASE,
)
# (Labels printed before the date: Polish "Data utworzenia:" / "Data aktualizacji:" (created,
# updated), German "Stand:" and Dutch/Swedish "Datum:".)
# Parts of a page's metadata line printed side by side ("NOS Nieuws • Economie • date").
# "Harbour Daily / 05:12 AM December 3, 2026": the publication's name, a spaced slash, the date.
_META_SEPARATORS_RE = re.compile(r"\s*[•|·]\s*|\s+/\s+")
# "GMTUpdated 4 hours ago": a relative time run on to the date.
_RUN_ON_RE = re.compile(r"(?<=[A-Z]{2})(?=[A-Z][a-z])")
_RELATIVE_TAIL_RE = re.compile(
    r"\b(?:updated|published|posted)?\s*\d+\s*(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|"
    r"days?)\s+ago\b",
    re.IGNORECASE,
)

RELATIVE_TIME_RE = re.compile(
    r"^(?:(?:published|updated|posted|last updated)\s*:?\s*)?(?:about\s+|an?\s+)?\d*\s*"
    r"(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?)\s+ago\.?$|"
    r"^(?:published|updated|posted)\s*:?\s*(?:just now|today|yesterday)\.?$",
    re.IGNORECASE,
)
"""A line that says only when the page was updated: "Updated 3 hours ago"."""


def dateline(line: str) -> date | None:
    """The date of a line that is only a dateline ("10:15, Mon, Oct 31, 2022",
    "Wed 2 Nov 2022 14.32 GMT", "09:14, Tue, Nov 22, 2022 | UPDATED: 11:02, Tue, Nov 22,
    2022", "2 ноября 2022, 14:32")."""
    if len(line) > 120:
        return None
    parts = _META_SEPARATORS_RE.split(line)
    if len(parts) > 1:
        return next((d for d in map(_dateline_part, parts) if d), None)
    return _dateline_part(line)


def _dateline_part(line: str) -> date | None:
    line = _RELATIVE_TAIL_RE.sub(" ", _RUN_ON_RE.sub(" ", line))
    found, span = find_date(line)
    if not found:
        return None
    rest = line
    while span:
        rest = rest[: span[0]] + " " + rest[span[1] :]
        span = find_date(rest)[1]
    rest = re.sub(r"\b\d{1,2}[:.h]\d{2}\b|\d{1,2}時\d{1,2}分", " ", rest)
    rest = re.sub(r"\b[ap]\.\s?m\.", " ", rest, flags=re.IGNORECASE)  # "02:32 p.m. AR"
    words = [w for w in re.findall(r"[^\W\d_]+", rest) if not _is_dateline_word(w)]
    return found if len(words) <= 1 else None
