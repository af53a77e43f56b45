"""Bulk editing of assets: one credit, source, creator, keywords or licence for a selection.

Three steps behind one admin action on the asset list: the form (what to set), the preview
(each asset's fields before → after), and the apply, which saves every asset in one
transaction with one history entry each, carrying the archivist's change reason. The steps
post the selection back as the admin's ``_selected_action`` ids; the apply recomputes the
changes from the posted form, so nothing but the archivist's choices comes from the browser.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.template.response import TemplateResponse

from archive.admin.widgets import KeywordsField
from archive.models import Asset, Credit, Licence

#: the most assets one bulk edit changes (a preview of more is unreadable anyway)
MAX_SELECTION = 500
#: ``history_change_reason`` is a CharField(max_length=100)
REASON_LENGTH = 100


class BulkEditForm(forms.Form):
    """What to set on every selected asset; an empty field leaves that field as it is."""

    credit = forms.ModelChoiceField(
        queryset=Credit.objects.all(), required=False, help_text="Leave empty to keep each one's."
    )
    source = forms.CharField(max_length=300, required=False, help_text="Leave empty to keep.")
    creator = forms.CharField(max_length=300, required=False, help_text="Leave empty to keep.")
    add_keywords = KeywordsField(label="Add keywords", required=False)
    remove_keywords = KeywordsField(label="Remove keywords", required=False)
    licence_type = forms.ChoiceField(
        label="Add a licence of type",
        choices=[("", "— no new licence —"), *Licence.Type.choices],
        required=False,
    )
    licensor = forms.CharField(max_length=300, required=False)
    licence_starts_on = forms.DateField(label="Starts on", required=False, help_text="YYYY-MM-DD")
    licence_expires_on = forms.DateField(label="Expires on", required=False, help_text="YYYY-MM-DD")
    reason = forms.CharField(
        label="Change reason",
        max_length=REASON_LENGTH - len("Bulk edit: "),
        help_text="Shown in each asset's history, e.g. “Credits from the Reuters invoice”.",
    )

    def __init__(self, *args, admin_site=None, **kwargs):
        super().__init__(*args, **kwargs)
        if admin_site is not None:
            # The asset form's credit search, rather than a list of every credit.
            credit = self.fields["credit"]
            credit.widget = AutocompleteSelect(Asset._meta.get_field("credit"), admin_site)
            credit.widget.choices = credit.choices

    def clean(self):
        data = super().clean()
        licence = data.get("licence_type")
        if not licence and (
            data.get("licensor") or data.get("licence_starts_on") or data.get("licence_expires_on")
        ):
            self.add_error("licence_type", "Choose the licence's type to add a licence.")
        starts, expires = data.get("licence_starts_on"), data.get("licence_expires_on")
        if starts and expires and expires < starts:
            self.add_error("licence_expires_on", "A licence cannot expire before it starts.")
        if (
            not self.errors
            and not any(
                data.get(name)
                for name in ("credit", "source", "creator", "add_keywords", "remove_keywords")
            )
            and not licence
        ):
            raise forms.ValidationError("Choose at least one thing to change.")
        return data


@dataclass
class AssetChange:
    """One asset and what the bulk edit changes on it: (field, before, after) rows."""

    asset: Asset
    fields: dict[str, object] = field(default_factory=dict)
    rows: list[tuple[str, str, str]] = field(default_factory=list)
    licence: str = ""

    @property
    def changed(self) -> bool:
        return bool(self.fields or self.licence)


def _shown(value) -> str:
    if isinstance(value, list):
        return ", ".join(value) or "—"
    return str(value) if value not in (None, "") else "—"


def plan_changes(assets: list[Asset], data: dict) -> list[AssetChange]:
    """Return, for each asset, the fields the form's values change (nothing written)."""
    adding = data.get("add_keywords") or []
    removing = {word.casefold() for word in data.get("remove_keywords") or []}
    licence = ""
    if data.get("licence_type"):
        licence = Licence.Type(data["licence_type"]).label
        if data.get("licensor"):
            licence += f" from {data['licensor']}"
        if data.get("licence_expires_on"):
            licence += f", expires {data['licence_expires_on']:%Y-%m-%d}"
    plans = []
    for asset in assets:
        change = AssetChange(asset, licence=licence)
        wanted: dict[str, object] = {
            name: data[name] for name in ("credit", "source", "creator") if data.get(name)
        }
        if adding or removing:
            keywords = [word for word in asset.keywords or [] if word.casefold() not in removing]
            known = {word.casefold() for word in keywords}
            for word in adding:
                if word.casefold() not in known:
                    keywords.append(word)
                    known.add(word.casefold())
            wanted["keywords"] = keywords
        for name, after in wanted.items():
            before = getattr(asset, name)
            if before != after:
                change.fields[name] = after
                change.rows.append((name, _shown(before), _shown(after)))
        if licence:
            change.rows.append(("licence", "", f"+ {licence}"))
        plans.append(change)
    return plans


@transaction.atomic
def apply_changes(plans: list[AssetChange], data: dict, *, reason: str) -> int:
    """Save the planned changes: one history entry per changed asset; return how many."""
    changed = 0
    for plan in plans:
        if not plan.changed:
            continue
        asset = plan.asset
        if plan.licence:
            Licence.objects.create(
                asset=asset,
                licence_type=data["licence_type"],
                licensor=data.get("licensor") or "",
                starts_on=data.get("licence_starts_on"),
                expires_on=data.get("licence_expires_on"),
            )
        for name, value in plan.fields.items():
            setattr(asset, name, value)
        # What an archivist sets wins over embedded metadata, as in the change form.
        asset.edited_fields = sorted(set(asset.edited_fields) | set(plan.fields))
        asset._change_reason = f"Bulk edit: {reason}"[:REASON_LENGTH]
        # The fields set here and the asset's own rules; a value already stored in another
        # field (an odd embedded URL) is not this edit's business.
        unchanged = [f.name for f in Asset._meta.fields if f.name not in plan.fields]
        asset.full_clean(exclude=unchanged, validate_unique=False)
        asset.save()
        changed += 1
    return changed


@admin.action(description="Edit selected assets together…", permissions=["change"])
def bulk_edit_assets(modeladmin, request, queryset: QuerySet):
    """Ask what to set, preview each asset's changes, then apply them in one transaction."""
    assets = list(queryset.select_related("credit").order_by("id")[: MAX_SELECTION + 1])
    if len(assets) > MAX_SELECTION:
        messages.error(
            request, f"Select at most {MAX_SELECTION} assets to edit together; narrow the list."
        )
        return None
    step = request.POST.get("step", "")
    # "edit" comes back from the preview: the form again, filled in as it was.
    form = BulkEditForm(request.POST if step else None, admin_site=modeladmin.admin_site)
    plans: list[AssetChange] = []
    if step in ("preview", "apply") and form.is_valid():
        plans = plan_changes(assets, form.cleaned_data)
        if step == "apply":
            try:
                changed = apply_changes(
                    plans, form.cleaned_data, reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                messages.error(request, f"Nothing was changed: {'; '.join(error.messages)}")
                return None
            messages.success(
                request,
                f"{changed} asset(s) changed; {len(assets) - changed} already as asked.",
            )
            return None
    return TemplateResponse(
        request,
        "admin/archive/asset/bulk_edit.html",
        {
            **modeladmin.admin_site.each_context(request),
            "opts": Asset._meta,
            "title": "Preview the changes" if plans else "Edit assets together",
            "assets": assets,
            "form": form,
            "plans": plans,
            "changing": sum(plan.changed for plan in plans),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": modeladmin.media + form.media,
        },
    )
