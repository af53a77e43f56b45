"""The search language: what a journalist types, parsed into terms and field filters.

Pure functions only (no database): ``parse_query`` never raises, and every word it emits is
read by ``archive.text`` exactly as the search documents are (numbers in one form, then
folded), so both backends see the same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.text import fold_words, normalise_numbers

MAX_QUERY_CHARACTERS = 1000
TEXT_FIELDS = {"claimant", "article"}
FILTER_FIELDS = {
    "credit",
    "kind",
    "status",
    "article",
    "source_type",
    "data_mining",
    "c2pa",
    "usable",
    "licensor",
    "copyright_owner",
    "supplier",
    "ai_system",
    "ai_prompt",
    "ai_prompt_writer",
    "web_statement",
}
# Other spellings people type for a field.
FIELD_ALIASES = {
    "digital_source": "source_type",
    "source_types": "source_type",
    "dmi": "data_mining",
    "content_credentials": "c2pa",
    "credentials": "c2pa",
    "copyright": "copyright_owner",
    "image_supplier": "supplier",
    "ai_system_used": "ai_system",
    "prompt": "ai_prompt",
    "prompt_writer": "ai_prompt_writer",
    "rights_statement": "web_statement",
}
KNOWN_FIELDS = TEXT_FIELDS | FILTER_FIELDS | set(FIELD_ALIASES)


@dataclass(frozen=True)
class Term:
    """A word or phrase to find: all ``words`` in order; the last one a prefix if ``prefix``."""

    words: tuple[str, ...]
    prefix: bool = False
    negated: bool = False
    column: str | None = None


@dataclass(frozen=True)
class FieldFilter:
    """A ``field:value`` term that filters rather than matches text (credit, kind, status,
    source_type, data_mining, c2pa, usable, and the rights names licensor, copyright_owner,
    supplier, ai_system, ai_prompt, ai_prompt_writer, web_statement)."""

    field: str
    value: str
    negated: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    """A parsed search: words to find, field filters, and messages for the person searching."""

    terms: tuple[Term, ...] = ()
    filters: tuple[FieldFilter, ...] = ()
    messages: tuple[str, ...] = ()

    @property
    def positive(self) -> tuple[Term, ...]:
        return tuple(term for term in self.terms if not term.negated)

    @property
    def negative(self) -> tuple[Term, ...]:
        return tuple(term for term in self.terms if term.negated)

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.filters


TOKEN = re.compile(
    r"""
    (?P<neg>-)?
    (?:(?P<field>[A-Za-z_][A-Za-z0-9_]*):)?
    (?:"(?P<phrase>[^"]*)(?:"|$)|(?P<word>[^\s"]+))
    """,
    re.VERBOSE,
)


def parse_query(text: str) -> ParsedQuery:
    """Parse what a person typed into terms, field filters and friendly messages; never raise."""
    terms: list[Term] = []
    filters: list[FieldFilter] = []
    messages: list[str] = []
    negate_next = False
    text = text or ""
    if len(text) > MAX_QUERY_CHARACTERS:
        # Cut at a space, so that no word is searched for half-typed.
        text = text[: MAX_QUERY_CHARACTERS + 1].rsplit(None, 1)[0][:MAX_QUERY_CHARACTERS]
        messages.append(
            f"Only the first {len(text):,} characters of the search were used; "
            "the rest was left out."
        )
    # Before the text is cut into words: "71 000" is one number, as in the documents.
    for match in TOKEN.finditer(normalise_numbers(text)):
        raw_word = match.group("word")
        if match.group("field") is None and raw_word in ("AND", "OR", "NOT"):
            if raw_word == "NOT":
                negate_next = True
            elif raw_word == "OR":
                messages.append("OR is not supported: every word must match.")
            continue
        bare_field = (raw_word or "").rstrip(":").lower()
        bare_field = FIELD_ALIASES.get(bare_field, bare_field)
        typed_field = match.group("field") is None and (raw_word or "").endswith(":")
        if typed_field and bare_field in KNOWN_FIELDS:
            messages.append(
                f"“{bare_field}:” needs a value, like {bare_field}:{example(bare_field)}."
            )
            continue
        negated = bool(match.group("neg")) or negate_next
        negate_next = False
        name = (match.group("field") or "").lower()
        name = FIELD_ALIASES.get(name, name)
        is_phrase = match.group("phrase") is not None
        value = match.group("phrase") if is_phrase else raw_word
        if name and name not in KNOWN_FIELDS:
            # Not a field we know (``C:3PO``, ``http://``): search for the text as typed.
            value = f"{match.group('field')}:{value}"
            name = ""
        prefix = value.rstrip().endswith("*")
        if name in FILTER_FIELDS and not (name == "article" and not value.strip().isdigit()):
            cleaned = value.strip().strip("*").strip()
            if cleaned:
                filters.append(FieldFilter(name, cleaned, negated))
            else:
                messages.append(f"“{name}:” needs a value, like {name}:{example(name)}.")
            continue
        words = fold_words(value)
        if not words:
            continue
        column = name if name in TEXT_FIELDS else None
        terms.append(Term(words, prefix=prefix, negated=negated, column=column))
    if not terms and not filters and re.fullmatch(r"(\s*\b(AND|OR|NOT)\b)+\s*", text or ""):
        messages.append(
            "AND, OR and NOT join words (every word must match; NOT excludes the next); "
            "on their own they search for nothing, so everything is shown."
        )
    # Every term must hold, so one typed twice adds nothing but work: each is kept once.
    query = ParsedQuery(tuple(dict.fromkeys(terms)), tuple(dict.fromkeys(filters)), tuple(messages))
    if query.negative and not query.positive and not query.filters:
        messages.append("Only excluded words given: showing everything without them.")
        query = ParsedQuery(query.terms, query.filters, tuple(messages))
    return query


def parse_field(field_name: str, value: str) -> ParsedQuery:
    """Parse ``field_name:value`` as if typed with the value in quotes (the API's filters):
    the same filter or term, and the same messages, as the search gives those words."""
    name = FIELD_ALIASES.get(field_name, field_name)
    if name not in KNOWN_FIELDS:
        raise ValueError(f"{field_name} is not a search field")
    return parse_query(f'{name}:"{value.replace(chr(34), " ")[:MAX_QUERY_CHARACTERS]}"')


def example(field_name: str) -> str:
    """Return an example value for ``field_name`` (used in messages)."""
    return {
        "credit": "getty",
        "kind": "photo",
        "status": "expired",
        "article": "putin",
        "claimant": "zelensky",
        "source_type": "ai",
        "data_mining": "prohibited",
        "c2pa": "valid",
        "usable": "web",
        "licensor": "reuters",
        "copyright_owner": "afp",
        "supplier": "getty",
        "ai_system": "firefly",
        "ai_prompt": "harbour",
        "ai_prompt_writer": "roe",
        "web_statement": "reuters.com",
    }.get(field_name, "word")
