"""Licences: the rights to use an asset, and the licence status they give it on a day."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from archive.models.windows import covering, ends_after_start
from archive.text import credit_key


class LicenceQuerySet(models.QuerySet):
    def current(self, on: date | None = None) -> LicenceQuerySet:
        on = on or timezone.localdate()
        return self.filter(covering(on, ends="expires_on"))

    def expired(self, on: date | None = None) -> LicenceQuerySet:
        return self.filter(expires_on__lt=on or timezone.localdate())


class Licence(models.Model):
    """The right to use an asset. An asset may have several over time."""

    class Type(models.TextChoices):
        RIGHTS_MANAGED = "rights_managed", "Rights-managed"
        ROYALTY_FREE = "royalty_free", "Royalty-free"
        EDITORIAL = "editorial", "Editorial use only"
        CREATIVE_COMMONS = "creative_commons", "Creative Commons"
        SOCIAL_EMBED = "social_embed", "Social embed only"
        IN_HOUSE = "in_house", "In-house"
        HANDOUT = "handout", "Handout"
        UNKNOWN = "unknown", "Unknown"

    asset = models.ForeignKey("archive.Asset", on_delete=models.CASCADE, related_name="licences")
    licence_type = models.CharField(max_length=20, choices=Type.choices, default=Type.UNKNOWN)
    licensor = models.CharField(max_length=300, blank=True, help_text="Who grants the licence.")
    # The licensor's matching key (credit_key), kept so the licence audit compares in SQL.
    licensor_key = models.TextField(blank=True, editable=False)
    reference = models.CharField(
        max_length=200, blank=True, help_text="Invoice, contract or licence number."
    )
    starts_on = models.DateField(null=True, blank=True)
    expires_on = models.DateField(null=True, blank=True, db_index=True)
    territory = models.CharField(max_length=200, blank=True, help_text="Where it may be used.")
    permitted_uses = models.TextField(blank=True)
    restrictions = models.TextField(blank=True)
    document = models.FileField(upload_to="licences/", blank=True, max_length=255)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(
        default=False, help_text="A demonstration record made by the seed, not a real licence."
    )
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["licensor_key"])
    objects = LicenceQuerySet.as_manager()

    class Meta:
        ordering = ["asset", "-starts_on", "-id"]
        permissions = [("view_licence_report", "Can open the licence report")]
        indexes = [
            # Covers everything the licence audit reads from a licence, in asset order.
            models.Index(
                fields=[
                    "asset",
                    "licensor_key",
                    "starts_on",
                    "expires_on",
                    "verified_at",
                    "licence_type",
                ],
                name="licence_audit_covering",
            ),
        ]
        constraints = [
            ends_after_start(
                "licence_expires_after_start",
                ends="expires_on",
                message="A licence cannot expire before it starts.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_licence_type_display()} licence for {self.asset}"

    def save(self, *args, **kwargs) -> None:
        self.licensor_key = credit_key(self.licensor)
        super().save(*args, **kwargs)


def licence_status_from_rows(
    on: date | None = None, codes: dict[str, int] | None = None, *, asset: str = "pk"
) -> models.Case:
    """Return the licence status on ``on`` decided from the licence rows of the asset that
    ``asset`` names in the outer query. With ``codes``, statuses come out as integer codes."""
    on = on or timezone.localdate()
    horizon = on + timedelta(days=settings.ARCHIVE_EXPIRY_WARNING_DAYS)
    value = status_value(codes)
    licences = Licence.objects.filter(asset=models.OuterRef(asset))
    current = licences.filter(covering(on, ends="expires_on"))
    lasting = current.filter(Q(expires_on__isnull=True) | Q(expires_on__gt=horizon))
    return models.Case(
        models.When(~models.Exists(licences), then=value("none")),
        models.When(models.Exists(lasting), then=value("valid")),
        models.When(models.Exists(current), then=value("expiring")),
        default=value("expired"),
        output_field=models.IntegerField() if codes else models.CharField(),
    )


def licence_status_expression(
    on: date | None = None,
    codes: dict[str, int] | None = None,
    *,
    window: str = "facts__",
    asset: str = "pk",
) -> models.Case:
    """Return the licence status on ``on`` from a stored licence window (``AssetFacts``).

    ``window`` is the path from the queried model to the window's fields, ``asset`` the path
    to the asset's id. When one licence spans the window (starts first and ends last), the
    asset's status is that licence's, so comparing dates is exact; otherwise (a gap or
    staggered ends, rare) the licence rows decide. With ``codes``, statuses come out as codes.
    """
    on = on or timezone.localdate()
    horizon = on + timedelta(days=settings.ARCHIVE_EXPIRY_WARNING_DAYS)
    value = status_value(codes)

    def field(name: str, lookup: str, operand) -> Q:
        return Q(**{f"{window}{name}__{lookup}": operand})

    starts, expires = "licence_starts_on", "licence_expires_on"
    started = field(starts, "isnull", True) | field(starts, "lte", on)
    return models.Case(
        # No facts row yet counts as no licence: the row is written with the asset's first
        # licence at the latest.
        models.When(
            field("licence_count", "exact", 0) | field("licence_count", "isnull", True),
            then=value("none"),
        ),
        models.When(
            field("licence_window_single", "exact", False),
            then=licence_status_from_rows(on, codes, asset=asset),
        ),
        models.When(
            started & (field(expires, "isnull", True) | field(expires, "gt", horizon)),
            then=value("valid"),
        ),
        models.When(started & field(expires, "gte", on), then=value("expiring")),
        default=value("expired"),
        output_field=models.IntegerField() if codes else models.CharField(),
    )


def status_value(codes: dict[str, int] | None):
    """Return a function giving a status's SQL value: its name, or its code from ``codes``."""
    return lambda name: models.Value(codes[name] if codes else name)


def own_aggregate(
    rows: models.QuerySet, function: type[models.Aggregate], *args, by: str = "asset", **kwargs
):
    """Return a subquery aggregating ``rows`` (already narrowed to one asset, or to one of
    what ``by`` names) into one value."""
    values = rows.values(by).annotate(value=function(*args, **kwargs)).values("value")
    return models.Subquery(values)
