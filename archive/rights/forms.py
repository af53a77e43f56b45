"""The "can I use it?" question as a form: a medium, a day and a territory, checked."""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.utils import timezone

from archive.rights.media import MEDIA, MEDIUM_LABELS, WEB

TERRITORY = re.compile(r"^[A-Za-z]{2,3}$")


class UsabilityForm(forms.Form):
    medium = forms.ChoiceField(
        choices=[(medium, MEDIUM_LABELS[medium]) for medium in MEDIA], required=False
    )
    on = forms.DateField(required=False, label="On", help_text="Empty: today.")
    territory = forms.CharField(
        required=False,
        help_text="A country code (GB); empty: not asked.",
    )

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
