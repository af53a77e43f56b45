"""Admin widgets and form fields: keywords typed as tags (chips), names one a line."""

from __future__ import annotations

import re

from django import forms

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
