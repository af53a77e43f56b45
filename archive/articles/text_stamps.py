"""Datelines of plain-text copies in forms `dates.dateline` does not read, for `text`.

- A day-first numeric date with dashes, or any numeric date with the time after a bar or a
  dash: An-Nahar's "04-12-2026 | 15:20", GZH's "04/12/2026 - 15h20min".
- The Urdu comma between month and year: Jang's "04 دسمبر ، 2026".
- A Sinhala date, year first: Lankadeepa's "2026 දෙසැම්බර් 04 බ්‍රහස්පතින්දා, පෙ.ව. 09:30" (the
  English month's name in Sinhala letters, or the traditional one from the Unicode CLDR).
- A date in the Ethiopian calendar, as Ethiopian papers print it: "ኅዳር 25 ቀን 2019 ዓ.ም."
  (Hidar 25, 2019 of the Ethiopian era), turned into the Gregorian date it is.
Pure.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from babel import Locale

from archive.articles.dates import dateline

_TIME = r"\d{1,2}(?::|h)\d{2}(?:min)?(?:\s*[A-Z]{2,4})?"
_NUMERIC_RE = re.compile(
    rf"^(?P<d>\d{{1,2}})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})"
    rf"(?:\s*(?:[|–—-]|,|às|at)\s*{_TIME})?$"
)
_SINHALA_RE = re.compile(r"^(?P<y>\d{4})\s+(?P<month>\S+)\s+(?P<d>\d{1,2})(?:\s|,|$)")
# The Ethiopian months, in the spellings papers print ("ኅዳር" and "ህዳር"), then Pagume.
_ETHIOPIAN_MONTHS = {
    **dict.fromkeys(("መስከረም",), 1),
    **dict.fromkeys(("ጥቅምት",), 2),
    **dict.fromkeys(("ኅዳር", "ህዳር", "ሕዳር"), 3),
    **dict.fromkeys(("ታኅሣሥ", "ታህሳስ", "ታኅሳስ", "ታሕሳስ"), 4),
    **dict.fromkeys(("ጥር",), 5),
    **dict.fromkeys(("የካቲት",), 6),
    **dict.fromkeys(("መጋቢት",), 7),
    **dict.fromkeys(("ሚያዝያ", "ሚያዚያ"), 8),
    **dict.fromkeys(("ግንቦት",), 9),
    **dict.fromkeys(("ሰኔ",), 10),
    **dict.fromkeys(("ሐምሌ", "ሃምሌ"), 11),
    **dict.fromkeys(("ነሐሴ", "ነሃሴ"), 12),
    **dict.fromkeys(("ጳጉሜ", "ጳጉሜን"), 13),
}
# "ኅዳር 25 ቀን 2019 ዓ.ም.": month, day, "ቀን" (day), year, "ዓ.ም." (the Ethiopian era).
_ETHIOPIAN_RE = re.compile(
    r"^(?P<month>\S+)\s+(?P<d>\d{1,2})\s+(?:ቀን\s+)?(?P<y>\d{4})\s*(?:ዓ\.?\s?ም\.?)?"
    r"(?:\s*[,|]?\s*\d{1,2}:\d{2})?$"
)
# The Julian day number of the day before the Ethiopian era's first (Amete Mihret), and of the
# day before `date.toordinal`'s first.
_ETHIOPIAN_EPOCH = 1724220
_ORDINAL_EPOCH = 1721425


# Sri Lankan papers print the English months' names in Sinhala letters; the CLDR gives the
# traditional ones ("උඳුවප්" for December), read too.
_SINHALA_MONTHS_PRINTED = (
    "ජනවාරි පෙබරවාරි මාර්තු අප්\u200dරේල් මැයි ජූනි ජූලි අගෝස්තු සැප්තැම්බර් ඔක්තෝබර් නොවැම්බර් දෙසැම්බර්"
).split()


@cache
def _sinhala_months() -> dict[str, int]:
    months = Locale("si").months
    names = {
        name: n
        for context in ("format", "stand-alone")
        for width in ("wide", "abbreviated")
        for n, name in months[context][width].items()
    }
    for n, name in enumerate(_SINHALA_MONTHS_PRINTED, start=1):
        names[name] = names[name.replace("\u200d", "")] = n
    return names


def _ethiopian(year: int, month: int, day: int) -> date | None:
    if not (1 <= day <= 30 and (month < 13 or day <= 6)):
        return None
    jdn = _ETHIOPIAN_EPOCH + 365 * (year - 1) + year // 4 + 30 * (month - 1) + day
    return date.fromordinal(jdn - _ORDINAL_EPOCH)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def copy_stamp(line: str) -> date | None:
    """The date of a line that is only a dateline in one of the forms above, or None."""
    line = line.strip()
    if len(line) > 80:
        return None
    m = _NUMERIC_RE.match(line)
    if m and (m["sep"] == "-" or m.end() > m.end("y")):
        return _date(int(m["y"]), int(m["m"]), int(m["d"]))
    if "،" in line:
        found = dateline(re.sub(r"\s*،\s*", " ", line))
        if found:
            return found
    m = _SINHALA_RE.match(line)
    if m and m["month"] in _sinhala_months():
        return _date(int(m["y"]), _sinhala_months()[m["month"]], int(m["d"]))
    m = _ETHIOPIAN_RE.match(line)
    if m and m["month"] in _ETHIOPIAN_MONTHS:
        return _ethiopian(int(m["y"]), _ETHIOPIAN_MONTHS[m["month"]], int(m["d"]))
    return None
