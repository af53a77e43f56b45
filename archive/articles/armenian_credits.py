"""Armenian credit lines: "Լուսանկարը՝ Name-ի" ("the photo: of Name"), the label closed by the
Armenian "՝" and the name in the genitive ("Գոռ Ավետիսյանի", "Արմենպրեսի"), or "from X's
archive" ("Արմենպրեսի արխիվից"). The credit is the name in the nominative: the genitive "ի"
(after a hyphen on a name in Latin letters, "Reuters-ի") dropped. A name after a slash
("Facebook / Owner") is printed in the nominative and read as any credit. Pure.
"""

from __future__ import annotations

import re

# "Լուսանկարը" (the photo), "Տեսանյութը" (the video), "Կադրը" (the frame), with or without
# the article "ը", then "՝" or a colon
ARMENIAN_LABEL_RE = re.compile(
    r"^(?P<label>Լուսանկար(?:ը)?|Տեսանյութ(?:ը)?|Տեսանկարահանում(?:ը)?|Կադր(?:ը)?)\s*[՝:]\s*"
    r"(?P<rest>\S.*)$"
)
_ARCHIVE_RE = re.compile(r"\s+արխիվից$")  # "from the archive of"
_GENITIVE_RE = re.compile(r"-?ի$")


def armenian_credit(line: str, read):
    """The parts of an Armenian credit line, or None; ``read`` reads a name
    (`credit_lines.read_credit_line`)."""
    m = ARMENIAN_LABEL_RE.match(line.strip())
    if not m:
        return None
    rest = m["rest"].strip()
    if "/" in rest:
        return read(rest)
    name = _ARCHIVE_RE.sub("", rest)
    words = name.split()
    if not words or len(words) > 5 or not _GENITIVE_RE.search(words[-1]):
        return read(rest)
    words[-1] = _GENITIVE_RE.sub("", words[-1])
    found = read(" ".join(words))
    return found
