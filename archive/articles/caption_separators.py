"""A caption and its credit line printed in one line, joined by a spaced slash or dash, the
credit line opening with a label word and no colon ("A caption / фото УНІАН, Name", "A
caption. - Foto Bernama", "A caption / скріншот з відео House").

Ukrainian papers (UNIAN, and others since) print a figcaption "caption / фото: X"; Malaysian
papers (Berita Harian, Harian Metro) print "caption. - Foto X". The separator belongs to
neither the caption nor the credit line (holdout23's call, as Politico's " | "). The label
words that may open such a credit line, each with its language, are below; a label followed
by its colon is read by `caption_credits` already.
"""

from __future__ import annotations

import re

# label word (lower case) -> language; the words a credit line opens with after the separator
SEPARATED_LABELS: dict[str, str] = {
    "фото": "Ukrainian, Russian, Serbian",
    "світлина": "Ukrainian",
    "відео": "Ukrainian",
    "видео": "Russian, Serbian",
    "скріншот": "Ukrainian",
    "скриншот": "Russian",
    "кадр": "Ukrainian, Russian",
    "foto": "Malay, Indonesian, Portuguese, Spanish and others",
    "video": "Malay, Indonesian, English and others",
    "gambar": "Malay",
    "photo": "English, French",
    "vídeo": "Portuguese, Spanish",
    "vidéo": "French",
}
# " / " and " - " (a hyphen or an en dash, spaced) between the caption and the credit line
_SEPARATOR_RE = re.compile(r"\s+(?:/|-|–)\s+")
_WORD_RE = re.compile(r"[^\W\d_]+")


def _opens_with_label(credit_line: str) -> bool:
    m = _WORD_RE.match(credit_line)
    if not m or m.group().lower() not in SEPARATED_LABELS:
        return False
    rest = credit_line[m.end() :]
    # a name follows the label ("фото УНІАН", "Foto Bernama", "фото: ДСНС"), not a sentence
    return bool(rest.strip(" :")) and len(credit_line.split()) <= 8 and rest[-1:] not in ".!?"


def separated_credit(text: str) -> tuple[str, str] | None:
    """(caption, credit line) when ``text`` is a caption, a spaced slash or dash, then a credit
    line opening with a label word; else None. The last separator counts."""
    found = list(_SEPARATOR_RE.finditer(text))
    if not found:
        return None
    m = found[-1]
    caption, credit_line = text[: m.start()].strip(), text[m.end() :].strip()
    if len(caption.split()) < 2 or not _opens_with_label(credit_line):
        return None
    return caption, credit_line


# A credit line printed alone under its caption, its label with no colon: "Photo Radio
# Okapi/Ph. Name", "Vidéo House", "Foto Bernama" (French, Malay, Portuguese and other papers).
_UNCOLONED_RE = re.compile(
    r"^(?P<label>Photo|Vidéo|Foto|Vídeo|Фото|Видео|Відео)\s+"
    r"(?P<name>(?-i:[^\W\d_])[^.!?:;,]*(?:/Ph\.\s*[^.!?:;,]+)?)$",
    re.IGNORECASE,
)


# Portuguese labels before a spaced slash ("Reprodução / Instagram @account": a reproduction,
# a screenshot; "Arquivo / House": the house's archive); the French screen capture's label
# ("Capture d'écran X/@account")
_LABEL_SLASH_RE = re.compile(
    r"^(?:(?:Reprodução|Reproducao|Arquivo(?:\s+pessoal)?)\s+/\s+|Capture\s+d['’]\s?écran\s+)"
    r"(?P<name>(?-i:[^\W\d_@]|@)[^.!?:;,]*)$",
    re.IGNORECASE,
)


def uncoloned_credit_line(text: str) -> tuple[str, str] | None:
    """("", the line) when ``text`` is only a credit line whose label has no colon, the name
    after it one to six capitalised words (a slash and "Ph. Name" may follow); else None."""
    slashed = _LABEL_SLASH_RE.match(text.strip())
    if slashed and len(slashed["name"].split()) <= 6:
        return "", text.strip()
    m = _UNCOLONED_RE.match(text.strip())
    if not m:
        return None
    words = m["name"].replace("/", " ").replace("Ph.", "").split()
    if not 1 <= len(words) <= 6 or not all(w[:1].isupper() or w[:1] == "@" for w in words):
        return None
    return "", text.strip()
