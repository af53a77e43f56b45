"""Field terms on names: the rights and AI names an asset's embedded metadata carries.

``licensor:reuters``, ``copyright_owner:afp``, ``supplier:getty``, ``ai_system:"firefly 3"``,
``ai_prompt:harbour``, ``ai_prompt_writer:roe`` and ``web_statement:reuters.com`` find an asset when the value's folded words stand in order in
one of its names, as ``claimant:`` finds a claim's claimant; when no name holds the words, the
last word is taken as a prefix (``supplier:gett``), as ``credit:`` falls back to a prefix. A field's few distinct names are read once and matched in Python, then the
assets are asked for by those names (an ``IN`` list), so the engine never folds a column.
``licensor:`` also reads the licensors of the asset's licence records. ``none`` finds the
assets that carry no such name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import reduce
from operator import or_
from typing import TypeVar

from django.db.models import Q

from archive.models import Asset, Licence
from archive.search.query import Term
from archive.text import fold_words

N = TypeVar("N")

# Each field's groups of asset columns; a group of two is read as one name ("Adobe Firefly"
# with its version "3" is "firefly 3").
NAME_FIELDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "licensor": (("licensor_name",), ("licensor_url",)),
    "copyright_owner": (("copyright_owner",),),
    "supplier": (("image_supplier",),),
    "ai_system": (("ai_system", "ai_system_version"),),
    "ai_prompt": (("ai_prompt",),),
    "ai_prompt_writer": (("ai_prompt_writer",),),
    "web_statement": (("web_statement",),),
}
LABELS = {
    "licensor": "licensor",
    "copyright_owner": "copyright owner",
    "supplier": "image supplier",
    "ai_system": "AI system",
    "ai_prompt": "AI prompt",
    "ai_prompt_writer": "AI prompt writer",
    "web_statement": "web statement of rights",
}
NONE_VALUES = ("none", "unknown", "unstated")


def names_words(name: str, term: Term) -> bool:
    """Say whether ``term``'s words stand in order in ``name``'s folded words."""
    words, wanted = fold_words(name), term.words
    for start in range(len(words) - len(wanted) + 1):
        window = words[start : start + len(wanted)]
        if window[:-1] == wanted[:-1] and (
            window[-1].startswith(wanted[-1]) if term.prefix else window[-1] == wanted[-1]
        ):
            return True
    return False


def name_term(value: str) -> Term | None:
    """Return the words ``value`` asks for (``None`` when it holds no word)."""
    words = fold_words(value)
    return Term(words=words) if words else None


def names_holding(
    names: Iterable[N], terms: Sequence[Term], text: Callable[[N], str] = str
) -> list[N]:
    """Return the ``names`` (each once, blanks left out) in whose ``text`` every one of
    ``terms`` stands (see ``names_words``). The few distinct names are read once and matched
    here, so the engine never folds a column."""
    return [
        name
        for name in dict.fromkeys(names)
        if text(name) and all(names_words(text(name), term) for term in terms)
    ]


def name_condition(field: str, value: str, messages: list[str]) -> Q | None:
    """Return the condition ``field:value`` asks for; ``None`` (and a message) when the value
    holds no word. A name nobody carries gives a message and a condition that matches
    nothing."""
    groups = NAME_FIELDS[field]
    if value.strip().lower() in NONE_VALUES:
        condition = Q(**{column: "" for group in groups for column in group})
        if field == "licensor":
            licensed = Licence.objects.exclude(licensor="").values("asset_id")
            condition &= ~Q(id__in=licensed)
        return condition
    term = name_term(value)
    if term is None:
        messages.append(f"“{field}:{value}” names no {LABELS[field]}; try {field}:none.")
        return None
    found = names_found(field, term)
    if not found:
        messages.append(f"No {LABELS[field]} is called “{value}”.")
        return Q(pk__isnull=True)  # matches nothing
    return reduce(or_, found)


def names_found(field: str, term: Term) -> list[Q]:
    """Return a condition for each group of ``field``'s names that holds ``term``; when no
    name holds it, its last word is taken as a prefix. Each group's names are read once."""
    stored = [
        list(Asset.objects.order_by().exclude(**{group[0]: ""}).values_list(*group).distinct())
        for group in NAME_FIELDS[field]
    ]
    licensors = []
    if field == "licensor":
        licensors = list(
            Licence.objects.order_by()
            .exclude(licensor="")
            .values_list("licensor", flat=True)
            .distinct()
        )
    for wanted in (term, replace(term, prefix=True)):
        found = []
        for group, names in zip(NAME_FIELDS[field], stored, strict=True):
            chosen = names_holding(names, [wanted], text=" ".join)
            if len(group) == 1 and chosen:
                found.append(Q(**{f"{group[0]}__in": [values[0] for values in chosen]}))
            else:
                found.extend(Q(**dict(zip(group, values, strict=True))) for values in chosen)
        if chosen_licensors := names_holding(licensors, [wanted]):
            licensed = Licence.objects.filter(licensor__in=chosen_licensors).values("asset_id")
            found.append(Q(id__in=licensed))
        if found:
            return found
    return []
