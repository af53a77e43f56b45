"""The report's filters as a form, shared by the page, the CSV and the ``licence_report`` command."""

from __future__ import annotations

from typing import Any

from django import forms

from archive.audit.report import ReportFilters
from archive.audit.rules import FINDINGS, LABELS
from archive.text import MAX_ID


class ReportFilterForm(forms.Form):
    """The report's filters, shared by the page, the CSV and the command."""

    # The labels are what the refusal page and the CSV's refusal call each filter.
    credit = forms.CharField(
        label="Credit",
        required=False,
        max_length=200,
        help_text="A credit name, alias or id; 0: no credit.",
    )
    finding = forms.ChoiceField(
        label="Finding",
        required=False,
        choices=[("", "any finding"), *((kind, LABELS[kind]) for kind in FINDINGS)],
    )
    article = forms.IntegerField(
        label="Article number", required=False, min_value=1, max_value=MAX_ID
    )
    published_from = forms.DateField(label="Published from", required=False, help_text="YYYY-MM-DD")
    published_to = forms.DateField(label="Published to", required=False, help_text="YYYY-MM-DD")

    def filters(self) -> ReportFilters:
        """Return the valid filters (invalid fields are ignored, and shown as errors)."""
        data: dict[str, Any] = {}
        if self.is_bound:
            self.is_valid()
            data = self.cleaned_data  # only the fields that validated
        return ReportFilters(
            credit=(data.get("credit") or "").strip(),
            finding=data.get("finding") or "",
            article=data.get("article"),
            published_from=data.get("published_from"),
            published_to=data.get("published_to"),
        )
