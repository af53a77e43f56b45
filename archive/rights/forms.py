"""The "can I use it?" question as a form (a medium, a day and a territory, checked), and the
pre-publication check's form: a draft article with the same three."""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.utils import timezone

from archive.articles.source import MAX_SOURCE_BYTES
from archive.rights.media import MEDIA, MEDIUM_LABELS, PRINT, SOCIAL, SYNDICATION, WEB

TERRITORY = re.compile(r"^[A-Za-z]{2,3}$")
# The days one may ask about: the rules count months and warning windows past the day asked,
# which Python's dates cannot do near their end (9999-12-31).
EARLIEST_DAY, LATEST_DAY = date(1900, 1, 1), date(2999, 12, 31)


def day_refusal(day: date | None) -> str:
    """Why a day asked about is refused, or "" when it is in the range one may ask about."""
    if day is None or EARLIEST_DAY <= day <= LATEST_DAY:
        return ""
    return (
        f"Give a date between {EARLIEST_DAY.isoformat()} and {LATEST_DAY.isoformat()} "
        f"(not {day.isoformat()})."
    )


class UsabilityForm(forms.Form):
    medium = forms.ChoiceField(
        choices=[(medium, MEDIUM_LABELS[medium]) for medium in MEDIA], required=False
    )
    on = forms.DateField(required=False, label="On", help_text="Empty: today.")
    territory = forms.CharField(
        required=False,
        help_text="A country code (GB); empty: not asked.",
    )

    def clean_on(self) -> date | None:
        day = self.cleaned_data.get("on")
        refusal = day_refusal(day)
        if refusal:
            raise forms.ValidationError(refusal)
        return day

    def clean_territory(self) -> str:
        value = (self.cleaned_data.get("territory") or "").strip()
        if value and not TERRITORY.match(value):
            raise forms.ValidationError("Give a country code of two or three letters, like GB.")
        return value.upper()

    def _value(self, name: str):
        if not self.is_bound or not self.is_valid():
            return None
        return self.cleaned_data.get(name)

    def request_day(self) -> date:
        return self._value("on") or timezone.localdate()

    def asked_territory(self) -> str:
        return self._value("territory") or ""

    def asked_medium(self) -> str:
        return self._value("medium") or WEB


# The media an article is published on (a training set is no article).
ARTICLE_MEDIA = (WEB, PRINT, SOCIAL, SYNDICATION)
DRAFT_EXTENSIONS = (".html", ".htm", ".txt")


class PrepublicationForm(UsabilityForm):
    """A draft article to check: pasted text or a saved page, its medium, day and territory."""

    text = forms.CharField(
        label="Draft text",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 90}),
        help_text="Paste the draft as the page will print it (captions with their credit "
        "lines), or its HTML.",
    )
    file = forms.FileField(
        label="…or its saved page",
        required=False,
        help_text="A saved .html or .txt file, up to 10 MB.",
    )
    medium = forms.ChoiceField(
        choices=[(medium, MEDIUM_LABELS[medium].capitalize()) for medium in ARTICLE_MEDIA],
        initial=WEB,
    )
    on = forms.DateField(
        required=False,
        label="Publication date",
        help_text="Empty: today.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    field_order = ["text", "file", "medium", "on", "territory"]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        if not upload.name.lower().endswith(DRAFT_EXTENSIONS):
            raise forms.ValidationError("Upload the draft saved as .html, .htm or .txt.")
        if upload.size > MAX_SOURCE_BYTES:
            raise forms.ValidationError(
                f"The file is {upload.size / 1_048_576:.1f} MB; a draft is at most "
                f"{MAX_SOURCE_BYTES // 1_048_576} MB."
            )
        return upload

    def clean(self):
        data = super().clean()
        if not data.get("file") and not (data.get("text") or "").strip():
            raise forms.ValidationError("Paste the draft's text or choose its saved page.")
        return data

    def source(self) -> tuple[str | bytes, str]:
        """Return the draft's source and its file name ("" for pasted text)."""
        upload = self.cleaned_data.get("file")
        if upload is not None:
            return upload.read(MAX_SOURCE_BYTES + 1), upload.name
        return self.cleaned_data["text"], ""
