"""Scale words of eight more languages, printed after a figure ("1,4 milljörðum króna",
"3,2 მილიონი ლარის", "۴۲ میلیارد تومان", "1,4 մլրդ դրամ", "५० करोडको"). The Unicode CLDR has
no number words, so this is a small table, each word under its language; `scale_words` joins
it to its own. Words that take case endings are stems matched with any ending. Pure.
"""

from __future__ import annotations

# Words matched as printed: language -> word -> value.
MORE_WORDS = {
    "Persian": {"هزار": 10**3, "میلیون": 10**6, "میلیارد": 10**9},
    # the abbreviations "մլն", "մլրդ" are printed without a full stop
    "Armenian": {"մլն": 10**6, "մլրդ": 10**9},
    # Nepali "सय" (a hundred) inside a figure printed in groups ("१७ हजार ३ सय")
    "Nepali": {"सय": 100},
    # Urdu: a lakh is 10⁵, a crore 10⁷ ("۱۰ لاکھ روپے"); Amharic ("2.5 ሚሊዮን ብር", "3 ሺሕ"); Sinhala,
    # which prints its scale before the figure as well ("රුපියල් මිලියන 380", `scale_words`)
    "Urdu": {"ہزار": 10**3, "لاکھ": 10**5, "کروڑ": 10**7, "ارب": 10**9},
    "Amharic": {"ሺሕ": 10**3, "ሺህ": 10**3, "ሚሊዮን": 10**6, "ቢሊዮን": 10**9},
    "Sinhala": {"දහස": 10**3, "ලක්ෂ": 10**5, "මිලියන": 10**6, "බිලියන": 10**9},
}
# Stems matched with any case ending: language -> stem -> value.
MORE_STEMS = {
    # nominative "milljón", dative "milljónum", genitive "milljarða", dative "milljörðum"
    "Icelandic": {"milljón": 10**6, "milljarð": 10**9, "milljörð": 10**9},
    # "ათასი", "ათასზე", "მილიონი", "მილიარდი"
    "Georgian": {"ათას": 10**3, "მილიონ": 10**6, "მილიარდ": 10**9},
    # "հազար", "հազարից", "միլիոն", "միլիարդ"
    "Armenian": {"հազար": 10**3, "միլիոն": 10**6, "միլիարդ": 10**9},
    # Nepali spells crore without the dot below the Hindi has ("करोड", "करोडको"); "अर्ब" 10⁹
    "Nepali": {"करोड": 10**7, "अर्ब": 10**9},
}
