"""Small numbers written in words in more languages, each under its language, joined to
`number_words.SMALL` (the CLDR has no number words). Pure.

Collective numerals count people ("двоє людей", two people; Serbian "седморо", seven of
them); Amharic words stand alone here ("ስምንት ሰዎች", eight people), not with a preposition
joined before them.
"""

from __future__ import annotations

MORE_SMALL_BY_LANGUAGE = {
    "Ukrainian and Russian (collective)": {
        "двоє": 2, "троє": 3, "четверо": 4, "п'ятеро": 5, "шестеро": 6, "двое": 2, "трое": 3,
    },
    # the genitive, locative and instrumental a preposition or a count puts them in ("трьох
    # людей", "на семи локаціях", "із шести складів"; Russian "трёх", "семи")
    "Ukrainian (oblique cases)": {
        "двох": 2, "трьох": 3, "чотирьох": 4, "п'яти": 5, "п’яти": 5, "шести": 6, "семи": 7,
        "восьми": 8, "дев'яти": 9, "дев’яти": 9, "десяти": 10, "двома": 2, "трьома": 3,
    },
    "Russian (oblique cases)": {
        "двух": 2, "трёх": 3, "трех": 3, "четырёх": 4, "четырех": 4, "пяти": 5, "девяти": 9,
        "двумя": 2, "тремя": 3,
    },
    "Serbian (Cyrillic)": {
        "четири": 4, "пет": 5, "шест": 6, "седам": 7, "осам": 8, "девет": 9, "десет": 10,
        "двоје": 2, "троје": 3, "четворо": 4, "петоро": 5, "шесторо": 6, "седморо": 7,
        "осморо": 8,
    },
    "Greek": {
        "δύο": 2, "τρεις": 3, "τρία": 3, "τέσσερις": 4, "τέσσερα": 4, "πέντε": 5, "έξι": 6,
        "επτά": 7, "εφτά": 7, "οκτώ": 8, "οχτώ": 8, "εννέα": 9, "εννιά": 9, "δέκα": 10,
    },
    # the forms no other word is spelled as without its vowel marks ("ثلاثة مستودعات", three
    # depots; "خمس" is also a fifth, "سبع" a lion, "تسع" it holds: left out)
    "Arabic": {
        "اثنان": 2, "اثنين": 2, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5,
        "ستة": 6, "سبعة": 7, "ثمانية": 8, "تسعة": 9, "عشرة": 10,
        # the teens, two words ("ثلاثة عشر شخصا", thirteen people)
        "ثلاثة عشر": 13, "ثلاث عشرة": 13, "أربعة عشر": 14, "أربع عشرة": 14, "خمسة عشر": 15,
        "ستة عشر": 16, "سبعة عشر": 17, "ثمانية عشر": 18, "تسعة عشر": 19,
    },
    # masculine and feminine ("pieci cilvēki", five people; "divas mājas", two houses)
    "Latvian": {
        "divi": 2, "divas": 2, "trīs": 3, "četri": 4, "četras": 4, "pieci": 5, "piecas": 5,
        "seši": 6, "sešas": 6, "septiņi": 7, "septiņas": 7, "astoņi": 8, "astoņas": 8,
        "deviņi": 9, "deviņas": 9, "desmit": 10,
    },
    "Amharic": {
        "ሁለት": 2, "ሦስት": 3, "ሶስት": 3, "አራት": 4, "አምስት": 5, "ስድስት": 6, "ሰባት": 7,
        "ስምንት": 8, "ዘጠኝ": 9, "አሥር": 10, "አስር": 10,
    },
}  # fmt: skip
MORE_SMALL = {
    word: value for words in MORE_SMALL_BY_LANGUAGE.values() for word, value in words.items()
}
