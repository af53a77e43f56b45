"""Scale words printed after a figure in languages the older tables did not know ("14 ألف
طن", "3 करोड़ रुपए", "ரூ.420 கோடி", "Rp 214 miliar", "9,6 млрд теңге", "1,3 mil milhões"). The
Unicode CLDR has no number words, so this is a small table, each word under its language.
Languages that join case endings to the word (Tamil "கோடியாக", "கோடிக்கு"; Kazakh "мыңға")
are matched by the word's stem with any ending. For `amounts`: pure.
"""

from __future__ import annotations

import re
import unicodedata

from archive.articles.more_scale_words import MORE_STEMS, MORE_WORDS
from archive.articles.writing_systems import MARKS

# Words matched as printed: language -> word -> value.
_WORDS = {
    "Arabic": {
        "ألف": 10**3,
        "آلاف": 10**3,
        "مليون": 10**6,
        "ملايين": 10**6,
        "مليار": 10**9,
        "مليارات": 10**9,
        "تريليون": 10**12,
        "ترليون": 10**12,
    },
    "Hebrew": {
        "אלף": 10**3,
        "אלפים": 10**3,
        "מיליון": 10**6,
        "מיליארד": 10**9,
        "טריליון": 10**12,
    },
    # the Indian scale and the Western one papers also print ("5 मिलियन डॉलर")
    "Hindi": {
        "हज़ार": 10**3,
        "हजार": 10**3,
        "लाख": 10**5,
        "करोड़": 10**7,
        "अरब": 10**9,
        "खरब": 10**11,
        "मिलियन": 10**6,
        "बिलियन": 10**9,
        "ट्रिलियन": 10**12,
    },
    "Bengali": {
        "হাজার": 10**3,
        "লাখ": 10**5,
        "লক্ষ": 10**5,
        "কোটি": 10**7,
        "মিলিয়ন": 10**6,
        "বিলিয়ন": 10**9,
        "ট্রিলিয়ন": 10**12,
    },
    # Indonesian (and its older "milyar"), Malay ("bilion", "trilion")
    "Indonesian and Malay": {
        "ribu": 10**3,
        "juta": 10**6,
        "miliar": 10**9,
        "milyar": 10**9,
        "bilion": 10**9,
        "triliun": 10**12,
        "trilion": 10**12,
    },
    "Swahili": {
        "elfu": 10**3,
        "laki": 10**5,
        "milioni": 10**6,
        "bilioni": 10**9,
        "trilioni": 10**12,
    },
    # "mil milhões" is a thousand million (the European Portuguese billion)
    "Portuguese": {"mil milhões": 10**9, "mil milhão": 10**9},
    # Turkish "bin" in its cases ("980 bine indi", "12 binden fazla", "5 binle"); not the
    # locative "binde", which is per mille ("binde 5")
    "Turkish": {"bine": 10**3, "binden": 10**3, "binin": 10**3, "bini": 10**3, "binle": 10**3},
}
# Stems matched with any case ending: language -> stem -> value.
_STEMS = {
    # (a stem stops before a final consonant, whose virama a case ending takes off:
    # "பில்லியன்" -> "பில்லியனாக")
    "Tamil": {
        "ஆயிர": 10**3,
        "லட்ச": 10**5,
        "கோடி": 10**7,
        "மில்லிய": 10**6,
        "பில்லிய": 10**9,
        "டிரில்லிய": 10**12,
    },
    # (the abbreviations "млн", "млрд" are read with the Russian ones, with their full stop)
    "Kazakh": {"мың": 10**3, "миллион": 10**6, "миллиард": 10**9, "триллион": 10**12},
}
_WORDS.update(MORE_WORDS)  # Persian, Armenian: `more_scale_words`
_STEMS.update(MORE_STEMS)  # Icelandic, Georgian, Armenian, Nepali


def _forms(word: str) -> set[str]:
    # "करोड़" is printed with a dot below as one letter or as a letter and a mark
    return {word, unicodedata.normalize("NFC", word), unicodedata.normalize("NFD", word)}


_SCALES = {
    form: value
    for words in _WORDS.values()
    for word, value in words.items()
    for form in _forms(word)
}
_STEM_SCALES = {stem: value for stems in _STEMS.values() for stem, value in stems.items()}

_END = rf"(?![\w{MARKS}’'-])"
LANGUAGE_SCALE_RE = (
    "(?:"
    + "|".join(re.escape(w) for w in sorted(_SCALES, key=len, reverse=True))
    + f"){_END}|(?:"
    + "|".join(re.escape(s) for s in sorted(_STEM_SCALES, key=len, reverse=True))
    + rf")[\w{MARKS}]*{_END}"
)


# Languages that print the scale BEFORE the figure: Swahili "watu milioni 2" (two million
# people), "Sh milioni 200", "tani elfu 6" (6,000 tonnes).
# Sinhala "රුපියල් මිලියන 380" (rupees million 380).
_BEFORE = {
    "Swahili": ("elfu", "laki", "milioni", "bilioni", "trilioni"),
    "Sinhala": ("මිලියන", "බිලියන", "ලක්ෂ"),
}
SCALE_BEFORE_RE = "(?:" + "|".join(w for words in _BEFORE.values() for w in words) + r")\s(?=\d)"


def language_scale(word: str) -> int:
    """The value of a scale word of `_WORDS` or `_STEMS` ("करोड़" -> 10⁷, "கோடியாக" -> 10⁷),
    else 0."""
    word = " ".join(word.split()).lower()
    if word in _SCALES:
        return _SCALES[word]
    for stem in sorted(_STEM_SCALES, key=len, reverse=True):
        if word.startswith(stem):
            return _STEM_SCALES[stem]
    return 0
