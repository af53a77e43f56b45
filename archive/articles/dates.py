"""Recognise calendar dates in article text, datelines and page metadata."""

from __future__ import annotations

import re
from datetime import date, datetime

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
# Month names in the genitive as datelines print them ("2 ноября 2022", "2 листопада 2022"),
# and in French, German, Spanish, Polish and Italian.
_FOREIGN_MONTHS = {
    **dict.fromkeys(("января", "січня", "janvier", "januar", "enero"), 1),
    **dict.fromkeys(("февраля", "лютого", "février", "februar", "febrero"), 2),
    # Austrian German: "Jänner", "Feber"
    **dict.fromkeys(("jänner",), 1),
    **dict.fromkeys(("feber",), 2),
    **dict.fromkeys(("марта", "березня", "mars", "märz", "marzo"), 3),
    **dict.fromkeys(("апреля", "квітня", "avril", "abril"), 4),
    **dict.fromkeys(("мая", "травня", "mai", "mayo"), 5),
    **dict.fromkeys(("июня", "червня", "juin", "juni", "junio"), 6),
    **dict.fromkeys(("июля", "липня", "juillet", "juli", "julio"), 7),
    **dict.fromkeys(("августа", "серпня", "août", "agosto"), 8),
    **dict.fromkeys(("сентября", "вересня", "septembre", "septiembre"), 9),
    **dict.fromkeys(("октября", "жовтня", "octobre", "oktober", "octubre"), 10),
    **dict.fromkeys(("ноября", "листопада", "novembre", "noviembre"), 11),
    **dict.fromkeys(("декабря", "грудня", "décembre", "dezember", "diciembre"), 12),
    # Polish (genitive) and Italian; "novembre" is the French one above
    **dict.fromkeys(("stycznia", "gennaio"), 1),
    **dict.fromkeys(("lutego", "febbraio"), 2),
    **dict.fromkeys(("marca",), 3),
    **dict.fromkeys(("kwietnia", "aprile"), 4),
    **dict.fromkeys(("maja", "maggio"), 5),
    **dict.fromkeys(("czerwca", "giugno"), 6),
    **dict.fromkeys(("lipca", "luglio"), 7),
    **dict.fromkeys(("sierpnia",), 8),
    **dict.fromkeys(("września", "settembre"), 9),
    **dict.fromkeys(("października", "ottobre"), 10),
    **dict.fromkeys(("listopada",), 11),
    **dict.fromkeys(("grudnia", "dicembre"), 12),
    # Dutch, Swedish and Portuguese where they differ from the names above
    **dict.fromkeys(("januari", "janeiro"), 1),
    **dict.fromkeys(("februari", "fevereiro"), 2),
    **dict.fromkeys(("maart", "março"), 3),
    **dict.fromkeys(("mei", "maj", "maio"), 5),
    **dict.fromkeys(("junho",), 6),
    **dict.fromkeys(("julho",), 7),
    **dict.fromkeys(("augustus", "augusti"), 8),
    **dict.fromkeys(("setembro",), 9),
    **dict.fromkeys(("outubro",), 10),
    **dict.fromkeys(("novembro",), 11),
    **dict.fromkeys(("dezembro",), 12),
    # abbreviated where they differ from English ("3 Dic, 2026", "3. Okt. 2026"); those
    # that are English words ("ago", "set", "out") are left out
    **dict.fromkeys(("ene", "gen"), 1),
    **dict.fromkeys(("fev",), 2),
    **dict.fromkeys(("mrt",), 3),
    **dict.fromkeys(("abr",), 4),
    **dict.fromkeys(("giu",), 6),
    **dict.fromkeys(("lug",), 7),
    **dict.fromkeys(("okt", "ott"), 10),
    **dict.fromkeys(("dic", "dez"), 12),
    # Hungarian ("2026. december 4.", the year first; "november", "december" are English)
    **{
        name: n
        for n, name in enumerate(
            "január február március április május június július augusztus szeptember október".split(),
            start=1,
        )
    },
    # Czech and Croatian, in the genitive ("4. prosince 2026", "4. prosinca 2026"); the
    # Croatian October, "listopada", is the Polish November above and is left out
    **{
        name: n
        for n, names in enumerate(
            (
                "ledna siječnja",
                "února veljače",
                "března ožujka",
                "dubna travnja",
                "května svibnja",
                "června lipnja",
                "července srpnja",
                "srpna kolovoza",
                "září rujna",
                "října",
                "listopadu studenoga studenog",
                "prosince prosinca",
            ),
            start=1,
        )
        for name in names.split()
    },
    # Greek, in the genitive as datelines print them ("3 Δεκεμβρίου 2026")
    **{
        name: n
        for n, name in enumerate(
            "ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου "
            "σεπτεμβρίου οκτωβρίου νοεμβρίου δεκεμβρίου".split(),
            start=1,
        )
    },
}
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
    + "|".join(sorted(_FOREIGN_MONTHS, key=len, reverse=True))
    + ")"
)
_DATE_PATTERNS = (
    ("ymd", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    (
        "dmy",
        re.compile(
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?(?P<m>{_MONTH_RE})\.?,?\s+"
            rf"(?:de\s+)?(?P<y>(?:19|20)\d\d)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"\b(?P<m>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b",
            re.IGNORECASE,
        ),
    ),
    # "2026. december 4." (Hungarian: the year, the month, the day, each closed by a point)
    (
        "ymd_words",
        re.compile(
            rf"\b(?P<y>(?:19|20)\d\d)\.\s+(?P<m>{_MONTH_RE})\s+(?P<d>\d{{1,2}})\.(?!\d)",
            re.IGNORECASE,
        ),
    ),
    # "27/11/2026", "03.06.2024": day first as Europe prints it; a second number above 12
    # can only be the day ("11/27/2026", the US order).
    ("numeric", re.compile(r"\b(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>(?:19|20)\d\d)\b")),
)

MONTH_WORD_RE = re.compile(rf"^{_MONTH_RE}\.?$", re.IGNORECASE)


def find_date(text: str) -> tuple[date | None, tuple[int, int] | None]:
    """The first calendar date written in `text` (ISO, "31 October 2022", "Oct 31, 2022")."""
    best = None
    for _kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            month = m["m"]
            month_n = (
                int(month)
                if month.isdigit()
                else _FOREIGN_MONTHS.get(month.lower()) or _MONTHS.get(month[:3].lower())
            )
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


_DATELINE_WORDS = frozenset(
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
    ast adt wib τελευταία ενημέρωση ενημερώθηκε δημοσίευση aktualizováno güncelleme""".split()
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
    rest = re.sub(r"\b\d{1,2}[:.h]\d{2}\b", " ", rest)
    rest = re.sub(r"\b[ap]\.\s?m\.", " ", rest, flags=re.IGNORECASE)  # "02:32 p.m. AR"
    words = [
        w
        for w in re.findall(r"[^\W\d_]+", rest)
        if w.lower() not in _DATELINE_WORDS and not MONTH_WORD_RE.match(w)
    ]
    return found if len(words) <= 1 else None
