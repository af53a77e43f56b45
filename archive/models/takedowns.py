"""Takedown requests: a supplier, a lapsed licence or one picture, and every placement it touches.

A request records what must come down (a credit's pictures, a licence's asset, or an asset)
and, for each placement the takedown reaches, what the desk did about it. It stays open
until every placement is dealt with.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from archive.models.articles import Placement
from archive.models.assets import Asset
from archive.models.credits import Credit
from archive.models.licences import Licence


class TakedownRequest(models.Model):
    """What must come down, why, and whether every placement has been dealt with."""

    class Scope(models.TextChoices):
        CREDIT = "credit", "A supplier's pictures (every asset under a credit)"
        LICENCE = "licence", "A licence revoked or ending"
        ASSET = "asset", "One asset"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done: every placement dealt with"

    scope = models.CharField(max_length=10, choices=Scope.choices)
    # What it covers; a request goes with it (a deleted record has nothing left to take down).
    credit = models.ForeignKey(
        Credit, null=True, blank=True, on_delete=models.CASCADE, related_name="takedowns"
    )
    licence = models.ForeignKey(
        Licence, null=True, blank=True, on_delete=models.CASCADE, related_name="takedowns"
    )
    asset = models.ForeignKey(
        Asset, null=True, blank=True, on_delete=models.CASCADE, related_name="takedowns"
    )
    requested_by = models.CharField(
        max_length=300, blank=True, help_text="Who asked: the supplier, a lawyer, the desk."
    )
    received_on = models.DateField(help_text="When the request arrived (YYYY-MM-DD).")
    deadline = models.DateField(null=True, blank=True, help_text="By when (YYYY-MM-DD).")
    reason = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_on", "-id"]
        constraints = [
            models.CheckConstraint(
                name="takedown_names_its_scope",
                condition=(
                    Q(
                        scope="credit",
                        credit__isnull=False,
                        licence__isnull=True,
                        asset__isnull=True,
                    )
                    | Q(
                        scope="licence",
                        licence__isnull=False,
                        credit__isnull=True,
                        asset__isnull=True,
                    )
                    | Q(
                        scope="asset",
                        asset__isnull=False,
                        credit__isnull=True,
                        licence__isnull=True,
                    )
                ),
                violation_error_message="A takedown names exactly what it covers: a credit, a "
                "licence or an asset, as its scope says.",
            )
        ]

    def __str__(self) -> str:
        return f"Takedown #{self.pk}: {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("archive:takedown-detail", args=[self.pk])

    def clean(self) -> None:
        wanted = {self.Scope.CREDIT: "credit", self.Scope.LICENCE: "licence"}.get(
            self.scope, "asset"
        )
        errors = {}
        for name in ("credit", "licence", "asset"):
            given = getattr(self, f"{name}_id") is not None
            if name == wanted and not given:
                errors[name] = f"Name the {name} this takedown covers."
            elif name != wanted and given:
                errors[name] = f"A takedown of scope “{self.scope}” names no {name}."
        if self.deadline and self.received_on and self.deadline < self.received_on:
            errors["deadline"] = "The deadline is before the request arrived."
        if errors:
            raise ValidationError(errors)

    @property
    def subject(self) -> str:
        if self.scope == self.Scope.CREDIT and self.credit_id:
            return f"every picture credited {self.credit}"
        if self.scope == self.Scope.LICENCE and self.licence_id:
            return f"licence #{self.licence_id} ({self.licence.asset})"
        if self.asset_id:
            return str(self.asset)
        return "nothing named"


class TakedownItem(models.Model):
    """One placement a takedown reaches, how it is reached, and what the desk did."""

    class Via(models.TextChoices):
        DIRECT = "direct", "The asset itself"
        LOOK_ALIKE = "look-alike", "A look-alike of it"
        STILL = "still", "A still cut from it or from its video"

    class State(models.TextChoices):
        PENDING = "pending", "To deal with"
        REMOVED = "removed", "Taken down"
        REPLACED = "replaced", "Picture replaced"
        KEPT = "kept", "Kept (reason noted)"

    request = models.ForeignKey(TakedownRequest, on_delete=models.CASCADE, related_name="items")
    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="takedowns")
    via = models.CharField(max_length=12, choices=Via.choices)
    state = models.CharField(
        max_length=10, choices=State.choices, default=State.PENDING, db_index=True
    )
    note = models.CharField(max_length=500, blank=True)
    dealt_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dealt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["request", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "placement"], name="takedown_item_once_per_placement"
            )
        ]

    def __str__(self) -> str:
        return f"{self.placement} ({self.get_state_display()})"

    def clean(self) -> None:
        if self.state == self.State.KEPT and not self.note.strip():
            raise ValidationError({"note": "Say why the placement is kept."})
