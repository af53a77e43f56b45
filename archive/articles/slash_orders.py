"""Two organisations in a slashed credit, in the orders no other rule reads.

- "ČTK/dpa/Name": two houses, then the photographer. The first house prints itself first, as
  an agency does in "AGENCY/Name": it delivers the picture (credit), the second supplied it
  (source), the name took it. ("Name/NTB/Ritzau Scanpix", the name first, is the other
  order: the distributor last.)
- "AFP / Agerpres Foto": a known agency, then a house's picture service ("X Foto", "X
  Photos"): the service, printed last, distributes the agency's picture (credit), the agency
  supplied it (source).

Pure; used by `credit_lines._read_slashes`, which gives the names their canonical spelling.
"""

from __future__ import annotations

import re

from archive.articles.credit_names import _initials, _known, _looks_like_person

# A house's picture service: "Mediafax Foto", "Inquam Photos", "Harbour Pictures"
_PICTURE_SERVICE_RE = re.compile(r"^\S.*\s(?:Foto|Fotos|Photo|Photos|Pictures|Images)$")


def _house(part: str) -> bool:
    return not _looks_like_person(part) and (bool(_known(part)) or part[:1].isupper())


def slashed_in_order(parts: list[str]) -> tuple[str, str, str] | None:
    """(credit, source, creator) of a slashed credit in one of the orders above, or None."""
    if len(parts) == 3:
        first, second, name = parts
        if (
            _looks_like_person(name)
            and not _initials(name)
            and _house(first)
            and _house(second)
            and (_known(first) or _known(second))
        ):
            return first, second, name
    if len(parts) == 2:
        agency, service = parts
        if _known(agency) and not _known(service) and _PICTURE_SERVICE_RE.match(service):
            return service, agency, ""
    return None
