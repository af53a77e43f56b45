"""More spellings of the agencies and platforms of `archive.agencies`, in other scripts and
languages: each spelling, its language, and the canonical name it gives.

Kept apart from `archive.agencies` (which merges these into its look-up) so that each list
stays small. Pure data.
"""

from __future__ import annotations

# canonical name -> ((spelling, language), ...)
MORE_SPELLINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "AFP": (("اے ایف پی", "Urdu"), ("АФП", "Serbian, Russian")),
    "AP": (("اے پی", "Urdu"),),
    "Reuters": (("رائٹرز", "Urdu"), ("Ројтерс", "Serbian"), ("Рейтер", "Russian, Ukrainian")),
    "EPA-EFE": (("ЕПА", "Serbian"),),
    "Twitter": (("ایکس", "Urdu"), ("ٹوئٹر", "Urdu"), ("Твитер", "Serbian"), ("ትዊተር", "Amharic")),
    "Facebook": (
        ("فیس بک", "Urdu"),
        ("ෆේස්බුක්", "Sinhala"),
        ("ፌስቡክ", "Amharic"),
        ("Фејсбук", "Serbian"),
        ("Фейсбук", "Russian, Ukrainian"),
    ),
    "Instagram": (
        ("انسٹاگرام", "Urdu"),
        ("ඉන්ස්ටග්‍රෑම්", "Sinhala"),
        ("ኢንስታግራም", "Amharic"),
        ("Инстаграм", "Serbian, Russian"),
        ("Інстаграм", "Ukrainian"),
    ),
    "Telegram": (("ٹیلی گرام", "Urdu"), ("ቴሌግራም", "Amharic"), ("ටෙලිග්‍රෑම්", "Sinhala")),
    "YouTube": (
        ("یوٹیوب", "Urdu"),
        ("ዩቲዩብ", "Amharic"),
        ("යූටියුබ්", "Sinhala"),
        ("Јутјуб", "Serbian"),
        ("Ютуб", "Russian, Ukrainian"),
    ),
}


def more_spellings(agencies, key) -> dict:
    """``key(spelling)`` -> the agency of ``agencies`` each spelling above names."""
    by_name = {agency.name: agency for agency in agencies}
    return {
        key(spelling): by_name[name]
        for name, spellings in MORE_SPELLINGS.items()
        for spelling, _language in spellings
    }
