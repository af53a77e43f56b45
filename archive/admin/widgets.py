"""Admin widgets and form fields: keywords typed as tags (chips), names one a line."""

from __future__ import annotations

import re

from django import forms

from archive.models.assets import LOCATION_PARTS

#: what separates keywords typed in one box
KEYWORD_SEPARATORS = re.compile(r"[,;\n]")


def split_keywords(text: str) -> list[str]:
    """Return the keywords typed in ``text``: trimmed, blanks dropped, repeats (any case) once."""
    seen: set[str] = set()
    keywords = []
    for word in KEYWORD_SEPARATORS.split(text or ""):
        word = " ".join(word.split())
        if word and word.casefold() not in seen:
            seen.add(word.casefold())
            keywords.append(word)
    return keywords


class KeywordsWidget(forms.TextInput):
    """A text box of comma-separated keywords, shown as chips under it (kept in step by
    ``archive/admin_keywords.js``; without script the chips show the saved keywords)."""

    template_name = "admin/archive/widgets/keywords.html"

    class Media:
        js = ["archive/admin_keywords.js"]

    def __init__(self, attrs=None):
        super().__init__({"class": "vTextField keyword-input", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(str(word) for word in value)
        return super().format_value(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if isinstance(value, list | tuple):
            context["widget"]["keywords"] = [str(word) for word in value]
        else:
            context["widget"]["keywords"] = split_keywords(value or "")
        return context


class KeywordsField(forms.CharField):
    """Keywords typed as ``war, Kyiv, drone`` and kept as a list."""

    widget = KeywordsWidget

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "Separate keywords with commas.")
        kwargs.pop("max_length", None)
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(str(word) for word in value)
        return value

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return [str(word) for word in value]
        return split_keywords(super().to_python(value))

    def has_changed(self, initial, data) -> bool:
        return self.to_python(initial or []) != self.to_python(data)


class LinesField(forms.CharField):
    """A list typed one item a line (people's names, which may hold a comma), kept as a list:
    the archivist reads names, not the JSON ``[]`` they are stored as."""

    widget = forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"})

    def __init__(self, **kwargs):
        for key in ("max_length", "encoder", "decoder"):
            kwargs.pop(key, None)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(str(item) for item in value)
        return value

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return [str(item) for item in value]
        lines = (" ".join(line.split()) for line in (super().to_python(value) or "").splitlines())
        return [line for line in lines if line]

    def has_changed(self, initial, data) -> bool:
        return self.to_python(initial or []) != self.to_python(data)


LOCATION_HELP = (
    "The other locations shown after the first, one a line: sublocation; city; province or "
    "state; country; country code (leave a part empty, as in “; Lviv; ; Ukraine; UA”). "
    "IPTC Location Shown."
)


def location_line(place: dict) -> str:
    """A location as typed: its parts in ``LOCATION_PARTS`` joined by "; ", empty ones kept
    in their place and trailing ones dropped."""
    parts = [str(place.get(part) or "") for part in LOCATION_PARTS]
    while parts and not parts[-1]:
        parts.pop()
    return "; ".join(parts)


class LocationsField(LinesField):
    """Locations shown typed one a line, their parts separated by semicolons (a name may hold
    a comma), kept as the list of places the catalogue stores: not a JSON box."""

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(
                location_line(place) if isinstance(place, dict) else str(place) for place in value
            )
        return value

    def to_python(self, value):
        if isinstance(value, list | tuple) and all(isinstance(place, dict) for place in value):
            return [dict(place) for place in value]
        places = []
        for number, line in enumerate(super().to_python(value), start=1):
            parts = [" ".join(part.split()) for part in line.split(";")]
            if len(parts) > len(LOCATION_PARTS):
                raise forms.ValidationError(
                    f"Line {number} has {len(parts)} parts; a location has at most "
                    f"{len(LOCATION_PARTS)}: sublocation; city; province or state; country; "
                    "country code.",
                    code="too_many_parts",
                )
            place = {part: text for part, text in zip(LOCATION_PARTS, parts, strict=False) if text}
            if place:
                places.append(place)
        return places
